"""`avdesk bereken`: de leesbare samenvatting en avdesk-berekening/1 zoals CASUS-FORMAAT.md die beschrijft."""

import json
from decimal import Decimal as D

from avdesk.core.berekening import bereken


def test_json_volgens_formaat(avdesk_cli, scenario):
    r = avdesk_cli("bereken", "tests/scenarios/martin_hanna_2024.json", "--json")
    assert r.returncode == 0, r.stderr.decode()
    uit = json.loads(r.stdout, parse_float=D)
    assert uit["formaat"] == "avdesk-berekening/1"
    (jaar,) = uit["jaren"]
    assert {"jaar", "perioden", "tekort", "terugvordering", "compensatie_jaar", "eenmalig", "periodiek_per_maand",
            "signalen"} <= set(jaar)
    eerste = jaar["perioden"][0]
    assert eerste["referentie"] == {"huurtoeslag": 399, "zorgtoeslag": 236, "bruto_bijstand_per_partner": 12124}
    assert eerste["verschil_per_maand"] == {"huurtoeslag": 1, "zorgtoeslag": 3, "totaal": 4}
    assert eerste["bestaansminimum_per_maand"] == D("2469.04") and eerste["inkomen_per_maand"] == D("2317.00")
    assert eerste["compensatie_per_maand"]["totaal"] == D("4.00") and eerste["compensatie_periode"] == D("24.00")
    assert [p["van"] for p in jaar["perioden"]] == ["2024-01", "2024-07", "2024-09"]
    # Geld in centen: exact "24.00", niet 24.0 of 24
    assert b'"compensatie_periode": 24.00' in r.stdout
    # Het totaal is de som van de jaren; de JSON toont hetzelfde als de kern.
    b = bereken(scenario("martin_hanna_2024.json"))
    assert uit["totaal_compensatie"] == b.totaal_compensatie == D("716.00")
    # Welke regel van de toets aan het bestaansminimum gold, en het periodieke schema.
    assert [p["toets_bestaansminimum"] for p in jaar["perioden"]] == ["toegepast", "toegepast", "aanvullende_bijstand"]
    assert jaar["periodiek"] == [{"van": "2024-09", "tot_en_met": "2024-12", "per_maand": D("171.00")}]


def test_samenvatting_leesbaar_nederlands(avdesk_cli):
    r = avdesk_cli("bereken", "tests/scenarios/martin_hanna_2024.json")
    tekst = r.stdout.decode()
    assert r.returncode == 0
    for stuk in ("Toeslagjaar 2024", "Periode september 2024 t/m december 2024 (4 maanden)", "€ 171,00 per maand",
                 "Totale compensatie: € 716,00", "[S4]", "ontvangen aanvullende bijstand",
                 "periodiek € 171,00 per maand, september 2024 t/m december 2024"):
        assert stuk in tekst, stuk


def test_wtrap_in_json(avdesk_cli, tmp_path):
    casus = json.loads(open("tests/scenarios/jerry_anton_2024.json").read())
    j = casus["jaren"][0]
    j["jaar"] = 2026
    j["vermogen"] = 1000
    j["perioden"][0].update({"van": "2026-07", "tot_en_met": "2026-12", "netto_inkomen_per_maand": 1700})
    j["wtrap"] = {"fiscale_partners": True, "toeslagpartners": True, "uitkering_geen_participatiewet": True,
                  "woonachtig_in_gemeente": True}
    pad = tmp_path / "wtrap.json"
    pad.write_text(json.dumps(casus))
    r = avdesk_cli("bereken", pad, "--json")
    w = json.loads(r.stdout)["jaren"][0]["wtrap"]
    assert w["voldoet"] is True and w["tegemoetkoming"] == 1100
    assert json.loads(r.stdout)["jaren"][0]["compensatie_jaar"] == 1100


def test_versie(avdesk_cli):
    r = avdesk_cli("--version")
    assert r.returncode == 0 and r.stdout.decode().startswith("avdesk ")


def test_casus_heen_en_terug_verandert_niets(scenario):
    """casus_naar_dict en lees_casus zijn elkaars omgekeerde (opslag, export en wizard steunen daarop)."""
    import json as _json
    from avdesk.core.casus import casus_naar_dict, lees_casus
    for naam in ("martin_hanna_2024.json", "drie_jaren.json", "irene_sergio_2023.json"):
        c = scenario(naam)
        c.aanvraag.route = "beide"
        terug = lees_casus(_json.dumps(casus_naar_dict(c)))
        assert terug == c


def test_concept_casus_mag_onvolledig_maar_niet_fout_zijn():
    from avdesk.core.casus import CasusFout, casus_naar_dict, lees_casus
    leeg = {"formaat": "avdesk-casus/1", "aanvrager": {"naam": "Ali"}, "jaren": []}
    c = lees_casus(leeg, concept=True)
    assert c.aanvrager.naam == "Ali" and c.aanvrager.geboortedatum is None and c.partner.naam is None
    assert lees_casus(casus_naar_dict(c), concept=True) == c
    try:
        lees_casus(casus_naar_dict(c))
        raise AssertionError("een onvolledige casus moet streng gelezen een fout geven")
    except CasusFout as e:
        assert any("geboortedatum: ontbreekt" in f for f in e.fouten)
    fout = {**leeg, "aanvrager": {"geboortedatum": "1979-13-01"}}
    try:
        lees_casus(fout, concept=True)
        raise AssertionError("een verkeerde datum is ook in een concept een fout")
    except CasusFout as e:
        assert "aanvrager.geboortedatum: is geen geldige datum" in e.fouten[0]


def test_interne_fout_zonder_gegevens(monkeypatch, capsys):
    """Een onverwachte fout geeft exit 3 en een regel voor de beheerder, zonder de foutmelding (met een naam erin)."""
    from avdesk import cli
    from avdesk.core import berekening

    def kapot(*a, **k):
        raise KeyError("Hanna 123456782")
    monkeypatch.setattr(berekening, "bereken", kapot)
    assert cli.main(["bereken", "tests/scenarios/martin_hanna_2024.json"]) == 3
    fout = capsys.readouterr().err
    assert "interne fout" in fout and "KeyError in" in fout and "cli.py" in fout
    assert "Hanna" not in fout and "123456782" not in fout
