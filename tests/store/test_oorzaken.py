"""Fouten noemen de juiste oorzaak: een ander avdesk-proces dat schrijft (kort wachten, niets kwijt), een
alleen-lezen map (niet 'verkeerde sleutel'), --vandaag alleen als het --vandaag is, een volle schijf bij de eerste
start laat niets half achter."""

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from avdesk.core.casus import lees_casus
from avdesk.store import OpslagFout
from avdesk.store.opslag import Opslag

ROOT = Path(__file__).resolve().parents[2]
CASUS = lees_casus((ROOT / "tests" / "scenarios" / "martin_hanna_2024.json").read_bytes())


@pytest.mark.traag
def test_bezette_database_geeft_de_bezet_melding(tmp_path, avdesk_cli):
    env = {"AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": "geheim-ww"}
    assert avdesk_cli("import", "tests/scenarios/martin_hanna_2024.json", env=env).returncode == 0
    with Opslag.open(tmp_path / "d", "geheim-ww") as ander:        # een ander avdesk-venster, midden in het schrijven
        ander.conn.execute("BEGIN IMMEDIATE")
        ander.conn.execute("UPDATE dossiers SET status = 'afgerond'")
        t = time.monotonic()
        r = avdesk_cli("import", "tests/scenarios/jerry_anton_2024.json", env=env)
        duur = time.monotonic() - t
        fout = r.stderr.decode()
        assert r.returncode == 2 and "Een ander avdesk-venster gebruikt de dossiers nu; probeer het zo opnieuw" in fout
        assert "beschadigd" not in fout and "back-up" not in fout and "Traceback" not in fout
        assert duur < 6, duur
        # Lezen gaat gewoon door (WAL).
        assert avdesk_cli("dossiers", env=env).returncode == 0
        ander.conn.execute("COMMIT")
    # Niets kwijt: het werk van het andere venster staat er, en de import lukt nu wel.
    assert avdesk_cli("import", "tests/scenarios/jerry_anton_2024.json", env=env).stdout.strip() == b"2"
    uit = avdesk_cli("dossiers", env=env).stdout.decode()
    assert "afgerond" in uit and "Jerry" in uit and "Martin" in uit


@pytest.mark.traag
def test_bezet_in_het_venster_is_een_opslagfout(tmp_path):
    map_ = tmp_path / "d"
    with Opslag.open(map_) as a, Opslag.open(map_) as b:
        d = a.nieuw_dossier(CASUS)
        a.conn.execute("BEGIN IMMEDIATE")
        with pytest.raises(OpslagFout, match="ander avdesk-venster") as e:
            b.zet_status(d, "afgerond")
        assert e.value.soort == "bezet"
        a.conn.execute("ROLLBACK")
        b.zet_status(d, "afgerond")
        assert b.controleer_audit()[1] is None


def test_alleen_lezen_map_in_proces(tmp_path, monkeypatch):
    map_ = tmp_path / "d"
    Opslag.open(map_).close()
    echt = os.access
    monkeypatch.setattr(os, "access", lambda p, m, **kw: False if (m & os.W_OK and Path(p) == map_) else echt(p, m))
    with pytest.raises(OpslagFout, match=r"De map .* is alleen-lezen") as e:
        Opslag.open(map_)
    assert "sleutel" not in str(e.value)


