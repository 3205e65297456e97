"""Zorgtoeslag per maand tegen gepubliceerde bedragen: de maandtabellen van de Belastingdienst 2025 en 2026 en de
rekenvoorbeelden van Dienst Toeslagen, met de afrondingsconventie van elk jaar (parameter zorgtoeslag.afronding)."""

from datetime import date
from decimal import Decimal as D

import pytest

from avdesk.core.params import Jaarparameters, ParameterFout, laad_jaar
from avdesk.core.toeslagen import Bewoner, Situatie
from avdesk.core.toeslagen.zorgtoeslag import zorgtoeslag

GEBOREN = date(1980, 1, 1)


def uitkomst(jaar, inkomen, partner=False, partner_inkomen=0, p=None, **kw):
    s = Situatie(date(jaar, 1, 1), Bewoner(GEBOREN, D(inkomen)),
                 Bewoner(GEBOREN, D(partner_inkomen)) if partner else None, **kw)
    return zorgtoeslag(s, p or laad_jaar(jaar))


# Belastingdienst, 'Hoeveel zorgtoeslag krijg ik?', tabellen zorgtoeslag per maand 2025 en 2026 ('De bedragen per
# maand zijn afgerond'), geciteerd in S12 (openbaar testrapport op GitHub, find_string id 71166282913).
# Een rij 'tot € X' geldt voor inkomens tot X; de bovengrens is de invoer (het laagste bedrag van de rij).
# Met partner telt het gezamenlijke toetsingsinkomen; hier geheel bij de aanvrager.
TABEL_2026_ZONDER = {
    29500: 129, 30000: 126, 30500: 120, 31000: 114, 31500: 109, 32000: 103, 32500: 97, 33000: 91, 33500: 86,
    34000: 80, 34500: 74, 35000: 69, 35500: 63, 36000: 57, 36500: 51, 37000: 46, 37500: 40, 38000: 34, 38500: 28,
    39000: 23, 39500: 17, 40000: 11, 40500: 6,
    41000: 0,                                   # '€ 41.000 en meer': geen zorgtoeslag
}
TABEL_2026_MET = {
    29500: 246, 30000: 243, 30500: 238, 31000: 232, 31500: 226, 32000: 221, 32500: 215, 33000: 209, 33500: 203,
    34000: 198, 34500: 192, 35000: 186, 35500: 180, 36000: 175, 36500: 169, 37000: 163, 37500: 158, 38000: 152,
    38500: 146, 39000: 140, 39500: 135, 40000: 129, 40500: 123, 41000: 118, 41500: 112, 42000: 106, 42500: 100,
    43000: 95, 43500: 89, 44000: 83, 44500: 78, 45000: 72, 45500: 66, 46000: 60, 46500: 55, 47000: 49, 47500: 43,
    48000: 37, 48500: 32, 49000: 26, 49500: 20, 50000: 15, 50500: 9, 51000: 3,
    51500: 0,                                   # '€ 51.500 en meer': geen zorgtoeslag
}
# 2025: de laatste rijen '€ 39.719 en meer' / '€ 50.206 en meer' (geen zorgtoeslag) staan er niet in: op precies die
# inkomens geven de grenspagina van de Belastingdienst en Dienst Toeslagen ('niet boven de grens van') nog recht.
TABEL_2025_ZONDER = {
    28000: 131, 28500: 130, 29000: 124, 29500: 118, 30000: 112, 30500: 107, 31000: 101, 31500: 95, 32000: 90,
    32500: 84, 33000: 78, 33500: 73, 34000: 67, 34500: 61, 35000: 55, 35500: 50, 36000: 44, 36500: 38, 37000: 33,
    37500: 27, 38000: 21, 38500: 15, 39000: 10, 39500: 4,
}
TABEL_2025_MET = {
    28000: 250, 28500: 249, 29000: 244, 29500: 238, 30000: 232, 30500: 226, 31000: 221, 31500: 215, 32000: 209,
    32500: 204, 33000: 198, 33500: 192, 34000: 187, 34500: 181, 35000: 175, 35500: 169, 36000: 164, 36500: 158,
    37000: 152, 37500: 147, 38000: 141, 38500: 135, 39000: 129, 39500: 124, 40000: 118, 40500: 112, 41000: 107,
    41500: 101, 42000: 95, 42500: 89, 43000: 84, 43500: 78, 44000: 72, 44500: 67, 45000: 61, 45500: 55, 46000: 50,
    46500: 44, 47000: 38, 47500: 32, 48000: 27, 48500: 21, 49000: 15, 49500: 10, 50000: 4,
}
TABELRIJEN = [(jaar, partner, inkomen, bedrag)
              for jaar, partner, tabel in ((2026, False, TABEL_2026_ZONDER), (2026, True, TABEL_2026_MET),
                                           (2025, False, TABEL_2025_ZONDER), (2025, True, TABEL_2025_MET))
              for inkomen, bedrag in tabel.items()]


