"""`avdesk ontvangen [--csv] [--met-persoonsgegevens] [--zoek TEKST]`: het overzicht van de ontvangen aanvragen op
standaarduitvoer (avdesk.gemeente.overzicht, dezelfde regels als de lijst in het venster). De versies-opdrachten van
`avdesk ontvangen` staan in gemeente.py; deze module geeft de parser van `ontvangen` zijn eigen opties."""

from __future__ import annotations

import sys

from .gemeen import _met_opslag, _opslag

HULP = ("Zonder OPDRACHT: het overzicht van alle ontvangen aanvragen, laatst gewijzigd eerst: dossier, kenmerk, "
        "jaren, controle (klopt, let op, blokkerend, verschil; met nieuwe versies ter beoordeling), de "
        "doelgroepselectielijst per jaar, het advies van avdesk (toekenning, gedeeltelijke toekenning, zelf beslissen, "
        "niets te vergoeden), het vastgelegde besluit, het bedrag per jaar (van het besluit, anders volgens de "
        "berekening), de beschikkingsstatus en de datums (ontvangen, besluit vastgelegd, laatst gewijzigd; "
        "dd-mm-jjjj). --csv: hetzelfde als CSV voor Excel (`;`, UTF-8 met BOM, een kolom per jaar). Geen naam en geen "
        "BSN, tenzij --met-persoonsgegevens (dat komt in de auditlog, zonder de gegevens zelf).")


@_met_opslag
def cmd_overzicht(args) -> int:
    from ..gemeente import overzicht
    met = bool(args.met_persoonsgegevens)
    with _opslag(maak=False) as o:
        regels = overzicht.overzicht(o, args.zoek or "", met_persoonsgegevens=met)
    if args.csv:
        sys.stdout.flush()
        sys.stdout.buffer.write(overzicht.als_csv(regels, met))
        sys.stdout.buffer.flush()
    else:
        print(overzicht.als_tekst(regels, met))
    if met:
        from .gemeen import BUITEN_AVDESK
        print(f"Dit overzicht bevat namen en BSN's. {BUITEN_AVDESK}", file=sys.stderr)
    return 0


def opties(ov) -> None:
    ov.add_argument("--csv", action="store_true", help="het overzicht als CSV (voor Excel) op standaarduitvoer")
    ov.add_argument("--met-persoonsgegevens", action="store_true",
                    help="ook namen en BSN's van aanvrager en partner (komt in de auditlog)")
    ov.add_argument("--zoek", help="alleen dossiers met deze naam of dit kenmerk (een deel ervan)")
    ov.set_defaults(functie=cmd_overzicht)
