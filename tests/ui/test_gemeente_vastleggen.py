"""'Besluit vastleggen' in het venster (issue 25): dezelfde functie als `avdesk beschikking --vastleggen`, pas na een
bevestiging; daarna staat het besluit in de lijst."""

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from avdesk.core.casus import lees_casus
from avdesk.export.documenten import maak_documenten
from avdesk.gemeente import besluit, werk

ROOT = Path(__file__).resolve().parents[2]


def test_besluit_vastleggen_in_het_venster(qtbot, app, opslag, tmp_path, monkeypatch):
    from avdesk.ui.gemeente import KOLOMMEN, GemeenteScherm
    c = lees_casus((ROOT / "tests/scenarios/martin_hanna_2024.json").read_bytes())
    docs = maak_documenten(c, gemaakt=date(2024, 9, 20), dossier_id=12)
    d = werk.ontvang(opslag, ("b.pdf", docs["berekening"]), ("a.pdf", docs["aanvraag"])).dossier
    scherm = GemeenteScherm(opslag)
    qtbot.addWidget(scherm)
    dlg = scherm.openen()
    qtbot.addWidget(dlg)
    monkeypatch.setattr(dlg, "kies_map", lambda: tmp_path / "brieven")
    antwoorden = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: antwoorden.pop(0))
    dlg.vastleggen.click()                                   # Nee: niets vastgelegd, geen brief
    assert besluit.laatste_besluit(opslag, d) is None and not (tmp_path / "brieven").exists()
    dlg.vastleggen.click()
    b = besluit.laatste_besluit(opslag, d)
    assert b is not None and b.soort == "toekenning" and b.totaal == 716
    assert f"Besluit {b.id} vastgelegd: toekenning, € 716,00." in dlg.waar.text()
    dlg.accept()
    rij = {k: scherm.model.item(0, i).text() for i, k in enumerate(KOLOMMEN)}
    assert rij["Besluit"] == "toekenning" and rij["Bedrag per jaar"] == "2024: € 716,00"
    assert rij["Beschikking"].startswith("vastgelegd toekenning")
