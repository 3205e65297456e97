"""Issue 21, punt 8: een melding noemt het veld en wat er mis is, nooit de waarde (een BSN, naam, geboortedatum,
bedrag of e-mailadres van de inwoners); een JSON-syntaxfout is Nederlands, met regel en kolom."""

import json
import re

import pytest

from avdesk.core.casus import CasusFout, lees_casus


def casus(**aanvrager):
    return {"formaat": "avdesk-casus/1", "aanvrager": {"naam": "Martin", "geboortedatum": "1979-07-15", **aanvrager},
            "partner": {"naam": "Hanna", "geboortedatum": "1987-05-17"},
            "jaren": [{"jaar": 2024, "perioden": [{"van": "2024-01", "tot_en_met": "2024-12",
                                                   "toetsingsinkomen": {"aanvrager": 27000, "partner": 0}}]}]}


def fout(data) -> str:
    with pytest.raises(CasusFout) as e:
        lees_casus(data)
    return str(e.value)


@pytest.mark.parametrize("veld, waarde, geheim", [
    ("bsn", 123456782, "123456782"),
    ("bsn", [123456782], "123456782"),
    ("bsn", {"nummer": "123456782"}, "123456782"),
    ("naam", 31612345678, "31612345678"),
    ("iban", 9144000000000, "9144000000000"),
    ("geboortedatum", "15-07-1979", "1979"),
    ("geboortedatum", "1850-07-15", "1850"),
    ("geboortedatum", 19790715, "19790715"),
    ("email", "martin.de.vries@", "martin"),
])
def test_melding_noemt_de_waarde_niet(veld, waarde, geheim):
    m = fout(json.dumps(casus(**{veld: waarde})))
    assert f"aanvrager.{veld}" in m
    assert geheim not in m


def test_bsn_als_getal_zegt_wat_er_mis_is():
    m = fout(json.dumps(casus(bsn=123456782)))
    assert "aanvrager.bsn: moet tekst zijn (tussen aanhalingstekens), niet een getal" in m


@pytest.mark.parametrize("veld, waarde, geheim", [
    ("netto_inkomen_per_maand", "1.686,50", "1.686"),
    ("netto_inkomen_per_maand", -1686, "1686"),
    ("netto_inkomen_per_maand", 1686.555, "1686"),
    ("netto_inkomen_per_maand", 5000000000, "5000000000"),
])
def test_bedragmelding_noemt_het_bedrag_niet(veld, waarde, geheim):
    d = casus()
    d["jaren"][0]["perioden"][0][veld] = waarde
    m = fout(json.dumps(d))
    assert f"jaren[0].perioden[0].{veld}" in m and geheim not in m


@pytest.mark.parametrize("tekst", [
    '{"formaat": "avdesk-casus/1", aanvrager: {}}',
    '{"formaat": "avdesk-casus/1",\n "aanvrager" {}}',
    '{"formaat": "avdesk-casus/1",\n\n "jaren": [1, 2,]}',
    '{"formaat": "avdesk-casus/1"} extra',
    '{"formaat": "avdesk-casus/1", "x": "abc',
    '{"formaat": "avdesk-casus/1", "x": "a\\qb"}',
    '{"formaat": "avdesk-casus/1", "x": 1 "y": 2}',
    '',
])
def test_json_syntaxfout_in_het_nederlands_met_regel_en_kolom(tekst):
    m = fout(tekst.encode())
    assert re.search(r"regel \d+, kolom \d+", m), m
    for engels in ("Expecting", "delimiter", "Unterminated", "Extra data", "Invalid", "enclosed", "double quotes"):
        assert engels not in m, m
    assert m.startswith("Het bestand is geen geldige JSON")


def test_json_fout_regel_en_kolom_kloppen():
    m = fout(b'{\n  "formaat": "avdesk-casus/1",\n  aanvrager: {}\n}')
    assert "regel 3, kolom 3" in m and "veldnaam tussen dubbele aanhalingstekens" in m


def test_te_groot_getal_in_het_bsn_veld_niet_herhaald():
    m = fout(json.dumps(casus()).replace('"naam": "Martin"', '"naam": "Martin", "bsn": 1234567820000000000000000000000000'))
    assert "aanvrager.bsn" in m and "1234567820" not in m
