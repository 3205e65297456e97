"""De wizard: de 11 stappen van het Stappenplan uitvoering en een afrondingspagina.

Elke pagina leest en schrijft de Casus; alle getallen komen uit avdesk.core. De casus wordt bewaard bij elke
paginawissel en elke 30 seconden; bij heropenen gaat de wizard verder bij dezelfde stap. 'Laatste wijziging
ongedaan maken' zet de casus terug naar de stand van voor de laatste wijziging op de pagina."""

from __future__ import annotations

from html import escape

import json
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QFileDialog, QHeaderView, QLabel, QLineEdit, QListWidget, QMessageBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWizard, QWizardPage)

from ..core.berekening import Berekening, bereken
from ..core.casus import (WTRAP_HEFFINGSKORTING, Casus, CasusFout, Jaar, Persoon, Terugvordering, casus_naar_dict,
                          lees_casus)
from ..core.geld import euro, maand_label, maanden_in_woorden
from ..core.params import laad_profiel
from ..core.signalen import TITELS
from .grafiek import Maandgrafiek
from .laden import Formulier
from .periodes import JaarEditor, leeg, standaard_perioden
from .velden import Veldfout, koppel, koppel_formulier, lees, vergeet_concepten, zet

AFRONDING = 12
WTRAP = 13
TITELS_STAPPEN = {
    WTRAP: "Wtrap 2025-2027: zelfmeldertoets",
    1: "Uitnodigen en inloggen", 2: "Gegevens in MijnToeslagen controleren", 3: "Route: tekort, terugvordering of beide",
    4: "Netto-inkomen en bijstandsniveau", 5: "Berekening van de toeslagen", 6: "Vergelijking met het bestaansminimum",
    7: "Tekort in het lopende jaar", 8: "Tekort 2023", 9: "Terugvordering", 10: "Geheel of deels door de "
    "alleenverdienersproblematiek", 11: "Tekort hoger dan de terugvordering?", AFRONDING: "Afronding",
}
NAMEN = {"huurtoeslag": "Huurtoeslag", "zorgtoeslag": "Zorgtoeslag", "kindgebonden_budget": "Kindgebonden budget",
         "kinderopvangtoeslag": "Kinderopvangtoeslag"}


def paginatitel(n: int) -> str:
    return TITELS_STAPPEN[n] if n in (AFRONDING, WTRAP) else f"Stap {n} - {TITELS_STAPPEN[n]}"


def vul_tabel(t: QTableWidget, koppen: list[str], rijen: list[list[str]], rechts_vanaf: int = 1,
              tekstkolom: int | None = None) -> None:
    """Een alleen-lezen tabel met bedragen rechts uitgelijnd; `tekstkolom` (links, rekt mee) voor uitleg."""
    t.clear()
    t.setColumnCount(len(koppen))
    t.setRowCount(len(rijen))
    t.setHorizontalHeaderLabels(koppen)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    if tekstkolom is not None:
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setSectionResizeMode(tekstkolom, QHeaderView.ResizeMode.Stretch)
    t.setWordWrap(True)
    for r, rij in enumerate(rijen):
        for k, waarde in enumerate(rij):
            item = QTableWidgetItem(waarde)
            if k >= rechts_vanaf and k != tekstkolom:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            t.setItem(r, k, item)
    t.resizeRowsToContents()
    hoogte = t.horizontalHeader().sizeHint().height() + sum(t.rowHeight(r) for r in range(t.rowCount())) + 2 * t.frameWidth()
    t.setFixedHeight(max(hoogte, 60))


def invoertabel(t: QTableWidget, koppen: list[str], rijen: list[tuple[str, object, object]], plaatshouder: str,
                *bij_wijziging) -> list[QLineEdit]:
    """Een tabel met per rij een omschrijving en een invoerveld (netto-inkomen per periode, vermogen per jaar).
    rijen: (omschrijving, waarde, onderdeel van de casus waar het veld bij hoort)."""
    t.clear()
    t.setColumnCount(len(koppen))
    t.setRowCount(len(rijen))
    t.setHorizontalHeaderLabels(koppen)
    t.verticalHeader().setVisible(False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    velden = []
    for r, (omschrijving, waarde, eigenaar) in enumerate(rijen):
        t.setItem(r, 0, QTableWidgetItem(omschrijving))
        veld = QLineEdit()
        koppel(veld, eigenaar, koppen[1])
        veld.setPlaceholderText(plaatshouder)
        veld.setAccessibleName(f"{koppen[1]}: {omschrijving}")
        zet(veld, waarde)
        for functie in bij_wijziging:
            veld.editingFinished.connect(functie)
        t.setCellWidget(r, 1, veld)
        velden.append(veld)
    t.resizeRowsToContents()
    return velden


class Stap(QWizardPage):
    nummer = 0
    formulier = ""

    def __init__(self, wizard: "AvWizard"):
        super().__init__()
        self.w = wizard
        self.f = Formulier(self.formulier)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.f.widget)
        self.melding = QLabel()
        self.melding.setWordWrap(True)
        self.melding.setStyleSheet("color: #b00020;")
        self.melding.hide()
        lay.addWidget(self.melding)
        self.setTitle(paginatitel(self.nummer))
        for le in self.f.widget.findChildren(QLineEdit):
            le.editingFinished.connect(self.w.na_wijziging)

    @property
    def casus(self) -> Casus:
        return self.w.casus

    def initializePage(self):
        self.melding.hide()
        self.laad()
        self.w.pagina_binnen(self)

    def laad(self):
        """Casus -> velden."""

    def schrijf(self, streng: bool = False) -> list[str]:
        """Velden -> casus (alleen geldige waarden). Geeft de fouten; die staan ook bij de velden."""
        return []

    def toon_melding(self, fouten: list[str]) -> None:
        self.melding.setText("Nog niet compleet:\n" + "\n".join(f"• {f}" for f in fouten[:8]) if fouten else "")
        self.melding.setVisible(bool(fouten))

    def validatePage(self) -> bool:
        fouten = self.schrijf(True)
        if self.w.herstellen:
            return True
        self.toon_melding(fouten)
        if fouten:
            return False
        self.w.bewaar()
        return True

    def nextId(self) -> int:
        return self.w.volgende(self.nummer)


