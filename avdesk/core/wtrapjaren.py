"""Welke toeslagjaren onder de Wtrap vallen (REKENMODEL §8): een plek voor de regel en voor de tekst die de jaren noemt.

Vanaf 2025 geen bijzondere bijstand meer over een tekort, maar de vaste tegemoetkoming van de Wtrap (Participatiewet
art. 78gg), voor de jaren 2025 tot en met 2027. Alle lagen (rekenkern, opslag, documenten, wizard) vragen het hier."""

from __future__ import annotations

EERSTE_WTRAPJAAR = 2025
LAATSTE_WTRAPJAAR = 2027
WTRAP_JAREN = f"{EERSTE_WTRAPJAAR}-{LAATSTE_WTRAPJAAR}"     # "2025-2027", voor teksten die de jaren noemen


def is_wtrapjaar(jaar: int) -> bool:
    """Valt dit toeslagjaar onder de Wtrap (vanaf 2025)?"""
    return jaar >= EERSTE_WTRAPJAAR
