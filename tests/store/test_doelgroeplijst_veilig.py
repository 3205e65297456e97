"""De doelgroepselectielijst veilig inlezen (issue 20 punt 8, issue 21 punt 8), door de opdracht
`avdesk doelgroeplijst importeer` zoals een medewerker hem gebruikt:

- een bestand dat een jaar noemt (een jaarkolom, of een jaartal in de bestandsnaam) moet dat jaar zijn;
- een lijst vervangen vraagt --vervang en noemt de oude en de nieuwe aantallen; zonder verandert er niets;
- meer afgekeurde dan goede regels: niet ingelezen (zo raakte een lijst van 50.000 BSN's kwijt);
- meldingen noemen regelnummers, nooit de inhoud van een cel; geen BSN in een melding of de auditlog;
- een XLSX die er geen is of beschadigd is: een Nederlandse melding, geen Engelse foutnamen; UTF-16 zonder BOM."""

import re
import struct

import pytest

from avdesk.core.casus import elfproef
from avdesk.store import lijsten
from avdesk.store.opslag import Opslag

from xlsxbouw import HOOFD, blad, rij, schrijf_zip, werkmap

WACHTWOORD = "geheim-wachtwoord"
GEWOON, MET_NUL, ANDER = "123456782", "012345672", "111222333"
ENGELS = ("Error", "Exception", "BadZip", "Invalid", "Traceback", "zipfile", "openpyxl", "File is not", "Bad CRC",
          "KeyError", "not a zip", "Unable to", "interne fout")


FOUT_21 = [x for x in map(str, range(123456700, 123456800)) if not elfproef(x)][:21]     # halen de elfproef niet


def bsns(n: int, begin: int = 100_000_000) -> list[str]:
    uit, x = [], begin
    while len(uit) < n:
        if elfproef(s := f"{x:09d}"):
            uit.append(s)
        x += 1
    return uit


@pytest.fixture
def omgeving(tmp_path):
    return {"AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": WACHTWOORD}


@pytest.fixture
def importeer(avdesk_cli, omgeving):
    def run(pad, jaar, *opties):
        r = avdesk_cli("doelgroeplijst", "importeer", pad, "--jaar", str(jaar), *opties, env=omgeving)
        r.uit, r.fout = r.stdout.decode(), r.stderr.decode()
        return r
    return run


def _lijsten(omgeving) -> dict:
    with Opslag.open(omgeving["AVDESK_DATA"], WACHTWOORD, maak=False) as o:
        return {d["jaar"]: d["aantal"] for d in lijsten.lijsten(o)}


def _zoek(omgeving, jaar, bsn_lijst):
    with Opslag.open(omgeving["AVDESK_DATA"], WACHTWOORD, maak=False) as o:
        return lijsten.zoek(o, jaar, bsn_lijst)


# ------------------------------------------------------------------ het jaar in het bestand

@pytest.mark.traag
def test_jaarkolom_met_een_ander_jaar_wordt_geweigerd(tmp_path, importeer, omgeving):
    """Het voorbeeld uit issue 20: een bestand met een kolom Jaar = 2024 ging zonder woord in als --jaar 2026."""
    pad = tmp_path / "lijst.csv"
    pad.write_text("BSN;Jaar;gemeentecode\n123456782;2024;0547\n12345672;2024;0547\n111222333;2024;0547\n")
    r = importeer(pad, 2026)
    assert r.returncode == 2, r.uit + r.fout
    assert "niet ingelezen" in r.fout and "2024" in r.fout and "2026" in r.fout
    assert "kolom 2" in r.fout and "regel 2" in r.fout
    assert not (tmp_path / "d").exists() or _lijsten(omgeving) == {}
    r = importeer(pad, 2024)
    assert r.returncode == 0, r.fout
    assert _lijsten(omgeving) == {2024: 3}


@pytest.mark.parametrize("kop,waarde", [("Jaar", 2024), ("Belastingjaar", 2024.0), ("jaar ", "2024"),
                                        ("Lijstjaar", "2024.0"), ("YEAR", 2024)])
@pytest.mark.traag
def test_jaarkolom_in_xlsx_en_andere_koppen(tmp_path, importeer, kop, waarde):
    pad = werkmap(tmp_path / "lijst.xlsx", blad([rij(1, "Gemeentecode", "BSN", kop), rij(2, 547, 123456782, waarde),
                                                 rij(3, 547, 12345672, waarde)]))
    r = importeer(pad, 2026)
    assert r.returncode == 2 and "2024" in r.fout and "2026" in r.fout and "kolom 3" in r.fout, r.uit + r.fout
    r = importeer(pad, 2024)
    assert r.returncode == 0 and "Kolom 3 noemt het jaar: 2024" in r.uit, r.fout


