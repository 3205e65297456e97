"""`avdesk controleer BEREKENING.pdf`: rekent de ingebedde casus opnieuw en leest het papier."""

from __future__ import annotations

import sys

from .gemeen import foutcode, melding, opdracht


@opdracht
def cmd_controleer(args) -> int:
    from ..export.controle import controleer
    from ..export.pdflezen import PdfFout, lees_bestand
    kop = "Controle niet gedaan:"
    with melding(kop, OSError, regels=foutcode(f"{args.pdf} kan niet worden gelezen")), melding(kop, PdfFout):
        pdf = lees_bestand(args.pdf, "berekening")
    code, regels = controleer(pdf)
    print("\n".join(regels), file=sys.stdout if code == 0 else sys.stderr)
    return code


def registreer(sub) -> None:
    ct = sub.add_parser(
        "controleer", help="controleer een berekening-PDF: rekent opnieuw en leest het papier",
        description="Leest de casus en de berekening die in de berekening-PDF zijn ingebed, rekent de casus opnieuw "
                    "met de parameters van deze avdesk (op de peildatum van de berekening) en vergelijkt. Daarna de "
                    "tekst van elke pagina: de bedragen op pagina 1, totalen, eenmalig en periodiek, rekeningnummer "
                    "en tenaamstelling, de namen, en de vingerafdruk in de voettekst van elke pagina. JavaScript, "
                    "acties die iets starten of openen, en lagen over de pagina's heen maken de PDF verdacht. "
                    "Een archief van avdesk (avdesk archief): de berekening die erin is ingebed. "
                    "Grenzen: 20 MB per bestand, 16 MB per uitgepakte stroom, 500 pagina's. Exitcodes: 0 klopt (een "
                    "andere parameterversie met dezelfde cijfers is een opmerking); 1 verschil (wat verschilt, in het "
                    "Nederlands, met beide parameterversies als die verschillen) of verdacht; 2 geen avdesk-"
                    "berekening, onleesbaar, ongeldige ingebedde gegevens of over een grens; 3 interne fout.")
    ct.add_argument("pdf", help="de berekening (PDF)")
    ct.set_defaults(functie=cmd_controleer)
