"""De route van het Stappenplan op een plek (avdesk/core/route.py): stap 11 alleen in een jaar waarin het
beleidsprofiel zowel een terugvordering als een tekort vergoedt (REKENMODEL §6); de rekenkern en `bereken --json`
volgen dezelfde beslissing."""

import json
from decimal import Decimal as D
from pathlib import Path

import pytest

from avdesk.core.berekening import bereken
from avdesk.core.casus import Terugvordering, lees_casus
from avdesk.core.route import AFRONDING, WTRAP, bepaal_route, voorgestelde_route

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"


def met_terugvordering(scenario: str, jaar_van_perioden: int, profiel="handreiking-2024", deel="geheel"):
    """Een scenario met perioden, verplaatst naar `jaar_van_perioden`, plus een terugvordering over dat jaar."""
    d = json.loads((SCENARIOS / scenario).read_text())
    j = d["jaren"][0]
    oud = j["jaar"]
    j["jaar"] = jaar_van_perioden
    for p in j["perioden"]:
        p["van"] = p["van"].replace(str(oud), str(jaar_van_perioden))
        p["tot_en_met"] = p["tot_en_met"].replace(str(oud), str(jaar_van_perioden))
    j["terugvordering"] = {"huurtoeslag": {"voorschot": 3000, "definitief": 2500}, "deel_alleenverdieners": deel}
    d["beleidsprofiel"] = profiel
    d["aanvraag"] = {"route": "beide", "toestemming_mijntoeslagen": True}
    return d


def test_stap11_in_2023_bij_de_handreiking(avdesk_cli, tmp_path):
    d = met_terugvordering("irene_sergio_2023.json", 2023)
    c = lees_casus(json.dumps(d))
    assert 11 in bepaal_route(c).stappen
    (jb,) = bereken(c).jaren
    assert jb.stap11 is not None
    pad = tmp_path / "casus.json"
    pad.write_text(json.dumps(d))
    r = avdesk_cli("bereken", pad, "--json")
    assert r.returncode == 0, r.stderr.decode()
    assert json.loads(r.stdout)["jaren"][0].get("stap11") is not None


@pytest.mark.parametrize("jaar,profiel,reden", [
    (2022, "handreiking-2024", "vergoedt over 2022 niet zowel een terugvordering als een tekort"),
    (2023, "mvs-2025", "vergoedt over 2023 niet zowel een terugvordering als een tekort"),
])
def test_geen_stap11_waar_het_profiel_geen_tekort_vergoedt(avdesk_cli, tmp_path, jaar, profiel, reden):
    d = met_terugvordering("irene_sergio_2023.json", jaar, profiel)
    c = lees_casus(json.dumps(d))
    route = bepaal_route(c)
    assert 11 not in route.stappen and 11 not in route.nog_open
    assert any(zin.startswith("Stap 11 valt weg") and reden in zin for zin in route.weg), route.weg
    (jb,) = bereken(c).jaren
    assert jb.stap11 is None
    assert jb.compensatie_jaar == D("500.00")           # alleen de terugvordering: het tekort vergoedt het profiel niet
    pad = tmp_path / "casus.json"
    pad.write_text(json.dumps(d))
    r = avdesk_cli("bereken", pad, "--json")
    assert r.returncode == 0, r.stderr.decode()
    assert json.loads(r.stdout)["jaren"][0].get("stap11") is None


def test_geen_stap11_als_de_terugvordering_niet_door_de_problematiek_komt():
    c = lees_casus(json.dumps(met_terugvordering("irene_sergio_2023.json", 2023, deel="geen")))
    route = bepaal_route(c)
    assert 11 not in route.stappen
    assert bereken(c).jaren[0].stap11 is None


def test_stap11_blijft_open_tot_de_terugvordering_bekend_is():
    d = met_terugvordering("irene_sergio_2023.json", 2023)
    del d["jaren"][0]["terugvordering"]
    c = lees_casus(json.dumps(d))
    route = bepaal_route(c)
    assert route.nog_open == (11,) and route.aantal == 12          # "stap n van 12" al vanaf stap 3
    c.jaren[0].terugvordering = Terugvordering(voorschot={"huurtoeslag": D(3000)},
                                               definitief={"huurtoeslag": D(2500)})
    route = bepaal_route(c)
    assert 11 in route.stappen and route.nog_open == () and route.aantal == 12


def test_routes_per_keuze():
    c = lees_casus((SCENARIOS / "wtrap_2026.json").read_bytes())
    assert voorgestelde_route(c) == "wtrap"
    r = bepaal_route(c)
    assert r.stappen == (1, 2, 4, WTRAP, AFRONDING)          # issue 22: de Wtrap als kortste route
    assert r.weg == ("Stap 3 valt weg: alle jaren zijn Wtrap-jaren (vanaf 2025), de route is de Wtrap.",
                     "Stap 5 valt weg: de Wtrap-stap toetst het verschil in toeslagen over het jaar en toont het.",
                     "Stap 6-11 vallen weg: de Wtrap kent een vaste tegemoetkoming per jaar.")
    c = lees_casus((SCENARIOS / "martin_hanna_2024.json").read_bytes())
    assert voorgestelde_route(c) == "tekort"
    c.aanvraag.route = "tekort"
    r = bepaal_route(c)
    assert r.stappen == (1, 2, 3, 4, 5, 6, 7, AFRONDING)
    assert any(z.startswith("Stap 8 valt weg") for z in r.weg) and any(z.startswith("Stap 9-11 vallen weg")
                                                                     for z in r.weg)
    c.aanvraag.route = ""
    assert bepaal_route(c).stappen == (1, 2, 3)


def test_drie_jaren_stap11_alleen_in_2023(scenario):
    c = scenario("drie_jaren.json")
    c.aanvraag.route = "beide"
    r = bepaal_route(c)
    assert {jr.jaar: 11 in jr.stappen for jr in r.jaren} == {2022: False, 2023: True, 2024: False}
    assert {jb.jaar: jb.stap11 is not None for jb in bereken(c).jaren} == {2022: False, 2023: True, 2024: False}
