"""Bommen voor `avdesk doelgroeplijst importeer` (issue 21 punt 4): elk bestand klein op schijf, door de test zelf
gemaakt, en de opdracht als los proces onder een geheugengrens van 1,5 GB (RLIMIT_AS, zoals een kleine laptop).
Verwacht: exit 2 met een Nederlandse melding binnen seconden, of exit 0 met wat er echt staat (een werkblad dat
een miljoen rijen opgeeft maar er een heeft). Per bom staan tijd en piekgeheugen (RSS) in de uitvoer van pytest -s.

Een hulpproces zet de grens op zichzelf (zijn kind erft hem) en meet met getrusage(RUSAGE_CHILDREN) alleen dat ene
kind, zodat elke bom zijn eigen piek heeft."""

import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from xlsxbouw import BLAD_EIND, HOOFD, Herhaald, blad, blad_begin, rij, schrijf_zip, werkmap, zipbom

ROOT = Path(__file__).resolve().parents[2]
GRENS = 1536 * 1024 * 1024
MAX_SECONDEN = 20            # ruim voor een drukke machine; gemeten staat in de uitvoer
MAX_RSS_MB = 400

METER = r"""
import json, resource, subprocess, sys, time
grens = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (grens, grens))
t = time.perf_counter()
r = subprocess.run(sys.argv[2:], capture_output=True, timeout=120)
t = time.perf_counter() - t
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"rc": r.returncode, "uit": r.stdout.decode(errors="replace"), "fout": r.stderr.decode(errors="replace"),
                  "seconden": t, "rss_mb": rss / 1024}))
"""


@pytest.fixture
def importeer_begrensd(tmp_path):
    env = {**os.environ, "AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": "geheim-wachtwoord"}

    def run(pad: Path, jaar: int = 2026) -> dict:
        r = subprocess.run([sys.executable, "-c", METER, str(GRENS), sys.executable, "-m", "avdesk", "doelgroeplijst",
                            "importeer", str(pad), "--jaar", str(jaar)], capture_output=True, cwd=ROOT, env=env,
                           timeout=180)
        assert r.returncode == 0, r.stderr.decode()
        uit = json.loads(r.stdout)
        print(f"\n[bom] {pad.name}: {pad.stat().st_size / 1024:.1f} kB op schijf, exit {uit['rc']}, "
              f"{uit['seconden']:.2f} s, piek {uit['rss_mb']:.0f} MB: "
              + next((r.strip() for r in uit["fout"].splitlines() if r.startswith("  - ")), "")[:150], flush=True)
        assert uit["rc"] != 3 and "interne fout" not in uit["fout"], uit["fout"]
        assert uit["seconden"] < MAX_SECONDEN, uit
        assert uit["rss_mb"] < MAX_RSS_MB, uit
        for woord in ("Error", "Exception", "Traceback", "zipfile", "openpyxl"):
            assert woord not in uit["fout"], uit["fout"]
        return uit
    return run


def _weigering(uit: dict, *stukken: str) -> None:
    assert uit["rc"] == 2, uit
    assert "De lijst is niet ingelezen" in uit["fout"], uit["fout"]
    for stuk in stukken:
        assert stuk in uit["fout"], (stuk, uit["fout"])


# ------------------------------------------------------------------ de opgegeven afmeting

@pytest.mark.traag
def test_afmeting_a1_xfd1048576_met_rijen_1_en_1048576(tmp_path, importeer_begrensd):
    """De bom uit issue 21: 1,5 kB, A1:XFD1048576, en een rij helemaal onderaan: liep uit het geheugen."""
    pad = werkmap(tmp_path / "afmeting.xlsx", blad([rij(1, 123456782), rij(1048576, 111222333)],
                                                      dimensie="A1:XFD1048576"))
    assert pad.stat().st_size < 2000
    uit = importeer_begrensd(pad)
    assert uit["rc"] == 0 and "2 BSN's gevonden" in uit["uit"], uit


@pytest.mark.traag
def test_afmeting_van_een_miljoen_rijen_met_een_rij(tmp_path, importeer_begrensd):
    pad = werkmap(tmp_path / "een-rij.xlsx", blad([rij(1, 123456782)], dimensie="A1:XFD1048576"))
    uit = importeer_begrensd(pad)
    assert uit["rc"] == 0 and "1 BSN gevonden" in uit["uit"], uit
    assert uit["seconden"] < 10


@pytest.mark.traag
def test_afmeting_met_een_rij_zonder_bsn(tmp_path, importeer_begrensd):
    pad = werkmap(tmp_path / "geen-bsn.xlsx", blad([rij(1, "naam")], dimensie="A1:XFD1048576"))
    _weigering(importeer_begrensd(pad), "geen kolom met BSN's")


