"""De periodevoorbeelden van de handreiking en het terugvorderingsvoorbeeld Bosveld, als hele casus.

Verschil per maand = referentie - werkelijk (REKENMODEL §4); compensatie na de toets aan het bestaansminimum."""

from datetime import date
from decimal import Decimal as D

from avdesk.core.berekening import bereken, splits_op_1_juli


def verschillen(jb):
    return [(pb.label, pb.verschil["huurtoeslag"], pb.verschil["zorgtoeslag"]) for pb in jb.perioden]


def test_periodevoorbeeld_irene_sergio_2023(scenario):
    b = bereken(scenario("irene_sergio_2023.json"))
    (jb,) = b.jaren
    assert [(pb.referentie["huurtoeslag"], pb.referentie["zorgtoeslag"]) for pb in jb.perioden] == [(383, 265), (306, 265)]
    assert [(pb.werkelijk["huurtoeslag"], pb.werkelijk["zorgtoeslag"]) for pb in jb.perioden] == [(335, 230), (258, 230)]
    assert verschillen(jb) == [("2023-01 t/m 2023-06", 48, 35), ("2023-07 t/m 2023-12", 48, 35)]
    # Zonder netto-inkomen is de compensatie het hele verschil (S3): 12 x 83.
    assert jb.tekort == D("996.00") and jb.compensatie_jaar == D("996.00")
    assert all(s.code == "S3" for pb in jb.perioden for s in pb.signalen)


def test_periodevoorbeeld_martin_hanna_2024(scenario):
    c = scenario("martin_hanna_2024.json")
    for per in c.jaren[0].perioden:
        per.netto_inkomen_per_maand = None    # het voorbeeld vergelijkt alleen de toeslagen
    (jb,) = bereken(c).jaren
    # Jan-Aug splitst op 1 juli (bijstandsnorm wijzigt): 1/3, daarna 100/71 vanaf september.
    assert verschillen(jb) == [("2024-01 t/m 2024-06", 1, 3), ("2024-07 t/m 2024-08", 1, 3),
                               ("2024-09 t/m 2024-12", 100, 71)]
    assert jb.tekort == 8 * 4 + 4 * 171


def test_martin_hanna_met_netto_inkomen_bestaansminimum_begrenst(scenario):
    (jb,) = bereken(scenario("martin_hanna_2024.json")).jaren
    jan, jul, sep = jb.perioden
    # Jan-jun: BM = 1.834,04 + 399 + 236; HI = 1.686 + 398 + 233 (zie CASUS-FORMAAT.md)
    assert (jan.bestaansminimum, jan.inkomen) == (D("2469.04"), D("2317.00"))
    assert jul.bestaansminimum == D("2504.21")
    assert jan.compensatie_totaal == 4 and not jan.begrensd
    assert [s.code for s in jan.signalen] == ["S4"] and "148,04" in jan.signalen[0].tekst
    # Sep-dec: BM 2.504,21, HI 1.975 + 299 + 165 = 2.439: het tekort tot het bestaansminimum (65,21) is lager dan 171.
    assert sep.begrensd and sep.compensatie_totaal == D("65.21")
    assert sep.compensatie["huurtoeslag"] + sep.compensatie["zorgtoeslag"] == D("65.21")
    assert sep.compensatie == {"huurtoeslag": D("38.13"), "zorgtoeslag": D("27.08")}
    # Aanvraag 15-09-2024: jan-aug eenmalig, vanaf september periodiek.
    assert jb.eenmalig == D("32.00") and jb.periodiek_per_maand == D("65.21")
    assert jb.compensatie_jaar == D("32.00") + 4 * D("65.21")
    assert jb.compensatie_huurkosten + jb.compensatie_zorgpremie == jb.compensatie_jaar


def test_periodevoorbeeld_jerry_anton_2024(scenario):
    (jb,) = bereken(scenario("jerry_anton_2024.json")).jaren
    assert verschillen(jb) == [("2024-07 t/m 2024-12", 148, 101)]
    assert jb.compensatie_jaar == 6 * 249


def test_periodevoorbeeld_oma_kostendelersnorm_2024(scenario):
    (jb,) = bereken(scenario("oma_kostendelers_2024.json")).jaren
    h1, h2 = jb.perioden
    assert h1.kostendelers == 1 and h1.bruto_bijstand_per_partner == 10507   # 12.124 x 26/30
    # Documentfout: de handreiking noemt 142/0; de zorgtoeslag bij 27.000 is 233, dus het verschil is 142/3.
    assert verschillen(jb) == [("2024-01 t/m 2024-06", 142, 3), ("2024-07 t/m 2024-12", 142, 3)]
    assert h1.norm == D("1589.50")   # 1.834,04 x 26/30


