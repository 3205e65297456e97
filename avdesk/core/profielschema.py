"""Het schema van een beleidsprofiel: de velden, hun uitleg en de controle van wat er staat (zonder de rest van avdesk,
zodat core/profielen.py het kan gebruiken bij het laden). Installeren en het sjabloon: core/profielbestand.py."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from .model import Tupel

from .bestanden import lees_toml

MAX_BYTES = 64 * 1024
ID_PATROON = re.compile(r"[a-z0-9][a-z0-9-]{1,48}")
VERMOGENSGRENZEN = ("huurtoeslag", "zorgtoeslag", "bijstand")
UITBETALINGEN = ("eenmalig_en_periodiek", "eenmalig")


class Beleidsprofiel(Tupel):
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
    gemeente_naam: str = ""
    gemeente_adres: str = ""
    beschikking_sjabloon: str = ""      # pad naar een eigen .docx; leeg: het standaardsjabloon
    eigen: bool = False                 # geïnstalleerd in de datamap, niet meegeleverd

# veld -> (verplicht, uitleg voor het sjabloon)
VELDEN = {
    "id": (True, "korte naam van het profiel: kleine letters, cijfers en streepjes (bv. \"leiderdorp-2025\")"),
    "naam": (True, "naam zoals de raadsman hem ziet (bv. \"Leiderdorp 2025\")"),
    "uitvoerder": (True, "wie de regeling uitvoert (gemeente of samenwerkingsverband)"),
    "bron": (True, "de beleidsregel: titel, datum, artikelen (bv. CVDR-nummer)"),
    "tekort_jaren": (True, "jaren waarover het tekort aan toeslagen wordt vergoed (2022-2024; vanaf 2025 de Wtrap)"),
    "terugvordering_jaren": (True, "jaren waarover een terugvordering van toeslagen wordt vergoed"),
    "vermogensgrens": (True, "welke vermogensgrens voor de doelgroep geldt: \"huurtoeslag\", \"zorgtoeslag\" of "
                             "\"bijstand\""),
    "uitbetaling": (True, "\"eenmalig_en_periodiek\" (vanaf de aanvraagmaand per maand) of \"eenmalig\""),
    "aanvraag_uiterlijk": (False, "uiterste aanvraagdatum, JJJJ-MM-DD (leeg: geen uiterste datum)"),
    "bestaansminimumtoets": (False, "true: de compensatie gaat niet boven het tekort tot het bestaansminimum "
                                    "(handreiking stap 6); false: het volledige verschil in toeslagen"),
    "gemeente_naam": (False, "naam van de gemeente (op de beschikking)"),
    "gemeente_adres": (False, "postadres van de gemeente (op de beschikking)"),
    "beschikking_sjabloon": (False, "volledig pad naar een eigen .docx-sjabloon voor de beschikking (leeg: het "
                                    "standaardsjabloon van avdesk)"),
}


def _jaren(d: dict, veld: str, fouten: list[str], jaren: tuple[int, int]) -> tuple[int, ...]:
    eerste, laatste = jaren
    v = d.get(veld)
    if not isinstance(v, list) or not all(isinstance(j, int) and not isinstance(j, bool) for j in v):
        fouten.append(f"{veld} moet een lijst jaartallen zijn, bv. [2023, 2024]")
        return ()
    buiten = [j for j in v if not eerste <= j <= laatste]
    if buiten:
        fouten.append(f"{veld}: {', '.join(map(str, buiten))} valt buiten {eerste}-{laatste}")
    if len(set(v)) != len(v):
        fouten.append(f"{veld}: een jaar staat er twee keer in")
    return tuple(sorted(set(v)))


def _tekst(d: dict, veld: str, fouten: list[str], maximaal: int = 300) -> str:
    v = d.get(veld, "")
    if not isinstance(v, str):
        fouten.append(f"{veld} moet tekst zijn (tussen aanhalingstekens)")
        return ""
    v = v.strip()
    if VELDEN[veld][0] and not v:
        fouten.append(f"{veld} ontbreekt of is leeg ({VELDEN[veld][1]})")
    if len(v) > maximaal:
        fouten.append(f"{veld} is langer dan {maximaal} tekens")
    if any(ord(t) < 32 and t not in "\n\t" for t in v):
        fouten.append(f"{veld} bevat stuurtekens")
    return v


def _datum(d: dict, fouten: list[str]) -> str:
    v = d.get("aanvraag_uiterlijk", "")
    if isinstance(v, date):
        return v.isoformat()
    if v == "":
        return ""
    try:
        if not isinstance(v, str) or len(v) != 10:
            raise ValueError
        return date.fromisoformat(v).isoformat()
    except ValueError:
        fouten.append(f"aanvraag_uiterlijk {v!r} is geen datum (JJJJ-MM-DD, of leeg)")
        return ""


def profiel_uit_data(d: dict, jaren: tuple[int, int], *, eigen: bool = False,
                     extra=None) -> tuple[Beleidsprofiel | None, list[str]]:
    """Het profiel uit een TOML-tabel, of alle fouten (elk met de naam van het veld). `jaren`: (eerste, laatste) jaar
    dat avdesk kent; `extra`: een controle van het sjabloonpad (core/profielbestand.py)."""
    fouten: list[str] = []
    onbekend = sorted(set(d) - set(VELDEN))
    if onbekend:
        getoond = [k if re.fullmatch(r"[A-Za-z0-9_-]{1,60}", k) else ascii(k[:60]) for k in onbekend]
        fouten.append(f"onbekend veld {', '.join(getoond)} (tikfout?); avdesk kent: {', '.join(VELDEN)}")
    pid = d.get("id")
    if not isinstance(pid, str) or not ID_PATROON.fullmatch(pid):
        fouten.append(f"id {pid!r}: gebruik 2-49 kleine letters, cijfers en streepjes (bv. \"leiderdorp-2025\")")
        pid = ""
    teksten = {k: _tekst(d, k, fouten) for k in ("naam", "uitvoerder", "bron", "gemeente_naam", "gemeente_adres",
                                                 "beschikking_sjabloon")}
    tekort, terug = _jaren(d, "tekort_jaren", fouten, jaren), _jaren(d, "terugvordering_jaren", fouten, jaren)
    if d.get("vermogensgrens") not in VERMOGENSGRENZEN:
        fouten.append(f"vermogensgrens moet {', '.join(VERMOGENSGRENZEN)} zijn (nu {d.get('vermogensgrens')!r})")
    if d.get("uitbetaling") not in UITBETALINGEN:
        fouten.append(f"uitbetaling moet {' of '.join(UITBETALINGEN)} zijn (nu {d.get('uitbetaling')!r})")
    toets = d.get("bestaansminimumtoets", True)
    if not isinstance(toets, bool):
        fouten.append("bestaansminimumtoets moet true of false zijn")
    uiterlijk = _datum(d, fouten)
    if extra is not None and teksten["beschikking_sjabloon"]:
        fouten += extra(teksten["beschikking_sjabloon"])
    if fouten:
        return None, fouten
    return Beleidsprofiel(pid, teksten["naam"], teksten["uitvoerder"], teksten["bron"], tekort, terug,
                          d["vermogensgrens"], d["uitbetaling"], uiterlijk, toets, teksten["gemeente_naam"],
                          teksten["gemeente_adres"], teksten["beschikking_sjabloon"], eigen), []


def lees_profiel(bestand: Path, jaren: tuple[int, int], *, eigen: bool = False, extra=None, cache: bool = False):
    d, fouten = lees_toml(bestand, MAX_BYTES, "beleidsprofiel", cache)
    if d is None:
        return None, fouten
    profiel, fouten = profiel_uit_data(d, jaren, eigen=eigen, extra=extra)
    return profiel, fouten
