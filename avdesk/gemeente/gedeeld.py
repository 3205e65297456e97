"""Wat het werk van het team Inkomen (ontvangst.py, beoordelen.py) deelt: de besluiten en hun spellingen, de
melding GemeenteFout, de uitkomsten (Ontvangst, Versie, Voorstel, Beschikking) en de ontvangen versies van een
dossier."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path


BESLUITEN = ("toekenning", "gedeeltelijke toekenning", "afwijzing", "buiten behandeling")
# De spellingen van de opdrachtregel (--besluit gedeeltelijk, buiten-behandeling) blijven werken.
SPELLINGEN = {"toekenning": "toekenning", "gedeeltelijke toekenning": "gedeeltelijke toekenning",
              "gedeeltelijk": "gedeeltelijke toekenning", "gedeeltelijke-toekenning": "gedeeltelijke toekenning",
              "afwijzing": "afwijzing", "buiten behandeling": "buiten behandeling",
              "buiten-behandeling": "buiten behandeling"}
# Het soort in de velden van het sjabloon (export/beschikking.py, en eigen sjablonen van gemeenten).
SOORT_IN_SJABLOON = {"toekenning": "toekenning", "gedeeltelijke toekenning": "gedeeltelijk",
                     "afwijzing": "afwijzing", "buiten behandeling": "buiten-behandeling"}
TOEKENNEND = ("toekenning", "gedeeltelijke toekenning")
MAX_REDEN = 4000
HOE_BESLISSEN = ("Kies zelf het besluit: een afwijzing met uw motivering (`--besluit afwijzing --reden TEKST`), of "
                 "buiten behandeling (`--besluit buiten-behandeling`). Of los het eerst op en controleer opnieuw.")


class GemeenteFout(Exception):
    """Het werk kan niet: `regels` zeggen in het Nederlands waarom (en wat de medewerker kan doen); `kop` is de
    eerste regel voor de opdrachtregel ("Geen beschikking gemaakt:")."""

    def __init__(self, regels: list[str], kop: str = "Niet gelukt:"):
        super().__init__(" ".join(regels))
        self.regels = list(regels)
        self.kop = kop


@dataclass
class Ontvangst:
    dossier: int
    versie: int
    nieuw_dossier: bool
    al_ontvangen: bool
    uitkomst: dict
    regels: list[str]           # wat de medewerker ziet, in het Nederlands
    code: int                   # 0 niets blokkeert, 1 de controle klopt niet of iets blokkeert (de exitcode)
    status: str = ""            # van deze versie: 'geldend', 'ter beoordeling' of 'vervangen'


@dataclass
class Versie:
    versie: int
    ontvangen: datetime
    status: str                 # 'geldend', 'ter beoordeling' of 'vervangen'
    controle_code: int          # 0 klopt, 1 klopt niet (-1: nog niet gecontroleerd)
    verschillen: list[str]      # in woorden, tegenover de geldende versie
    heeft_aanvraag: bool
    opmerkingen: list[str] = field(default_factory=list)


@dataclass
class Voorstel:
    besluit: str | None         # 'toekenning' of 'gedeeltelijke toekenning'; None als avdesk niets mag voorstellen
    redenen: dict[int, str]     # per jaar de gronden die avdesk kent om (dat jaar) niet toe te kennen
    blokkades: list[str]        # waarom er geen geld kan worden toegekend (leeg: niets blokkeert)
    bedragen: dict[int, Decimal] = field(default_factory=dict)


@dataclass
class Beschikking:
    pad: Path
    besluit: str
    samenvatting: str           # "Concept toekenning: € 716,00"
    let_op: list[str]
    vastgelegd: object = None   # het vastgelegde besluit (gemeente/besluit.py), bij vastleggen=True


def besluit_naam(tekst: str | None) -> str | None:
    """'gedeeltelijk' -> 'gedeeltelijke toekenning'; GemeenteFout voor een onbekend besluit."""
    if tekst is None:
        return None
    naam = SPELLINGEN.get(" ".join(str(tekst).split()).casefold())
    if naam is None:
        raise GemeenteFout([f"Onbekend besluit. Kies uit: {', '.join(BESLUITEN)}."], "Ongeldige opdracht:")
    return naam


def _ontvangen_versies(opslag, dossier: int) -> list[dict]:
    from ..store import OpslagFout, ontvangen
    try:
        alle = ontvangen.versies(opslag, dossier)
    except OpslagFout as e:
        raise GemeenteFout([str(e)], "Niet gelukt:") from None
    if not alle:
        raise GemeenteFout([f"Dossier {dossier} heeft geen ontvangen berekening."], "Niet gelukt:")
    return alle


def _tijd(tekst: str | None) -> datetime:
    try:
        return datetime.fromisoformat(tekst or "")
    except ValueError:
        return datetime.min
