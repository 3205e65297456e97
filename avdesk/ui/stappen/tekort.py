"""Stap 4-8: netto-inkomen, de toeslagen tegenover alleen bijstand, het bestaansminimum en het tekort per jaar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableWidget, QTableWidgetItem, QVBoxLayout

from ...core.berekening import Berekening
from ...core.geld import euro, maand_label, periode_label
from ...core.params import laad_profiel
from ...core.spoor import zoek
from ..grafiek import Maandgrafiek
from ..tabellen import invoertabel, pas_kolommen, tabvolgorde, vul_tabel
from ..velden import Veldfout, koppel, lees, zet
from .basis import NAMEN, Rekenstap

class Stap4(Rekenstap):
    nummer, formulier = 4, "stap04"

    def __init__(self, wizard):
        super().__init__(wizard)
        self.velden: list[tuple] = []

    def laad(self):
        perioden = [p for j in sorted(self.casus.jaren, key=lambda j: j.jaar) for p in j.perioden]
        velden = invoertabel(self.f.netto, ["Periode", "Netto p/m (samen)", "Bijstandsnorm p/m", "Netto bij bijstand",
                                            "Bron daarvan"],
                             [(periode_label(p.van, p.tot_en_met), p.netto_inkomen_per_maand, p)
                              for p in perioden], "bijv. 1.686", self.w.na_wijziging, self._signalen)
        self.velden = []
        for r, (p, veld) in enumerate(zip(perioden, velden)):
            nr, bron = QLineEdit(), QLineEdit(p.referentie_netto_inkomen_bron)
            nr.setPlaceholderText("leeg = de norm")
            bron.setPlaceholderText("bij een eigen bedrag")
            nr.setToolTip("Netto-inkomen per maand van hetzelfde huishouden met alleen bijstand (REKENMODEL §4). Leeg: "
                          "de netto bijstandsnorm voor gehuwden met vakantietoeslag. Vult u een ander bedrag in, noem "
                          "dan de bron; de berekening drukt die af.")
            bron.setToolTip("Waar het bedrag bij alleen bijstand vandaan komt, bijvoorbeeld de gemeente of het "
                            "rekenvoorbeeld in de handreiking.")
            koppel(nr, p, "referentie_netto_inkomen")
            zet(nr, p.referentie_netto_inkomen_per_maand)
            for k, w_ in ((3, nr), (4, bron)):
                w_.setAccessibleName(f"{self.f.netto.horizontalHeaderItem(k).text()}: {maand_label(p.van)}")
                w_.editingFinished.connect(self.w.na_wijziging)
                w_.editingFinished.connect(self._signalen)
                self.f.netto.setCellWidget(r, k, w_)
            self.velden.append((p, veld, r, nr, bron))
        # Tab: eerst het netto-inkomen van elke periode (dat is altijd nodig), dan per periode de uitzondering.
        tabvolgorde(*(v[1] for v in self.velden), *(w_ for v in self.velden for w_ in v[3:]))
        pas_kolommen(self.f.netto)
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
                regels += [f"{maand_label(pb.van)}: {s.tekst}" for s in pb.signalen if s.code in ("S3", "S4", "S9")]
                if pb.toets == "aanvullende_bijstand":
                    regels.append(f"{maand_label(pb.van)}: {pb.toets_zin}")
        self.f.signalen.setText("\n".join(regels) or "Het netto-inkomen ligt niet onder de bijstandsnorm.")
        pas_kolommen(t)                 # de norm en de velden staan er nu: de breedtes naar die inhoud


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
                    rijen.append([periode_label(pb.van, pb.tot_en_met), NAMEN[t],
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
REGEL = {"geen_netto_inkomen": "niet getoetst", "aanvullende_bijstand": "bijstands\u00adniveau", "profiel_zonder_toets":
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
                periode = periode_label(pb.van, pb.tot_en_met)
                rijen.append([periode, euro(pb.bestaansminimum) if pb.inkomen is not None else "-",
                              euro(pb.inkomen) if pb.inkomen is not None else "-", euro(pb.verschil_totaal),
                              euro(pb.compensatie_totaal), REGEL[pb.toets]])
                zinnen.append(f"{periode}: {pb.toets_zin}")
        vul_tabel(self.f.tabel, ["Periode", "Bestaans\u00adminimum", "Netto + toeslagen", "Verschil",
                                 "Compen\u00adsatie p/m", "Regel"], rijen, 1)
        # De regel in de woorden van het rekenspoor (core/spoor.py); de zinnen per periode zijn de toetsstap daarvan.
        bm = next((st for jb in b.jaren for pb in jb.perioden if (st := zoek(pb.spoor, "bestaansminimum.norm"))), None)
        regel = (f"\n\n{bm.omschrijving} ({bm.grondslag[0].lower() + bm.grondslag[1:]}). Het netto-inkomen bij alleen "
                 "bijstand is de netto bijstandsnorm voor gehuwden met vakantietoeslag, of het bedrag dat u in stap 4 "
                 "met bron invulde.") if bm else ""
        self.f.toelichting.setText("\n".join(zinnen) + regel)


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
                periodiek = "; ".join(f"{euro(x.per_maand)} per maand, {periode_label(x.van, x.tot_en_met)}"
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
        # Een feit, een plek: de datum van de definitieve beschikking 2023 wordt in stap 2 ingevuld; hier staat hij
        # alleen ter controle (de bezwaartermijn van S2 rekent ermee).
        j2023 = next((j for j in self.casus.jaren if j.jaar == 2023), None)
        self.f.datum_beschikking.setReadOnly(True)
        self.f.datum_beschikking.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        datum = j2023.datum_definitieve_beschikking if j2023 else None
        zet(self.f.datum_beschikking, datum)
        # De herkomst zoals hij is: stap 9 schrijft de datum van de terugvordering ook naar het jaar.
        tv = j2023.terugvordering if j2023 else None
        herkomst = ("uit stap 9, de terugvordering" if tv and tv.datum_definitieve_beschikking == datum and datum
                    else "uit stap 2" if datum else "in te vullen in stap 2 of 9")
        self.f.label_datum_beschikking.setText(f"Datum definitieve beschikking 2023 ({herkomst})")
        self.f.datum_beschikking.setPlaceholderText("niet ingevuld")
        self.f.datum_beschikking.setToolTip("In te vullen of te wijzigen in stap 2 (toeslagjaar 2023) of, bij een "
                                            "terugvordering, in stap 9.")
        self._toon()

    def _toon(self):
        b = self.uitkomst()
        jb = next((jb for jb in b.jaren if jb.jaar == 2023), None) if b else None
        if jb is None or not jb.perioden:
            self.f.vergelijking.setText("Er zijn geen perioden voor 2023 ingevuld. Voeg in stap 2 het toeslagjaar 2023 "
                                        "toe als het huishouden ook toen te weinig toeslagen kreeg.")
        else:
            regels = [periode_label(pb.van, pb.tot_en_met) + f": definitief "
                      f"{euro(sum(pb.werkelijk.values()))} per maand, bij alleen bijstand {euro(sum(pb.referentie.values()))}; "
                      f"verschil {euro(pb.verschil_totaal)}, compensatie {euro(pb.compensatie_totaal)} per maand"
                      for pb in jb.perioden]
            regels.append(f"Tekort 2023: {euro(jb.tekort)}; te betalen in een keer: {euro(jb.compensatie_jaar)}.")
            self.f.vergelijking.setText("\n".join(regels))
        s2 = [s.tekst for s in (jb.signalen if jb else []) if s.code == "S2"]
        self.f.s2.setText("\n".join(s2))

    def schrijf(self, streng=False):
        return []           # niets in te vullen: de datum komt uit stap 2


