"""De rekenvoorbeelden van de handreiking (shared/spec/VOORBEELDEN.md), elk als eigen test.

Bedragen zijn maandbedragen van de rekentool van Dienst Toeslagen, afgekapt op hele euro's."""

from datetime import date
from decimal import Decimal as D


from avdesk.core.params import laad_jaar
from avdesk.core.toeslagen import Bewoner, Situatie
from avdesk.core.toeslagen.huurtoeslag import huurtoeslag
from avdesk.core.toeslagen.zorgtoeslag import zorgtoeslag

IRENE, SERGIO = date(1985, 3, 2), date(1986, 4, 3)
MARTIN, HANNA = date(1979, 7, 15), date(1987, 5, 17)
JERRY, ANTON = date(1972, 8, 3), date(1977, 12, 5)
KIND_2015 = Bewoner(date(2015, 6, 12), D(0))
KINDEREN = (Bewoner(date(2016, 3, 1), D(0)), Bewoner(date(2018, 9, 1), D(0)))


def toeslagen(jaar, inkomen_a, inkomen_p, huur, mede=(), a=MARTIN, p=HANNA, maand=1):
    params = laad_jaar(jaar)
    partner = Bewoner(p, D(inkomen_p)) if inkomen_p is not None else None
    s = Situatie(date(jaar, maand, 1), Bewoner(a, D(inkomen_a)), partner, tuple(mede), D(str(huur)))
    return huurtoeslag(s, params).per_maand, zorgtoeslag(s, params).per_maand


# --- 2023: Irene en Sergio, een kind (2015)

def test_voorbeeld_A1_bijstand_huur_720():
    assert toeslagen(2023, 11381, 11381, 720, [KIND_2015], IRENE, SERGIO) == (383, 265)


def test_voorbeeld_A2_bijstand_huur_575():
    assert toeslagen(2023, 11381, 11381, "575.03", [KIND_2015], IRENE, SERGIO) == (306, 265)


def test_voorbeeld_B1_alleenverdiener_huur_720():
    # 19.440 WIA + 4.322 bijstand (Irene) en 4.322 bijstand (Sergio): samen 28.084
    assert toeslagen(2023, 19440 + 4322, 4322, 720, [KIND_2015], IRENE, SERGIO) == (335, 230)


def test_voorbeeld_B2_alleenverdiener_huur_575():
    assert toeslagen(2023, 23762, 4322, "575.03", [KIND_2015], IRENE, SERGIO) == (258, 230)


def test_voorbeeld_C1_kind_van_17_onder_vrijstelling():
    zeventien = Bewoner(date(2006, 3, 1), D(3600))   # 3.600 onder de vrijstelling van 5.432
    assert toeslagen(2023, 11381, 11381, "693.47", [Bewoner(date(2015, 1, 1), D(0)), zeventien]) == (383, 265)


def test_voorbeeld_C2_kind_van_17_huur_575():
    zeventien = Bewoner(date(2006, 3, 1), D(3600))
    assert toeslagen(2023, 11381, 11381, "575.03", [Bewoner(date(2015, 1, 1), D(0)), zeventien]) == (306, 265)


# --- 2024: Martin en Hanna, twee minderjarige kinderen

def test_voorbeeld_E_bijstand():
    assert toeslagen(2024, 12124, 12124, 660, KINDEREN) == (399, 236)


def test_voorbeeld_F_ww_zonder_aanvulling():
    assert toeslagen(2024, 27000, 0, 660, KINDEREN) == (398, 233)


def test_voorbeeld_G_ww_met_aanvullende_bijstand():
    assert toeslagen(2024, 27000 + 3020, 3020, 660, KINDEREN) == (299, 165)


# --- 2024: Jerry en Anton

def test_voorbeeld_H_stel_zonder_kinderen_bijstand():
    # 660 ligt boven de aftoppingsgrens 1-2 personen (650,43): geen 40%-deel voor een stel onder de AOW-leeftijd
    assert toeslagen(2024, 12124, 12124, 660, (), JERRY, ANTON) == (392, 236)


def test_voorbeeld_I_stel_zonder_kinderen_werkelijk():
    assert toeslagen(2024, 19100 + 3500, 9550 + 3500, 660, (), JERRY, ANTON) == (244, 135)


def test_voorbeeld_J1_jerry_alleenstaand():
    assert toeslagen(2024, 19100, None, 660, (), JERRY) == (396, 123)


