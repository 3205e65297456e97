"""De F1-hulp herhaalt een regel van de rekenkern niet in eigen woorden: {BESTAANSMINIMUM} in resources/hulp.toml
wordt de formulering uit core/periodeberekening (dezelfde als in het rekenspoor, de PDF en wizardstap 6)."""

import re

from avdesk.core.periodeberekening import BESTAANSMINIMUM
from avdesk.ui.hulp import REGELS, hulp_html, hulpteksten


def test_bestaansminimum_uit_de_kern():
    assert BESTAANSMINIMUM in hulp_html("6")
    assert "{BESTAANSMINIMUM}" in hulpteksten()["6"]["tekst"]


def test_geen_onbekende_plek_in_de_hulp():
    for sleutel, h in hulpteksten().items():
        for plek in re.findall(r"\{[A-Z_]+\}", h["tekst"]):
            assert plek in REGELS, (sleutel, plek)
        assert not re.search(r"\{[A-Z_]+\}", hulp_html(sleutel)), sleutel
