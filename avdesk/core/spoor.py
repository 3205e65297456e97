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


_NIEUW = tuple.__new__


def stap(omschrijving: str, bedrag: Decimal | None, grondslag: str, parameters: tuple[Parameter, ...] = ()) -> Stap:
    """Een Stap, zoals Stap(...), voor de rekenkern: die maakt er per periode tientallen. Stap(...) loopt via de
    __new__ die NamedTuple in Python schrijft (type.__call__, dan een Python-frame); dit is de helft goedkoper."""
    return _NIEUW(Stap, (omschrijving, bedrag, grondslag, parameters))


def niet_bevestigd(stappen, gelezen=()) -> list[Parameter]:
    """De afgeleide of onzekere parameters die in deze stappen gebruikt zijn (signaal S8), zonder dubbelen; `gelezen`:
    wat de berekening verder las (een vermogensgrens die niet overschreden is, de AOW-leeftijd)."""
    gezien: dict[tuple[int, str], Parameter] = {}
    for p in [p for s in stappen for p in s.parameters] + list(gelezen):
        if p.status != "bevestigd":
            gezien.setdefault((p.jaar, p.naam), p)
    return list(gezien.values())
