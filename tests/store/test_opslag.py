"""De versleutelde opslag: onleesbaar zonder sleutel, duidelijke Nederlandse fouten, niets kwijt en niets overschreven."""

import copy
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from avdesk.core.casus import lees_casus
from avdesk.store import OpslagFout
from avdesk.store.opslag import Opslag, herstel_backup

ROOT = Path(__file__).resolve().parents[2]
CASUS = lees_casus((ROOT / "tests" / "scenarios" / "martin_hanna_2024.json").read_bytes())
GEHEIMEN = [b"Martin", b"Hanna", b"123456782", "Martin".encode("utf-16-le")]


def inhoud(map_: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(map_.iterdir()) if p.is_file())


def vingerafdruk(map_: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in map_.iterdir() if p.is_file()}


@pytest.fixture
def map_(tmp_path):
    return tmp_path / "data"


def test_bestand_wal_en_tijdelijke_bestanden_bevatten_geen_namen_of_bsn(map_):
    o = Opslag.open(map_)                                 # sleutelbos-modus (testsleutelbos in het geheugen)
    casus = copy.deepcopy(CASUS)
    d = o.nieuw_dossier(casus)
    for _i in range(5):                                   # een paar versies, zodat er ook WAL-inhoud is
        casus.jaren[0].perioden[0].netto_inkomen_per_maand += 1
        o.bewaar_casus(d, casus)
    o.bewaar_document(d, "aanvraag", "aanvraag-Martin-Hanna.pdf", b"%PDF Martin Hanna 123456782")
    bestanden = list(map_.iterdir())
    assert any(p.name.endswith("-wal") for p in bestanden)   # WAL staat open en wordt dus ook doorzocht
    alles = inhoud(map_)
    assert all(g not in alles for g in GEHEIMEN)
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(map_ / "avdesk.db").execute("SELECT * FROM sqlite_master").fetchall()
    o.close()
    assert all(g not in inhoud(map_) for g in GEHEIMEN)


def test_rechten_alleen_voor_de_gebruiker(map_):
    Opslag.open(map_).close()
    assert (map_.stat().st_mode & 0o777) == 0o700
    assert ((map_ / "avdesk.db").stat().st_mode & 0o077) == 0
    assert ((map_ / "sleutel.json").stat().st_mode & 0o077) == 0


def test_versies_geschiedenis_en_herstel(map_):
    with Opslag.open(map_) as o:
        d = o.nieuw_dossier(CASUS)
        assert o.bewaar_casus(d, CASUS) == 1                  # ongewijzigd: geen nieuwe versie
        c2 = copy.deepcopy(CASUS)
        c2.partner.naam = "Hanna B."
        assert o.bewaar_casus(d, c2, wizard_stap=3) == 2
        assert [v["versie"] for v in o.versies(d)] == [1, 2]
        assert o.casus(d).partner.naam == "Hanna B." and o.dossier(d)["wizard_stap"] == 3
        assert o.herstel_versie(d, 1) == 3
        assert o.casus(d).partner.naam == "Hanna" and o.casus(d, 2).partner.naam == "Hanna B."
        assert o.dossiers("HANN")[0]["id"] == d and o.dossiers("piet") == []


def test_audit_zonder_namen_en_alleen_toevoegen(map_):
    with Opslag.open(map_) as o:
        d = o.nieuw_dossier(CASUS)
        o.zet_status(d, "aanvraag klaar")
        o.inzage_export(d)
        log = json.dumps(o.auditlog())
        assert "Martin" not in log and "123456782" not in log and "1686" not in log
        assert [r["actie"] for r in o.auditlog()][:2] == ["inzage-export", "status: aanvraag klaar"]
        with pytest.raises(Exception, match="alleen-toevoegen"):
            o.conn.execute("UPDATE audit SET actie = 'x'")
        with pytest.raises(Exception, match="alleen-toevoegen"):
            o.conn.execute("DELETE FROM audit")


def test_verkeerd_wachtwoord_laat_bestand_ongemoeid(map_):
    Opslag.open(map_, "goed wachtwoord").close()
    voor = vingerafdruk(map_)
    with pytest.raises(OpslagFout, match="Het wachtwoord klopt niet"):
        Opslag.open(map_, "fout wachtwoord")
    with pytest.raises(OpslagFout, match="beveiligd met een wachtwoord"):
        Opslag.open(map_)                                     # wachtwoord vergeten
    assert vingerafdruk(map_) == voor


