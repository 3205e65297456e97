"""Stap 2: per toeslagjaar de perioden (een tijdlijn van maanden) met inkomens, huur, medebewoners en de bedragen
uit MijnToeslagen. Standaard twee perioden (huur voor en na 1 juli); 'Wijziging toevoegen' splitst een periode en
neemt de gegevens over, zodat de raadsman alleen invult wat anders is."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTableWidget, QVBoxLayout, QWidget

from ...core.berekening import bereken_periode
from ...core.casus import (HANDMATIGE_TOESLAGEN, SERVICEKOSTEN, HandmatigeToeslag, Huur, Inkomensbron, Jaar,
                           Medebewoner, Periode)
from ...core.geld import MAANDNAMEN, euro
from ...core.geld import periode_label as geld_periode_label
from ...core.params import laad_jaar
from ...core.signalen import s2_op
from ..laden import Formulier
from ..paginahulp import bevestig
from ..tabellen import pas_hoogte
from ..velden import Veldfout, heeft_concept, koppel, lees, zet
from .periodetabellen import WIE, Periodetabellen

PERIODEVELDEN = ("ti_aanvrager", "ti_partner", "kale_huur", *[f"sk_{k}" for k in SERVICEKOSTEN], "ontvangen_ht",
                 "ontvangen_zt", "hm_werkelijk", "hm_referentie", "hm_motivering")


def standaard_perioden(jaar: int) -> list[Periode]:
    """Huur voor en na 1 juli: twee perioden, de tweede begint als kopie van de eerste. Een Wtrap-jaar (vanaf 2025)
    begint als een periode: de zelfmeldertoets gaat over het jaar, en de rekenkern splitst zelf op 1 juli; wat in het
    jaar veranderde (ook de huur), splitst 'Wijziging toevoegen'."""
    from ...core.wtrapjaren import is_wtrapjaar
    if is_wtrapjaar(jaar):
        return [Periode(date(jaar, 1, 1), date(jaar, 12, 1), None, None)]
    return [Periode(date(jaar, 1, 1), date(jaar, 6, 1), None, None),
            Periode(date(jaar, 7, 1), date(jaar, 12, 1), None, None)]


def leeg(p: Periode) -> bool:
    """Nog niets ingevuld in deze periode."""
    return (p.toetsingsinkomen_aanvrager is None and p.toetsingsinkomen_partner is None and p.huur is None
            and not p.medebewoners and not p.ontvangen and p.netto_inkomen_per_maand is None and not p.inkomen)


def periode_label(p: Periode) -> str:
    return geld_periode_label(p.van, p.tot_en_met, kort=True)


class JaarEditor(Periodetabellen, QWidget):
    gewijzigd = Signal()

    def __init__(self, wizard, jaar: Jaar):
        super().__init__()
        self.w, self.jaar = wizard, jaar
        self.f = Formulier("jaar")
        self.p = Formulier("periode")
        # Het formulier krijgt zijn natuurlijke hoogte; het schuifvlak van de pagina schuift (geen tweede schuifvlak
        # erin: bij 125% stond de periodelijst anders in een schuifvlak in een schuifvlak).
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.f.widget)
        houder = QVBoxLayout(self.f.periode_houder)
        houder.setContentsMargins(0, 0, 0, 0)
        houder.addWidget(self.p.widget)
        self.f.perioden.setMaximumHeight(110)
        self.f.perioden.setAccessibleName("Perioden van dit jaar")
        for combo in (self.p.van, self.p.tot):
            combo.addItems(MAANDNAMEN)
        self.p.van.setToolTip("Eerste maand van deze periode")
        self.p.tot.setToolTip("Laatste maand van deze periode")
        self.f.wijziging_maand.setToolTip("De maand waarin iets veranderde (inkomen, huur, wie er woont); "
                                          "'Wijziging toevoegen' begint daar een nieuwe periode")
        self.f.wijziging_maand.addItems(MAANDNAMEN[1:])
        self.f.wijziging_maand.setCurrentIndex(8 - 1)          # september: een veelvoorkomende wijziging
        self.p.hm_toeslag.addItems(["kindgebonden budget", "kinderopvangtoeslag"])
        self._medebewoners_opzetten()
        self._inkomen_opzetten()
        self._auto_ti: dict[str, Decimal | None] = {}     # wat avdesk zelf in het toetsingsinkomen zette
        self._huidig = -1
        self.f.perioden.currentRowChanged.connect(self._kies)
        self.f.wijziging_toevoegen.clicked.connect(self.wijziging_toevoegen)
        self.f.periode_verwijderen.clicked.connect(self.samenvoegen)
        self.p.mede_toevoegen.clicked.connect(lambda: self._mede_rij(Medebewoner(None, Decimal(0)), focus=True))
        self.p.mede_verwijderen.clicked.connect(self._mede_weg)
        self.p.ink_toevoegen.clicked.connect(lambda: self._ink_rij(self._nieuwe_wie(), Inkomensbron("ww", None),
                                                                   focus=True))
        self.p.ink_verwijderen.clicked.connect(self._ink_weg)
        self.p.partner_verzekerd.toggled.connect(self._na_invoer)
        self.p.handmatig.toggled.connect(self._handmatig_tonen)
        for naam in PERIODEVELDEN:
            getattr(self.p, naam).editingFinished.connect(self._na_invoer)
        self.f.datum_beschikking.editingFinished.connect(self._na_invoer)
        for combo in (self.p.van, self.p.tot):
            combo.activated.connect(self._na_invoer)
        self.p.aangepaste_woning.toggled.connect(self._na_invoer)
        koppel(self.f.datum_beschikking, jaar, "datum_beschikking", self.f.datum_beschikking_fout)
        self.laad()

    # ------------------------------------------------------------ perioden

    def _periode(self) -> Periode | None:
        return self.jaar.perioden[self._huidig] if 0 <= self._huidig < len(self.jaar.perioden) else None

    def laad(self):
        if not self.jaar.perioden:
            self.jaar.perioden = standaard_perioden(self.jaar.jaar)
        zet(self.f.datum_beschikking, self.jaar.datum_definitieve_beschikking)
        self._lijst_vullen(max(0, self._huidig))

    def _lijst_vullen(self, kies: int):
        self.f.perioden.blockSignals(True)
        self.f.perioden.clear()
        self.f.perioden.addItems([periode_label(p) for p in self.jaar.perioden])
        self.f.perioden.blockSignals(False)
        self._huidig = -1
        self.f.perioden.setCurrentRow(min(kies, len(self.jaar.perioden) - 1))

    def _kies(self, rij: int):
        if self._huidig >= 0:
            self.schrijf(False)
        self._huidig = rij
        per = self._periode()
        if per is None:
            return
        if rij > 0 and leeg(per) and not leeg(self.jaar.perioden[rij - 1]):
            # Een lege periode begint als kopie van de vorige: alleen invullen wat anders is.
            kopie = copy.deepcopy(self.jaar.perioden[rij - 1])
            kopie.van, kopie.tot_en_met = per.van, per.tot_en_met
            self.jaar.perioden[rij] = per = kopie
        p = self.p
        for naam in PERIODEVELDEN:      # dezelfde velden tonen nu deze periode (en wat daar fout getypt was)
            koppel(getattr(p, naam), per, naam, getattr(p, f"{naam}_fout", None))
        p.van.setCurrentIndex(per.van.month - 1)
        p.tot.setCurrentIndex(per.tot_en_met.month - 1)
        zet(p.ti_aanvrager, per.toetsingsinkomen_aanvrager)
        zet(p.ti_partner, per.toetsingsinkomen_partner)
        zet(p.kale_huur, per.huur.kale_huur if per.huur else None)
        for k in SERVICEKOSTEN:
            zet(getattr(p, f"sk_{k}"), per.huur.servicekosten.get(k) if per.huur else None)
        p.aangepaste_woning.blockSignals(True)
        p.aangepaste_woning.setChecked(per.aangepaste_woning)
        p.aangepaste_woning.blockSignals(False)
        p.medebewoners.setRowCount(0)
        for m in per.medebewoners:
            self._mede_rij(m)
        pas_hoogte(p.medebewoners)
        p.inkomen.setRowCount(0)
        pas_hoogte(p.inkomen)
        self._auto_ti = {}
        for wie in WIE:
            for bron in per.inkomen.get(wie, []):
                self._ink_rij(wie, bron)
            if per.inkomen and getattr(per, f"toetsingsinkomen_{wie}") == sum(
                    (b.bruto_per_jaar for b in per.inkomen.get(wie, [])), Decimal(0)):
                self._auto_ti[wie] = getattr(per, f"toetsingsinkomen_{wie}")
        p.partner_verzekerd.blockSignals(True)
        p.partner_verzekerd.setChecked(per.partner_verzekerd_zvw)
        p.partner_verzekerd.blockSignals(False)
        zet(p.ontvangen_ht, per.ontvangen.get("huurtoeslag"))
        zet(p.ontvangen_zt, per.ontvangen.get("zorgtoeslag"))
        h = per.handmatig[0] if per.handmatig else None
        aan = h is not None or heeft_concept(per, "hm_")      # ook aan als er alleen nog foute tekst staat
        p.handmatig.blockSignals(True)
        p.handmatig.setChecked(aan)
        p.handmatig.blockSignals(False)
        for naam in ("hm_toeslag", "hm_werkelijk", "hm_referentie", "hm_motivering"):
            getattr(p, naam).setVisible(aan)
            getattr(p, f"label_{naam}").setVisible(aan)
        if h:
            p.hm_toeslag.setCurrentIndex(HANDMATIGE_TOESLAGEN.index(h.toeslag))
        zet(p.hm_werkelijk, h.werkelijk if h else None)
        zet(p.hm_referentie, h.referentie if h else None)
        zet(p.hm_motivering, h.motivering if h else None)
        self._toon_berekend()

    def wijziging_toevoegen(self, maand: int | None = None):
        """Splits de periode waarin de gekozen maand valt; de nieuwe periode begint met dezelfde gegevens."""
        self.schrijf(False)
        m = maand or self.f.wijziging_maand.currentIndex() + 2
        for i, per in enumerate(self.jaar.perioden):
            if per.van.month < m <= per.tot_en_met.month:
                if i > 0 and leeg(per) and not leeg(self.jaar.perioden[i - 1]):
                    # Nog nooit getoond: eerst de gegevens van de vorige periode, net als bij het kiezen ervan.
                    per = copy.deepcopy(self.jaar.perioden[i - 1])
                    per.van, per.tot_en_met = self.jaar.perioden[i].van, self.jaar.perioden[i].tot_en_met
                    self.jaar.perioden[i] = per
                nieuw = copy.deepcopy(per)
                nieuw.van = date(self.jaar.jaar, m, 1)
                per.tot_en_met = date(self.jaar.jaar, m - 1, 1)
                self.jaar.perioden.insert(i + 1, nieuw)
                self._lijst_vullen(i + 1)
                self.gewijzigd.emit()
                # Laat zien wat er gebeurde: de nieuwe periode gekozen, de lijst met de focus en in beeld (de
                # focusvolger van scherm.py schuift de pagina ernaartoe).
                self.f.perioden.scrollToItem(self.f.perioden.item(i + 1))
                self.f.perioden.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def samenvoegen(self):
        """Voeg de gekozen periode samen met de vorige (de gegevens van de vorige blijven gelden)."""
        i = self._huidig
        if i <= 0 or not bevestig(self, "Periode samenvoegen", f"{periode_label(self.jaar.perioden[i])} samenvoegen met "
                                  f"{periode_label(self.jaar.perioden[i - 1])}? De gegevens van deze periode vervallen; "
                                  "die van de vorige gelden dan voor beide."):
            return
        vorige = self.jaar.perioden[i - 1]
        vorige.tot_en_met = self.jaar.perioden[i].tot_en_met
        del self.jaar.perioden[i]
        self._huidig = -1
        self._lijst_vullen(i - 1)
        self.gewijzigd.emit()

    # ------------------------------------------------------------ schrijven en controleren

    def _na_invoer(self, *_):
        self.schrijf(False)
        self.gewijzigd.emit()

    def schrijf(self, streng: bool) -> list[str]:
        """Schrijf wat er staat naar de periode; geldige waarden gaan mee, fouten staan bij het veld."""
        fouten: list[str] = []
        per = self._periode()
        if per is None:
            return fouten
        p = self.p

        def veld(naam, soort, verplicht=False, omschrijving=""):
            try:
                return True, lees(getattr(p, naam), getattr(p, f"{naam}_fout", None), soort,
                                  verplicht=streng and verplicht, naam=omschrijving)
            except Veldfout as e:
                fouten.append(f"{periode_label(per)}: {e}")
                return False, None

        van, tot = date(self.jaar.jaar, p.van.currentIndex() + 1, 1), date(self.jaar.jaar, p.tot.currentIndex() + 1, 1)
        i = self._huidig
        vorige = self.jaar.perioden[i - 1] if i > 0 else None
        volgende = self.jaar.perioden[i + 1] if i + 1 < len(self.jaar.perioden) else None
        if tot < van:
            fouten.append(f"{periode_label(per)}: de laatste maand ligt voor de eerste")
        elif (vorige and van <= vorige.tot_en_met) or (volgende and tot >= volgende.van):
            fouten.append(f"{periode_label(per)}: de maanden overlappen met een andere periode; gebruik "
                          f"'Wijziging toevoegen' of 'samenvoegen'")
        elif (van, tot) != (per.van, per.tot_en_met):
            per.van, per.tot_en_met = van, tot
            self.f.perioden.item(i).setText(periode_label(per))
        fouten += [f"{periode_label(per)}: {x}" for x in self._lees_inkomen(per, streng)]
        per.partner_verzekerd_zvw = p.partner_verzekerd.isChecked()
        ok, v = veld("ti_aanvrager", "bedrag", True, "het toetsingsinkomen van de aanvrager")
        if ok:
            per.toetsingsinkomen_aanvrager = v
        ok, v = veld("ti_partner", "bedrag", True, "het toetsingsinkomen van de partner (0 als er geen is)")
        if ok:
            per.toetsingsinkomen_partner = v
        ok, huur = veld("kale_huur", "bedrag")
        sk = {}
        for k in SERVICEKOSTEN:
            ok_k, b = veld(f"sk_{k}", "bedrag")
            if ok_k and b:
                sk[k] = b
        if ok:
            per.huur = Huur(huur, sk) if huur is not None else None
        per.aangepaste_woning = p.aangepaste_woning.isChecked()
        mede, mede_fout = [], []
        t: QTableWidget = p.medebewoners
        for r in range(t.rowCount()):
            naam, gd, ink, kind, kd = (t.cellWidget(r, k) for k in range(5))
            try:
                d = lees(gd, None, "geboortedatum", verplicht=True, naam="de geboortedatum")
                b = lees(ink, None, "bedrag") or Decimal(0)
                keuze = kd.currentIndex()
                mede.append(Medebewoner(d, b, naam.text().strip() or None, kind.isChecked(),
                                        None if keuze == 0 else keuze == 1))
            except Veldfout as e:
                if streng or gd.text().strip():
                    mede_fout.append(f"medebewoner {r + 1}: {e}")
                mede.append(Medebewoner(None, Decimal(0), naam.text().strip() or None, kind.isChecked()))
        per.medebewoners = mede
        if mede_fout:
            fouten += [f"{periode_label(per)}: {x}" for x in mede_fout]
        p.medebewoners.setToolTip("\n".join(mede_fout))
        for naam, toeslag in (("ontvangen_ht", "huurtoeslag"), ("ontvangen_zt", "zorgtoeslag")):
            ok, b = veld(naam, "bedrag")
            if ok:
                if b is None:
                    per.ontvangen.pop(toeslag, None)
                else:
                    per.ontvangen[toeslag] = b
        per.handmatig = []
        if p.handmatig.isChecked():
            ok1, w = veld("hm_werkelijk", "bedrag", True, "het ontvangen bedrag")
            ok2, r_ = veld("hm_referentie", "bedrag", True, "het bedrag bij alleen bijstand")
            ok3, mot = veld("hm_motivering", "tekst", True, "een motivering")
            if ok1 and ok2 and ok3 and w is not None and r_ is not None and mot:
                per.handmatig = [HandmatigeToeslag(HANDMATIGE_TOESLAGEN[p.hm_toeslag.currentIndex()], w, r_, mot)]
        try:
            d = lees(self.f.datum_beschikking, self.f.datum_beschikking_fout, "datum")
            self.jaar.datum_definitieve_beschikking = d
            if melding := s2_op(d, date.today()):              # S2, meteen zichtbaar bij het invullen
                self.f.datum_beschikking_fout.setText(melding.tekst)
                self.f.datum_beschikking_fout.setStyleSheet("color: #8a4b00;")
                self.f.datum_beschikking_fout.show()
        except Veldfout as e:
            self.f.datum_beschikking_fout.setStyleSheet("color: #b00020;")
            fouten.append(f"{self.jaar.jaar}: {e}")
        self._toon_berekend()
        return fouten

    def controleer_alles(self) -> list[str]:
        """Voor 'Volgende': elke periode streng nalopen (ook die niet op het scherm staan)."""
        self.schrijf(False)
        if all(leeg(p) for p in self.jaar.perioden):
            return [f"toeslagjaar {self.jaar.jaar} is nog leeg: vul het in of verwijder het jaar"]
        fouten = []
        huidig = self._huidig
        for i in range(len(self.jaar.perioden)):
            self.f.perioden.setCurrentRow(i)
            fouten += self.schrijf(True)
        eerste_fout = next((i for i, per in enumerate(self.jaar.perioden)
                            if any(f.startswith(periode_label(per)) for f in fouten)), huidig)
        self.f.perioden.setCurrentRow(eerste_fout)
        if fouten:
            self.schrijf(True)      # de fouten van de getoonde periode weer bij de velden
        return fouten

    def _toon_berekend(self):
        """Het bedrag dat avdesk berekent voor het ingevulde inkomen, en signaal S1 als MijnToeslagen afwijkt."""
        per, c, p = self._periode(), self.w.casus, self.p
        if per is None or None in (c.aanvrager.geboortedatum, c.partner.geboortedatum, per.toetsingsinkomen_aanvrager,
                                   per.toetsingsinkomen_partner) or any(m.geboortedatum is None for m in per.medebewoners):
            p.berekend_ht.setText("avdesk berekent de toeslagen zodra geboortedata en inkomens zijn ingevuld.")
            p.berekend_zt.setText("")
            p.s1.setText("")
            return
        pb = bereken_periode(c, self.jaar, per, per.van, per.tot_en_met, laad_jaar(self.jaar.jaar))
        p.berekend_ht.setText(f"avdesk berekent met dit inkomen: {euro(pb.berekend['huurtoeslag'])} huurtoeslag")
        p.berekend_zt.setText(f"avdesk berekent met dit inkomen: {euro(pb.berekend['zorgtoeslag'])} zorgtoeslag")
        p.s1.setText("\n".join(f"S1: {s.tekst}" for s in pb.signalen if s.code == "S1"))
