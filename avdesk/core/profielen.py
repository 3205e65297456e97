"""De beleidsprofielen laden: meegeleverd in resources/beleidsprofielen, eigen profielen in de datamap (een eigen
profiel gaat voor het meegeleverde). Apart van de jaarparameters (core/params.py, dat deze namen doorvoert); het
schema en de controle van een profiel: core/profielschema.py, installeren en het sjabloon: core/profielbestand.py."""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

from .. import InstallatieFout
from .paramgrond import (EERSTE_JAAR, LAATSTE_JAAR, ParameterFout, _datamap, _installatiemap, _omgeving, _stempel,
                         _tomlbestanden)
from .profielschema import Beleidsprofiel, lees_profiel


def eigen_profielen_map() -> Path:
    return _datamap() / "beleidsprofielen"


def meegeleverde_profielen() -> dict[str, Path]:
    map_ = _installatiemap("beleidsprofielen", "beleidsprofielen")
    profielen = _tomlbestanden(map_)
    if not profielen:
        raise InstallatieFout("beleidsprofielen", map_)
    return profielen


def profielbestanden() -> dict[str, Path]:
    """Per profiel het bestand dat geldt: een eigen (geïnstalleerd) profiel gaat voor het meegeleverde."""
    return dict(sorted({**meegeleverde_profielen(), **_tomlbestanden(eigen_profielen_map())}.items()))


def beleidsprofielen() -> list[str]:
    return list(profielbestanden())


@cache
def _profiel_gecached(bestand: Path, eigen: bool, _stempel: tuple) -> Beleidsprofiel:
    profiel, fouten = lees_profiel(bestand, (EERSTE_JAAR, LAATSTE_JAAR), eigen=eigen, cache=True)
    if not fouten and profiel.id != bestand.stem:
        fouten = [f"id {profiel.id!r} hoort bij bestand {profiel.id}.toml, niet bij {bestand.name}"]
    if fouten:
        raise ParameterFout(f"Beleidsprofiel {bestand.stem}: " + "; ".join(fouten) + ".")
    return profiel


_PROFIELEN: dict[tuple, tuple[Path, Beleidsprofiel | None]] = {}
ID_VORM = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")


def laad_profiel(profiel_id: str) -> Beleidsprofiel:
    # De rekenkern vraagt dit per periode: een eigen profiel kost een stat, een meegeleverd profiel verandert niet
    # zolang avdesk draait. Pas zonder profiel de mappen doorzoeken, voor de melding.
    sleutel = (profiel_id, _omgeving())
    if (bekend := _PROFIELEN.get(sleutel)) is None:
        if not (isinstance(profiel_id, str) and ID_VORM.fullmatch(profiel_id)):
            raise ParameterFout(f"Beleidsprofiel '{profiel_id}' bestaat niet; kies uit: "
                                f"{', '.join(profielbestanden())}.")
        bestand = _installatiemap("beleidsprofielen", "beleidsprofielen") / f"{profiel_id}.toml"
        stempel = _stempel(bestand)
        bekend = _PROFIELEN[sleutel] = (eigen_profielen_map() / f"{profiel_id}.toml",
                                        _profiel_gecached(bestand, False, stempel) if stempel != (0, 0) else None)
    eigen, meegeleverd = bekend
    try:                              # os.stat, niet Path.stat (_stempel): dat kost per periode het dubbele
        st = os.stat(eigen)
        stempel = (st.st_mtime_ns, st.st_size)
    except OSError:
        stempel = (0, 0)
    if stempel != (0, 0):
        return _profiel_gecached(eigen, True, stempel)
    if meegeleverd is not None:
        return meegeleverd
    raise ParameterFout(f"Beleidsprofiel '{profiel_id}' bestaat niet; kies uit: {', '.join(profielbestanden())}.")
