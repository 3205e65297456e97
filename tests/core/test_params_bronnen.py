"""Labels die zeggen wat de bron zegt (issue 24): wat alleen uit een secundaire bron komt is onzeker, een kopie op
GitHub of een website van derden heet op de PDF nooit een bevestiging, en lange waarden breken niet af."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from avdesk.core.params import bronsleutels, bronsoorten, laad_jaar, parameterset
from avdesk.core.parameternamen import bronsleutels_in, statustekst

ROOT = Path(__file__).resolve().parents[2]
SOORTEN = {"wettekst", "citaat", "officieel", "secundair"}


def test_elke_bronsleutel_heeft_een_soort():
    assert set(bronsleutels()) == set(bronsoorten())
    assert set(bronsoorten().values()) <= SOORTEN
    for k in ("B5", "B6", "B18", "B19", "B20", "B21"):          # woonbond, GitHub-kopie, bergopwaarts, ...
        assert bronsoorten()[k] == "secundair", k


def test_2022_uit_alleen_een_secundaire_bron_is_onzeker():
    p = laad_jaar(2022)
    for naam, waarde in (("huurtoeslag.vrijstelling_medebewoner", 5110), ("huurtoeslag.vermogensgrens_per_persoon", 31747),
                         ("huurtoeslag.vermogensgrens_partners", 63494), ("zorgtoeslag.inkomensgrens_zonder_partner", 31998),
                         ("zorgtoeslag.inkomensgrens_met_partner", 40944)):
        assert (p.waarde(naam), p[naam].status) == (waarde, "onzeker"), naam
        assert bronsleutels_in(p[naam].bron, bronsleutels()) == ["B6"]
    # zoals de andere zorgtoeslagwaarden 2022 uit die bron
    assert p["zorgtoeslag.standaardpremie"].status == "onzeker"


@pytest.mark.parametrize("jaar", [2025, 2026])
def test_afronding_zorgtoeslag_bevestigd_door_de_tabellen_van_de_belastingdienst(jaar):
    p = laad_jaar(jaar)["zorgtoeslag.afronding"]
    assert p.status == "bevestigd"
    tekst = statustekst(p, bronsleutels(), bronsoorten())
    assert tekst.startswith(f"bevestigd door de maandtabellen zorgtoeslag {jaar} van de Belastingdienst")
    assert "geen wettekst" in tekst


def test_wtrap_2025_noemt_ook_leiderdorp():
    bron = laad_jaar(2025)["wtrap.vaste_tegemoetkoming"].bron
    assert "STCRT_2025_44064" in bron and "LEIDERDORP_2025" in bron
    assert "seed 004" in bronsleutels()["LEIDERDORP_2025"]


@pytest.mark.parametrize("jaar", [2022, 2023, 2024, 2025, 2026, 2027])
def test_bevestigd_door_noemt_nooit_een_secundaire_bron(jaar):
    sleutels, soorten = bronsleutels(), bronsoorten()
    secundair = {f"[bron {k[1:]}]" if re.fullmatch(r"B\d+", k) else k for k, s in soorten.items() if s == "secundair"}
    for p in parameterset(jaar).values():
        tekst = statustekst(p, sleutels, soorten)
        if tekst.startswith("bevestigd door") and not p.bevestigd_door:
            assert not any(s in tekst for s in secundair), (p.naam, tekst)


def test_kopie_of_website_heet_geen_bevestiging():
    p = laad_jaar(2023)["huurtoeslag.aftoppingsgrens_1_2"]         # B5 (woonbond) en B6 (GitHub-kopie)
    tekst = statustekst(p, bronsleutels(), bronsoorten())
    assert "bevestigd door" not in tekst and "geen officiële bron" in tekst
    p = laad_jaar(2024)["huurtoeslag.vermogensgrens_per_persoon"]   # B5, B6, B11 (citaat Awir), B18 (bergopwaarts)
    tekst = statustekst(p, bronsleutels(), bronsoorten())
    assert tekst == "bevestigd door [bron 11]"


def test_lange_waarden_breken_niet_af_in_de_bijlage():
    assert shutil.which("pdftotext")
    from avdesk.core.casus import lees_casus
    from avdesk.export.documenten import maak_documenten
    c = lees_casus((ROOT / "tests/scenarios/drie_jaren.json").read_bytes())
    pdf = maak_documenten(c)["berekening"]
    tekst = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    bijlage = tekst.split("Gebruikte parameters", 1)[1].split("Bijlage: rekenspoor", 1)[0]
    factoren = re.findall(r"-?0,0000\d+", bijlage)
    assert "0,000000279402" in factoren                    # factor a MP 2023, heel, op een regel
    assert all(len(f) >= 12 for f in factoren), factoren   # geen stukje van een afgebroken getal
