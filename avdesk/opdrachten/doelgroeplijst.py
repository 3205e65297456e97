"""`avdesk doelgroeplijst importeer|zoek|verwijder|toon`: de doelgroepselectielijst van het Inlichtingenbureau.

Het lezen staat in core/doelgroeplijst.py (met de grenzen voor een bestand van buiten), het bewaren in
store/lijsten.py; het venster gebruikt dezelfde functies. Deze module zegt alleen wat er gebeurt, in het Nederlands,
zonder BSN en zonder de inhoud van een cel."""

from __future__ import annotations

import sys
from pathlib import Path

from .gemeen import Melding, _fout, _met_opslag, _opslag, melding

IMPORTEER_UITLEG = (
    "Leest de lijst zoals de gemeente hem bewaarde: CSV (elk scheidingsteken, met of zonder kopregel, extra kolommen "
    "mogen; UTF-8, Windows-1252 of UTF-16) of XLSX. avdesk zoekt zelf de kolom met de BSN's, zet voorloopnullen "
    "terug die een spreadsheet wegliet, en noemt elke afgekeurde regel met zijn nummer en de reden (nooit de inhoud). "
    "Noemt het bestand een jaar (een kolom 'Jaar', of een jaartal in de bestandsnaam), dan moet dat --jaar zijn. Een "
    "bestand met meer afgekeurde dan goede regels wordt niet ingelezen. Heeft het jaar al een lijst, dan is --vervang "
    "(de oude verdwijnt) of --aanvullen nodig; zonder noemt avdesk beide aantallen en verandert er niets. Grenzen: "
    "64 MB, 1.048.576 regels, 100 kolommen; een XLSX die uitgepakt te groot is (een zip-bom) wordt geweigerd. "
    "Exitcodes: 0 ingelezen (ook als er regels zijn afgekeurd; die staan in het verslag); 2 niet ingelezen "
    "(bestand onleesbaar of te groot, geen BSN-kolom, ander jaar, meer afgekeurde dan goede regels, er is al een "
    "lijst en --vervang ontbreekt, of de dossiers zijn niet te gebruiken); 3 interne fout.")


def _jaar(jaar: int) -> None:
    from ..store import OpslagFout, lijsten
    with melding("Ongeldige optie:", OpslagFout):
        lijsten.controleer_jaar(jaar)


def _bewaren_tot(tekst: str | None):
    from datetime import date
    if not tekst:
        return None
    try:
        tot = date.fromisoformat(tekst) if len(tekst) == 10 else None
    except ValueError:
        tot = None
    if tot is None:
        raise Melding([f"--bewaren-tot {tekst[:20]!r} is geen datum (JJJJ-MM-DD)"], "Ongeldige optie:")
    return tot


