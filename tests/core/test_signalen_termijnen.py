"""De besluiten van REKENMODEL §4, §8 en §9 (vierde ronde): S9, S10, de uiterste aanvraagdatum (S11, blokkerend
tenzij de hardheidsclausule), een blokkerend signaal verandert geen bedrag, de toets aan het bestaansminimum in een
Wtrap-jaar onder elk profiel, en het getoonde huishoudinkomen is altijd het werkelijke."""

from datetime import date
from decimal import Decimal as D

import pytest

from avdesk.core.berekening import bereken
from avdesk.core.casus import CasusFout, casus_naar_dict, lees_casus

PEIL_2024 = date(2024, 10, 1)


def zonder_bronnen(c):
    for j in c.jaren:
        for per in j.perioden:
            per.inkomen = {}
    return c


def codes(signalen):
    return [s.code for s in signalen]


def alle(b):
    return [s for jb in b.jaren for s in jb.signalen + [x for pb in jb.perioden for x in pb.signalen]]


# ---------------------------------------------------------------- S9

def test_s9_zonder_inkomen_per_bron_en_begrensd_292_84(scenario):
    (jb,) = bereken(zonder_bronnen(scenario("martin_hanna_2024.json")), PEIL_2024).jaren
    assert jb.compensatie_jaar == D("292.84")
    sep = jb.perioden[-1]
    (s9,) = [s for s in sep.signalen if s.code == "S9"]
    assert not s9.blokkerend
    assert "aanvullende bijstand, IOAW of IOAZ" in s9.tekst and "€ 171,00" in s9.tekst and "€ 65,21" in s9.tekst
    # Alleen waar de toets de compensatie verlaagde: januari-augustus niet.
    assert all("S9" not in codes(pb.signalen) for pb in jb.perioden[:-1])


def test_s9_niet_met_inkomen_per_bron_716(scenario):
    b = bereken(scenario("martin_hanna_2024.json"), PEIL_2024)
    assert b.totaal_compensatie == D("716.00")
    assert "S9" not in codes(alle(b))


def test_s9_niet_met_bronnen_zonder_bijstand_ook_als_begrensd(scenario):
    """Met inkomen per bron (alleen loon/WW) weet avdesk dat er geen aanvullende bijstand is: geen vraag."""
    c = scenario("martin_hanna_2024.json")
    sep = c.jaren[0].perioden[-1]
    for rol in ("aanvrager", "partner"):
        sep.inkomen[rol] = [b for b in sep.inkomen.get(rol, []) if b.soort != "aanvullende_bijstand"]
    sep.inkomen = {k: v for k, v in sep.inkomen.items() if v}
    assert sep.inkomen
    (jb,) = bereken(c, PEIL_2024).jaren
    assert jb.perioden[-1].begrensd and "S9" not in codes(jb.perioden[-1].signalen)


def test_s9_op_pagina_1_van_de_berekening(scenario):
    from avdesk.export.beslisser import alle_signalen
    b = bereken(zonder_bronnen(scenario("martin_hanna_2024.json")), PEIL_2024)
    assert any(sg.code == "S9" for _, sg in alle_signalen(b))


# ---------------------------------------------------------------- S10

def test_s10_aanvraag_na_de_peildatum_open_punt(scenario):
    c = scenario("martin_hanna_2024.json")           # aanvraag 15-09-2024
    b = bereken(c, date(2024, 9, 1))
    s10 = [s for s in alle(b) if s.code == "S10"]
    assert s10 and not any(s.blokkerend for s in s10)
    assert "15-09-2024" in s10[0].tekst and "01-09-2024" in s10[0].tekst
    assert b.totaal_compensatie == D("716.00")


def test_s10_niet_op_of_voor_de_peildatum(scenario):
    c = scenario("martin_hanna_2024.json")
    assert "S10" not in codes(alle(bereken(c, date(2024, 9, 15))))
    assert "S10" not in codes(alle(bereken(c, PEIL_2024)))


# ---------------------------------------------------------------- uiterste aanvraagdatum (S11)

def mvs(c, aanvraag: date):
    c.beleidsprofiel = "mvs-2025"
    c.aanvraagdatum = aanvraag
    return c