# ---------------------------------------------------------------- stap 1 en 2: gegevens

class Stap1(Stap):
    nummer, formulier = 1, "stap01"
    VELDEN = (("aanvrager_naam", "tekst", True, "de naam van de aanvrager"),
              ("aanvrager_geboortedatum", "geboortedatum", True, "de geboortedatum van de aanvrager"),
              ("aanvrager_bsn", "bsn", False, ""),
              ("partner_naam", "tekst", True, "de naam van de partner"),
              ("partner_geboortedatum", "geboortedatum", True, "de geboortedatum van de partner"),
              ("partner_bsn", "bsn", False, ""),
              ("aanvraagdatum", "datum", True, "de aanvraagdatum"), ("plaats", "tekst", False, ""),
              ("gemeente", "tekst", False, ""),
              ("adres", "tekst", False, ""), ("postcode", "tekst", False, ""), ("woonplaats", "tekst", False, ""),
              ("telefoon", "tekst", False, ""), ("email", "email", False, ""), ("iban", "iban", False, ""))
    VINKJES = ("aanwezig_aanvrager", "aanwezig_partner", "toestemming_mijntoeslagen", "toestemming_delen")

    def __init__(self, wizard):
        super().__init__(wizard)
        for naam in self.VINKJES:
            getattr(self.f, naam).toggled.connect(self.w.na_wijziging)

    def laad(self):
        c, f = self.casus, self.f
        zet(f.aanvrager_naam, c.aanvrager.naam)
        zet(f.aanvrager_geboortedatum, c.aanvrager.geboortedatum)
        zet(f.aanvrager_bsn, c.aanvrager.bsn)
        zet(f.partner_naam, c.partner.naam)
        zet(f.partner_geboortedatum, c.partner.geboortedatum)
        zet(f.partner_bsn, c.partner.bsn)
        zet(f.aanvraagdatum, c.aanvraagdatum)
        zet(f.plaats, c.aanvraag.plaats)
        zet(f.gemeente, c.aanvraag.gemeente)
        for k in ("adres", "postcode", "woonplaats", "telefoon", "email", "iban"):
            zet(getattr(f, k), c.aanvrager.extra.get(k))
        for naam in self.VINKJES:
            vinkje = getattr(f, naam)
            vinkje.blockSignals(True)
            vinkje.setChecked(getattr(c.aanvraag, naam))
            vinkje.blockSignals(False)

    def schrijf(self, streng=False):
        fouten, w = [], {}
        for naam, soort, verplicht, omschrijving in self.VELDEN:
            try:
                w[naam] = lees(getattr(self.f, naam), getattr(self.f, f"{naam}_fout"), soort,
                               verplicht=streng and verplicht, naam=omschrijving)
            except Veldfout as e:
                fouten.append(str(e))
        c = self.casus
        for rol in ("aanvrager", "partner"):
            p: Persoon = getattr(c, rol)
            for sleutel, veld in (("naam", f"{rol}_naam"), ("geboortedatum", f"{rol}_geboortedatum"), ("bsn", f"{rol}_bsn")):
                if veld in w:
                    setattr(p, sleutel, w[veld])
        for k in ("adres", "postcode", "woonplaats", "telefoon", "email", "iban"):
            if k in w:
                if w[k]:
                    c.aanvrager.extra[k] = w[k]
                    if k in ("adres", "postcode", "woonplaats"):
                        c.partner.extra[k] = w[k]           # het paar woont samen
                else:
                    c.aanvrager.extra.pop(k, None)
        if "aanvraagdatum" in w:
            c.aanvraagdatum = w["aanvraagdatum"]
        if "plaats" in w:
            c.aanvraag.plaats = w["plaats"] or ""
        if "gemeente" in w:
            c.aanvraag.gemeente = w["gemeente"] or ""
        for naam in self.VINKJES:
            setattr(c.aanvraag, naam, getattr(self.f, naam).isChecked())
        if streng and not fouten and not c.aanvraag.toestemming_mijntoeslagen:
            fouten.append("vraag eerst toestemming om samen in MijnToeslagen te kijken")
        return fouten


