"""Parameterbestanden: elk jaar laadt, elke waarde heeft bron en status, en de gepubliceerde
zorgtoeslaggrenzen volgen uit de formule (controle van de bestanden tegen een onafhankelijke bron)."""

from datetime import date
from decimal import Decimal as D

import pytest

from avdesk.core.params import ParameterFout, laad_jaar, laad_profiel, ondersteunde_jaren
from avdesk.core.toeslagen import Bewoner, Situatie
from avdesk.core.toeslagen.zorgtoeslag import zorgtoeslag


def test_jaren_2022_tot_en_met_2026():
    assert ondersteunde_jaren() == [2022, 2023, 2024, 2025, 2026]


@pytest.mark.parametrize("jaar", [2022, 2023, 2024, 2025, 2026])
def test_elke_waarde_heeft_bron_en_status(jaar):
    p = laad_jaar(jaar)
    assert len(p.alle()) > 30
    for par in p.alle():
        assert par.bron.strip() and par.status in ("bevestigd", "afgeleid", "onzeker"), par


def test_afgeleide_bruto_bijstand_is_gemarkeerd():
    assert [laad_jaar(j)["bijstand.bruto_per_partner"].status for j in ondersteunde_jaren()] == \
        ["afgeleid", "bevestigd", "bevestigd", "afgeleid", "afgeleid"]
    assert laad_jaar(2023).waarde("bijstand.bruto_per_partner") == 11381
    assert laad_jaar(2024).waarde("bijstand.bruto_per_partner") == 12124


def test_onbekend_jaar_noemt_de_ondersteunde_jaren():
    with pytest.raises(ParameterFout, match="2019 wordt niet ondersteund; avdesk kent de jaren 2022, 2023"):
        laad_jaar(2019)


@pytest.mark.parametrize("jaar", [2022, 2023, 2024, 2025, 2026])
@pytest.mark.parametrize("partner", [False, True])
def test_zorgtoeslag_inkomensgrens_volgt_uit_de_formule(jaar, partner):
    p = laad_jaar(jaar)
    grens = p.waarde("zorgtoeslag.inkomensgrens_met_partner" if partner else "zorgtoeslag.inkomensgrens_zonder_partner")

    def jaarbedrag(inkomen):
        s = Situatie(date(jaar, 1, 1), Bewoner(date(1980, 1, 1), D(inkomen)),
                     Bewoner(date(1980, 1, 1), D(0)) if partner else None)
        return zorgtoeslag(s, p).onafgerond * 12
    assert jaarbedrag(grens) > 0
    assert jaarbedrag(grens + 1) == 0


def test_beleidsprofielen():
    h = laad_profiel("handreiking-2024")
    assert (h.tekort_jaren, h.terugvordering_jaren, h.vermogensgrens) == ((2023, 2024), (2022, 2023), "huurtoeslag")
    m = laad_profiel("mvs-2025")
    assert (m.tekort_jaren, m.uitbetaling, m.vermogensgrens) == ((2024,), "eenmalig", "zorgtoeslag")
    with pytest.raises(ParameterFout, match="bestaat niet"):
        laad_profiel("onbekend")


def test_ontbrekende_resources_zeggen_dat_de_installatie_onvolledig_is(tmp_path, monkeypatch):
    """Geen lege keuzelijst ('avdesk kent de jaren ', 'kies uit '), maar welk pad ontbreekt (issue 11)."""
    from avdesk import InstallatieFout
    from avdesk.core.params import beleidsprofielen, bewijsstukken
    monkeypatch.setenv("AVDESK_RESOURCES", str(tmp_path))
    with pytest.raises(InstallatieFout, match="De parameterbestanden van avdesk ontbreken in deze installatie: "):
        ondersteunde_jaren()
    (tmp_path / "params").mkdir()                       # de map is er, maar zonder jaren: net zo onvolledig
    with pytest.raises(InstallatieFout, match=str(tmp_path / "params")):
        laad_jaar(2019)
    with pytest.raises(InstallatieFout, match="De beleidsprofielen van avdesk ontbreken"):
        beleidsprofielen()
    bewijsstukken.cache_clear()
    try:
        with pytest.raises(InstallatieFout, match="De bewijsstukken van avdesk ontbreken"):
            bewijsstukken()
    finally:
        bewijsstukken.cache_clear()
