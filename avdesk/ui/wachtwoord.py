"""De wachtwoordvraag bij het openen van de dossiers, alleen als er geen veilige sleutelbos is."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout

from .laden import Formulier


class WachtwoordDialoog(QDialog):
    def __init__(self, nieuw: bool, ouder=None):
        super().__init__(ouder)
        self.nieuw = nieuw
        self.f = Formulier("wachtwoord")
        QVBoxLayout(self).addWidget(self.f.widget)
        self.setWindowTitle("avdesk: wachtwoord")
        self.f.uitleg.setText(
            "Er is geen veilige sleutelbos op deze computer. Kies een wachtwoord om de dossiers te beveiligen. "
            "Onthoud het goed: zonder wachtwoord zijn de dossiers niet te openen." if nieuw else
            "De dossiers zijn beveiligd met een wachtwoord.")
        self.f.uitleg.show()            # de lader verbergt een uitleg die bij het laden nog leeg is
        self.f.uitleg.setMinimumWidth(380)
        self.f.wachtwoord_fout.setMinimumWidth(260)
        for veld in (self.f.wachtwoord, self.f.wachtwoord2):
            veld.setEchoMode(QLineEdit.EchoMode.Password)
        self.f.wachtwoord2.setVisible(nieuw)
        self.f.label_wachtwoord2.setVisible(nieuw)
        self.f.knoppen.accepted.connect(self.accept)
        self.f.knoppen.rejected.connect(self.reject)

    def accept(self):
        w = self.f.wachtwoord.text()
        fout = None
        if not w:
            fout = "Vul het wachtwoord in."
        elif self.nieuw and len(w) < 8:
            fout = "Kies een wachtwoord van minstens 8 tekens."
        elif self.nieuw and w != self.f.wachtwoord2.text():
            fout = "De twee wachtwoorden zijn niet gelijk."
        if fout:
            self.toon_fout(fout)
            return
        super().accept()

    def toon_fout(self, tekst: str) -> None:
        self.f.wachtwoord_fout.setText(tekst)
        self.f.wachtwoord_fout.show()
        self.adjustSize()               # het venster groeit mee: de melding valt niet half weg