class Stap2(Stap):
    nummer, formulier = 2, "stap02"

    def __init__(self, wizard):
        super().__init__(wizard)
        self.editors: list[JaarEditor] = []
        self.f.jaar_toevoegen.clicked.connect(self.jaar_toevoegen)
        self.f.jaar_verwijderen.clicked.connect(self.jaar_verwijderen)
        self.f.toeslagpartners.toggled.connect(self.w.na_wijziging)

    def laad(self):
        c = self.casus
        self.f.toeslagpartners.blockSignals(True)
        self.f.toeslagpartners.setChecked(c.toeslagpartners)
        self.f.toeslagpartners.blockSignals(False)
        if not c.jaren:
            # Standaard: het laatste tekortjaar van het beleidsprofiel tot en met het jaar van de aanvraag.
            profiel = laad_profiel(c.beleidsprofiel)
            aanvraagjaar = (c.aanvraagdatum or date.today()).year
            kandidaten = [j for j in profiel.tekort_jaren if j <= aanvraagjaar]
            if aanvraagjaar > 2025 or not kandidaten:      # na de tekortjaren: de Wtrap (zelfmelder) over vorig jaar
                from ..core.params import ondersteunde_jaren
                kandidaten = [j for j in ondersteunde_jaren() if j < aanvraagjaar] or [min(ondersteunde_jaren())]
            jaar = max(kandidaten)
            if not any(j.jaar == jaar for j in c.jaren):
                c.jaren.append(Jaar(jaar))
        self._tabs_bouwen()

    def _tabs_bouwen(self, kies: int | None = None):
        self.f.jaren.clear()
        self.editors = []
        for j in sorted(self.casus.jaren, key=lambda j: j.jaar):
            if j.perioden or j.terugvordering is None:
                if not j.perioden:
                    j.perioden = standaard_perioden(j.jaar)
                ed = JaarEditor(self.w, j)
                ed.gewijzigd.connect(self.w.na_wijziging)
                self.editors.append(ed)
                self.f.jaren.addTab(ed, f"Toeslagjaar {j.jaar}")
        self.f.jaar_keuze.clear()
        bestaand = {ed.jaar.jaar for ed in self.editors}
        # Het beleidsprofiel bepaalt over welke jaren een tekort vergoed wordt (REKENMODEL §7); vanaf 2025 de Wtrap.
        from ..core.params import ondersteunde_jaren
        jaren = sorted(set(laad_profiel(self.casus.beleidsprofiel).tekort_jaren) | {j for j in ondersteunde_jaren()
                                                                                     if j >= 2025})
        self.f.jaar_keuze.addItems([str(j) for j in jaren if j not in bestaand])
        if kies is not None:
            self.f.jaren.setCurrentIndex(kies)

    def jaar_toevoegen(self, jaar: int | None = None):
        jaar = jaar or int(self.f.jaar_keuze.currentText() or 0)
        if not jaar:
            return
        self.schrijf(False)
        bestaand = next((j for j in self.casus.jaren if j.jaar == jaar), None)
        if bestaand is None:
            self.casus.jaren.append(Jaar(jaar))
        else:
            bestaand.perioden = bestaand.perioden or standaard_perioden(jaar)
        self._tabs_bouwen()
        self.f.jaren.setCurrentIndex(next(i for i, ed in enumerate(self.editors) if ed.jaar.jaar == jaar))
        self.w.na_wijziging()

    def jaar_verwijderen(self):
        """Het getoonde toeslagjaar weghalen (een terugvordering over dat jaar blijft staan)."""
        i = self.f.jaren.currentIndex()
        if i < 0:
            return
        jaar = self.editors[i].jaar
        if not all(leeg(p) for p in jaar.perioden):
            antwoord = QMessageBox.question(self, "Jaar verwijderen", f"De perioden van {jaar.jaar} verwijderen?",
                                            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                            QMessageBox.StandardButton.No)
            if antwoord != QMessageBox.StandardButton.Yes:
                return
        jaar.perioden = []
        if jaar.terugvordering is None:
            self.casus.jaren.remove(jaar)
        self._tabs_bouwen()
        self.w.na_wijziging()

    def editor(self, jaar: int) -> JaarEditor:
        return next(ed for ed in self.editors if ed.jaar.jaar == jaar)

    def schrijf(self, streng=False):
        self.casus.toeslagpartners = self.f.toeslagpartners.isChecked()
        fouten = []
        for i, ed in enumerate(self.editors):
            nieuw = ed.controleer_alles() if streng else ed.schrijf(False)
            if nieuw and streng and not fouten:
                self.f.jaren.setCurrentIndex(i)
            fouten += nieuw
        return fouten


# ---------------------------------------------------------------- stap 3: route

class Stap3(Stap):
    nummer, formulier = 3, "stap03"
    ROUTES = ("tekort", "terugvordering", "beide", "wtrap")

    def __init__(self, wizard):
        super().__init__(wizard)
        for r in self.ROUTES:
            getattr(self.f, f"route_{r}").toggled.connect(self.w.na_wijziging)

    def laad(self):
        p = laad_profiel(self.casus.beleidsprofiel)
        self.f.profiel_info.setText(
            f"Beleidsprofiel {p.naam}: tekort over {', '.join(map(str, p.tekort_jaren)) or 'geen jaren'}; "
            f"terugvordering over {', '.join(map(str, p.terugvordering_jaren)) or 'geen jaren'}. "
            f"Wijzigen kan in de instellingen.")
        route = self.casus.aanvraag.route or "tekort"
        getattr(self.f, f"route_{route}" if route in self.ROUTES else "route_tekort").setChecked(True)

    def schrijf(self, streng=False):
        for r in self.ROUTES:
            if getattr(self.f, f"route_{r}").isChecked():
                self.casus.aanvraag.route = r
        return []


# ---------------------------------------------------------------- stap 4-8: tekort

class Rekenstap(Stap):
    """Een stap die de uitkomst van de rekenkern toont (alleen als de casus compleet genoeg is)."""

    def uitkomst(self) -> Berekening | None:
        b, fouten = self.w.bereken()
        self.toon_melding(fouten)
        return b


class Stap4(Rekenstap):
    nummer, formulier = 4, "stap04"

    def __init__(self, wizard):
        super().__init__(wizard)
        self.velden: list[tuple] = []

    def laad(self):
        perioden = [p for j in sorted(self.casus.jaren, key=lambda j: j.jaar) for p in j.perioden]
        velden = invoertabel(self.f.netto, ["Periode", "Netto p/m (samen)", "Bijstandsnorm p/m", "Netto bij bijstand",
                                            "Bron daarvan"],
                             [(f"{maand_label(p.van)} t/m {maand_label(p.tot_en_met)}", p.netto_inkomen_per_maand, p)
                              for p in perioden], "bijv. 1.686", self.w.na_wijziging, self._signalen)
        self.velden = []
        for r, (p, veld) in enumerate(zip(perioden, velden)):
            nr, bron = QLineEdit(), QLineEdit(p.referentie_netto_inkomen_bron)
            koppel(nr, p, "referentie_netto_inkomen")
            zet(nr, p.referentie_netto_inkomen_per_maand)
            nr.setPlaceholderText("leeg = de norm")
            bron.setPlaceholderText("bij een eigen bedrag")
            nr.setToolTip("Netto-inkomen per maand van hetzelfde huishouden met alleen bijstand (REKENMODEL §4). Leeg: "
                          "de netto bijstandsnorm voor gehuwden met vakantietoeslag. Vult u een ander bedrag in, noem "
                          "dan de bron; de berekening drukt die af.")
            bron.setToolTip("Waar het bedrag bij alleen bijstand vandaan komt, bijvoorbeeld de gemeente of het "
                            "rekenvoorbeeld in de handreiking.")
            for k, w_ in ((3, nr), (4, bron)):
                w_.setAccessibleName(f"{self.f.netto.horizontalHeaderItem(k).text()}: {maand_label(p.van)}")
                w_.editingFinished.connect(self.w.na_wijziging)
                w_.editingFinished.connect(self._signalen)
                self.f.netto.setCellWidget(r, k, w_)
            self.velden.append((p, veld, r, nr, bron))
        self._signalen()

    def schrijf(self, streng=False):
        fouten = []
        for p, veld, _, nr, bron in self.velden:
            try:
                p.netto_inkomen_per_maand = lees(veld, None, "bedrag", verplicht=False)
                p.referentie_netto_inkomen_per_maand = lees(nr, None, "bedrag")
                p.referentie_netto_inkomen_bron = bron.text().strip()
                if p.referentie_netto_inkomen_per_maand is not None and not p.referentie_netto_inkomen_bron:
                    raise Veldfout("noem de bron van het netto-inkomen bij alleen bijstand")
            except Veldfout as e:
                fouten.append(f"{maand_label(p.van)}: {e}")
        self.f.netto_fout.setText("\n".join(fouten))
        self.f.netto_fout.setVisible(bool(fouten))
        return fouten

    def _signalen(self):
        self.schrijf(False)
        b = self.uitkomst()
        if b is None:
            return
        t: QTableWidget = self.f.netto
        regels = []
        for p, _, r, _, _ in self.velden:
            pb = next((pb for jb in b.jaren for pb in jb.perioden if pb.van == p.van), None)
            if pb:
                t.setItem(r, 2, QTableWidgetItem(euro(pb.norm)))
                regels += [f"{maand_label(pb.van)}: {s.tekst}" for s in pb.signalen if s.code in ("S3", "S4")]
                if pb.toets == "aanvullende_bijstand":
                    regels.append(f"{maand_label(pb.van)}: {pb.toets_zin}")
        self.f.signalen.setText("\n".join(regels) or "Het netto-inkomen ligt niet onder de bijstandsnorm.")


