"""Een ontvangen aanvraag: links de PDF's (berekening, aanvraag), rechts drie tabbladen:

- Controle: de uitkomst van de controle (datums dd-mm-jjjj), met 'Controleer opnieuw';
- Versies: elke ontvangen versie met zijn status en de verschillen in woorden, en 'Versie vastzetten';
- Besluit (ui/gemeente_besluit.py, een mixin): het voorgestelde besluit en wat blokkeert, de keuze van het besluit,
  de reden (een veld), bij buiten behandeling de hersteltermijn en wat ontbrak, en 'Concept beschikking maken'.
  Daarna staat het volledige pad van de brief er, met 'Map openen'.

Alles via avdesk.gemeente.werk (dezelfde functies als de opdrachtregel); dit venster toont alleen. Elke knop, elk
veld en elk tabblad heeft een eigen sneltoets in deze dialoog."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QSplitter,
                               QTableWidget, QTableWidgetItem, QTabWidget, QTextBrowser, QVBoxLayout, QWidget)

from ..store import OpslagFout
from .gemeente_besluit import BesluitTab


def terug(venster) -> None:
    from .gemeente_gedeeld import terug as t
    t(venster)


def _tijdstip(iso: str) -> str:
    from .gemeente_gedeeld import tijdstip
    return tijdstip(iso)


def controle_html(uitkomst: dict | None, bericht: list[str] | None = None) -> str:
    """De controle als opgemaakte tekst; alles wat uit de stukken komt, wordt ge-escaped (tekst, geen opmaak)."""
    from ..export.ontvangst import status, verslag
    delen = [f"<p><b>{escape(r)}</b></p>" for r in (bericht or [])]
    if not uitkomst:
        return "".join(delen) + "<p>Nog niet gecontroleerd.</p>"
    kleur = {"klopt": "#1b6e2a", "let op": "#8a5a00"}.get(status(uitkomst), "#b01e1e")
    delen.append(f"<p style='color:{kleur}'><b>Controle: {escape(status(uitkomst))}</b>"
                 + (f" (gecontroleerd {escape(_tijdstip(uitkomst['gecontroleerd']))})"
                    if uitkomst.get("gecontroleerd") else "") + "</p>")
    for regel in verslag(uitkomst):
        delen.append(f"<p style='margin:2px 0'>{escape(regel)}</p>")
    if uitkomst.get("beschikking"):
        delen.append(f"<p><b>Beschikking:</b> {escape(uitkomst['beschikking'])}</p>")
    return "".join(delen)


class OntvangstDialoog(BesluitTab, QDialog):
    def __init__(self, opslag, dossier_id: int, ouder=None, bericht: list[str] | None = None):
        super().__init__(ouder)
        from ..store import ontvangen
        from .gemeente_gedeeld import FOCUSSTIJL
        from ..gemeente import werk
        self.werk = werk
        self.opslag, self.dossier_id = opslag, dossier_id
        self.bericht = bericht
        self.laatste_beschikking: Path | None = None
        self.setStyleSheet(FOCUSSTIJL)
        info = opslag.dossier(dossier_id)
        namen = " en ".join(n for n in (info["aanvrager_naam"], info["partner_naam"]) if n) or f"dossier {dossier_id}"
        self.setWindowTitle(f"Ontvangen aanvraag {dossier_id}: {namen}")
        splitter = QSplitter(self)
        # Links de PDF's.
        from PySide6.QtPdfWidgets import QPdfView

        from .pdfvoorbeeld import pdf_uit_geheugen
        self.pdftabs = QTabWidget(splitter)
        self.pdftabs.setDocumentMode(True)
        self._docs = []
        stukken = ontvangen.stukken(opslag, dossier_id)
        for soort, titel in (("ontvangen berekening", "Berekenin&g"), ("ontvangen aanvraag", "&Aanvraag")):
            if soort not in stukken:
                continue
            view = QPdfView(self.pdftabs)
            view.setPageMode(QPdfView.PageMode.MultiPage)
            view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            doc = pdf_uit_geheugen(stukken[soort][1], self)     # de buffer hoort bij het document
            self._docs.append(doc)
            view.setDocument(doc)
            self.pdftabs.addTab(view, titel)
        self.pdfview = self.pdftabs.widget(0)
        # Rechts de tabbladen.
        self.tabs = QTabWidget(splitter)
        self.tabs.addTab(self._controle_tab(), "&Controle")
        self.tabs.addTab(self._versies_tab(), "&Versies")
        self.tabs.addTab(self._besluit_tab(), "Be&sluit")
        self.sluiten = QPushButton("Sl&uiten", self)
        self.sluiten.clicked.connect(self.accept)
        onder = QHBoxLayout()
        onder.addStretch(1)
        onder.addWidget(self.sluiten)
        lay = QVBoxLayout(self)
        lay.addWidget(splitter, 1)
        lay.addLayout(onder)
        splitter.setSizes([560, 620])
        splitter.setChildrenCollapsible(False)
        self.toon(ontvangen.laatste_controle(opslag, dossier_id))
        self.vul_versies()
        self.vul_voorstel()
        from .scherm import pas_in
        pas_in(self, 1240, 720)
        self.tabs.setCurrentIndex(0)
        self.opnieuw.setFocus()

    # --- Controle ---------------------------------------------------------------------------------------------

    def _controle_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.controle = QTextBrowser(w)
        self.controle.setOpenLinks(False)
        self.controle.setAccessibleName("Uitkomst van de controle")
        lay.addWidget(self.controle)
        knoppen = QHBoxLayout()
        self.opnieuw = QPushButton("Controleer &opnieuw", w)
        self.opnieuw.setToolTip("Controleer de stukken opnieuw, bijvoorbeeld na een nieuwe doelgroepselectielijst")
        self.opnieuw.clicked.connect(self.controleer_opnieuw)
        knoppen.addWidget(self.opnieuw)
        knoppen.addStretch(1)
        lay.addLayout(knoppen)
        return w

    def toon(self, uitkomst: dict | None) -> None:
        self.uitkomst = uitkomst
        self.controle.setHtml(controle_html(uitkomst, self.bericht))

    def controleer_opnieuw(self) -> None:
        from ..store import ontvangen
        try:
            self.werk.controleer_opnieuw(self.opslag, self.dossier_id)
        except self.werk.GemeenteFout as e:
            QMessageBox.warning(self, "Controleer opnieuw", "\n".join(e.regels))
            return
        except OpslagFout as e:
            QMessageBox.warning(self, "Controleer opnieuw", str(e))
            return
        self.bericht = None
        self.toon(ontvangen.laatste_controle(self.opslag, self.dossier_id))
        self.vul_versies()
        self.vul_voorstel()

    # --- Versies ----------------------------------------------------------------------------------------------

    def _versies_tab(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.versietabel = QTableWidget(0, 5, w)
        self.versietabel.setHorizontalHeaderLabels(["Versie", "Ontvangen", "Status", "Controle", "Aanvraag"])
        self.versietabel.verticalHeader().setVisible(False)
        self.versietabel.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.versietabel.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.versietabel.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.versietabel.setTabKeyNavigation(False)
        self.versietabel.setAccessibleName("Versies")
        self.versietabel.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.versietabel.horizontalHeader().setStretchLastSection(True)
        label = QLabel("De &lijst van versies (een nieuwe versie is ter beoordeling tot u hem vastzet):", w,
                       buddy=self.versietabel)
        label.setWordWrap(True)
        lay.addWidget(label)
        lay.addWidget(self.versietabel, 1)
        self.versietabel.setMinimumHeight(90)
        self.verschillen = QTextBrowser(w)
        self.verschillen.setAccessibleName("Verschillen met de geldende versie")
        self.verschillen.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        lay.addWidget(self.verschillen, 3)          # de verschillen in woorden krijgen de ruimte
        knoppen = QHBoxLayout()
        self.vastzetten = QPushButton("Versie vast&zetten", w)
        self.vastzetten.setToolTip("Maak de gekozen versie de geldende: de beschikking gaat dan over deze versie")
        self.vastzetten.clicked.connect(self.zet_vast)
        knoppen.addWidget(self.vastzetten)
        knoppen.addStretch(1)
        lay.addLayout(knoppen)
        self.versietabel.currentCellChanged.connect(lambda *_: self._toon_verschillen())
        return w

    def vul_versies(self) -> None:
        try:
            self.versielijst = self.werk.versies(self.opslag, self.dossier_id)
        except self.werk.GemeenteFout as e:
            self.versielijst = []
            self.verschillen.setPlainText("\n".join(e.regels))
        t = self.versietabel
        t.setRowCount(len(self.versielijst))
        kies = 0
        for r, v in enumerate(self.versielijst):
            code = v.controle_code
            controle = {0: "klopt", 1: "verschil", -1: "niet gecontroleerd"}.get(code, "niet te lezen")
            for k, tekst in enumerate([str(v.versie), _tijdstip(str(v.ontvangen)), v.status, controle,
                                       "ja" if v.heeft_aanvraag else "nee"]):
                t.setItem(r, k, QTableWidgetItem(tekst))
            if v.status == "ter beoordeling":
                kies = r
        if self.versielijst:
            t.setCurrentCell(kies, 0)
        self._toon_verschillen()

    def gekozen_versie(self):
        r = self.versietabel.currentRow()
        return self.versielijst[r] if 0 <= r < len(self.versielijst) else None

    def _toon_verschillen(self) -> None:
        v = self.gekozen_versie()
        if v is None:
            self.verschillen.setPlainText("")
            self.vastzetten.setEnabled(False)
            return
        kop = f"Versie {v.versie} ({v.status})"
        if v.verschillen:
            tekst = kop + ", verschillen met de geldende versie:\n" + "\n".join(f"- {x}" for x in v.verschillen)
        elif v.status == "geldend":
            tekst = kop + ": dit is de versie waarover de beschikking gaat."
        else:
            tekst = kop + ": geen verschillen met de geldende versie in de gegevens van de aanvraag."
        tekst += "".join(f"\n{x}" for x in getattr(v, "opmerkingen", []))
        self.verschillen.setPlainText(tekst)
        self.vastzetten.setEnabled(v.status != "geldend")

    def zet_vast(self) -> None:
        v = self.gekozen_versie()
        if v is None:
            return
        vraag = QMessageBox.question(
            self, "Versie vastzetten",
            f"Versie {v.versie} vastzetten als de geldende versie? De beschikking gaat dan over deze versie."
            + (("\n\nVerschillen:\n" + "\n".join(f"- {x}" for x in v.verschillen)) if v.verschillen else ""),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        terug(self)
        if vraag != QMessageBox.StandardButton.Yes:
            return
        try:
            self.werk.vastzetten(self.opslag, self.dossier_id, v.versie)
        except self.werk.GemeenteFout as e:
            QMessageBox.warning(self, "Versie vastzetten", "\n".join(e.regels))
            return
        except OpslagFout as e:
            QMessageBox.warning(self, "Versie vastzetten", str(e))
            return
        from ..store import ontvangen
        self.toon(ontvangen.laatste_controle(self.opslag, self.dossier_id))
        self.vul_versies()
        self.vul_voorstel()
        self.versietabel.setFocus()
