"""Sneltoetsen (Alt+letter) zijn uniek op elke pagina en in elk dialoogvenster, de knoppen van de wizard zelf
meegeteld (Volgende, Terug, Klaar, ongedaan maken): een dubbele letter springt anders naar het verkeerde veld of,
erger, drukt op een knop die iets weggooit."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QWidget

from avdesk.core.casus import lees_casus
from avdesk.ui.wizard import AFRONDING, WTRAP, AvWizard

ROOT = Path(__file__).resolve().parents[2]


def letter(tekst: str) -> str | None:
    i = 0
    while (i := tekst.find("&", i)) >= 0 and i + 1 < len(tekst):
        if tekst[i + 1] != "&":
            return tekst[i + 1].lower()
        i += 2
    return None


def sneltoetsen(venster: QWidget) -> dict[str, list[str]]:
    """Letter -> de teksten die hem gebruiken, van alles wat nu zichtbaar is in het venster."""
    uit: dict[str, list[str]] = {}
    for w in venster.findChildren(QWidget):
        if not w.isVisibleTo(venster):
            continue
        teksten = []
        if isinstance(w, QAbstractButton):
            teksten = [w.text()]
        elif isinstance(w, QLabel) and w.buddy() is not None:
            teksten = [w.text()]
        elif isinstance(w, QGroupBox):
            teksten = [w.title()]
        elif isinstance(w, QTabBar):
            teksten = [w.tabText(i) for i in range(w.count())]
        for t in teksten:
            if (x := letter(t)) is not None:
                uit.setdefault(x, []).append(t.replace("&", ""))
    return uit


def dubbel(venster) -> dict[str, list[str]]:
    return {k: v for k, v in sneltoetsen(venster).items() if len(v) > 1}


def casus(naam):
    return lees_casus((ROOT / "tests/scenarios" / naam).read_bytes())


@pytest.mark.parametrize("scenario,route,stappen", [
    ("martin_hanna_2024.json", "tekort", [1, 2, 3, 4, 5, 6, 7, AFRONDING]),
    ("drie_jaren.json", "beide", [8, 9, 10, 11]),
    ("wtrap_2026.json", "wtrap", [WTRAP]),
])
@pytest.mark.traag
def test_geen_dubbele_sneltoetsen_op_een_pagina(qtbot, app, opslag, scenario, route, stappen):
    c = casus(scenario)
    c.aanvraag.route = route
    c.aanvraag.toestemming_mijntoeslagen = True
    d = opslag.nieuw_dossier(c)
    w = AvWizard(opslag.casus(d), opslag, d)
    qtbot.addWidget(w)
    w.show()
    fouten = {}
    for stap in stappen:
        w.hervat(stap)
        assert w.currentId() == stap
        pagina = w.currentPage()
        if stap == 2:
            pagina.editor(2024).p.handmatig.setChecked(True)     # ook de velden die pas na aanvinken verschijnen
        if stap == AFRONDING:
            pagina.maak_pdfs()
        fouten.update({f"stap {stap}: {k}": v for k, v in dubbel(w).items()})
    assert not fouten, fouten


def test_geen_dubbele_sneltoetsen_in_hoofdscherm_en_dialogen(qtbot, app, opslag):
    from avdesk.ui.hoofdscherm import Hoofdscherm
    from avdesk.ui.instellingen import InstellingenDialoog
    from avdesk.ui.wachtwoord import WachtwoordDialoog
    vensters = [Hoofdscherm(opslag), InstellingenDialoog(opslag), WachtwoordDialoog(True), WachtwoordDialoog(False)]
    for v in vensters:
        qtbot.addWidget(v)
        v.show()
        assert not dubbel(v), (type(v).__name__, dubbel(v))


def test_verwijderen_deelt_nooit_een_letter_met_de_navigatie(qtbot, app, opslag):
    """Alt+V was zowel Volgende als Medebewoner verwijderen: een kind verdween zonder vraag."""
    c = casus("martin_hanna_2024.json")
    c.aanvraag.route = "tekort"
    w = AvWizard(c)
    qtbot.addWidget(w)
    w.show()
    w.hervat(2)
    alle = sneltoetsen(w)
    navigatie = {letter(w.buttonText(k)) for k in (w.WizardButton.NextButton, w.WizardButton.BackButton,
                                                 w.WizardButton.FinishButton)}
    for lett, teksten in alle.items():
        if any("verwijder" in t.lower() or "samenvoegen" in t.lower() for t in teksten):
            assert lett not in navigatie, teksten


def test_escape_sluit_de_dialogen(qtbot, app, opslag):
    """Instellingen en de wachtwoordvraag hadden een QDialog in een QDialog: Escape sloot alleen de binnenste en liet
    een leeg, blokkerend venster staan."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from avdesk.ui.instellingen import InstellingenDialoog
    from avdesk.ui.wachtwoord import WachtwoordDialoog
    for d in (InstellingenDialoog(opslag), WachtwoordDialoog(True)):
        qtbot.addWidget(d)
        d.show()
        qtbot.waitExposed(d)
        d.activateWindow()
        doel = QApplication.focusWidget() or d.focusWidget() or d
        qtbot.keyClick(doel, Qt.Key.Key_Escape)
        assert not d.isVisible() and d.result() == 0, type(d).__name__


def test_wachtwoordvraag_toont_waarschuwing_en_hele_melding(qtbot, app):
    from avdesk.ui.wachtwoord import WachtwoordDialoog
    d = WachtwoordDialoog(True)
    qtbot.addWidget(d)
    d.show()
    assert d.f.uitleg.isVisible() and "zonder wachtwoord zijn de dossiers niet te openen" in d.f.uitleg.text()
    d.f.wachtwoord.setText("kort")
    d.accept()
    fout = d.f.wachtwoord_fout
    assert fout.isVisible() and "minstens 8 tekens" in fout.text()
    app.processEvents()
    assert fout.height() >= fout.heightForWidth(fout.width()) and fout.width() >= fout.fontMetrics().horizontalAdvance(
        "Kies een wachtwoord van") and d.rect().contains(fout.mapTo(d, fout.rect().bottomRight()))