@pytest.mark.parametrize("jaar, partner, inkomen, bedrag", TABELRIJEN,
                         ids=[f"{j}-{'met' if pa else 'zonder'}-{i}" for j, pa, i, _ in TABELRIJEN])
def test_maandtabel_belastingdienst(jaar, partner, inkomen, bedrag):
    assert uitkomst(jaar, inkomen, partner).per_maand == bedrag


def test_aantal_tabelrijen():
    assert (len(TABEL_2026_ZONDER), len(TABEL_2026_MET), len(TABEL_2025_ZONDER), len(TABEL_2025_MET)) == (24, 45, 24, 45)


@pytest.mark.parametrize("jaar, partner, inkomen, tabel, onafgerond_afgekapt", [
    (2026, False, 35000, 69, 68),     # jaarbedrag 827,70: 828 / 12 = 69,00; 827,70 / 12 = 68,97
    (2026, True, 32000, 221, 220),    # 2.651,78: 2.652 / 12 = 221,00
    (2026, True, 44500, 78, 77),      # 935,53: 936 / 12 = 78,00
    (2025, False, 33500, 73, 72),     # 875,54: 876 / 12 = 73,00
    (2025, True, 34000, 187, 186),    # 2.243,83: 2.244 / 12 = 187,00
    (2025, True, 46000, 50, 49),      # 599,83: 600 / 12 = 50,00
])
def test_tabellen_ronden_eerst_het_jaarbedrag_af(jaar, partner, inkomen, tabel, onafgerond_afgekapt):
    """De rijen die de twee conventies onderscheiden: alleen 'eerst het jaarbedrag op hele euro's' klopt."""
    u = uitkomst(jaar, inkomen, partner)
    assert u.per_maand == tabel
    jaarbedrag = u.spoor[2].bedrag
    assert int(jaarbedrag / 12) == onafgerond_afgekapt


@pytest.mark.parametrize("jaar, inkomen, partner, partner_inkomen, bedrag", [
    # Dienst Toeslagen, 'Berekening zorgtoeslag' (S12), rekenvoorbeeld 1: alleenstaande onder het drempelinkomen
    (2024, 19000, False, 0, 123),     # 1.483,07 per jaar, 123,59 per maand -> 123
    (2025, 19000, False, 0, 131),     # 1.573,42 -> 131,12 -> 131
    (2026, 25000, False, 0, 129),     # 1.550,45 -> 129,20 -> 129; ook de maximale zorgtoeslag 2026
    # Handreiking (S22), uitkomsten van de rekentool; 2024 F onderscheidt de conventies: 2.807,84 / 12 = 233,99 -> 233
    # (eerst afronden zou 2.808 / 12 = 234 geven)
    (2024, 27000, True, 0, 233),
    (2024, 12124, True, 12124, 236),  # E
    (2024, 19100, False, 0, 123),     # J1
    (2023, 11381, True, 11381, 265),  # A: 3.181,84 / 12 = 265,15
    (2023, 23762, True, 4322, 230),   # B: 2.770,73 / 12 = 230,89
    # Belastingdienst tabel 2025 zonder partner, tot 30.000: 1.355,04 / 12 = 112,92 -> 112
    (2025, 30000, False, 0, 112),
])
def test_gepubliceerde_voorbeelden(jaar, inkomen, partner, partner_inkomen, bedrag):
    assert uitkomst(jaar, inkomen, partner, partner_inkomen).per_maand == bedrag


@pytest.mark.parametrize("jaar, conventie", [
    (2022, "jaarbedrag_onafgerond_maand_afkappen"), (2023, "jaarbedrag_onafgerond_maand_afkappen"),
    (2024, "jaarbedrag_onafgerond_maand_afkappen"), (2025, "jaarbedrag_afronden_maand_afkappen"),
    (2026, "jaarbedrag_afronden_maand_afkappen"),
])
def test_afronding_per_jaar_en_in_het_spoor(jaar, conventie):
    p = laad_jaar(jaar)
    assert p.waarde("zorgtoeslag.afronding") == conventie
    laatste = uitkomst(jaar, 30000).spoor[-1]
    assert p["zorgtoeslag.afronding"] in laatste.parameters
    if conventie == "jaarbedrag_afronden_maand_afkappen":
        assert "jaarbedrag afgerond op hele euro's / 12, afgekapt" in laatste.omschrijving
    else:
        assert "onafgerond jaarbedrag / 12, afgekapt" in laatste.omschrijving