class Stap5(Rekenstap):
    nummer, formulier = 5, "stap05"

    def __init__(self, wizard):
        super().__init__(wizard)
        self.grafiek = Maandgrafiek()
        QVBoxLayout(self.f.grafiek_houder).addWidget(self.grafiek)

    def laad(self):
        b = self.uitkomst()
        if b is None:
            return
        rijen = []
        for jb in b.jaren:
            for pb in jb.perioden:
                for t in pb.referentie:
                    rijen.append([f"{maand_label(pb.van)} t/m {maand_label(pb.tot_en_met)}", NAMEN[t],
                                  euro(pb.referentie[t]), euro(pb.werkelijk[t]), euro(pb.verschil[t])])
        vul_tabel(self.f.tabel, ["Periode", "Toeslag", "Alleen bijstand", "Werkelijk", "Verschil per maand"], rijen, 2)
        self.grafiek.toon(b.jaren)
        # Waarom er meer perioden staan dan in stap 2: 1 juli, en een leeftijdsgrens die een bedrag verandert.
        splitsingen = [t for jb in b.jaren for t in jb.toelichting if "gesplitst" in t]
        juli = [f"{jb.jaar}" for jb in b.jaren if any(pb.van.month == 7 for pb in jb.perioden)
                and not any(per.van.month == 7 for j in self.casus.jaren if j.jaar == jb.jaar for per in j.perioden)]
        if juli:
            splitsingen.insert(0, f"Een periode over 1 juli is daar gesplitst ({', '.join(juli)}): de bijstandsnormen "
                                  "wijzigen op 1 januari en 1 juli.")
        self.f.splitsingen.setText("\n".join(splitsingen))
        self.f.splitsingen.setVisible(bool(splitsingen))


# Kort in de tabel van stap 6; de hele zin staat eronder.
REGEL = {"geen_netto_inkomen": "niet getoetst", "aanvullende_bijstand": "bijstandsniveau", "profiel_zonder_toets":
         "profiel: geen toets", "toegepast": "getoetst", "boven_bestaansminimum": "boven minimum"}


class Stap6(Rekenstap):
    nummer, formulier = 6, "stap06"

    def laad(self):
        b = self.uitkomst()
        if b is None:
            return
        rijen, zinnen = [], []
        for jb in b.jaren:
            for pb in jb.perioden:
                periode = f"{maand_label(pb.van)} t/m {maand_label(pb.tot_en_met)}"
                rijen.append([periode, euro(pb.bestaansminimum) if pb.inkomen is not None else "-",
                              euro(pb.inkomen) if pb.inkomen is not None else "-", euro(pb.verschil_totaal),
                              euro(pb.compensatie_totaal), REGEL[pb.toets]])
                zinnen.append(f"{periode}: {pb.toets_zin}")
        vul_tabel(self.f.tabel, ["Periode", "Bestaansminimum", "Netto + toeslagen", "Verschil", "Compensatie p/m",
                                 "Regel"], rijen, 1)
        self.f.toelichting.setText("\n".join(zinnen) + "\n\nBestaansminimum = netto-inkomen bij alleen bijstand (de "
                                   "netto bijstandsnorm voor gehuwden met vakantietoeslag, of het bedrag dat u in stap 4 "
                                   "met bron invulde) plus de toeslagen bij alleen bijstand. Met aanvullende bijstand, "
                                   "IOAW of IOAZ zit het huishouden op bijstandsniveau: dan is de compensatie het hele "
                                   "verschil (handreiking stap 6). Anders is ze het laagste van het verschil en het "
                                   "tekort tot het bestaansminimum.")


class Stap7(Rekenstap):
    nummer, formulier = 7, "stap07"

    def laad(self):
        b = self.uitkomst()
        c = self.casus
        jaren = sorted((j for j in c.jaren if j.perioden), key=lambda j: j.jaar)
        velden = invoertabel(self.f.vermogen, ["Jaar", "Vermogen op 1 januari (samen)"],
                             [(str(j.jaar), j.vermogen, j) for j in jaren], "bijv. 2.500", self.w.na_wijziging,
                             self.laad_uitkomst)
        self.vermogen_velden = list(zip(jaren, velden))
        p = laad_profiel(c.beleidsprofiel)
        self.f.voorwaarden.setText(
            "Bijzondere bijstand vraagt: de kosten doen zich voor (huur en zorgpremie), ze zijn noodzakelijk, en er zijn "
            "bijzondere omstandigheden; bij de alleenverdienersproblematiek is dat zo (handreiking § 2.3). Draagkracht "
            f"en vermogen volgen het beleid van de gemeente; profiel {p.naam} gebruikt de vermogensgrens van de "
            f"{p.vermogensgrens}.")
        self.laad_uitkomst(b)

    def laad_uitkomst(self, b: Berekening | None = None):
        self.schrijf(False)
        b = b or self.uitkomst()
        if b is None:
            return
        rijen = []
        for jb in b.jaren:
            if jb.wtrap is None and jb.perioden:
                periodiek = "; ".join(f"{euro(x['per_maand'])} per maand, {maanden_in_woorden(x['van'], x['tot_en_met'])}"
                                      for x in jb.periodiek) or "-"
                rijen.append([str(jb.jaar), euro(jb.tekort), euro(jb.compensatie_jaar), euro(jb.eenmalig), periodiek])
        vul_tabel(self.f.tabel, ["Jaar", "Tekort", "Compensatie", "Eenmalig", "Periodiek per maand"], rijen)
        s5 = [f"{jb.jaar}: {s.tekst}" for jb in b.jaren for s in jb.signalen if s.code == "S5"]
        self.f.vermogen_info.setText("\n".join(s5) or "Het vermogen blijft binnen de grens van het beleidsprofiel.")

    def schrijf(self, streng=False):
        fouten = []
        for j, veld in getattr(self, "vermogen_velden", []):
            try:
                j.vermogen = lees(veld, None, "bedrag")
            except Veldfout as e:
                fouten.append(f"vermogen {j.jaar}: {e}")
        return fouten


