"""De twee tabellen van een periode in stap 2: inkomen per bron en medebewoners (rijen toevoegen, verwijderen na een
vraag, lezen), als mixin van de JaarEditor in periodes.py."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QHeaderView, QLineEdit, QTableWidget

from ...core.casus import INKOMENSSOORTEN, Inkomensbron, Medebewoner, Periode
from ...core.geld import geboren_uiterlijk, lees_datum
from ..paginahulp import bevestig
from ..tabellen import compact, pas_hoogte, tabvolgorde
from ..velden import Veldfout, eigenschap, koppel, lees, vergeet_concepten, zet

KOSTENDELER = ("automatisch", "ja", "nee")
SOORTEN = list(INKOMENSSOORTEN)
WIE = ("aanvrager", "partner")


class Periodetabellen:
    """Verwacht van de JaarEditor: self.p (het periodeformulier), self.w (de wizard), _periode() en _na_invoer()."""

    # ------------------------------------------------------------ tabel medebewoners

    def _medebewoners_opzetten(self):
        t: QTableWidget = self.p.medebewoners
        t.setColumnCount(5)
        t.setHorizontalHeaderLabels(["Naam", "Geboortedatum", "Toetsingsinkomen", "Kind", "Kostendeler"])
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        t.setFocusPolicy(Qt.FocusPolicy.NoFocus)            # de velden in de rijen krijgen de focus
        compact(t, False)
        pas_hoogte(t)

    def _mede_rij(self, m: Medebewoner, focus: bool = False):
        t: QTableWidget = self.p.medebewoners
        r = t.rowCount()
        anker = t.cellWidget(r - 1, 4) if r else t
        t.insertRow(r)
        naam, gd, ink = QLineEdit(m.naam or ""), QLineEdit(), QLineEdit()
        koppel(gd, self._periode(), f"medebewoner{r}.geboortedatum")
        koppel(ink, self._periode(), f"medebewoner{r}.inkomen")
        gd.setPlaceholderText("dd-mm-jjjj")
        zet(gd, m.geboortedatum)
        zet(ink, m.toetsingsinkomen if m.toetsingsinkomen else None)
        ink.setPlaceholderText("0")
        kind = QCheckBox("kind")
        kind.setChecked(m.kind)
        kd = QComboBox()
        kd.addItems(KOSTENDELER)
        kd.setCurrentIndex(0 if m.kostendeler is None else (1 if m.kostendeler else 2))
        kd.setToolTip("Automatisch: kostendeler vanaf de eerste maand waarin iemand op de eerste dag 27 of ouder is "
                      "(geen student of commerciële huurder); avdesk splitst de periode daar zelf")
        for k, wdg in enumerate((naam, gd, ink, kind, kd)):
            wdg.setAccessibleName(f"Medebewoner {r + 1}: {t.horizontalHeaderItem(k).text()}")
            if not wdg.toolTip():
                wdg.setToolTip(wdg.accessibleName())
            t.setCellWidget(r, k, wdg)
        for le in (naam, gd, ink):
            le.editingFinished.connect(self._na_invoer)
        gd.editingFinished.connect(lambda: self._kind_standaard(gd, kind))
        kind.toggled.connect(lambda _: kind.setProperty("aangeraakt", True))
        kind.toggled.connect(self._na_invoer)
        kd.activated.connect(self._na_invoer)
        tabvolgorde(anker, naam, gd, ink, kind, kd)        # in de rij, na de vorige rij (niet achteraan)
        pas_hoogte(t)
        if focus:
            naam.setFocus()

    # ------------------------------------------------------------ tabel inkomen per bron

    def _inkomen_opzetten(self):
        t: QTableWidget = self.p.inkomen
        t.setColumnCount(4)
        t.setHorizontalHeaderLabels(["Wie", "Soort inkomen", "Bruto per jaar", "Omschrijving"])
        t.horizontalHeaderItem(3).setToolTip("Omschrijving van de bron, nodig bij de soort 'overig'")
        kop = t.horizontalHeader()
        kop.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        kop.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)   # "Martin (aanvrager)" heel
        t.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        compact(t, False)
        pas_hoogte(t)
        t.setToolTip("Per partner elke bron van inkomen in deze periode, bruto per jaar. De bronnen bepalen de toets aan "
                     "het bestaansminimum (aanvullende bijstand, IOAW of IOAZ: het huishouden zit op bijstandsniveau) en "
                     "de doelgroep (een uitkering van UWV, SVB of een private verzekeraar).")

    def _nieuwe_wie(self) -> str:
        """Voor een nieuwe bron: eerst de aanvrager, dan de partner als die nog geen bron heeft, daarna de aanvrager."""
        t: QTableWidget = self.p.inkomen
        wie = {WIE[t.cellWidget(r, 0).currentIndex()] for r in range(t.rowCount())}
        return "partner" if "aanvrager" in wie and "partner" not in wie else "aanvrager"

    def _ink_rij(self, wie: str, bron: Inkomensbron, focus: bool = False):
        t: QTableWidget = self.p.inkomen
        r = t.rowCount()
        anker = t.cellWidget(r - 1, 3) if r else t
        t.insertRow(r)
        c = self.w.casus
        persoon = QComboBox()
        persoon.addItems([f"{c.aanvrager.naam or 'Aanvrager'} (aanvrager)", f"{c.partner.naam or 'Partner'} (partner)"])
        persoon.setCurrentIndex(WIE.index(wie))
        soort = QComboBox()
        soort.addItems([INKOMENSSOORTEN[k] for k in SOORTEN])
        soort.setCurrentIndex(SOORTEN.index(bron.soort))
        bruto, oms = QLineEdit(), QLineEdit(bron.omschrijving)
        koppel(bruto, self._periode(), f"inkomen{r}.bruto")
        bruto.setPlaceholderText("bijv. 27.000")
        zet(bruto, bron.bruto_per_jaar)
        for k, wdg in enumerate((persoon, soort, bruto, oms)):
            wdg.setAccessibleName(f"Inkomensbron {r + 1}: {t.horizontalHeaderItem(k).text()}")
            if not wdg.toolTip():
                wdg.setToolTip(wdg.accessibleName())
            t.setCellWidget(r, k, wdg)
        for combo in (persoon, soort):
            combo.activated.connect(self._na_invoer)
        for le in (bruto, oms):
            le.editingFinished.connect(self._na_invoer)
        tabvolgorde(anker, persoon, soort, bruto, oms)
        pas_hoogte(t)
        if focus:
            soort.setFocus()

    def _ink_weg(self):
        t: QTableWidget = self.p.inkomen
        r = self._rij_met_focus(t)
        if r >= 0 and bevestig(self, "Inkomensbron verwijderen", f"Inkomensbron {r + 1} verwijderen uit deze periode?"):
            t.removeRow(r)
            pas_hoogte(t)
            vergeet_concepten(self._periode(), "inkomen")
            self._na_invoer()

    def _lees_inkomen(self, per: Periode, streng: bool) -> list[str]:
        """De bronnen uit de tabel; het toetsingsinkomen vult zich met de som, tenzij de raadsman het zelf typte."""
        fouten: list[str] = []
        t: QTableWidget = self.p.inkomen
        bronnen: dict[str, list[Inkomensbron]] = {}
        for r in range(t.rowCount()):
            persoon, soort, bruto, oms = (t.cellWidget(r, k) for k in range(4))
            sleutel = SOORTEN[soort.currentIndex()]
            try:
                b = lees(bruto, None, "bedrag", verplicht=streng, naam="het bruto bedrag per jaar")
            except Veldfout as e:
                fouten.append(f"inkomensbron {r + 1}: {e}")
                continue
            if b is None:           # nog niet ingevuld (bij Volgende is dit een fout)
                continue
            if sleutel == "overig" and not oms.text().strip():
                fouten.append(f"inkomensbron {r + 1}: beschrijf bij 'overig' wat voor inkomen het is")
            bronnen.setdefault(WIE[persoon.currentIndex()], []).append(Inkomensbron(sleutel, b, oms.text().strip()))
        per.inkomen = {w: bronnen.get(w, []) for w in WIE} if t.rowCount() else {}
        t.setToolTip("\n".join(fouten) or t.toolTip())
        if per.inkomen and not fouten:
            for wie in WIE:
                veld = getattr(self.p, f"ti_{wie}")
                som = sum((b.bruto_per_jaar for b in per.inkomen[wie]), Decimal(0))
                try:
                    nu = lees(veld, None, "bedrag")
                except Veldfout:
                    continue
                if nu is None or nu == self._auto_ti.get(wie):
                    zet(veld, som)
                    self._auto_ti[wie] = som
        return fouten

    def _kind_standaard(self, gd: QLineEdit, kind: QCheckBox):
        """Jonger dan 18 op de eerste dag van de periode: dan is het (tenzij anders aangevinkt) een kind."""
        try:
            d = lees_datum(gd.text(), verleden=date.today())
        except ValueError:
            return
        if d and not eigenschap(kind, "aangeraakt") and self._periode():
            kind.blockSignals(True)
            kind.setChecked(d > geboren_uiterlijk(self._periode().van, 18))
            kind.blockSignals(False)
            self._na_invoer()

    def _mede_weg(self):
        t: QTableWidget = self.p.medebewoners
        r = self._rij_met_focus(t)
        naam = t.cellWidget(r, 0).text().strip() if r >= 0 else ""
        if r >= 0 and bevestig(self, "Medebewoner verwijderen",
                               f"{naam or f'Medebewoner {r + 1}'} verwijderen uit deze periode?"):
            t.removeRow(r)
            pas_hoogte(t)
            vergeet_concepten(self._periode(), "medebewoner")     # de rijen schuiven op; schrijf() onthoudt opnieuw
            self._na_invoer()

    @staticmethod
    def _rij_met_focus(t: QTableWidget) -> int:
        """De gekozen rij, anders de laatste (de vraag noemt welke, dus niets verdwijnt ongezien)."""
        return t.currentRow() if t.currentRow() >= 0 else t.rowCount() - 1

    def _handmatig_tonen(self, aan: bool):
        for naam in ("hm_toeslag", "hm_werkelijk", "hm_referentie", "hm_motivering"):
            getattr(self.p, naam).setVisible(aan)
            getattr(self.p, f"label_{naam}").setVisible(aan)
        self._na_invoer()
