"""Niets van buiten neemt de opslag over (issue 21): een back-up met eigen SQL (triggers, views, tabellen) wordt niet
teruggezet; het terugzetten staat in de auditlog; een verwijderd dossier blijft na herstel verwijderd; de
auditketen wijst weggehaalde regels (ook aan het eind), teruggedateerde regels en een herberekende keten aan."""

import hashlib
import json
import secrets
import sys
from pathlib import Path

import pytest

from avdesk.core.casus import lees_casus
from avdesk.store import OpslagFout
from avdesk.store.db import AUDIT_BEGIN, MIGRATIES, audit_hash, auditsleutel_van, dbapi2, open_database
from avdesk.store.opslag import BACKUP_KOP, Opslag, herstel_backup, lees_backup
from avdesk.store.sleutel import Sleutelbeheer, inpakken

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hulp_backup import bewerk_backup  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
MH = lees_casus((ROOT / "tests" / "scenarios" / "martin_hanna_2024.json").read_bytes())
JA = lees_casus((ROOT / "tests" / "scenarios" / "jerry_anton_2024.json").read_bytes())
WW = "backup-wachtwoord"

# De drie triggers uit het issue: verwijderen ongedaan maken, elke casus kopieren naar een schaduwtabel, en de
# regels van export en verwijderen uit de auditlog halen.
DRIE_TRIGGERS = [
    "CREATE TABLE schaduw (dossier_id INTEGER, casus TEXT)",
    "CREATE TRIGGER terug BEFORE DELETE ON dossiers BEGIN SELECT RAISE(IGNORE); END",
    "CREATE TRIGGER kopieer AFTER INSERT ON casus_versies BEGIN "
    "INSERT INTO schaduw VALUES (NEW.dossier_id, NEW.casus); END",
    "CREATE TRIGGER wis_sporen AFTER INSERT ON audit WHEN NEW.actie LIKE 'dossier verwijderd%' "
    "OR NEW.actie LIKE 'inzage%' BEGIN DELETE FROM audit WHERE volgnr = NEW.volgnr; END",
]


def _inhoud(map_: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(map_.iterdir()) if p.is_file()}


@pytest.fixture
def met_backup(tmp_path):
    map_ = tmp_path / "data"
    with Opslag.open(map_) as o:
        a, b = o.nieuw_dossier(MH), o.nieuw_dossier(JA)
        o.maak_backup(tmp_path / "b.avdesk", WW)
    return map_, tmp_path / "b.avdesk", a, b


@pytest.mark.traag
def test_backup_met_drie_triggers_wordt_geweigerd(met_backup, tmp_path):
    map_, backup, a, b = met_backup
    vijandig = tmp_path / "vijandig.avdesk"
    bewerk_backup(backup, vijandig, WW, DRIE_TRIGGERS)
    voor = _inhoud(map_)
    with pytest.raises(OpslagFout) as e:
        herstel_backup(vijandig, WW, map_)
    tekst = str(e.value)
    for naam in ("terug", "kopieer", "wis_sporen", "schaduw"):
        assert f"'{naam}'" in tekst, tekst
    assert "niet terug" in tekst and "niets gewijzigd" in tekst
    assert _inhoud(map_) == voor                    # niets veranderd, geen tijdelijk bestand achtergebleven
    # En de echte back-up gaat wel; verwijderen werkt daarna echt.
    herstel_backup(backup, WW, map_)
    with Opslag.open(map_) as o:
        o.verwijder_dossier(a)
        assert [d["id"] for d in o.dossiers()] == [b]
        assert o.conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").fetchall() == \
            [("audit_alleen_achteraan",), ("audit_geen_verwijdering",), ("audit_geen_wijziging",),
             ("besluit_niet_wijzigen",)]      # schema 5: een vastgelegd besluit wordt niet gewijzigd (issue 25)
        assert o.controleer_audit()[1] is None


