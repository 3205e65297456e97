"""Het startvenster: Nederlands (ook Qt's eigen knoppen) en netjes te sluiten."""

from PySide6.QtWidgets import QDialogButtonBox, QLabel

from avdesk.ui.start import laad_vertaling, maak_venster


def test_startvenster_nederlands(qtbot, qapp):
    laad_vertaling(qapp)
    w = maak_venster()
    qtbot.addWidget(w)
    w.show()
    tekst = w.findChild(QLabel).text()
    assert "alleenverdienersproblematiek" in tekst and "2022, 2023, 2024, 2025, 2026" in tekst
    knop = w.findChild(QDialogButtonBox).buttons()[0]
    assert knop.text() == "Sluiten"          # qtbase_nl geladen: anders "Close"
    knop.click()
    assert not w.isVisible()
