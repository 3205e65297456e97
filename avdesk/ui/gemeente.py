"""Het venster voor het team Inkomen (werkwijze 'gemeente' in de instellingen): de ontvangen aanvragen met de uitkomst
van de controle, de doelgroepselectielijst per jaar en de beschikkingsstatus. Ontvangen (bestandskeuze of PDF's op
de lijst slepen), een lijst inlezen, en een dossier openen (ui/gemeente_dossier.py: versies, controle, besluit).

Alles met het toetsenbord: elke knop heeft een eigen sneltoets (Alt+letter). Het venster rekent en controleert zelf
niets: het roept dezelfde Qt-vrije functies aan als `avdesk ontvang` en `avdesk beschikking` (avdesk.gemeente.werk)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMainWindow, QMessageBox, QPushButton,
                               QTableView, QVBoxLayout, QWidget)

from ..core.geld import datum
from ..store import OpslagFout
from .gemeente_dossier import OntvangstDialoog, controle_html  # noqa: F401 - controle_html: voor tests en de lijst
from .gemeente_gedeeld import FOCUSSTIJL, terug, tijdstip  # noqa: F401 - terug/tijdstip: ook voor tests
from .hoofdscherm import Hoofdscherm

KOLOMMEN = ["Nr.", "Aanvrager", "Partner", "Kenmerk", "Controle", "Nieuwe versie", "Doelgroepselectielijst",
            "Beschikking", "Laatst gewijzigd", "Jaren", "Advies", "Besluit", "Bedrag per jaar", "Ontvangen",
            "Besluit vastgelegd", "Betaald"]
ROL_DOSSIER = 257
class GemeenteScherm(QMainWindow):
    """De lijst van ontvangen aanvragen (werkwijze 'gemeente')."""
    # Dezelfde controle van het dossierbestand op de achtergrond als bij de raadsman (app.main roept hem aan).
    schade = Signal(str)
    controleer_op_achtergrond = Hoofdscherm.controleer_op_achtergrond
    _toon_schade = Hoofdscherm._toon_schade

    def __init__(self, opslag=None):
        super().__init__()
        self.opslag = opslag
        self.dialoog = None
        self.setWindowTitle("avdesk - team Inkomen: ontvangen aanvragen")
        midden = QWidget(self)
        midden.setStyleSheet(FOCUSSTIJL)
        lay = QVBoxLayout(midden)
        boven = QHBoxLayout()
        self.zoek = QLineEdit(midden)
        self.zoek.setPlaceholderText("Zoek op naam of kenmerk")
        self.zoek.setClearButtonEnabled(True)
        boven.addWidget(QLabel("&Zoeken:", midden, buddy=self.zoek))
        boven.addWidget(self.zoek)
        self.openen_knop = QPushButton("&Openen", midden)
        self.ontvang_knop = QPushButton("Ont&vangen…", midden)
        self.ontvang_knop.setToolTip("Kies de berekening en de aanvraag (PDF's van de raadsman); slepen op de lijst "
                                     "kan ook")
        self.lijst_knop = QPushButton("&Lijst inlezen…", midden)
        self.lijst_knop.setToolTip("Lees een doelgroepselectielijst in (CSV of XLSX van het Inlichtingenbureau)")
        self.instellingen_knop = QPushButton("&Instellingen", midden)
        for k in (self.openen_knop, self.ontvang_knop, self.lijst_knop, self.instellingen_knop):
            boven.addWidget(k)
        lay.addLayout(boven)
        self.lijsten = QLabel(midden)
        self.lijsten.setWordWrap(True)
        self.lijsten.setTextFormat(Qt.TextFormat.PlainText)
        lay.addWidget(self.lijsten)
        self.tabel = QTableView(midden)
        self.tabel.setAccessibleName("Ontvangen aanvragen")
        self.model = QStandardItemModel(0, len(KOLOMMEN), self)
        self.model.setHorizontalHeaderLabels(KOLOMMEN)
        self.tabel.setModel(self.model)
        self.tabel.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.tabel.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.tabel.setTabKeyNavigation(False)
        self.tabel.verticalHeader().setVisible(False)
        kop = self.tabel.horizontalHeader()
        # Alles wat avdesk schrijft (kenmerk, controle, beschikking, datum) altijd helemaal; de namen delen de rest.
        kop.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for k in (1, 2):
            kop.setSectionResizeMode(k, QHeaderView.ResizeMode.Stretch)
        kop.setStretchLastSection(False)
        lay.addWidget(self.tabel)
        self.hint = QLabel("Sleep de berekening (en de aanvraag) op de lijst om ze te ontvangen, of kies "
                           "Ontvangen (Alt+V). Enter opent de gekozen aanvraag.", midden)
        self.hint.setWordWrap(True)
        lay.addWidget(self.hint)
        self.setCentralWidget(midden)
        self.setAcceptDrops(True)
        self.zoek.textChanged.connect(lambda _: self.vernieuw())
        self.zoek.returnPressed.connect(self.tabel.setFocus)
        self.tabel.activated.connect(lambda _: self.openen())       # Enter en dubbelklik
        self.openen_knop.clicked.connect(self.openen)
        self.ontvang_knop.clicked.connect(self.ontvang_kiezen)
        self.lijst_knop.clicked.connect(self.lijst_inlezen)
        self.instellingen_knop.clicked.connect(self.instellingen)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.zoek.setFocus)
        QShortcut(QKeySequence("F5"), self, self.vernieuw)
        self.schade.connect(self._toon_schade)
        self.schademelding = None
        from .scherm import pas_in
        pas_in(self, 1200, 640)
        if opslag is not None:
            self.gebruik(opslag)

    # --- de lijst ---------------------------------------------------------------------------------------------

    def gebruik(self, opslag) -> None:
        self.opslag = opslag
        self.vernieuw()
        self.zoek.setFocus()

    def event(self, e) -> bool:
        # Terug in het venster (bijvoorbeeld na `avdesk ontvang` in een terminal): de lijst opnieuw, zonder te typen.
        if e.type() == QEvent.Type.WindowActivate and self.opslag is not None and self.dialoog is None:
            self.vernieuw()
        return super().event(e)

    def vernieuw(self, kies: int | None = None) -> None:
        """De lijst opnieuw uit de opslag; de gekozen aanvraag (of `kies`) blijft gekozen."""
        from ..core.doelgroeplijst import getal
        from ..gemeente.overzicht import cellen as overzichtcellen, overzicht
        from ..store import lijsten
        if self.opslag is None:
            return
        kies = kies if kies is not None else self.gekozen()
        # Dezelfde regels als `avdesk ontvangen` (gemeente/overzicht.py), met de namen erbij (dit is het eigen venster).
        rijen = overzicht(self.opslag, self.zoek.text(), limiet=500)
        self.model.setRowCount(0)
        for r in rijen:
            o = overzichtcellen(r)
            cellen = [str(r.dossier), r.namen[0] or "-", r.namen[1] or "-", r.kenmerk,
                      r.controle,
                      "ter beoordeling" if r.ter_beoordeling == 1 else
                      f"{r.ter_beoordeling} ter beoordeling" if r.ter_beoordeling else "-",
                      r.lijst, r.beschikking, tijdstip(r.gewijzigd_tijd), o[2], r.advies, r.besluit, o[7], o[9],
                      o[10], o[12]]
            items = []
            for tekst in cellen:
                item = QStandardItem(tekst)
                item.setData(r.dossier, ROL_DOSSIER)
                item.setEditable(False)
                item.setToolTip(tekst)
                items.append(item)
            self.model.appendRow(items)
        # De kolommen naar hun inhoud (Qt rekent ResizeToContents anders alleen met de kop, en kapt het kenmerk af).
        for k in range(self.model.columnCount()):
            if self.tabel.horizontalHeader().sectionResizeMode(k) != QHeaderView.ResizeMode.Stretch:
                self.tabel.resizeColumnToContents(k)
        rij = next((i for i, r in enumerate(rijen) if r.dossier == kies), 0)
        if self.model.rowCount():
            self.tabel.selectRow(rij)
            self.tabel.setCurrentIndex(self.model.index(rij, 0))
        ingelezen = lijsten.lijsten(self.opslag)
        verlopen = lijsten.verlopen(self.opslag)
        self.lijsten.setText(
            ("Doelgroepselectielijsten: " + "; ".join(f"{x['jaar']} ({getal(x['aantal'])} BSN's, bewaren tot "
                                                       f"{datum(x['bewaren_tot'])})" for x in ingelezen)
             if ingelezen else "Er is nog geen doelgroepselectielijst ingelezen (Lijst inlezen, Alt+L).")
            + ("".join(f" {x['herinnering']}" for x in verlopen)))
        self.statusBar().showMessage("1 ontvangen aanvraag" if len(rijen) == 1 else
                                     f"{len(rijen)} ontvangen aanvragen")

    def gekozen(self) -> int | None:
        i = self.tabel.currentIndex()
        return i.data(ROL_DOSSIER) if i.isValid() else None

    def openen(self, dossier: int | None = None, bericht: list[str] | None = None) -> OntvangstDialoog | None:
        d = dossier if dossier is not None else self.gekozen()
        if d is None:
            return None
        self.dialoog = OntvangstDialoog(self.opslag, d, self, bericht=bericht)
        self.dialoog.finished.connect(self._dialoog_dicht)
        self.dialoog.open()
        return self.dialoog

    def _dialoog_dicht(self, _=None) -> None:
        self.dialoog = None
        self.vernieuw()
        terug(self)                     # terug naar de lijst, met de focus op de aanvraag die open was
        self.tabel.setFocus()

    # --- ontvangen --------------------------------------------------------------------------------------------

    def kies_pdfs(self) -> list[str]:
        from PySide6.QtWidgets import QFileDialog

        from .pdfvoorbeeld import nederlandse_bestandsdialoog, startmap
        nederlandse_bestandsdialoog()
        paden, _ = QFileDialog.getOpenFileNames(
            self, "Ontvangen: kies de berekening en de aanvraag (een of twee PDF's)",
            startmap(self.opslag), "PDF-bestanden (*.pdf)",
            options=QFileDialog.Option.DontUseNativeDialog)
        return paden

    def ontvang_kiezen(self) -> None:
        paden = self.kies_pdfs()
        if paden:
            self.ontvang([Path(p) for p in paden])
        else:
            terug(self)

    def ontvang(self, paden: list[Path]):
        """Ontvang een of twee PDF's (in elke volgorde) en open het dossier met de uitkomst van de controle."""
        from .gemeente_invoer import InvoerFout, berekening_en_aanvraag
        from ..gemeente import werk
        try:
            berekening, aanvraag = berekening_en_aanvraag(paden)
            o = werk.ontvang(self.opslag, berekening, aanvraag)
        except InvoerFout as e:
            QMessageBox.warning(self, "Niet ontvangen", str(e))
            return None
        except werk.GemeenteFout as e:
            QMessageBox.warning(self, "Niet ontvangen", "\n".join(e.regels))
            return None
        except OpslagFout as e:
            QMessageBox.warning(self, "Niet ontvangen", str(e))
            return None
        from ..export.ontvangst import verslag
        # Wat werk.ontvang over deze ontvangst zegt (dossier, versie, verschillen); de controle zelf toont de dialoog.
        bericht = o.regels[:max(1, len(o.regels) - len(verslag(o.uitkomst)))]
        self.vernieuw(kies=o.dossier)
        self.statusBar().showMessage(bericht[0])
        return self.openen(o.dossier, bericht=bericht)

    def dragEnterEvent(self, e) -> None:
        if self._pdf_urls(e.mimeData()):
            e.acceptProposedAction()
        else:
            e.ignore()

    def dragMoveEvent(self, e) -> None:
        self.dragEnterEvent(e)

    def dropEvent(self, e) -> None:
        paden = self._pdf_urls(e.mimeData())
        if not paden:
            e.ignore()
            return
        e.acceptProposedAction()
        self.ontvang(paden)

    @staticmethod
    def _pdf_urls(mime) -> list[Path]:
        if not mime.hasUrls():
            return []
        paden = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        return paden if paden and all(p.suffix.lower() == ".pdf" for p in paden) else []

    # --- de doelgroepselectielijst ----------------------------------------------------------------------------

    def lijst_inlezen(self):
        from .gemeente_lijst import LijstDialoog
        d = LijstDialoog(self.opslag, self)
        gelukt = d.exec()
        terug(self)
        if gelukt:
            self.vernieuw()
            self.statusBar().showMessage(d.uitkomst_kort)
        return d

    def instellingen(self) -> None:
        from .instellingen import InstellingenDialoog
        gelukt = InstellingenDialoog(self.opslag, self).exec()
        terug(self)
        if gelukt:
            self.vernieuw()
