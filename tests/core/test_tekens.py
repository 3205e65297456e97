"""Issue 20, punt 7 (invoer): tekens voor de tekstrichting en tekens die de lettertypen van de PDF's missen, worden bij
de invoer geweigerd met het veld en het teken (U+XXXX); Hebreeuws, Arabisch, accenten en 😀 (in DejaVu) mogen."""

import json
from pathlib import Path

import pytest

from avdesk.core.casus import CasusFout, lees_casus
from avdesk.core.tekens import RICHTINGSTEKENS, dekking, tekenfout

ROOT = Path(__file__).resolve().parents[2]


def casus() -> dict:
    return json.loads((ROOT / "tests/scenarios/drie_jaren.json").read_text())


def fout(d) -> str:
    with pytest.raises(CasusFout) as e:
        lees_casus(json.dumps(d, ensure_ascii=False).encode())
    return str(e.value)


@pytest.mark.parametrize("code", sorted(RICHTINGSTEKENS))
def test_elk_richtingsteken_geweigerd_met_veld_en_teken(code):
    d = casus()
    d["partner"]["naam"] = f"Hanna{chr(code)}evil"
    m = fout(d)
    assert "partner.naam" in m and f"U+{code:04X}" in m and "tekstrichting" in m
    assert "evil" not in m                                  # de tekst zelf komt niet in de melding


def test_richtingstekens_volgens_besluit():
    assert set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C} == RICHTINGSTEKENS


@pytest.mark.parametrize("pad, tekst, teken", [
    (("aanvrager", "naam"), "Martin 🏛️", "U+1F3DB"),
    (("partner", "adres"), "👩‍👩‍👧 straat", "U+1F469"),
    (("raadsman", "organisatie"), "Raad\x07slieden", "U+0007"),
    (("aanvraag", "plaats"), "Schiedam \U0001F9FF", "U+1F9FF"),
])
def test_teken_dat_de_lettertypen_missen_geweigerd(pad, tekst, teken):
    d = casus()
    d[pad[0]][pad[1]] = tekst
    m = fout(d)
    assert ".".join(pad) in m and teken in m and "leeg vakje" in m


def test_ook_in_een_motivering_diep_in_de_casus():
    d = casus()
    d["jaren"][1]["perioden"][0]["handmatig"] = [{"toeslag": "kindgebonden_budget", "werkelijk": 1, "referentie": 2,
                                                  "motivering": "zie \u2066brief\u2069"}]
    m = fout(d)
    assert "jaren[1].perioden[0].handmatig[0].motivering" in m and "U+2066" in m


@pytest.mark.parametrize("tekst", ["שרה כהן", "فاطمة الزهراء", "Zoë Ünal-Çelik", "café 😀 ☃", "regel een\nregel twee\t."])
def test_wat_de_lettertypen_hebben_mag(tekst):
    assert tekenfout(tekst) is None
    d = casus()
    d["partner"]["naam"] = tekst.replace("\n", " ").replace("\t", " ")
    assert lees_casus(json.dumps(d)).partner.naam == d["partner"]["naam"]


def test_dekking_is_die_van_de_meegeleverde_lettertypen():
    """Gelijk aan wat reportlab zelf uit dezelfde bestanden leest (gewoon en vet, glyph 0 is het lege vakje)."""
    from reportlab.pdfbase.ttfonts import TTFontFile
    sets = [frozenset(c for c, g in TTFontFile(str(ROOT / "resources/fonts" / f)).charToGlyph.items() if g)
            for f in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")]
    assert dekking() == sets[0] & sets[1]
    assert 0x1F3DB not in dekking() and 0x05D0 in dekking() and 0x0627 in dekking()


def test_concept_opent_altijd(tmp_path):
    """Een half ingevulde casus uit de opslag opent ook met zo'n teken (de wizard weigert het bij het afronden)."""
    d = casus()
    d["partner"]["naam"] = "Hanna 🏛️"
    assert lees_casus(d, concept=True).partner.naam == "Hanna 🏛️"
    with pytest.raises(CasusFout):
        lees_casus(d)


def test_cli_bereken_weigert_met_exit_2(tmp_path, avdesk_cli):
    d = casus()
    d["aanvrager"]["naam"] = "Martin\u202e"
    pad = tmp_path / "casus.json"
    pad.write_text(json.dumps(d), encoding="utf-8")
    r = avdesk_cli("bereken", pad)
    assert r.returncode == 2
    assert "aanvrager.naam" in r.stderr.decode() and "U+202E" in r.stderr.decode()