def test_afronding_alleen_bevestigd_met_onderscheidend_gepubliceerd_bedrag():
    assert [laad_jaar(j)["zorgtoeslag.afronding"].status for j in (2022, 2023, 2024, 2025, 2026)] == \
        ["afgeleid", "afgeleid", "bevestigd", "bevestigd", "bevestigd"]


def test_onbekende_afronding_geeft_parameterfout():
    echt = laad_jaar(2026)
    p = Jaarparameters(2026, dict(echt), echt.bestand)
    p["zorgtoeslag.afronding"] = echt["zorgtoeslag.afronding"]._replace(waarde="naar_boven")
    with pytest.raises(ParameterFout, match="Onbekende afronding 'naar_boven' voor zorgtoeslag 2026 in 2026.toml"):
        uitkomst(2026, 30000, p=p)


def test_awir_24_euro_op_het_afgeronde_jaarbedrag():
    # 2026 zonder partner: op de grens 40.857 is het jaarbedrag 23,54 -> 24: wel zorgtoeslag (24 / 12 = 2 per maand);
    # een euro hoger 23,40 -> 23: niets (Awir art. 14 lid 4-5).
    assert uitkomst(2026, 40857).per_maand == 2
    boven = uitkomst(2026, 40858)
    assert boven.per_maand == 0 and "lager dan € 24" in boven.redenen[0]
    # 2024 (onafgerond / 12): op de grens 37.496 is het 23,5x / 12 -> 1 per maand
    assert uitkomst(2024, 37496).per_maand == 1
    assert uitkomst(2024, 37497).per_maand == 0


# --- Toeslagpartner die geen verzekerde is (Wzt art. 2 lid 4): 'In afwijking van het eerste lid bedraagt de
# aanspraak op een zorgtoeslag voor een verzekerde met een partner die geen verzekerde is, vijftig procent van het
# op grond van het eerste lid berekende bedrag.'

@pytest.mark.parametrize("jaar, normpremie, jaarbedrag, bedrag", [
    # Dienst Toeslagen, Berekening zorgtoeslag 2024 (TG 082 - 1Z41FD), rekenvoorbeeld 2 (S12): gehuwd, aanvrager
    # € 7.000, partner € 26.200 en als militair geen verzekerde; normpremie 2.013,70; 3.974 - 2.013,70 = 1.960,30;
    # 50%: 980,15 per jaar; 81,68 per maand, afgerond € 81.
    (2024, "2013.70", "980.15", 81),
    # Idem 2025 (TG 082 - 1Z51FD) en 2026 (TG 082 - 1Z61FD), rekenvoorbeeld 2: normpremie 1.870,57 en 1.750,98,
    # 1.176,72 en 1.243,51 per jaar, € 98 en € 103 per maand. De inkomens staan niet in het citaat; de normpremie
    # geeft terug hetzelfde gezamenlijke inkomen van 33.200.
    (2025, "1870.57", "1176.72", 98),
    (2026, "1750.98", "1243.51", 103),
])
def test_partner_geen_verzekerde_helft(jaar, normpremie, jaarbedrag, bedrag):
    u = uitkomst(jaar, 7000, True, 26200, partner_verzekerd=False)
    assert u.per_maand == bedrag
    stappen = {s.grondslag: s for s in u.spoor}
    assert abs(stappen["Wzt art. 2 lid 3"].bedrag - D(normpremie)) < D("0.05")   # drempelinkomen in hele euro's
    helft = stappen["Wzt art. 2 lid 4"]
    assert "50%" in helft.omschrijving and abs(helft.bedrag - D(jaarbedrag)) < D("0.05")
    assert any("Wzt art. 2 lid 4" in r for r in u.redenen)
    # verzekerd: het volle bedrag
    assert uitkomst(jaar, 7000, True, 26200).per_maand > 2 * bedrag - 2


def test_partner_verzekerd_is_standaard_en_telt_alleen_met_partner():
    s = Situatie(date(2026, 1, 1), Bewoner(GEBOREN, D(20000)), None)
    assert s.partner_verzekerd is True
    zonder = uitkomst(2026, 20000, partner_verzekerd=False)
    assert zonder.per_maand == 129 and not any(s.grondslag == "Wzt art. 2 lid 4" for s in zonder.spoor)


def test_partner_geen_verzekerde_halveert_voor_de_grens_van_24_euro():
    # 2026, gezamenlijk 51.000: 43,07 per jaar (tabel: € 3 per maand); de helft, 21,53, is onder € 24: niets.
    assert uitkomst(2026, 51000, True).per_maand == 3
    u = uitkomst(2026, 51000, True, partner_verzekerd=False)
    assert u.per_maand == 0 and any("lager dan € 24" in r for r in u.redenen)