@_met_opslag
def cmd_importeer(args) -> int:
    from ..core.doelgroeplijst import LijstFout, bezwaren, bsns_tekst, lees_lijst, verslag
    from ..core.geld import datum
    from ..store import lijsten
    _jaar(args.jaar)
    if args.aanvullen and args.vervang:
        return _fout(["kies --vervang (de oude lijst verdwijnt) of --aanvullen (de BSN's komen erbij), niet allebei"],
                     "Ongeldige optie:")
    tot = _bewaren_tot(args.bewaren_tot)
    with melding("De lijst is niet ingelezen:", LijstFout):
        gelezen = lees_lijst(Path(args.bestand))
    if redenen := bezwaren(gelezen, args.jaar, Path(args.bestand).name):
        print("\n".join(verslag(gelezen, args.jaar)), file=sys.stderr)
        return _fout(redenen, "De lijst is niet ingelezen:")
    with _opslag() as o:
        try:
            uit = lijsten.importeer(o, args.jaar, gelezen.bsns, aanvullen=args.aanvullen, vervang=args.vervang,
                                    bewaren_tot=tot)
        except lijsten.LijstBestaatAl as e:
            print("\n".join(verslag(gelezen, args.jaar)), file=sys.stderr)
            return _fout([str(e), f"Vervangen: voeg --vervang toe; aanvullen: --aanvullen (avdesk doelgroeplijst "
                                  f"importeer BESTAND --jaar {args.jaar} --vervang)."],
                         "De lijst is niet ingelezen:")
        info = lijsten.lijst(o, args.jaar)
    print("\n".join(verslag(gelezen, args.jaar)))
    if uit["vorige"]:
        aantal, ingelezen = uit["vorige"]
        wanneer = lijsten.ingelezen_op(ingelezen)
        if args.aanvullen:
            print(f"De lijst van {args.jaar} is aangevuld: was {bsns_tekst(aantal)}, nu {bsns_tekst(uit['aantal'])} "
                  f"({uit['nieuw']} nieuw).")
        else:
            print(f"De lijst van {args.jaar} is vervangen: was {bsns_tekst(aantal)} (ingelezen op {wanneer}), nu "
                  f"{bsns_tekst(uit['aantal'])}.")
            if lijsten.veel_kleiner(aantal, uit["aantal"]):
                print(f"Let op: de nieuwe lijst is veel kleiner dan de oude ({bsns_tekst(aantal - uit['aantal'])} "
                      f"minder). Was dit niet de bedoeling, lees dan de goede lijst opnieuw in met --vervang.",
                      file=sys.stderr)
    else:
        print(f"De lijst van {args.jaar} is ingelezen: {bsns_tekst(uit['aantal'])}.")
    print(f"Bewaard tot {datum(info['bewaren_tot'])} (bewaartermijn; `avdesk verlopen` herinnert eraan). avdesk "
          f"bewaart per BSN alleen een versleutelde controlecode, niet het BSN en niet het bestand.")
    print(f"Het bestand {args.bestand} zelf is niet versleuteld: verwijder het als u het niet meer nodig hebt.",
          file=sys.stderr)
    return 0


def _bsn_argument(tekst: str) -> str | None:
    from ..core.doelgroeplijst import normaliseer
    if tekst == "-":
        tekst = sys.stdin.readline(64).strip()
    return normaliseer(tekst)[0]


@_met_opslag
def cmd_zoek(args) -> int:
    from ..store import lijsten
    bsn = _bsn_argument(args.bsn)
    if bsn is None:
        return _fout(["dit is geen geldig BSN (9 cijfers die de elfproef halen)"], "Niet gezocht:")
    _jaar(args.jaar)
    with _opslag() as o:
        uit = lijsten.zoek(o, args.jaar, [bsn])
    if uit is None:
        print(f"Er is geen doelgroepselectielijst {args.jaar} ingelezen; lees hem in met `avdesk doelgroeplijst "
              f"importeer BESTAND --jaar {args.jaar}`.")
        return 1
    print(f"Dit BSN staat op de lijst (doelgroepselectielijst {args.jaar})." if uit[0] else
          f"Dit BSN staat niet op de lijst (doelgroepselectielijst {args.jaar}).")
    return 0 if uit[0] else 1


@_met_opslag
def cmd_verwijder(args) -> int:
    from ..core.doelgroeplijst import getal
    from ..store import lijsten
    _jaar(args.jaar)
    with _opslag(maak=False) as o:
        if lijsten.lijst(o, args.jaar) is None:
            return _fout([f"er is geen doelgroepselectielijst {args.jaar} om te verwijderen"], "Niets verwijderd:")
        uit = lijsten.verwijder(o, args.jaar)
    kopieen = ""
    if uit["kopieen_gewist"]:
        kopieen += f"; ook gewist uit {uit['kopieen_gewist']} bewaarde kopie(en)"
    if uit["kopieen_verwijderd"]:
        kopieen += f"; {uit['kopieen_verwijderd']} onleesbare kopie(en) verwijderd"
    print(f"De doelgroepselectielijst {args.jaar} ({getal(uit['aantal'])} BSN's) is verwijderd{kopieen}.")
    return 0


