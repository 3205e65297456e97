"""De cache van geparste TOML (core/bestanden.toml, issue 23): in de datamap, sleutel de inhoud, kapot = opnieuw parsen."""

import json
import tomllib

import pytest

from avdesk.core import bestanden
from avdesk.core.bestanden import toml

TEKST = b'jaar = 2024\n[a]\nb = { waarde = 0.01879, status = "bevestigd", bron = "B1" }\nc = [1, 2.5, true]\n'


@pytest.fixture
def datamap(tmp_path, monkeypatch):
    monkeypatch.setenv("AVDESK_DATA", str(tmp_path / "data"))
    monkeypatch.setattr(bestanden, "_cache", None)
    (tmp_path / "data").mkdir()
    return tmp_path / "data"


def _opnieuw(monkeypatch):
    """Een nieuw proces: de cache in het geheugen is weg, die op schijf niet."""
    monkeypatch.setattr(bestanden, "_cache", None)


def test_zelfde_uitkomst_uit_de_cache_en_elke_keer_een_eigen_dict(datamap, monkeypatch):
    verwacht = tomllib.loads(TEKST.decode())
    assert toml(TEKST) == verwacht
    assert (datamap / "cache" / "toml.json").is_file()
    assert (datamap / "cache").stat().st_mode & 0o777 == 0o700
    assert (datamap / "cache" / "toml.json").stat().st_mode & 0o777 == 0o600
    _opnieuw(monkeypatch)
    monkeypatch.setattr(tomllib, "loads", lambda *a, **k: pytest.fail("geparst ondanks de cache"))
    eerste = toml(TEKST)
    assert eerste == verwacht and type(eerste["a"]["b"]["waarde"]) is float
    eerste["a"]["weg"] = 1
    assert toml(TEKST) == verwacht


def test_gewijzigde_inhoud_mist(datamap, monkeypatch):
    toml(TEKST)
    _opnieuw(monkeypatch)
    anders = TEKST.replace(b"0.01879", b"0.01878")
    assert toml(anders)["a"]["b"]["waarde"] == 0.01878


@pytest.mark.parametrize("kapot", [b"", b"{", b"[]", b'{"formaat": "avdesk-tomlcache/1", "inhoud": []}',
                                   b'{"formaat": "avdesk-tomlcache/1", "inhoud": {"x": 1}}'])
def test_kapotte_cache_is_opnieuw_parsen(datamap, monkeypatch, kapot):
    toml(TEKST)
    sleutel = next(iter(json.loads((datamap / "cache" / "toml.json").read_bytes())["inhoud"]))
    (datamap / "cache" / "toml.json").write_bytes(kapot)
    _opnieuw(monkeypatch)
    assert toml(TEKST) == tomllib.loads(TEKST.decode())
    # ook een kapotte waarde bij de juiste sleutel
    (datamap / "cache" / "toml.json").write_text(json.dumps({"formaat": "avdesk-tomlcache/1",
                                                             "inhoud": {sleutel: "{kapot"}}))
    _opnieuw(monkeypatch)
    assert toml(TEKST) == tomllib.loads(TEKST.decode())


def test_fouten_als_tomllib_en_niets_in_de_cache(datamap):
    with pytest.raises(tomllib.TOMLDecodeError):
        toml(b"a = ")
    with pytest.raises(UnicodeDecodeError):
        toml(b"a = '\xff'")
    assert not (datamap / "cache").exists()


def test_zonder_datamap_maakt_hij_er_geen(tmp_path, monkeypatch):
    monkeypatch.setenv("AVDESK_DATA", str(tmp_path / "nog_niet"))
    monkeypatch.setattr(bestanden, "_cache", None)
    assert toml(TEKST) == tomllib.loads(TEKST.decode())
    assert not (tmp_path / "nog_niet").exists()


def test_bereken_gebruikt_de_cache_met_dezelfde_uitvoer(avdesk_cli, tmp_path):
    (tmp_path / "d").mkdir()
    env = {"AVDESK_DATA": str(tmp_path / "d")}
    zonder = avdesk_cli("bereken", "tests/scenarios/martin_hanna_2024.json", "--vandaag", "2026-12-03")
    koud = avdesk_cli("bereken", "tests/scenarios/martin_hanna_2024.json", "--vandaag", "2026-12-03", env=env)
    cache = json.loads((tmp_path / "d" / "cache" / "toml.json").read_bytes())
    warm = avdesk_cli("bereken", "tests/scenarios/martin_hanna_2024.json", "--vandaag", "2026-12-03", env=env)
    assert zonder.returncode == koud.returncode == warm.returncode == 0
    assert zonder.stdout == koud.stdout == warm.stdout and len(cache["inhoud"]) >= 3
    # Alleen parameters, profielen en bewijsstukken: geen naam uit de casus.
    assert b"Martin" not in (tmp_path / "d" / "cache" / "toml.json").read_bytes()
