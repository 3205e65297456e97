"""De doelgroepselectielijst (issue 17): inlezen zoals de gemeente hem bewaarde (CSV met en zonder kopregel, XLSX met
BSN's als getal), foute regels gemeld en niet opgenomen, jaren gescheiden, en het BSN nergens in de opslag."""

import shutil
from pathlib import Path

import pytest

from avdesk.core.casus import elfproef
from avdesk.core.doelgroeplijst import LijstFout, lees_lijst, normaliseer
from avdesk.store import OpslagFout, lijsten
from avdesk.store.db import SCHEMA_VERSIE
from avdesk.store.opslag import Opslag

OUD2 = Path(__file__).resolve().parent / "oud_schema2"    # gemaakt met avdesk op schema 2 (wachtwoord 'geheim')


def bsns(n: int, begin: int = 10_000_000) -> list[str]:
    """n geldige BSN's, een deel met een voorloopnul (begin onder 100.000.000)."""
    uit, x = [], begin
    while len(uit) < n:
        s = f"{x:09d}"
        if elfproef(s):
            uit.append(s)
        x += 1
    return uit


MET_NUL = "012345672"        # een geldig BSN dat met een 0 begint (een spreadsheet maakt er 12345672 van)
GEWOON = "123456782"
ANDER = "111222333"


@pytest.fixture
def opslag(tmp_path):
    o = Opslag.open(tmp_path / "data", "geheim-ww")
    yield o
    o.close()


def test_geldige_testnummers():
    assert elfproef(MET_NUL) and elfproef(GEWOON) and elfproef(ANDER)


@pytest.mark.parametrize("waarde,bsn,aangevuld", [
    ("123456782", GEWOON, False), (123456782, GEWOON, False), (12345672, MET_NUL, True), ("12345672", MET_NUL, True),
    (12345672.0, MET_NUL, True), ("12345672.0", MET_NUL, True), ("12345672,0", MET_NUL, True),
    ('="012345672"', MET_NUL, False), (" 123456782 ", GEWOON, False), ("123.456.782", GEWOON, False),
    ("1,23456782E+08", GEWOON, False), ("1.2345672E+07", MET_NUL, True),
])
def test_normaliseer(waarde, bsn, aangevuld):
    assert normaliseer(waarde) == (bsn, None, aangevuld)


@pytest.mark.parametrize("waarde,reden", [
    ("123456789", "elfproef"), ("12345678A", "andere tekens"), ("1234", "4 cijfers"), ("1234567890", "10 cijfers"),
    ("1,23457E+08", "afgerond"), (123456.5, "decimalen"), ("", "leeg"), (None, "leeg"),
])
def test_normaliseer_fout(waarde, reden):
    bsn, tekst, _ = normaliseer(waarde)
    assert bsn is None and reden in tekst
    assert "123456" not in tekst                # de reden noemt nooit de waarde


def test_csv_met_kopregel_en_puntkomma(tmp_path):
    pad = tmp_path / "lijst.csv"
    pad.write_text("gemeentecode;BSN meestverdienende partner;peildatum\n0547;123456782;2025-01-01\n"
                   "0547;12345672;2025-01-01\n0547;111222333;2025-01-01\n", encoding="utf-8")
    g = lees_lijst(pad)
    assert g.kopregel and g.kolom == 2 and not hasattr(g, "kolomnaam")     # de kop komt nergens in een melding
    assert g.bsns == [GEWOON, MET_NUL, ANDER] and g.aangevuld == 1 and g.overgeslagen == []
    assert "';'" in g.soort


def test_csv_zonder_kopregel_met_komma_en_crlf(tmp_path):
    pad = tmp_path / "lijst.csv"
    pad.write_bytes(b"123456782,0547\r\n012345672,0547\r\n\r\n111222333,0547\r\n")
    g = lees_lijst(pad)
    assert not g.kopregel and g.kolom == 1 and g.bsns == [GEWOON, MET_NUL, ANDER] and g.overgeslagen == []


def test_csv_een_kolom_windows_1252(tmp_path):
    pad = tmp_path / "lijst.csv"
    pad.write_bytes("Burgerservicenummer (meestverdiener, ü)\r\n123456782\r\n12345672\r\n".encode("cp1252"))
    g = lees_lijst(pad)
    assert g.kopregel and g.bsns == [GEWOON, MET_NUL] and "Windows-1252" in g.soort