@pytest.mark.traag
def test_jaarkolom_met_meer_jaren(tmp_path, importeer):
    pad = tmp_path / "lijst.csv"
    pad.write_text("BSN;Jaar\n123456782;2025\n12345672;2025\n111222333;2026\n")
    for jaar in (2025, 2026):
        r = importeer(pad, jaar)
        assert r.returncode == 2 and "meer dan een jaar" in r.fout and "2025 (2 regels, vanaf regel 2)" in r.fout
        assert "2026 (1 regel, vanaf regel 4)" in r.fout


@pytest.mark.traag
def test_geboortejaar_en_peildatum_zijn_geen_lijstjaar(tmp_path, importeer):
    pad = tmp_path / "lijst.csv"
    pad.write_text("BSN;Geboortejaar;peildatum\n123456782;1980;2025-01-01\n12345672;1975;2025-01-01\n")
    r = importeer(pad, 2026)
    assert r.returncode == 0, r.fout
    assert "noemt het jaar" not in r.uit


@pytest.mark.parametrize("naam,jaar,goed", [
    ("doelgroepselectielijst_2024.csv", 2026, False),
    ("Alleenverdieners 2024 Leiderdorp.csv", 2024, True),
    ("lijst-2026.csv", 2026, True),
    ("lijst 2025 en 2026.csv", 2026, True),
    ("lijst 2026 gemaakt 2027-01-15.csv", 2026, True),          # een datum noemt de dag van maken
    ("export_15-01-2027.csv", 2026, True),
    ("export_20270115.csv", 2026, True),
    ("lijst_2027_20260115.csv", 2026, False),
])
@pytest.mark.traag
def test_jaar_in_de_bestandsnaam(tmp_path, importeer, naam, jaar, goed):
    pad = tmp_path / naam
    pad.write_text("BSN\n123456782\n12345672\n")
    r = importeer(pad, jaar)
    assert r.returncode == (0 if goed else 2), r.uit + r.fout
    if not goed:
        assert "bestandsnaam noemt" in r.fout and str(jaar) in r.fout


@pytest.mark.traag
def test_jaar_in_naam_en_kolom_moeten_allebei_kloppen(tmp_path, importeer):
    pad = tmp_path / "lijst 2024.csv"
    pad.write_text("BSN;Jaar\n123456782;2026\n")
    r = importeer(pad, 2026)
    assert r.returncode == 2 and "bestandsnaam noemt 2024" in r.fout
    r = importeer(pad, 2024)
    assert r.returncode == 2 and "lijst van 2026" in r.fout


# ------------------------------------------------------------------ vervangen alleen met --vervang

@pytest.mark.traag
def test_vervangen_vraagt_vervang_en_noemt_de_aantallen(tmp_path, importeer, omgeving):
    groot = tmp_path / "groot.csv"
    groot.write_text("BSN\n" + "\n".join(bsns(50)) + "\n")
    assert importeer(groot, 2026).returncode == 0
    klein = tmp_path / "klein.csv"
    klein.write_text(f"BSN\n{GEWOON}\n")
    r = importeer(klein, 2026)
    assert r.returncode == 2, r.uit
    assert "al een doelgroepselectielijst 2026: 50 BSN's, ingelezen op " in r.fout
    assert re.search(r"ingelezen op \d\d-\d\d-\d{4}", r.fout)
    assert "De nieuwe lijst telt 1 BSN" in r.fout and "--vervang" in r.fout and "veel kleiner" in r.fout
    assert _lijsten(omgeving) == {2026: 50}                            # niets veranderd
    assert _zoek(omgeving, 2026, bsns(50)[:3]) == [True, True, True]
    r = importeer(klein, 2026, "--vervang")
    assert r.returncode == 0, r.fout
    assert "vervangen: was 50 BSN's (ingelezen op " in r.uit and "nu 1 BSN" in r.uit
    assert "veel kleiner" in r.fout
    assert _lijsten(omgeving) == {2026: 1}
    r = importeer(groot, 2026, "--aanvullen")
    assert r.returncode == 0 and "aangevuld: was 1 BSN, nu 51 BSN's (50 nieuw)" in r.uit, r.fout
    r = importeer(groot, 2026, "--aanvullen", "--vervang")
    assert r.returncode == 2 and "niet allebei" in r.fout
    r = importeer(groot, 2025, "--vervang")                         # --vervang zonder lijst: gewoon inlezen
    assert r.returncode == 0 and "ingelezen: 50 BSN's" in r.uit


