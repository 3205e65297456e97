"""Schade en vijandige bestanden: een beschadigde pagina laat de leesbare dossiers redden (`avdesk backup --red`);
scrypt-instellingen in sleutel.json en in de kop van een back-up zijn begrensd; SQLCipher schrijft geen Engelse
regels op stderr."""

import json
import os
import time
from pathlib import Path

import pytest

from avdesk.core.casus import lees_casus
from avdesk.store import OpslagFout
from avdesk.store.opslag import BACKUP_KOP, Opslag, herstel_backup

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "tests" / "scenarios"
MH = lees_casus((SCENARIOS / "martin_hanna_2024.json").read_bytes())
JA = lees_casus((SCENARIOS / "jerry_anton_2024.json").read_bytes())
BV = lees_casus((SCENARIOS / "bosveld_2022.json").read_bytes())
PAGINA = 4096


def _paginas(pad: Path) -> int:
    return pad.stat().st_size // PAGINA


def _beschadig(pad: Path, pagina: int) -> None:
    """Overschrijf 100 bytes midden in pagina `pagina` (1-based): de HMAC van die pagina klopt dan niet meer."""
    data = bytearray(pad.read_bytes())
    begin = (pagina - 1) * PAGINA + 500
    data[begin:begin + 100] = bytes(b ^ 0xFF for b in data[begin:begin + 100])
    pad.write_bytes(data)


