"""De Wtrap-zelfmeldertoets 2025-2027 per jaar: vragen, hardheidsclausule en de uitkomst van de rekenkern."""

from __future__ import annotations

from html import escape


from ...core.casus import WTRAP_HEFFINGSKORTING
from ...core.geld import NUL, euro, periode_label
from ...core.wtrapjaren import EERSTE_WTRAPJAAR, is_wtrapjaar
from ..laden import Formulier
from ..velden import Veldfout, koppel_formulier, lees, zet
from .basis import WTRAP, Rekenstap

# ---------------------------------------------------------------- Wtrap 2025-2027

class StapWtrap(Rekenstap):
    nummer, formulier = WTRAP, "stapwtrap"
    VRAGEN = ("fiscale_partners", "toeslagpartners", "uitkering_geen_participatiewet", "woonachtig_in_gemeente")

    def laad(self):
        from ...core.doelgroep import heeft_uitkering, minstverdienende
        from ...core.params import laad_jaar
        from ...core.wtrap import VOORWAARDE_LABELS
        self.f.jaren.clear()
        self.formulieren = {}
        for j in sorted((j for j in self.casus.jaren if is_wtrapjaar(j.jaar)), key=lambda j: j.jaar):
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
                if vraag == "uitkering_geen_participatiewet":
                    # Wat het inkomen van stap 2 beslist, vraagt de wizard niet (REKENMODEL §8): vast, met de reden.
                    uit_inkomen = heeft_uitkering(j)
                    vakje.setEnabled(uit_inkomen is None)
                    vakje.setText(vakje.text().split(" [")[0] + ("" if uit_inkomen is None else
                                  f" [{'ja' if uit_inkomen else 'nee'}: volgt uit het inkomen in stap 2]"))
                    if uit_inkomen is not None:
                        vakje.setChecked(uit_inkomen)
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
            self.toon_melding([f"voeg in stap 2 een toeslagjaar vanaf {EERSTE_WTRAPJAAR} toe voor de Wtrap"])
        self._uitkomst()

    def schrijf(self, streng=False):
        from ...core.wtrap import VOORWAARDE_LABELS
        fouten = []
        for jaar, f in getattr(self, "formulieren", {}).items():
            j = next(j for j in self.casus.jaren if j.jaar == jaar)
            for vraag in (*self.VRAGEN, WTRAP_HEFFINGSKORTING):
                if not getattr(f, vraag).isEnabled():
                    j.wtrap.pop(vraag, None)            # het inkomen beslist, niet een antwoord
                    continue
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
            fouten.append(f"voeg in stap 2 een toeslagjaar vanaf {EERSTE_WTRAPJAAR} toe voor de Wtrap")
        return fouten

    def _uitkomst(self, *_):
        from ...core.wtrap import WTRAP_UITKOMST
        self.schrijf(False)
        b = self.uitkomst()
        for jb in (b.jaren if b else []):
            f = self.formulieren.get(jb.jaar)
            if f is None or jb.wtrap is None:
                continue
            w = jb.wtrap
            regels = [f"<b>Wtrap {jb.jaar}: {escape(WTRAP_UITKOMST[w.voldoet])}</b>"]
            regels += [f"• {escape(r)}" for r in w.redenen]
            # Het verschil in toeslagen per periode (in de Wtrap-route is er geen aparte stap 5).
            regels += [periode_label(pb.van, pb.tot_en_met) + f": toeslagen bij alleen bijstand "
                       f"{euro(sum(pb.referentie.values(), NUL))} per maand, werkelijk "
                       f"{euro(sum(pb.werkelijk.values(), NUL))}" for pb in jb.perioden]
            if w.tegemoetkoming is not None:
                regels.append(f"Vaste tegemoetkoming: {euro(w.tegemoetkoming)}. Berekend tekort over het jaar: "
                              f"{euro(w.tekort_jaar)}.")
            regels += [f"{s.code}: {escape(s.tekst)}" for s in jb.signalen if s.code in ("S5", "S6")]
            f.uitkomst.setText("<br>".join(regels))


