"""Issue 22: de Wtrap als kortste route (avdesk/core/route.py, zonder Qt). Met alleen Wtrap-jaren valt de keuze van
stap 3 weg en toetst de Wtrap-stap het verschil in toeslagen (geen stap 5); ook voor meer Wtrap-jaren tegelijk. Komt
er een jaar voor 2025 bij, dan is de keuze terug. En datums als ddmmjj (sneller typen), met de goede eeuw."""

import copy
import json
from datetime import date
from pathlib import Path

import pytest

from avdesk.core.casus import lees_casus
from avdesk.core.geld import InvoerFout, lees_datum
from avdesk.core.route import AFRONDING, WTRAP, alleen_wtrapjaren, bepaal_route

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"


def wtrap_jaren(*jaren: int, route: str = ""):
    d = json.loads((SCENARIOS / "wtrap_2026.json").read_text())
    sjabloon = d["jaren"][0]
    d["jaren"] = []
    for jaar in jaren:
        j = copy.deepcopy(sjabloon)
        j["jaar"] = jaar
        for p in j["perioden"]:
            p["van"], p["tot_en_met"] = f"{jaar}-01", f"{jaar}-12"
        d["jaren"].append(j)
    d["aanvraag"]["route"] = route
    return lees_casus(json.dumps(d))


@pytest.mark.parametrize("jaren", [(2026,), (2025,), (2025, 2026)])  # 2027: nog geen parameters
@pytest.mark.parametrize("gekozen", ["", "wtrap", "tekort"])
def test_alleen_wtrapjaren_kortste_route(jaren, gekozen):
    c = wtrap_jaren(*jaren, route=gekozen)
    assert alleen_wtrapjaren(c)
    r = bepaal_route(c)
    assert r.route == "wtrap"
    assert r.stappen == (1, 2, 4, WTRAP, AFRONDING)
    assert r.aantal == 5
    assert {jr.jaar: jr.stappen for jr in r.jaren} == {j: (4, WTRAP) for j in jaren}
    assert r.weg[0] == "Stap 3 valt weg: alle jaren zijn Wtrap-jaren (vanaf 2025), de route is de Wtrap."
    assert any(z.startswith("Stap 5 valt weg: de Wtrap-stap toetst") for z in r.weg)


def test_een_jaar_voor_2025_brengt_de_keuze_terug():
    c = wtrap_jaren(2024, 2026, route="wtrap")
    assert not alleen_wtrapjaren(c)
    r = bepaal_route(c)
    assert 3 in r.stappen
    assert r.stappen == (1, 2, 3, 4, WTRAP, AFRONDING)
    assert r.jaren[0].jaar == 2024 and r.jaren[0].stappen == ()
    assert "2024 is geen Wtrap-jaar" in r.jaren[0].weg[WTRAP]
    c.aanvraag.route = "tekort"
    assert bepaal_route(c).stappen == (1, 2, 3, 4, 5, 6, 7, AFRONDING)


def test_nog_geen_jaar_nog_geen_route():
    c = wtrap_jaren(2026)
    c.jaren = []
    assert not alleen_wtrapjaren(c)
    assert bepaal_route(c).stappen == (1, 2, 3)


@pytest.mark.parametrize("tekst, verleden, verwacht", [
    ("020478", date(2026, 12, 3), date(1978, 4, 2)),
    ("050515", date(2026, 12, 3), date(2015, 5, 5)),
    ("031226", date(2026, 12, 3), date(2026, 12, 3)),          # vandaag: deze eeuw
    ("041226", date(2026, 12, 3), date(1926, 12, 4)),          # morgen kan geen geboortedatum zijn
    ("100227", None, date(2027, 2, 10)),                        # een gewone datum: deze eeuw
    ("15071979", None, date(1979, 7, 15)),
    ("15-07-79", None, None),                                   # met streepjes blijft het jaar vier cijfers
])
def test_datum_als_ddmmjj(tekst, verleden, verwacht):
    if verwacht is None:
        with pytest.raises(InvoerFout):
            lees_datum(tekst, verleden)
    else:
        assert lees_datum(tekst, verleden) == verwacht


def test_ddmmjj_bestaat_niet():
    with pytest.raises(InvoerFout, match="bestaat niet"):
        lees_datum("310226")
