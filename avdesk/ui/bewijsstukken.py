"""Het paneel bewijsstukken op de afrondingspagina: per jaar de stukken die bij de route horen, elk bijgevoegd, volgt
nog of niet van toepassing. Vult de lijst in de aanvraag (aanvraag.bewijs en aanvraag.bewijs_nvt van de casus)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ..core.bewijs import STANDEN, bewijs_per_jaar, zet_stand
from ..core.casus import Casus


class Bewijspaneel(QWidget):
    def __init__(self, bij_wijziging, ouder=None):
        super().__init__(ouder)
        self.bij_wijziging = bij_wijziging
        self.lay = QVBoxLayout(self)
        self.lay.setContentsMargins(0, 0, 0, 0)
        self.keuzes: dict[tuple[int, str], QComboBox] = {}

    def laad(self, c: Casus) -> None:
        while self.lay.count():
            w = self.lay.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self.keuzes = {}
        for jaar in sorted(j.jaar for j in c.jaren):
            kop = QLabel(f"<b>{jaar}</b>")
            self.lay.addWidget(kop)
            houder = QWidget()
            vorm = QFormLayout(houder)
            vorm.setContentsMargins(0, 0, 0, 0)
            for stuk, stand in bewijs_per_jaar(c, jaar):
                keuze = QComboBox()
                keuze.addItems(list(STANDEN.values()))
                keuze.setCurrentIndex(list(STANDEN).index(stand))
                keuze.setAccessibleName(f"{jaar}: {stuk['tekst']}")
                keuze.setToolTip(f"{stuk['tekst']}: bijgevoegd, volgt nog of niet van toepassing")
                keuze.activated.connect(lambda i, c=c, jaar=jaar, s=stuk["id"]: self._gekozen(c, jaar, s, i))
                label = QLabel(stuk["tekst"])
                label.setWordWrap(True)
                label.setBuddy(keuze)
                vorm.addRow(label, keuze)
                self.keuzes[(jaar, stuk["id"])] = keuze
            self.lay.addWidget(houder)

    def _gekozen(self, c: Casus, jaar: int, stuk: str, index: int) -> None:
        zet_stand(c, jaar, stuk, list(STANDEN)[index])
        self.bij_wijziging()
