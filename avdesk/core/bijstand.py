"""Het referentiehuishouden 'alleen bijstand': bruto bijstand per partner, netto norm, kostendelersnorm.

Participatiewet art. 21 b (norm gehuwden), art. 22a (kostendelersnorm); handreiking stap 5 en § 5.5."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .casus import Medebewoner
from .geld import centen, euros, geboren_uiterlijk
from .params import Jaarparameters
from .spoor import Stap, stap


def is_kostendeler(m: Medebewoner, eerste_dag: date, p: Jaarparameters) -> bool:
    """Kostendeler: medebewoner van 27 jaar of ouder (2022: 21) op de eerste dag van de periode, tenzij de raadsman
    anders aangeeft (student, commerciele huurder of kostganger: art. 19a)."""
    if m.kostendeler is not None:
        return m.kostendeler
    return m.geboortedatum <= geboren_uiterlijk(eerste_dag, p["bijstand.kostendeler_leeftijd"].waarde)


def kdn_teller_noemer(kostendelers: int) -> tuple[int, int]:
    """Factor voor het paar samen: 2 x (40 + 30A) / (100A), met A = 2 + aantal kostendelers (art. 22a)."""
    a = 2 + kostendelers
    return 2 * (40 + 30 * a), 100 * a


def bruto_bijstand_per_partner(p: Jaarparameters, kostendelers: int, override: Decimal | None = None,
                               motivering: str = "") -> tuple[Decimal, list[Stap]]:
    """Het referentie-toetsingsinkomen per partner (REKENMODEL §3)."""
    basis = p["bijstand.bruto_per_partner"]
    if override is not None:
        return override, [stap("bijstand.bruto_per_partner.ingevuld", f"Bruto bijstand per partner door de raadsman ingevuld: {motivering}", override,
                               "Handreiking stap 5 (afwijkend bedrag van de gemeente)", (basis,))]
    stappen = [stap("bijstand.bruto_per_partner", "Bruto bijstand per partner per jaar (toetsingsinkomen bij alleen bijstand)", basis.waarde,
                    "Handreiking § 5.2, stap 5", (basis,))]
    if kostendelers == 0:
        return basis.waarde, stappen
    t, n = kdn_teller_noemer(kostendelers)
    bedrag = euros(basis.waarde * t / n)
    stappen.append(stap("bijstand.bruto_kostendelersnorm", f"Kostendelersnorm met {2 + kostendelers} personen: x {t}/{n}, afgerond op hele euro's", bedrag,
                        "Participatiewet art. 22a; handreiking voorbeeld kostendelersnorm",
                        (p["bijstand.kostendeler_leeftijd"],),
                        (("bruto per partner", basis.waarde), ("kostendelers", kostendelers))))
    return bedrag, stappen


def netto_norm_gehuwden(p: Jaarparameters, maand: date, kostendelers: int) -> tuple[Decimal, list[Stap]]:
    """Netto bijstandsnorm gehuwden per maand incl. vakantietoeslag voor het halfjaar van de maand."""
    half = "H1" if maand.month <= 6 else "H2"
    norm = p[f"bijstand.netto_norm_gehuwden_{half}"]
    stappen = [stap("bijstand.netto_norm", f"Netto bijstandsnorm gehuwden per maand incl. vakantietoeslag ({'1 januari' if half == 'H1' else '1 juli'})",
                    norm.waarde, "Participatiewet art. 21 b", (norm,))]
    if kostendelers == 0:
        return norm.waarde, stappen
    t, n = kdn_teller_noemer(kostendelers)
    bedrag = centen(norm.waarde * t / n)
    stappen.append(stap("bijstand.netto_kostendelersnorm", f"Kostendelersnorm met {2 + kostendelers} personen: x {t}/{n}",
                        bedrag, "Participatiewet art. 22a", (),
                        (("netto norm", norm.waarde), ("kostendelers", kostendelers))))
    return bedrag, stappen
