"""Invoerfouten van de rekenkern zoals de wizard ze toont: geen JSON-paden, geen ISO-maanden of -datums."""

import re
from datetime import date
from pathlib import Path

import pytest

from avdesk.core.casus import CasusFout, casus_naar_dict, lees_casus
from avdesk.ui.paginahulp import leesbare_fout

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("fout,verwacht", [
    ("jaren[0].perioden[1]: 2024-06 t/m 2024-12 overlapt met de vorige periode (2024-01 t/m 2024-08)",
     "toeslagjaar 2024, periode 2: juni 2024 t/m december 2024 overlapt met de vorige periode (januari 2024 t/m "
     "augustus 2024)"),
    ("jaren[0].perioden[0].van: 2023-11 ligt niet in toeslagjaar 2024",
     "toeslagjaar 2024, periode 1, van: november 2023 ligt niet in toeslagjaar 2024"),
    ("aanvrager.geboortedatum: ligt niet tussen 1900 en vandaag: 2030-01-15",
     "aanvrager, geboortedatum: ligt niet tussen 1900 en vandaag: 15-01-2030"),
    ("casus.aanvraagdatum: ligt niet tussen 1900 en 2100", "aanvraagdatum: ligt niet tussen 1900 en 2100"),
    ("Wtrap 2025-2027 zonder pad", "Wtrap 2025-2027 zonder pad"),
])
def test_leesbare_fout(fout, verwacht):
    c = lees_casus((ROOT / "tests/scenarios/martin_hanna_2024.json").read_bytes())
    assert leesbare_fout(fout, c) == verwacht


def test_echte_fout_van_de_rekenkern_zonder_iso():
    c = lees_casus((ROOT / "tests/scenarios/martin_hanna_2024.json").read_bytes())
    c.jaren[0].perioden[1].van = date(2024, 6, 1)             # overlapt met januari t/m augustus
    with pytest.raises(CasusFout) as e:
        lees_casus(casus_naar_dict(c))
    (tekst,) = [leesbare_fout(f, c) for f in e.value.fouten]
    assert tekst.startswith("toeslagjaar 2024, periode 2: juni 2024 t/m december 2024 overlapt")
    assert not re.search(r"\b20\d\d-\d\d\b|\[\d+\]", tekst)
