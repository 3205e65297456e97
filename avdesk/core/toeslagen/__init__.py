"""Toeslagen voor een maand: de situatie van het huishouden in, het bedrag met redenen en spoor uit.

Zorgtoeslag (Wzt) en huurtoeslag (Wht) per toeslagjaar, met de parameters uit resources/params."""

from __future__ import annotations

from ..model import Tupel
from datetime import date
from decimal import Decimal

from ..spoor import Stap


class Bewoner(Tupel):
    geboortedatum: date
    toetsingsinkomen: Decimal
    kind: bool = False        # (pleeg)kind: uitzondering op de jongerengrens (Wht art. 13)


class Situatie(Tupel):
    """Een maand uit het leven van het huishouden, zoals de rekentool van Dienst Toeslagen die vraagt."""
    maand: date                                  # eerste dag van de maand
    aanvrager: Bewoner
    partner: Bewoner | None
    medebewoners: tuple[Bewoner, ...] = ()
    kale_huur: Decimal | None = None             # None: geen huurwoning, geen huurtoeslag
    servicekosten: tuple[Decimal, ...] = ()      # de vier subsidiabele categorieen
    aangepaste_woning: bool = False
    vermogen: Decimal | None = None              # op 1 januari van het toeslagjaar
    # False: de toeslagpartner is geen verzekerde (bv. militair, of in het buitenland verzekerd): de zorgtoeslag is
    # de helft (Wzt art. 2 lid 4). Een verzekeringsplichtige partner zonder zorgverzekering (lid 5: geen
    # zorgtoeslag) kent avdesk niet.
    partner_verzekerd: bool = True

    @property
    def personen(self) -> tuple[Bewoner, ...]:
        return (self.aanvrager,) + ((self.partner,) if self.partner else ()) + self.medebewoners


class Uitkomst(Tupel):
    toeslag: str                   # "huurtoeslag" of "zorgtoeslag"
    per_maand: Decimal             # hele euro's, zoals MijnToeslagen en de proefberekening
    onafgerond: Decimal
    redenen: tuple[str, ...] = ()  # waarom nul (of lager), in het Nederlands
    spoor: tuple[Stap, ...] = ()


def uitkomst(toeslag: str, per_maand: Decimal, onafgerond: Decimal, redenen: tuple[str, ...] = (),
             spoor: tuple[Stap, ...] = ()) -> Uitkomst:
    """Uitkomst(...) zonder de Python-__new__ van NamedTuple (zie spoor.stap): de rekenkern maakt er vier per periode."""
    return tuple.__new__(Uitkomst, (toeslag, per_maand, onafgerond, redenen, spoor))
