"""`avdesk bereken CASUS.json [--json] [--vandaag JJJJ-MM-DD]`: een casus doorrekenen en de uitkomst tonen."""

from __future__ import annotations

import sys

from .gemeen import _fout, _lees


def cmd_bereken(args) -> int:
    from datetime import date

    from ..core.berekening import bereken
    from ..core.casus import CasusFout
    from ..core.geld import json_tekst
    from ..core.params import ParameterFout
    vandaag = None
    if args.vandaag:                # eerst en apart: alleen een fout hier is een fout in --vandaag
        try:
            if len(args.vandaag) != 10:
                raise ValueError
            vandaag = date.fromisoformat(args.vandaag)
        except ValueError:
            return _fout([f"--vandaag {args.vandaag!r} is geen datum (JJJJ-MM-DD)"], "Ongeldige optie:")
        if not 1900 <= vandaag.year <= 2100:
            return _fout([f"--vandaag {args.vandaag!r} ligt niet tussen 1900 en 2100"], "Ongeldige optie:")
    try:
        casus = _lees(args.casus)
        uitkomst = bereken(casus, vandaag)
    except CasusFout as e:
        naam = "op standaardinvoer" if args.casus == "-" else args.casus
        return _fout(e.fouten, f"De casus {naam} bevat fouten:")
    except ParameterFout as e:
        return _fout([str(e)], "De berekening kan niet worden gemaakt:")
    for w in casus.waarschuwingen:
        print(f"Let op: {w}", file=sys.stderr)
    if args.json:
        print(json_tekst(uitkomst.naar_json()))
    else:
        from ..core.samenvatting import samenvatting
        print(samenvatting(casus, uitkomst))
    return 0


def registreer(sub) -> None:
    b = sub.add_parser("bereken", help="reken een casus (avdesk-casus/1) door en toon de uitkomst")
    b.add_argument("casus", help="pad naar het casusbestand (JSON), of - voor standaardinvoer")
    b.add_argument("--json", action="store_true", help="uitkomst als avdesk-berekening/1 (JSON)")
    b.add_argument("--vandaag", help="peildatum voor de bezwaartermijn (JJJJ-MM-DD); standaard vandaag")
    b.set_defaults(functie=cmd_bereken)