def test_sleutelbos_ontbreekt(map_, monkeypatch):
    Opslag.open(map_).close()
    voor = vingerafdruk(map_)
    import keyring
    from keyring.backends.fail import Keyring as Fail
    keyring.set_keyring(Fail())
    with pytest.raises(OpslagFout, match="geen veilige sleutelbos beschikbaar"):
        Opslag.open(map_)
    assert vingerafdruk(map_) == voor


def test_sleutel_weg_uit_sleutelbos(map_, geheugen_keyring):
    Opslag.open(map_).close()
    geheugen_keyring.sleutels.clear()
    with pytest.raises(OpslagFout, match="staat niet \\(meer\\) in de sleutelbos"):
        Opslag.open(map_)


def test_onveilige_sleutelbos_wordt_geweigerd(map_):
    import keyring
    from testkeyring import OnveiligeKeyring
    keyring.set_keyring(OnveiligeKeyring())
    with pytest.raises(OpslagFout, match="geen veilige sleutelbos"):
        Opslag.open(map_)
    assert not (map_ / "avdesk.db").exists()                  # geen onversleutelde terugval
    Opslag.open(map_, "wachtwoord").close()                  # met een wachtwoord kan het wel


def test_verkeerde_sleutel_in_sleutelbos(map_, geheugen_keyring):
    Opslag.open(map_).close()
    voor = vingerafdruk(map_)
    (k,) = geheugen_keyring.sleutels
    geheugen_keyring.sleutels[k] = "00" * 32
    with pytest.raises(OpslagFout, match="sleutel past niet"):
        Opslag.open(map_)
    assert vingerafdruk(map_) == voor


