"""Het regime per jaar (core/regime): de rekenkern beslist, de documenten nemen de ene formulering over."""

from avdesk.core.berekening import bereken
import json
from pathlib import Path

from avdesk.core.casus import lees_casus
from avdesk.core.regime import BIJZONDERE_BIJSTAND, WTRAP, regime_van_jaar


def test_regime_van_jaar():
    assert regime_van_jaar(2024) is BIJZONDERE_BIJSTAND and regime_van_jaar(2025) is WTRAP


def test_rechtsgrond_een_formulering():
    assert BIJZONDERE_BIJSTAND.rechtsgrond("de Beleidsregels X") == \
        "artikel 35 Participatiewet (bijzondere bijstand), met de Beleidsregels X"
    assert WTRAP.rechtsgrond("de Beleidsregels X") == (
        "artikel 78gg Participatiewet (Wet tijdelijke regeling alleenverdienersproblematiek) en artikel 15ba "
        "Regeling Participatiewet, IOAW en IOAZ")
    assert WTRAP.rechtsgrond().startswith(WTRAP.kort)


def test_jaarresultaat_draagt_regime():
    d = Path(__file__).parents[1] / "scenarios"
    for naam, regime in (("martin_hanna_2024.json", BIJZONDERE_BIJSTAND), ("wtrap_2026.json", WTRAP)):
        b = bereken(lees_casus(json.loads((d / naam).read_text(encoding="utf-8"))))
        assert all(jb.regime is regime for jb in b.jaren)