def test_mvs_aanvraag_na_31_12_2025_blokkeert_zonder_bedrag_te_veranderen(scenario):
    op_tijd = bereken(mvs(scenario("martin_hanna_2024.json"), date(2025, 12, 31)), date(2026, 1, 10))
    te_laat = bereken(mvs(scenario("martin_hanna_2024.json"), date(2026, 1, 5)), date(2026, 1, 10))
    assert "S11" not in codes(alle(op_tijd))
    (s11,) = [s for s in alle(te_laat) if s.code == "S11"]
    assert s11.blokkerend and "05-01-2026" in s11.tekst and "31-12-2025" in s11.tekst
    assert "hardheidsclausule" in s11.tekst
    # Een blokkerend signaal verandert geen bedrag (REKENMODEL §9).
    for a, b in zip(op_tijd.jaren, te_laat.jaren):
        assert (a.compensatie_jaar, a.eenmalig, a.periodiek) == (b.compensatie_jaar, b.eenmalig, b.periodiek)
    assert te_laat.totaal_compensatie == op_tijd.totaal_compensatie > 0


def test_mvs_te_laat_advies_nog_niet_toekennen_op_pagina_1(scenario):
    from avdesk.export.beslisser import voor_de_beslisser
    from avdesk.export.berekening_pdf import stijlen
    c = mvs(scenario("martin_hanna_2024.json"), date(2026, 1, 5))
    b = bereken(c, date(2026, 1, 10))
    tekst = " ".join(getattr(x, "text", "") for x in voor_de_beslisser(c, b, stijlen(), "AV-1"))
    assert "Advies: nog niet toekennen" in tekst and "S11" in tekst
    assert "Advies: toekennen" not in tekst


def test_hardheidsclausule_zet_de_termijn_opzij_met_motivering(scenario):
    c = mvs(scenario("martin_hanna_2024.json"), date(2026, 1, 5))
    d = casus_naar_dict(c)
    d["jaren"][0]["afwijken"] = {"aanvraagtermijn": "Opgenomen in het ziekenhuis in december 2025."}
    c2 = lees_casus(d)
    assert c2.jaren[0].afwijken == {"aanvraagtermijn": "Opgenomen in het ziekenhuis in december 2025."}
    assert casus_naar_dict(c2)["jaren"][0]["afwijken"] == d["jaren"][0]["afwijken"]
    (s11,) = [s for s in alle(bereken(c2, date(2026, 1, 10))) if s.code == "S11"]
    assert not s11.blokkerend and "ziekenhuis" in s11.tekst and "Afgeweken (hardheidsclausule)" in s11.tekst


def test_hardheidsclausule_termijn_vraagt_motivering(scenario):
    d = casus_naar_dict(scenario("martin_hanna_2024.json"))
    d["jaren"][0]["afwijken"] = {"aanvraagtermijn": "  "}
    with pytest.raises(CasusFout) as e:
        lees_casus(d)
    assert "jaren[0].afwijken.aanvraagtermijn" in str(e.value) and "motivering" in str(e.value)


def test_handreiking_profiel_kent_geen_termijn(scenario):
    c = scenario("martin_hanna_2024.json")
    c.aanvraagdatum = date(2027, 6, 1)
    assert "S11" not in codes(alle(bereken(c, date(2027, 6, 2))))


def test_wtrap_termijn_31_12_2028(scenario):
    c = scenario("wtrap_2026.json")
    assert "S11" not in codes(alle(bereken(c, date(2027, 3, 1))))
    c.aanvraagdatum = date(2028, 12, 31)
    assert "S11" not in codes(alle(bereken(c, date(2029, 1, 2))))
    c.aanvraagdatum = date(2029, 1, 2)
    b = bereken(c, date(2029, 1, 3))
    (s11,) = [s for s in alle(b) if s.code == "S11"]
    assert s11.blokkerend and "31-12-2028" in s11.tekst and "Wtrap" in s11.tekst
    # Het bedrag blijft staan: de vaste tegemoetkoming zoals berekend.
    assert b.jaren[0].compensatie_jaar == D("1100.00")


