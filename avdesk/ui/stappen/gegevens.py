"""Stap 1-3: wie er is en wat ze toestaan, de gegevens uit MijnToeslagen per toeslagjaar, en de route."""

from __future__ import annotations

from datetime import date

from ...core.casus import Jaar, Persoon
from ...core.casusvelden import PERSOON_EXTRA
from ...core.params import laad_profiel
from ...core.signalen import s10
from ...core.wtrapjaren import EERSTE_WTRAPJAAR, is_wtrapjaar
from .periodes import JaarEditor, leeg, standaard_perioden
from ..paginahulp import bevestig, geef_focus
from ..velden import Veldfout, lees, zet
from .basis import Stap

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
              ("adres", "tekst", False, ""), ("postcode", "postcode", False, ""), ("woonplaats", "tekst", False, ""),
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
        for k in PERSOON_EXTRA:
            if k in w:
                if w[k]:
                    c.aanvrager.extra[k] = w[k]
                    if k in ("adres", "postcode", "woonplaats"):
                        c.partner.extra[k] = w[k]           # het paar woont samen
                else:
                    c.aanvrager.extra.pop(k, None)
        if "aanvraagdatum" in w:
            c.aanvraagdatum = w["aanvraagdatum"]
            if w["aanvraagdatum"] and w["aanvraagdatum"] > date.today():      # S10: een waarschuwing, geen fout
                self.f.aanvraagdatum_fout.setText("Let op: " + s10(w["aanvraagdatum"], date.today()).tekst)
                self.f.aanvraagdatum_fout.setVisible(True)
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
            if aanvraagjaar > EERSTE_WTRAPJAAR or not kandidaten:      # na de tekortjaren: de Wtrap (zelfmelder) over vorig jaar
                from ...core.params import ondersteunde_jaren
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
        from ...core.params import ondersteunde_jaren
        jaren = sorted(set(laad_profiel(self.casus.beleidsprofiel).tekort_jaren) | {j for j in ondersteunde_jaren()
                                                                                     if is_wtrapjaar(j)})
        self.f.jaar_keuze.addItems([str(j) for j in jaren if j not in bestaand])
        self.f.jaar_keuze.setToolTip("Een toeslagjaar om toe te voegen (de jaren van het beleidsprofiel en de Wtrap)")
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
        geef_focus(self.focusveld())        # in het nieuwe jaar, niet op "< Terug" (het oude tabblad is weg)

    def jaar_verwijderen(self):
        """Het getoonde toeslagjaar weghalen (een terugvordering over dat jaar blijft staan)."""
        i = self.f.jaren.currentIndex()
        if i < 0:
            return
        jaar = self.editors[i].jaar
        # Altijd vragen (issue 22): Alt+R haalde een jaar weg zonder dat het op het scherm te zien was. Nee is de
        # standaard, Escape is Nee.
        vraag = (f"Toeslagjaar {jaar.jaar} verwijderen?" if all(leeg(p) for p in jaar.perioden) else
                 f"Toeslagjaar {jaar.jaar} verwijderen? De ingevulde perioden van {jaar.jaar} vervallen.")
        if not bevestig(self, "Jaar verwijderen", vraag):
            return
        jaar.perioden = []
        if jaar.terugvordering is None:
            self.casus.jaren.remove(jaar)
        self._tabs_bouwen()
        self.w.na_wijziging()
        geef_focus(self.focusveld() if self.editors else self.f.jaar_keuze)

    def focusveld(self):
        """Eerst de inkomensbronnen (het toetsingsinkomen vult zich daaruit), anders het eerste lege veld."""
        ed = self.editors[self.f.jaren.currentIndex()] if self.editors and self.f.jaren.currentIndex() >= 0 else None
        if ed is not None and ed.p.inkomen.rowCount() == 0:
            return ed.p.ink_toevoegen
        return super().focusveld()

    def editor(self, jaar: int) -> JaarEditor:
        return next(ed for ed in self.editors if ed.jaar.jaar == jaar)

    def schrijf(self, streng=False):
        from ...core.route import alleen_wtrapjaren
        self.casus.toeslagpartners = self.f.toeslagpartners.isChecked()
        if alleen_wtrapjaren(self.casus):
            self.casus.aanvraag.route = "wtrap"         # niets te kiezen: stap 3 valt weg (core/route.py)
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


