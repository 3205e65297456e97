"""`avdesk audit [--aantal N] [--controleer [--backup BESTAND]]`: de auditlog tonen en zijn keten nalopen."""

from __future__ import annotations

import sys
from pathlib import Path

from .gemeen import _met_opslag, _opslag, positief


@_met_opslag
def cmd_audit(args) -> int:
    """De auditlog (handeling, tijd, gebruiker, dossiernummer; nooit een naam); --controleer loopt de keten na."""
    kop = None
    if args.backup:
        from ..store import OpslagFout
        from ..store.opslag import lees_backup
        kop = lees_backup(Path(args.backup), alleen_kop=True)[0].get("audit")
        if not isinstance(kop, dict) or not isinstance(kop.get("volgnr"), int):
            raise OpslagFout(f"De back-up {args.backup} bevat geen auditkop (gemaakt met een oudere versie van avdesk).")
    with _opslag(maak=False) as o:
        if not (args.controleer or kop):
            rijen = o.auditlog(args.aantal)
            if not rijen:
                print("De auditlog is leeg.")
            for r in rijen:
                dossier = f"dossier {r['dossier_id']}" if r["dossier_id"] is not None else "-"
                print(f"{r['volgnr']:>7}  {r['tijd']}  {r['gebruiker']:<12} {dossier:<14} {r['actie']}")
            return 0
        problemen = o.audit_problemen(kop)
        aantal = o.audit_kop()[0]
    if problemen:
        vanaf = f" vanaf regel {problemen[0][0]}" if problemen[0][0] > 0 else ""
        print(f"De auditlog klopt niet{vanaf} ({len(problemen)} probleem/problemen):", file=sys.stderr)
        for _, p in problemen[:200]:
            print(f"  - {p}", file=sys.stderr)
        if len(problemen) > 200:
            print(f"  - en nog {len(problemen) - 200} problemen", file=sys.stderr)
        return 1
    tegen = f", en bevat de laatste regel ({kop['volgnr']}) van de back-up ongewijzigd" if kop else ""
    print(f"De auditlog klopt: {aantal} regels, de keten (HMAC met de sleutel van deze opslag) is ongebroken en "
          f"sluit aan op de bewaarde kop{tegen}.")
    return 0


def registreer(sub) -> None:
    au = sub.add_parser("audit", help="toon de auditlog (handeling, tijd, gebruiker, dossiernummer; nooit een naam)",
                        description="Toon de auditlog, nieuwste eerst. Met --controleer: loop de keten na (HMAC met "
                                    "de sleutel van deze opslag) en vergelijk met de kop in audit-kop.json; elke "
                                    "ontbrekende regel (ook aan het eind), gewijzigde of teruggedateerde regel en een "
                                    "herberekende keten wordt genoemd. Exitcodes: 0 de log klopt; 1 er ontbreken "
                                    "regels of er is iets gewijzigd (per probleem een regel op stderr); 2 de dossiers "
                                    "zijn niet te openen; 3 interne fout.")
    au.add_argument("--controleer", action="store_true",
                    help="controleer de keten (exit 0: klopt, 1: ontbrekende of gewijzigde regels, elk genoemd)")
    au.add_argument("--backup", metavar="BESTAND",
                    help="controleer ook tegen de auditkop in deze back-up (toont een herschreven geschiedenis)")
    au.add_argument("--aantal", type=positief, default=100, help="hoeveel regels tonen (standaard 100)")
    au.set_defaults(functie=cmd_audit)