class Stap8(Rekenstap):
    nummer, formulier = 8, "stap08"

    def laad(self):
        j2023 = next((j for j in self.casus.jaren if j.jaar == 2023), None)
        zet(self.f.datum_beschikking, j2023.datum_definitieve_beschikking if j2023 else None)
        self._toon()

    def _toon(self):
        b = self.uitkomst()
        jb = next((jb for jb in b.jaren if jb.jaar == 2023), None) if b else None
        if jb is None or not jb.perioden:
            self.f.vergelijking.setText("Er zijn geen perioden voor 2023 ingevuld. Voeg in stap 2 het toeslagjaar 2023 "
                                        "toe als het huishouden ook toen te weinig toeslagen kreeg.")
        else:
            regels = [f"{maand_label(pb.van)} t/m {maand_label(pb.tot_en_met)}: definitief "
                      f"{euro(sum(pb.werkelijk.values()))} per maand, bij alleen bijstand {euro(sum(pb.referentie.values()))}; "
                      f"verschil {euro(pb.verschil_totaal)}, compensatie {euro(pb.compensatie_totaal)} per maand"
                      for pb in jb.perioden]
            regels.append(f"Tekort 2023: {euro(jb.tekort)}; te betalen in een keer: {euro(jb.compensatie_jaar)}.")
            self.f.vergelijking.setText("\n".join(regels))
        s2 = [s.tekst for s in (jb.signalen if jb else []) if s.code == "S2"]
        self.f.s2.setText("\n".join(s2))

    def schrijf(self, streng=False):
        try:
            d = lees(self.f.datum_beschikking, self.f.datum_beschikking_fout, "datum")
        except Veldfout as e:
            return [str(e)]
        j2023 = next((j for j in self.casus.jaren if j.jaar == 2023), None)
        if j2023:
            j2023.datum_definitieve_beschikking = d
        return []


# ---------------------------------------------------------------- stap 9-11: terugvordering

class Stap9(Stap):
    nummer, formulier = 9, "stap09"
    OORZAKEN = {"oorzaak_inkomen": "hoger inkomen niet doorgegeven", "oorzaak_huur": "nieuwe huur niet doorgegeven",
                "oorzaak_vermogen": "geen recht meer door vermogen",
                "oorzaak_voorwaarden": "geen recht meer door andere voorwaarden"}

    def laad(self):
        self.f.jaren.clear()
        self.formulieren = {}
        for jaar in laad_profiel(self.casus.beleidsprofiel).terugvordering_jaren:
            f = Formulier("terugvordering")
            self.formulieren[jaar] = f
            self.f.jaren.addTab(f.widget, f"Terugvordering {jaar}")
            koppel_formulier(f.widget, self.casus, f"terugvordering{jaar}")
            for le in f.widget.findChildren(QLineEdit):
                le.editingFinished.connect(self.w.na_wijziging)
            j = next((j for j in self.casus.jaren if j.jaar == jaar), None)
            tv = j.terugvordering if j else None
            for t, kort in (("huurtoeslag", "ht"), ("zorgtoeslag", "zt")):
                zet(getattr(f, f"{kort}_voorschot"), tv.voorschot.get(t) if tv else None)
                zet(getattr(f, f"{kort}_definitief"), tv.definitief.get(t) if tv else None)
            zet(f.bedrag, tv.bedrag if tv else None)
            zet(f.datum_beschikking, tv.datum_definitieve_beschikking if tv else None)
            if tv:
                for naam, tekst in self.OORZAKEN.items():
                    getattr(f, naam).setChecked(tekst in tv.andere_oorzaken)

    def schrijf(self, streng=False):
        fouten = []
        for jaar, f in getattr(self, "formulieren", {}).items():
            w = {}
            for naam, soort in (("ht_voorschot", "bedrag"), ("ht_definitief", "bedrag"), ("zt_voorschot", "bedrag"),
                                ("zt_definitief", "bedrag"), ("bedrag", "bedrag"), ("datum_beschikking", "datum")):
                try:
                    w[naam] = lees(getattr(f, naam), getattr(f, f"{naam}_fout"), soort)
                except Veldfout as e:
                    fouten.append(f"{jaar}: {e}")
            j = next((j for j in self.casus.jaren if j.jaar == jaar), None)
            leeg = all(v is None for k, v in w.items() if k != "datum_beschikking") and len(w) == 6
            if leeg:
                if j and j.terugvordering:
                    j.terugvordering = None
                f.uitkomst.setText("Geen terugvordering over dit jaar ingevuld.")
                continue
            if j is None:
                j = Jaar(jaar)
                self.casus.jaren.append(j)
            tv = j.terugvordering or Terugvordering()
            tv.voorschot, tv.definitief = {}, {}
            for t, kort in (("huurtoeslag", "ht"), ("zorgtoeslag", "zt")):
                vs, df = w.get(f"{kort}_voorschot"), w.get(f"{kort}_definitief")
                if vs is not None or df is not None:
                    if vs is None or df is None:
                        fouten.append(f"{jaar}: vul bij de {t} zowel het voorschot als het definitieve bedrag in")
                    else:
                        tv.voorschot[t], tv.definitief[t] = vs, df
            tv.bedrag = w.get("bedrag")
            tv.datum_definitieve_beschikking = w.get("datum_beschikking")
            tv.andere_oorzaken = [tekst for naam, tekst in self.OORZAKEN.items() if getattr(f, naam).isChecked()]
            j.terugvordering = tv
            from ..core.casus import terugvorderingsbedrag
            f.uitkomst.setText(f"Terugvordering {jaar}: {euro(terugvorderingsbedrag(tv))}."
                               + (" Er zijn andere oorzaken aangevinkt: beoordeel in stap 10 welk deel door de "
                                  "alleenverdienersproblematiek komt." if tv.andere_oorzaken else ""))
        if streng and not fouten and not any(j.terugvordering for j in self.casus.jaren):
            fouten.append("vul de terugvordering in van minstens een jaar (of kies in stap 3 alleen 'tekort')")
        return fouten


