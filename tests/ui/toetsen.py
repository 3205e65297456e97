"""Het toetsenbord voor de tests die de wizard alleen met toetsen doorlopen (test_toetsenbord, test_wtrap_route,
test_toetsen_issue22): elke toets gaat naar het widget met de focus en telt als een aanslag (Alt+letter ook als een).
En het begin dat ze delen: een nieuw dossier via Ctrl+N in het hoofdscherm, stap 1 typen, of de wizard bij een stap
van een bestaand scenario."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

K = Qt.Key
SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"


class Toetsenbord:
    """Drukt toetsen in bij het widget met de focus en telt ze (Alt+letter telt als een aanslag)."""

    def __init__(self, qtbot):
        self.qtbot, self.aanslagen = qtbot, 0

    def doel(self):
        w = QApplication.focusWidget()
        assert w is not None, "niets heeft de focus"
        return w

    def druk(self, toets, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.doel(), toets, modifier)
        self.aanslagen += 1
        self.qtbot.wait(5)

    def typ(self, tekst: str) -> None:
        for teken in tekst:
            self.qtbot.keyClicks(self.doel(), teken)
            self.aanslagen += 1

    def alt(self, letter: str) -> None:
        self.druk(getattr(K, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier)
        self.qtbot.wait(130)            # een knop via zijn sneltoets 'klikt' na 100 ms (animateClick)

    def tab(self) -> None:
        self.druk(K.Key_Tab)

    def enter(self) -> None:
        self.druk(K.Key_Return)
        self.qtbot.wait(20)


def nieuw_dossier(qtbot, opslag):
    """Het hoofdscherm zoals de app het opent, met een raadsman die avdesk al kent (de eerste keer vraagt avdesk naam
    en organisatie); Ctrl+N (pas als het hoofdscherm zelf de focus heeft, niet een venster van een vorige test) opent
    de wizard. Geeft (hoofdscherm, wizard, toetsenbord); Ctrl+N is de eerste aanslag."""
    from avdesk.store.instellingen import schrijf
    from avdesk.ui.hoofdscherm import Hoofdscherm
    schrijf(opslag, {"raadsman_naam": "R. de Vries", "organisatie_naam": "Raadslieden", "raadsman_email": "r@example.nl"})
    scherm = Hoofdscherm(opslag)
    qtbot.addWidget(scherm)
    scherm.show()
    scherm.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and scherm.isAncestorOf(QApplication.focusWidget()))
    t = Toetsenbord(qtbot)
    t.druk(K.Key_N, Qt.KeyboardModifier.ControlModifier)
    w = scherm.wizard
    qtbot.waitUntil(lambda: w.isVisible() and QApplication.focusWidget() is w.currentPage().f.aanvrager_naam)
    return scherm, w, t


def stap1_typen(t, aanvrager, geb_a, bsn, partner, geb_p, aanvraagdatum, adres, postcode, iban):
    t.typ(aanvrager), t.tab(), t.typ(geb_a), t.tab(), t.typ(bsn), t.tab()
    t.typ(partner), t.tab(), t.typ(geb_p)
    t.alt("a"), t.typ(aanvraagdatum)
    t.alt("e"), t.typ(adres), t.tab(), t.typ(postcode)
    t.alt("i"), t.typ(iban)
    t.alt("j"), t.alt("k")                                          # toestemming MijnToeslagen en delen
    t.enter()


def wizard_bij(qtbot, opslag, scenario: str, route: str, stap: int):
    """De wizard van een scenario (tests/scenarios/) als dossier, met de focus bij stap `stap`."""
    from avdesk.core.casus import lees_casus
    from avdesk.ui.wizard import AvWizard
    c = lees_casus((SCENARIOS / scenario).read_bytes())
    c.aanvraag.route = route
    c.aanvraag.toestemming_mijntoeslagen = True
    d = opslag.nieuw_dossier(c)
    w = AvWizard(opslag.casus(d), opslag, d)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    w.hervat(stap)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None and w.isAncestorOf(QApplication.focusWidget()))
    return w
