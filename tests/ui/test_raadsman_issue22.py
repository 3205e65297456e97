"""Issue 22, de kleinere punten die geen toetsenreeks nodig hebben: verouderde PDF's niet zonder vraag opslaan,
labels die de aanvraag niet tegenspreken, de exportmap die bestaat."""

import pytest
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from avdesk.core.casus import lees_casus
from avdesk.ui.wizard import AFRONDING, AvWizard

ROOT = Path(__file__).resolve().parents[2]


def dossier_wizard(qtbot, opslag, scenario="martin_hanna_2024.json", route="tekort"):
    c = lees_casus((ROOT / "tests/scenarios" / scenario).read_bytes())
    c.aanvraag.route = route
    c.aanvraag.toestemming_mijntoeslagen = True
    d = opslag.nieuw_dossier(c)
    w = AvWizard(opslag.casus(d), opslag, d)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.mark.traag
def test_verouderde_pdfs_opslaan_vraagt_het_eerst(qtbot, app, opslag, monkeypatch, tmp_path):
    w = dossier_wizard(qtbot, opslag)
    w.hervat(AFRONDING)
    pagina = w.currentPage()
    pagina.maak_pdfs()
    gevraagd, gekozen = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: gevraagd.append(a) or QMessageBox.StandardButton.No)
    monkeypatch.setattr("avdesk.ui.stappen.afronding.kies_map", lambda *a: gekozen.append(a) or str(tmp_path))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    pagina.opslaan_als()                     # niets gewijzigd: geen vraag
    assert not gevraagd and len(gekozen) == 1
    w.casus.jaren[0].perioden[0].huur.kale_huur += 1          # nu zijn ze verouderd
    pagina.opslaan_als()
    assert len(gevraagd) == 1 and len(gekozen) == 1          # Nee: niet opgeslagen
