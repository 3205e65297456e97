"""Stap 9-11: de terugvordering, welk deel door de alleenverdienersproblematiek komt, en stap 11."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QLineEdit

from ...core.casus import Jaar, Terugvordering
from ...core.geld import euro
from ...core.params import laad_profiel
from ...core.spoor import zoek
from ...core.spoorsleutels import STAP11
from ..laden import Formulier
from ..velden import Veldfout, koppel_formulier, lees, zet
from .basis import Rekenstap, Stap

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
            # Een feit, een plek: de datum van de definitieve beschikking van dit jaar (ook in stap 2 en 8).
            zet(f.datum_beschikking, (tv.datum_definitieve_beschikking if tv else None)
                or (j.datum_definitieve_beschikking if j else None))
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
            j.datum_definitieve_beschikking = tv.datum_definitieve_beschikking or j.datum_definitieve_beschikking
            tv.andere_oorzaken = [tekst for naam, tekst in self.OORZAKEN.items() if getattr(f, naam).isChecked()]
            j.terugvordering = tv
            from ...core.casus import terugvorderingsbedrag
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
        from ...core.casus import terugvorderingsbedrag
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
        from ...core.casus import terugvorderingsbedrag
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
        teksten = [f"{jb.jaar}\n" + "".join(f"{s.label}: {'niet berekend' if s.bedrag is None else euro(s.bedrag)}\n"
                                             for k in STAP11 if (s := zoek(jb.spoor, k)) is not None) +
                   f"Terugvordering door de alleenverdienersproblematiek: {euro(jb.stap11.terugvordering)}\n"
                   f"Compensatie {jb.jaar}: {euro(jb.compensatie_jaar)}\n\n{jb.stap11.tekst}"
                   for jb in b.jaren if jb.stap11]
        self.f.stap11_tekst.setText("\n\n".join(teksten) or
                                    "Er is geen jaar met zowel een terugvordering als ingevulde perioden. Vul in stap 2 "
                                    "de perioden van 2023 in om te zien of het tekort hoger was dan de terugvordering.")


