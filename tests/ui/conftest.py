"""Hulp voor de wizardtests: een opslag in een tijdelijke map en 'typen' zoals een raadsman."""

import pytest
from PySide6.QtWidgets import QWizard

from avdesk.store.opslag import Opslag
from avdesk.ui.app import maak_app


@pytest.fixture
def app():
    return maak_app([])


@pytest.fixture(autouse=True)
def geen_autosave_na_de_test():
    """Een wizard die een test laat leven, bewaart elke 30 s: op een drukke machine pas in een latere test, in een
    opslag die dan al dicht is (de fout verschijnt dan bij die test). Na elke test staat zijn klok stil."""
    yield
    from PySide6.QtWidgets import QApplication

    from avdesk.ui.wizard import AvWizard
    for w in QApplication.topLevelWidgets():
        if isinstance(w, AvWizard):
            w.timer.stop()


@pytest.fixture
def opslag(tmp_path):
    o = Opslag.open(tmp_path / "dossiers", "testwachtwoord")
    yield o
    o.close()


class Raadsman:
    """Typt in velden en drukt op knoppen; telt hoeveel velden er ingevuld moesten worden."""

    def __init__(self, qtbot, wizard):
        self.qtbot, self.w, self.velden = qtbot, wizard, 0

    def typ(self, veld, tekst: str) -> None:
        veld.setFocus()
        veld.selectAll()
        self.qtbot.keyClicks(veld, tekst)
        veld.editingFinished.emit()          # de raadsman tabt naar het volgende veld
        self.velden += 1

    def vink(self, vakje, aan: bool = True) -> None:
        if vakje.isChecked() != aan:
            vakje.click()
        self.velden += 1

    def klik(self, knop) -> None:
        # click(): dezelfde signalen als een muisklik, ook bij een keuzerondje waarvan het midden naast de tekst valt.
        knop.click()

    def volgende(self) -> int:
        self.klik(self.w.button(QWizard.WizardButton.NextButton))
        return self.w.currentId()

    @property
    def pagina(self):
        return self.w.currentPage()


@pytest.fixture
def raadsman_voor(qtbot):
    def maak(wizard):
        qtbot.addWidget(wizard)
        wizard.show()
        return Raadsman(qtbot, wizard)
    return maak
