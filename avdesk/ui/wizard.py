"""De wizard: de 11 stappen van het Stappenplan uitvoering en een afrondingspagina (de pagina's staan in
avdesk/ui/stappen/; hier alleen navigatie, bewaren en ongedaan maken).

Elke pagina leest en schrijft de Casus; alle getallen komen uit avdesk.core. De casus wordt bewaard bij elke
paginawissel en elke 30 seconden; bij heropenen gaat de wizard verder bij dezelfde stap. 'Laatste wijziging
ongedaan maken' zet de casus terug naar de stand van voor de laatste wijziging op de pagina."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidget, QWizard

from ..core.berekening import Berekening, bereken
from ..core.casus import Casus, CasusFout, casus_naar_dict, lees_casus
from ..core.route import VOLGORDE
from .stappen import (AFRONDING, TITELS_STAPPEN, WTRAP, Afronding, Stap, Stap1, Stap2, Stap3, Stap4, Stap5, Stap6,
                      Stap7, Stap8, Stap9, Stap10, Stap11, StapWtrap)
from .paginahulp import geef_focus, leesbare_fout
from .scherm import pas_in, volg_focus
from .velden import vergeet_concepten

# ---------------------------------------------------------------- de wizard

def hulpsleutel(pagina_id: int) -> str:
    """De sleutel van de hulptekst (resources/hulp.toml) bij een pagina van de wizard."""
    return {AFRONDING: "afronding", WTRAP: "wtrap"}.get(pagina_id, str(pagina_id))


class AvWizard(QWizard):
    def __init__(self, casus: Casus, opslag=None, dossier_id: int | None = None, ouder=None,
                 nieuw_voor: str | None = None):
        """`nieuw_voor`: een nieuw dossier (van deze raadsman) dat pas in de opslag komt als er iets is ingevuld."""
        super().__init__(ouder)
        self.casus, self.opslag, self.dossier_id = casus, opslag, dossier_id
        self.nieuw_voor = nieuw_voor
        self.herstellen = False
        self._stap = 1
        self.status_klaar = bool(opslag and dossier_id is not None
                                 and opslag.dossier(dossier_id)["status"] == "aanvraag klaar")
        self.setWindowTitle("avdesk - aanvraag alleenverdienersproblematiek")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        # Eigen sneltoetsen: Alt+V Volgende (of Voltooien, nooit samen te zien), Alt+T Terug, Esc Annuleren; geen knop op
        # een pagina deelt zijn letter met een van deze (tests/ui/test_sneltoetsen.py).
        for knop, tekst in ((QWizard.WizardButton.NextButton, "&Volgende >"), (QWizard.WizardButton.BackButton, "< &Terug"),
                            (QWizard.WizardButton.FinishButton, "&Voltooien"), (QWizard.WizardButton.CancelButton, "Annuleren"),
                            (QWizard.WizardButton.CustomButton1, "Laatste wijziging &ongedaan maken")):
            self.setButtonText(knop, tekst)
        self.customButtonClicked.connect(lambda _: self.ongedaan())
        # Enter is Volgende (README), ook als "< Terug" of "Annuleren" de focus heeft (Tab uit het laatste veld):
        # die knoppen nemen Enter niet over; ze werken met hun sneltoets (Alt+T, Escape) of Spatie.
        for knop in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton):
            self.button(knop).setAutoDefault(False)
            # Zonder autoDefault tekent Fusion geen kader bij focus: een eigen rand, zodat de focus te zien blijft.
            self.button(knop).setStyleSheet("QPushButton:focus { border: 2px solid #1f5fbf; border-radius: 3px; "
                                            "padding: 3px 10px; background-color: #eef3fb; }")
        QShortcut(QKeySequence("Ctrl+Shift+Z"), self, self.ongedaan)
        self.stappen: dict[int, Stap] = {}
        for klasse in (Stap1, Stap2, Stap3, Stap4, Stap5, Stap6, Stap7, Stap8, Stap9, Stap10, Stap11, StapWtrap,
                       Afronding):
            pagina = klasse(self)
            self.stappen[klasse.nummer] = pagina
            self.setPage(klasse.nummer, pagina)
        self.zijlijst = QListWidget()
        self.zijlijst.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.zijlijst.setWordWrap(True)
        self.zijlijst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.zijlijst.setFixedWidth(270)
        self.zijlijst.setSpacing(2)
        self.zijlijst.setAccessibleName("Stappen")
        self.zijlijst.itemClicked.connect(lambda item: self.ga_naar(item.data(Qt.ItemDataRole.UserRole)))
        self.setSideWidget(self.zijlijst)
        self.currentIdChanged.connect(self._bij_wissel)
        self._undo: list[str] = []
        self._stand = self._begin = self._momentopname()
        self._stand_pdfs = self._stand if self.status_klaar else None    # de casus zoals de PDF's hem kennen
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.autosave)
        self.timer.start(30_000)
        volg_focus()
        pas_in(self, 1100, 780)             # op een klein scherm: de hele beschikbare ruimte, de pagina schuift

    # ------------------------------------------------------------ navigatie

    def route(self):
        """De route van de rekenkern (avdesk/core/route.py): de wizard, zijlijst en titel volgen hem."""
        from ..core.route import bepaal_route
        return bepaal_route(self.casus)

    def route_stappen(self) -> list[int]:
        return list(self.route().stappen)

    def volgende(self, n: int) -> int:
        stappen = self.route_stappen()
        if n not in stappen:
            return -1
        i = stappen.index(n)
        return stappen[i + 1] if i + 1 < len(stappen) else -1

    def ga_naar(self, doel: int) -> None:
        """Naar een stap via de zijlijst of bij heropenen: terug via de geschiedenis, vooruit via Volgende."""
        if doel in self.visitedIds():
            while self.currentId() != doel and self.currentId() != self.startId():
                self.back()
            return
        while self.currentId() != doel:
            vorige = self.currentId()
            self.next()
            if self.currentId() == vorige:
                break

    def hervat(self, stap: int) -> None:
        """Heropenen: loop zonder controles door tot de bewaarde stap."""
        self.restart()
        self.herstellen = True
        try:
            self.ga_naar(stap)
        finally:
            self.herstellen = False

    def _bij_wissel(self, stap: int) -> None:
        if stap < 1:            # de wizard sluit (-1): de laatst getoonde stap blijft de plek om te hervatten
            return
        self._stap = stap
        self.bewaar()
        self._zijlijst_bijwerken()
        pagina = self.currentPage()
        if isinstance(pagina, Stap):            # na QWizard, die de focus anders op het eerste widget zet
            pagina.vlak.verticalScrollBar().setValue(0)
            geef_focus(pagina.focusveld())

    def overgeslagen(self) -> list[str]:
        """Welke stappen de gekozen route overslaat, en waarom (voor de zijlijst)."""
        return list(self.route().weg)

    def _zijlijst_bijwerken(self):
        from PySide6.QtWidgets import QListWidgetItem
        self.zijlijst.clear()
        route = self.route()
        stappen = list(route.stappen)
        if self.currentId() in stappen:
            n = self.currentId()
            # m pas na stap 3, als de route vaststaat: de stappen van de route plus wat nog kan komen. m sprong anders
            # mee terwijl de route bekend werd (3, 8, 11, 12; issue 22).
            van = f" van {route.aantal}" if route.route and n not in (1, 2, 3) else ""
            self.setWindowTitle(f"avdesk - stap {stappen.index(n) + 1}{van}: {TITELS_STAPPEN[n]}")
        for n in VOLGORDE:
            if n not in stappen and n not in route.nog_open:
                continue
            tekst = TITELS_STAPPEN[n] if n in (AFRONDING, WTRAP) else f"{n}. {TITELS_STAPPEN[n]}"
            item = QListWidgetItem(tekst if n in stappen else f"{tekst} (als stap 9 en 10 een vergoede terugvordering "
                                                              f"geven)")
            item.setData(Qt.ItemDataRole.UserRole, n)
            if n in route.nog_open:
                item.setFlags(Qt.ItemFlag.NoItemFlags)      # kan nog komen: nog niet te kiezen
            if n == self.currentId():
                f = item.font()
                f.setBold(True)
                item.setFont(f)
                item.setSelected(True)
            self.zijlijst.addItem(item)
        for zin in self.overgeslagen():
            item = QListWidgetItem(zin)
            item.setFlags(Qt.ItemFlag.NoItemFlags)          # alleen uitleg: niet te kiezen
            self.zijlijst.addItem(item)

    # ------------------------------------------------------------ wijzigingen, ongedaan maken, bewaren

    def _momentopname(self) -> str:
        return json.dumps(casus_naar_dict(self.casus), sort_keys=True, default=str)

    def pagina_binnen(self, pagina: Stap) -> None:
        self._undo = []
        self._stand = self._momentopname()
        self.button(QWizard.WizardButton.CustomButton1).setEnabled(False)

    def na_wijziging(self, *_):
        pagina = self.currentPage()
        if isinstance(pagina, Stap) and not self.herstellen:
            pagina.schrijf(False)
        nu = self._momentopname()
        if nu != self._stand:
            self._undo.append(self._stand)
            self._stand = nu
            self.button(QWizard.WizardButton.CustomButton1).setEnabled(True)
            self.status_terug()
            self._zijlijst_bijwerken()          # meteen: een terugvordering brengt stap 11 op deze pagina al terug

    def status_terug(self) -> None:
        """De gegevens zijn gewijzigd na het maken van de PDF's: die zijn verouderd, de status gaat terug."""
        if self.status_klaar and self.opslag is not None and self.dossier_id is not None:
            self.opslag.zet_status(self.dossier_id, "in behandeling")
            self.status_klaar = False

    def keyPressEvent(self, e):
        # F1 komt hier aan vanuit elk veld (dat hem niet zelf gebruikt), ook zonder actief venster.
        if e.key() == Qt.Key.Key_F1:
            self.hulp()
            return
        super().keyPressEvent(e)

    def hulp(self):
        """F1: de uitleg bij deze pagina, met de paragraaf van de handreiking."""
        from .hulp import toon_hulp
        self.hulpvenster = toon_hulp(self, hulpsleutel(self.currentId()))

    def ongedaan(self) -> None:
        if not self._undo:
            return
        self._stand = self._undo.pop()
        self.casus = lees_casus(self._stand, concept=True)
        pagina = self.currentPage()
        if isinstance(pagina, Stap):
            pagina.laad()
        self.button(QWizard.WizardButton.CustomButton1).setEnabled(bool(self._undo))

    def bewaar(self) -> None:
        # Ook een wijziging die zonder editingFinished bewaard wordt (Alt+V, automatisch bewaren) maakt de PDF's oud.
        if self.status_klaar and self._momentopname() != self._stand_pdfs:
            self.status_terug()
        if self.opslag is not None and self.dossier_id is None and self.nieuw_voor is not None:
            if self._momentopname() == self._begin:
                return                          # nog niets ingevuld: nog geen dossier
            self.dossier_id = self.opslag.nieuw_dossier(self.casus, raadsman=self.nieuw_voor)
        if self.opslag is not None and self.dossier_id is not None:
            self.opslag.bewaar_casus(self.dossier_id, self.casus, wizard_stap=self._stap)

    def autosave(self) -> None:
        pagina = self.currentPage()
        if isinstance(pagina, Stap):
            pagina.schrijf(False)
        self.bewaar()

    def done(self, resultaat: int) -> None:
        if self.currentId() > 0:
            self._stap = self.currentId()
        self.autosave()
        self.timer.stop()
        vergeet_concepten()             # foute tekst leeft alleen zolang de wizard open is
        super().done(resultaat)

    # ------------------------------------------------------------ rekenen

    def bereken(self) -> tuple[Berekening | None, list[str]]:
        """Reken met een streng gelezen kopie van de casus; ontbreekt er iets, dan de lijst met wat er mist."""
        try:
            streng = lees_casus(casus_naar_dict(self.casus))
        except CasusFout as e:
            return None, [leesbare_fout(f, self.casus) for f in e.fouten]     # in woorden, niet als JSON-pad
        return bereken(streng), []
