"""Eigenschappen die voor elke invoer gelden (hypothesis): monotonie, grenzen van de compensatie,
dekking van de maanden en exacte verdeling over huur en zorgpremie."""

from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from avdesk.core.berekening import bereken
from avdesk.core.casus import Casus, Huur, Inkomensbron, Jaar, Medebewoner, Periode, Persoon
from avdesk.core.geld import maanden_tussen, verdeel
from avdesk.core.params import laad_jaar
from avdesk.core.toeslagen import Bewoner, Situatie
from avdesk.core.toeslagen.huurtoeslag import huurtoeslag
from avdesk.core.toeslagen.zorgtoeslag import zorgtoeslag

JAREN = st.sampled_from([2022, 2023, 2024, 2025, 2026])
BEDRAG = st.integers(min_value=0, max_value=6_000_000).map(lambda c: D(c) / 100)
HUUR = st.integers(min_value=20_000, max_value=110_000).map(lambda c: D(c) / 100)
GEBOORTE = st.dates(min_value=date(1935, 1, 1), max_value=date(2004, 12, 31))
MEDE = st.builds(Bewoner, st.dates(min_value=date(1935, 1, 1), max_value=date(2021, 12, 31)),
                 st.integers(0, 40_000).map(D), st.booleans())


@settings(max_examples=300, deadline=None)
@given(jaar=JAREN, a=BEDRAG, extra=st.integers(1, 2_000_000).map(lambda c: D(c) / 100), p_ink=BEDRAG,
       huur=HUUR, mede=st.lists(MEDE, max_size=3), gd_a=GEBOORTE, gd_p=GEBOORTE, partner=st.booleans())
@pytest.mark.traag
def test_hoger_toetsingsinkomen_verhoogt_nooit_een_toeslag(jaar, a, extra, p_ink, huur, mede, gd_a, gd_p, partner):
    p = laad_jaar(jaar)

    def sit(inkomen):
        return Situatie(date(jaar, 3, 1), Bewoner(gd_a, inkomen), Bewoner(gd_p, p_ink) if partner else None,
                        tuple(mede), huur)
    laag, hoog = sit(a), sit(a + extra)
    assert huurtoeslag(hoog, p).per_maand <= huurtoeslag(laag, p).per_maand
    assert zorgtoeslag(hoog, p).per_maand <= zorgtoeslag(laag, p).per_maand


@st.composite
def casussen(draw):
    jaar = draw(st.sampled_from([2022, 2023, 2024]))
    grenzen = sorted(draw(st.sets(st.integers(1, 12), min_size=2, max_size=8)))
    perioden = []
    for van, tot in zip(grenzen[::2], grenzen[1::2]):
        mede = [Medebewoner(draw(st.dates(date(1935, 1, 1), date(2021, 12, 31))), D(draw(st.integers(0, 30_000))),
                            kind=draw(st.booleans()), kostendeler=draw(st.none() | st.booleans()))
                for _ in range(draw(st.integers(0, 2)))]
        ontvangen = {}
        if draw(st.booleans()):
            ontvangen = {"huurtoeslag": D(draw(st.integers(0, 500))), "zorgtoeslag": D(draw(st.integers(0, 300)))}
        perioden.append(Periode(
            date(jaar, van, 1), date(jaar, tot, 1), D(draw(st.integers(0, 40_000))), D(draw(st.integers(0, 15_000))),
            netto_inkomen_per_maand=draw(st.none() | st.integers(0, 350_000).map(lambda c: D(c) / 100)),
            huur=draw(st.none() | HUUR.map(Huur)), medebewoners=mede, ontvangen=ontvangen,
            inkomen=draw(st.sampled_from([{}, {"aanvrager": [Inkomensbron("ww", D(20000))], "partner": []},
                                          {"aanvrager": [Inkomensbron("ww", D(20000))],
                                           "partner": [Inkomensbron("aanvullende_bijstand", D(3000))]}]))))
    return Casus(Persoon("A", draw(GEBOORTE)), Persoon("B", draw(GEBOORTE)), [Jaar(jaar, perioden)],
                 aanvraagdatum=draw(st.none() | st.dates(date(jaar, 1, 1), date(jaar + 1, 12, 31))),
                 beleidsprofiel=draw(st.sampled_from(["handreiking-2024", "mvs-2025"])))


