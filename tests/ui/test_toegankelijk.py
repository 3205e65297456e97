"""Issue 22: een schermlezer kan met de wizard werken (EN 301 549 hfst. 11). Elke pagina van beide routes (bijzondere
bijstand met Martin en Hanna, en de Wtrap) en de dialogen die de wizard opent: elk veld, elke knop, tabel, tab en
elk vinkvak heeft een toegankelijke naam (wat QAccessible aan een schermlezer geeft); een veld met een vorm (datum,
BSN) of een fout zegt dat in zijn beschrijving; de grafiek heeft een tekstalternatief met de bedragen."""

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QApplication, QComboBox,
                               QLineEdit, QPlainTextEdit, QTabBar, QTextEdit, QWidget)

from avdesk.core.casus import lees_casus
from avdesk.ui.wizard import AFRONDING, WTRAP, AvWizard

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
INTERACTIEF = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox, QPlainTextEdit, QTextEdit,
               QTabBar)


def naam(w: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(w)
    return (iface.text(QAccessible.Text.Name) if iface is not None else "") or w.accessibleName()


def zonder_naam(venster: QWidget) -> list[str]:
    """De zichtbare interactieve widgets zonder toegankelijke naam (klasse, objectnaam en waar ze staan)."""
    fouten = []
    for w in venster.findChildren(QWidget):
        if not isinstance(w, INTERACTIEF) or not w.isVisibleTo(venster):
            continue
        if isinstance(w, QLineEdit) and isinstance(w.parentWidget(), (QComboBox, QAbstractSpinBox)):
            continue                # het bewerkveld binnen een keuzelijst: de keuzelijst zelf draagt de naam
        if not naam(w).strip():
            ouder = w.parentWidget()
            fouten.append(f"{type(w).__name__} '{w.objectName()}' in {type(ouder).__name__} '{ouder.objectName()}'")
    return fouten


def wizard_met(qtbot, scenario: str, route: str) -> AvWizard:
    c = lees_casus((SCENARIOS / scenario).read_bytes())
    c.aanvraag.route = route
    c.aanvraag.toestemming_mijntoeslagen = True
    w = AvWizard(c)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.mark.parametrize("scenario, route, stappen", [
    ("martin_hanna_2024.json", "tekort", (1, 2, 3, 4, 5, 6, 7, AFRONDING)),
    ("drie_jaren.json", "beide", (8, 9, 10, 11)),
    ("wtrap_2026.json", "wtrap", (1, 2, 4, WTRAP, AFRONDING)),
])
def test_elke_pagina_heeft_namen_voor_de_schermlezer(qtbot, app, scenario, route, stappen):
    w = wizard_met(qtbot, scenario, route)
    for stap in stappen:
        w.hervat(stap)
        assert w.currentId() == stap, (scenario, stap, w.currentId())
        fouten = zonder_naam(w)
        assert not fouten, f"{scenario} stap {stap}:\n" + "\n".join(fouten)


def test_namen_komen_van_het_label_en_de_vorm_staat_in_de_beschrijving(qtbot, app):
    w = wizard_met(qtbot, "martin_hanna_2024.json", "tekort")
    w.hervat(1)
    f = w.currentPage().f
    assert naam(f.aanvrager_naam) == "Naam"
    assert naam(f.partner_geboortedatum) == "Geboortedatum"
    assert "dd-mm-jjjj" in f.partner_geboortedatum.accessibleDescription()
    assert naam(f.toestemming_delen) == "Toestemming om aanvraag en berekening met de gemeente te delen"
    # Een fout onder het veld hoort de schermlezer ook: in de beschrijving, en weer weg als het klopt.
    f.aanvrager_bsn.setText("123")
    w.currentPage().schrijf(False)
    assert "9 cijfers" in f.aanvrager_bsn.accessibleDescription()
    assert "Een BSN heeft 9 cijfers" in f.aanvrager_bsn.accessibleDescription()
    f.aanvrager_bsn.setText("123456782")
    w.currentPage().schrijf(False)
    assert "Een BSN heeft 9 cijfers" not in f.aanvrager_bsn.accessibleDescription()


def test_grafiek_heeft_een_tekstalternatief(qtbot, app):
    w = wizard_met(qtbot, "martin_hanna_2024.json", "tekort")
    w.hervat(5)
    grafiek = w.currentPage().grafiek
    beschrijving = grafiek.accessibleDescription()
    assert naam(grafiek).startswith("Grafiek")
    for stuk in ("januari 2024 t/m juni 2024", "september 2024 t/m december 2024", "verschil in toeslagen € 171,00 "
                 "per maand", "compensatie € 171,00 per maand"):
        assert stuk in beschrijving, beschrijving


def test_dialogen_van_de_wizard_hebben_namen(qtbot, app, tmp_path):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from avdesk.ui.hulp import toon_hulp
    from avdesk.ui.raadsman import RaadsmanDialoog
    w = wizard_met(qtbot, "martin_hanna_2024.json", "tekort")
    w.hervat(2)
    hulp = toon_hulp(w, "2")                                   # F1
    assert zonder_naam(hulp) == []
    hulp.close()
    raadsman = RaadsmanDialoog({}, w)
    qtbot.addWidget(raadsman)
    raadsman.show()
    assert zonder_naam(raadsman) == []
    assert naam(raadsman.velden["raadsman_naam"])
    vraag = QMessageBox(QMessageBox.Icon.Question, "Jaar verwijderen", "De perioden van 2024 verwijderen?",
                        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, w)   # zoals bevestig()
    qtbot.addWidget(vraag)
    vraag.show()
    assert zonder_naam(vraag) == []
    # Opslaan als en de exportmap: Qt's eigen mapdialoog, zoals kies_map() hem opent (met dezelfde opties).
    from avdesk.ui.pdfvoorbeeld import kies_map
    gezien = []

    def kijk_en_sluit():
        d = QApplication.activeModalWidget()
        if isinstance(d, QFileDialog) and d.isActiveWindow():
            gezien.append(zonder_naam(d))
            d.reject()
        else:
            QTimer.singleShot(100, kijk_en_sluit)
    QTimer.singleShot(100, kijk_en_sluit)
    assert kies_map(w, "Map voor de PDF's", str(tmp_path)) == ""
    assert gezien and gezien[-1] == [], gezien



@pytest.mark.parametrize("scenario, route, stappen", [
    ("martin_hanna_2024.json", "tekort", (1, 2, 3, 4, 7, AFRONDING)),
    ("wtrap_2026.json", "wtrap", (WTRAP,)),
])
def test_de_focus_is_altijd_zichtbaar(qtbot, app, scenario, route, stappen):
    """Elk widget dat met Tab de focus krijgt, ziet er met focus anders uit dan zonder (een rand, een kader)."""
    from PySide6.QtCore import Qt
    w = wizard_met(qtbot, scenario, route)
    w.activateWindow()
    qtbot.waitUntil(lambda: w.isActiveWindow())
    for stap in stappen:
        w.hervat(stap)
        onzichtbaar = []
        # Zonder focus: de focus op iets anders (een invoerveld); een knop is dan ook niet meer de standaardknop.
        elders = next((v for v in w.currentPage().findChildren(QLineEdit) if v.isVisibleTo(w)), None)
        for veld in w.findChildren(QWidget):
            if (not isinstance(veld, INTERACTIEF) or not veld.isVisibleTo(w) or not veld.isEnabled()
                    or not veld.focusPolicy() & Qt.FocusPolicy.TabFocus or veld.width() < 2):
                continue
            (elders.setFocus() if elders is not None and elders is not veld else veld.clearFocus())
            QApplication.processEvents()
            if isinstance(veld, QAbstractButton) and getattr(veld, "isDefault", lambda: False)():
                continue            # de standaardknop (Enter) heeft al het kader dat een knop met focus krijgt
            zonder = veld.grab().toImage()
            veld.setFocus(Qt.FocusReason.TabFocusReason)
            QApplication.processEvents()
            if veld.hasFocus() and veld.grab().toImage() == zonder:
                onzichtbaar.append(f"{type(veld).__name__} '{veld.objectName() or naam(veld)}'")
        assert not onzichtbaar, f"{scenario} stap {stap}: focus niet te zien op\n" + "\n".join(onzichtbaar)
