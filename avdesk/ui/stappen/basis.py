"""De basis van elke pagina van de wizard: nummers en titels, de klasse Stap en Rekenstap (een pagina die de
uitkomst van de rekenkern toont)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWizard, QWizardPage

from ...core.berekening import Berekening
from ...core.casus import Casus
from ...core.casusmodel import TOESLAGNAMEN as NAMEN  # noqa: F401 (stap 7 en __init__ lezen hem hier)
from ...core.wtrapjaren import WTRAP_JAREN
from ..laden import Formulier
from ..paginahulp import eerste_lege_veld, meld_interne_fout


from ...core.route import AFRONDING, WTRAP  # noqa: F401 (de nummers van de route)
TITELS_STAPPEN = {
    WTRAP: f"Wtrap {WTRAP_JAREN}: zelfmeldertoets",
    1: "Uitnodigen en inloggen", 2: "Gegevens in MijnToeslagen controleren", 3: "Route: tekort, terugvordering of beide",
    4: "Netto-inkomen en bijstandsniveau", 5: "Berekening van de toeslagen", 6: "Vergelijking met het bestaansminimum",
    7: "Tekort in het lopende jaar", 8: "Tekort 2023", 9: "Terugvordering", 10: "Geheel of deels door de "
    "alleenverdienersproblematiek", 11: "Tekort hoger dan de terugvordering?", AFRONDING: "Afronding",
}


def paginatitel(n: int) -> str:
    return TITELS_STAPPEN[n] if n in (AFRONDING, WTRAP) else f"Stap {n} - {TITELS_STAPPEN[n]}"


class Stap(QWizardPage):
    nummer = 0
    formulier = ""
    rijke_labels: tuple[str, ...] = ()

    def __init__(self, wizard: QWizard):     # AvWizard (avdesk/ui/wizard.py)
        super().__init__()
        self.w = wizard
        self.f = Formulier(self.formulier)
        # Labels tonen tekst, geen opmaak: zinnen met namen (signalen, de toets per periode) staan er precies zoals
        # getypt, ook met < of &. Alleen een label dat zelf opmaak maakt (en de tekst escapet) mag rijke tekst.
        for label in self.f.widget.findChildren(QLabel):
            if label.objectName() not in self.rijke_labels:
                label.setTextFormat(Qt.TextFormat.PlainText)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        # De inhoud schuift binnen de pagina: het venster past op elk scherm en de knoppen blijven in beeld.
        self.vlak = QScrollArea()
        self.vlak.setWidgetResizable(True)
        self.vlak.setFrameShape(QFrame.Shape.NoFrame)
        self.vlak.setWidget(self.f.widget)
        lay.addWidget(self.vlak)
        # Een schuifvlak in het formulier zelf (uit Designer) gaat eruit: de pagina schuift al. Anders stond de inhoud
        # bij 125% en 150% in een schuifvlak in een schuifvlak, met afgesneden velden aan de rechterkant.
        binnen = self.f.widget.findChild(QScrollArea, "scroll")
        if binnen is not None and binnen.parentWidget() is not None and binnen.parentWidget().layout() is not None:
            ouder = binnen.parentWidget().layout()
            ouder.insertWidget(ouder.indexOf(binnen), binnen.takeWidget())
            ouder.removeWidget(binnen)
            binnen.hide()
            binnen.deleteLater()
            ouder.addStretch(1)             # wat over is, komt onderaan (het schuifvlak nam die ruimte eerst)
        self.melding = QLabel()
        self.melding.setWordWrap(True)
        self.melding.setStyleSheet("color: #b00020;")
        self.melding.hide()
        lay.addWidget(self.melding)
        self.setTitle(paginatitel(self.nummer))
        for le in self.f.widget.findChildren(QLineEdit):
            le.editingFinished.connect(self.w.na_wijziging)

    @property
    def casus(self) -> Casus:
        return self.w.casus

    def initializePage(self):
        self.melding.hide()
        try:
            self.laad()
        except Exception as e:          # nooit de app laten vallen: melden, zonder persoonsgegevens
            self.melding.setText(meld_interne_fout(e))
            self.melding.show()
        self.w.pagina_binnen(self)

    def focusveld(self):
        """Waar de focus heen gaat bij binnenkomst: het eerste lege veld, anders de knop Volgende (Enter)."""
        return eerste_lege_veld(self) or self.w.button(QWizard.WizardButton.FinishButton if self.isFinalPage()
                                                       else QWizard.WizardButton.NextButton)

    def laad(self):
        """Casus -> velden."""

    def schrijf(self, streng: bool = False) -> list[str]:
        """Velden -> casus (alleen geldige waarden). Geeft de fouten; die staan ook bij de velden."""
        return []

    def toon_melding(self, fouten: list[str]) -> None:
        self.melding.setText("Nog niet compleet:\n" + "\n".join(f"• {f}" for f in fouten[:8]) if fouten else "")
        self.melding.setVisible(bool(fouten))

    def validatePage(self) -> bool:
        try:
            fouten = self.schrijf(True)
        except Exception as e:
            self.melding.setText(meld_interne_fout(e))
            self.melding.show()
            return False
        if self.w.herstellen:
            return True
        self.toon_melding(fouten)
        if fouten:
            return False
        self.w.bewaar()
        return True

    def nextId(self) -> int:
        return self.w.volgende(self.nummer)


class Rekenstap(Stap):
    """Een stap die de uitkomst van de rekenkern toont (alleen als de casus compleet genoeg is)."""

    def uitkomst(self) -> Berekening | None:
        b, fouten = self.w.bereken()
        self.toon_melding(fouten)
        return b