@pytest.mark.traag
def test_xlsx_met_bsns_als_getal(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    boek = openpyxl.Workbook()
    blad = boek.active
    blad.title = "Alleenverdieners"
    blad.append(["Gemeentecode", "BSN"])
    blad.append([547, 123456782])
    blad.append([547, 12345672])           # voorloopnul kwijt
    blad.append([547, 12345672.0])         # als kommagetal (dubbel: een keer opgenomen)
    blad.append([547, "111222333"])        # als tekst
    blad.append([547, 123456789])          # haalt de elfproef niet
    pad = tmp_path / "lijst.xlsx"
    boek.save(pad)
    g = lees_lijst(pad)
    assert g.kopregel and g.kolom == 2 and g.bsns == [GEWOON, MET_NUL, ANDER]
    assert g.aangevuld == 1 and g.dubbel == 1 and g.overgeslagen == [(6, "voldoet niet aan de elfproef")]
    assert "Alleenverdieners" not in g.soort and "XLSX" in g.soort      # de naam van het werkblad niet


def test_foute_regels_gemeld_niet_opgenomen(tmp_path, opslag):
    pad = tmp_path / "lijst.csv"
    pad.write_text("BSN;gemeente\n123456782;Leiderdorp\n123456789;Leiderdorp\nonbekend;Leiderdorp\n"
                   ";Leiderdorp\n1234567890;Leiderdorp\n111222333;Leiderdorp\n")
    g = lees_lijst(pad)
    assert g.bsns == [GEWOON, ANDER]
    assert [nr for nr, _ in g.overgeslagen] == [3, 4, 5, 6]
    redenen = dict(g.overgeslagen)
    assert "elfproef" in redenen[3] and "andere tekens" in redenen[4] and "leeg" in redenen[5]
    assert "10 cijfers" in redenen[6]
    lijsten.importeer(opslag, 2025, g.bsns)
    assert lijsten.zoek(opslag, 2025, [GEWOON, "123456789", ANDER]) == [True, False, True]


def test_geen_bsn_kolom(tmp_path):
    pad = tmp_path / "lijst.csv"
    pad.write_text("naam;woonplaats\nJan;Leiderdorp\n")
    with pytest.raises(LijstFout, match="geen kolom met BSN's"):
        lees_lijst(pad)
    (tmp_path / "leeg.csv").write_text("")
    with pytest.raises(LijstFout, match="leeg"):
        lees_lijst(tmp_path / "leeg.csv")
    (tmp_path / "kapot.xlsx").write_bytes(b"PK\x03\x04kapot")
    with pytest.raises(LijstFout, match="geen (volledig|leesbaar) XLSX"):
        lees_lijst(tmp_path / "kapot.xlsx")


def test_jaren_gescheiden(opslag):
    lijsten.importeer(opslag, 2025, [GEWOON])
    lijsten.importeer(opslag, 2026, [ANDER])
    assert lijsten.zoek(opslag, 2025, [GEWOON, ANDER]) == [True, False]
    assert lijsten.zoek(opslag, 2026, [GEWOON, ANDER]) == [False, True]
    assert lijsten.zoek(opslag, 2027, [GEWOON]) is None            # geen lijst voor 2027
    lijsten.verwijder(opslag, 2025)
    assert lijsten.zoek(opslag, 2025, [GEWOON]) is None
    assert lijsten.zoek(opslag, 2026, [ANDER]) == [True]
    with pytest.raises(OpslagFout, match="geen doelgroepselectielijst 2025"):
        lijsten.verwijder(opslag, 2025)


def test_opnieuw_inlezen_vervangt_of_vult_aan(opslag):
    lijsten.importeer(opslag, 2025, [GEWOON, ANDER])
    uit = lijsten.importeer(opslag, 2025, [MET_NUL], vervang=True)
    assert uit["vorige"][0] == 2 and uit["aantal"] == 1
    assert lijsten.zoek(opslag, 2025, [GEWOON, MET_NUL]) == [False, True]
    uit = lijsten.importeer(opslag, 2025, [GEWOON, MET_NUL], aanvullen=True)
    assert uit["aantal"] == 2 and uit["nieuw"] == 1


@pytest.mark.traag
def test_bsn_nergens_in_de_opslag(tmp_path, opslag):
    """Zoek in elke tabel van de ontsleutelde opslag, en in de WAL en het bestand, naar elk BSN van de lijst: als
    tekst, als getal (ook zonder voorloopnul) en als bytes."""
    lijst = bsns(300) + [GEWOON, MET_NUL]
    lijsten.importeer(opslag, 2025, lijst)
    lijsten.zoek(opslag, 2025, [GEWOON])
    lijsten.importeer(opslag, 2025, lijst[:10], vervang=True)  # vervangen: de oude hashes zijn weg
    lijsten.importeer(opslag, 2026, lijst[10:20])
    lijsten.zoek(opslag, 2026, [MET_NUL])
    teksten, getallen = set(lijst), {int(b) for b in lijst}
    tabellen = [r[0] for r in opslag.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    assert {"doelgroeplijsten", "doelgroeplijst_bsn", "geheimen", "audit"} <= set(tabellen)
    for tabel in tabellen:
        for rij in opslag.conn.execute(f"SELECT * FROM {tabel}"):
            for waarde in rij:
                if isinstance(waarde, int):
                    assert waarde not in getallen, tabel
                elif isinstance(waarde, str):
                    assert not any(b in waarde or b.lstrip("0") in waarde for b in lijst), tabel
                elif isinstance(waarde, (bytes, memoryview)):
                    data = bytes(waarde)
                    assert not any(b.encode() in data for b in lijst), tabel
    assert opslag.conn.execute("SELECT count(*) FROM doelgroeplijst_bsn").fetchone()[0] == 20
    # Het bestand zelf (versleuteld) en de WAL: geen BSN als tekst.
    opslag.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for pad in (tmp_path / "data").iterdir():
        data = pad.read_bytes()
        assert not any(b.encode() in data for b in lijst[:50]), pad.name
    assert teksten


@pytest.mark.traag
def test_audit_zonder_bsn(opslag):
    lijsten.importeer(opslag, 2025, [GEWOON, MET_NUL])
    lijsten.zoek(opslag, 2025, [GEWOON])
    lijsten.zoek(opslag, 2027, [GEWOON])
    lijsten.verwijder(opslag, 2025)
    acties = [r["actie"] for r in reversed(opslag.auditlog())]
    assert acties == ["doelgroeplijst 2025 ingelezen: 2 BSN's", "doelgroeplijst 2025 geraadpleegd",
                      "doelgroeplijst 2027 geraadpleegd (geen lijst)", "doelgroeplijst 2025 verwijderd: 2 BSN's"]
    assert opslag.controleer_audit()[1] is None


def test_bewaartermijn_en_herinnering(opslag):
    from datetime import date
    lijsten.importeer(opslag, 2027, [GEWOON])
    lijsten.importeer(opslag, 2025, [GEWOON], bewaren_tot=date(2026, 3, 1))
    info = {d["jaar"]: d for d in lijsten.lijsten(opslag)}
    assert info[2027]["bewaren_tot"] == date(2028, 12, 31)          # Leiderdorp: zelfmelders t/m 31-12-2028
    assert info[2025]["bewaren_tot"] == date(2026, 3, 1)
    assert lijsten.verlopen(opslag, date(2027, 1, 1))[0]["jaar"] == 2025
    (herinnering,) = [d["herinnering"] for d in lijsten.verlopen(opslag, date(2027, 1, 1))]
    assert "01-03-2026" in herinnering and "avdesk doelgroeplijst verwijder --jaar 2025" in herinnering
    assert [d["jaar"] for d in lijsten.verlopen(opslag, date(2029, 1, 1))] == [2025, 2027]
    opslag.zet_instelling("doelgroeplijst_bewaren_tot", "2029-06-30")
    assert lijsten.lijst(opslag, 2027)["bewaren_tot"] == date(2029, 6, 30)


@pytest.mark.traag
def test_cli(tmp_path, avdesk_cli):
    env = {"AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": "geheim-ww"}
    pad = tmp_path / "lijst.csv"
    pad.write_text("BSN;gemeentecode\n123456782;0626\n12345672;0626\nfout;0626\n")
    r = avdesk_cli("doelgroeplijst", "importeer", pad, "--jaar", "2025", env=env)
    uit = r.stdout.decode()
    assert r.returncode == 0, r.stderr.decode()
    assert "2 BSN's gevonden" in uit and "regel 4" in uit and "voorloopnul" in uit and "31-12-2028" in uit
    assert GEWOON not in uit and "12345672" not in uit
    r = avdesk_cli("doelgroeplijst", "zoek", GEWOON, "--jaar", "2025", env=env)
    assert r.returncode == 0 and "staat op de lijst" in r.stdout.decode()
    r = avdesk_cli("doelgroeplijst", "zoek", "-", "--jaar", "2025", invoer=MET_NUL.encode() + b"\n", env=env)
    assert r.returncode == 0 and "staat op de lijst" in r.stdout.decode()
    r = avdesk_cli("doelgroeplijst", "zoek", ANDER, "--jaar", "2025", env=env)
    assert r.returncode == 1 and "staat niet op de lijst" in r.stdout.decode()
    r = avdesk_cli("doelgroeplijst", "zoek", GEWOON, "--jaar", "2026", env=env)
    assert r.returncode == 1 and "geen doelgroepselectielijst 2026" in r.stdout.decode()
    r = avdesk_cli("doelgroeplijst", "zoek", "123456789", "--jaar", "2025", env=env)
    assert r.returncode == 2 and "geen geldig BSN" in r.stderr.decode()
    r = avdesk_cli("doelgroeplijst", "importeer", tmp_path / "bestaat-niet.csv", "--jaar", "2025", env=env)
    assert r.returncode == 2 and "bestaat niet" in r.stderr.decode()
    r = avdesk_cli("doelgroeplijst", "importeer", pad, "--jaar", "1999", env=env)
    assert r.returncode == 2 and "geen jaar" in r.stderr.decode()
    r = avdesk_cli("doelgroeplijst", "toon", env=env)
    assert r.returncode == 0 and "2025" in r.stdout.decode()
    r = avdesk_cli("audit", env=env)
    assert GEWOON.encode() not in r.stdout and b"12345672" not in r.stdout
    r = avdesk_cli("doelgroeplijst", "verwijder", "--jaar", "2025", env=env)
    assert r.returncode == 0 and "verwijderd" in r.stdout.decode()
    r = avdesk_cli("doelgroeplijst", "verwijder", "--jaar", "2025", env=env)
    assert r.returncode == 2 and "geen doelgroepselectielijst 2025 om te verwijderen" in r.stderr.decode()
    r = avdesk_cli("doelgroeplijst", "--help", env=env)
    assert r.returncode == 0 and "importeer" in r.stdout.decode()


@pytest.mark.traag
def test_verlopen_noemt_lijst(tmp_path, avdesk_cli):
    env = {"AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": "geheim-ww"}
    pad = tmp_path / "lijst.csv"
    pad.write_text("123456782\n")
    assert avdesk_cli("doelgroeplijst", "importeer", pad, "--jaar", "2025", "--bewaren-tot", "2025-06-30",
                      env=env).returncode == 0
    r = avdesk_cli("verlopen", env=env)
    assert r.returncode == 0 and "doelgroepselectielijst 2025" in r.stdout.decode() and "30-06-2025" in r.stdout.decode()


def test_opslag_van_schema_2_opent_zonder_verlies(tmp_path):
    data = tmp_path / "d"
    shutil.copytree(OUD2, data, ignore=shutil.ignore_patterns("*.avdesk"))
    with Opslag.open(data, "geheim", maak=False) as o:
        assert o.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSIE
        assert sorted(r["aanvrager_naam"] for r in o.dossiers()) == ["Martin", "Sanne"]
        assert o.document(o.documenten(1)[0]["id"]) == b"%PDF-1.4 schema2"
        assert o.dossier(2)["status"] == "afgerond"
        assert o.bewaartermijn_maanden == 36
        assert o.casus(1).partner.naam == "Hanna"
        assert o.controleer_audit()[1] is None
        lijsten.importeer(o, 2025, [GEWOON])            # de nieuwe tabellen werken meteen
        assert lijsten.zoek(o, 2025, [GEWOON]) == [True]
        assert o.controleer_audit()[1] is None


@pytest.mark.traag
def test_backup_van_schema_2_terugzetten(tmp_path):
    from avdesk.store.opslag import herstel_backup
    doel = tmp_path / "nieuw"
    herstel_backup(OUD2 / "oud.avdesk", "backupwachtwoord", doel, store_wachtwoord="laptop")
    with Opslag.open(doel, "laptop", maak=False) as o:
        assert sorted(r["aanvrager_naam"] for r in o.dossiers()) == ["Martin", "Sanne"]
        assert lijsten.zoek(o, 2025, [GEWOON]) is None
