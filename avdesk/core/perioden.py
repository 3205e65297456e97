"""Welke perioden de berekening krijgt (REKENMODEL §1, CASUS-FORMAAT): de ingevoerde perioden, gesplitst op 1 juli
(de bijstandsnormen wijzigen op 1 januari en 1 juli) en op een leeftijdsgrens die voor dit huishouden een bedrag
verandert. Een grens die niets verandert (een kind wordt 18 bij ouders van 40, een medebewoner wordt 23 terwijl niet
iedereen jonger is) laat de periode zoals hij is ingevoerd."""

from __future__ import annotations

from datetime import date
from collections.abc import Callable

from .casus import Casus, Jaar, Periode
from .geld import datum, geboren_uiterlijk, periode_label, volgende_maand
from .params import Jaarparameters


def splits_op_1_juli(van: date, tot_en_met: date) -> list[tuple[date, date]]:
    """Een periode loopt nooit over 1 juli heen: de bijstandsnormen wijzigen op 1 januari en 1 juli."""
    if van.month <= 6 < tot_en_met.month:
        return [(van, date(van.year, 6, 1)), (date(van.year, 7, 1), tot_en_met)]
    return [(van, tot_en_met)]


def _leeftijdskenmerken(c: Casus, per: Periode, maand: date, p: Jaarparameters) -> tuple[bool, ...]:
    """Per persoon (aanvrager, partner, medebewoners) en grens: heeft hij die leeftijd op de eerste dag van de maand?
    Grenzen: 18 (kind in huis), jongerengrens huurtoeslag (23), kostendeler (27; 2022: 21) en de AOW-leeftijd."""
    grenzen = (geboren_uiterlijk(maand, 18), geboren_uiterlijk(maand, p["huurtoeslag.jongeren_leeftijd"].waarde),
               geboren_uiterlijk(maand, p["bijstand.kostendeler_leeftijd"].waarde),
               geboren_uiterlijk(maand, p["aow.leeftijd_jaren"].waarde, p["aow.leeftijd_maanden"].waarde))
    personen = (c.aanvrager.geboortedatum, c.partner.geboortedatum, *(m.geboortedatum for m in per.medebewoners))
    return tuple(g is not None and g <= grens for g in personen for grens in grenzen)


def splits_op_leeftijden(c: Casus, per: Periode, van: date, tot_en_met: date,
                         p: Jaarparameters) -> list[tuple[date, date]]:
    """Kandidaat-grenzen: bereikt iemand midden in een periode een leeftijdsgrens, dan begint een deel op de eerste
    maand waarin die geldt (de toeslagen en de kostendelersnorm gaan uit van de eerste dag van elke maand)."""
    delen, begin = [], van
    vorige, maand = _leeftijdskenmerken(c, per, van, p), van
    while maand < tot_en_met:
        volgende = volgende_maand(maand)
        if (kenmerk := _leeftijdskenmerken(c, per, volgende, p)) != vorige:
            delen.append((begin, maand))
            begin, vorige = volgende, kenmerk
        maand = volgende
    return delen + [(begin, tot_en_met)]


def _wie_en_welke_grens(c: Casus, per: Periode, voor: tuple, na: tuple, p: Jaarparameters) -> str:
    namen = [c.aanvrager.naam or "de aanvrager", c.partner.naam or "de partner",
             *(m.naam or f"medebewoner {i}" for i, m in enumerate(per.medebewoners, 1))]
    grenzen = ("18 jaar", f"{p['huurtoeslag.jongeren_leeftijd'].waarde} jaar (jongerengrens huurtoeslag)",
               f"{p['bijstand.kostendeler_leeftijd'].waarde} jaar (kostendeler)", "de AOW-leeftijd")
    return ", ".join(f"{namen[i // 4]} bereikt {grenzen[i % 4]}" for i, (a, b) in enumerate(zip(voor, na)) if a != b)


def bereken_perioden(c: Casus, j: Jaar, p: Jaarparameters, reken: Callable, zelfde: Callable) -> tuple[list, list[str]]:
    """De berekende perioden van een jaar en een zin per leeftijdssplitsing die is blijven staan.

    `reken(per, van, tot_en_met)` berekent een deel; `zelfde(a, b)` zegt of twee aangrenzende delen dezelfde
    bedragen hebben: dan worden ze weer een periode (`a.samen_met(b)`), zoals de raadsman hem invoerde."""
    uit, toelichting = [], []
    for per in j.perioden:
        for van, tem in splits_op_1_juli(per.van, per.tot_en_met):
            stukken = splits_op_leeftijden(c, per, van, tem, p)
            samen = [reken(per, *stukken[0])]
            for a, b in stukken[1:]:
                deel = reken(per, a, b)
                if zelfde(samen[-1], deel):
                    samen[-1] = samen[-1].samen_met(deel)
                    continue
                wat = _wie_en_welke_grens(c, per, _leeftijdskenmerken(c, per, samen[-1].tot_en_met, p),
                                          _leeftijdskenmerken(c, per, a, p), p)
                toelichting.append(f"De periode {periode_label(per.van, per.tot_en_met)} wordt "
                                   f"gesplitst op {datum(a)}: {wat}, en dat verandert de bedragen. avdesk rekent elke "
                                   "maand met de situatie op de eerste dag van die maand.")
                samen.append(deel)
            uit += samen
    return uit, toelichting
