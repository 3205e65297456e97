"""Wat elke opdracht gebruikt: een Nederlandse melding met exitcode 2, een casusbestand lezen, een positief getal
als optie, en de dossiers openen.

De foutafhandeling staat alleen hier: `with melding(kop, Soort):` maakt van een fout van die soort een Melding, en
@opdracht (ook in @_met_opslag en @_met_gemeente) zet een Melding op stderr (de kop, dan per regel "  - ...") en
geeft exitcode 2. Een opdracht vangt zelf geen fout om hem te melden (tests/core/test_cli_meldingen.py)."""

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


class Melding(Exception):
    """Wat een opdracht meldt voor hij stopt met exitcode 2: een kop en de regels eronder (zoals een GemeenteFout)."""

    def __init__(self, regels: list[str], kop: str):
        super().__init__(kop)
        self.regels, self.kop = list(regels), kop


class melding:
    """`with melding(kop, Soort, ...):` een fout van een van die soorten in het blok wordt een Melding met die kop
    (None: de kop van de fout zelf, e.kop) en als regels regels(e), of anders [str(e)]. Een klasse, geen
    contextlib: gemeen.py staat in het startpad van `avdesk bereken`."""

    def __init__(self, kop: str | None, *soorten: type[BaseException], regels=None):
        self.kop, self.soorten, self.regels = kop, soorten, regels

    def __enter__(self):
        return self

    def __exit__(self, soort, fout, _spoor) -> bool:
        if fout is not None and isinstance(fout, self.soorten):
            raise Melding(self.regels(fout) if self.regels else [str(fout)],
                          self.kop if self.kop is not None else fout.kop) from None
        return False


def foutcode(tekst: str):
    """De regels bij een OSError: de tekst met het foutnummer, voor melding(..., OSError, regels=foutcode(...))."""
    return lambda e: [f"{tekst} (foutcode {e.errno})"]


def opdracht(functie):
    """Een opdracht die een Melding kan geven: die komt op stderr, en de exitcode is 2."""
    def uitvoeren(args) -> int:
        try:
            return functie(args)
        except Melding as m:
            return _fout(m.regels, m.kop)
    return uitvoeren


def _met_opslag(functie):
    """Een opdracht met de dossiers: ook een OpslagFout wordt een melding ("De dossiers kunnen niet worden
    gebruikt:")."""
    def uitvoeren(args) -> int:
        from ..store import OpslagFout
        with melding("De dossiers kunnen niet worden gebruikt:", OpslagFout):
            return functie(args)
    return opdracht(uitvoeren)


def _met_gemeente(functie):
    """Een opdracht van het team Inkomen: ook een GemeenteFout wordt een melding, met haar eigen kop en regels."""
    def uitvoeren(args) -> int:
        from ..gemeente.werk import GemeenteFout
        with melding(None, GemeenteFout, regels=lambda e: e.regels):
            return functie(args)
    return opdracht(uitvoeren)


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


def _casus(pad: str):
    """_lees, met een CasusFout als melding ("De casus PAD bevat fouten:", een regel per fout)."""
    from ..core.casus import CasusFout
    with melding(f"De casus {pad} bevat fouten:", CasusFout, regels=lambda e: e.fouten):
        return _lees(pad)


def positief(tekst: str) -> int:
    """Een geheel getal groter dan nul (--aantal)."""
    try:
        n = int(tekst)
    except ValueError:
        n = 0
    if n <= 0:
        raise argparse.ArgumentTypeError(f"{tekst!r} is geen geheel getal groter dan nul")
    return n
