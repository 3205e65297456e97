"""`avdesk instellingen [SLEUTEL [WAARDE]]`: de instellingen tonen en zetten zonder het venster (issue 20, punt 2),
met dezelfde controles als het venster (store/instellingen.controleer). Zo hangt de weg terug van de werkwijze
'gemeente' naar 'raadsman' nooit van het venster af. Persoonsgegevens (naam, telefoon, e-mail, ondertekening) worden
niet getoond, ook niet na het zetten; met - als WAARDE leest avdesk de waarde van standaardinvoer (dan staat hij
niet in de geschiedenis van de shell)."""

from __future__ import annotations

import argparse
import sys
import textwrap

from .gemeen import _met_opslag, _opslag, melding

BESCHRIJVING = (
    "Zonder SLEUTEL: alle instellingen met hun waarde. Met SLEUTEL: de waarde van die ene. Met SLEUTEL WAARDE: zet "
    "hem, met dezelfde controles als het venster (bijvoorbeeld `avdesk instellingen werkwijze raadsman` of "
    "`werkwijze gemeente`; de werkwijze geldt vanaf de volgende start van het venster). Persoonsgegevens (naam, "
    "telefoon en e-mail van de raadsman, de ondertekening) toont avdesk niet, alleen of ze ingevuld zijn. WAARDE - "
    "leest de waarde van standaardinvoer; een lege WAARDE ('') maakt een tekstinstelling leeg. Exitcodes: 0 gelukt; "
    "2 onbekende instelling, ongeldige waarde (de melding zegt wat mag) of de dossiers zijn niet te gebruiken; "
    "3 interne fout.")


@_met_opslag
def cmd_instellingen(args) -> int:
    from ..store.instellingen import PERSOONLIJK, InstellingFout, STANDAARD, lees, naam_voor, sleutel, toon, zet
    from ..export import beschikking  # noqa: F401 (meldt de keuring van een sjabloon, core/sjabloonkeuring)
    with melding("Onbekende instelling:", InstellingFout):
        s = sleutel(args.sleutel) if args.sleutel is not None else None
    waarde = args.waarde
    if waarde == "-":
        waarde = sys.stdin.readline().rstrip("\r\n")
    with _opslag() as o:
        if s is None:
            w = lees(o)
            breedte = max(len(naam_voor(k)) for k in STANDAARD)
            for k in STANDAARD:
                print(f"{naam_voor(k):<{breedte}}  {toon(k, w[k])}")
            return 0
        if waarde is None:
            print(toon(s, lees(o)[s]))
            return 0
        with melding("De instelling is niet gewijzigd:", InstellingFout):
            _, bewaard = zet(o, s, waarde)
    print((f"{naam_voor(s)} is gewijzigd (persoonsgegevens: de waarde wordt niet getoond)." if s in PERSOONLIJK
           else f"{naam_voor(s)} is nu {toon(s, bewaard)}.")
          + (" Dit geldt vanaf de volgende start van het venster." if s == "modus" else ""))
    return 0


def _lijst() -> str:
    from ..store.instellingen import OMSCHRIJVING, STANDAARD, naam_voor
    breedte = max(len(naam_voor(k)) for k in STANDAARD)
    return "De instellingen:\n" + "\n".join(f"  {naam_voor(k):<{breedte}}  {OMSCHRIJVING[k]}" for k in STANDAARD)


def registreer(sub) -> None:
    p = sub.add_parser("instellingen", help="toon of zet de instellingen (bijv. werkwijze gemeente of raadsman)",
                       description=textwrap.fill(BESCHRIJVING, 100), epilog=_lijst(),
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("sleutel", nargs="?", metavar="SLEUTEL", help="de instelling, bijv. werkwijze")
    p.add_argument("waarde", nargs="?", metavar="WAARDE", help="de nieuwe waarde (- voor standaardinvoer)")
    p.set_defaults(functie=cmd_instellingen)
