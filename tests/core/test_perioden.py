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


def zonder_bronnen(c):
    for per in c.jaren[0].perioden:
        per.inkomen = {}
    return c


def test_martin_hanna_2024_aanvullende_bijstand_vanaf_september_716(scenario):
    """Het voorbeeld van de handreiking: vanaf september aanvullende bijstand, dus op bijstandsniveau: geen grens."""
    (jb,) = bereken(scenario("martin_hanna_2024.json")).jaren
    jan, jul, sep = jb.perioden
    # Jan-jun: BM = 1.834,04 + 399 + 236; HI = 1.686 + 398 + 233: de toets loopt, het verschil (4) blijft.
    assert (jan.bestaansminimum, jan.inkomen) == (D("2469.04"), D("2317.00"))
    assert jan.toets == "toegepast" and jan.compensatie_totaal == 4 and not jan.begrensd
    assert [s.code for s in jan.signalen] == ["S4"] and "148,04" in jan.signalen[0].tekst
    # Sep-dec: netto 1.975 (boven de kale norm), maar met aanvullende bijstand: het volle verschil 100 + 71.
    assert sep.toets == "aanvullende_bijstand" and "Martin en Hanna ontvangen aanvullende bijstand" in sep.toets_zin
    assert sep.compensatie == {"huurtoeslag": D(100), "zorgtoeslag": D(71)} and not sep.begrensd
    assert (sep.bestaansminimum, sep.inkomen) == (D("2504.21"), D("2439.00"))     # wel getoond
    assert not sep.signalen                                # geen S4: de aanvullende bijstand is er al
    assert jb.tekort == D("716.00") == jb.compensatie_jaar == 8 * 4 + 4 * 171
    # Aanvraag 15-09-2024: jan-aug eenmalig, vanaf september periodiek 171.
    assert jb.eenmalig == D("32.00")
    # De betaling als datums (issue 23): de documenten rekenen niet terug uit "2024-09".
    (p,) = jb.periodiek
    assert (p.van, p.tot_en_met, p.per_maand, p.maanden, p.totaal) == (date(2024, 9, 1), date(2024, 12, 1), D(171), 4,
                                                                       D(684))
    assert p.betaalmaanden() == [date(2024, m, 1) for m in (9, 10, 11, 12)]
    assert (jb.compensatie_huurkosten, jb.compensatie_zorgpremie) == (D(408), D(308))


def test_martin_hanna_2024_met_NR_1977_716(scenario):
    c = zonder_bronnen(scenario("martin_hanna_2024.json"))
    for per in c.jaren[0].perioden:
        per.referentie_netto_inkomen_per_maand = D(1977)
        per.referentie_netto_inkomen_bron = "handreiking 2024, rekenvoorbeeld Martin en Hanna (ca.)"
    (jb,) = bereken(c).jaren
    assert jb.compensatie_jaar == D("716.00")
    sep = jb.perioden[-1]
    assert sep.toets == "toegepast" and sep.bestaansminimum == 1977 + 399 + 236 and sep.netto_referentie == 1977
    assert any("bron: handreiking 2024" in st.omschrijving for st in sep.spoor)
    # Met bronnen erbij blijft het 716 (de bron beslist dan, de NR doet niet meer mee).
    c2 = scenario("martin_hanna_2024.json")
    for per in c2.jaren[0].perioden:
        per.referentie_netto_inkomen_per_maand, per.referentie_netto_inkomen_bron = D(1977), "handreiking (ca.)"
    assert bereken(c2).totaal_compensatie == D("716.00")


def test_martin_hanna_2024_mvs_716(scenario):
    c = zonder_bronnen(scenario("martin_hanna_2024.json"))
    c.beleidsprofiel = "mvs-2025"
    (jb,) = bereken(c).jaren
    assert jb.compensatie_jaar == D("716.00")
    assert {pb.toets for pb in jb.perioden} == {"profiel_zonder_toets"}
    assert "MVS 2025" in jb.perioden[-1].toets_zin