@pytest.mark.parametrize("sql,naam", [
    (["CREATE VIEW inkijk AS SELECT aanvrager_bsn FROM dossiers"], "inkijk"),
    (["CREATE TABLE extra (x)"], "extra"),
    (["CREATE INDEX ander ON dossiers(aanvrager_bsn)"], "ander"),
    # Een trigger van avdesk vervangen door een die niets tegenhoudt: zelfde naam, andere SQL.
    (["DROP TRIGGER audit_geen_verwijdering",
      "CREATE TRIGGER audit_geen_verwijdering BEFORE DELETE ON audit BEGIN SELECT 1; END"], "audit_geen_verwijdering"),
    (["CREATE TRIGGER t AFTER UPDATE ON instellingen BEGIN DELETE FROM documenten; END"], "t"),
])
@pytest.mark.traag
def test_elk_vreemd_object_weigert_het_herstel(met_backup, tmp_path, sql, naam):
    map_, backup, *_ = met_backup
    vijandig = tmp_path / "v.avdesk"
    bewerk_backup(backup, vijandig, WW, sql)
    voor = _inhoud(map_)
    with pytest.raises(OpslagFout, match=f"'{naam}'"):
        herstel_backup(vijandig, WW, map_)
    assert _inhoud(map_) == voor


@pytest.mark.traag
def test_vreemde_backup_via_cli_exit_2(met_backup, tmp_path, avdesk_cli):
    map_, backup, *_ = met_backup
    vijandig = tmp_path / "vijandig.avdesk"
    bewerk_backup(backup, vijandig, WW, DRIE_TRIGGERS)
    env = {"AVDESK_DATA": str(map_), "AVDESK_BACKUP_WACHTWOORD": WW}
    r = avdesk_cli("herstel", vijandig, env=env)
    fout = r.stderr.decode()
    assert r.returncode == 2 and "wis_sporen" in fout and "niets gewijzigd" in fout and "Traceback" not in fout


@pytest.mark.parametrize("sql,wat", [
    (["UPDATE casus_versies SET casus = '{\"formaat\": \"iets anders\"}' WHERE id = 1"], "casus"),
    (["UPDATE documenten SET inhoud = x'00' WHERE 1"], "inhoud"),
    (["UPDATE dossiers SET wizard_stap = 'x' WHERE id = 1"], "wizard_stap"),
])
@pytest.mark.traag
def test_rijen_gaan_door_dezelfde_controle_als_import(tmp_path, sql, wat):
    map_ = tmp_path / "data"
    with Opslag.open(map_) as o:
        d = o.nieuw_dossier(MH)
        o.bewaar_document(d, "aanvraag", "a.pdf", b"%PDF-1.4 x")
        o.maak_backup(tmp_path / "b.avdesk", WW)
    bewerk_backup(tmp_path / "b.avdesk", tmp_path / "v.avdesk", WW, sql)
    with pytest.raises(OpslagFout, match=wat):
        herstel_backup(tmp_path / "v.avdesk", WW, tmp_path / "elders")
    assert not (tmp_path / "elders").exists()


@pytest.mark.traag
def test_gewijzigde_auditregel_in_backup_wordt_geweigerd(met_backup, tmp_path):
    map_, backup, *_ = met_backup
    bewerk_backup(backup, tmp_path / "v.avdesk", WW, [
        "DROP TRIGGER audit_geen_wijziging", "UPDATE audit SET actie = 'niets' WHERE volgnr = 1",
        "CREATE TRIGGER audit_geen_wijziging BEFORE UPDATE ON audit BEGIN "
        "SELECT RAISE(ABORT, 'audit is alleen-toevoegen'); END"])
    with pytest.raises(OpslagFout, match="regel 1 is gewijzigd"):
        herstel_backup(tmp_path / "v.avdesk", WW, tmp_path / "elders")


def test_herstel_is_een_auditregel(met_backup):
    map_, backup, *_ = met_backup
    herstel_backup(backup, WW, map_)
    with Opslag.open(map_) as o:
        log = o.auditlog()
        assert log[0]["actie"].startswith("herstel: back-up van ") and log[0]["actie"].endswith(" teruggezet")
        assert log[1]["actie"] == "casus opgeslagen"          # de back-up zelf had de regels tot en met deze
        assert o.controleer_audit()[1] is None
        assert o.audit_problemen() == []