def test_store_lijst_bestaat_al(tmp_path):
    with Opslag.open(tmp_path / "d", WACHTWOORD) as o:
        lijsten.importeer(o, 2026, bsns(10))
        with pytest.raises(lijsten.LijstBestaatAl) as e:
            lijsten.importeer(o, 2026, [GEWOON, GEWOON, ANDER])
        assert (e.value.jaar, e.value.oud_aantal, e.value.nieuw_aantal) == (2026, 10, 2)
        assert e.value.veel_kleiner
        tekst = str(e.value)
        assert "Er is al een doelgroepselectielijst 2026: 10 BSN's" in tekst and "2 BSN's" in tekst
        assert lijsten.lijst(o, 2026)["aantal"] == 10 and lijsten.zoek(o, 2026, [GEWOON]) == [False]
        uit = lijsten.importeer(o, 2026, [GEWOON], vervang=True)
        assert uit["vorige"][0] == 10 and uit["aantal"] == 1
        with pytest.raises(lijsten.LijstBestaatAl) as e:
            lijsten.importeer(o, 2026, bsns(10))
        assert not e.value.veel_kleiner
        acties = [r["actie"] for r in o.auditlog()]
        assert "doelgroeplijst 2026 vervangen: 1 BSN's (was 10)" in acties


# ------------------------------------------------------------------ meer afgekeurd dan goed

@pytest.mark.traag
def test_meer_afgekeurde_dan_goede_regels(tmp_path, importeer, omgeving):
    """Het voorbeeld uit issue 20: 3 goede en 21 afgekeurde regels vervingen stil een lijst van 50.000."""
    groot = tmp_path / "groot.csv"
    groot.write_text("BSN\n" + "\n".join(bsns(50)) + "\n")
    assert importeer(groot, 2026).returncode == 0
    fout = tmp_path / "fout.csv"
    fout.write_text("BSN;naam\n" + "".join(f"{b};x\n" for b in [GEWOON, MET_NUL, ANDER])
                    + "".join(f"{x};x\n" for x in FOUT_21))
    for opties in ((), ("--vervang",), ("--aanvullen",)):
        r = importeer(fout, 2026, *opties)
        assert r.returncode == 2, r.uit
        assert "meer regels afgekeurd (21) dan goed bevonden (3)" in r.fout
        assert "regel 5: voldoet niet aan de elfproef" in r.fout
    assert _lijsten(omgeving) == {2026: 50}
    gelijk = tmp_path / "gelijk.csv"                                   # evenveel: wel (met het verslag)
    gelijk.write_text("BSN\n123456782\n111222333\n123456789\n1234\n")
    r = importeer(gelijk, 2027)
    assert r.returncode == 0 and "2 regels afgekeurd" in r.uit, r.fout


def test_geen_enkel_bsn(tmp_path, importeer):
    pad = tmp_path / "lijst.csv"
    pad.write_text("BSN;naam\n123456789;x\n")
    r = importeer(pad, 2026)
    assert r.returncode == 2 and "geen kolom met BSN's" in r.fout


# ------------------------------------------------------------------ geen celinhoud, geen BSN in meldingen

@pytest.mark.traag
def test_meldingen_noemen_regels_niet_de_inhoud(tmp_path, importeer, avdesk_cli, omgeving):
    pad = tmp_path / "lijst.csv"
    pad.write_text("BSN van Jan Jansen;Opmerking\n123456782;Piet Pietersen\n12345672;x\nKlaas Klaassen;x\n"
                   "123456789;x\n111222333;x\n")
    r = importeer(pad, 2026)
    assert r.returncode == 0, r.fout
    alles = r.uit + r.fout
    assert "regel 4" in alles and "regel 5" in alles and "kolom 1" in alles
    for inhoud in ("Jansen", "Pietersen", "Klaassen", GEWOON, "12345672", "123456789", ANDER):
        assert inhoud not in alles, inhoud
    xlsx = werkmap(tmp_path / "lijst.xlsx", blad([rij(1, "BSN Jansen"), rij(2, 123456782), rij(3, "Klaassen")]))
    r = importeer(xlsx, 2025)
    assert r.returncode == 0, r.fout
    assert "Jansen" not in r.uit + r.fout and "Klaassen" not in r.uit + r.fout    # ook de naam van het werkblad
    r = importeer(tmp_path / "lijst.csv", 2026)                         # geweigerd: ook dan geen inhoud
    assert r.returncode == 2 and "Jansen" not in r.fout and GEWOON not in r.fout
    log = avdesk_cli("audit", env=omgeving).stdout.decode()
    assert "doelgroeplijst 2026 ingelezen: 3 BSN's" in log
    for inhoud in ("Jansen", GEWOON, "12345672", ANDER):
        assert inhoud not in log


