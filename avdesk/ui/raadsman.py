"""De eerste keer: wie is de raadsman? Naam, organisatie en contact komen op de aanvraag en de berekening, zodat
het team Inkomen weet wie het dossier voorbereidde. Bewaard in de instellingen (daar ook te wijzigen)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

VELDEN = (("raadsman_naam", "&Naam raadsman"), ("organisatie_naam", "&Organisatie"),
          ("organisatie_adres", "&Adres organisatie"), ("raadsman_telefoon", "&Telefoon"),
          ("raadsman_email", "&E-mail"))


class RaadsmanDialoog(QDialog):
    def __init__(self, waarden: dict[str, str], ouder=None):
        super().__init__(ouder)
        self.setWindowTitle("Wie bereidt de aanvragen voor?")
        # Breed genoeg voor de hele titel, met ruimte voor de knoppen van de vensterbeheerder (de titel werd
        # "Wie bereidt d…nvragen voor?"; issue 22).
        self.setMinimumWidth(max(520, 2 * self.fontMetrics().horizontalAdvance(self.windowTitle()) + 160))
        lay = QVBoxLayout(self)
        uitleg = QLabel("Uw naam, organisatie en een telefoonnummer of e-mailadres komen op elke aanvraag en berekening, "
                        "zodat de gemeente weet bij wie ze terecht kan. U kunt dit later wijzigen bij Instellingen.")
        uitleg.setWordWrap(True)
        lay.addWidget(uitleg)
        form = QFormLayout()
        self.velden: dict[str, QLineEdit] = {}
        for sleutel, label in VELDEN:
            veld = QLineEdit(waarden.get(sleutel, ""))
            veld.setMaxLength(200)
            lbl = QLabel(label)
            lbl.setBuddy(veld)
            form.addRow(lbl, veld)
            self.velden[sleutel] = veld
        lay.addLayout(form)
        self.fout = QLabel()
        self.fout.setStyleSheet("color: #b00020;")
        self.fout.hide()
        lay.addWidget(self.fout)
        knoppen = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        knoppen.button(QDialogButtonBox.StandardButton.Ok).setText("Bewaren")
        knoppen.button(QDialogButtonBox.StandardButton.Cancel).setText("Later")
        knoppen.accepted.connect(self.accept)
        knoppen.rejected.connect(self.reject)
        lay.addWidget(knoppen)

    def waarden(self) -> dict[str, str]:
        return {k: v.text().strip() for k, v in self.velden.items()}

    def accept(self):
        w = self.waarden()
        if not (w["raadsman_naam"] and w["organisatie_naam"] and (w["raadsman_telefoon"] or w["raadsman_email"])):
            self.fout.setText("Vul uw naam, de organisatie en een telefoonnummer of e-mailadres in.")
            self.fout.show()
            return
        super().accept()


def vraag_raadsman_als_nodig(opslag, ouder=None, dialoog=None) -> bool:
    """Vraag naam, organisatie en contact als die nog niet bekend zijn; True als ze (nu) bekend zijn.
    `dialoog`: voor tests, een functie die de dialoog afhandelt in plaats van exec()."""
    from ..store.instellingen import lees, schrijf
    inst = lees(opslag)
    if inst["raadsman_naam"]:
        return True
    d = RaadsmanDialoog(inst, ouder)
    if (dialoog or (lambda x: x.exec()))(d) != QDialog.DialogCode.Accepted:
        return False
    schrijf(opslag, d.waarden())
    return True