class Stap10(Stap):
    nummer, formulier = 10, "stap10"

    def laad(self):
        self.f.jaren.clear()
        self.formulieren = {}
        from ..core.casus import terugvorderingsbedrag
        for j in sorted((j for j in self.casus.jaren if j.terugvordering), key=lambda j: j.jaar):
            f = Formulier("deel")
            self.formulieren[j.jaar] = f
            koppel_formulier(f.widget, self.casus, f"deel{j.jaar}")
            self.f.jaren.addTab(f.widget, f"Terugvordering {j.jaar}")
            tv = j.terugvordering
            f.terugvordering_info.setText(f"Terugvordering {j.jaar}: {euro(terugvorderingsbedrag(tv))}.")
            deel = tv.deel_alleenverdieners
            (f.geheel if deel == "geheel" else f.geen if deel == "geen" else f.deels).setChecked(True)
            zet(f.bedrag, deel if isinstance(deel, Decimal) else None)
            f.motivering.setPlainText(tv.motivering)
            f.bedrag.editingFinished.connect(self.w.na_wijziging)
            f.bedrag.setEnabled(f.deels.isChecked())
            f.deels.toggled.connect(f.bedrag.setEnabled)
            for knop in (f.geheel, f.deels, f.geen):
                knop.toggled.connect(self.w.na_wijziging)
        self.toon_melding([] if self.formulieren else ["er is in stap 9 geen terugvordering ingevuld"])

    def schrijf(self, streng=False):
        fouten = []
        from ..core.casus import terugvorderingsbedrag
        for jaar, f in getattr(self, "formulieren", {}).items():
            tv = next(j for j in self.casus.jaren if j.jaar == jaar).terugvordering
            if tv is None:
                continue
            tv.motivering = f.motivering.toPlainText().strip()
            if f.geheel.isChecked():
                tv.deel_alleenverdieners = "geheel"
            elif f.geen.isChecked():
                tv.deel_alleenverdieners = "geen"
            else:
                try:
                    b = lees(f.bedrag, f.bedrag_fout, "bedrag", verplicht=streng, naam="het bedrag")
                    if b is not None and b > terugvorderingsbedrag(tv):
                        fouten.append(f"{jaar}: het deel is meer dan de terugvordering zelf")
                    elif b is not None:
                        tv.deel_alleenverdieners = b
                except Veldfout as e:
                    fouten.append(f"{jaar}: {e}")
                if streng and not tv.motivering:
                    fouten.append(f"{jaar}: leg bij een deel uit hoe u op het bedrag komt (motivering)")
        return fouten


class Stap11(Rekenstap):
    nummer, formulier = 11, "stap11"

    def laad(self):
        b = self.uitkomst()
        if b is None:
            return
        teksten = [f"{jb.jaar}\n(1) verschil in toeslagen over het jaar: {euro(jb.stap11.tekort_toeslagen)}\n"
                   f"(2) verschil tot het bestaansminimum over het jaar: "
                   f"{'niet te berekenen' if jb.stap11.tekort_bestaansminimum is None else euro(jb.stap11.tekort_bestaansminimum)}\n"
                   f"Het laagste telt: {euro(jb.stap11.laagste)}\n"
                   f"Terugvordering door de alleenverdienersproblematiek: {euro(jb.stap11.terugvordering)}\n"
                   f"Compensatie {jb.jaar}: {euro(jb.compensatie_jaar)}\n\n{jb.stap11.tekst}"
                   for jb in b.jaren if jb.stap11]
        self.f.stap11_tekst.setText("\n\n".join(teksten) or
                                    "Er is geen jaar met zowel een terugvordering als ingevulde perioden. Vul in stap 2 "
                                    "de perioden van 2023 in om te zien of het tekort hoger was dan de terugvordering.")


# ---------------------------------------------------------------- Wtrap 2025-2027

