"""De auditlog is alleen-toevoegen in het bestand zelf (triggers) en een hashketen die elke wijziging aanwijst;
opslag en back-up van schema 1 (de vorige versie) openen zonder verlies."""

import json
import shutil
from pathlib import Path

import pytest

from avdesk.core.casus import lees_casus
from avdesk.store.db import SCHEMA_VERSIE, dbapi2
from avdesk.store.opslag import Opslag, herstel_backup, lees_backup

ROOT = Path(__file__).resolve().parents[2]
CASUS = lees_casus((ROOT / "tests" / "scenarios" / "martin_hanna_2024.json").read_bytes())
OUD = Path(__file__).resolve().parent / "oud_schema1"      # gemaakt met avdesk op schema 1 (wachtwoord 'geheim')


@pytest.fixture
def opslag(tmp_path):
    o = Opslag.open(tmp_path / "data")
    d = o.nieuw_dossier(CASUS)
    o.zet_status(d, "aanvraag klaar")
    o.inzage_export(d)
    yield o
    o.close()


def test_volgnummers_en_keten(opslag):
    log = opslag.auditlog()
    assert [r["volgnr"] for r in log] == [4, 3, 2, 1]
    assert opslag.controleer_audit() == (4, None)
    assert "Martin" not in json.dumps(log) and "123456782" not in json.dumps(log)


@pytest.mark.parametrize("sql", [
    "INSERT OR REPLACE INTO audit SELECT volgnr, tijd, gebruiker, 'vervalst', dossier_id, vorige_hash, hash "
    "FROM audit WHERE volgnr = 2",
    "REPLACE INTO audit (volgnr, tijd, gebruiker, actie, vorige_hash, hash) VALUES (1, 't', 'g', 'a', '', '')",
    "INSERT INTO audit (volgnr, tijd, gebruiker, actie, vorige_hash, hash) VALUES (0, '2000-01-01', 'g', 'a', '', '')",
    "INSERT INTO audit (tijd, gebruiker, actie, vorige_hash, hash) VALUES ('2000-01-01', 'g', 'a', '', '')",
    "INSERT INTO audit (volgnr, tijd, gebruiker, actie, vorige_hash, hash) VALUES (9, 't', 'g', 'a', '', '')",
    "UPDATE audit SET tijd = '2001-01-01'",
    "UPDATE OR REPLACE audit SET volgnr = 1 WHERE volgnr = 2",
    "DELETE FROM audit WHERE volgnr = 4",
])
def test_overschrijven_en_terugdateren_geweigerd(opslag, sql):
    voor = opslag.conn.execute("SELECT * FROM audit ORDER BY volgnr").fetchall()
    with pytest.raises(dbapi2.DatabaseError, match="alleen-toevoegen"):
        opslag.conn.execute(sql)
    assert opslag.conn.execute("SELECT * FROM audit ORDER BY volgnr").fetchall() == voor


def test_volgende_regel_met_verkeerde_vorige_hash_geweigerd(opslag):
    with pytest.raises(dbapi2.DatabaseError, match="sluit niet aan"):
        opslag.conn.execute("INSERT INTO audit (volgnr, tijd, gebruiker, actie, vorige_hash, hash) "
                            "VALUES (5, 't', 'g', 'a', 'verzonnen', 'x')")


def _buiten_de_triggers_om(conn, sql):
    """Wie de sleutel heeft, kan de triggers weghalen; de keten ziet het dan alsnog."""
    conn.execute("DROP TRIGGER audit_geen_wijziging")
    conn.execute("DROP TRIGGER audit_geen_verwijdering")
    conn.execute(sql)


@pytest.mark.parametrize("sql,regel,reden", [
    ("UPDATE audit SET actie = 'niets gebeurd' WHERE volgnr = 2", 2, "is gewijzigd"),
    ("UPDATE audit SET tijd = '2020-01-01T00:00:00' WHERE volgnr = 3", 3, "is gewijzigd"),
    ("DELETE FROM audit WHERE volgnr = 2", 2, "ontbreekt"),
])
def test_gewijzigde_regel_gevonden(opslag, sql, regel, reden):
    _buiten_de_triggers_om(opslag.conn, sql)
    nr, fout = opslag.controleer_audit()
    assert nr == regel and reden in fout


