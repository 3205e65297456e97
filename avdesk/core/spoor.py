"""Het rekenspoor: bij elk berekend getal de regel, de grondslag en de gebruikte parameters.

De PDF voor het team Inkomen toont dit spoor, zodat elke euro na te rekenen is."""

from __future__ import annotations

from .model import Tupel
from decimal import Decimal

from .params import Parameter


class Stap(Tupel):
    sleutel: str                      # vast, uit core/spoorsleutels.SLEUTELS: daarop lezen tests en documenten
    omschrijving: str                 # Nederlands, voor scherm en PDF
    bedrag: Decimal | None
    grondslag: str                    # artikel of stap van de handreiking
    parameters: tuple[Parameter, ...] = ()
    invoer: tuple[tuple[str, object], ...] = ()   # (naam, waarde): de waarden die erin gingen, onopgemaakt

    @property
    def naam(self) -> str:
        """Wat de stap uitrekent, zonder de formule of de kanttekening: de omschrijving tot ' = ' of ': '. Zo noemen
        PDF en wizard een getal zoals het spoor het noemt ("(1) Verschil in toeslagen over het jaar")."""
        return self.omschrijving.split(" = ", 1)[0].split(": ", 1)[0]

    @property
    def label(self) -> str:
        """De naam met de kanttekening van het spoor erbij, als die meer zegt dan het bedrag: "Het laagste van (1) en
        (2) (nul, het beleidsprofiel vergoedt geen tekort over dit jaar)". Zonder bedrag zegt de kolom het al."""
        kop = self.omschrijving.split(" = ", 1)[0]
        noot = kop.split(": ", 1)[1] if ": " in kop else ""
        return f"{self.naam} ({noot})" if noot and self.bedrag is not None else self.naam


_NIEUW = tuple.__new__


def stap(sleutel: str, omschrijving: str, bedrag: Decimal | None, grondslag: str,
         parameters: tuple[Parameter, ...] = (), invoer: tuple[tuple[str, object], ...] = ()) -> Stap:
    """Een Stap, zoals Stap(...), voor de rekenkern: die maakt er per periode tientallen. Stap(...) loopt via de
    __new__ die NamedTuple in Python schrijft (type.__call__, dan een Python-frame); dit is de helft goedkoper.
    `invoer`: onopgemaakte waarden (Decimal, str); opmaken doet wie toont (export/berekening_pdf.py)."""
    return _NIEUW(Stap, (sleutel, omschrijving, bedrag, grondslag, parameters, invoer))


def zoek(stappen, sleutel: str) -> Stap | None:
    """De eerste stap met deze sleutel (of None): zo lezen documenten de uitleg van een regel uit het spoor."""
    for s in stappen:
        if s.sleutel == sleutel:
            return s
    return None


def niet_bevestigd(stappen, gelezen=()) -> list[Parameter]:
    """De afgeleide of onzekere parameters die in deze stappen gebruikt zijn (signaal S8), zonder dubbelen; `gelezen`:
    wat de berekening verder las (een vermogensgrens die niet overschreden is, de AOW-leeftijd)."""
    gezien: dict[tuple[int, str], Parameter] = {}
    for p in [p for s in stappen for p in s.parameters] + list(gelezen):
        if p.status != "bevestigd":
            gezien.setdefault((p.jaar, p.naam), p)
    return list(gezien.values())
