"""Wat elke opdracht gebruikt: een Nederlandse melding met exitcode 2, en de dossiers openen."""

from __future__ import annotations

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
