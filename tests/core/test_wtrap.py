"""Wtrap 2025-2027 (Participatiewet art. 78gg): de zelfmeldertoets per jaar, per voorwaarde een geval dat voldoet
en een dat niet voldoet, en een huishouden waarvan het tekort groter is dan de vaste tegemoetkoming (S6)."""

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from avdesk.core.berekening import bereken
from avdesk.core.casus import lees_casus

ROOT = Path(__file__).resolve().parents[2]


def basis(jaar: int):
    c = lees_casus((ROOT / "tests/scenarios/wtrap_2026.json").read_bytes())
    j = c.jaren[0]
    if jaar != 2026:
        j.jaar = jaar
        for p in j.perioden:
            p.van, p.tot_en_met = date(jaar, 1, 1), date(jaar, 12, 1)
    return c


@pytest.mark.parametrize("jaar,bedrag", [(2025, D(1000)), (2026, D(1100))])
def test_voldoet(jaar, bedrag):
    (jb,) = bereken(basis(jaar)).jaren
    assert jb.wtrap.voldoet and jb.wtrap.tegemoetkoming == bedrag and jb.compensatie_jaar == bedrag
    assert all(r.startswith("Voldoet:") for r in jb.wtrap.redenen) and len(jb.wtrap.redenen) == 9
    assert jb.wtrap.voldoet is True and jb.wtrap.open_vragen == []
    assert jb.eenmalig == bedrag and ("S6" in [s.code for s in jb.signalen]) == (jb.tekort > bedrag)


def zet(c, wat):
    j = c.jaren[0]
    if wat == "niet fiscaal partners":
        j.wtrap["fiscale_partners"] = False
    elif wat == "niet bevestigd: fiscaal partners":
        j.wtrap["fiscale_partners"] = None
    elif wat == "geen toeslagpartners":
        c.toeslagpartners = False
    elif wat == "uitkering uit de Participatiewet":
        j.wtrap["uitkering_geen_participatiewet"] = False
    elif wat == "woont niet in de gemeente":
        j.wtrap["woonachtig_in_gemeente"] = False
    elif wat == "minstverdienende partner voor 1963 geboren":
        c.partner.geboortedatum = date(1961, 6, 1)
    elif wat == "AOW-leeftijd":
        c.aanvrager.geboortedatum = date(1957, 3, 1)
    elif wat == "vermogen boven de zorgtoeslaggrens":
        j.vermogen = D(200000)
    elif wat == "vermogen onbekend":
        j.vermogen = None
    elif wat == "netto-inkomen onbekend":
        j.perioden[0].netto_inkomen_per_maand = None
    elif wat == "totaalinkomen niet lager":
        j.perioden[0].netto_inkomen_per_maand = D(2500)
    elif wat == "geen lagere toeslagen":
        # Hetzelfde gezamenlijke inkomen als het bijstandshuishouden: dezelfde toeslagen.
        from avdesk.core.params import laad_jaar
        j.perioden[0].toetsingsinkomen_aanvrager = 2 * laad_jaar(j.jaar)["bijstand.bruto_per_partner"].waarde
    return c


# Een voorwaarde waarvan de gegevens laten zien dat ze niet vervuld is: voldoet False, met de reden.
REDENEN = {
    "niet fiscaal partners": "niet fiscaal partners",
    "geen toeslagpartners": "niet toeslagpartners",
    "uitkering uit de Participatiewet": "niet inkomen uit een uitkering",
    "woont niet in de gemeente": "niet woonachtig in de gemeente",
    "AOW-leeftijd": "heeft de AOW-leeftijd",
    "vermogen boven de zorgtoeslaggrens": "boven de grens van de zorgtoeslag",
    "totaalinkomen niet lager": "niet lager dan bij alleen bijstand",
    "geen lagere toeslagen": "geen lagere toeslagen dan bij alleen bijstand",
}
# Nog niet te beantwoorden: voldoet None ("nog niet vast te stellen") met de open vraag, nooit False.
OPEN = {
    "niet bevestigd: fiscaal partners": "fiscaal partners? (vraag nog niet beantwoord)",
    "minstverdienende partner voor 1963 geboren": "algemene heffingskorting",
    "vermogen onbekend": "vul het vermogen op 1 januari in",
    "netto-inkomen onbekend": "inkomenstoets kan nog niet worden gedaan",
}


@pytest.mark.parametrize("jaar", [2025, 2026])
@pytest.mark.parametrize("wat", list(REDENEN))
def test_voldoet_niet(jaar, wat):
    c = zet(basis(jaar), wat)
    (jb,) = bereken(c).jaren
    assert jb.wtrap.voldoet is False and jb.compensatie_jaar == 0
    fout = [r for r in jb.wtrap.redenen if r.startswith("Voldoet niet")]
    # Vermogen boven de grens maakt ook de toeslagen nul, dus dan zijn ze ook niet lager: twee redenen.
    assert len(fout) == (2 if "vermogen" in wat else 1) and REDENEN[wat] in fout[0], jb.wtrap.redenen
    (s5,) = [s for s in jb.signalen if s.code == "S5"]
    assert s5.blokkerend and REDENEN[wat] in s5.tekst
    # De tegemoetkoming en het mogelijke aanvullende bedrag staan er altijd bij.
    assert jb.wtrap.tegemoetkoming == {2025: 1000, 2026: 1100}[jaar] and jb.wtrap.aanvullend_mogelijk is not None


