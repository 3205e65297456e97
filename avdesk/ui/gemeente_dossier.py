"""Een ontvangen aanvraag: links de PDF's (berekening, aanvraag), rechts drie tabbladen:

- Controle: de uitkomst van de controle (datums dd-mm-jjjj), met 'Controleer opnieuw';
- Versies: elke ontvangen versie met zijn status en de verschillen in woorden, en 'Versie vastzetten';
- Besluit: het voorgestelde besluit en wat blokkeert, de keuze van het besluit, de reden (een veld), bij buiten
  behandeling de hersteltermijn en wat ontbrak, en 'Concept beschikking maken'. Daarna staat het volledige pad van
  de brief er, met 'Map openen'.

Alles via avdesk.gemeente.werk (dezelfde functies als de opdrachtregel); dit venster toont alleen. Elke knop, elk
veld en elk tabblad heeft een eigen sneltoets in deze dialoog."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QMessageBox, QPlainTextEdit, QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
                               QTabWidget, QTextBrowser, QVBoxLayout, QWidget)

from ..store import OpslagFout

VOLG_VOORSTEL = "volgens het voorstel"


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


class OntvangstDialoog(QDialog):
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

    # --- Besluit ----------------------------------------------------------------------------------------------

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