def test_alleen_lezen_map_via_cli(tmp_path, monkeypatch, capsys):
    """Zonder root met echte rechten (chmod) in een los proces. Root mag overal schrijven; dan in dit proces, met
    os.access die de map als alleen-lezen meldt (zoals op een alleen-lezen bestandssysteem, EROFS)."""
    from avdesk.cli import main
    map_ = tmp_path / "d"
    env = {"AVDESK_DATA": str(map_), "AVDESK_WACHTWOORD": "geheim-ww"}
    monkeypatch.setenv("AVDESK_DATA", str(map_))
    monkeypatch.setenv("AVDESK_WACHTWOORD", "geheim-ww")
    assert main(["import", "tests/scenarios/martin_hanna_2024.json"]) == 0
    als_root = os.geteuid() == 0
    if als_root:
        echt = os.access
        monkeypatch.setattr(os, "access", lambda p, m, **kw: False if (m & os.W_OK and str(p).startswith(
            str(tmp_path))) else echt(p, m, **kw))
    os.chmod(map_, 0o500)
    os.chmod(tmp_path, 0o500)
    try:
        voor = sorted(p.name for p in map_.iterdir())
        for opdracht in (["dossiers"], ["import", "tests/scenarios/jerry_anton_2024.json"], ["verwijder", "1", "--ja"]):
            if als_root:
                code, fout = main(opdracht), capsys.readouterr().err
            else:
                r = subprocess.run([sys.executable, "-m", "avdesk", *opdracht], capture_output=True, cwd=ROOT,
                                   timeout=60, env={**os.environ, **env})
                code, fout = r.returncode, r.stderr.decode()
            assert code == 2 and f"De map {map_} is alleen-lezen" in fout, fout
            assert "sleutel past niet" not in fout and "Traceback" not in fout
        assert sorted(p.name for p in map_.iterdir()) == voor
        # Een map die nog moet worden gemaakt, onder een alleen-lezen map.
        monkeypatch.setenv("AVDESK_DATA", str(tmp_path / "nieuw"))
        if als_root:
            monkeypatch.setattr(Path, "mkdir", lambda *a, **k: (_ for _ in ()).throw(PermissionError(13, "ro")))
            code, fout = main(["import", "tests/scenarios/bosveld_2022.json"]), capsys.readouterr().err
        else:
            r = subprocess.run([sys.executable, "-m", "avdesk", "import", "tests/scenarios/bosveld_2022.json"],
                               capture_output=True, cwd=ROOT, timeout=60,
                               env={**os.environ, **env, "AVDESK_DATA": str(tmp_path / "nieuw")})
            code, fout = r.returncode, r.stderr.decode()
        assert code == 2 and "alleen-lezen" in fout, fout
    finally:
        os.chmod(tmp_path, stat.S_IRWXU)
        os.chmod(map_, stat.S_IRWXU)


@pytest.mark.traag
def test_vandaag_alleen_als_het_vandaag_is(tmp_path, avdesk_cli):
    r = avdesk_cli("bereken", "tests/scenarios/martin_hanna_2024.json", "--vandaag", "2024-13-01")
    assert r.returncode == 2 and "--vandaag '2024-13-01' is geen datum" in r.stderr.decode()
    r = avdesk_cli("bereken", "tests/scenarios/martin_hanna_2024.json", "--vandaag", "0001-01-01")
    assert r.returncode == 2 and "tussen 1900 en 2100" in r.stderr.decode()
    r = avdesk_cli("bereken", "tests/scenarios/martin_hanna_2024.json", "--vandaag", "2025-01-01")
    assert r.returncode == 0
    # Een fout in de casus noemt nooit --vandaag.
    slecht = tmp_path / "slecht.json"
    slecht.write_text('{"formaat": "avdesk-casus/1", "aanvrager": {"geboortedatum": "1979-02-30"}}')
    r = avdesk_cli("bereken", slecht, "--vandaag", "2025-01-01")
    assert r.returncode == 2 and "--vandaag" not in r.stderr.decode()


def test_eerste_start_op_volle_schijf_laat_niets_half(tmp_path, monkeypatch, geheugen_keyring):
    import avdesk.store.opslag as opslag_mod
    echt = opslag_mod.open_database

    from avdesk.store.db import dbapi2

    def vol(pad, sleutel, maak=False):
        if maak:
            pad.write_bytes(b"half")
            raise dbapi2.OperationalError("database or disk is full")
        return echt(pad, sleutel, maak=maak)
    monkeypatch.setattr(opslag_mod, "open_database", vol)
    map_ = tmp_path / "d"
    with pytest.raises(dbapi2.OperationalError):        # de fout van de nagebootste volle schijf komt erdoor
        Opslag.open(map_)
    assert (not map_.exists() or list(map_.iterdir()) == []) and geheugen_keyring.sleutels == {}
    monkeypatch.setattr(opslag_mod, "open_database", echt)
    with Opslag.open(map_) as o:                           # de volgende start begint gewoon opnieuw
        assert o.dossiers() == []