@_met_opslag
def cmd_toon(_args) -> int:
    from datetime import date
    from ..core.doelgroeplijst import getal
    from ..core.geld import datum
    from ..store import lijsten
    with _opslag() as o:
        rijen = lijsten.lijsten(o)
    if not rijen:
        print("Er zijn nog geen doelgroepselectielijsten ingelezen.")
    for r in rijen:
        print(f"{r['jaar']}  {getal(r['aantal']):>9} BSN's  ingelezen {datum(date.fromisoformat(r['ingelezen'][:10]))}"
              f"  bewaren tot {datum(r['bewaren_tot'])}")
    return 0


def registreer(sub) -> None:
    dl = sub.add_parser(
        "doelgroeplijst", help="de doelgroepselectielijst (Inlichtingenbureau) inlezen, doorzoeken, verwijderen",
        description="De doelgroepselectielijst die de gemeente via het Inlichtingenbureau krijgt. avdesk bewaart per "
                    "jaar alleen een versleutelde controlecode (HMAC) van elk BSN, nooit het BSN of het bestand. "
                    "Exitcodes: zie de opdrachten (avdesk doelgroeplijst OPDRACHT --help).")
    dsub = dl.add_subparsers(dest="lijstopdracht", metavar="OPDRACHT", required=True)
    di = dsub.add_parser("importeer", help="lees een lijst in (CSV of XLSX)", description=IMPORTEER_UITLEG)
    di.add_argument("bestand", help="de lijst (.csv of .xlsx)")
    di.add_argument("--jaar", type=int, required=True, help="het jaar waarover de lijst gaat")
    di.add_argument("--vervang", action="store_true", help="vervang de lijst die dit jaar al heeft (de oude "
                                                            "verdwijnt; avdesk noemt beide aantallen)")
    di.add_argument("--aanvullen", action="store_true", help="voeg toe aan de lijst van dit jaar in plaats van hem te "
                                                              "vervangen")
    di.add_argument("--bewaren-tot", help="eigen bewaartermijn (JJJJ-MM-DD); standaard de laatste aanvraagdag "
                                          "(instelling doelgroeplijst_bewaren_tot, 2028-12-31)")
    di.set_defaults(functie=cmd_importeer)
    dz = dsub.add_parser(
        "zoek", help="staat een BSN op de lijst van een jaar?",
        description="Exitcodes: 0 staat op de lijst; 1 staat niet op de lijst, of er is voor dat jaar geen lijst "
                    "(de melding zegt welke); 2 geen geldig BSN of de dossiers zijn niet te gebruiken. Het BSN komt "
                    "niet in de auditlog. Met - als BSN leest avdesk het van standaardinvoer (dan staat het niet in "
                    "de geschiedenis van de shell).")
    dz.add_argument("bsn", help="het BSN (9 cijfers), of - voor standaardinvoer")
    dz.add_argument("--jaar", type=int, required=True, help="het jaar van de lijst")
    dz.set_defaults(functie=cmd_zoek)
    dv = dsub.add_parser(
        "verwijder", help="verwijder de lijst van een jaar",
        description="Wist de lijst van dat jaar, ook uit de vrije ruimte van het bestand en uit de kopieen die avdesk "
                    "bewaart. Exitcodes: 0 verwijderd; 2 er is geen lijst voor dat jaar of de dossiers zijn niet te "
                    "gebruiken.")
    dv.add_argument("--jaar", type=int, required=True, help="het jaar van de lijst")
    dv.set_defaults(functie=cmd_verwijder)
    dt = dsub.add_parser("toon", help="welke lijsten er zijn (jaar, aantal, ingelezen, bewaren tot)",
                         description="Exitcodes: 0 gelukt; 2 de dossiers zijn niet te gebruiken.")
    dt.set_defaults(functie=cmd_toon)
