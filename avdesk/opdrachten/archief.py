"""`avdesk archief N [N ...] --map MAP`: per ontvangen dossier een PDF/A-3-bestand voor het archief
(avdesk.gemeente.archief)."""

from __future__ import annotations

import sys
from pathlib import Path

from .gemeen import BUITEN_AVDESK, _met_gemeente, _met_opslag, _opslag


@_met_opslag
@_met_gemeente
def cmd_archief(args) -> int:
    from ..gemeente.archief import archiveer
    with _opslag(maak=False) as o:
        paden = [archiveer(o, d, Path(args.map)) for d in dict.fromkeys(args.dossier)]
    for p in paden:
        print(p)
    print(BUITEN_AVDESK, file=sys.stderr)
    return 0


def registreer(sub) -> None:
    ar = sub.add_parser(
        "archief", help="schrijf per ontvangen dossier een PDF/A-3-bestand voor het archief (team Inkomen)",
        description="Schrijft voor elk dossier avdesk-archief-KENMERK-JJJJ-MM-DD.pdf in MAP: PDF/A-3 (deel 3, "
                    "conformance B, met een sRGB-OutputIntent), met een voorblad (kenmerk, de versies met hun datums, "
                    "het controleverslag met de uitslag van elke handtekening, de doelgroepselectielijst per jaar met "
                    "de datum van de lijst en van de controle, en het vastgelegde besluit met bedragen, betalingen en "
                    "redenen) en als ingebedde bestanden de ontvangen berekening en aanvraag van de geldende versie en "
                    "de beschikking. `avdesk controleer` accepteert het archief: het controleert de berekening erin. "
                    "Het bestand is niet versleuteld. Exitcodes: 0 geschreven; 2 niet geschreven (geen ontvangen "
                    "dossier, geen geldende versie, niet te schrijven, of de dossiers zijn niet te gebruiken; bij "
                    "meer dossiers stopt avdesk bij het eerste dat niet kan); 3 interne fout.")
    ar.add_argument("dossier", type=int, nargs="+", help="dossiernummer (een of meer)")
    ar.add_argument("--map", required=True, help="map waarin de archiefbestanden komen")
    ar.set_defaults(functie=cmd_archief)
