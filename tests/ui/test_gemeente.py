"""Het venster van het team Inkomen (issue 17): de lijst met ontvangen aanvragen (controle, lijst per jaar,
beschikking), de ontvangen berekening naast de controle, 'Controleer opnieuw' en 'Concept beschikking'."""

import json
from datetime import date
from pathlib import Path

import pytest
import docx

from avdesk.core.casus import lees_casus
from avdesk.export.documenten import maak_documenten
from avdesk.gemeente import werk
from avdesk.store import lijsten

ROOT = Path(__file__).resolve().parents[2]


def _ontvang(opslag) -> int:
    c = lees_casus((ROOT / "tests/scenarios/martin_hanna_2024.json").read_bytes())
    docs = maak_documenten(c, gemaakt=date(2024, 9, 20), dossier_id=12)
    return werk.ontvang(opslag, ("b.pdf", docs["berekening"]), ("a.pdf", docs["aanvraag"])).dossier


def _rij(scherm, rij: int) -> list[str]:
    return [scherm.model.item(rij, k).text() for k in range(scherm.model.columnCount())]


@pytest.mark.traag
def test_lijst_dialoog_en_knoppen(qtbot, app, opslag, tmp_path, monkeypatch):
    from avdesk.ui.gemeente import GemeenteScherm
    d = _ontvang(opslag)
    scherm = GemeenteScherm(opslag)
    qtbot.addWidget(scherm)
    rij = _rij(scherm, 0)
    assert rij[:5] == [str(d), "Martin", "Hanna", "AV-12-20240915-658722", "let op"]
    assert rij[5:8] == ["-", "2024 geen lijst", "nog geen"]
    assert "nog geen doelgroepselectielijst" in scherm.lijsten.text()

    dlg = scherm.openen()
    qtbot.addWidget(dlg)
    assert dlg.pdfview.document().pageCount() > 1                     # de ontvangen berekening
    html = dlg.controle.toPlainText()
    assert "Berekening: klopt" in html and "Doelgroepselectielijst 2024: niet ingelezen" in html

    lijsten.importeer(opslag, 2024, ["123456782"])                  # de lijst komt later binnen
    dlg.opnieuw.click()
    assert "Op de doelgroepselectielijst 2024 (aanvrager)" in dlg.controle.toPlainText()

    monkeypatch.setattr(dlg, "kies_map", lambda: tmp_path / "brieven")
    dlg.beschikking.click()
    (pad,) = (tmp_path / "brieven").glob("*.docx")
    assert "€ 716,00" in "\n".join(p.text for p in docx.Document(str(pad)).paragraphs)
    assert "Beschikking: concept toekenning" in dlg.controle.toPlainText()
    dlg.accept()
    rij = _rij(scherm, 0)
    assert rij[6] == "2024 op de lijst" and rij[7].startswith("concept toekenning")
    assert "2024 (1 BSN's" in scherm.lijsten.text()
    scherm.zoek.setText("AV-12")
    assert scherm.model.rowCount() == 1
    scherm.zoek.setText("niemand")
    assert scherm.model.rowCount() == 0


def test_werkwijze_in_de_instellingen(qtbot, app, opslag):
    from avdesk.store.instellingen import lees
    from avdesk.ui.instellingen import InstellingenDialoog
    dlg = InstellingenDialoog(opslag)
    qtbot.addWidget(dlg)
    assert dlg.modus.currentIndex() == 0
    dlg.modus.setCurrentIndex(1)
    dlg.accept()
    assert lees(opslag)["modus"] == "gemeente"
    assert json.dumps(lees(opslag))