def test_herschreven_geschiedenis_tegen_backup(opslag, tmp_path):
    opslag.maak_backup(tmp_path / "b.avdesk", "backup-ww")
    kop = lees_backup(tmp_path / "b.avdesk", alleen_kop=True)[0]["audit"]
    assert kop["volgnr"] == 4 and opslag.controleer_audit(kop) == (5, None)
    # Alles herschrijven met een kloppende nieuwe keten: de keten zelf klopt dan, de kop uit de back-up niet.
    from avdesk.store.db import AUDIT_BEGIN, audit_hash
    rijen = opslag.conn.execute("SELECT volgnr, tijd, gebruiker, actie, dossier_id FROM audit ORDER BY volgnr").fetchall()
    _buiten_de_triggers_om(opslag.conn, "DELETE FROM audit")
    opslag.conn.execute("DROP TRIGGER audit_alleen_achteraan")
    vorige = AUDIT_BEGIN
    for volgnr, tijd, gebruiker, actie, dossier_id in rijen:
        actie = "status: afgerond" if actie == "status: aanvraag klaar" else actie
        h = audit_hash(volgnr, tijd, gebruiker, actie, dossier_id, vorige)
        opslag.conn.execute("INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?)",
                            (volgnr, tijd, gebruiker, actie, dossier_id, vorige, h))
        vorige = h
    # Sinds schema 4 is de keten een HMAC met de auditsleutel: een sleutelloos herberekende keten klopt niet meer
    # (vroeger gaf dit "klopt"), en de kop uit de back-up en de bewaarde kop wijzen de herschreven regels aan.
    nr, fout = opslag.controleer_audit()
    assert nr == 1 and "opnieuw uitgerekend" in fout
    nr, fout = opslag.controleer_audit(kop)
    assert "regel 4 is anders dan in de back-up" in fout        # de kop is regel 4; regel 3 ervoor zit in zijn hash


@pytest.mark.traag
def test_audit_via_cli(tmp_path, avdesk_cli):
    env = {"AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": "geheim-ww", "AVDESK_BACKUP_WACHTWOORD": "backup-ww"}
    assert avdesk_cli("import", "tests/scenarios/martin_hanna_2024.json", env=env).returncode == 0
    assert avdesk_cli("backup", tmp_path / "b.avdesk", env=env).returncode == 0
    r = avdesk_cli("audit", env=env)
    uit = r.stdout.decode()
    assert r.returncode == 0 and "dossier aangemaakt" in uit and "dossier 1" in uit and "back-up gemaakt" in uit
    assert "Martin" not in uit and "123456782" not in uit
    r = avdesk_cli("audit", "--controleer", env=env)
    assert r.returncode == 0 and "De auditlog klopt: 3 regels" in r.stdout.decode(), r.stderr.decode()
    r = avdesk_cli("audit", "--controleer", "--backup", tmp_path / "b.avdesk", env=env)
    assert r.returncode == 0, r.stderr.decode()
    # Een regel wijzigen (met de sleutel, buiten avdesk om): exit 1 en de regel genoemd.
    from avdesk.store.sleutel import Sleutelbeheer
    from avdesk.store.db import open_database
    conn = open_database(tmp_path / "d" / "avdesk.db", Sleutelbeheer(tmp_path / "d").laad("geheim-ww"))
    _buiten_de_triggers_om(conn, "UPDATE audit SET dossier_id = 7 WHERE volgnr = 2")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    r = avdesk_cli("audit", "--controleer", env=env)
    assert r.returncode == 1 and "regel 2 is gewijzigd" in r.stderr.decode() and b"Traceback" not in r.stderr


def test_opslag_van_schema_1_opent_zonder_verlies(tmp_path):
    data = tmp_path / "d"
    shutil.copytree(OUD, data, ignore=shutil.ignore_patterns("*.avdesk"))
    with Opslag.open(data, "geheim", maak=False) as o:
        assert o.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSIE
        namen = sorted(r["aanvrager_naam"] for r in o.dossiers())
        assert namen == ["Jerry", "Martin"]
        assert o.document(o.documenten(1)[0]["id"]) == b"%PDF-1.4 oud"
        assert o.casus(1).partner.naam == "Hanna"
        acties = [r["actie"] for r in reversed(o.auditlog())]
        assert acties[:3] == ["dossier aangemaakt", "casus opgeslagen", "document gemaakt: aanvraag"]
        assert acties[-3:] == ["back-up gemaakt", "auditlog omgezet naar hashketen",
                               "auditketen met sleutel (HMAC) vanaf hier; de oude keten klopte"]     # schema 4
        assert o.controleer_audit()[1] is None
        o.zet_status(1, "afgerond")                  # en de keten loopt gewoon door
        assert o.controleer_audit() == (len(acties) + 1, None)
        with pytest.raises(dbapi2.DatabaseError, match="alleen-toevoegen"):
            o.conn.execute("INSERT OR REPLACE INTO audit SELECT * FROM audit WHERE volgnr = 1")


@pytest.mark.traag
def test_backup_van_schema_1_terugzetten(tmp_path):
    doel = tmp_path / "nieuw"
    herstel_backup(OUD / "oud.avdesk", "backupwachtwoord", doel, store_wachtwoord="laptop")
    with Opslag.open(doel, "laptop", maak=False) as o:
        assert sorted(r["aanvrager_naam"] for r in o.dossiers()) == ["Jerry", "Martin"]
        assert o.dossier(2)["status"] == "afgerond"
        assert o.controleer_audit()[1] is None
        o.maak_backup(tmp_path / "opnieuw.avdesk", "x")
    assert lees_backup(tmp_path / "opnieuw.avdesk", alleen_kop=True)[0]["schema"] == SCHEMA_VERSIE
