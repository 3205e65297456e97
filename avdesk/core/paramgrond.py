"""Wat de jaarparameters (core/params.py) en de beleidsprofielen (core/profielen.py) allebei nodig hebben: de fout
ParameterFout, de jaren die avdesk kent en waar hun bestanden staan. In een eigen module, zodat de twee elkaar niet
importeren; params voert alles door. Net zo licht als params: op het startpad van `avdesk bereken`."""

from __future__ import annotations

import os
from pathlib import Path

from .. import installatiemap

EERSTE_JAAR = 2022
LAATSTE_JAAR = 2027


class ParameterFout(Exception):
    """Een parameterbestand ontbreekt of is onbruikbaar; de tekst is Nederlands."""


_MAPPEN: dict[tuple, Path] = {}


def _omgeving(_get=os.environ.get) -> tuple:
    """Wat binnen een proces kan veranderen aan waar de mappen staan (tests, scripts); HOME, XDG_DATA_HOME en APPDATA
    gelden voor het hele proces. os.environ lezen kost per naam ongeveer een microseconde: dus alleen deze twee."""
    return (_get("AVDESK_RESOURCES"), _get("AVDESK_DATA"))


def _installatiemap(naam: str, wat: str) -> Path:
    """installatiemap(), onthouden zolang de omgeving gelijk blijft: de rekenkern vraagt dit per periode, en een map
    opzoeken (resolve, is_dir) kost meer dan de rest van het opzoeken samen. Een map die ontbreekt: elke keer opnieuw."""
    sleutel = (naam, _omgeving())
    if (pad := _MAPPEN.get(sleutel)) is None:
        pad = _MAPPEN[sleutel] = installatiemap(naam, wat)
    return pad


def _datamap() -> Path:
    sleutel = ("datamap", _omgeving())
    if (pad := _MAPPEN.get(sleutel)) is None:
        from .paden import datamap
        pad = _MAPPEN[sleutel] = datamap()
    return pad


def _tomlbestanden(map_: Path) -> dict[str, Path]:
    """Naam zonder .toml -> pad, voor de gewone bestanden in de map. os.scandir en niet Path.glob: glob vertaalt zijn
    patroon bij elke aanroep naar een reguliere expressie, en bij het starten van `avdesk bereken` gebeurde dat twaalf
    keer (issue 23)."""
    try:
        with os.scandir(map_) as it:
            return {e.name[:-5]: map_ / e.name for e in it if e.name.endswith(".toml") and e.is_file()}
    except OSError:
        return {}


def _stempel(p: Path) -> tuple:
    try:
        st = p.stat()
        return (st.st_mtime_ns, st.st_size)
    except OSError:
        return (0, 0)
