"""Het hoofdscherm: de dossierlijst (zoeken terwijl je typt, laatst gewijzigd bovenaan, status), nieuw, openen,
verwijderen met bevestiging, instellingen, en een herinnering aan dossiers buiten de bewaartermijn."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QMainWindow

from ..core.geld import datum
from ..core.wtrapjaren import WTRAP_JAREN
from ..store import OpslagFout
from ..store.opslag import STATUSSEN, Opslag
from .laden import Formulier

# Jaren, route en compensatie (store/overzicht.py): twee dossiers van een paar zagen er anders gelijk uit (issue 22).
OUD = ("Het dossier is gewijzigd na de laatste berekening: dit bedrag kan niet meer kloppen. Maak de aanvraag en "
       "de berekening opnieuw (afronding) voor het bedrag van nu.")
KOLOMMEN = ["Nr.", "Aanvrager", "Partner", "Status", "Jaren", "Route", "Compensatie", "Laatst gewijzigd"]
# Qt.ItemDataRole.UserRole en UserRole + 1 als getal: dit scherm raakt de Qt-naamruimte niet aan, want die met al
# haar enums aanmaken kost ~15 ms bij elke start (PySide maakt ze bij de eerste toegang). Een test bewaakt de waarden.
ROL_SORTEER = 256
ROL_DOSSIER = 257


class Hoofdscherm(QMainWindow):
    schade = Signal(str)            # uit de achtergrondcontrole: de melding over een beschadigd dossierbestand

    def __init__(self, opslag: Opslag | None = None):
        super().__init__()
        self.opslag = opslag
        self.f = Formulier("hoofdscherm")
        self.setCentralWidget(self.f.widget)
        self.setWindowTitle("avdesk - dossiers alleenverdienersproblematiek")
        self.model = QStandardItemModel(0, len(KOLOMMEN), self)
        self.model.setHorizontalHeaderLabels(KOLOMMEN)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(ROL_SORTEER)
        t = self.f.tabel
        t.setModel(self.proxy)
        t.verticalHeader().setVisible(False)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for k in (0, 4, 6):              # nummer, jaren en bedrag altijd helemaal; de namen rekken mee
            t.horizontalHeader().setSectionResizeMode(k, QHeaderView.ResizeMode.ResizeToContents)
        self.model.horizontalHeaderItem(5).setToolTip("Bijzondere bijstand (tekort, terugvordering of beide) of de "
                                                      f"Wtrap {WTRAP_JAREN}")
        self.model.horizontalHeaderItem(6).setToolTip("Het totaal van de laatst gemaakte berekening")
        # De opslag levert laatst gewijzigd bovenaan; sorteren op een kolom begint pas bij een klik op de kop.
        t.horizontalHeader().setSortIndicatorShown(False)
        t.horizontalHeader().sectionClicked.connect(lambda _: t.horizontalHeader().setSortIndicatorShown(True))
        t.doubleClicked.connect(lambda _: self.openen())
        t.customContextMenuRequested.connect(self._statusmenu)
        self._zoektimer = QTimer(self, singleShot=True, interval=150)
        self._zoektimer.timeout.connect(self.vernieuw)
        self.f.zoek.textChanged.connect(lambda _: self._zoektimer.start())
        self.f.nieuw.clicked.connect(self.nieuw)
        self.f.openen.clicked.connect(self.openen)
        self.f.verwijderen.clicked.connect(self.verwijderen)
        self.f.instellingen.clicked.connect(self.instellingen)
        # setShortcuts: alle toetsen van het platform voor een standaardactie (setShortcut zou alleen de eerste
        # nemen, en het kiezen tussen zijn varianten maakt alsnog de Qt-naamruimte aan).
        for tekst, toetsen, functie in (("Openen", [QKeySequence("Return")], self.openen),
                                        ("Verwijderen", QKeySequence.StandardKey.Delete, self.verwijderen),
                                        ("Nieuw dossier", QKeySequence.StandardKey.New, self.nieuw),
                                        ("Zoeken", QKeySequence.StandardKey.Find, self.f.zoek.setFocus)):
            actie = QAction(tekst, self)
            actie.setShortcuts(toetsen)
            actie.triggered.connect(functie)
            self.addAction(actie)
        self.schade.connect(self._toon_schade)
        self.schademelding = None
        from .scherm import pas_in
        pas_in(self, 960, 600)
        if opslag is not None:
            self.gebruik(opslag)

    def gebruik(self, opslag: Opslag) -> None:
        """De geopende opslag: toon de dossiers. Bij het starten wordt het venster al gebouwd terwijl de sleutel nog
        onderweg is (sleutelhaler); daarna pas komt de opslag."""
        self.opslag = opslag
        self.vernieuw()
        self.f.zoek.setFocus()

    def vernieuw(self) -> None:
        from ..store.overzicht import overzicht
        rijen = self.opslag.dossiers(self.f.zoek.text(), limiet=500)
        meer = overzicht(self.opslag, [r["id"] for r in rijen])
        self.model.setRowCount(0)
        for r in rijen:
            gewijzigd = r["gewijzigd"]
            o = meer.get(r["id"], {"jaren": "", "route": "", "bedrag": "", "oud": False})
            cellen = [(str(r["id"]), r["id"]), (r["aanvrager_naam"] or "(nog geen naam)", r["aanvrager_naam"].casefold()),
                      (r["partner_naam"], r["partner_naam"].casefold()), (r["status"], r["status"]),
                      (o["jaren"], o["jaren"]), (o["route"], o["route"]),
                      (o["bedrag"] + (" (oud)" if o["oud"] else ""), o["bedrag"]),
                      (datum(date.fromisoformat(gewijzigd[:10])) + gewijzigd[10:16].replace("T", " "), gewijzigd)]
            items = []
            for tekst, sorteer in cellen:
                item = QStandardItem(tekst)
                item.setData(sorteer, ROL_SORTEER)
                item.setData(r["id"], ROL_DOSSIER)
                item.setEditable(False)
                items.append(item)
            if o["oud"]:
                items[6].setToolTip(OUD)
            self.model.appendRow(items)
        if self.proxy.rowCount():
            self.f.tabel.selectRow(0)
        verlopen = self.opslag.verlopen_dossiers()
        self.f.melding.setText(f"{len(verlopen)} dossier(s) vallen buiten de bewaartermijn van "
                               f"{self.opslag.bewaartermijn_maanden} maanden; verwijder ze als ze niet meer nodig zijn."
                               if verlopen else "")
        if not rijen:
            # Een lege lijst zegt wat te doen (issue 22), ook boven de lijst waar het oog valt.
            hint = (f"Geen dossier gevonden bij '{self.f.zoek.text().strip()}'. Pas de zoektekst aan, of Ctrl+N: "
                    f"nieuw dossier." if self.f.zoek.text().strip() else
                    "Nog geen dossiers. Ctrl+N (of Alt+N): nieuw dossier.")
            self.f.melding.setText(hint if not verlopen else self.f.melding.text())
            self.statusBar().showMessage(hint)
            self.f.melding.setVisible(True)
            return
        self.f.melding.setVisible(bool(verlopen))
        self.statusBar().showMessage(f"{len(rijen)} dossier(s)" + (" gevonden" if self.f.zoek.text() else ""))

    def controleer_op_achtergrond(self):
        """Controleer het hele dossierbestand (elke pagina: HMAC en structuur) in een thread met een eigen
        verbinding, na het starten: niet op het startpad (bij 10.000 dossiers ~0,1 s), en de lijst blijft bruikbaar.
        Een beschadigde pagina geeft een melding die naar `avdesk backup --red` wijst. Geeft de thread terug."""
        import threading
        from ..store.opslag import DBNAAM, controleer_bestand
        if self.opslag is None or self.opslag.map is None or self.opslag.sleutel is None:
            return None
        pad, sleutel = self.opslag.map / DBNAAM, self.opslag.sleutel

        def controleer():
            try:
                controleer_bestand(pad, sleutel)
            except OpslagFout as e:
                if e.soort == "beschadigd":
                    self.schade.emit(str(e))
            except Exception:           # noqa: BLE001 - een controle op de achtergrond mag het venster niet storen
                pass
        draad = threading.Thread(target=controleer, name="avdesk-controle", daemon=True)
        draad.start()
        return draad

    def _toon_schade(self, tekst: str) -> None:
        from PySide6.QtWidgets import QMessageBox
        self.schademelding = QMessageBox(QMessageBox.Icon.Warning, "Het dossierbestand is beschadigd", tekst,
                                         QMessageBox.StandardButton.Ok, self)
        self.schademelding.open()           # niet blokkerend: de leesbare dossiers blijven te openen
        self.statusBar().showMessage("Het dossierbestand is beschadigd: red de dossiers met avdesk backup --red")

    def gekozen(self) -> int | None:
        i = self.f.tabel.currentIndex()
        return i.data(ROL_DOSSIER) if i.isValid() else None

    def nieuw(self) -> None:
        from ..core.casus import Casus, Persoon, Raadsman       # pas hier: de dossierlijst start zonder rekenkern
        from ..store.instellingen import lees as lees_instellingen
        from .raadsman import vraag_raadsman_als_nodig
        vraag_raadsman_als_nodig(self.opslag, self, getattr(self, "_raadsman_dialoog", None))   # de eerste keer
        inst = lees_instellingen(self.opslag)
        casus = Casus(Persoon(None, None), Persoon(None, None), [], aanvraagdatum=date.today(),
                      beleidsprofiel=inst["beleidsprofiel"],
                      raadsman=Raadsman(inst["raadsman_naam"], inst["organisatie_naam"], inst["organisatie_adres"],
                                        inst["raadsman_telefoon"], inst["raadsman_email"]))
        # Het dossier ontstaat pas bij het eerste bewaren met iets ingevuld (AvWizard.bewaar): Ctrl+N en Escape liet
        # anders een leeg dossier "(nog geen naam)" in de lijst achter.
        from .wizard import AvWizard
        self._toon_wizard(AvWizard(casus, self.opslag, None, self, nieuw_voor=inst["raadsman_naam"]), 1)

    def openen(self) -> None:
        if (d := self.gekozen()) is not None:
            self.open_wizard(d)

    def open_wizard(self, dossier_id: int):
        from .wizard import AvWizard
        try:
            casus = self.opslag.casus(dossier_id)
        except OpslagFout as e:
            from PySide6.QtWidgets import QMessageBox
            QMessageBox.warning(self, "Dossier openen", str(e))
            return None
        return self._toon_wizard(AvWizard(casus, self.opslag, dossier_id, self),
                                 self.opslag.dossier(dossier_id)["wizard_stap"] or 1)

    def _toon_wizard(self, w, stap: int):
        w.hervat(stap)
        w.finished.connect(lambda _: self.vernieuw())
        w.open()
        self.wizard = w
        return w

    def verwijderen(self) -> None:
        d = self.gekozen()
        if d is None:
            return
        info = self.opslag.dossier(d)
        from PySide6.QtWidgets import QMessageBox        # dialogen pas bij gebruik: sneller starten
        namen = " en ".join(n for n in (info["aanvrager_naam"], info["partner_naam"]) if n) or f"dossier {d}"
        antwoord = QMessageBox.question(
            self, "Dossier verwijderen",
            f"Het dossier van {namen} verwijderen, met alle versies en documenten, ook uit de kopieën die avdesk "
            f"bewaart (van eerder terugzetten)?\nDit kan niet ongedaan worden.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if antwoord == QMessageBox.StandardButton.Yes:
            self.opslag.verwijder_dossier(d)
            self.vernieuw()

    def _statusmenu(self, positie) -> None:
        d = self.gekozen()
        if d is None:
            return
        from PySide6.QtWidgets import QMenu
        menu = QMenu(self)
        for status in STATUSSEN:
            menu.addAction(f"Status: {status}", lambda s=status: (self.opslag.zet_status(d, s), self.vernieuw()))
        menu.exec(self.f.tabel.viewport().mapToGlobal(positie))

    def instellingen(self) -> None:
        from .instellingen import InstellingenDialoog
        if InstellingenDialoog(self.opslag, self).exec():
            self.vernieuw()