@settings(max_examples=200, deadline=None)
@given(c=casussen())
@pytest.mark.traag
def test_compensatie_nooit_negatief_en_nooit_meer_dan_het_verschil(c):
    for jb in bereken(c).jaren:
        for pb in jb.perioden:
            assert 0 <= pb.compensatie_totaal <= pb.verschil_totaal
            for t, deel in pb.compensatie.items():
                assert 0 <= deel <= pb.verschil[t]
            assert pb.compensatie_periode == pb.maanden * pb.compensatie_totaal
        assert 0 <= jb.compensatie_jaar
        assert 0 <= jb.eenmalig <= jb.compensatie_jaar


@settings(max_examples=200, deadline=None)
@given(c=casussen())
@pytest.mark.traag
def test_grens_tilt_geen_maand_boven_het_sociaal_minimum_zonder_grens_het_verschil(c):
    """REKENMODEL §4: waar de toets geldt, brengt de compensatie het huishouden hooguit tot het bestaansminimum;
    op bijstandsniveau, zonder netto-inkomen of onder een profiel zonder toets is ze het hele verschil."""
    for jb in bereken(c).jaren:
        for pb in jb.perioden:
            if pb.toets == "toegepast":
                assert pb.inkomen + pb.compensatie_totaal <= pb.bestaansminimum
                assert pb.compensatie_totaal == min(pb.verschil_totaal, pb.bestaansminimum - pb.inkomen)
            elif pb.toets == "boven_bestaansminimum":
                assert pb.compensatie_totaal == 0 and pb.inkomen >= pb.bestaansminimum
            else:
                assert pb.compensatie_totaal == pb.verschil_totaal and not pb.begrensd
            assert (pb.toets == "profiel_zonder_toets") == (c.beleidsprofiel == "mvs-2025" and pb.toets != "aanvullende_bijstand")


@settings(max_examples=200, deadline=None)
@given(c=casussen())
@pytest.mark.traag
def test_perioden_dekken_precies_de_ingevoerde_maanden(c):
    (jb,) = bereken(c).jaren
    invoer = {(p.van.year, m) for p in c.jaren[0].perioden for m in range(p.van.month, p.tot_en_met.month + 1)}
    uitvoer = [(pb.van.year, m) for pb in jb.perioden for m in range(pb.van.month, pb.tot_en_met.month + 1)]
    assert len(uitvoer) == len(set(uitvoer)) and set(uitvoer) == invoer
    assert all(pb.maanden == maanden_tussen(pb.van, pb.tot_en_met) for pb in jb.perioden)
    assert all(not (pb.van.month <= 6 < pb.tot_en_met.month) for pb in jb.perioden)   # nooit over 1 juli


@settings(max_examples=200, deadline=None)
@given(c=casussen())
@pytest.mark.traag
def test_huur_en_zorgpremie_tellen_exact_op(c):
    (jb,) = bereken(c).jaren
    for pb in jb.perioden:
        assert sum(pb.compensatie.values(), D(0)) == pb.compensatie_totaal
    assert jb.compensatie_huurkosten + jb.compensatie_zorgpremie + jb.compensatie_overig == jb.compensatie_jaar


@given(bedrag=st.integers(0, 10**8).map(lambda c: D(c) / 100), gewichten=st.lists(st.integers(0, 10**6).map(D), min_size=1, max_size=5))
def test_verdeel_telt_op_tot_de_cent(bedrag, gewichten):
    delen = verdeel(bedrag, gewichten)
    if sum(gewichten) > 0:
        assert sum(delen, D(0)) == bedrag
        assert all(d >= 0 for d in delen)
    else:
        assert all(d == 0 for d in delen)


@given(geboren=st.dates(date(1900, 1, 1), date(2025, 12, 31)), peil=st.dates(date(1950, 1, 1), date(2030, 12, 31)),
       jaren=st.integers(0, 80), maanden=st.integers(0, 11))
def test_geboren_uiterlijk_klopt_met_leeftijd(geboren, peil, jaren, maanden):
    from avdesk.core.geld import geboren_uiterlijk, leeftijd_op
    assert (geboren <= geboren_uiterlijk(peil, jaren, maanden)) == (leeftijd_op(geboren, peil) >= (jaren, maanden))