def test_terugvordering_bosveld_2022(scenario):
    b = bereken(scenario("bosveld_2022.json"))
    (jb,) = b.jaren
    assert jb.terugvordering_bedrag == D(900) and jb.terugvordering_alleenverdieners == D(900)
    assert jb.compensatie_jaar == D(900) and jb.eenmalig == D(900)
    assert (jb.compensatie_huurkosten, jb.compensatie_zorgpremie) == (D(500), D(400))
    assert b.totaal_compensatie == D(900)


def test_terugvordering_deels_met_stap11(scenario):
    c = scenario("irene_sergio_2023.json")
    from avdesk.core.casus import Terugvordering
    c.jaren[0].terugvordering = Terugvordering(voorschot={"huurtoeslag": D(4000)}, definitief={"huurtoeslag": D(3000)},
                                               deel_alleenverdieners=D(600), motivering="deels inkomen niet doorgegeven")
    (jb,) = bereken(c).jaren
    # Tekort 996 > terugvordering 600: 600 plus het meerdere (396).
    assert jb.compensatie_jaar == D(996)
    assert jb.stap11.extra == D(396) and "396,00" in jb.stap11.tekst
    c.jaren[0].terugvordering.deel_alleenverdieners = D(1000)
    assert bereken(c).jaren[0].compensatie_jaar == D(1000)


def test_periode_over_1_juli_wordt_gesplitst():
    assert splits_op_1_juli(date(2024, 3, 1), date(2024, 9, 1)) == [(date(2024, 3, 1), date(2024, 6, 1)),
                                                                     (date(2024, 7, 1), date(2024, 9, 1))]
    assert splits_op_1_juli(date(2024, 7, 1), date(2024, 9, 1)) == [(date(2024, 7, 1), date(2024, 9, 1))]


def test_beleidsprofiel_mvs_vergoedt_geen_tekort_2023(scenario):
    c = scenario("irene_sergio_2023.json")
    c.beleidsprofiel = "mvs-2025"
    (jb,) = bereken(c).jaren
    assert jb.tekort == D(996) and jb.compensatie_jaar == 0
    assert any("vergoedt geen tekort" in t for t in jb.toelichting)


def test_mvs_betaalt_alles_eenmalig(scenario):
    c = scenario("martin_hanna_2024.json")
    c.beleidsprofiel = "mvs-2025"
    (jb,) = bereken(c).jaren
    assert jb.periodiek == [] and jb.eenmalig == jb.compensatie_jaar


def test_ontvangen_wijkt_af_geeft_S1(scenario):
    c = scenario("martin_hanna_2024.json")
    c.jaren[0].perioden[0].ontvangen["huurtoeslag"] = D(380)
    jb = bereken(c).jaren[0]
    assert "S1" in [s.code for s in jb.perioden[0].signalen]
    assert jb.perioden[0].verschil["huurtoeslag"] == 19      # W is wat er echt ontvangen is


def test_S2_bezwaartermijn(scenario):
    c = scenario("bosveld_2022.json")
    c.aanvraagdatum = date(2024, 7, 1)
    (jb,) = bereken(c).jaren
    (s2,) = [s for s in jb.signalen if s.code == "S2"]
    assert "01-08-2024" in s2.tekst          # 20-06-2024 + 6 weken


def test_S7_kindgebonden_budget_2024(scenario):
    c = scenario("martin_hanna_2024.json")
    c.jaren[0].perioden[1].toetsingsinkomen_aanvrager = D(36000)
    assert "S7" in [s.code for s in bereken(c).jaren[0].signalen]


def test_S5_doelgroep(scenario):
    c = scenario("martin_hanna_2024.json")
    c.partner.geboortedatum = date(1960, 1, 1)        # minstverdienende partner voor 1963 geboren
    c.jaren[0].vermogen = D(80000)                     # boven de huurtoeslaggrens 73.904
    (s5,) = [s for s in bereken(c).jaren[0].signalen if s.code == "S5"]
    assert "voor 1963" in s5.tekst and "vermogen" in s5.tekst


def test_S8_afgeleide_parameter_2025(scenario):
    c = scenario("jerry_anton_2024.json")
    j = c.jaren[0]
    j.jaar = 2025
    for per in j.perioden:
        per.van, per.tot_en_met = date(2025, 7, 1), date(2025, 12, 1)
    jb = bereken(c).jaren[0]
    (s8,) = [s for s in jb.signalen if s.code == "S8"]
    assert "bijstand.bruto_per_partner" in s8.tekst and "afgeleid" in s8.tekst


def test_geen_S8_als_alles_bevestigd(scenario):
    jb = bereken(scenario("jerry_anton_2024.json")).jaren[0]
    assert "S8" not in [s.code for s in jb.signalen]
