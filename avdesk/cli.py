"""De opdrachtregel: `avdesk` (venster) en `avdesk OPDRACHT ...`. Hier alleen de parser en main(); elke opdracht(groep)
staat in een eigen module in avdesk/opdrachten/ (MODULES, met registreer(sub)).

Zonder Qt-import voor alles behalve het venster: `bereken` moet snel starten en zonder scherm werken."""

from __future__ import annotations

import argparse
import sys

from . import InstallatieFout, __version__
from .foutrapport import foutrapport

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


class _Parser(argparse.ArgumentParser):
    """Bij elke add_argument maakt argparse een HelpFormatter (om de metavar te controleren), en zonder breedte vraagt
    die shutil naar de terminal: shutil laden (met bz2 en lzma) kostte `avdesk bereken` een paar ms (issue 23). Tijdens
    het opbouwen doet de breedte er niet toe; voor hulp en foutmeldingen rekent argparse hem zoals altijd uit."""
    bouwen = False

    def _get_formatter(self):
        if _Parser.bouwen:
            return self.formatter_class(prog=self.prog, width=80)
        return super()._get_formatter()


def parser(alleen: str | None = None) -> argparse.ArgumentParser:
    """`alleen`: de gevraagde opdracht; dan worden de opdrachten van avdesk/opdrachten/ alleen geladen als het er een
    van hen is (zie opdrachten.registreer). Zonder: de hele parser (--help, een onbekende opdracht)."""
    argparse._ = _vertaal
    _Parser.bouwen = True
    try:
        return _bouw(alleen)
    finally:
        _Parser.bouwen = False


def _bouw(alleen: str | None) -> argparse.ArgumentParser:
    p = _Parser(prog="avdesk", description="avdesk: compensatie alleenverdienersproblematiek.")
    p.add_argument("--version", action="version", version=f"avdesk {__version__}", help="toon het versienummer en stop")
    sub = p.add_subparsers(dest="opdracht", metavar="OPDRACHT")
    from .opdrachten import registreer
    registreer(sub, alleen)     # de opdrachten met een eigen module (avdesk/opdrachten/)
    # Elke opdracht noemt zijn exitcodes; waar hij geen eigen heeft, gelden de gewone.
    for naam, opdracht in sub.choices.items():
        if "xitcode" not in (opdracht.description or ""):
            opdracht.description = ((opdracht.description or sub_hulp(sub, naam)) + " " + GEWONE_EXITCODES).strip()
    p.epilog = ("Zonder opdracht opent avdesk het venster. " + GEWONE_EXITCODES
                + " Sommige opdrachten kennen ook 1 (zie hun --help).")
    return p


GEWONE_EXITCODES = ("Exitcodes: 0 gelukt; 2 foute invoer of een melding (in het Nederlands, met wat er mis is); "
                    "3 een interne fout (een regel zonder persoonsgegevens); 130 onderbroken; 141 de uitvoer werd gesloten "
                    "(bijvoorbeeld door head).")


def sub_hulp(sub, naam: str) -> str:
    """De korte hulptekst van een opdracht (wat in `avdesk --help` achter de naam staat), als zin."""
    tekst = next((a.help for a in sub._choices_actions if a.dest == naam), "") or ""
    return (tekst[:1].upper() + tekst[1:] + ".") if tekst else ""



def _pijp_dicht() -> int:
    """De lezer sloot de uitvoer (`avdesk bereken ... | head -1`): stil stoppen, zoals een Unix-programma bij SIGPIPE.
    Wat nog in de buffer staat gaat naar /dev/null, anders meldt Python bij het afsluiten alsnog een fout (de aanpak
    uit Pythons documentatie over SIGPIPE)."""
    import os
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return 141


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_sleutelhaler"]:            # hulpproces van het gebundelde venster (zie store/sleutelhaler)
        from .store.sleutelhaler import main as sleutelhaler
        return sleutelhaler(argv[1:])
    args = None                                  # zonder argumenten: het venster, zonder argparse op te bouwen
    if argv:
        try:
            args = parser(argv[0]).parse_args(argv)
        except SystemExit as e:
            return int(e.code or 0) if e.code in (0, None) else 2
    try:
        if args is None or args.opdracht is None:
            from .opdrachten.venster import cmd_venster
            return cmd_venster(args)
        code = args.functie(args)
        sys.stdout.flush()                       # hier, niet pas bij het afsluiten: ook dan kan de pijp dicht zijn
        return code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _pijp_dicht()
    except InstallatieFout as e:  # avdesk zelf is onvolledig (geen resources/ of forms/): zeg dat, met het pad
        print(e, file=sys.stderr)
        return 2
    except Exception as e:       # een fout die avdesk niet verwachtte: netjes melden, zonder gegevens
        print("Er ging iets mis in avdesk (een interne fout). Uw gegevens zijn niet gewijzigd. Meld dit met de "
              f"volgende regel aan de beheerder:\n  {foutrapport(e)}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