def test_wtrap_jaar_onder_mvs_kent_de_wtrap_termijn_niet_die_van_mvs(scenario):
    c = scenario("wtrap_2026.json")                 # aanvraag 10-02-2027: na 31-12-2025, voor 31-12-2028
    c.beleidsprofiel = "mvs-2025"
    assert "S11" not in codes(alle(bereken(c, date(2027, 3, 1))))


# ---------------------------------------------------------------- §4/§8: toets in een Wtrap-jaar onder elk profiel

def test_wtrap_jaar_onder_mvs_wel_toets_aan_het_bestaansminimum(scenario):
    c = scenario("wtrap_2026.json")
    c.jaren[0].perioden[0].netto_inkomen_per_maand = D(2150)    # HI 2.150 + 610 boven het bestaansminimum
    hr = bereken(c, date(2027, 3, 1)).jaren[0]
    c.beleidsprofiel = "mvs-2025"
    (jb,) = bereken(c, date(2027, 3, 1)).jaren
    assert {pb.toets for pb in jb.perioden} == {"boven_bestaansminimum"}
    assert jb.tekort == hr.tekort == 0


def test_mvs_eigen_jaren_blijven_zonder_toets(scenario):
    c = zonder_bronnen(scenario("martin_hanna_2024.json"))
    c.beleidsprofiel = "mvs-2025"
    (jb,) = bereken(c, PEIL_2024).jaren
    assert {pb.toets for pb in jb.perioden} == {"profiel_zonder_toets"}
    assert "S9" not in codes(alle(bereken(c, PEIL_2024)))


# ---------------------------------------------------------------- §4: het getoonde huishoudinkomen

def test_getoond_huishoudinkomen_is_het_werkelijke_ook_met_aanvullende_bijstand(scenario):
    b = bereken(scenario("martin_hanna_2024.json"), PEIL_2024)
    sep = b.jaren[0].perioden[-1]
    assert sep.toets == "aanvullende_bijstand"
    assert sep.inkomen == D(1975) + 299 + 165                      # NI + som W, niet NR + som W
    assert sep.inkomen_toets == sep.netto_referentie + 299 + 165    # alleen de toetsen gebruiken NR
    per = b.naar_json()["jaren"][0]["perioden"][-1]
    assert D(str(per["inkomen_per_maand"])) == D("2439.00")


# ---------------------------------------------------------------- §8: heffingskorting voor 1963

@pytest.mark.parametrize("antwoord, voldoet", [(None, None), (True, True), (False, False)])
def test_wtrap_minstverdienende_voor_1963_heffingskorting(scenario, antwoord, voldoet):
    """geen_heffingskorting: true ("nee, geen heffingskorting") voldoet; false (krijgt hem wel) voldoet niet;
    niet beantwoord: open."""
    c = scenario("wtrap_2026.json")
    c.partner.geboortedatum = date(1960, 3, 3)             # Ruben, zonder inkomen: de minstverdienende
    if antwoord is not None:
        c.jaren[0].wtrap["geen_heffingskorting"] = antwoord
    w = bereken(c, date(2027, 3, 1)).jaren[0].wtrap
    if voldoet is False:      # AOW-leeftijd speelt in 2026 voor 1960 nog niet (66 jaar en 10 maanden: 2027)
        assert any("krijgt de algemene heffingskorting" in r for r in w.redenen)
    assert w.voldoet is voldoet


# ---------------------------------------------------------------- S2 op de dag van de berekening

def test_s2_telt_vanaf_de_dag_van_de_berekening_niet_de_aanvraag(scenario):
    """Beschikking 20-06-2024. Aanvraag al in mei, berekening op 1 juli: de termijn loopt nog (S2). Berekening in
    december: de termijn is voorbij, geen S2, ook al lag de aanvraag er vlak na."""
    c = scenario("bosveld_2022.json")
    c.aanvraagdatum = date(2024, 5, 1)
    assert "S2" in codes(bereken(c, date(2024, 7, 1)).jaren[0].signalen)
    c.aanvraagdatum = date(2024, 7, 1)
    assert "S2" not in codes(bereken(c, date(2024, 12, 1)).jaren[0].signalen)