def _backup_schema_3(tmp_path: Path) -> Path:
    """Een back-up zoals de vorige versie (schema 3, keten zonder sleutel) hem maakte."""
    sleutel = secrets.token_bytes(32)
    pad = tmp_path / "s3.db"
    conn = dbapi2.connect(str(pad), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{sleutel.hex()}'\"")
    for versie in (1, 2, 3):
        for stap in MIGRATIES[versie]:
            stap(conn) if callable(stap) else conn.execute(stap)
    conn.execute("PRAGMA user_version = 3")
    tekst = json.dumps(json.loads((ROOT / "tests" / "scenarios" / "martin_hanna_2024.json").read_text()))
    conn.execute("INSERT INTO dossiers (id, aanvrager_naam, aangemaakt, gewijzigd) VALUES (1, 'Martin', "
                 "'2025-01-01T10:00:00', '2025-01-01T10:00:00')")
    conn.execute("INSERT INTO casus_versies (dossier_id, versie, casus, opgeslagen) VALUES (1, 1, ?, "
                 "'2025-01-01T10:00:00')", (tekst,))
    vorige = AUDIT_BEGIN
    for nr, actie in enumerate(["dossier aangemaakt", "casus opgeslagen"], start=1):
        h = audit_hash(nr, "2025-01-01T10:00:00", "raadsman", actie, 1, vorige)
        conn.execute("INSERT INTO audit VALUES (?, '2025-01-01T10:00:00', 'raadsman', ?, 1, ?, ?)",
                     (nr, actie, vorige, h))
        vorige = h
    conn.close()
    kop = {"formaat": "avdesk-backup/1", "gemaakt": "2025-01-02T10:00:00", "schema": 3,
           "audit": {"volgnr": 2, "hash": vorige}, "sleutel": inpakken(sleutel, WW)}
    uit = tmp_path / "s3.avdesk"
    uit.write_bytes(BACKUP_KOP + json.dumps(kop).encode() + b"\n" + pad.read_bytes())
    return uit


@pytest.mark.traag
def test_backup_van_de_vorige_versie_zonder_sleutelketen(tmp_path):
    backup = _backup_schema_3(tmp_path)
    herstel_backup(backup, WW, tmp_path / "d")
    with Opslag.open(tmp_path / "d") as o:
        assert o.casus(1).aanvrager.naam == "Martin"
        acties = [r["actie"] for r in reversed(o.auditlog())]
        assert acties[:2] == ["dossier aangemaakt", "casus opgeslagen"]
        assert acties[2].startswith("auditketen met sleutel") and acties[3] == "herstel: back-up van 02-01-2025 teruggezet"
        assert o.audit_problemen() == []
    # Dezelfde back-up met een gewijzigde regel (de oude keten, zonder sleutel, klopt dan niet): geweigerd.
    bewerk_backup(backup, tmp_path / "v.avdesk", WW, [
        "DROP TRIGGER audit_geen_wijziging", "UPDATE audit SET dossier_id = 7 WHERE volgnr = 2"])
    with pytest.raises(OpslagFout, match="regel 2 is gewijzigd"):
        herstel_backup(tmp_path / "v.avdesk", WW, tmp_path / "e")


def test_nieuwe_backup_draagt_de_auditsleutel_ingepakt(met_backup):
    map_, backup, *_ = met_backup
    kop = lees_backup(backup, alleen_kop=True)[0]
    assert set(kop["auditsleutel"]) == {"ingepakt", "mac"} and kop["audit"]["volgnr"] == 4
    with Opslag.open(map_) as o:
        assert kop["auditsleutel"]["ingepakt"] != o.auditsleutel.hex()


# ---------------------------------------------------------------- AVG: verwijderd blijft verwijderd

def test_verwijderd_dossier_blijft_na_herstel_verwijderd(met_backup):
    map_, backup, a, b = met_backup
    with Opslag.open(map_) as o:
        o.verwijder_dossier(a)
    inhoud = (map_ / "verwijderd.json").read_text()
    assert "Martin" not in inhoud and "123456782" not in inhoud
    verslag = {}
    herstel_backup(backup, WW, map_, verslag=verslag)
    assert verslag["opnieuw_verwijderd"] == [a]
    with Opslag.open(map_) as o:
        assert [d["id"] for d in o.dossiers()] == [b]
        acties = [r["actie"] for r in o.auditlog(3)]
        assert acties[0].startswith("dossier verwijderd (opnieuw, na herstel") and acties[1].startswith("herstel")
        assert o.controleer_audit()[1] is None


@pytest.mark.traag
def test_verwijderd_na_herstel_via_cli(tmp_path, avdesk_cli):
    env = {"AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": "geheim-ww", "AVDESK_BACKUP_WACHTWOORD": WW}
    assert avdesk_cli("import", "tests/scenarios/martin_hanna_2024.json", env=env).returncode == 0
    assert avdesk_cli("import", "tests/scenarios/jerry_anton_2024.json", env=env).returncode == 0
    assert avdesk_cli("backup", tmp_path / "b.avdesk", env=env).returncode == 0
    assert avdesk_cli("verwijder", "1", "--ja", env=env).returncode == 0
    r = avdesk_cli("herstel", tmp_path / "b.avdesk", env=env)
    uit = r.stdout.decode()
    assert r.returncode == 0 and "opnieuw verwijderd" in uit and "dossier 1." in uit, uit + r.stderr.decode()
    r = avdesk_cli("dossiers", env=env)
    assert "Martin" not in r.stdout.decode() and "Jerry" in r.stdout.decode()


def test_verwijder_bereikt_een_rest_van_herstel(met_backup):
    map_, backup, a, b = met_backup
    kop, data = lees_backup(backup)
    rest = map_ / "herstel.db-tmp"
    rest.write_bytes(data[kop["_einde"] + 1:])          # zoals een herstel dat met kill -9 werd gestopt
    with Opslag.open(map_) as o:                        # de start ruimt hem al op
        assert not rest.exists()
    rest.write_bytes(data[kop["_einde"] + 1:])
    (map_ / "sleutel.json.nieuw").write_bytes(b"{}")
    with Opslag(open_database(map_ / "avdesk.db", Sleutelbeheer(map_).laad()), map_) as o:
        o._sleutel = Sleutelbeheer(map_).laad()
        o.verwijder_dossier(a)
    assert not rest.exists() and not (map_ / "sleutel.json.nieuw").exists()


# ---------------------------------------------------------------- de auditketen

@pytest.fixture
def opslag(tmp_path):
    o = Opslag.open(tmp_path / "data")
    d = o.nieuw_dossier(MH)
    o.zet_status(d, "aanvraag klaar")
    o.inzage_export(d)
    o.zet_status(d, "afgerond")
    o.verwijder_dossier(d)
    yield o
    o.close()


def _zonder_triggers(conn, *sql):
    for naam in ("audit_geen_wijziging", "audit_geen_verwijdering", "audit_alleen_achteraan"):
        conn.execute(f"DROP TRIGGER IF EXISTS {naam}")
    for s in sql:
        conn.execute(s)


@pytest.mark.parametrize("sql,verwacht", [
    ("DELETE FROM audit WHERE volgnr = 6", "regel 6 ontbreekt"),
    ("DELETE FROM audit WHERE volgnr >= 4", "regels 4 t/m 6 ontbreken"),
    ("DELETE FROM audit", "regels 1 t/m 6 ontbreken"),
    ("DELETE FROM audit WHERE volgnr IN (2, 3)", "regels 2 t/m 3 ontbreken"),
])
def test_weggehaalde_regels_ook_aan_het_eind(opslag, sql, verwacht):
    assert opslag.audit_kop()[0] == 6
    _zonder_triggers(opslag.conn, sql)
    problemen = [p for _, p in opslag.audit_problemen()]
    assert any(verwacht in p for p in problemen), problemen
    assert opslag.controleer_audit()[1] is not None


def test_teruggedateerde_regel_geweigerd_door_trigger(opslag):
    nr, vorige = opslag.audit_kop()
    h = audit_hash(nr + 1, "2019-01-01T00:00:00", "g", "a", None, vorige, opslag.auditsleutel)
    with pytest.raises(dbapi2.DatabaseError, match="tijd gaat terug"):
        opslag.conn.execute("INSERT INTO audit VALUES (?, '2019-01-01T00:00:00', 'g', 'a', NULL, ?, ?)",
                            (nr + 1, vorige, h))


def test_teruggedateerde_regel_zonder_triggers_gevonden(opslag):
    nr, vorige = opslag.audit_kop()
    # Zelfs met de auditsleutel (wie het bestand kan openen): de tijd gaat terug.
    h = audit_hash(nr + 1, "2019-01-01T00:00:00", "g", "a", None, vorige, opslag.auditsleutel)
    _zonder_triggers(opslag.conn, "INSERT INTO audit VALUES (7, '2019-01-01T00:00:00', 'g', 'a', NULL, "
                                  f"'{vorige}', '{h}')")
    assert any("teruggedateerd" in p for _, p in opslag.audit_problemen())


def test_klok_terug_geeft_geen_eerdere_tijd(opslag, monkeypatch):
    import avdesk.store.opslag as mod
    monkeypatch.setattr(mod, "_nu", lambda: "2019-01-01T00:00:00")
    opslag.zet_instelling("bewaartermijn_maanden", "24")
    assert opslag.auditlog(1)[0]["tijd"] >= opslag.auditlog(2)[1]["tijd"]
    assert opslag.controleer_audit()[1] is None


def test_herberekende_keten_met_sleutel_valt_op_aan_de_kop(opslag):
    """Wie de sleutel heeft, kan de HMAC opnieuw uitrekenen; de kop buiten de database wijst het dan aan."""
    rijen = opslag.conn.execute("SELECT volgnr, tijd, gebruiker, actie, dossier_id FROM audit ORDER BY volgnr").fetchall()
    _zonder_triggers(opslag.conn, "DELETE FROM audit")
    vorige = AUDIT_BEGIN
    for volgnr, tijd, gebruiker, actie, dossier_id in rijen:
        actie = "niets" if actie == "dossier verwijderd" else actie
        h = audit_hash(volgnr, tijd, gebruiker, actie, dossier_id, vorige, opslag.auditsleutel)
        opslag.conn.execute("INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (volgnr, tijd, gebruiker, actie, dossier_id, vorige, h))
        vorige = h
    problemen = [p for _, p in opslag.audit_problemen()]
    assert problemen == ["regel 6 is anders dan in de bewaarde kop (de geschiedenis t/m deze regel is herschreven)"]


def test_weggehaalde_kop_valt_op(opslag):
    (opslag.map / "audit-kop.json").unlink()
    assert any("ontbreekt" in p for _, p in opslag.audit_problemen())
    opslag.zet_instelling("x", "y")
    assert not (opslag.map / "audit-kop.json").exists()             # niet stilletjes opnieuw gemaakt
    (opslag.map / "audit-kop.json").write_text('{"formaat": "avdesk-auditkop/1", "volgnr": 99, "hash": "x", '
                                               '"mac": "y"}')
    assert any("niet door deze opslag geschreven" in p for _, p in opslag.audit_problemen())


@pytest.mark.parametrize("sql,regels", [
    ("DELETE FROM audit WHERE volgnr = 5", ["regel 5 ontbreekt"]),
    ("DELETE FROM audit WHERE volgnr >= 3", ["regels 3 t/m 5 ontbreken"]),
    ("DELETE FROM audit", ["regels 1 t/m 5 ontbreken"]),
    ("UPDATE audit SET actie = 'niets' WHERE volgnr = 3", ["regel 3 is gewijzigd"]),
])
@pytest.mark.traag
def test_audit_controleer_via_cli_noemt_de_regels(tmp_path, avdesk_cli, sql, regels):
    env = {"AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": "geheim-ww"}
    for _ in range(2):
        assert avdesk_cli("import", "tests/scenarios/martin_hanna_2024.json", env=env).returncode == 0
    assert avdesk_cli("export", "1", env=env).returncode == 0
    r = avdesk_cli("audit", "--controleer", env=env)
    assert r.returncode == 0 and "5 regels" in r.stdout.decode(), r.stderr.decode()
    conn = open_database(tmp_path / "d" / "avdesk.db", Sleutelbeheer(tmp_path / "d").laad("geheim-ww"))
    _zonder_triggers(conn, sql)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    r = avdesk_cli("audit", "--controleer", env=env)
    fout = r.stderr.decode()
    assert r.returncode == 1 and all(f in fout for f in regels) and "Traceback" not in fout, fout


def test_migratie_geeft_de_oude_regels_een_hmac(tmp_path):
    """Een opslag van schema 3 (keten zonder sleutel): na het openen een keten met sleutel, de regels onveranderd."""
    sleutel = secrets.token_bytes(32)
    pad = tmp_path / "avdesk.db"
    conn = dbapi2.connect(str(pad), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{sleutel.hex()}'\"")
    for versie in (1, 2, 3):
        for stap in MIGRATIES[versie]:
            stap(conn) if callable(stap) else conn.execute(stap)
    conn.execute("PRAGMA user_version = 3")
    h = audit_hash(1, "2025-01-01T10:00:00", "r", "dossier aangemaakt", 1, AUDIT_BEGIN)
    conn.execute("INSERT INTO audit VALUES (1, '2025-01-01T10:00:00', 'r', 'dossier aangemaakt', 1, ?, ?)",
                 (AUDIT_BEGIN, h))
    conn.close()
    with Opslag(open_database(pad, sleutel), None) as o:
        assert o.auditsleutel == auditsleutel_van(sleutel)
        rijen = o.auditlog()
        assert [r["actie"] for r in reversed(rijen)] == [
            "dossier aangemaakt", "auditketen met sleutel (HMAC) vanaf hier; de oude keten klopte"]
        assert o.controleer_audit() == (2, None)
        assert o.conn.execute("SELECT hash FROM audit WHERE volgnr = 1").fetchone()[0] != h


@pytest.mark.traag
def test_verlopen_laat_geen_rest_van_herstel_staan(tmp_path, avdesk_cli):
    env = {"AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": "geheim-ww", "AVDESK_BACKUP_WACHTWOORD": WW}
    assert avdesk_cli("import", "tests/scenarios/martin_hanna_2024.json", env=env).returncode == 0
    assert avdesk_cli("backup", tmp_path / "b.avdesk", env=env).returncode == 0
    kop, data = lees_backup(tmp_path / "b.avdesk")
    for naam in ("herstel.db-tmp", "avdesk.db.herstel-wal", "backup.db-tmp", "audit-kop.json.nieuw"):
        (tmp_path / "d" / naam).write_bytes(data[kop["_einde"] + 1:])
    r = avdesk_cli("verlopen", env=env)
    assert r.returncode == 0
    assert sorted(p.name for p in (tmp_path / "d").iterdir()) == ["audit-kop.json", "avdesk.db", "sleutel.json"]


@pytest.mark.traag
def test_opslag_met_vreemde_trigger_geeft_geen_gewone_backup(tmp_path, avdesk_cli):
    """Een opslag die een eerdere versie met een vijandige back-up overnam: backup weigert, --red maakt hem schoon."""
    map_ = tmp_path / "d"
    with Opslag.open(map_, "geheim-ww") as o:
        o.nieuw_dossier(MH)
        for sql in DRIE_TRIGGERS:
            o.conn.execute(sql)
        assert any("wis_sporen" in p for _, p in o.audit_problemen())
    env = {"AVDESK_DATA": str(map_), "AVDESK_WACHTWOORD": "geheim-ww", "AVDESK_BACKUP_WACHTWOORD": WW}
    r = avdesk_cli("backup", tmp_path / "b.avdesk", env=env)
    assert r.returncode == 2 and "terug" in r.stderr.decode() and "backup --red" in r.stderr.decode()
    assert not (tmp_path / "b.avdesk").exists()
    r = avdesk_cli("audit", "--controleer", env=env)
    assert r.returncode == 1 and "trigger 'wis_sporen'" in r.stderr.decode()
    assert avdesk_cli("backup", "--red", tmp_path / "gered.avdesk", env=env).returncode == 0
    assert avdesk_cli("herstel", tmp_path / "gered.avdesk", env=env).returncode == 0
    assert avdesk_cli("audit", "--controleer", env=env).returncode == 0
    assert avdesk_cli("verwijder", "1", "--ja", env=env).returncode == 0
    with Opslag.open(map_, "geheim-ww") as o:
        assert o.dossiers() == []