def test_martin_hanna_2024_zonder_bronnen_en_NR_292_84(scenario):
    """Zonder de inkomensbronnen weet avdesk niet dat er aanvullende bijstand is: de grens wordt toegepast."""
    (jb,) = bereken(zonder_bronnen(scenario("martin_hanna_2024.json"))).jaren
    sep = jb.perioden[-1]
    # Sep-dec: BM 2.504,21, HI 1.975 + 299 + 165 = 2.439: het tekort tot het bestaansminimum (65,21) is lager dan 171.
    assert sep.toets == "toegepast" and sep.begrensd and sep.compensatie_totaal == D("65.21")
    assert "€ 65,21 onder het bestaansminimum" in sep.toets_zin and "€ 65,21 per maand" in sep.toets_zin
    assert sep.compensatie == {"huurtoeslag": D("38.13"), "zorgtoeslag": D("27.08")}
    assert jb.compensatie_jaar == D("292.84") == D("32.00") + 4 * D("65.21")
    assert jb.compensatie_huurkosten + jb.compensatie_zorgpremie == jb.compensatie_jaar


def test_boven_bestaansminimum_geen_compensatie(scenario):
    c = zonder_bronnen(scenario("martin_hanna_2024.json"))
    c.jaren[0].perioden[1].netto_inkomen_per_maand = D(2100)
    sep = bereken(c).jaren[0].perioden[-1]
    assert sep.toets == "boven_bestaansminimum" and sep.compensatie_totaal == 0
    assert "geen compensatie" in sep.toets_zin


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


def test_stap11_jaarregel_wijkt_af_van_de_maandregel(scenario):
    """Stap 11 letterlijk (REKENMODEL §6): in een jaar met terugvordering en tekort telt het jaar als geheel."""
    from avdesk.core.casus import Terugvordering
    c = scenario("irene_sergio_2023.json")
    eerste, tweede = c.jaren[0].perioden
    eerste.netto_inkomen_per_maand, tweede.netto_inkomen_per_maand = D(2050), D(1500)
    c.jaren[0].terugvordering = Terugvordering(voorschot={"huurtoeslag": D(3000)}, definitief={"huurtoeslag": D(2800)})
    (jb,) = bereken(c).jaren
    h1, h2 = jb.perioden
    # Jan-jun boven het minimum: BM 2.356,08, HI 2.050 + 335 + 230 = 2.615 (-258,92); per maand niets.
    # Jul-dec eronder: BM 2.309,02, HI 1.500 + 258 + 230 = 1.988 (321,02); per maand het verschil 83.
    assert (h1.toets, h1.compensatie_totaal, h2.toets, h2.compensatie_totaal) == \
        ("boven_bestaansminimum", 0, "toegepast", 83)
    assert jb.tekort == 6 * 83                             # de maandregel: 498, dus 200 + 298 = 498
    s = jb.stap11
    assert s.tekort_toeslagen == 12 * 83                   # (1) 996
    assert s.tekort_bestaansminimum == 6 * D("-258.92") + 6 * D("321.02") == D("372.60")   # (2)
    assert s.laagste == D("372.60") and s.terugvordering == 200 and s.extra == D("172.60")
    assert jb.compensatie_jaar == D("372.60")              # 200 + (372,60 - 200), niet 498
    assert "(1)" in s.tekst and "(2)" in s.tekst and "€ 372,60" in s.tekst and "€ 172,60" in s.tekst
    assert jb.compensatie_huurkosten + jb.compensatie_zorgpremie == jb.compensatie_jaar
    # Zonder netto-inkomen in een periode bestaat (2) niet: (1) telt.
    tweede.netto_inkomen_per_maand = None
    s = bereken(c).jaren[0].stap11
    assert s.tekort_bestaansminimum is None and s.laagste == 996 and "(2) kan niet worden berekend" in s.tekst


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
    # REKENMODEL §9: "less than 6 weeks ago", gerekend vanaf de dag van de berekening (de peildatum).
    (jb,) = bereken(c, date(2024, 7, 1)).jaren
    (s2,) = [s for s in jb.signalen if s.code == "S2"]
    assert "01-08-2024" in s2.tekst          # 20-06-2024 + 6 weken


def test_S7_kindgebonden_budget_2024(scenario):
    c = scenario("martin_hanna_2024.json")
    c.jaren[0].perioden[1].toetsingsinkomen_aanvrager = D(36000)
    assert "S7" in [s.code for s in bereken(c).jaren[0].signalen]


