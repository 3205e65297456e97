"""De onafhankelijke narekening (narekenen.py) eerst getoetst aan de rekenvoorbeelden van de handreiking, en de
zusterbestanden zoals uitwerking.py ze uit die narekening schrijft (zo komt geen verwacht cijfer uit avdesk)."""

import pytest

from . import narekenen as n
from .scenariospec import SPEC
from .uitwerking import SCENARIOS, reken

@pytest.mark.parametrize("jaar, y, zt_y, personen, huur, aow, verwacht", [
    (2023, 22762, 22762, 3, 720, False, (383, 265)),        # A1
    (2023, 22762, 22762, 3, "575.03", False, (306, 265)),   # A2
    (2023, 28084, 28084, 3, 720, False, (335, 230)),        # B1
    (2023, 28084, 28084, 3, "575.03", False, (258, 230)),   # B2
    (2023, 22762, 22762, 4, "693.47", False, (383, 265)),   # C1 (3.600 onder de vrijstelling 5.432)
    (2023, 22762, 22762, 4, "575.03", False, (306, 265)),   # C2
    (2024, 24248, 24248, 4, 660, False, (399, 236)),        # E
    (2024, 27000, 27000, 4, 660, False, (398, 233)),        # F
    (2024, 33040, 33040, 4, 660, False, (299, 165)),        # G
    (2024, 24248, 24248, 2, 660, False, (392, 236)),        # H
    (2024, 35650, 35650, 2, 660, False, (244, 135)),        # I
    (2024, 24248 + 16030, 24248, 4, 660, False, (156, 236)),  # K1: Ronald 22.000 - 5.970
    (2024, 24248 + 16030, 24248, 4, 720, False, (180, 236)),  # K2
    (2024, 28000 + 16030, 28000, 4, 660, False, (93, 222)),   # K3 (basishuur boven de KKG)
    (2024, 28000 + 16030, 28000, 4, 720, False, (117, 222)),  # K4
    (2024, 21014 + 12810, 21014, 5, 660, True, (313, 236)),   # L1 (oma: MPO)
    (2024, 27000 + 12810, 27000, 5, 660, True, (171, 233)),   # L2 (document: ZT 236, fout)
    (2024, 21014 + 22810, 21014, 5, 660, True, (86, 236)),    # L3
    (2024, 27000 + 22810, 27000, 5, 660, True, (0, 233)),     # L4 (basishuur boven de huur)
    (2024, 24248, 24248, 5, 660, False, (399, 236)),        # M1 (3.600 onder de vrijstelling)
    (2024, 24248 + 4430, 24248, 5, 660, False, (372, 236)),   # M2 (10.400 - 5.970)
])
def test_narekening_geeft_de_voorbeelden_van_de_handreiking(jaar, y, zt_y, personen, huur, aow, verwacht):
    assert (n.huurtoeslag(jaar, y, personen, str(huur), aow), n.zorgtoeslag(jaar, zt_y)) == verwacht


def test_narekening_alleenstaanden_J1_J2():
    assert (n.huurtoeslag(2024, 19100, 1, "660"), n.zorgtoeslag(2024, 19100, partner=False)) == (396, 123)
    assert (n.huurtoeslag(2024, 19107, 1, "550"), n.zorgtoeslag(2024, 19107, partner=False)) == (327, 123)


def test_kostendelersnorm_uit_de_handreiking():
    assert n.bruto_bijstand(2024, 1) == 10507          # 12.124 x 26/30, het cijfer van de handreiking


@pytest.mark.parametrize("naam", sorted(SPEC))
def test_zusterbestand_is_de_narekening(naam):
    """Wie een zusterbestand wijzigt, wijzigt de narekening of de handberekening in scenariospec.py (en draait
    `python -m tests.dekking.uitwerking NAAM`): het bestand is precies wat die geven."""
    assert (SCENARIOS / f"{naam}.verwacht.toml").read_text(encoding="utf-8") == reken(naam, SPEC[naam])
