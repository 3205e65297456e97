"""Parameters per toeslagjaar uit resources/params/<jaar>.toml: elke waarde met bron en status.

Parameters zijn data: een nieuw jaar is een nieuw bestand. Status is bevestigd, afgeleid of onzeker;
alles wat niet bevestigd is, komt als signaal S8 op het scherm en in de PDF."""

from __future__ import annotations

import tomllib
from typing import NamedTuple
from decimal import Decimal
from functools import cache
from pathlib import Path

from .. import InstallatieFout, installatiemap, resources_map

STATUSSEN = ("bevestigd", "afgeleid", "onzeker")


class ParameterFout(Exception):
    """Een parameterbestand ontbreekt of is onbruikbaar; de tekst is Nederlands."""


class Parameter(NamedTuple):
    jaar: int
    naam: str          # bv. "huurtoeslag.kwaliteitskortingsgrens"
    waarde: object     # Decimal, bool of str
    status: str
    bron: str
    noot: str | None = None

    @property
    def bevestigd(self) -> bool:
        return self.status == "bevestigd"

    def __str__(self) -> str:
        return f"{self.naam} {self.jaar} = {self.waarde} ({self.status})"


class Jaarparameters(dict):
    """Alle parameters van een toeslagjaar, op te vragen met hun gestippelde naam (p["huurtoeslag.pct_A"]).

    Een dict, zodat opzoeken in de rekenkern niet meer kost dan een gewone dict-lookup."""

    def __init__(self, jaar: int, parameters: dict[str, Parameter], bestand: Path):
        super().__init__(parameters)
        self.jaar = jaar
        self.bestand = bestand

    def __missing__(self, naam: str) -> Parameter:
        raise ParameterFout(f"Parameter '{naam}' ontbreekt voor {self.jaar} in {self.bestand.name}.")

    def waarde(self, naam: str):
        return self[naam].waarde

    def alle(self) -> list[Parameter]:
        return list(self.values())


def _waarde(v):
    if isinstance(v, bool) or isinstance(v, str):
        return v
    if isinstance(v, (int, float)):
        # str() geeft de korte decimale schrijfwijze uit het bestand terug (0.01879, 4.1337e-07).
        return Decimal(str(v))
    raise ValueError(f"onbekend soort waarde: {v!r}")


def _plat(jaar: int, tabel: dict, prefix: str, uit: dict[str, Parameter], bestand: Path) -> None:
    for sleutel, v in tabel.items():
        naam = f"{prefix}{sleutel}"
        if isinstance(v, dict) and "waarde" in v:
            status = v.get("status")
            if status not in STATUSSEN:
                raise ParameterFout(f"{bestand.name}: {naam} heeft geen geldige status ({status!r}).")
            if not v.get("bron"):
                raise ParameterFout(f"{bestand.name}: {naam} heeft geen bron.")
            uit[naam] = Parameter(jaar, naam, _waarde(v["waarde"]), status, v["bron"], v.get("noot"))
        elif isinstance(v, dict):
            _plat(jaar, v, f"{naam}.", uit, bestand)


def _params_map() -> Path:
    return installatiemap("params", "parameterbestanden")


def ondersteunde_jaren() -> list[int]:
    """De jaren met een parameterbestand. Geen enkel jaar betekent een onvolledige installatie (InstallatieFout),
    geen lege keuze."""
    map_ = _params_map()
    jaren = sorted(int(p.stem) for p in map_.glob("[0-9][0-9][0-9][0-9].toml"))
    if not jaren:
        raise InstallatieFout("parameterbestanden", map_)
    return jaren


@cache
def laad_jaar(jaar: int) -> Jaarparameters:
    bestand = _params_map() / f"{jaar}.toml"
    if not bestand.is_file():
        jaren = ", ".join(map(str, ondersteunde_jaren()))
        raise ParameterFout(f"Toeslagjaar {jaar} wordt niet ondersteund; avdesk kent de jaren {jaren}.")
    try:
        with bestand.open("rb") as f:
            data = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise ParameterFout(f"Parameterbestand {bestand.name} is onleesbaar: {e}") from None
    if data.get("jaar") != jaar:
        raise ParameterFout(f"Parameterbestand {bestand.name} hoort bij jaar {data.get('jaar')!r}, niet bij {jaar}.")
    uit: dict[str, Parameter] = {}
    _plat(jaar, data, "", uit, bestand)
    return Jaarparameters(jaar, uit, bestand)


