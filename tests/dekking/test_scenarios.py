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


def _kopie(tmp_path, monkeypatch, naam="martin_hanna_2024", zus=None):
    from . import verwacht
    (tmp_path / f"{naam}.json").write_bytes((SCENARIOS / f"{naam}.json").read_bytes())
    if zus is not None:
        (tmp_path / f"{naam}.verwacht.toml").write_text(zus, encoding="utf-8")
    monkeypatch.setattr(verwacht, "SCENARIOS", tmp_path)
    return naam


def test_scenario_zonder_zusterbestand_faalt(tmp_path, monkeypatch):
    naam = _kopie(tmp_path, monkeypatch)
    assert fouten(naam) == [f"{naam}: geen zusterbestand {naam}.verwacht.toml met de verwachte uitkomsten"]


def test_cijfer_zonder_bron_of_fout_cijfer_faalt(tmp_path, monkeypatch):
    tekst = (SCENARIOS / "martin_hanna_2024.verwacht.toml").read_text(encoding="utf-8")
    tekst = tekst.replace('compensatie_jaar = { waarde = 716, bron = "hr-mh" }', 'compensatie_jaar = { waarde = 716 }')
    tekst = tekst.replace('eenmalig = { waarde = 32,', 'eenmalig = { waarde = "32.01",')
    tekst = tekst.replace('[bronnen."E"]\nsoort = "handreiking"\nvoorbeeld = "E"\n', '[bronnen."E"]\nsoort = "handreiking"\n')
    naam = _kopie(tmp_path, monkeypatch, zus=tekst)
    f = fouten(naam)
    assert "martin_hanna_2024 2024.compensatie_jaar: geen bron" in f
    assert "martin_hanna_2024 2024.eenmalig: verwacht '32.01', de kern geeft '32.00'" in f
    assert "martin_hanna_2024: bron E (handreiking) noemt geen voorbeeld" in f


def test_ontbrekend_verplicht_cijfer_faalt(tmp_path, monkeypatch):
    tekst = (SCENARIOS / "drie_jaren.verwacht.toml").read_text(encoding="utf-8")
    tekst = "\n".join(r for r in tekst.splitlines() if not r.startswith(("stap11 =", "werkelijk =")))
    naam = _kopie(tmp_path, monkeypatch, "drie_jaren", tekst)
    f = fouten(naam)
    assert "drie_jaren 2023: de kern geeft stap11, het zusterbestand niet" in f
    assert "drie_jaren 2023 2023-01 t/m 2023-06: werkelijk ontbreekt in het zusterbestand" in f