# ------------------------------------------------------------------ tekstcoderingen

@pytest.mark.parametrize("codering,bom", [("utf-16-le", b""), ("utf-16-be", b""), ("utf-16-le", b"\xff\xfe"),
                                          ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b"")])
@pytest.mark.traag
def test_coderingen(tmp_path, importeer, omgeving, codering, bom):
    pad = tmp_path / "lijst.csv"
    pad.write_bytes(bom + "BSN\tgemeente\r\n123456782\tLeiderdorp\r\n12345672\tLeiderdorp\r\n".encode(codering))
    r = importeer(pad, 2026)
    assert r.returncode == 0, r.fout
    assert "2 BSN's gevonden" in r.uit and "geen kolom" not in r.fout
    if not bom and codering.startswith("utf-16"):
        assert "UTF-16 zonder BOM" in r.uit
    assert _zoek(omgeving, 2026, [GEWOON, MET_NUL, ANDER]) == [True, True, False]


@pytest.mark.traag
def test_utf16_beschadigd_en_binair(tmp_path, importeer):
    pad = tmp_path / "lijst.csv"
    pad.write_bytes("BSN\n123456782\n".encode("utf-16-le") + b"\x00\xd8\x41")     # een halve surrogaat
    r = importeer(pad, 2026)
    assert r.returncode == 2 and "UTF-16" in r.fout and "geen kolom" not in r.fout
    pad.write_bytes(bytes(range(256)) * 20)
    r = importeer(pad, 2026)
    assert r.returncode == 2 and "geen tekstbestand" in r.fout
    pad.write_bytes(b"%PDF-1.7\n" + b"x" * 100)
    r = importeer(pad, 2026)
    assert r.returncode == 2 and "PDF" in r.fout


# ------------------------------------------------------------------ een XLSX die er geen is

def _geldig(pad):
    return werkmap(pad, blad([rij(1, "BSN"), rij(2, 123456782), rij(3, 12345672)]))


