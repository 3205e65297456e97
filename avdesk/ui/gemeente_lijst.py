"""Een doelgroepselectielijst inlezen in het venster, zoals `avdesk doelgroeplijst importeer`: bestand, jaar, aanvullen
of vervangen, eigen bewaartermijn. Een lijst voor een jaar dat er al een heeft, vervangt die pas na een bevestiging
met het oude en het nieuwe aantal. Het verslag noemt regelnummers, nooit de inhoud van een cel."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QMessageBox, QPushButton, QSpinBox, QVBoxLayout)

from ..store import OpslagFout


class LijstDialoog(QDialog):
    def __init__(self, opslag, ouder=None):
        super().__init__(ouder)
        from .gemeente_gedeeld import FOCUSSTIJL
        self.opslag = opslag
        self.uitkomst_kort = ""
        self.verslag: list[str] = []
        self.setStyleSheet(FOCUSSTIJL)
        self.setWindowTitle("Doelgroepselectielijst inlezen")
        lay = QVBoxLayout(self)
        uitleg = QLabel("De lijst van het Inlichtingenbureau (CSV of XLSX). avdesk bewaart per BSN alleen een "
                        "versleutelde controlecode, niet het BSN en niet het bestand.", self)
        uitleg.setWordWrap(True)
        lay.addWidget(uitleg)
        vorm = QFormLayout()
        self.bestand = QLineEdit(self)
        self.bestand.setPlaceholderText("pad naar de lijst (.csv of .xlsx)")
        self.kiezen = QPushButton("&Kiezen…", self)
        self.kiezen.clicked.connect(self.kies_bestand)
        rij = QHBoxLayout()
        rij.addWidget(self.bestand, 1)
        rij.addWidget(self.kiezen)
        vorm.addRow(QLabel("&Bestand:", self, buddy=self.bestand), rij)
        self.jaar = QSpinBox(self)
        self.jaar.setRange(2000, 2100)
        self.jaar.setValue(date.today().year)
        vorm.addRow(QLabel("&Jaar van de lijst:", self, buddy=self.jaar), self.jaar)
        self.aanvullen = QCheckBox("&Aanvullen bij de lijst van dit jaar (in plaats van vervangen)", self)
        vorm.addRow("", self.aanvullen)
        self.bewaren_tot = QLineEdit(self)
        self.bewaren_tot.setPlaceholderText("dd-mm-jjjj; leeg: de instelling (laatste aanvraagdag)")
        vorm.addRow(QLabel("Bewaren &tot:", self, buddy=self.bewaren_tot), self.bewaren_tot)
        lay.addLayout(vorm)
        self.fout = QLabel(self)
        self.fout.setWordWrap(True)
        self.fout.setTextFormat(Qt.TextFormat.PlainText)
        self.fout.setStyleSheet("color: #b00020;")
        lay.addWidget(self.fout)
        self.knoppen = QDialogButtonBox(self)
        self.inlezen = self.knoppen.addButton("&Inlezen", QDialogButtonBox.ButtonRole.AcceptRole)
        self.annuleren = self.knoppen.addButton("A&nnuleren", QDialogButtonBox.ButtonRole.RejectRole)
        self.knoppen.accepted.connect(self.accept)
        self.knoppen.rejected.connect(self.reject)
        lay.addWidget(self.knoppen)
        self.bestand.textChanged.connect(self._jaar_uit_naam)
        self.resize(620, self.sizeHint().height())
        self.bestand.setFocus()

    def _jaar_uit_naam(self, tekst: str) -> None:
        from ..core.doelgroeplijst import jaren_in_naam
        jaren = jaren_in_naam(Path(tekst).name)
        if len(jaren) == 1 and 2000 <= jaren[0] <= 2100:
            self.jaar.setValue(jaren[0])

    def kies_bestand(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from .pdfvoorbeeld import nederlandse_bestandsdialoog, startmap
        nederlandse_bestandsdialoog()
        pad, _ = QFileDialog.getOpenFileName(self, "Kies de doelgroepselectielijst", startmap(self.opslag),
                                             "Lijsten (*.csv *.xlsx *.txt);;Alle bestanden (*)",
                                             options=QFileDialog.Option.DontUseNativeDialog)
        if pad:
            self.bestand.setText(pad)
            self.jaar.setFocus()

    def _melding(self, tekst: str, veld=None) -> None:
        self.fout.setText(tekst)
        if veld is not None:
            veld.setFocus()

    def accept(self) -> None:
        """Dezelfde stappen en controles als `avdesk doelgroeplijst importeer` (core.doelgroeplijst, store.lijsten);
        vervangen alleen na een bevestiging met het oude en het nieuwe aantal."""
        from ..core.doelgroeplijst import LijstFout, bezwaren, bsns_tekst, lees_lijst, verslag
        from ..store import lijsten
        from .gemeente_besluit import _datum_invoer
        self.fout.setText("")
        if not self.bestand.text().strip():
            return self._melding("Kies het bestand met de lijst.", self.bestand)
        tot = _datum_invoer(self.bewaren_tot.text())
        if tot is False:
            return self._melding("Bewaren tot is geen datum: schrijf dd-mm-jjjj, bijvoorbeeld 31-12-2028.",
                                 self.bewaren_tot)
        jaar = self.jaar.value()
        pad = Path(self.bestand.text().strip()).expanduser()
        try:
            lijsten.controleer_jaar(jaar)
            gelezen = lees_lijst(pad)
        except (LijstFout, OpslagFout) as e:
            return self._melding(f"De lijst is niet ingelezen: {e}", self.bestand)
        if redenen := bezwaren(gelezen, jaar, pad.name):
            return self._melding("De lijst is niet ingelezen:\n" + "\n".join(f"- {r}" for r in redenen)
                                 + "\n" + "\n".join(verslag(gelezen, jaar)[:6]), self.jaar)
        aanvullen = self.aanvullen.isChecked()
        try:
            try:
                uit = lijsten.importeer(self.opslag, jaar, gelezen.bsns, aanvullen=aanvullen, bewaren_tot=tot)
            except lijsten.LijstBestaatAl as e:
                if not self._bevestig(e):
                    return None
                uit = lijsten.importeer(self.opslag, jaar, gelezen.bsns, vervang=True, bewaren_tot=tot)
        except (LijstFout, OpslagFout) as e:
            return self._melding(f"De lijst is niet ingelezen: {e}", self.bestand)
        self.verslag = list(verslag(gelezen, jaar))
        if uit["vorige"]:
            was = bsns_tekst(uit["vorige"][0])
            self.uitkomst_kort = (f"De lijst van {jaar} is aangevuld: was {was}, nu {bsns_tekst(uit['aantal'])}."
                                  if aanvullen else
                                  f"De lijst van {jaar} is vervangen: was {was}, nu {bsns_tekst(uit['aantal'])}.")
        else:
            self.uitkomst_kort = f"De lijst van {jaar} is ingelezen: {bsns_tekst(uit['aantal'])}."
        self.verslag.append(self.uitkomst_kort)
        self.verslag.append(f"Het bestand {pad.name} zelf is niet versleuteld: verwijder het als u het niet meer "
                            f"nodig hebt. Kies bij een aanvraag 'Controleer opnieuw' om de lijst mee te nemen.")
        QMessageBox.information(self, "Doelgroepselectielijst ingelezen", "\n".join(self.verslag))
        super().accept()

    def _bevestig(self, e) -> bool:
        """Vervangen? De tekst van store.lijsten (oud en nieuw aantal, en een waarschuwing als de nieuwe veel kleiner
        is); Nee is de standaard."""
        antwoord = QMessageBox.question(
            self, "Lijst vervangen?", f"{e}\n\nDe oude lijst vervangen door de nieuwe? (Aanvullen: kies Nee en vink "
            f"'Aanvullen' aan.)",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        from .gemeente_gedeeld import terug
        terug(self)                     # na de vraag weer in deze dialoog (bij Nee blijft hij open)
        return antwoord == QMessageBox.StandardButton.Yes
