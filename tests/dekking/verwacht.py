"""De verwachte uitkomsten naast elk scenario: tests/scenarios/NAAM.json (een gewoon avdesk-casus/1-bestand) en
tests/scenarios/NAAM.verwacht.toml (de cijfers, elk met zijn bron).

Vorm van het zusterbestand (zie de bestaande voor voorbeelden):
- `peildatum`: de dag van de berekening (S2 en S10 hangen ervan af);
- `[bronnen.SLEUTEL]` met `soort` = "handreiking" (met `voorbeeld`: welk uitgewerkt voorbeeld, en `fout` als het
  document daar een bekende fout heeft), "rekentool" (de proefberekening van Dienst Toeslagen, met `invoer`) of
  "uitwerking" (met `parameters`: welke paragraaf van PARAMETERS.md / REKENMODEL.md, en `berekening`: de
  berekening zelf); plus `tekst`;
- elk cijfer is een tabel met `bron = "SLEUTEL"`: `{ waarde = ..., bron = ... }`, of meer velden met een bron
  (`referentie = { huurtoeslag = 399, zorgtoeslag = 236, bron = "E" }`);
- `[[jaar]]` met `jaar`, en `[[jaar.periode]]` met `van` en `tot_en_met` (de perioden zoals de kern ze geeft).
Signalen: een lijst codes, "S5!" voor een blokkerend signaal. Wtrap `voldoet = "open"` is nog niet vast te stellen."""

from __future__ import annotations

import json
import tomllib
from datetime import date
from decimal import Decimal
from pathlib import Path

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
SOORTEN = {"handreiking": ("voorbeeld",), "rekentool": ("invoer",), "uitwerking": ("parameters", "berekening")}
# Wat elk jaar en elke periode moet noemen (issue 23: huur- en zorgtoeslag werkelijk en bij bijstand, tekort per
# maand, compensatie, signalen); stap 9-11 en de Wtrap zodra de kern ze geeft.
JAAR_VERPLICHT = ("compensatie_jaar", "tekort", "signalen")
PERIODE_VERPLICHT = ("referentie", "werkelijk", "verschil_per_maand", "compensatie_per_maand", "signalen")
ALS_AANWEZIG = ("terugvordering", "stap11", "wtrap")
SLEUTELS = {"jaar", "periode", "van", "tot_en_met"}


def scenario_namen() -> list[str]:
    return sorted(p.stem for p in SCENARIOS.glob("*.json"))


def zusterbestand(naam: str) -> Path:
    return SCENARIOS / f"{naam}.verwacht.toml"


def lees(naam: str) -> dict:
    return tomllib.loads(zusterbestand(naam).read_text(encoding="utf-8"))


def bereken_json(naam: str, peildatum: date) -> tuple[object, object, dict]:
    """Casus, Berekening en avdesk-berekening/1 met de Qt-vrije rekenkern (zoals `avdesk bereken --json`)."""
    from avdesk.core.berekening import bereken
    from avdesk.core.casus import lees_casus
    casus = lees_casus((SCENARIOS / f"{naam}.json").read_bytes())
    b = bereken(casus, peildatum)
    return casus, b, json.loads(json.dumps(b.naar_json(), default=str))


def _signalen(lijst) -> list[str]:
    return [s["code"] + ("!" if s["blokkerend"] else "") for s in lijst]


def _gelijk(verwacht, gekregen) -> bool:
    """Tot op de cent: getallen (ook als tekst, "716.00") als Decimal, de rest letterlijk."""
    if isinstance(verwacht, bool) or isinstance(gekregen, bool) or gekregen is None:
        return verwacht is gekregen
    if isinstance(verwacht, (int, float)) or isinstance(verwacht, str) and isinstance(gekregen, (int, float)):
        try:
            return Decimal(str(verwacht)) == Decimal(str(gekregen))
        except ArithmeticError:
            return False
    if isinstance(verwacht, str) and isinstance(gekregen, str):
        try:
            return Decimal(verwacht) == Decimal(gekregen)
        except ArithmeticError:
            return verwacht == gekregen
    return verwacht == gekregen