def _kapot(tmp_path, soort):
    pad = tmp_path / "lijst.xlsx"
    if soort == "kort":
        pad.write_bytes(b"PK\x03\x04kapot")
    elif soort == "afgebroken":
        data = _geldig(pad).read_bytes()
        pad.write_bytes(data[:len(data) // 2])
    elif soort == "willekeurig":
        pad.write_bytes(b"PK\x03\x04" + bytes((i * 37 + 11) % 256 for i in range(5000)))
    elif soort == "leeg":
        pad.write_bytes(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0, 0, 0, 0, 0))
    elif soort == "word":
        schrijf_zip(pad, {"[Content_Types].xml": "<Types/>", "word/document.xml": "<document/>"})
    elif soort == "ods":
        schrijf_zip(pad, {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"},
                    opgeslagen=("mimetype",))
    elif soort == "wachtwoord":
        werkmap(pad, blad([rij(1, 123456782)]), vlaggen={"xl/worksheets/sheet1.xml": 1})
    elif soort == "crc":
        data = bytearray(_geldig(pad).read_bytes())
        plek = data.find(b"xl/worksheets/sheet1.xml") + len("xl/worksheets/sheet1.xml") + 10
        data[plek] ^= 0xFF
        pad.write_bytes(bytes(data))
    elif soort == "xml":
        werkmap(pad, f'<worksheet xmlns="{HOOFD}"><sheetData><row r="1"><c><v>123456782</v></c>'.encode())
    elif soort == "geen-blad":
        werkmap(pad, blad([rij(1, 123456782)]))
        data = pad.read_bytes().replace(b"worksheets/sheet1.xml", b"worksheets/sheet9.xml", 1)
        pad.write_bytes(data)
    elif soort == "verkeerde-verwijzing":
        leden = {"[Content_Types].xml": "<Types/>", "_rels/.rels": "<Relationships/>", "xl/workbook.xml": "<x/>"}
        schrijf_zip(pad, leden)
    elif soort == "xls":
        pad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    elif soort == "onbekende-compressie":
        werkmap(pad, blad([rij(1, 123456782)]))
        data = bytearray(pad.read_bytes())
        data[8:10] = struct.pack("<H", 14)                               # LZMA in de eerste lokale kop
        plek = data.find(b"PK\x01\x02")
        data[plek + 10:plek + 12] = struct.pack("<H", 14)
        pad.write_bytes(bytes(data))
    return pad


@pytest.mark.parametrize("soort", ["kort", "afgebroken", "willekeurig", "leeg", "word", "ods", "wachtwoord", "crc",
                                   "xml", "geen-blad", "verkeerde-verwijzing", "xls", "onbekende-compressie"])
@pytest.mark.traag
def test_kapotte_xlsx_nederlands(tmp_path, importeer, soort):
    pad = _kapot(tmp_path, soort)
    r = importeer(pad, 2026)
    assert r.returncode == 2, (soort, r.uit, r.fout)
    assert "De lijst is niet ingelezen" in r.fout and "lijst.xlsx" in r.fout
    for woord in ENGELS:
        assert woord not in r.fout, (soort, woord, r.fout)
    assert r.uit == ""


@pytest.mark.traag
def test_xlsx_met_een_csv_naam_en_andersom(tmp_path, importeer):
    """Het soort bestand komt uit de inhoud, niet uit de naam."""
    pad = _geldig(tmp_path / "lijst.xlsx")
    pad.rename(tmp_path / "lijst.csv")
    r = importeer(tmp_path / "lijst.csv", 2026)
    assert r.returncode == 0 and "XLSX" in r.uit, r.fout
    (tmp_path / "tekst.xlsx").write_text("BSN\n111222333\n")
    r = importeer(tmp_path / "tekst.xlsx", 2025)
    assert r.returncode == 0 and "CSV" in r.uit, r.fout


def test_hulp_noemt_vervang_en_exitcodes(avdesk_cli):
    r = avdesk_cli("doelgroeplijst", "importeer", "--help")
    tekst = " ".join(r.stdout.decode().split())
    assert r.returncode == 0
    assert "--vervang" in tekst and "Exitcodes: 0 ingelezen" in tekst and "1.048.576 regels" in tekst
    assert "64 MB" in tekst and "zip-bom" in tekst


@pytest.mark.traag
def test_titel_en_tweede_kopregel(tmp_path, importeer):
    """Een titel boven de kopregel (zoals een export met een kopje): de kopregels tellen niet als afgekeurd, de
    jaarkolom in de tweede regel telt, en een jaar in de titel ook."""
    pad = tmp_path / "lijst.csv"
    pad.write_text("Doelgroepselectielijst Alleenverdieners 2024\nBSN;Jaar\n123456782;2024\n12345672;2024\n")
    r = importeer(pad, 2026)
    assert r.returncode == 2 and "lijst van 2024 (kolom 2" in r.fout and "titel boven de lijst (regel 1)" in r.fout
    assert "Alleenverdieners" not in r.fout
    r = importeer(pad, 2024)
    assert r.returncode == 0 and "2 kopregels zijn overgeslagen" in r.uit and "afgekeurd" not in r.uit, r.fout
    pad.write_text("Doelgroepselectielijst Alleenverdieners 2024\nBSN\n123456782\n12345672\n")
    r = importeer(pad, 2025)
    assert r.returncode == 2 and "titel boven de lijst (regel 1) noemt 2024, niet 2025" in r.fout
    pad.write_text("Lijst gemaakt op 15-01-2026\nBSN\n123456782\n12345672\n")       # een datum telt niet
    assert importeer(pad, 2025).returncode == 0


def test_bezwaren_voor_het_venster(tmp_path):
    """Het venster gebruikt dezelfde functies als de opdrachtregel: lees_lijst, bezwaren, lijsten.importeer."""
    from avdesk.core.doelgroeplijst import bezwaren, jaren_in_naam, lees_lijst
    pad = tmp_path / "Alleenverdieners 2025 (export 2026-02-01).csv"
    pad.write_text("BSN;Jaar\n123456782;2025\n")
    g = lees_lijst(pad)
    assert bezwaren(g, 2025, pad.name) == []
    assert len(bezwaren(g, 2026, pad.name)) == 2                      # jaarkolom en bestandsnaam
    assert jaren_in_naam(pad.name) == [2025]
    assert jaren_in_naam("/map/2024/lijst.csv") == []
