"""Elk scenario in tests/scenarios/ met de Qt-vrije rekenkern doorgerekend en tot op de cent vergeleken met zijn
zusterbestand NAAM.verwacht.toml (issue 23): een scenario zonder zusterbestand, of een cijfer zonder bron, faalt."""

import pytest

from .verwacht import SCENARIOS, fouten, scenario_namen


@pytest.mark.parametrize("naam", scenario_namen())
def test_scenario_klopt_met_zusterbestand(naam):
    assert fouten(naam) == []


def test_elk_zusterbestand_hoort_bij_een_scenario():
    los = [p.name for p in SCENARIOS.glob("*.verwacht.toml") if not (SCENARIOS / p.name.replace(
        ".verwacht.toml", ".json")).exists()]
    assert los == []
