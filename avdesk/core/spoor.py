"""Het rekenspoor: bij elk berekend getal de regel, de grondslag en de gebruikte parameters.

De PDF voor het team Inkomen toont dit spoor, zodat elke euro na te rekenen is."""

from __future__ import annotations

from typing import NamedTuple
from decimal import Decimal

from .params import Parameter


class Stap(NamedTuple):
    omschrijving: str                 # Nederlands, voor scherm en PDF
    bedrag: Decimal | None
    grondslag: str                    # artikel of stap van de handreiking
    parameters: tuple[Parameter, ...] = ()


def niet_bevestigd(stappen) -> list[Parameter]:
    """De afgeleide of onzekere parameters die in deze stappen gebruikt zijn (signaal S8), zonder dubbelen."""
    gezien: dict[tuple[int, str], Parameter] = {}
    for s in stappen:
        for p in s.parameters:
            if p.status != "bevestigd":
                gezien.setdefault((p.jaar, p.naam), p)
    return list(gezien.values())