@pytest.mark.parametrize("jaar", [2025, 2026])
@pytest.mark.parametrize("wat", list(OPEN))
def test_nog_niet_vast_te_stellen(jaar, wat):
    c = zet(basis(jaar), wat)
    (jb,) = bereken(c).jaren
    assert jb.wtrap.voldoet is None and jb.compensatie_jaar == 0
    assert not [r for r in jb.wtrap.redenen if r.startswith("Voldoet niet")], jb.wtrap.redenen
    assert len(jb.wtrap.open_vragen) == 1 and OPEN[wat] in jb.wtrap.open_vragen[0]
    (s5,) = [s for s in jb.signalen if s.code == "S5"]
    assert not s5.blokkerend and OPEN[wat] in s5.tekst


def test_geboren_voor_1963_beantwoord():
    c = zet(basis(2025), "minstverdienende partner voor 1963 geboren")
    c.jaren[0].wtrap["geen_heffingskorting"] = True
    assert bereken(c).jaren[0].wtrap.voldoet is True
    c.jaren[0].wtrap["geen_heffingskorting"] = False
    assert bereken(c).jaren[0].wtrap.voldoet is False


def test_hardheidsclausule_zet_een_voorwaarde_opzij():
    c = zet(basis(2026), "woont niet in de gemeente")
    c.jaren[0].wtrap_afwijken["woonachtig_in_gemeente"] = "verhuisd in januari, aanvraag al lopend"
    (jb,) = bereken(c).jaren
    assert jb.wtrap.voldoet is True and jb.compensatie_jaar == D(1100)
    assert any(r.startswith("Afgeweken (hardheidsclausule)") and "verhuisd in januari" in r for r in jb.wtrap.redenen)


def test_uitkering_volgt_uit_het_inkomen():
    from avdesk.core.casus import Inkomensbron
    c = basis(2026)
    c.jaren[0].wtrap["uitkering_geen_participatiewet"] = None
    per = c.jaren[0].perioden[0]
    per.inkomen = {"aanvrager": [Inkomensbron("wia", D(33000))], "partner": []}
    assert bereken(c).jaren[0].wtrap.voldoet is True
    per.inkomen = {"aanvrager": [Inkomensbron("loon", D(33000))], "partner": []}
    (jb,) = bereken(c).jaren
    assert jb.wtrap.voldoet is False and any("niet inkomen uit een uitkering" in r for r in jb.wtrap.redenen)


def test_aanvullende_bijstand_telt_als_NR_in_de_inkomenstoets():
    from avdesk.core.casus import Inkomensbron
    c = zet(basis(2026), "totaalinkomen niet lager")          # netto 2.500: boven het bijstandshuishouden
    per = c.jaren[0].perioden[0]
    per.inkomen = {"aanvrager": [Inkomensbron("ww", D(30000)), Inkomensbron("aanvullende_bijstand", D(3000))],
                   "partner": [Inkomensbron("aanvullende_bijstand", D(3000))]}
    (jb,) = bereken(c).jaren
    assert jb.wtrap.voldoet is True, jb.wtrap.redenen


def test_tekort_groter_dan_tegemoetkoming_geeft_S6():
    c = basis(2026)
    p = c.jaren[0].perioden[0]
    p.toetsingsinkomen_aanvrager, p.netto_inkomen_per_maand = D(36000), D(1800)
    (jb,) = bereken(c).jaren
    pb = jb.perioden[0]
    # 2026: boven het ijkpunt 31.500 (MP) bouwt de huurtoeslag lineair af met 22%; de referentie (2 x 13.848)
    # blijft eronder. Zorgtoeslag: 13,73% van het inkomen boven de referentie.
    assert pb.verschil["huurtoeslag"] == pb.referentie["huurtoeslag"] - pb.werkelijk["huurtoeslag"] > 0
    assert jb.wtrap.voldoet and jb.tekort > D(1100)
    assert jb.wtrap.aanvullend_mogelijk == jb.tekort - D(1100)
    (s6,) = [s for s in jb.signalen if s.code == "S6"]
    assert "aanvullende individuele bijzondere bijstand" in s6.tekst
    assert jb.compensatie_jaar == D(1100)          # de tegemoetkoming; het meerdere via aanvullende bijstand


def test_jaar_zonder_vastgestelde_tegemoetkoming_vraagt_het_bedrag(monkeypatch):
    """Zoals 2027: zolang een parameterbestand het bedrag niet heeft, vult de raadsman het in."""
    from avdesk.core import berekening
    from avdesk.core.params import Jaarparameters, laad_jaar
    echt = laad_jaar(2026)
    zonder = Jaarparameters(2026, {k: v for k, v in echt.items() if k != "wtrap.vaste_tegemoetkoming"}, echt.bestand)
    monkeypatch.setattr(berekening, "laad_jaar", lambda jaar: zonder)
    c = basis(2026)
    (jb,) = bereken(c).jaren
    assert jb.wtrap.voldoet is None and any("nog niet bekend" in r for r in jb.wtrap.open_vragen)
    assert jb.wtrap.aanvullend_mogelijk is None
    c.jaren[0].wtrap["tegemoetkoming"] = D(1150)
    (jb,) = bereken(c).jaren
    assert jb.wtrap.voldoet and jb.compensatie_jaar == D(1150)


def test_cli_json_bevat_wtrap(avdesk_cli):
    import json
    r = avdesk_cli("bereken", "tests/scenarios/wtrap_2026.json", "--json")
    w = json.loads(r.stdout)["jaren"][0]["wtrap"]
    assert w["voldoet"] is True and w["tegemoetkoming"] == 1100 and len(w["redenen"]) == 9
    assert w["open_vragen"] == [] and w["aanvullend_mogelijk"] == 0