@pytest.mark.parametrize("rijnummer", [1048577, 2_000_000_000])
@pytest.mark.traag
def test_rij_voorbij_het_einde_van_excel(tmp_path, importeer_begrensd, rijnummer):
    pad = werkmap(tmp_path / f"rij-{rijnummer}.xlsx", blad([rij(1, 123456782), rij(rijnummer, 111222333)]))
    _weigering(importeer_begrensd(pad), "meer dan 1.048.576 regels")


@pytest.mark.traag
def test_cel_in_de_laatste_kolom(tmp_path, importeer_begrensd):
    """XFD is kolom 16.384: avdesk leest de eerste 100 kolommen, elke rij even snel."""
    rijen = [f'<row r="{n}"><c r="A{n}"><v>123456782</v></c><c r="XFD{n}"><v>1</v></c></row>' for n in range(1, 5001)]
    pad = werkmap(tmp_path / "breed.xlsx", blad(rijen, dimensie="A1:XFD5000"))
    uit = importeer_begrensd(pad)
    assert uit["rc"] == 0 and "1 BSN gevonden" in uit["uit"] and "4.999 BSN's stonden er meer" in uit["uit"], uit


# ------------------------------------------------------------------ zip-bommen

@pytest.mark.traag
def test_zipbom_830_mb(tmp_path, importeer_begrensd):
    """Zoals in issue 21 (830 kB die na 120 s nog liep): uitgepakt 830 MB aan rijen."""
    pad = zipbom(tmp_path / "zipbom.xlsx", 830)
    assert pad.stat().st_size < 4 * 1024 * 1024
    _weigering(importeer_begrensd(pad), "zip-bom", "zipbom.xlsx")


@pytest.mark.traag
def test_zipbom_met_hoge_verhouding(tmp_path, importeer_begrensd):
    """200 MB (onder de grens per deel) uit een paar honderd kB: de verhouding verraadt hem."""
    _weigering(importeer_begrensd(zipbom(tmp_path / "verhouding.xlsx", 200)), "keer zijn grootte", "zip-bom")


@pytest.mark.traag
def test_zipbom_die_liegt_over_zijn_grootte(tmp_path, importeer_begrensd):
    """De centrale map zegt 1 MB, de data pakt uit tot 830 MB: er wordt nooit meer dan 1 MB uitgepakt."""
    pad = zipbom(tmp_path / "gelogen.xlsx", 830)
    schrijf_zip(pad, _leden(pad), gelogen={"xl/worksheets/sheet1.xml": 1024 * 1024})
    _weigering(importeer_begrensd(pad), "beschadigd")


@pytest.mark.traag
def test_zipbom_die_liegt_met_een_gewone_verhouding(tmp_path, importeer_begrensd):
    """Opgegeven 200 MB bij 2,5 MB gecomprimeerd (verhouding 80): het tellen tijdens het uitpakken stopt hem (meer
    rijen dan een werkblad kan hebben)."""
    pad = zipbom(tmp_path / "gelogen.xlsx", 830)
    schrijf_zip(pad, _leden(pad), gelogen={"xl/worksheets/sheet1.xml": 200 * 1024 * 1024})
    _weigering(importeer_begrensd(pad), "meer dan 1.048.576 rijen")


@pytest.mark.traag
def test_gedeelde_teksten_bom(tmp_path, importeer_begrensd):
    sst_begin = f'<?xml version="1.0"?><sst xmlns="{HOOFD}">'.encode()
    sst = Herhaald(sst_begin, b"<si><t>123456782</t></si>" * 40000, 200, b"</sst>")
    pad = werkmap(tmp_path / "teksten.xlsx", blad(['<row r="1"><c r="A1" t="s"><v>0</v></c></row>']), sst=sst)
    _weigering(importeer_begrensd(pad), "zip-bom")


@pytest.mark.traag
def test_veel_gedeelde_teksten_met_een_gewone_verhouding(tmp_path, importeer_begrensd):
    """1,1 miljoen verschillende teksten (geen hoge verhouding): geteld tijdens het uitpakken."""
    teksten = b"".join(b"<si><t>%d</t></si>" % (i * 7919 % 10_000_019) for i in range(1_100_000))
    sst = f'<?xml version="1.0"?><sst xmlns="{HOOFD}">'.encode() + teksten + b"</sst>"
    pad = werkmap(tmp_path / "teksten.xlsx", blad(['<row r="1"><c r="A1" t="s"><v>0</v></c></row>']), sst=sst)
    _weigering(importeer_begrensd(pad), "meer dan 1.048.576 teksten")