def parameterversie() -> str:
    """Een korte vingerafdruk van alle parameterbestanden, voor PDF en snapshot (crc32: geen beveiliging nodig,
    wel een snelle start zonder hashlib)."""
    import zlib
    crc = 0
    for p in sorted(_params_map().glob("*.toml")):
        crc = zlib.crc32(p.read_bytes(), zlib.crc32(p.name.encode(), crc))
    return f"{crc:08x}"


class Beleidsprofiel(NamedTuple):
    id: str
    naam: str
    uitvoerder: str
    bron: str
    tekort_jaren: tuple[int, ...]
    terugvordering_jaren: tuple[int, ...]
    vermogensgrens: str            # "huurtoeslag" | "zorgtoeslag" | "bijstand"
    uitbetaling: str               # "eenmalig_en_periodiek" | "eenmalig"
    aanvraag_uiterlijk: str        # "" of JJJJ-MM-DD
    bestaansminimumtoets: bool = True   # False: de compensatie is het verschil, zonder toets (REKENMODEL §4)


def beleidsprofielen() -> list[str]:
    map_ = installatiemap("beleidsprofielen", "beleidsprofielen")
    profielen = sorted(p.stem for p in map_.glob("*.toml"))
    if not profielen:
        raise InstallatieFout("beleidsprofielen", map_)
    return profielen


@cache
def laad_profiel(profiel_id: str) -> Beleidsprofiel:
    bestand = installatiemap("beleidsprofielen", "beleidsprofielen") / f"{profiel_id}.toml"
    if not bestand.is_file():
        raise ParameterFout(f"Beleidsprofiel '{profiel_id}' bestaat niet; kies uit: {', '.join(beleidsprofielen())}.")
    with bestand.open("rb") as f:
        d = tomllib.load(f)
    if d.get("vermogensgrens") not in ("huurtoeslag", "zorgtoeslag", "bijstand"):
        raise ParameterFout(f"Beleidsprofiel {profiel_id}: vermogensgrens moet huurtoeslag, zorgtoeslag of bijstand zijn.")
    if d.get("uitbetaling") not in ("eenmalig_en_periodiek", "eenmalig"):
        raise ParameterFout(f"Beleidsprofiel {profiel_id}: uitbetaling moet eenmalig_en_periodiek of eenmalig zijn.")
    if not isinstance(d.get("bestaansminimumtoets", True), bool):
        raise ParameterFout(f"Beleidsprofiel {profiel_id}: bestaansminimumtoets moet true of false zijn.")
    return Beleidsprofiel(d["id"], d["naam"], d["uitvoerder"], d["bron"], tuple(d["tekort_jaren"]),
                          tuple(d["terugvordering_jaren"]), d["vermogensgrens"], d["uitbetaling"],
                          d.get("aanvraag_uiterlijk", ""), d.get("bestaansminimumtoets", True))


@cache
def bewijsstukken() -> tuple[dict, ...]:
    """De lijst bewijsstukken (resources/bewijsstukken.toml): id, tekst en voor welke soort aanvraag."""
    bestand = resources_map() / "bewijsstukken.toml"
    if not bestand.is_file():
        raise InstallatieFout("bewijsstukken", bestand)
    with bestand.open("rb") as f:
        return tuple(tomllib.load(f)["stuk"])


@cache
def bronsleutels() -> dict[str, str]:
    """Bronsleutel (B6, PW, VELSEN_2024H1, ...; B-nummers zodat ze niet op de signalen S1-S8 lijken) -> beschrijving,
    uit resources/params/bronnen.toml."""
    with (_params_map() / "bronnen.toml").open("rb") as f:
        data = tomllib.load(f)
    return {k: v for deel in data.values() for k, v in deel.items()}