@pytest.mark.parametrize("schade", ["afgekapt", "beschadigd", "leeg"])
def test_kapot_bestand(map_, schade):
    with Opslag.open(map_) as o:
        for _ in range(30):
            o.nieuw_dossier(CASUS)
    db = map_ / "avdesk.db"
    data = bytearray(db.read_bytes())
    if schade == "afgekapt":
        data = data[: len(data) // 2 + 100]
    elif schade == "beschadigd":
        for i in range(len(data) // 2, len(data) // 2 + 64):
            data[i] ^= 0xFF
    else:
        data = bytearray()
    db.write_bytes(bytes(data))
    voor = vingerafdruk(map_)
    with pytest.raises(OpslagFout, match="kan niet worden geopend|is leeg|is beschadigd"):
        # Openen leest alleen de eerste pagina; de volledige controle (of het eerste lezen) vindt de schade.
        with Opslag.open(map_) as o:
            o.controleer()
    with pytest.raises(OpslagFout, match="kan niet worden geopend|is leeg|is beschadigd"):
        with Opslag.open(map_) as o:        # alles lezen: dossiers, casussen en de auditketen
            for r in o.dossiers(limiet=1000):
                o.casus(r["id"])
            o.controleer_audit()
    assert vingerafdruk(map_) == voor


def test_nieuwer_schema(map_):
    with Opslag.open(map_) as o:
        o.conn.execute("PRAGMA user_version = 99")
    voor = vingerafdruk(map_)
    with pytest.raises(OpslagFout, match="nieuwere versie van avdesk"):
        Opslag.open(map_)
    assert vingerafdruk(map_) == voor


def test_geen_nieuwe_lege_database_over_verloren_dossiers(map_):
    Opslag.open(map_).close()
    (map_ / "avdesk.db").rename(map_ / "elders.db")
    with pytest.raises(OpslagFout, match="ontbreekt"):
        Opslag.open(map_)
    assert not (map_ / "avdesk.db").exists()
    (map_ / "elders.db").rename(map_ / "avdesk.db")
    (map_ / "sleutel.json").rename(map_ / "sleutel.bak")
    with pytest.raises(OpslagFout, match="sleutelbestand .* ontbreekt"):
        Opslag.open(map_)


def test_wisselen_van_modus_versleutelt_niet_opnieuw(map_, geheugen_keyring):
    with Opslag.open(map_) as o:
        d = o.nieuw_dossier(CASUS)
        sleutel = o._sleutel
    db_voor = hashlib.sha256((map_ / "avdesk.db").read_bytes()).hexdigest()
    from avdesk.store.sleutel import Sleutelbeheer
    sb = Sleutelbeheer(map_)
    sb.naar_wachtwoord(sleutel, "nieuw wachtwoord")
    assert geheugen_keyring.sleutels == {}                    # uit de sleutelbos gehaald
    with Opslag.open(map_, "nieuw wachtwoord") as o:
        assert o.casus(d).aanvrager.naam == "Martin"
    sb.naar_keyring(sleutel)
    with Opslag.open(map_) as o:
        assert o.casus(d).partner.naam == "Hanna"
    assert hashlib.sha256((map_ / "avdesk.db").read_bytes()).hexdigest() == db_voor


def test_verwijderen_laat_geen_spoor(tmp_path):
    """Zelfde code, maar op een onversleuteld bestand, zodat de bytes na verwijderen te doorzoeken zijn.
    (Versleuteld staat er nooit platte tekst; dit toont dat ook de ontsleutelde pagina's leeg zijn.)"""
    from avdesk.store.db import _migreer, dbapi2
    pad = tmp_path / "plat.db"
    conn = dbapi2.connect(str(pad), isolation_level=None)
    for pragma in ("journal_mode = WAL", "secure_delete = ON", "foreign_keys = ON"):
        conn.execute(f"PRAGMA {pragma}")
    _migreer(conn, 0)
    o = Opslag(conn, tmp_path)
    anderen = lees_casus(json.dumps({**json.loads((ROOT / "tests/scenarios/jerry_anton_2024.json").read_text())}))
    blijft = o.nieuw_dossier(anderen)
    weg = o.nieuw_dossier(CASUS)
    o.bewaar_document(weg, "aanvraag", "a.pdf", b"Martin en Hanna 123456782" * 50)
    def plat():
        return b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert b"Hanna" in plat()                                 # de test kan dus falen
    o.verwijder_dossier(weg)
    assert all(g not in plat() for g in [b"Martin", b"Hanna", b"123456782"])
    assert b"Jerry" in plat() and o.casus(blijft).aanvrager.naam == "Jerry"
    conn.close()


def test_verwijderen_versleuteld(map_):
    with Opslag.open(map_) as o:
        d = o.nieuw_dossier(CASUS)
        o.verwijder_dossier(d)
        assert o.dossiers() == []
        with pytest.raises(OpslagFout, match="bestaat niet"):
            o.casus(d)
        assert o.auditlog()[0]["actie"] == "dossier verwijderd"


def test_bewaartermijn_herinnering(map_):
    from datetime import date
    with Opslag.open(map_) as o:
        d = o.nieuw_dossier(CASUS)
        o.conn.execute("UPDATE dossiers SET gewijzigd = '2022-01-05T10:00:00' WHERE id = ?", (d,))
        o.zet_instelling("bewaartermijn_maanden", "12")
        (v,) = o.verlopen_dossiers(date(2024, 3, 1))
        assert v["id"] == d and "05-01-2022" in v["herinnering"] and "12 maanden" in v["herinnering"]
        assert o.verlopen_dossiers(date(2022, 6, 1)) == []


@pytest.mark.traag
def test_backup_en_herstel(map_, tmp_path):
    with Opslag.open(map_) as o:
        d = o.nieuw_dossier(CASUS)
        o.bewaar_document(d, "aanvraag", "a.pdf", b"%PDF-1.4 inhoud")
        backup = tmp_path / "avdesk.backup"
        o.maak_backup(backup, "backupwachtwoord")
    assert all(g not in backup.read_bytes() for g in GEHEIMEN)
    with pytest.raises(OpslagFout, match="wachtwoord klopt niet"):
        herstel_backup(backup, "fout", tmp_path / "elders")
    nieuw = tmp_path / "andere-laptop"
    herstel_backup(backup, "backupwachtwoord", nieuw, store_wachtwoord="laptop2")
    with Opslag.open(nieuw, "laptop2") as o:
        assert o.casus(d).aanvrager.naam == "Martin"
        assert o.document(o.documenten(d)[0]["id"]) == b"%PDF-1.4 inhoud"
    # Terugzetten over een bestaande opslag bewaart de oude als voor-herstel-kopie.
    herstel_backup(backup, "backupwachtwoord", map_)
    assert any(p.name.startswith("avdesk.db.voor-herstel-") for p in map_.iterdir())
    with Opslag.open(map_) as o:
        assert len(o.dossiers()) == 1
