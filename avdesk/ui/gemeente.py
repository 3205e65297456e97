"""Het venster voor het team Inkomen (modus 'gemeente' in de instellingen): de ontvangen aanvragen met de uitkomst
van de controle, de doelgroepselectielijst per jaar en de beschikkingsstatus; een ontvangen aanvraag openen toont
de berekening (PDF) naast de controle, met 'Controleer opnieuw' en 'Concept beschikking'.

Dezelfde functies als `avdesk ontvang` en `avdesk beschikking` (export/ontvangst.py, export/beschikking.py); het
venster rekent en controleert zelf niets. Zonder .ui-bestand: klein gehouden, naast het hoofdscherm van de raadsman."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMainWindow,
                               QMessageBox, QPushButton, QSplitter, QTableView, QTextBrowser, QVBoxLayout, QWidget)

from ..core.geld import datum
from ..store import OpslagFout
from .hoofdscherm import Hoofdscherm

KOLOMMEN = ["Nr.", "Aanvrager", "Partner", "Kenmerk", "Controle", "Doelgroepselectielijst", "Beschikking",
            "Laatst gewijzigd"]
ROL_DOSSIER = 257


def controle_html(uitkomst: dict | None) -> str:
    from ..export.ontvangst import status, verslag
    if not uitkomst:
        return "<p>Nog niet gecontroleerd.</p>"
    kleur = {"klopt": "#1b6e2a", "let op": "#8a5a00"}.get(status(uitkomst), "#b01e1e")
    delen = [f"<p style='color:{kleur}'><b>Controle: {escape(status(uitkomst))}</b>"
             + (f" (gecontroleerd {escape(uitkomst['gecontroleerd'][:16].replace('T', ' '))})"
                if uitkomst.get("gecontroleerd") else "") + "</p>"]
    for regel in verslag(uitkomst):
        delen.append(f"<p style='margin:2px 0'>{escape(regel)}</p>")
    if uitkomst.get("beschikking"):
        delen.append(f"<p><b>Beschikking:</b> {escape(uitkomst['beschikking'])}</p>")
    return "".join(delen)


def _ontvang_opnieuw(opslag, dossier_id: int) -> dict:
    """Controleer opnieuw (zoals `avdesk ontvang --dossier N`) en bewaar de uitkomst."""
    from ..export.ontvangst import lees, lijstcontrole
    from ..store import ontvangen
    stukken = ontvangen.stukken(opslag, dossier_id)
    c, uitkomst = lees(stukken["ontvangen berekening"][1], stukken.get("ontvangen aanvraag", (None, None))[1])
    versie = opslag.versies(dossier_id)[-1]["versie"]
    lijstcontrole(opslag, c, uitkomst, dossier_id)
    ontvangen.bewaar_controle(opslag, dossier_id, versie, uitkomst)
    return ontvangen.laatste_controle(opslag, dossier_id)


def maak_beschikking(opslag, dossier_id: int, doelmap: Path) -> Path:
    """Een concept beschikking voor dit dossier in `doelmap` (zoals `avdesk beschikking --dossier N`)."""
    import json

    from ..core.berekening import bereken
    from ..export.beschikking import afgewezen_uit_controle, context, maak_docx
    from ..export.bewijs import lees_bewijs
    from ..export.documenten import vrij_pad
    from ..export.ontvangst import lees
    from ..store import ontvangen
    from ..store.instellingen import lees as lees_instellingen
    from ..store.sleutel import schrijf_atomair
    pdf = ontvangen.stukken(opslag, dossier_id)["ontvangen berekening"][1]
    uitkomst = ontvangen.laatste_controle(opslag, dossier_id)
    c, gelezen = lees(pdf, None)
    peil = json.loads(lees_bewijs(pdf)[1]).get("peildatum")
    b = bereken(c, date.fromisoformat(peil) if peil else None)
    i = lees_instellingen(opslag)
    medewerker = [f"Blokkeert: {x}" for x in (uitkomst or {}).get("blokkerend", [])]
    medewerker += [f"Let op: {x}" for x in (uitkomst or {}).get("let_op", [])]
    ctx = context(c, b, gelezen["kenmerk"], afgewezen=afgewezen_uit_controle(uitkomst), medewerker=medewerker,
                  gemeente={"gemeente_naam": i["gemeente_naam"], "afdeling": i["gemeente_afdeling"],
                            "gemeente_adres": i["gemeente_adres"], "beleidsregel": i["beleidsregel"],
                            "ondertekening": i["beschikking_ondertekening"]})
    docx = maak_docx(ctx, Path(i["beschikking_sjabloon"]) if i["beschikking_sjabloon"] else None)
    doelmap.mkdir(parents=True, exist_ok=True)
    pad = vrij_pad(doelmap, f"avdesk-beschikking-{gelezen['kenmerk']}-{date.today().isoformat()}.docx")
    schrijf_atomair(pad, docx)
    opslag.bewaar_document(dossier_id, "beschikking (concept)", pad.name, docx)
    ontvangen.zet_beschikking(opslag, dossier_id, f"concept {ctx['soort_naam'].lower()} {ctx['datum']}")
    return pad


class OntvangstDialoog(QDialog):
    """De ontvangen berekening (PDF) links, rechts de controle en de lijst, met de twee knoppen."""

    def __init__(self, opslag, dossier_id: int, ouder=None):
        super().__init__(ouder)
        from ..store import ontvangen
        self.opslag, self.dossier_id = opslag, dossier_id
        info = opslag.dossier(dossier_id)
        namen = " en ".join(n for n in (info["aanvrager_naam"], info["partner_naam"]) if n) or f"dossier {dossier_id}"
        self.setWindowTitle(f"Ontvangen aanvraag {dossier_id}: {namen}")
        splitter = QSplitter(self)
        from PySide6.QtPdfWidgets import QPdfView

        from .pdfvoorbeeld import pdf_uit_geheugen
        self.pdfview = QPdfView(splitter)
        self.pdfview.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdfview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        stukken = ontvangen.stukken(opslag, dossier_id)
        if "ontvangen berekening" in stukken:
            self._doc = pdf_uit_geheugen(stukken["ontvangen berekening"][1], self)   # de buffer hoort bij het document
            self.pdfview.setDocument(self._doc)
        rechts = QWidget(splitter)
        lay = QVBoxLayout(rechts)
        self.controle = QTextBrowser(rechts)
        self.controle.setOpenLinks(False)
        lay.addWidget(self.controle)
        knoppen = QHBoxLayout()
        self.opnieuw = QPushButton("Controleer &opnieuw", rechts)
        self.beschikking = QPushButton("Concept &beschikking", rechts)
        sluiten = QPushButton("Sluiten", rechts)
        for k in (self.opnieuw, self.beschikking, sluiten):
            knoppen.addWidget(k)
        lay.addLayout(knoppen)
        self.opnieuw.clicked.connect(self.controleer_opnieuw)
        self.beschikking.clicked.connect(self.concept_beschikking)
        sluiten.clicked.connect(self.accept)
        splitter.setSizes([560, 440])
        QVBoxLayout(self).addWidget(splitter)
        self.toon(ontvangen.laatste_controle(opslag, dossier_id))
        self.resize(1100, 720)

    def toon(self, uitkomst: dict | None) -> None:
        self.uitkomst = uitkomst
        self.controle.setHtml(controle_html(uitkomst))

    def controleer_opnieuw(self) -> None:
        from ..export.ontvangst import NietOntvangen
        try:
            self.toon(_ontvang_opnieuw(self.opslag, self.dossier_id))
        except (NietOntvangen, OpslagFout) as e:
            QMessageBox.warning(self, "Controleer opnieuw", str(e))

    def kies_map(self) -> Path | None:
        from ..store.instellingen import lees as lees_instellingen
        start = lees_instellingen(self.opslag)["exportmap"]
        from .pdfvoorbeeld import kies_map
        gekozen = kies_map(self, "Map voor de concept beschikking", start)
        return Path(gekozen) if gekozen else None

    def concept_beschikking(self) -> Path | None:
        from ..export.beschikking import SjabloonFout
        from ..export.ontvangst import NietOntvangen
        doelmap = self.kies_map()
        if doelmap is None:
            return None
        try:
            pad = maak_beschikking(self.opslag, self.dossier_id, doelmap)
        except (SjabloonFout, NietOntvangen, OpslagFout, OSError) as e:
            QMessageBox.warning(self, "Concept beschikking", str(e))
            return None
        from ..store import ontvangen
        self.toon(ontvangen.laatste_controle(self.opslag, self.dossier_id))
        self.laatste_beschikking = pad
        return pad


class GemeenteScherm(QMainWindow):
    """De lijst van ontvangen aanvragen (modus 'gemeente')."""
    # Dezelfde controle van het dossierbestand op de achtergrond als bij de raadsman (app.main roept hem aan).
    schade = Signal(str)
    controleer_op_achtergrond = Hoofdscherm.controleer_op_achtergrond
    _toon_schade = Hoofdscherm._toon_schade

    def __init__(self, opslag=None):
        super().__init__()
        self.opslag = opslag
        self.setWindowTitle("avdesk - team Inkomen: ontvangen aanvragen")
        midden = QWidget(self)
        lay = QVBoxLayout(midden)
        boven = QHBoxLayout()
        self.zoek = QLineEdit(midden)
        self.zoek.setPlaceholderText("Zoek op naam of kenmerk")
        boven.addWidget(QLabel("&Zoeken:", midden, buddy=self.zoek))
        boven.addWidget(self.zoek)
        self.openen_knop = QPushButton("&Openen", midden)
        self.instellingen_knop = QPushButton("&Instellingen", midden)
        boven.addWidget(self.openen_knop)
        boven.addWidget(self.instellingen_knop)
        lay.addLayout(boven)
        self.lijsten = QLabel(midden)
        self.lijsten.setWordWrap(True)
        lay.addWidget(self.lijsten)
        self.tabel = QTableView(midden)
        self.model = QStandardItemModel(0, len(KOLOMMEN), self)
        self.model.setHorizontalHeaderLabels(KOLOMMEN)
        self.tabel.setModel(self.model)
        self.tabel.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.tabel.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.tabel.verticalHeader().setVisible(False)
        self.tabel.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tabel.horizontalHeader().setStretchLastSection(True)
        lay.addWidget(self.tabel)
        self.setCentralWidget(midden)
        self.zoek.textChanged.connect(lambda _: self.vernieuw())
        self.tabel.doubleClicked.connect(lambda _: self.openen())
        self.openen_knop.clicked.connect(self.openen)
        self.instellingen_knop.clicked.connect(self.instellingen)
        self.schade.connect(self._toon_schade)
        self.schademelding = None
        self.resize(1100, 600)
        if opslag is not None:
            self.gebruik(opslag)

    def gebruik(self, opslag) -> None:
        self.opslag = opslag
        self.vernieuw()
        self.zoek.setFocus()

    def vernieuw(self) -> None:
        from ..core.doelgroeplijst import getal
        from ..export.ontvangst import lijststatus, status
        from ..store import lijsten, ontvangen
        rijen = ontvangen.ontvangen_dossiers(self.opslag, self.zoek.text())
        self.model.setRowCount(0)
        for r in rijen:
            u = r["uitkomst"]
            cellen = [str(r["id"]), r["aanvrager_naam"] or "-", r["partner_naam"] or "-", r["kenmerk"] or "-",
                      status(u) if u else "niet gecontroleerd", lijststatus(u) if u else "-",
                      r["beschikking"] or "nog geen",
                      datum(date.fromisoformat(r["gewijzigd"][:10])) + r["gewijzigd"][10:16].replace("T", " ")]
            items = []
            for tekst in cellen:
                item = QStandardItem(tekst)
                item.setData(r["id"], ROL_DOSSIER)
                item.setEditable(False)
                items.append(item)
            self.model.appendRow(items)
        if self.model.rowCount():
            self.tabel.selectRow(0)
        ingelezen = lijsten.lijsten(self.opslag)
        verlopen = lijsten.verlopen(self.opslag)
        self.lijsten.setText(
            ("Doelgroepselectielijsten: " + "; ".join(f"{x['jaar']} ({getal(x['aantal'])} BSN's, bewaren tot "
                                                       f"{datum(x['bewaren_tot'])})" for x in ingelezen)
             if ingelezen else "Er is nog geen doelgroepselectielijst ingelezen (avdesk doelgroeplijst importeer).")
            + ("".join(f" {x['herinnering']}" for x in verlopen)))
        self.statusBar().showMessage(f"{len(rijen)} ontvangen aanvraag/aanvragen")

    def gekozen(self) -> int | None:
        i = self.tabel.currentIndex()
        return i.data(ROL_DOSSIER) if i.isValid() else None

    def openen(self) -> OntvangstDialoog | None:
        d = self.gekozen()
        if d is None:
            return None
        self.dialoog = OntvangstDialoog(self.opslag, d, self)
        self.dialoog.finished.connect(lambda _: self.vernieuw())
        self.dialoog.open()
        return self.dialoog

    def instellingen(self) -> None:
        from .instellingen import InstellingenDialoog
        if InstellingenDialoog(self.opslag, self).exec():
            self.vernieuw()