def fouten(naam: str, peildatum_standaard: date | None = None) -> list[str]:
    """Alles wat niet klopt tussen de kern en het zusterbestand, in het Nederlands; leeg als alles klopt."""
    if not zusterbestand(naam).exists():
        return [f"{naam}: geen zusterbestand {zusterbestand(naam).name} met de verwachte uitkomsten"]
    v = lees(naam)
    uit: list[str] = []
    bronnen = v.get("bronnen", {})
    for sleutel, b in bronnen.items():
        soort = b.get("soort")
        if soort not in SOORTEN:
            uit.append(f"{naam}: bron {sleutel}: soort {soort!r} is geen van {sorted(SOORTEN)}")
            continue
        for veld in SOORTEN[soort] + ("tekst",):
            if not str(b.get(veld, "")).strip():
                uit.append(f"{naam}: bron {sleutel} ({soort}) noemt geen {veld}")
    if "peildatum" not in v:
        uit.append(f"{naam}: geen peildatum")
        return uit
    _, _, berekend = bereken_json(naam, date.fromisoformat(str(v["peildatum"])))

    def cijfer(pad: str, veld: str, verwacht, gekregen) -> None:
        if not isinstance(verwacht, dict):
            uit.append(f"{pad}.{veld}: een cijfer zonder bron (schrijf {{ waarde = ..., bron = ... }})")
            return
        bron = verwacht.get("bron")
        if not bron:
            uit.append(f"{pad}.{veld}: geen bron")
        elif bron not in bronnen:
            uit.append(f"{pad}.{veld}: bron {bron!r} staat niet onder [bronnen]")
        waarden = {k: w for k, w in verwacht.items() if k != "bron"}
        if not waarden:
            uit.append(f"{pad}.{veld}: geen waarde")
        for k, w in waarden.items():
            if k == "waarde":
                g = gekregen
            elif isinstance(gekregen, dict) and k in gekregen:
                g = gekregen[k]
            else:
                uit.append(f"{pad}.{veld}.{k}: de kern geeft dit veld niet")
                continue
            if veld == "signalen" or k == "signalen":
                g = _signalen(g)
                ok = sorted(w) == sorted(g)
            elif k == "voldoet":
                ok = (None if w == "open" else w) is g
            else:
                ok = _gelijk(w, g)
            if not ok:
                uit.append(f"{pad}.{veld}{'' if k == 'waarde' else '.' + k}: verwacht {w!r}, de kern geeft {g!r}")

    def blok(pad: str, verwacht: dict, gekregen: dict, verplicht) -> None:
        for veld in verplicht:
            if veld not in verwacht:
                uit.append(f"{pad}: {veld} ontbreekt in het zusterbestand")
        for veld in ALS_AANWEZIG:
            if gekregen.get(veld) is not None and veld not in verwacht:
                uit.append(f"{pad}: de kern geeft {veld}, het zusterbestand niet")
        for veld, w in verwacht.items():
            if veld in SLEUTELS:
                continue
            cijfer(pad, veld, w, gekregen.get(veld))

    if "totaal_compensatie" in v:
        cijfer(naam, "totaal_compensatie", v["totaal_compensatie"], berekend["totaal_compensatie"])
    vj = {j["jaar"]: j for j in v.get("jaar", [])}
    if sorted(vj) != [j["jaar"] for j in berekend["jaren"]]:
        uit.append(f"{naam}: jaren verwacht {sorted(vj)}, de kern geeft {[j['jaar'] for j in berekend['jaren']]}")
    for gj in berekend["jaren"]:
        if gj["jaar"] not in vj:
            continue
        wj, pad = vj[gj["jaar"]], f"{naam} {gj['jaar']}"
        blok(pad, wj, gj, JAAR_VERPLICHT)
        wp = [(str(p["van"]), str(p["tot_en_met"])) for p in wj.get("periode", [])]
        gp = [(p["van"], p["tot_en_met"]) for p in gj["perioden"]]
        if wp != gp:
            uit.append(f"{pad}: perioden verwacht {wp}, de kern geeft {gp}")
            continue
        for w, g in zip(wj.get("periode", []), gj["perioden"]):
            blok(f"{pad} {g['van']} t/m {g['tot_en_met']}", w, g, PERIODE_VERPLICHT)
    return uit
