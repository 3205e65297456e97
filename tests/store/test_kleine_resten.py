"""Kleine resten van issue 21 (punt 8): een opslag met een beschadigde pagina neemt geen `import` (of andere
schrijfactie) meer aan, met de gewone schademelding; een nieuwe opslag en een back-up vragen op de opdrachtregel een
wachtwoord van minstens 8 tekens, zoals het venster."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_schade import _opslag_met_schade  # noqa: E402

from avdesk.store.opslag import Opslag  # noqa: E402


@pytest.mark.parametrize("opdracht", [
    ("import", "tests/scenarios/martin_hanna_2024.json"),
    ("verwijder", "1", "--ja"),
    ("export", "1"),
])
def test_beschadigde_pagina_weigert_schrijven(tmp_path, avdesk_cli, opdracht):
    map_ = tmp_path / "d"
    _opslag_met_schade(map_)
    with Opslag.open(map_, "geheim-ww") as o:
        voor = o.audit_kop()
    env = {"AVDESK_DATA": str(map_), "AVDESK_WACHTWOORD": "geheim-ww"}
    r = avdesk_cli(*opdracht, env=env)
    fout = r.stderr.decode()
    assert r.returncode == 2 and "beschadigd" in fout and "avdesk backup --red BESTAND" in fout, fout
    with Opslag.open(map_, "geheim-ww") as o:
        assert o.audit_kop() == voor and len(o.dossiers()) == 3       # niets bijgeschreven


def test_lezen_kan_nog_met_een_beschadigde_pagina(tmp_path, avdesk_cli):
    map_ = tmp_path / "d"
    _opslag_met_schade(map_)
    r = avdesk_cli("dossiers", env={"AVDESK_DATA": str(map_), "AVDESK_WACHTWOORD": "geheim-ww"})
    assert r.returncode == 0


@pytest.mark.parametrize("wachtwoord", ["a", "1234567"])
def test_nieuwe_opslag_vraagt_8_tekens(tmp_path, avdesk_cli, wachtwoord):
    env = {"AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": wachtwoord}
    r = avdesk_cli("import", "tests/scenarios/martin_hanna_2024.json", env=env)
    assert r.returncode == 2 and "minstens 8 tekens" in r.stderr.decode()
    assert not (tmp_path / "d").exists()
    env["AVDESK_WACHTWOORD"] = "12345678"
    assert avdesk_cli("import", "tests/scenarios/martin_hanna_2024.json", env=env).returncode == 0


def test_bestaande_opslag_met_kort_wachtwoord_opent_nog(tmp_path, avdesk_cli):
    with Opslag.open(tmp_path / "d", "kort") as o:          # gemaakt met een eerdere versie
        o.nieuw_dossier()
    r = avdesk_cli("dossiers", env={"AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": "kort"})
    assert r.returncode == 0


def test_backup_vraagt_8_tekens(tmp_path, avdesk_cli):
    env = {"AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": "geheim-ww", "AVDESK_BACKUP_WACHTWOORD": "a"}
    assert avdesk_cli("import", "tests/scenarios/martin_hanna_2024.json", env=env).returncode == 0
    for extra in ((), ("--red",)):
        r = avdesk_cli("backup", *extra, tmp_path / "b.avdesk", env=env)
        assert r.returncode == 2 and "minstens 8 tekens" in r.stderr.decode()
        assert not (tmp_path / "b.avdesk").exists()