def _opslag_met_schade(map_: Path) -> tuple[int, int, int]:
    """Drie dossiers; dossier B heeft een document van 200 kB. De pagina's die bij dat document horen, komen na alle
    andere (nieuw toegevoegd aan het eind van het bestand): een pagina daar middenin hoort alleen bij dossier B.
    Die pagina wordt beschadigd, in het bestand zelf (na een checkpoint, dus zonder WAL)."""
    with Opslag.open(map_, "geheim-ww") as o:
        a, c = o.nieuw_dossier(MH), o.nieuw_dossier(JA)
        b = o.nieuw_dossier(BV)
        o.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        voor = _paginas(map_ / "avdesk.db")
        o.bewaar_document(b, "aanvraag", "avdesk-3-aanvraag.pdf", os.urandom(200_000))
        o.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        na = _paginas(map_ / "avdesk.db")
    assert na - voor >= 40                          # 200 kB aan overlooppagina's
    _beschadig(map_ / "avdesk.db", (voor + na) // 2)
    return a, b, c


@pytest.mark.traag
def test_een_beschadigde_pagina_laat_de_leesbare_dossiers_redden(tmp_path, avdesk_cli):
    map_ = tmp_path / "d"
    a, b, c = _opslag_met_schade(map_)
    env = {"AVDESK_DATA": str(map_), "AVDESK_WACHTWOORD": "geheim-ww", "AVDESK_BACKUP_WACHTWOORD": "backup-ww"}
    # De lijst opent gewoon (de schade zit niet op het startpad); de volledige controle vindt hem wel.
    assert avdesk_cli("dossiers", env=env).returncode == 0
    with Opslag.open(map_, "geheim-ww") as o, pytest.raises(OpslagFout, match="backup --red") as e:
        o.controleer()
    assert e.value.soort == "beschadigd" and "misschien niet meer te lezen" in str(e.value)
    # Een gewone back-up weigert en wijst naar --red; geen Engelse SQLCipher-regels op stderr.
    r = avdesk_cli("backup", tmp_path / "gewoon.avdesk", env=env)
    fout = r.stderr.decode()
    assert r.returncode == 2 and "avdesk backup --red BESTAND" in fout and "ERROR" not in fout, fout
    assert not (tmp_path / "gewoon.avdesk").exists()
    voor = (map_ / "avdesk.db").read_bytes()
    # --red: alle dossiers gered, dossier B zonder het beschadigde document; exit 1 want er is iets verloren.
    r = avdesk_cli("backup", "--red", tmp_path / "gered.avdesk", env=env)
    uit, fout = r.stdout.decode(), r.stderr.decode()
    assert r.returncode == 1, fout
    assert f"3 dossier(s) gered: {a}, {c}, {b}." in uit
    assert f"dossier {b} is gered, maar zonder een document" in fout
    assert f"dossier {a}" not in fout and f"dossier {c}" not in fout
    assert "ERROR" not in fout and "Traceback" not in fout
    assert not list(tmp_path.glob("gered.avdesk.*"))           # geen tijdelijke bestanden achtergelaten
    # Het beschadigde bestand zelf is niet aangeraakt, op hooguit de auditregel van de back-up na.
    assert len((map_ / "avdesk.db").read_bytes()) >= len(voor) - PAGINA
    # De geredde back-up is een gewone back-up: terugzetten op een andere plek geeft alle drie de dossiers.
    ander = tmp_path / "ander"
    herstel_backup(tmp_path / "gered.avdesk", "backup-ww", ander, "nieuw")
    with Opslag.open(ander, "nieuw") as o:
        assert sorted(r["id"] for r in o.dossiers()) == sorted([a, b, c])
        assert o.casus(a).aanvrager.naam == "Martin" and o.casus(b).aanvrager.naam == BV.aanvrager.naam
        assert o.documenten(b) == []
        o.controleer()
        assert o.controleer_audit()[1] is None


@pytest.mark.traag
def test_verloren_dossier_wordt_met_nummer_genoemd(tmp_path):
    """Een pagina met de rijen van de dossiertabel zelf: die dossiers zijn weg (met nummer genoemd), de casusversies
    van de andere dossiers staan in de back-up. Hier: veel dossiers, zodat de tabel meer dan een bladpagina heeft;
    de schade zit in de bladpagina van het eerste dossier."""
    map_ = tmp_path / "d"
    with Opslag.open(map_, "geheim-ww") as o:
        ids = [o.nieuw_dossier(raadsman="x" * 900) for _ in range(30)]    # ~4 rijen per pagina
        o.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        sleutel = o._sleutel
    # De pagina met dossier 1 vinden zonder de versleuteling te kennen: beschadig op proef een kopie per pagina.
    from avdesk.store.db import open_database
    origineel = (map_ / "avdesk.db").read_bytes()
    gevonden = None
    for pagina in range(2, len(origineel) // PAGINA + 1):
        proef = tmp_path / "proef.db"
        proef.write_bytes(origineel)
        _beschadig(proef, pagina)
        try:
            conn = open_database(proef, sleutel)
        except OpslagFout:          # een pagina van het schema zelf (sqlite_master): niet wat deze test zoekt
            for staart in ("", "-wal", "-shm"):
                Path(str(proef) + staart).unlink(missing_ok=True)
            continue
        try:
            conn.execute("SELECT raadsman FROM dossiers WHERE id = ?", (ids[0],)).fetchone()
            leesbaar_1 = True
        except Exception:
            leesbaar_1 = False
        conn.close()
        conn = open_database(proef, sleutel)
        try:
            conn.execute("SELECT raadsman FROM dossiers WHERE id = ?", (ids[-1],)).fetchone()
            leesbaar_laatste = True
        except Exception:
            leesbaar_laatste = False
        conn.close()
        for staart in ("", "-wal", "-shm"):
            Path(str(proef) + staart).unlink(missing_ok=True)
        if not leesbaar_1 and leesbaar_laatste:
            gevonden = pagina
            break
    assert gevonden is not None
    _beschadig(map_ / "avdesk.db", gevonden)
    with Opslag.open(map_, "geheim-ww") as o:
        t = time.monotonic()
        u = o.red_backup(tmp_path / "gered.avdesk", "backup-ww")
        assert time.monotonic() - t < 5
    assert ids[0] in u["verloren"] and ids[-1] in u["gered"]
    assert 1 <= len(u["verloren"]) <= 8 and len(u["gered"]) + len(u["verloren"]) == 30
    herstel_backup(tmp_path / "gered.avdesk", "backup-ww", tmp_path / "ander", "nieuw")
    with Opslag.open(tmp_path / "ander", "nieuw") as o:
        assert sorted(r["id"] for r in o.dossiers(limiet=100)) == u["gered"]


@pytest.mark.traag
def test_red_zonder_schade_geeft_exit_0(tmp_path, avdesk_cli):
    env = {"AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": "geheim-ww", "AVDESK_BACKUP_WACHTWOORD": "backup-ww"}
    assert avdesk_cli("import", "tests/scenarios/martin_hanna_2024.json", env=env).returncode == 0
    r = avdesk_cli("backup", "--red", tmp_path / "b.avdesk", env=env)
    assert r.returncode == 0 and "Alle dossiers zijn volledig gered" in r.stdout.decode(), r.stderr.decode()
    r = avdesk_cli("backup", "--red", env=env)
    assert r.returncode == 2                          # geen bestand: foute opdracht


# ---------------------------------------------------------------- scrypt en koppen begrensd

VIJANDIG = [{"n": 2 ** 30}, {"n": 2 ** 20}, {"p": 10 ** 6}, {"r": 2 ** 20}, {"n": 3 ** 10}, {"n": "32768"},
            {"n": True}, {"n": 1.5}, {"n": 10 ** 5000 // 10 ** 4990}, {"zout": "zz" * 16}, {"zout": "00" * 10 ** 5},
            {"ingepakt": "00"}, {"mac": None}]


def _wachtwoordopslag(map_: Path) -> None:
    with Opslag.open(map_, "geheim-ww") as o:
        o.nieuw_dossier(MH)


@pytest.mark.parametrize("wijziging", VIJANDIG, ids=[json.dumps(w)[:30] for w in VIJANDIG])
def test_sleutelbestand_met_vijandige_scrypt_instellingen(tmp_path, wijziging):
    map_ = tmp_path / "d"
    _wachtwoordopslag(map_)
    sleutelbestand = map_ / "sleutel.json"
    info = json.loads(sleutelbestand.read_text())
    info["wachtwoord"] |= wijziging
    sleutelbestand.write_text(json.dumps(info))
    t = time.monotonic()
    with pytest.raises(OpslagFout, match="sleutelbestand .* beschadigd") as e:
        Opslag.open(map_, "geheim-ww")
    assert time.monotonic() - t < 2
    assert "Het wachtwoord klopt niet" not in str(e.value)


def test_sleutelbestand_via_cli_exit_2_snel(tmp_path, avdesk_cli):
    map_ = tmp_path / "d"
    _wachtwoordopslag(map_)
    info = json.loads((map_ / "sleutel.json").read_text())
    for vijandig in ({"n": 2 ** 30, "r": 8, "p": 1}, {"n": 2 ** 14, "r": 8, "p": 2 ** 20}):
        info["wachtwoord"] |= vijandig
        (map_ / "sleutel.json").write_text(json.dumps(info))
        t = time.monotonic()
        r = avdesk_cli("dossiers", env={"AVDESK_DATA": str(map_), "AVDESK_WACHTWOORD": "geheim-ww"})
        fout = r.stderr.decode()
        assert r.returncode == 2 and "scrypt-instellingen" in fout and "Traceback" not in fout, fout
        assert time.monotonic() - t < 10
    # Diep genest of te groot: ook een Nederlandse melding, exit 2.
    for inhoud in ("[" * 100_000 + "]" * 100_000, '{"formaat": "' + "x" * 200_000 + '"}'):
        (map_ / "sleutel.json").write_text(inhoud)
        r = avdesk_cli("dossiers", env={"AVDESK_DATA": str(map_), "AVDESK_WACHTWOORD": "geheim-ww"})
        assert r.returncode == 2 and "is onleesbaar of beschadigd" in r.stderr.decode(), r.stderr.decode()


def _backup_met_kop(tmp_path: Path, wijziging: dict) -> Path:
    map_ = tmp_path / "d"
    _wachtwoordopslag(map_)
    with Opslag.open(map_, "geheim-ww") as o:
        o.maak_backup(tmp_path / "b.avdesk", "backup-ww")
    data = (tmp_path / "b.avdesk").read_bytes()
    einde = data.index(b"\n", len(BACKUP_KOP))
    kop = json.loads(data[len(BACKUP_KOP):einde])
    kop["sleutel"] |= wijziging
    vijandig = tmp_path / "vijandig.avdesk"
    vijandig.write_bytes(BACKUP_KOP + json.dumps(kop).encode() + data[einde:])
    return vijandig


@pytest.mark.parametrize("wijziging", [{"n": 2 ** 30}, {"p": 10 ** 6}, {"n": -1}, {"zout": 5}])
def test_backupkop_met_vijandige_scrypt_instellingen(tmp_path, wijziging):
    vijandig = _backup_met_kop(tmp_path, wijziging)
    doel = tmp_path / "doel"
    t = time.monotonic()
    with pytest.raises(OpslagFout, match="kop van de back-up .* beschadigd of niet door avdesk gemaakt"):
        herstel_backup(vijandig, "backup-ww", doel, "nieuw")
    assert time.monotonic() - t < 2
    assert not doel.exists()


@pytest.mark.traag
def test_backupkop_via_cli_exit_2_snel(tmp_path, avdesk_cli):
    vijandig = _backup_met_kop(tmp_path, {"n": 2 ** 30, "r": 8, "p": 1})
    env = {"AVDESK_DATA": str(tmp_path / "doel"), "AVDESK_WACHTWOORD": "nieuw", "AVDESK_BACKUP_WACHTWOORD": "backup-ww"}
    t = time.monotonic()
    r = avdesk_cli("herstel", vijandig, env=env)
    fout = r.stderr.decode()
    assert r.returncode == 2 and "scrypt-instellingen" in fout and "Traceback" not in fout, fout
    assert time.monotonic() - t < 10 and not (tmp_path / "doel").exists()
    # Een kop van meer dan 64 kB is geen back-up van avdesk.
    groot = tmp_path / "groot.avdesk"
    groot.write_bytes(BACKUP_KOP + b'{"x": "' + b"a" * 100_000 + b'"}\n')
    r = avdesk_cli("herstel", groot, env=env)
    assert r.returncode == 2 and "beschadigd (kop onleesbaar)" in r.stderr.decode(), r.stderr.decode()


# ---------------------------------------------------------------- stderr alleen Nederlands

@pytest.mark.traag
def test_sqlcipher_schrijft_geen_engelse_regels(tmp_path, avdesk_cli):
    """Een verkeerde sleutel op databaseniveau (het bestand van een andere opslag naast dit sleutel.json) en een
    beschadigd bestand: op stderr alleen de Nederlandse melding, geen 'ERROR CORE ... hmac check failed'."""
    een, twee = tmp_path / "een", tmp_path / "twee"
    env = {"AVDESK_WACHTWOORD": "geheim-ww"}
    for map_ in (een, twee):
        assert avdesk_cli("import", "tests/scenarios/martin_hanna_2024.json",
                          env={**env, "AVDESK_DATA": str(map_)}).returncode == 0
    (een / "avdesk.db").write_bytes((twee / "avdesk.db").read_bytes())
    r = avdesk_cli("dossiers", env={**env, "AVDESK_DATA": str(een)})
    regels = r.stderr.decode().splitlines()
    assert r.returncode == 2 and regels == ["De dossiers kunnen niet worden gebruikt:", regels[1]], regels
    assert "sleutel past niet of het bestand is beschadigd" in regels[1]
    # Beschadigd: een pagina die bij het openen al gelezen wordt, en een die pas bij de controle gelezen wordt.
    for pagina in (1, 2):
        data = bytearray((twee / "avdesk.db").read_bytes())
        data[(pagina - 1) * PAGINA + 200:(pagina - 1) * PAGINA + 300] = b"\x00" * 100
        (een / "avdesk.db").write_bytes(data)
        for opdracht in (["dossiers"], ["backup", tmp_path / "b.avdesk"], ["audit", "--controleer"]):
            r = avdesk_cli(*opdracht, env={**env, "AVDESK_DATA": str(een), "AVDESK_BACKUP_WACHTWOORD": "backup-ww"})
            fout = r.stderr.decode()
            assert r.returncode == 2, (pagina, opdracht, fout)
            assert "ERROR" not in fout and "hmac" not in fout.lower() and "Traceback" not in fout, fout
            assert fout.startswith("De dossiers kunnen niet worden gebruikt:"), fout
