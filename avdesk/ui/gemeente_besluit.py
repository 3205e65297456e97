"""Het tabblad Besluit van de dialoog voor een ontvangen aanvraag (ui/gemeente_dossier.py: de dialoog, met de
tabbladen Controle en Versies): het voorgestelde besluit en wat blokkeert, de keuze van het besluit, de reden (een
veld), bij buiten behandeling de hersteltermijn en wat ontbrak, en 'Concept beschikking maken' of 'Besluit
vastleggen'. Daarna staat het volledige pad van de brief er, met 'Map openen'.

Een mixin van OntvangstDialoog: die zet opslag, dossier_id en werk (avdesk.gemeente.werk) en roept _besluit_tab()
en vul_voorstel() aan; dit tabblad toont alleen."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)

from ..store import OpslagFout
from .gemeente_gedeeld import terug

VOLG_VOORSTEL = "volgens het voorstel"


def _datum_invoer(tekst: str) -> date | None | bool:
    """dd-mm-jjjj (of jjjj-mm-dd) -> date; leeg -> None; onleesbaar -> False."""
    tekst = tekst.strip()
    if not tekst:
        return None
    try:
        if len(tekst) == 10 and tekst[2] == "-" and tekst[5] == "-":
            return date(int(tekst[6:]), int(tekst[3:5]), int(tekst[:2]))
        if len(tekst) == 10:
            return date.fromisoformat(tekst)
    except ValueError:
        pass
    return False


class BesluitTab:
    """Het tabblad Besluit en wat erbij hoort, voor OntvangstDialoog (een QDialog)."""

    def _besluit_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.voorstel = QLabel(w)
        self.voorstel.setWordWrap(True)
        self.voorstel.setTextFormat(Qt.TextFormat.PlainText)
        self.voorstel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.voorstel)
        vorm = QFormLayout()
        vorm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.besluit = QComboBox(w)
        self.besluit.addItem(VOLG_VOORSTEL, None)
        for b in self.werk.BESLUITEN:
            self.besluit.addItem(b, b)
        self.besluit.setAccessibleName("Soort besluit")
        vorm.addRow(QLabel("Soort &besluit:", w, buddy=self.besluit), self.besluit)
        self.reden = QPlainTextEdit(w)
        self.reden.setTabChangesFocus(True)
        self.reden.setPlaceholderText("Uw eigen motivering (komt in de brief, naast de gronden die avdesk kent)")
        self.reden.setAccessibleName("Reden")
        self.reden.setMinimumHeight(70)
        self.reden.setMaximumHeight(140)
        vorm.addRow(QLabel("&Reden:", w, buddy=self.reden), self.reden)
        self.hersteltermijn = QLineEdit(w)
        self.hersteltermijn.setPlaceholderText("dd-mm-jjjj")
        self.label_hersteltermijn = QLabel("&Hersteltermijn tot:", w, buddy=self.hersteltermijn)
        vorm.addRow(self.label_hersteltermijn, self.hersteltermijn)
        self.ontbrak = QLineEdit(w)
        self.ontbrak.setPlaceholderText("wat ontbrak; meer dingen gescheiden door ;")
        self.label_ontbrak = QLabel("&Wat ontbrak:", w, buddy=self.ontbrak)
        vorm.addRow(self.label_ontbrak, self.ontbrak)
        self.besluitfout = QLabel(w)
        self.besluitfout.setWordWrap(True)
        self.besluitfout.setStyleSheet("color: #b00020;")
        self.besluitfout.setTextFormat(Qt.TextFormat.PlainText)
        vorm.addRow("", self.besluitfout)
        lay.addLayout(vorm)
        knoppen = QHBoxLayout()
        self.beschikking = QPushButton("Concept beschi&kking maken…", w)
        self.beschikking.setToolTip("Kies een map; avdesk schrijft daar de concept beschikking (.docx)")
        self.beschikking.clicked.connect(self.concept_beschikking)
        self.map_openen = QPushButton("&Map openen", w)
        self.map_openen.setEnabled(False)
        self.map_openen.clicked.connect(self.open_map)
        self.vastleggen = QPushButton("Besluit vastl&eggen…", w)
        self.vastleggen.setToolTip("Maak de beschikking en leg het besluit vast in het dossier (alleen een vastgelegde "
                                   "toekenning kan worden betaald; een nieuw besluit vervangt het vorige)")
        self.vastleggen.clicked.connect(lambda: self.concept_beschikking(vastleggen=True))
        knoppen.addWidget(self.beschikking)
        knoppen.addWidget(self.vastleggen)
        knoppen.addWidget(self.map_openen)
        knoppen.addStretch(1)
        lay.addLayout(knoppen)
        self.waar = QLabel(w)
        self.waar.setWordWrap(True)
        self.waar.setTextFormat(Qt.TextFormat.PlainText)
        self.waar.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        lay.addWidget(self.waar)
        lay.addStretch(1)
        self.besluit.currentIndexChanged.connect(lambda _: self._toon_besluitvelden())
        self._toon_besluitvelden()
        return w

    def _toon_besluitvelden(self) -> None:
        buiten = self.besluit.currentData() == "buiten behandeling"
        for x in (self.hersteltermijn, self.label_hersteltermijn, self.ontbrak, self.label_ontbrak):
            x.setVisible(buiten)

    def vul_voorstel(self) -> None:
        try:
            v = self.werk.voorstel(self.opslag, dossier=self.dossier_id)
        except self.werk.GemeenteFout as e:
            self.voorstel.setText("Geen voorstel: " + " ".join(e.regels))
            return
        regels = [f"Voorstel van avdesk: {v.besluit}." if v.besluit else
                  "avdesk stelt geen besluit voor: kies het besluit zelf (een afwijzing met een reden)."]
        if v.blokkades:
            regels.append("Dit blokkeert een toekenning:")
            regels += [f"- {x}" for x in v.blokkades]
        for jaar, tekst in sorted((v.redenen or {}).items()):
            regels.append(f"{jaar}: {tekst}")
        self.voorstel.setText("\n".join(regels))

    def kies_map(self) -> Path | None:
        from ..store.instellingen import onthoud_map
        from .pdfvoorbeeld import kies_map, startmap
        gekozen = kies_map(self, "Map voor de concept beschikking", startmap(self.opslag))
        terug(self)                     # na de modale mapkiezer terug in deze dialoog
        if gekozen:
            onthoud_map(self.opslag, gekozen)
        return Path(gekozen) if gekozen else None

    def concept_beschikking(self, *, vastleggen: bool = False) -> Path | None:
        self.besluitfout.setText("")
        if vastleggen and not self._bevestig_vastleggen():
            return None
        besluit = self.besluit.currentData()
        termijn = _datum_invoer(self.hersteltermijn.text()) if besluit == "buiten behandeling" else None
        if termijn is False:
            self.besluitfout.setText("De hersteltermijn is geen datum: schrijf dd-mm-jjjj, bijvoorbeeld 15-01-2027.")
            self.hersteltermijn.setFocus()
            return None
        ontbrak = [x.strip() for x in self.ontbrak.text().split(";") if x.strip()] \
            if besluit == "buiten behandeling" else None
        reden = self.reden.toPlainText().strip() or None
        doelmap = self.kies_map()
        if doelmap is None:
            return None
        from ..export.beschikking import SjabloonFout
        try:
            b = self.werk.beschikking(self.opslag, dossier=self.dossier_id, besluit=besluit, reden=reden,
                                      doelmap=doelmap, hersteltermijn=termijn, ontbrak=ontbrak or None,
                                      vastleggen=vastleggen)
        except self.werk.GemeenteFout as e:
            self._geen_brief()
            self.besluitfout.setText("Geen beschikking gemaakt:\n" + "\n".join(f"- {r}" for r in e.regels))
            self.besluit.setFocus()
            return None
        except (SjabloonFout, OpslagFout, OSError) as e:
            self._geen_brief()
            self.besluitfout.setText(f"Geen beschikking gemaakt: {e}")
            return None
        from ..store import ontvangen
        self.laatste_beschikking = Path(b.pad).resolve()
        from ..gemeente.besluit import samenvatting
        vast = f"\n{samenvatting(b.vastgelegd)}" if b.vastgelegd is not None else ""
        self.waar.setText(f"{b.samenvatting}{vast}\nDe brief staat in:\n{self.laatste_beschikking}"
                          + "".join(f"\nLet op: {x}" for x in (b.let_op or [])))
        self.map_openen.setEnabled(True)
        self.toon(ontvangen.laatste_controle(self.opslag, self.dossier_id))
        self.map_openen.setFocus()
        return self.laatste_beschikking

    def _bevestig_vastleggen(self) -> bool:
        from PySide6.QtWidgets import QMessageBox
        antwoord = QMessageBox.question(
            self, "Besluit vastleggen?", "Het besluit wordt vastgelegd in het dossier en kan daarna niet meer worden "
            "gewijzigd (een nieuw besluit vervangt het; beide blijven bewaard). Een vastgelegde toekenning komt in de "
            "volgende betaalopdracht. Vastleggen?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        terug(self)
        return antwoord == QMessageBox.StandardButton.Yes

    def _geen_brief(self) -> None:
        """Na een weigering staat er geen pad van een vorige brief meer, alsof die nu gemaakt was."""
        self.laatste_beschikking = None
        self.waar.setText("")
        self.map_openen.setEnabled(False)

    def open_map(self) -> None:
        if self.laatste_beschikking is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.laatste_beschikking.parent)))
