"""`avdesk betaalopdracht --map MAP [--uitvoerdatum dd-mm-jjjj] [--opnieuw N]`: de vastgelegde, nog niet betaalde
betalingen als SEPA-bestand (pain.001.001.03) en als CSV (avdesk.gemeente.betalen)."""

from __future__ import annotations

import sys
from pathlib import Path

from .gemeen import BUITEN_AVDESK, _met_gemeente, _met_opslag, _opslag


def _dag(tekst: str | None):
    from ..core.geld import InvoerFout, lees_datum
    from ..gemeente.werk import GemeenteFout
    if tekst is None:
        return None
    try:
        d = lees_datum(tekst)
    except InvoerFout:
        d = None
    if d is None:
        raise GemeenteFout([f"--uitvoerdatum {tekst[:20]!r} is geen datum (dd-mm-jjjj)"], "Ongeldige optie:")
    return d


@_met_opslag
@_met_gemeente
def cmd_betaalopdracht(args) -> int:
    from ..core.geld import datum, euro
    from ..gemeente import betalen
    uitvoerdatum = _dag(args.uitvoerdatum)
    with _opslag(maak=False) as o:
        if args.opnieuw is not None:
            uit = betalen.opnieuw(o, args.opnieuw, Path(args.map), uitvoerdatum)
        else:
            uit = betalen.maak(o, Path(args.map), uitvoerdatum)
    for x in uit.let_op:
        print(f"Let op: {x}", file=sys.stderr)
    if uit.nummer is None:
        print("Er is niets te betalen: elke vastgelegde betaling staat al in een betaalopdracht. Er is geen bestand "
              "geschreven.")
        return 1
    print(uit.xml)
    print(uit.csv)
    later = sorted({r.datum for r in uit.regels if r.datum > uit.uitvoerdatum})
    print(f"Betaalopdracht {uit.nummer}" + (" (opnieuw geschreven)" if args.opnieuw is not None else "")
          + f": {len(uit.regels)} betalingen, samen {euro(uit.totaal)}, uitvoering {datum(uit.uitvoerdatum)}"
          + (f"; {len({r.datum for r in uit.regels}) - 1} latere maanden op hun eigen datum (tot en met "
             f"{datum(later[-1])})" if later else "") + ".", file=sys.stderr)
    print(BUITEN_AVDESK, file=sys.stderr)
    return 1 if uit.let_op and args.opnieuw is None else 0


def registreer(sub) -> None:
    bo = sub.add_parser(
        "betaalopdracht", help="de vastgelegde, nog niet betaalde betalingen als SEPA-bestand en CSV (team Inkomen)",
        description="Schrijft in MAP een SEPA-bestand (avdesk-betaalopdracht-N-JJJJ-MM-DD.xml, pain.001.001.03, "
                    "gevalideerd tegen het schema) en dezelfde betalingen als CSV (`;`, UTF-8 met BOM), met elke "
                    "betaling van een vastgelegde toekenning of gedeeltelijke toekenning (avdesk beschikking "
                    "--vastleggen) die nog in geen betaalopdracht staat: het eenmalige bedrag en de periodieke maanden "
                    "tot en met de uitvoeringsdatum op de uitvoeringsdatum, latere maanden op de eerste dag van hun "
                    "maand. Naar het rekeningnummer en de tenaamstelling van de aanvraag (gecontroleerd met mod 97), "
                    "met het kenmerk in de omschrijving. Een betaling staat in precies een betaalopdracht; --opnieuw N "
                    "schrijft opdracht N bewust nog eens. De rekening van de gemeente komt uit de instellingen "
                    "betaal_iban, betaal_bic en betaal_naam. De auditlog noemt elk bestand, zonder persoonsgegevens. "
                    "Exitcodes: 0 geschreven; 1 niets te betalen (geen bestand), of geschreven maar een dossier is "
                    "overgeslagen of vraagt aandacht (een rekeningnummer dat niet klopt, al meer betaald dan het "
                    "nieuwe besluit toekent: zie de melding); 2 niet gemaakt (instellingen ontbreken, een "
                    "uitvoeringsdatum in het verleden of geen datum, geen opdracht N, niet te schrijven, of de "
                    "dossiers zijn niet te gebruiken); 3 interne fout.")
    bo.add_argument("--map", required=True, help="map waarin het SEPA-bestand en de CSV komen")
    bo.add_argument("--uitvoerdatum", help="de gewenste uitvoeringsdatum (dd-mm-jjjj; standaard vandaag)")
    bo.add_argument("--opnieuw", type=int, metavar="N", help="schrijf betaalopdracht N nog eens (bewust herhalen)")
    bo.set_defaults(functie=cmd_betaalopdracht)
