"""De afrondingspagina: de PDF's als voorbeeld (zonder tijdelijk bestand), verouderde PDF's herkennen, de
signalen een keer met hun periode, en een Nederlandse mapkiezer.

Levensduur: de QBuffer is een kind van zijn QPdfDocument (een buffer die Python eerder weggooit dan het document
liet avdesk bij het afsluiten vallen), en het document een kind van de tabbladen, niet van de QPdfView: een
document dat sluit terwijl zijn view half afgebroken is, meldt zich bij die view (crash bij afsluiten). Qt ruimt
eerst de views op (in het QStackedWidget van de tabbladen) en dan pas de documenten. Oude voorbeelden worden
weggegooid voordat er nieuwe komen."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QTranslator
from PySide6.QtWidgets import QFileDialog, QTabWidget

from ..core.geld import periode_label
from ..core.signalen import TITELS


def pdf_uit_geheugen(inhoud: bytes, ouder=None):
    """Een QPdfDocument uit bytes; de buffer is een kind van het document en leeft dus precies even lang."""
    from PySide6.QtPdf import QPdfDocument
    doc = QPdfDocument(ouder)
    buffer = QBuffer(doc)
    buffer.setData(QByteArray(inhoud))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc.load(buffer)
    return doc


def leeg_tabs(tabs: QTabWidget) -> None:
    while tabs.count():
        view = tabs.widget(0)
        tabs.removeTab(0)
        doc = view.document()
        view.deleteLater()
        if doc is not None:
            doc.deleteLater()       # met zijn buffer


def toon_pdfs(tabs: QTabWidget, documenten: dict[str, tuple[str, bytes]]) -> None:
    from PySide6.QtPdfWidgets import QPdfView
    leeg_tabs(tabs)
    for soort, (_, inhoud) in documenten.items():
        view = QPdfView()
        view.setDocument(pdf_uit_geheugen(inhoud, tabs))
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        tabs.addTab(view, "Aanvraag" if soort == "aanvraag" else "Berekening")


def verouderd(documenten: dict[str, tuple[str, bytes]], casus) -> bool:
    """Zijn de PDF's gemaakt met een andere casus dan die er nu is? (De berekening draagt de casus in zich.)

    Beide kanten gaan eerst door de lezer van het casusformaat: wat hetzelfde betekent (een ontbrekende sleutel of
    een lege, zoals "tegemoetkoming": null bij de Wtrap), telt als gelijk; alleen een echte wijziging is verouderd."""
    if "berekening" not in documenten:
        return False
    from ..core.casus import CasusFout, casus_naar_dict, lees_casus
    from ..core.geld import json_tekst
    from ..export.bewijs import GeenBewijs, lees_bewijs
    import json

    def vorm(tekst: str) -> dict:
        return json.loads(json_tekst(casus_naar_dict(lees_casus(tekst, concept=True))))
    try:
        ingebed = vorm(lees_bewijs(documenten["berekening"][1])[0])
        nu = vorm(json_tekst(casus_naar_dict(casus)))
    except (GeenBewijs, CasusFout, ValueError, TypeError):
        return True
    return ingebed != nu


def signaalregels(b) -> list[str]:
    """Elk signaal een keer, met de perioden (of het jaar) waarop het slaat: 'S4 (titel), juli t/m augustus 2024: ...'."""
    waar: dict[tuple[str, str], list[str]] = {}
    for jb in b.jaren:
        for s in jb.signalen:
            waar.setdefault((s.code, s.tekst), []).append(str(jb.jaar))
        for pb in jb.perioden:
            for s in pb.signalen:
                waar.setdefault((s.code, s.tekst), []).append(periode_label(pb.van, pb.tot_en_met))
    regels = []
    for (code, tekst), plekken in waar.items():
        plekken = list(dict.fromkeys(plekken))
        regels.append(f"{code} ({TITELS[code]}), {' en '.join(plekken)}: {tekst}")
    return regels


def documentenmap() -> str:
    """De Documentenmap van het systeem (QStandardPaths); of hij bestaat, beslist store.instellingen.startmap."""
    from PySide6.QtCore import QStandardPaths
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def startmap(opslag) -> str:
    """De map die een kiezer aanbiedt: de laatst gekozen, anders Documenten of de thuismap (die bestaan)."""
    from ..store.instellingen import startmap as bepaal
    return bepaal(opslag, documentenmap())


def kies_map(ouder, titel: str, start: str) -> str:
    """Een map kiezen met Qt's eigen dialoog (in het Nederlands via qtbase_nl, ook waar het systeemvenster Engels
    spreekt)."""
    nederlandse_bestandsdialoog()
    return QFileDialog.getExistingDirectory(ouder, titel, start, QFileDialog.Option.ShowDirsOnly
                                            | QFileDialog.Option.DontUseNativeDialog)


_aanvulling = None


def nederlandse_bestandsdialoog() -> None:
    """Installeer de aanvulling op qtbase_nl pas als er een bestandsdialoog komt: een Python-vertaler wordt voor elke
    vertaalde Qt-tekst aangeroepen, en hoort dus niet op het startpad."""
    global _aanvulling
    from PySide6.QtWidgets import QApplication
    if _aanvulling is None and (app := QApplication.instance()) is not None:
        _aanvulling = AanvullendeVertaling(app)
        app.installTranslator(_aanvulling)


class AanvullendeVertaling(QTranslator):
    """Wat qtbase_nl mist: Qt 6.12 vraagt in de eigen bestandsdialoog '&Look in:' en 'Files of &type:' (met
    sneltoets), qtbase_nl kent alleen de oude teksten zonder '&' en liet ze dus Engels staan."""
    TEKSTEN = {("QFileDialog", "&Look in:"): "&Zoeken in:", ("QFileDialog", "Files of &type:"): "Bestands&type:"}

    def translate(self, context, bron, uitleg=None, n=-1):
        return self.TEKSTEN.get((context, bron))

    def isEmpty(self) -> bool:
        return False
