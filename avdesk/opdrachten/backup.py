"""`avdesk backup BESTAND [--red]` en `avdesk herstel BESTAND`: versleutelde back-ups maken, redden en terugzetten."""

from __future__ import annotations

import sys
from pathlib import Path

from .gemeen import _fout, _met_opslag, _opslag, _wachtwoord, _wachtwoord_uit_omgeving


@_met_opslag
def cmd_backup(args) -> int:
    from ..store import OpslagFout
    from ..store.opslag import controleer_wachtwoord
    wachtwoord = _wachtwoord("AVDESK_BACKUP_WACHTWOORD", "Wachtwoord voor de back-up: ")
    if not wachtwoord:
        raise OpslagFout("Geef een wachtwoord voor de back-up (of zet AVDESK_BACKUP_WACHTWOORD).")
    controleer_wachtwoord(wachtwoord, "voor de back-up een wachtwoord")
    if not args.red:
        with _opslag(maak=False) as o:
            o.maak_backup(Path(args.bestand), wachtwoord)
        print(f"Back-up gemaakt: {args.bestand} (versleuteld; bewaar het wachtwoord apart).")
        return 0
    with _opslag(maak=False) as o:
        u = o.red_backup(Path(args.bestand), wachtwoord)
    nummers = lambda ids: ", ".join(map(str, ids))  # noqa: E731
    print(f"Back-up gemaakt van wat nog te lezen is: {args.bestand} (versleuteld; bewaar het wachtwoord apart). "
          f"{len(u['gered'])} dossier(s) gered" + (f": {nummers(u['gered'])}." if u["gered"] else "."))
    regels = []
    if u["verloren"]:
        regels.append(f"niet te redden (de gegevens van het dossier zelf zijn onleesbaar): dossier "
                      f"{nummers(u['verloren'])}")
    for d, wat in u["onvolledig"].items():
        regels.append(f"dossier {d} is gered, maar zonder {' en '.join(wat)} (onleesbaar); "
                      f"maak PDF's zo nodig opnieuw met avdesk pdf --dossier {d} --opnieuw")
    if u["onbekend"]:
        regels.append("ook onleesbaar, van een onbekend dossier: een deel van de tabel(len) " + ", ".join(u["onbekend"]))
    regels_audit, volledig = u["audit"]
    if not volledig:
        regels.append(f"de auditlog is gered tot en met regel {regels_audit}; de regels daarna zijn onleesbaar")
    if not regels:
        print("Alle dossiers zijn volledig gered. Zet de back-up terug met avdesk herstel "
              f"{args.bestand}.")
        return 0
    _fout(regels, "Niet alles was te redden:")
    print(f"Zet de back-up terug met avdesk herstel {args.bestand}; de beschadigde dossiers blijven daarbij naast "
          f"de nieuwe bewaard (avdesk.db.voor-herstel-*).", file=sys.stderr)
    return 1


@_met_opslag
def cmd_herstel(args) -> int:
    from ..store import OpslagFout
    from ..store.opslag import herstel_backup
    wachtwoord = _wachtwoord("AVDESK_BACKUP_WACHTWOORD", "Wachtwoord van de back-up: ")
    if not wachtwoord:
        raise OpslagFout("Geef het wachtwoord van de back-up (of zet AVDESK_BACKUP_WACHTWOORD).")
    verslag: dict = {}
    pad = herstel_backup(Path(args.bestand), wachtwoord, None, _wachtwoord_uit_omgeving(), verslag=verslag)
    print(f"Back-up teruggezet in {pad}; de vorige dossiers staan ernaast als avdesk.db.voor-herstel-*.")
    if opnieuw := verslag.get("opnieuw_verwijderd"):
        print(f"{len(opnieuw)} dossier(s) uit de back-up waren hier al verwijderd en zijn opnieuw verwijderd (AVG): "
              f"dossier {', '.join(map(str, opnieuw))}.")
    return 0


def registreer(sub) -> None:
    bk = sub.add_parser(
        "backup", help="maak een versleutelde back-up van alle dossiers (--red: wat nog leesbaar is)",
        description="Maak een versleutelde back-up met een eigen wachtwoord van minstens 8 tekens "
                    "(AVDESK_BACKUP_WACHTWOORD). Een "
                    "beschadigd dossierbestand geeft geen gewone back-up; --red bewaart dan elk dossier dat nog te "
                    "lezen is en noemt de nummers van de dossiers die niet (volledig) te redden zijn. Exitcodes: 0 "
                    "alles gered; 1 (alleen met --red) niet alles gered, de rest staat in de back-up; 2 foute "
                    "invoer (wachtwoord te kort, map bestaat niet), de schijf is vol of de dossiers zijn niet te "
                    "openen; 3 interne fout.")
    bk.add_argument("bestand", help="doelbestand")
    bk.add_argument("--red", action="store_true",
                    help="red uit een beschadigd dossierbestand alles wat nog te lezen is (exit 1 als er iets "
                         "verloren is, met de dossiernummers)")
    bk.set_defaults(functie=cmd_backup)
    h = sub.add_parser(
        "herstel", help="zet een back-up terug (de huidige dossiers blijven ernaast bewaard)",
        description="Zet een back-up terug in een nieuwe opslag: alleen de tabellen en kolommen van avdesk, rij voor "
                    "rij gecontroleerd zoals bij import. Een back-up met een tabel, index, trigger of view die niet van "
                    "avdesk is, of met een auditketen die niet klopt, wordt niet teruggezet. Het terugzetten komt in "
                    "de auditlog; dossiers die hier na de back-up zijn verwijderd, worden opnieuw verwijderd. De "
                    "vorige dossiers blijven ernaast als avdesk.db.voor-herstel-*. Exitcodes: 0 teruggezet; 2 niet "
                    "teruggezet (wachtwoord, vreemde of beschadigde back-up, schijf vol; er is niets gewijzigd); 3 "
                    "interne fout.")
    h.add_argument("bestand", help="back-upbestand")
    h.set_defaults(functie=cmd_herstel)
