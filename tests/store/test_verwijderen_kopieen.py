"""AVG: verwijderen is overal verwijderen, ook in de kopieen die `herstel` bewaart (avdesk.db.voor-herstel-*);
`verlopen` kijkt ook in die kopieen; een mislukt herstel laat de map zoals hij was."""

import hashlib
from pathlib import Path

import pytest

from avdesk.core.casus import lees_casus
from avdesk.store import OpslagFout
from avdesk.store.db import open_database
from avdesk.store.opslag import Opslag, bewaarde_kopieen, herstel_backup

ROOT = Path(__file__).resolve().parents[2]
MH = lees_casus((ROOT / "tests" / "scenarios" / "martin_hanna_2024.json").read_bytes())
JA = lees_casus((ROOT / "tests" / "scenarios" / "jerry_anton_2024.json").read_bytes())


def _met_kopie(tmp_path):
    """Een opslag met twee dossiers, een back-up, en na herstel een voor-herstel-kopie met beide dossiers."""
    map_ = tmp_path / "data"
    with Opslag.open(map_) as o:
        mh, ja = o.nieuw_dossier(MH), o.nieuw_dossier(JA)
        o.maak_backup(tmp_path / "b.avdesk", "backup-ww")
    herstel_backup(tmp_path / "b.avdesk", "backup-ww", map_)
    (kopie,) = bewaarde_kopieen(map_)
    return map_, kopie, mh, ja


def _dossiers_in(kopie: Path, sleutel: bytes) -> list[str]:
    conn = open_database(kopie, sleutel)
    try:
        return sorted(r[0] for r in conn.execute("SELECT aanvrager_naam FROM dossiers"))
    finally:
        conn.close()


def test_verwijderen_bereikt_de_voor_herstel_kopie(tmp_path):
    map_, kopie, mh, ja = _met_kopie(tmp_path)
    with Opslag.open(map_) as o:
        sleutel = o._sleutel
        assert _dossiers_in(kopie, sleutel) == ["Jerry", "Martin"]     # de test kan dus falen
        uitkomst = o.verwijder_dossier(mh)
        assert uitkomst == {"kopieen_gewist": 1, "kopieen_verwijderd": 0}
        assert [r["aanvrager_naam"] for r in o.dossiers()] == ["Jerry"]
    assert _dossiers_in(kopie, sleutel) == ["Jerry"]
    # Ook in de ontsleutelde pagina's van de kopie staat geen naam of BSN meer.
    conn = open_database(kopie, sleutel)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    tabellen = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    dump = repr([conn.execute(f"SELECT * FROM {t}").fetchall() for t in tabellen])
    conn.close()
    assert "Martin" not in dump and "Hanna" not in dump and "123456782" not in dump and "Jerry" in dump


def test_onleesbare_kopie_wordt_verwijderd(tmp_path):
    map_, kopie, mh, _ = _met_kopie(tmp_path)
    kopie.write_bytes(kopie.read_bytes()[:4096])                      # beschadigd: niet meer te openen
    with Opslag.open(map_) as o:
        assert o.verwijder_dossier(mh) == {"kopieen_gewist": 0, "kopieen_verwijderd": 1}
    assert not kopie.exists() and bewaarde_kopieen(map_) == []


def test_ander_dossier_met_zelfde_nummer_blijft_in_de_kopie(tmp_path):
    """Een kopie van een andere computer kan onder hetzelfde nummer een ander huishouden hebben."""
    map_ = tmp_path / "data"
    with Opslag.open(map_) as o:
        o.nieuw_dossier(JA)
    andere = tmp_path / "andere"
    with Opslag.open(andere, "x") as o:
        o.nieuw_dossier(MH)
        o.maak_backup(tmp_path / "b.avdesk", "backup-ww")
    # De eigen opslag (Jerry, dossier 1) wordt de kopie; de back-up heeft Martin als dossier 1.
    with Opslag.open(map_) as o:
        o.conn.execute("UPDATE dossiers SET aangemaakt = '2020-01-01T00:00:00'")
    herstel_backup(tmp_path / "b.avdesk", "backup-ww", map_)
    (kopie,) = bewaarde_kopieen(map_)
    with Opslag.open(map_) as o:
        assert o.verwijder_dossier(1) == {"kopieen_gewist": 0, "kopieen_verwijderd": 0}
        assert _dossiers_in(kopie, o._sleutel) == ["Jerry"]


@pytest.mark.traag
def test_verwijder_en_verlopen_via_cli(tmp_path, avdesk_cli):
    env = {"AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": "geheim-ww", "AVDESK_BACKUP_WACHTWOORD": "backup-ww"}
    assert avdesk_cli("import", "tests/scenarios/martin_hanna_2024.json", env=env).returncode == 0
    assert avdesk_cli("import", "tests/scenarios/jerry_anton_2024.json", env=env).returncode == 0
    assert avdesk_cli("backup", tmp_path / "b.avdesk", env=env).returncode == 0
    assert avdesk_cli("herstel", tmp_path / "b.avdesk", env=env).returncode == 0
    r = avdesk_cli("verwijder", "1", env=env)                     # zonder terminal en zonder --ja: niets
    assert r.returncode == 2 and "--ja" in r.stderr.decode()
    r = avdesk_cli("verwijder", "1", "--ja", env=env)
    assert r.returncode == 0 and "ook gewist uit 1 bewaarde kopie" in r.stdout.decode(), r.stderr.decode()
    r = avdesk_cli("verwijder", "1", "--ja", env=env)
    assert r.returncode == 2 and "Dossier 1 bestaat niet" in r.stderr.decode()
    assert b"Martin" not in avdesk_cli("dossiers", env=env).stdout
    assert "dossier verwijderd" in avdesk_cli("audit", env=env).stdout.decode()
    # verlopen kijkt ook in de kopie: met een bewaartermijn van 0 maanden valt Jerry daar buiten.
    from avdesk.store.sleutel import Sleutelbeheer
    sleutel = Sleutelbeheer(tmp_path / "d").laad("geheim-ww")
    (kopie,) = bewaarde_kopieen(tmp_path / "d")
    conn = open_database(kopie, sleutel)
    conn.execute("UPDATE dossiers SET gewijzigd = '2020-01-01T00:00:00'")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    r = avdesk_cli("verlopen", env=env)
    uit = r.stdout.decode()
    assert r.returncode == 0 and "Geen dossiers buiten de bewaartermijn." in uit
    assert "bewaarde kopie" in uit and "1 daarvan buiten de bewaartermijn (dossier 2)" in uit, uit


def test_mislukt_herstel_laat_de_map_zoals_hij_was(tmp_path):
    map_ = tmp_path / "data"
    with Opslag.open(map_) as o:
        o.nieuw_dossier(MH)
        o.maak_backup(tmp_path / "b.avdesk", "backup-ww")
    data = bytearray((tmp_path / "b.avdesk").read_bytes())
    for i in range(len(data) - 3000, len(data) - 2000):
        data[i] ^= 0x55
    (tmp_path / "kapot.avdesk").write_bytes(bytes(data))
    voor = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in map_.iterdir()}
    with pytest.raises(OpslagFout):
        herstel_backup(tmp_path / "kapot.avdesk", "backup-ww", map_)
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in map_.iterdir()} == voor
    # In een nieuwe map: er blijft geen halve opslag (of map) achter.
    with pytest.raises(OpslagFout):
        herstel_backup(tmp_path / "kapot.avdesk", "backup-ww", tmp_path / "nieuw")
    assert not (tmp_path / "nieuw").exists()
