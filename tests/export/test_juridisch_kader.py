"""Het juridisch kader van de beschikking in één vorm: elke regel "Artikel N Wet (waarover)", zoals de rechtsgrond
uit core/regime.py; de brief mengde "Artikel 35 Participatiewet" met "Participatiewet, artikel 17"."""

from datetime import date
from pathlib import Path

import pytest

from avdesk.core.berekening import bereken
from avdesk.core.casus import lees_casus
from avdesk.export.beschikking_context import context

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("naam", ["martin_hanna_2024.json", "wtrap_2026.json", "drie_jaren.json"])
@pytest.mark.parametrize("soort", [None, "afwijzing", "buiten-behandeling"])
def test_elke_regel_van_het_kader_in_dezelfde_vorm(naam, soort):
    c = lees_casus((ROOT / "tests/scenarios" / naam).read_bytes())
    b = bereken(c, date(2026, 12, 1))
    extra = {"hersteltermijn": date(2026, 12, 20), "ontbrak": ["bankafschrift"]} if soort == "buiten-behandeling" else {}
    kader = context(c, b, "AV-1", soort=soort, vandaag=date(2026, 12, 1), reden="reden", **extra)["juridisch_kader"]
    assert kader and all(r.startswith("Artikel ") for r in kader), kader
