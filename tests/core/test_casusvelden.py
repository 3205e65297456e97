"""De veldentabel van avdesk-casus/1 (core/casusvelden.py): de lezer kent precies de sleutels van de tabel, de
schrijver schrijft de gewone velden in de volgorde van de tabel, en elk gewoon veld komt heen en terug ongewijzigd."""

import json
from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from avdesk.core import casusvelden as cv
from avdesk.core.casus import lees_casus
from avdesk.core.casusmodel import (Aanvraaggegevens, Casus, HandmatigeToeslag, Huur, Inkomensbron, Jaar, Medebewoner,
                                    Periode, Raadsman, Terugvordering)
from avdesk.core.casusschrijver import casus_naar_dict
from avdesk.core.model import velden

ROOT = Path(__file__).resolve().parents[2]
TABELLEN = [(cv.CASUS, Casus), (cv.MEDEBEWONER, Medebewoner), (cv.PERIODE, Periode), (cv.TERUGVORDERING, Terugvordering),
            (cv.JAAR, Jaar), (cv.RAADSMAN, Raadsman), (cv.AANVRAAG, Aanvraaggegevens), (cv.HUUR, Huur),
            (cv.HANDMATIG, HandmatigeToeslag), (cv.INKOMENSBRON, Inkomensbron)]


@pytest.mark.parametrize("tabel,model", TABELLEN, ids=lambda x: getattr(x, "__name__", ""))
def test_elk_gewoon_veld_is_een_veld_van_het_model(tabel, model):
    assert {v.naam for v in cv.gewoon(tabel)} <= set(velden(model))
    assert len(cv.sleutels(tabel)) == len(tabel), "een sleutel twee keer in de tabel"


@pytest.mark.parametrize("naam", sorted(p.name for p in (ROOT / "tests/scenarios").glob("*.json")))
def test_scenario_heen_en_terug_zonder_onbekende_velden(naam):
    c = lees_casus((ROOT / "tests/scenarios" / naam).read_bytes(), concept=True)
    d = casus_naar_dict(c)
    terug = lees_casus(json.dumps(d), concept=True)
    assert terug.waarschuwingen == []
    assert casus_naar_dict(terug) == d


def test_gewone_velden_buiten_de_standaard_komen_terug(scenario):
    c = scenario("martin_hanna_2024.json")
    j = c.jaren[0]
    p = j.perioden[0]
    j.vermogen, j.datum_definitieve_beschikking = D("1234.50"), date(2025, 5, 1)
    p.netto_inkomen_per_maand, p.aangepaste_woning, p.partner_verzekerd_zvw = D(1800), True, False
    p.referentie_bruto_bijstand_per_partner, p.referentie_motivering = D(16000), "eigen <berekening> & zo"
    p.handmatig = [HandmatigeToeslag("kindgebonden_budget", D(10), D(25), "uit de beschikking")]
    p.inkomen = {"aanvrager": [Inkomensbron("overig", D(1200), "alimentatie"), Inkomensbron("ww", D(20000))],
                 "partner": []}
    j.terugvordering = Terugvordering(bedrag=D(200), motivering="deels", deel_alleenverdieners=D(150),
                                      datum_definitieve_beschikking=date(2025, 6, 2))
    c.raadsman = Raadsman("R. Raad", "SRV", "Straat 1", "0612345678", "r@example.nl")
    c.aanvraag = Aanvraaggegevens(plaats="Leiden", gemeente="Leiderdorp", toestemming_delen=True,
                                  toestemming_mijntoeslagen=True, route="beide", aanwezig_partner=False)
    c.aanvrager.bsn = "111222333"
    c.aanvrager.extra = {"woonplaats": "Leiden", "iban": "NL91ABNA0417164300", "adres": "Straat 1"}
    d = casus_naar_dict(c)
    assert d["jaren"][0]["perioden"][0]["partner_verzekerd_zvw"] is False
    assert list(d["aanvraag"]) == [v.sleutel for v in cv.AANVRAAG if v.sleutel != "bewijs_nvt"]
    _in_tabelvolgorde(d, cv.CASUS)
    terug = lees_casus(json.dumps(d), concept=True)
    assert terug.waarschuwingen == []
    assert (terug.jaren[0], terug.raadsman, terug.aanvraag) == (c.jaren[0], c.raadsman, c.aanvraag)


_GENEST = {"aanvrager": cv.PERSOON, "partner": cv.PERSOON, "jaren": cv.JAAR, "perioden": cv.PERIODE,
           "medebewoners": cv.MEDEBEWONER, "terugvordering": cv.TERUGVORDERING, "raadsman": cv.RAADSMAN,
           "aanvraag": cv.AANVRAAG, "huur": cv.HUUR, "handmatig": cv.HANDMATIG, "toetsingsinkomen": cv.TOETSINGSINKOMEN,
           "ontvangen_beschikking": cv.ONTVANGEN_BESCHIKKING}


def _in_tabelvolgorde(d: dict, tabel) -> None:
    """Elk geschreven object heeft zijn sleutels in de volgorde van zijn tabel (en geen andere)."""
    volgorde = [v.sleutel for v in tabel]
    assert set(d) <= set(volgorde), set(d) - set(volgorde)
    assert list(d) == sorted(d, key=volgorde.index)
    for k, sub in _GENEST.items():
        for x in (d.get(k) if isinstance(d.get(k), list) else [d[k]] if isinstance(d.get(k), dict) else []):
            _in_tabelvolgorde(x, sub)


@pytest.mark.parametrize("naam", sorted(p.name for p in (ROOT / "tests/scenarios").glob("*.json")))
def test_scenario_in_tabelvolgorde(naam):
    _in_tabelvolgorde(casus_naar_dict(lees_casus((ROOT / "tests/scenarios" / naam).read_bytes(), concept=True)), cv.CASUS)


def test_schrijver_weigert_een_deel_buiten_de_tabel():
    from avdesk.core.casusschrijver import _object
    with pytest.raises(ValueError, match="veldentabel"):
        _object(cv.RAADSMAN, Raadsman(), {"onbekend": 1})


def test_standaardwaarden_worden_weggelaten(scenario):
    c = scenario("martin_hanna_2024.json")
    c.jaren[0].vermogen = c.jaren[0].datum_definitieve_beschikking = None
    d = casus_naar_dict(c)["jaren"][0]
    weg = {v.sleutel for v in cv.JAAR if v.weglaten}
    assert not weg & set(d)          # geen vermogen, geen datum: niet geschreven
    per = d["perioden"][0]
    assert "partner_verzekerd_zvw" not in per and "referentie_motivering" not in per


def test_onbekende_sleutel_wordt_gemeld(scenario):
    d = json.loads((ROOT / "tests/scenarios/martin_hanna_2024.json").read_text())
    d["jaren"][0]["perioden"][0]["netto_inkomen_per_jaar"] = 1
    c = lees_casus(json.dumps(d))
    assert c.waarschuwingen == ["jaren[0].perioden[0].netto_inkomen_per_jaar: onbekend veld, genegeerd"]
