"""Wat elke opdracht gebruikt: een Nederlandse melding met exitcode 2, een casusbestand lezen, een positief getal
als optie, en de dossiers openen."""

from __future__ import annotations

import argparse
import sys

BUITEN_AVDESK = "Let op: een bestand buiten avdesk is niet versleuteld. Bewaar het niet langer dan nodig."


def _fout(regels: list[str], kop: str) -> int:
    print(kop, file=sys.stderr)
    for r in regels:
        print(f"  - {r}", file=sys.stderr)
    return 2


def _wachtwoord(variabele: str, vraag: str) -> str | None:
    """Uit de omgeving (scripts, CI) of, aan een terminal, gevraagd zonder het te tonen."""
    import os
    if waarde := os.environ.get(variabele):
        return waarde
    if sys.stdin.isatty():
        import getpass
        return getpass.getpass(vraag) or None
    return None


def _wachtwoord_uit_omgeving() -> str | None:
    import os
    return os.environ.get("AVDESK_WACHTWOORD") or None


def _opslag(maak: bool = True):
    """Open de dossiers (AVDESK_DATA, AVDESK_WACHTWOORD); aan een terminal wordt zo nodig het wachtwoord gevraagd."""
    from ..store import OpslagFout
    from ..store.opslag import Opslag
    try:
        return Opslag.open(None, _wachtwoord_uit_omgeving(), maak=maak, streng=True)
    except OpslagFout as e:
        if e.soort != "wachtwoord_nodig" or not sys.stdin.isatty():
            raise
        return Opslag.open(None, _wachtwoord("AVDESK_WACHTWOORD", "Wachtwoord van de dossiers: "), maak=maak,
                           streng=True)


def _met_opslag(functie):
    """Voer een opslagopdracht uit; een OpslagFout wordt een Nederlandse melding met exitcode 2."""
    def uitvoeren(args) -> int:
        from ..store import OpslagFout
        try:
            return functie(args)
        except OpslagFout as e:
            return _fout([str(e)], "De dossiers kunnen niet worden gebruikt:")
    return uitvoeren


def _lees(pad: str):
    from ..core.casus import CasusFout, lees_casus
    from ..core.params import ParameterFout
    from ..core.invoergrenzen import MAX_BESTAND
    try:
        # Niet meer lezen dan de grens (plus een byte): een bestand van 50 MB kost dan geen 50 MB geheugen.
        if pad == "-":
            data = sys.stdin.buffer.read(MAX_BESTAND + 1)
        else:
            with open(pad, "rb") as f:
                data = f.read(MAX_BESTAND + 1)
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


def positief(tekst: str) -> int:
    """Een geheel getal groter dan nul (--aantal)."""
    try:
        n = int(tekst)
    except ValueError:
        n = 0
    if n <= 0:
        raise argparse.ArgumentTypeError(f"{tekst!r} is geen geheel getal groter dan nul")
    return n
