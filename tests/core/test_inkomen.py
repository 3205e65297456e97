"""Inkomen per bron, NR en een onverzekerde partner in de casus (CASUS-FORMAAT, "Additions (from the second round)"):
lezen met controle per veld, terugschrijven zonder verlies, en doorwerken in de berekening."""

import copy
import json
from decimal import Decimal as D
from pathlib import Path

import pytest

from avdesk.core.berekening import bereken
from avdesk.core.casus import CasusFout, casus_naar_dict, lees_casus

ROOT = Path(__file__).resolve().parents[2]
MH = json.loads((ROOT / "tests/scenarios/martin_hanna_2024.json").read_text())


def met(**velden):
    d = copy.deepcopy(MH)
    d["jaren"][0]["perioden"][1].update(velden)
    return d


def test_bronnen_heen_en_terug():
    d = met(referentie_netto_inkomen_per_maand=1977, referentie_netto_inkomen_bron="handreiking (ca.)",
            partner_verzekerd_zvw=False)
    d["jaren"][0]["perioden"][1]["inkomen"]["partner"].append(
        {"soort": "overig", "bruto_per_jaar": 120.5, "omschrijving": "alimentatie <ex> & co"})
    c = lees_casus(json.dumps(d))
    terug = lees_casus(json.dumps(casus_naar_dict(c)))
    assert terug == c
    per = terug.jaren[0].perioden[1]
    assert [b.label for b in per.inkomen["aanvrager"]] == ["WW", "aanvullende bijstand"]
    assert per.inkomen["partner"][1].label == "overig (alimentatie <ex> & co)"
    assert (per.referentie_netto_inkomen_per_maand, per.partner_verzekerd_zvw) == (D(1977), False)


def test_toetsingsinkomen_volgt_uit_de_bronnen():
    d = met()
    del d["jaren"][0]["perioden"][1]["toetsingsinkomen"]
    per = lees_casus(json.dumps(d)).jaren[0].perioden[1]
    assert (per.toetsingsinkomen_aanvrager, per.toetsingsinkomen_partner) == (D(30020), D(3020))


@pytest.mark.parametrize("wijziging,melding", [
    ({"inkomen": {"aanvrager": [{"soort": "loterij", "bruto_per_jaar": 5}]}},
     "jaren[0].perioden[1].inkomen.aanvrager[0].soort: onbekende inkomensbron 'loterij'"),
    ({"inkomen": {"partner": [{"soort": "ww"}]}}, "inkomen.partner[0].bruto_per_jaar: ontbreekt"),
    ({"inkomen": {"partner": [{"soort": "overig", "bruto_per_jaar": 10}]}}, "inkomen.partner[0].omschrijving: is verplicht"),
    ({"inkomen": {"partner": [{"soort": "ww", "bruto_per_jaar": -10}]}}, "bruto_per_jaar: mag niet negatief"),
    ({"inkomen": {"partner": {"soort": "ww"}}}, "inkomen.partner: moet een lijst"),
    ({"referentie_netto_inkomen_per_maand": 1977}, "referentie_netto_inkomen_bron: is verplicht"),
    ({"partner_verzekerd_zvw": "nee"}, "partner_verzekerd_zvw: moet true of false zijn"),
])
def test_foute_bronnen_noemen_het_veld(wijziging, melding):
    with pytest.raises(CasusFout) as e:
        lees_casus(json.dumps(met(**wijziging)))
    assert any(melding in f for f in e.value.fouten), e.value.fouten


def test_wtrap_afwijken_zonder_motivering():
    d = json.loads((ROOT / "tests/scenarios/wtrap_2026.json").read_text())
    d["jaren"][0]["wtrap"]["afwijken"] = {"woonachtig_in_gemeente": "  "}
    with pytest.raises(CasusFout) as e:
        lees_casus(json.dumps(d))
    assert "jaren[0].wtrap.afwijken.woonachtig_in_gemeente: is leeg" in e.value.fouten[0]
    d["jaren"][0]["wtrap"]["afwijken"] = {"gekleurde_sokken": "ja"}
    assert "onbekend veld" in lees_casus(json.dumps(d)).waarschuwingen[0]


def test_onverzekerde_partner_halveert_de_zorgtoeslag_in_beide_situaties():
    c = lees_casus(json.dumps(met(partner_verzekerd_zvw=False)))
    sep = bereken(c).jaren[0].perioden[-1]
    gewoon = bereken(lees_casus(json.dumps(MH))).jaren[0].perioden[-1]
    # Referentie 236 -> 2 x 12.124 = 24.248: jaarbedrag 2.836,..., gehalveerd per maand 118.
    assert sep.referentie["zorgtoeslag"] == 118 and gewoon.referentie["zorgtoeslag"] == 236
    assert sep.berekend["zorgtoeslag"] < gewoon.berekend["zorgtoeslag"]
    assert any("Wzt art. 2 lid 4" in st.grondslag for st in sep.uitkomsten["referentie.zorgtoeslag"].spoor)


def test_herkomst_van_de_bedragen_uit_mijntoeslagen():
    c = lees_casus(json.dumps(MH))
    per = c.jaren[0].perioden[1]
    assert (per.ontvangen_soort, per.ontvangen_datum.isoformat()) == ("voorschot", "2024-09-20")
    assert lees_casus(json.dumps(casus_naar_dict(c))) == c
    with pytest.raises(CasusFout) as e:
        lees_casus(json.dumps(met(ontvangen_beschikking={"soort": "schatting"})))
    assert "ontvangen_beschikking.soort: moet \"voorschot\" of \"definitief\" zijn" in e.value.fouten[0]
