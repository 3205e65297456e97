"""`avdesk pdf (CASUS | --dossier N) --map MAP [--opnieuw]`: de aanvraag en de berekening als PDF in een map."""

from __future__ import annotations

import sys
from pathlib import Path

from .gemeen import BUITEN_AVDESK, _casus, _fout, _met_opslag, _opslag


@_met_opslag
def cmd_pdf(args) -> int:
    from datetime import date

    from ..store.sleutel import schrijf_atomair
    if (args.casus is None) == (args.dossier is None):
        return _fout(["geef een casusbestand of --dossier NUMMER (een van beide)"], "Ongeldige opdracht:")
    try:
        from ..export.documenten import bestandsnaam, ontbrekend_voor_aanvraag, vrij_pad
        if args.casus is not None:
            from ..export.documenten import maak_documenten
            casus = _casus(args.casus)
            vandaag = date.today()
            bestanden = {soort: (bestandsnaam(soort, vandaag), inhoud)
                         for soort, inhoud in maak_documenten(casus, gemaakt=vandaag).items()}
        else:
            from ..export.documenten import maak_en_bewaar
            with _opslag(maak=False) as o:
                casus = o.casus(args.dossier)
                bestanden = o.laatste_documenten(args.dossier)
                if args.opnieuw or not bestanden:
                    bestanden = maak_en_bewaar(o, args.dossier)
        ontbreekt = ontbrekend_voor_aanvraag(casus)
        if ontbreekt:
            bestanden.pop("aanvraag", None)
        doelmap = Path(args.map)
        geschreven: list[Path] = []
        try:
            doelmap.mkdir(parents=True, exist_ok=True)
            for naam, inhoud in bestanden.values():
                pad = vrij_pad(doelmap, naam)           # nooit een bestaand bestand vervangen
                geschreven.append(pad)
                schrijf_atomair(pad, inhoud)
        except OSError:
            for pad in geschreven:                      # alles of niets: geen leeg, half of los bestand
                pad.unlink(missing_ok=True)
            raise
        for pad in geschreven:
            print(pad)
    except OSError as e:
        from ..store.db import is_schijf_vol
        bewaard = (f"; de PDF's zijn wel versleuteld in dossier {args.dossier} bewaard (avdesk pdf --dossier "
                   f"{args.dossier} --map ANDERE_MAP zet ze later in een map)") if args.dossier is not None else ""
        if is_schijf_vol(e, Path(args.map) if Path(args.map).is_dir() else None):
            return _fout([f"de schijf is vol: er staat geen PDF in {args.map} (ook geen leeg of half bestand)"
                          f"{bewaard}"], "De PDF's zijn niet in de map gezet:")
        return _fout([f"kan niet schrijven in {args.map} (foutcode {e.errno}); er staat geen PDF in de map{bewaard}"],
                     "De PDF's zijn niet in de map gezet:")
    except Exception as e:
        from reportlab.platypus.doctemplate import LayoutError
        if not isinstance(e, LayoutError):
            raise
        return _fout(["een tekst in de casus past niet op de pagina (bijvoorbeeld een heel lang woord zonder "
                      "spaties); kort die tekst in"], "De PDF's zijn niet gemaakt:")
    print(BUITEN_AVDESK, file=sys.stderr)
    if ontbreekt:
        _fout(ontbreekt, "Er is geen aanvraag gemaakt, want dit ontbreekt nog:")
        print("De berekening is wel gemaakt, met 'concept' op elke pagina.", file=sys.stderr)
        return 2
    return 0


def registreer(sub) -> None:
    pd = sub.add_parser(
        "pdf", help="maak de aanvraag en de berekening (PDF) in een map",
        description="Maakt avdesk-[DOSSIER-]aanvraag-JJJJ-MM-DD.pdf en avdesk-[DOSSIER-]berekening-JJJJ-MM-DD.pdf. "
                    "Een bestaand bestand wordt nooit vervangen: de nieuwe krijgt -2, -3, ... Ontbreekt de "
                    "toestemming, een naam, een BSN, het adres of het IBAN, dan komt er geen aanvraag maar wel de "
                    "berekening, met 'concept' op elke pagina. Exitcodes: 0 beide gemaakt; 2 fout in de invoer of "
                    "aanvraag niet gemaakt (wat ontbreekt staat in de melding); 3 interne fout.")
    pd.add_argument("casus", nargs="?", help="casusbestand (JSON)")
    pd.add_argument("--dossier", type=int, help="in plaats van een casusbestand: een bewaard dossier")
    pd.add_argument("--map", required=True, help="map waarin de PDF's komen")
    pd.add_argument("--opnieuw", action="store_true", help="bij --dossier: maak nieuwe PDF's van de nieuwste versie")
    pd.set_defaults(functie=cmd_pdf)
