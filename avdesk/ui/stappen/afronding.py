"""De afrondingspagina: de uitkomst per jaar, de PDF's in het dossier, Opslaan als en Afdrukken."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ...core.geld import euro, periode_label
from ..pdfvoorbeeld import kies_map, pdf_uit_geheugen, signaalregels, startmap, toon_pdfs, verouderd
from ..tabellen import vul_tabel
from .basis import AFRONDING, Rekenstap

# ---------------------------------------------------------------- afronding

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
        from PySide6.QtWidgets import QVBoxLayout
        from ..bewijsstukken import Bewijspaneel
        self.bewijs = Bewijspaneel(self.w.na_wijziging)
        QVBoxLayout(self.f.bewijs_houder).addWidget(self.bewijs)

    def laad(self):
        self.bewijs.laad(self.casus)
        # Tab-volgorde: uitkomst, dan de bewijsstukken, pas dan "Maak aanvraag en berekening" (wat op de aanvraag
        # staat, kiest de raadsman voordat hij hem maakt).
        keten = [self.f.samenvatting, *self.bewijs.volgorde(), self.f.maak_pdfs]
        for a, b in zip(keten, keten[1:]):
            self.setTabOrder(a, b)
        b = self.uitkomst()
        self.uitkomst_json = b.naar_json() if b else None
        if b is None:
            vul_tabel(self.f.samenvatting, ["Jaar"], [])
            return
        rijen = []
        for jb in b.jaren:
            periodiek = "; ".join(f"{euro(x.per_maand)} ({periode_label(x.van, x.tot_en_met)})"
                                  for x in jb.periodiek)
            rijen.append([str(jb.jaar), euro(jb.tekort), "-" if jb.terugvordering_alleenverdieners is None
                          else euro(jb.terugvordering_alleenverdieners), euro(jb.compensatie_jaar), euro(jb.eenmalig),
                          periodiek or "-"])
        rijen.append(["Totaal", "", "", euro(b.totaal_compensatie), euro(sum(jb.eenmalig for jb in b.jaren)), ""])
        vul_tabel(self.f.samenvatting, ["Jaar", "Tekort", "Terugvordering", "Compensatie", "Eenmalig", "Periodiek"],
                  rijen)
        signalen = signaalregels(b)
        self.f.signalen.setText("Signalen:\n" + "\n".join(signalen) if signalen else "Geen signalen.")
        self.documenten = self.w.opslag.laatste_documenten(self.w.dossier_id) if self.w.opslag else {}
        self._toon_pdfs()

    def maak_pdfs(self):
        if self.w.opslag is None or self.uitkomst_json is None:
            return
        from PySide6.QtGui import QGuiApplication
        from ...export.documenten import maak_en_bewaar
        self.w.bewaar()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.documenten = maak_en_bewaar(self.w.opslag, self.w.dossier_id)
            if "aanvraag" in self.documenten:
                self.w.opslag.zet_status(self.w.dossier_id, "aanvraag klaar")
                self.w.status_klaar = True
                self.w._stand_pdfs = self.w._momentopname()
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._toon_pdfs()
        if "aanvraag" not in self.documenten:
            from ...export.documenten import ontbrekend_voor_aanvraag
            ontbreekt = ontbrekend_voor_aanvraag(self.w.opslag.casus(self.w.dossier_id))
            self.toon_melding(["De aanvraag is nog niet gemaakt; de berekening staat er als concept. Nog nodig: "
                               + "; ".join(ontbreekt) + " (stap 1)."])

    def _toon_pdfs(self):
        self.f.opslaan_als.setEnabled(bool(self.documenten))
        self.f.afdrukken.setEnabled(bool(self.documenten))
        toon_pdfs(self.f.pdfs, self.documenten)
        oud = verouderd(self.documenten, self.casus)
        self.f.verouderd.setVisible(oud)
        self.f.maak_pdfs.setText("&Maak aanvraag en berekening opnieuw" if oud else "&Maak aanvraag en berekening")
        if oud:
            self.w.status_terug()

    def focusveld(self):
        return self.f.maak_pdfs if not self.documenten or self.f.verouderd.isVisibleTo(self) else super().focusveld()

    def toch_verouderd(self, wat: str) -> bool:
        """Verouderde PDF's gaan niet zonder een woord de deur uit: vraag het (standaard: nee). True = doorgaan."""
        if not verouderd(self.documenten, self.casus):
            return True
        from ..paginahulp import bevestig
        return bevestig(self, "Verouderde PDF's", f"De gegevens zijn gewijzigd nadat aanvraag en berekening gemaakt zijn. "
                        f"Toch de oude PDF's {wat}? Kies Nee en maak ze eerst opnieuw (Alt+M).")

    def opslaan_als(self):
        if not self.toch_verouderd("opslaan"):
            return
        from ...store.instellingen import onthoud_map
        doel = kies_map(self, "Map kiezen voor aanvraag en berekening", startmap(self.w.opslag))
        if not doel:
            return
        onthoud_map(self.w.opslag, doel)                    # de volgende keer weer deze map
        from pathlib import Path
        from ...export.documenten import vrij_pad
        from ...store.sleutel import schrijf_atomair
        for naam, inhoud in self.documenten.values():
            schrijf_atomair(vrij_pad(Path(doel), naam), inhoud)     # nooit vervangen: -2, -3, ...
        QMessageBox.information(self, "Opgeslagen", f"Opgeslagen in {doel}.\nLet op: deze bestanden zijn niet "
                                                    f"versleuteld. Verwijder ze als het team Inkomen ze heeft.")

    def afdrukken(self):
        if not self.toch_verouderd("afdrukken"):
            return
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
            doc = pdf_uit_geheugen(inhoud)
            for n in range(doc.pageCount()):
                if paginas:
                    printer.newPage()
                paginas += 1
                rect = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
                schilder.drawImage(rect, doc.render(n, rect.size()))
        schilder.end()
        return paginas