class StapWtrap(Rekenstap):
    nummer, formulier = WTRAP, "stapwtrap"
    VRAGEN = ("fiscale_partners", "toeslagpartners", "uitkering_geen_participatiewet", "woonachtig_in_gemeente")

    def laad(self):
        from ..core.doelgroep import minstverdienende
        from ..core.params import laad_jaar
        from ..core.wtrap import VOORWAARDE_LABELS
        self.f.jaren.clear()
        self.formulieren = {}
        for j in sorted((j for j in self.casus.jaren if j.jaar >= 2025), key=lambda j: j.jaar):
            f = Formulier("wtrap")
            self.formulieren[j.jaar] = f
            koppel_formulier(f.widget, self.casus, f"wtrap{j.jaar}")
            self.f.jaren.addTab(f.widget, f"Wtrap {j.jaar}")
            for vraag in (*self.VRAGEN, WTRAP_HEFFINGSKORTING):
                vakje = getattr(f, vraag)
                antwoord = j.wtrap.get(vraag)
                if vraag == "toeslagpartners" and antwoord is None:
                    antwoord = self.casus.toeslagpartners or None
                vakje.setChecked(bool(antwoord))
                vakje.toggled.connect(self.w.na_wijziging)
                vakje.toggled.connect(self._uitkomst)
            minst = minstverdienende(self.casus, j) if self.casus.aanvrager.geboortedatum and \
                self.casus.partner.geboortedatum else None
            f.geen_heffingskorting.setVisible(bool(minst and minst.geboortedatum.year < 1963))
            zet(f.vermogen, j.vermogen)
            vast = "wtrap.vaste_tegemoetkoming" in laad_jaar(j.jaar)
            f.tegemoetkoming.setVisible(not vast)
            f.label_tegemoetkoming.setVisible(not vast)
            zet(f.tegemoetkoming, j.wtrap.get("tegemoetkoming"))
            f.afwijken_voorwaarde.addItems(["geen (alle voorwaarden gelden)", *VOORWAARDE_LABELS.values()])
            if j.wtrap_afwijken:
                sleutel, motivering = next(iter(j.wtrap_afwijken.items()))
                f.afwijken_voorwaarde.setCurrentIndex(1 + list(VOORWAARDE_LABELS).index(sleutel))
                f.afwijken_motivering.setText(motivering)
            f.afwijken_voorwaarde.activated.connect(self.w.na_wijziging)
            f.afwijken_voorwaarde.activated.connect(self._uitkomst)
            for veld in (f.vermogen, f.tegemoetkoming, f.afwijken_motivering):
                veld.editingFinished.connect(self.w.na_wijziging)
                veld.editingFinished.connect(self._uitkomst)
        if not self.formulieren:
            self.toon_melding(["voeg in stap 2 een toeslagjaar vanaf 2025 toe voor de Wtrap"])
        self._uitkomst()

    def schrijf(self, streng=False):
        from ..core.wtrap import VOORWAARDE_LABELS
        fouten = []
        for jaar, f in getattr(self, "formulieren", {}).items():
            j = next(j for j in self.casus.jaren if j.jaar == jaar)
            for vraag in (*self.VRAGEN, WTRAP_HEFFINGSKORTING):
                # niet aangevinkt: nog niet beantwoord (de uitkomst is dan "nog niet vast te stellen", nooit "nee")
                j.wtrap[vraag] = True if getattr(f, vraag).isChecked() else None
            try:
                j.vermogen = lees(f.vermogen, f.vermogen_fout, "bedrag", verplicht=streng, naam="het vermogen")
                if f.tegemoetkoming.isVisibleTo(f.widget):
                    j.wtrap["tegemoetkoming"] = lees(f.tegemoetkoming, f.tegemoetkoming_fout, "bedrag", verplicht=streng,
                                                     naam="de vaste tegemoetkoming van dit jaar")
                j.wtrap_afwijken = {}
                if (keuze := f.afwijken_voorwaarde.currentIndex()) > 0:
                    motivering = lees(f.afwijken_motivering, f.afwijken_motivering_fout, "tekst", verplicht=True,
                                      naam="een motivering voor de hardheidsclausule")
                    j.wtrap_afwijken = {list(VOORWAARDE_LABELS)[keuze - 1]: motivering}
            except Veldfout as e:
                fouten.append(f"{jaar}: {e}")
        if streng and not getattr(self, "formulieren", {}):
            fouten.append("voeg in stap 2 een toeslagjaar vanaf 2025 toe voor de Wtrap")
        return fouten

    def _uitkomst(self, *_):
        from ..core.wtrap import WTRAP_UITKOMST
        self.schrijf(False)
        b = self.uitkomst()
        for jb in (b.jaren if b else []):
            f = self.formulieren.get(jb.jaar)
            if f is None or jb.wtrap is None:
                continue
            w = jb.wtrap
            regels = [f"<b>Wtrap {jb.jaar}: {escape(WTRAP_UITKOMST[w.voldoet])}</b>"]
            regels += [f"• {escape(r)}" for r in w.redenen]
            if w.tegemoetkoming is not None:
                regels.append(f"Vaste tegemoetkoming: {euro(w.tegemoetkoming)}. Berekend tekort over het jaar: "
                              f"{euro(w.tekort_jaar)}.")
            regels += [f"{s.code}: {escape(s.tekst)}" for s in jb.signalen if s.code in ("S5", "S6")]
            f.uitkomst.setText("<br>".join(regels))


# ---------------------------------------------------------------- afronding

def pdf_uit_geheugen(inhoud: bytes, ouder=None):
    """Een QPdfDocument uit bytes, zonder tijdelijk bestand. De buffer moet blijven leven zolang het document leeft."""
    from PySide6.QtPdf import QPdfDocument
    buffer = QBuffer()
    buffer.setData(QByteArray(inhoud))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument(ouder)
    doc.load(buffer)
    return buffer, doc


