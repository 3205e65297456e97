"""De instellingen: organisatie, raadsman, beleidsprofiel, exportmap, bewaartermijn, en sleutelbos of wachtwoord; in
de werkwijze gemeente ook de beschikking, de medewerker en de rekening voor de betaalopdracht. Elke waarde gaat door
store/instellingen.schrijf, met dezelfde controle als `avdesk instellingen`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox, QVBoxLayout

from ..core.params import ParameterFout, beleidsprofielen, laad_profiel
from ..store import OpslagFout
from ..export import beschikking as _beschikking  # noqa: F401 (meldt de keuring van een sjabloon)
from ..store.instellingen import InstellingFout, lees, schrijf
from ..store.sleutel import Sleutelbeheer, veilige_keyring
from .laden import Formulier


class InstellingenDialoog(QDialog):
    def __init__(self, opslag, ouder=None):
        super().__init__(ouder)
        self.opslag = opslag
        self.f = Formulier("instellingen")
        self.setWindowTitle("Instellingen")
        # De velden schuiven (in de werkwijze gemeente zijn ze hoger dan een laptopscherm bij 150%); OK en Annuleren
        # staan eronder en blijven in beeld.
        from PySide6.QtWidgets import QFrame, QScrollArea, QWidget
        self.inhoud = QWidget()
        QVBoxLayout(self.inhoud).addWidget(self.f.widget)
        self.schuif = schuif = QScrollArea(self)
        schuif.setWidgetResizable(True)
        schuif.setFrameShape(QFrame.Shape.NoFrame)
        schuif.setWidget(self.inhoud)
        self.knoppen = knoppen = self.f.knoppen       # daarna niet meer in het formulier
        laag = QVBoxLayout(self)
        laag.addWidget(schuif)
        laag.addWidget(knoppen)
        knoppen.accepted.connect(self.accept)
        knoppen.rejected.connect(self.reject)
        w = lees(opslag)
        # Werkwijze: raadsman (aanvragen maken) of gemeente (aanvragen ontvangen en beschikken, ui/gemeente.py).
        from PySide6.QtWidgets import QComboBox, QFormLayout
        self.modus = QComboBox(self)
        self.modus.addItems(["Sociaal raadsman: aanvragen maken",
                             "Gemeente, team Inkomen: aanvragen ontvangen en beschikken"])
        self.modus.setCurrentIndex(1 if w["modus"] == "gemeente" else 0)
        vorm = QFormLayout()
        vorm.addRow("Wer&kwijze (na opnieuw starten):", self.modus)
        self.inhoud.layout().insertLayout(0, vorm)
        self._gemeente_velden(w)
        for k in ("organisatie_naam", "organisatie_adres", "raadsman_naam", "raadsman_telefoon", "raadsman_email",
                  "exportmap"):
            getattr(self.f, k).setText(w[k])
        # De exportmap: een map die bestaat (een verse desktop heeft niet altijd "Documents"); leeg: wat avdesk aanbiedt.
        from .pdfvoorbeeld import startmap
        if w["exportmap"] and not Path(w["exportmap"]).expanduser().is_dir():
            self.f.exportmap.setText("")
        self.f.exportmap.setPlaceholderText(f"leeg: {startmap(None)}")
        self.f.exportmap.setToolTip("De map die Opslaan als, de beschikking en de bestandskiezers aanbieden; avdesk "
                                    "onthoudt hier de laatst gekozen map.")
        # Ook de profielen die een beheerder installeerde (avdesk profiel installeer); een onbruikbaar profiel niet.
        profielen = []
        for pid in beleidsprofielen():
            try:
                profielen.append(laad_profiel(pid))
            except ParameterFout:
                continue
        self.profielen = [p.id for p in profielen]
        self.f.beleidsprofiel.addItems([p.naam + (" (eigen profiel)" if p.eigen else "") for p in profielen])
        if w["beleidsprofiel"] in self.profielen:
            self.f.beleidsprofiel.setCurrentIndex(self.profielen.index(w["beleidsprofiel"]))
        self.f.bewaartermijn.setRange(1, 240)
        self.f.bewaartermijn.setValue(int(w["bewaartermijn_maanden"]))
        self.sb = Sleutelbeheer(opslag.map) if opslag.map else None
        modus = self.sb.modus if self.sb and self.sb.bestaat() else "wachtwoord"
        self.f.wachtwoordmodus.setChecked(modus == "wachtwoord")
        if veilige_keyring() is None:
            self.f.wachtwoordmodus.setEnabled(False)
            self.f.wachtwoordmodus.setToolTip("Er is geen veilige sleutelbos op deze computer: een wachtwoord is nodig.")
        for veld in (self.f.wachtwoord, self.f.wachtwoord2):
            veld.setEchoMode(QLineEdit.EchoMode.Password)
            veld.setPlaceholderText("alleen invullen om het wachtwoord te wijzigen")
        self._maat()

    def _maat(self) -> None:
        """Zo hoog als de zichtbare velden (de verborgen gemeentevelden lieten een lege strook), binnen het scherm."""
        from .scherm import pas_in
        self.inhoud.layout().activate()
        self.layout().activate()
        m = self.layout().contentsMargins()
        hoogte = (self.inhoud.sizeHint().height() + self.knoppen.sizeHint().height() + self.layout().spacing()
                  + m.top() + m.bottom())
        schuifbalk = self.schuif.verticalScrollBar().sizeHint().width()     # geen horizontale schuifbalk erbij
        pas_in(self, max(640, self.inhoud.sizeHint().width() + schuifbalk + m.left() + m.right()), hoogte)

    # Team Inkomen: de gegevens op de beschikking (zichtbaar in de werkwijze gemeente; de raadsman ziet ze niet).
    GEMEENTE = (("gemeente_naam", "&Gemeente"), ("gemeente_afdeling", "A&fdeling"),
                ("gemeente_adres", "Adre&s gemeente"), ("beleidsregel", "Beleidsregel (&citeertitel)"),
                ("beschikking_ondertekening", "Onderteken&ing (naam, functie)"),
                ("beschikking_sjabloon", "Eigen s&jabloon (.docx)"),
                ("doelgroeplijst_bewaren_tot", "Doelgroe&plijst bewaren tot"),
                ("medewerker", "Medewerker (bij een besl&uit)"),
                # De rekening waarvan de betaalopdracht (SEPA) betaalt.
                ("betaal_iban", "IBAN gemeente (betaal&opdracht)"), ("betaal_bic", "BIC van &die rekening"),
                ("betaal_naam", "Tenaamstelling &van die rekening"))

    def _gemeente_velden(self, w: dict) -> None:
        from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel
        from ..store.instellingen import OMSCHRIJVING, toon
        self.gemeentevak = QGroupBox("Gemeente, team Inkomen (op de beschikking)", self)
        vorm = QFormLayout(self.gemeentevak)
        self.gemeente = {}
        for sleutel, label in self.GEMEENTE:
            veld = QLineEdit(self.gemeentevak)
            waarde = w[sleutel]
            veld.setText(toon(sleutel, waarde) if sleutel == "doelgroeplijst_bewaren_tot" else waarde)
            veld.setToolTip(OMSCHRIJVING[sleutel])
            veld.setAccessibleName(label.replace("&", ""))
            vorm.addRow(QLabel(label, self.gemeentevak, buddy=veld), veld)
            self.gemeente[sleutel] = veld
        self.gemeente["beschikking_sjabloon"].setPlaceholderText("leeg: het standaardsjabloon")
        self.gemeente["beleidsregel"].setPlaceholderText("bv. Beleidsregels bijzondere bijstand alleenverdieners 2024")
        self.inhoud.layout().insertWidget(1, self.gemeentevak)
        # De raadsmanvelden horen niet bij de gemeente: in die werkwijze verborgen (en andersom), zo past het scherm.
        self.modus.currentIndexChanged.connect(lambda _: (self._toon_werkwijze(), self._maat()))
        self._toon_werkwijze()

    def _toon_werkwijze(self) -> None:
        gemeente = self.modus.currentIndex() == 1
        self.gemeentevak.setVisible(gemeente)
        for k in ("raadsman_naam", "raadsman_telefoon", "raadsman_email"):
            for x in (getattr(self.f, k), getattr(self.f, f"label_{k}", None)):
                if x is not None:
                    x.setVisible(not gemeente)

    def accept(self) -> None:
        f = self.f
        w1, w2 = f.wachtwoord.text(), f.wachtwoord2.text()
        wachtwoord = f.wachtwoordmodus.isChecked()
        if (w1 or w2) and w1 != w2:
            f.wachtwoord2_fout.setText("De wachtwoorden zijn niet gelijk.")
            f.wachtwoord2_fout.show()
            return
        if w1 and len(w1) < 8:
            f.wachtwoord_fout.setText("Kies een wachtwoord van minstens 8 tekens.")
            f.wachtwoord_fout.show()
            self.adjustSize()
            return
        try:
            if self.sb is not None:
                huidig = self.sb.modus
                if wachtwoord and (huidig != "wachtwoord" or w1):
                    if not w1:
                        f.wachtwoord_fout.setText("Kies een wachtwoord voor de wachtwoordmodus.")
                        f.wachtwoord_fout.show()
                        return
                    self.sb.naar_wachtwoord(self.opslag.sleutel, w1)
                elif not wachtwoord and huidig == "wachtwoord":
                    self.sb.naar_keyring(self.opslag.sleutel)
            schrijf(self.opslag, {
                "organisatie_naam": f.organisatie_naam.text().strip(), "organisatie_adres": f.organisatie_adres.text().strip(),
                "raadsman_naam": f.raadsman_naam.text().strip(), "raadsman_telefoon": f.raadsman_telefoon.text().strip(),
                "raadsman_email": f.raadsman_email.text().strip(), "exportmap": f.exportmap.text().strip(),
                "beleidsprofiel": self.profielen[f.beleidsprofiel.currentIndex()],
                "bewaartermijn_maanden": str(f.bewaartermijn.value()),
                "modus": "gemeente" if self.modus.currentIndex() == 1 else "raadsman",
                **{k: veld.text().strip() for k, veld in self.gemeente.items()}})
        except (OpslagFout, InstellingFout) as e:
            QMessageBox.warning(self, "Instellingen", str(e))
            return
        super().accept()