@pytest.mark.traag
def test_een_rij_van_meer_dan_een_megabyte(tmp_path, importeer_begrensd):
    cellen = "".join(f'<c r="A1"><v>{i * 7919 % 1_000_003}</v></c>' for i in range(100_000))
    pad = werkmap(tmp_path / "lange-rij.xlsx", blad([rij(1, 123456782), f'<row r="2">{cellen}</row>']))
    _weigering(importeer_begrensd(pad), "een rij van meer dan 1 MB")


@pytest.mark.traag
def test_stijlen_met_te_veel_elementen(tmp_path, importeer_begrensd):
    stijlen = (f'<?xml version="1.0"?><styleSheet xmlns="{HOOFD}"><numFmts>'.encode()
               + b"".join(b'<numFmt numFmtId="%d" formatCode="0"/>' % i for i in range(200_000))
               + b"</numFmts></styleSheet>")
    pad = werkmap(tmp_path / "stijlen.xlsx", blad([rij(1, 123456782)]), extra={"xl/styles.xml": stijlen})
    _weigering(importeer_begrensd(pad), "elementen")


@pytest.mark.traag
def test_xml_bom(tmp_path, importeer_begrensd):
    """Een 'billion laughs' in het werkblad."""
    dtd = ('<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "1234567890">'
           + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)) + "]>")
    xml = (dtd + f'<worksheet xmlns="{HOOFD}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&i;</t></is></c>'
           '</row></sheetData></worksheet>').encode()
    _weigering(importeer_begrensd(werkmap(tmp_path / "xmlbom.xlsx", xml)))


@pytest.mark.traag
def test_veel_delen(tmp_path, importeer_begrensd):
    pad = tmp_path / "delen.xlsx"
    werkmap(pad, blad([rij(1, 123456782)]), extra={f"xl/media/x{i}.bin": b"" for i in range(5000)})
    _weigering(importeer_begrensd(pad), "meer dan 100 delen")


@pytest.mark.traag
def test_centrale_map_die_over_het_aantal_liegt(tmp_path, importeer_begrensd):
    pad = tmp_path / "delen.xlsx"
    werkmap(pad, blad([rij(1, 123456782)]), extra={f"xl/media/x{i}.bin": b"" for i in range(5000)})
    data = bytearray(pad.read_bytes())
    plek = data.rfind(b"PK\x05\x06")
    data[plek + 8:plek + 12] = struct.pack("<HH", 7, 7)             # zegt 7 delen; de centrale map is groter
    pad.write_bytes(bytes(data))
    _weigering(importeer_begrensd(pad), "meer dan 100 delen")


# ------------------------------------------------------------------ CSV

@pytest.mark.traag
def test_csv_groter_dan_de_grens(tmp_path, importeer_begrensd):
    pad = tmp_path / "groot.csv"
    with open(pad, "wb") as f:                                    # ijl bestand: 65 MB, bijna niets op schijf
        f.write(b"BSN\n123456782\n")
        f.truncate(65 * 1024 * 1024)
    _weigering(importeer_begrensd(pad), "groter dan 64 MB")


@pytest.mark.traag
def test_csv_een_regel_van_60_mb(tmp_path, importeer_begrensd):
    pad = tmp_path / "regel.csv"
    pad.write_bytes(b"123456782;" * (6 * 1024 * 1024))
    _weigering(importeer_begrensd(pad), "langer dan 64 kB")


def test_csv_met_te_veel_regels(tmp_path, importeer_begrensd):
    pad = tmp_path / "regels.csv"
    pad.write_bytes(b"123456782\n" * 1_100_000)
    _weigering(importeer_begrensd(pad), "meer dan 1.048.576 regels")


@pytest.mark.parametrize("patroon", [b',"', b'a,"', b'",', b'", "', b',"\n'])
@pytest.mark.traag
def test_csv_met_aanhalingstekens(tmp_path, importeer_begrensd, patroon):
    """csv.Sniffer doet over 16 kB van deze patronen 6 tot 11 s (kwadratisch); avdesk telt zelf."""
    pad = tmp_path / "aanhalingstekens.csv"
    pad.write_bytes(b"123456782\n" + patroon * (60_000 // len(patroon)) + b"\n")
    uit = importeer_begrensd(pad)
    assert uit["rc"] in (0, 2) and uit["seconden"] < 5, uit


def _leden(pad: Path) -> dict:
    """De leden van een zip die xlsxbouw schreef, opnieuw als Herhaald waar het om de bom gaat."""
    import zipfile
    leden = {}
    with zipfile.ZipFile(pad) as z:
        for i in z.infolist():
            if i.filename == "xl/worksheets/sheet1.xml":
                blok = b'<row><c><v>123456782</v></c></row>' * 30840
                leden[i.filename] = Herhaald(blad_begin(), blok, 830, BLAD_EIND)
            else:
                leden[i.filename] = z.read(i)
    return leden