def test_S5_doelgroep(scenario):
    c = scenario("martin_hanna_2024.json")
    c.partner.geboortedatum = date(1960, 1, 1)        # minstverdienende partner voor 1963 geboren: open vraag
    (s5,) = [s for s in bereken(c).jaren[0].signalen if s.code == "S5"]
    assert not s5.blokkerend and "1960 (voor 1963)" in s5.tekst and "heffingskorting" in s5.tekst
    c.jaren[0].vermogen = D(80000)                     # boven de huurtoeslaggrens 73.904: blokkeert
    blok, open_ = [s for s in bereken(c).jaren[0].signalen if s.code == "S5"]
    assert blok.blokkerend and "vermogen" in blok.tekst and "Nog niet toekennen" in blok.tekst
    assert not open_.blokkerend and "heffingskorting" in open_.tekst


def test_S5_aow_leeftijd_midden_in_een_periode(scenario):
    c = scenario("martin_hanna_2024.json")
    c.aanvrager.geboortedatum = date(1957, 3, 10)      # AOW-leeftijd 67 in 2024: bereikt in maart
    (s5,) = [s for s in bereken(c).jaren[0].signalen if s.code == "S5" and s.blokkerend]
    assert "Martin heeft de AOW-leeftijd vanaf april 2024" in s5.tekst
    # Ook in een jaar zonder perioden (alleen terugvordering): AOW in april 2022.
    b = scenario("bosveld_2022.json")
    b.aanvrager.geboortedatum = date(1955, 3, 15)      # AOW-leeftijd 66 jaar en 7 maanden in 2022
    (s5,) = [s for s in bereken(b).jaren[0].signalen if s.code == "S5" and s.blokkerend]
    assert "AOW-leeftijd" in s5.tekst


def test_S5_geen_uitkering_volgens_het_inkomen(scenario):
    from avdesk.core.casus import Inkomensbron
    c = scenario("martin_hanna_2024.json")
    for per in c.jaren[0].perioden:
        per.inkomen = {"aanvrager": [Inkomensbron("loon", per.toetsingsinkomen_aanvrager)], "partner": []}
    (s5,) = [s for s in bereken(c).jaren[0].signalen if s.code == "S5"]
    assert s5.blokkerend and "UWV, SVB of een private verzekeraar" in s5.tekst
    # Zonder inkomen per bron is het onbekend: geen afwijzing.
    for per in c.jaren[0].perioden:
        per.inkomen = {}
    assert not [s for s in bereken(c).jaren[0].signalen if s.code == "S5"]


def test_S8_afgeleide_parameter_2025(scenario):
    c = scenario("jerry_anton_2024.json")
    j = c.jaren[0]
    j.jaar = 2025
    for per in j.perioden:
        per.van, per.tot_en_met = date(2025, 7, 1), date(2025, 12, 1)
    jb = bereken(c).jaren[0]
    (s8,) = [s for s in jb.signalen if s.code == "S8"]
    assert "Bijstand: bruto per partner 2025 = €\u00a013.188,00 (afgeleid)" in s8.tekst and "afgeleid" in s8.tekst   # in woorden


def test_geen_S8_als_alles_bevestigd(scenario):
    jb = bereken(scenario("jerry_anton_2024.json")).jaren[0]
    assert "S8" not in [s.code for s in jb.signalen]


def test_geen_stap11_als_de_terugvordering_niet_vergoed_wordt(scenario):
    """Deel "geen" (een andere oorzaak, stap 9): dan is er niets te vergoeden en telt het tekort per maand."""
    from avdesk.core.casus import Terugvordering
    c = scenario("irene_sergio_2023.json")
    eerste, tweede = c.jaren[0].perioden
    eerste.netto_inkomen_per_maand, tweede.netto_inkomen_per_maand = D(2050), D(1500)
    c.jaren[0].terugvordering = Terugvordering(voorschot={"huurtoeslag": D(3000)}, definitief={"huurtoeslag": D(2800)},
                                               deel_alleenverdieners="geen")
    (jb,) = bereken(c).jaren
    assert jb.stap11 is None and jb.compensatie_jaar == jb.tekort == 6 * 83