class Afronding(Rekenstap):
    nummer, formulier = AFRONDING, "afronding"

    def __init__(self, wizard):
        super().__init__(wizard)
        self.documenten: dict[str, tuple[str, bytes]] = {}
        self.f.maak_pdfs.clicked.connect(self.maak_pdfs)
        self.f.opslaan_als.clicked.connect(self.opslaan_als)
        self.f.afdrukken.clicked.connect(self.afdrukken)
        self.f.buiten_avdesk.setText("Aanvraag en berekening worden versleuteld in het dossier bewaard. Een bestand "
                                     "buiten avdesk (Opslaan als, of een afdruk) is niet beveiligd.")
        self.setFinalPage(True)

    def laad(self):
        b = self.uitkomst()
        self.uitkomst_json = b.naar_json() if b else None
        if b is None:
            vul_tabel(self.f.samenvatting, ["Jaar"], [])
            return
        rijen = []
        for jb in b.jaren:
            periodiek = "; ".join(f"{euro(x['per_maand'])} ({maanden_in_woorden(x['van'], x['tot_en_met'])})"
                                  for x in jb.periodiek)
            rijen.append([str(jb.jaar), euro(jb.tekort), "-" if jb.terugvordering_alleenverdieners is None
                          else euro(jb.terugvordering_alleenverdieners), euro(jb.compensatie_jaar), euro(jb.eenmalig),
                          periodiek or "-"])
        rijen.append(["Totaal", "", "", euro(b.totaal_compensatie), euro(sum(jb.eenmalig for jb in b.jaren)), ""])
        vul_tabel(self.f.samenvatting, ["Jaar", "Tekort", "Terugvordering", "Compensatie", "Eenmalig", "Periodiek"],
                  rijen)
        signalen = [f"{s.code} ({TITELS[s.code]}): {s.tekst}" for jb in b.jaren
                    for s in jb.signalen + [s for pb in jb.perioden for s in pb.signalen]]
        self.f.signalen.setText("Signalen:\n" + "\n".join(dict.fromkeys(signalen)) if signalen else "Geen signalen.")
        self.documenten = self.w.opslag.laatste_documenten(self.w.dossier_id) if self.w.opslag else {}
        self._toon_pdfs()

    def maak_pdfs(self):
        if self.w.opslag is None or self.uitkomst_json is None:
            return
        from PySide6.QtGui import QGuiApplication
        from ..export.documenten import maak_en_bewaar
        self.w.bewaar()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.documenten = maak_en_bewaar(self.w.opslag, self.w.dossier_id)
            if "aanvraag" in self.documenten:
                self.w.opslag.zet_status(self.w.dossier_id, "aanvraag klaar")
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._toon_pdfs()
        if "aanvraag" not in self.documenten:
            from ..export.documenten import ontbrekend_voor_aanvraag
            ontbreekt = ontbrekend_voor_aanvraag(self.w.opslag.casus(self.w.dossier_id))
            self.toon_melding(["De aanvraag is nog niet gemaakt; de berekening staat er als concept. Nog nodig: "
                               + "; ".join(ontbreekt) + " (stap 1)."])

    def _toon_pdfs(self):
        self.f.pdfs.clear()
        self.f.opslaan_als.setEnabled(bool(self.documenten))
        self.f.afdrukken.setEnabled(bool(self.documenten))
        self._pdf = []
        from PySide6.QtPdfWidgets import QPdfView
        for soort, (naam, inhoud) in self.documenten.items():
            buffer, doc = pdf_uit_geheugen(inhoud, self)
            view = QPdfView()
            view.setDocument(doc)
            view.setPageMode(QPdfView.PageMode.MultiPage)
            view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
            self._pdf.append((buffer, doc))
            self.f.pdfs.addTab(view, "Aanvraag" if soort == "aanvraag" else "Berekening")

    def opslaan_als(self):
        from ..store.instellingen import lees as lees_instellingen
        start = lees_instellingen(self.w.opslag)["exportmap"] if self.w.opslag else ""
        doel = QFileDialog.getExistingDirectory(self, "Map kiezen voor aanvraag en berekening", start)
        if not doel:
            return
        from pathlib import Path
        from ..export.documenten import vrij_pad
        from ..store.sleutel import schrijf_atomair
        for naam, inhoud in self.documenten.values():
            schrijf_atomair(vrij_pad(Path(doel), naam), inhoud)     # nooit vervangen: -2, -3, ...
        QMessageBox.information(self, "Opgeslagen", f"Opgeslagen in {doel}.\nLet op: deze bestanden zijn niet "
                                                    f"versleuteld. Verwijder ze als het team Inkomen ze heeft.")

    def afdrukken(self):
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QPrintDialog.DialogCode.Accepted:
            self.druk_af(printer)

    def druk_af(self, printer) -> int:
        """Beide PDF's pagina voor pagina naar de printer, zonder tijdelijk bestand op schijf. Geeft het aantal pagina's."""
        from PySide6.QtGui import QPainter
        from PySide6.QtPrintSupport import QPrinter
        printer.setResolution(300)         # 300 dpi is scherp genoeg; 1200 dpi kost ruim 500 MB per pagina
        schilder = QPainter(printer)
        paginas = 0
        for _, inhoud in self.documenten.values():
            buffer, doc = pdf_uit_geheugen(inhoud)
            for n in range(doc.pageCount()):
                if paginas:
                    printer.newPage()
                paginas += 1
                rect = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
                schilder.drawImage(rect, doc.render(n, rect.size()))
        schilder.end()
        return paginas


# ---------------------------------------------------------------- de wizard

def hulpsleutel(pagina_id: int) -> str:
    """De sleutel van de hulptekst (resources/hulp.toml) bij een pagina van de wizard."""
    return {AFRONDING: "afronding", WTRAP: "wtrap"}.get(pagina_id, str(pagina_id))


class AvWizard(QWizard):
    def __init__(self, casus: Casus, opslag=None, dossier_id: int | None = None, ouder=None):
        super().__init__(ouder)
        self.casus, self.opslag, self.dossier_id = casus, opslag, dossier_id
        self.herstellen = False
        self._stap = 1
        self.setWindowTitle("avdesk - aanvraag alleenverdienersproblematiek")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.CustomButton1, "Laatste wijziging &ongedaan maken")
        self.customButtonClicked.connect(lambda _: self.ongedaan())
        QShortcut(QKeySequence("Ctrl+Shift+Z"), self, self.ongedaan)
        QShortcut(QKeySequence("F1"), self, self.hulp)
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
        self._stand = self._momentopname()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.autosave)
        self.timer.start(30_000)
        self.resize(1100, 780)

    # ------------------------------------------------------------ navigatie

    def route_stappen(self) -> list[int]:
        route = self.casus.aanvraag.route
        stappen = [1, 2, 3]
        jaren_met_perioden = {j.jaar for j in self.casus.jaren if j.perioden}
        if route in ("tekort", "beide"):
            stappen += [4, 5, 6, 7] + ([8] if 2023 in jaren_met_perioden else [])
        if route in ("terugvordering", "beide"):
            stappen += [9, 10]
            if any(j.jaar == 2023 and j.terugvordering for j in self.casus.jaren):
                stappen.append(11)
        if route == "wtrap":
            stappen += [4, 5, WTRAP]
        if route:
            stappen.append(AFRONDING)
        return stappen

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

    def _zijlijst_bijwerken(self):
        from PySide6.QtWidgets import QListWidgetItem
        self.zijlijst.clear()
        for n in self.route_stappen() or [1, 2, 3]:
            item = QListWidgetItem(TITELS_STAPPEN[n] if n in (AFRONDING, WTRAP) else f"{n}. {TITELS_STAPPEN[n]}")
            item.setData(Qt.ItemDataRole.UserRole, n)
            if n == self.currentId():
                f = item.font()
                f.setBold(True)
                item.setFont(f)
                item.setSelected(True)
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

    def hulp(self):
        """F1: de uitleg bij deze pagina, met de paragraaf van de handreiking."""
        from .hulp import toon_hulp
        self._hulpvenster = toon_hulp(self, hulpsleutel(self.currentId()))

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
            return None, e.fouten
        return bereken(streng), []
