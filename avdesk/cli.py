"""De opdrachtregel: `avdesk` (venster), `avdesk bereken CASUS.json [--json]`.

Zonder Qt-import voor alles behalve het venster: `bereken` moet snel starten en zonder scherm werken."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__


def _fout(regels: list[str], kop: str) -> int:
    print(kop, file=sys.stderr)
    for r in regels:
        print(f"  - {r}", file=sys.stderr)
    return 2


def _lees(pad: str):
    from .core.casus import CasusFout, lees_casus
    from .core.params import ParameterFout
    try:
        data = sys.stdin.buffer.read() if pad == "-" else Path(pad).read_bytes()
    except FileNotFoundError:
        raise CasusFout([f"Het bestand {pad} bestaat niet."]) from None
    except IsADirectoryError:
        raise CasusFout([f"{pad} is een map, geen casusbestand."]) from None
    except PermissionError:
        raise CasusFout([f"Geen toegang tot het bestand {pad}."]) from None
    except OSError as e:
        raise CasusFout([f"Het bestand {pad} kan niet worden gelezen (foutcode {e.errno})."]) from None
    try:
        return lees_casus(data)
    except ParameterFout as e:
        raise CasusFout([str(e)]) from None


def cmd_bereken(args) -> int:
    from datetime import date

    from .core.berekening import bereken
    from .core.casus import CasusFout
    from .core.geld import json_tekst
    from .core.params import ParameterFout
    try:
        casus = _lees(args.casus)
        vandaag = date.fromisoformat(args.vandaag) if args.vandaag else None
        uitkomst = bereken(casus, vandaag)
    except CasusFout as e:
        naam = "op standaardinvoer" if args.casus == "-" else args.casus
        return _fout(e.fouten, f"De casus {naam} bevat fouten:")
    except ParameterFout as e:
        return _fout([str(e)], "De berekening kan niet worden gemaakt:")
    except ValueError:
        return _fout([f"--vandaag {args.vandaag!r} is geen datum (JJJJ-MM-DD)"], "Ongeldige optie:")
    for w in casus.waarschuwingen:
        print(f"Let op: {w}", file=sys.stderr)
    if args.json:
        print(json_tekst(uitkomst.naar_json()))
    else:
        from .core.samenvatting import samenvatting
        print(samenvatting(casus, uitkomst))
    return 0


def cmd_venster(_args) -> int:
    from .ui.start import main as ui_main
    return ui_main()


# argparse spreekt Engels; deze vertalingen maken hulp- en foutteksten Nederlands (de OS-locale ontbreekt vaak).
_NL = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "expected one argument": "verwacht een waarde",
}


def _vertaal(tekst: str) -> str:
    return _NL.get(tekst, tekst)


def parser() -> argparse.ArgumentParser:
    argparse._ = _vertaal
    p = argparse.ArgumentParser(prog="avdesk", description="avdesk: compensatie alleenverdienersproblematiek.")
    p.add_argument("--version", action="version", version=f"avdesk {__version__}")
    sub = p.add_subparsers(dest="opdracht", metavar="OPDRACHT")
    b = sub.add_parser("bereken", help="reken een casus (avdesk-casus/1) door en toon de uitkomst")
    b.add_argument("casus", help="pad naar het casusbestand (JSON), of - voor standaardinvoer")
    b.add_argument("--json", action="store_true", help="uitkomst als avdesk-berekening/1 (JSON)")
    b.add_argument("--vandaag", help="peildatum voor de bezwaartermijn (JJJJ-MM-DD); standaard vandaag")
    b.set_defaults(functie=cmd_bereken)
    return p




def main(argv: list[str] | None = None) -> int:
    p = parser()
    try:
        args = p.parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0) if e.code in (0, None) else 2
    if args.opdracht is None:
        return cmd_venster(args)
    return args.functie(args)


if __name__ == "__main__":
    sys.exit(main())
