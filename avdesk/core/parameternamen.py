"""Parameters in de taal van de gemeente: naam in woorden, waarde in Nederlandse notatie, status in woorden.

Voor de parameterlijst op de PDF en voor signaal S8 op scherm en papier (REKENMODEL §9)."""

from __future__ import annotations

import re
from decimal import Decimal

from .geld import euro


GROEPEN = {"huurtoeslag": "Huurtoeslag", "zorgtoeslag": "Zorgtoeslag", "bijstand": "Bijstand", "aow": "AOW",
           "kindgebonden_budget": "Kindgebonden budget", "wtrap": "Wtrap", "EP": "eenpersoonshuishouden",
           "MP": "meerpersoonshuishouden", "EPO": "eenpersoons, AOW-leeftijd", "MPO": "meerpersoons, AOW-leeftijd",
           "afbouw": "afbouw"}
WOORDEN = {"pct_A": "percentage tot de kwaliteitskortingsgrens", "pct_B": "percentage tot de aftoppingsgrens",
           "pct_C": "percentage boven de aftoppingsgrens", "factor_a": "factor a (normhuurformule)",
           "factor_b": "factor b (normhuurformule)", "aftoppingsgrens_1_2": "aftoppingsgrens 1 of 2 personen",
           "aftoppingsgrens_3plus": "aftoppingsgrens 3 of meer personen", "leeftijd_jaren": "leeftijd (jaren)",
           "leeftijd_maanden": "leeftijd (extra maanden)", "pct_drempel_met_partner": "percentage van het drempelinkomen, met partner",
           "pct_drempel_zonder_partner": "percentage van het drempelinkomen, zonder partner",
           "pct_boven_drempel": "percentage boven het drempelinkomen"}
STATUS = {"bevestigd": "bevestigd (uit een wettekst, regeling of publicatie)",
          "afgeleid": "afgeleid (berekend uit andere bronnen; signaal S8)",
          "onzeker": "onzeker (niet in een officiële bron teruggevonden; signaal S8)",
          "ontbreekt": "ontbreekt (nog niet bekend; het jaar is pas te rekenen na 'avdesk parameters installeer')"}
WAARDEN = {"normhuur": "normhuurformule", "vaste_basishuur": "vaste basishuur",
           "jaarbedrag_onafgerond_maand_afkappen": "jaarbedrag / 12, afgekapt op hele euro's",
           "jaarbedrag_afronden_maand_afkappen": "jaarbedrag afgerond op hele euro's, / 12, afgekapt op hele euro's",
           "aftrekken_van_totaal": "aftrekken van het totaal"}


def parameternaam(naam: str) -> str:
    delen = naam.split(".")
    woorden = [GROEPEN.get(d) or WOORDEN.get(d) or d.replace("pct_", "percentage ").replace("_", " ") for d in delen]
    return woorden[0] + ": " + ", ".join(woorden[1:]) if len(woorden) > 1 else woorden[0]


def getal(waarde: Decimal) -> str:
    """Nederlandse notatie zonder exponent: 0,00000024449 en 1.234,5."""
    tekst = format(waarde.normalize(), "f")
    heel, _, frac = tekst.partition(".")
    neg = heel.startswith("-")
    heel = f"{int(heel.lstrip('-') or 0):,}".replace(",", ".")
    return ("-" if neg else "") + heel + ("," + frac if frac else "")


def parameterwaarde(naam: str, waarde) -> str:
    kort = naam.rsplit(".", 1)[-1]
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, str):
        return WAARDEN.get(waarde, waarde.replace("_", " "))
    if kort.startswith("pct") or "percentage" in kort:
        return getal(waarde * 100) + "%"
    if kort.startswith("factor"):
        return getal(waarde)
    if "leeftijd" in kort:
        return f"{waarde} maanden" if kort.endswith("maanden") else f"{waarde} jaar"
    if "kostendelers" in kort or kort.startswith("aantal"):
        return getal(waarde)
    return euro(waarde).replace(" ", "\u00a0")


# ---------------------------------------------------------------- bronnen en status

def bronsleutels_in(tekst: str, sleutels: dict) -> list[str]:
    return [k for k in dict.fromkeys(re.findall(r"[A-Z][A-Z0-9_]+", tekst)) if k in sleutels]


def citaat(tekst: str, sleutels: dict) -> str:
    """'B11: Regeling ...; B6' -> '[bron 11]: Regeling ...; [bron 6]' (nooit te verwarren met signaal S1-S8)."""
    return re.sub(r"\bB(\d+)\b", r"[bron \1]", tekst)


def statustekst(p, sleutels: dict, soorten: dict) -> str:
    """Wat de status zegt, naar de bron: bij 'bevestigd' alleen de bronnen die dat kunnen (een wettekst, een citaat
    ervan, een officiële publicatie); een kopie van een tabel op GitHub of een website van derden heet nooit een
    bevestiging."""
    if p.status != "bevestigd":
        return STATUS.get(p.status, p.status)
    if p.bevestigd_door:
        return "bevestigd door " + citaat(p.bevestigd_door, sleutels)
    genoemd = bronsleutels_in(p.bron, sleutels)
    goed = [k for k in genoemd if soorten.get(k, "secundair") != "secundair"]
    if goed:
        return "bevestigd door " + citaat(", ".join(goed), sleutels)
    if genoemd:
        return ("bevestigd volgens het parameterbestand; " + citaat(", ".join(genoemd), sleutels)
                + " is een kopie of een website van derden, geen officiële bron")
    return "bevestigd; zie de bron"
