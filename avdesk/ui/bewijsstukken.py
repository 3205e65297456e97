"""Het paneel bewijsstukken op de afrondingspagina: per jaar de stukken die bij de route horen, elk bijgevoegd, volgt
nog of niet van toepassing. Vult de lijst in de aanvraag (aanvraag.bewijs en aanvraag.bewijs_nvt van de casus)."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
        nummer = 0
        uitleg = QLabel("Alt+cijfer springt naar het stuk met dat nummer; b, v of n kiest bijgevoegd, volgt nog of "
                        "niet van toepassing.")
        uitleg.setWordWrap(True)
        uitleg.setStyleSheet("color: #5f6368;")
        self.lay.addWidget(uitleg)
        for jaar in sorted(j.jaar for j in c.jaren):
            kop = QLabel(f"<b>{jaar}</b>")
            self.lay.addWidget(kop)
            houder = QWidget()
            vorm = QFormLayout(houder)
            vorm.setContentsMargins(0, 0, 0, 0)
            for stuk, stand in bewijs_per_jaar(c, jaar):
                nummer += 1
                keuze = QComboBox()
                keuze.addItems(list(STANDEN.values()))
                keuze.setCurrentIndex(list(STANDEN).index(stand))
                keuze.setAccessibleName(f"{jaar}: {stuk['tekst']}")
                keuze.setAccessibleDescription("bijgevoegd, volgt nog of niet van toepassing (toets b, v of n)")
                keuze.setToolTip(f"{stuk['tekst']}: bijgevoegd (b), volgt nog (v) of niet van toepassing (n)")
                keuze.activated.connect(lambda i, c=c, jaar=jaar, s=stuk["id"]: self._gekozen(c, jaar, s, i))
                # Alt+1 t/m Alt+9 springen naar het stuk met dat nummer (de letters zijn van de knoppen).
                tekst = stuk["tekst"].replace("&", "&&")
                label = QLabel(f"&{nummer}  {tekst}" if nummer <= 9 else f"{nummer}  {tekst}")
                label.setTextFormat(Qt.TextFormat.PlainText)
                label.setWordWrap(True)
                label.setBuddy(keuze)
                vorm.addRow(label, keuze)
                self.keuzes[(jaar, stuk["id"])] = keuze
            self.lay.addWidget(houder)

    def volgorde(self) -> list[QComboBox]:
        """De keuzes in de volgorde van het scherm (voor de Tab-volgorde van de pagina)."""
        return list(self.keuzes.values())

    def _gekozen(self, c: Casus, jaar: int, stuk: str, index: int) -> None:
        zet_stand(c, jaar, stuk, list(STANDEN)[index])
        self.bij_wijziging()