def test_voorbeeld_J2_anton_alleenstaand():
    assert toeslagen(2024, 19107, None, 550, (), ANTON) == (327, 123)


# --- 2024: inwonende kinderen met inkomen (Martijn 2007, Ronald 2003: vrijstelling 5.970)

MARTIJN_RONALD = (Bewoner(date(2007, 4, 1), D(3600)), Bewoner(date(2003, 4, 1), D(22000)))


def test_voorbeeld_K1_kinderen_met_inkomen_bijstand_660():
    assert toeslagen(2024, 12124, 12124, 660, MARTIJN_RONALD) == (156, 236)


def test_voorbeeld_K2_kinderen_met_inkomen_bijstand_720():
    assert toeslagen(2024, 12124, 12124, 720, MARTIJN_RONALD) == (180, 236)


def test_voorbeeld_K3_kinderen_met_inkomen():
    # De basishuur ligt hier boven de kwaliteitskortingsgrens: Wht art. 21 lid 2 (max(KKG, basishuur)).
    assert toeslagen(2024, 20000, 8000, 660, MARTIJN_RONALD) == (93, 222)


def test_voorbeeld_K4_kinderen_met_inkomen_720():
    assert toeslagen(2024, 20000, 8000, 720, MARTIJN_RONALD) == (117, 222)


def test_voorbeeld_K_fout_in_document_zorgtoeslagverschil_is_14():
    # Documentfout: de handreiking drukt 236 - 222 = 4 af; de wet geeft een verschil van 14 per maand.
    ref = toeslagen(2024, 12124, 12124, 660, MARTIJN_RONALD)[1]
    wrk = toeslagen(2024, 20000, 8000, 660, MARTIJN_RONALD)[1]
    assert ref - wrk == 14


# --- 2024: met oma (1944-05-01, AOW 12.810; kostendeler)

def oma(inkomen):
    return (*KINDEREN, Bewoner(date(1944, 5, 1), D(inkomen)))


def test_voorbeeld_L1_oma_maakt_huishouden_MPO():
    # Een AOW-gerechtigde medebewoner maakt het huishouden een ouderenhuishouden (MPO): 313, zonder die regel 284.
    assert toeslagen(2024, 10507, 10507, 660, oma(12810)) == (313, 236)


def test_voorbeeld_L2_oma_alleenverdiener():
    # Documentfout: de handreiking noemt zorgtoeslag 236. Oma telt niet mee voor de zorgtoeslag; bij een
    # gezamenlijk inkomen van 27.000 is het 233 (gelijk aan voorbeeld F), dus een verschil van 3 per maand.
    assert toeslagen(2024, 27000, 0, 660, oma(12810)) == (171, 233)


def test_voorbeeld_L3_oma_met_hoger_inkomen_bijstand():
    assert toeslagen(2024, 10507, 10507, 660, oma(22810)) == (86, 236)


def test_voorbeeld_L4_oma_met_hoger_inkomen_alleenverdiener():
    # De basishuur ligt boven de huur: geen huurtoeslag.
    ht, zt = toeslagen(2024, 27000, 0, 660, oma(22810))
    assert (ht, zt) == (0, 233)


def test_voorbeeld_L1_zonder_ouderenregel_zou_284_zijn():
    # Controle dat de test hierboven echt de MPO-regel raakt: met een oma onder de AOW-leeftijd wordt het 284.
    jongere_oma = (*KINDEREN, Bewoner(date(1964, 5, 1), D(12810)))
    assert toeslagen(2024, 10507, 10507, 660, jongere_oma)[0] == 284


# --- 2024: voorbeeld 1 (toeslagen in het algemeen): Daan 7, Milo 5, Sebastiaan 19

def sebastiaan(inkomen):
    return (Bewoner(date(2017, 1, 1), D(0)), Bewoner(date(2019, 1, 1), D(0)), Bewoner(date(2005, 1, 1), D(inkomen)))


def test_voorbeeld_M1_sebastiaan_bijbaan():
    assert toeslagen(2024, 12124, 12124, 660, sebastiaan(3600)) == (399, 236)


def test_voorbeeld_M2_sebastiaan_voltijd():
    # Jaarschatting 8 x 300 + 4 x 2.000 = 10.400; telt mee boven de vrijstelling van 5.970.
    assert toeslagen(2024, 12124, 12124, 660, sebastiaan(10400)) == (372, 236)
