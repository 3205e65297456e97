"""Draait in een eigen proces (de schaal van Qt ligt vast bij het starten): loopt de pagina's 4-7, de Wtrap-stap en
de afronding af op een offscreen-scherm van BxH met schaal S, en schrijft als JSON elke tabelcel, tabelkop en elk
label waarvan de tekst niet past. Gebruik: python afgekapt_controle.py 1366x768 1.5 (tests/ui/test_afgekapt.py)."""

import json
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def past_niet(tekst: str, fm, breedte: int, hoogte: int, afbreken: bool, uitlijning) -> str | None:
    from PySide6.QtCore import QRect, Qt
    if not tekst:
        return None
    if not afbreken:
        nodig = max(fm.horizontalAdvance(r) for r in tekst.split("\n"))
        return f"{nodig} px breed in {breedte} px" if nodig > breedte else None
    vlak = fm.boundingRect(QRect(0, 0, max(1, breedte), 100_000), int(uitlijning | Qt.TextFlag.TextWordWrap), tekst)
    # Een woord dat niet breekt, loopt rechts buiten de cel; een regel te veel valt onderaan weg.
    woorden = max((fm.horizontalAdvance(w) for w in tekst.replace("\u00ad", " ").split()), default=0)
    if woorden > breedte:
        return f"een woord van {woorden} px in {breedte} px"
    if vlak.height() > hoogte:
        return f"{vlak.height()} px hoog in {hoogte} px"
    return None


def controleer(pagina, naam: str) -> list[str]:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QLabel, QStyle, QTableWidget
    fouten = []
    for t in pagina.findChildren(QTableWidget):
        if not t.isVisibleTo(pagina) or not t.columnCount():
            continue
        stijl, kop = t.style(), t.horizontalHeader()
        marge = 2 * (stijl.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, t) + 1)
        kopmarge = 2 * stijl.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, kop)
        zichtbaar = t.viewport().width()
        for k in range(t.columnCount()):
            rechts = t.columnViewportPosition(k) + t.columnWidth(k)
            if rechts > zichtbaar + 1 and t.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
                fouten.append(f"{naam}: tabel {t.objectName()}, kolom {k + 1} valt rechts weg ({rechts} > {zichtbaar})")
            kopitem = t.horizontalHeaderItem(k)
            if kopitem and not kop.isHidden():
                wrap = bool(kop.defaultAlignment() & Qt.TextFlag.TextWordWrap)
                font = kop.font()
                font.setBold(kop.highlightSections())      # de kop van de kolom met de focus staat dan vet
                if (r := past_niet(kopitem.text(), QFontMetrics(font), t.columnWidth(k) - kopmarge,
                                   kop.height() - kopmarge // 2, wrap, Qt.AlignmentFlag.AlignCenter)):
                    fouten.append(f"{naam}: kop '{kopitem.text()}' van {t.objectName()}: {r}")
            for rij in range(t.rowCount()):
                item = t.item(rij, k)
                if item is None or not item.text():
                    continue
                elide = t.textElideMode() != Qt.TextElideMode.ElideNone or not t.wordWrap()
                r = past_niet(item.text(), QFontMetrics(item.font()), t.columnWidth(k) - marge, t.rowHeight(rij),
                              t.wordWrap(), Qt.AlignmentFlag.AlignLeft)
                if r:
                    fouten.append(f"{naam}: cel ({rij + 1}, {k + 1}) '{item.text()}' van {t.objectName()}: {r}"
                                  + (" (afgekapt met …)" if elide else ""))
    for label in pagina.findChildren(QLabel):
        if not label.isVisibleTo(pagina) or label.textFormat() != Qt.TextFormat.PlainText or not label.text():
            continue
        vak = label.contentsRect()
        tekst = re.sub(r"&(.)", r"\1", label.text()) if label.buddy() is not None else label.text()  # "&2": "2"
        if (r := past_niet(tekst, label.fontMetrics(), vak.width() - 2 * label.margin(), vak.height() + 2,
                           label.wordWrap(), Qt.AlignmentFlag.AlignLeft)):
            fouten.append(f"{naam}: label {label.objectName() or label.text()[:30]!r}: {r}")
    return fouten


def main() -> None:
    breedte, hoogte = (int(x) for x in sys.argv[1].split("x"))
    from avdesk.ui.screenshots import scherm_instellen
    scherm_instellen(breedte, hoogte, Path(tempfile.mkdtemp(prefix="avdesk-afgekapt-")))
    if sys.argv[2] != "1":
        os.environ["QT_SCALE_FACTOR"] = sys.argv[2]
    from avdesk.ui.app import maak_app
    app = maak_app([])
    from avdesk.core.casus import lees_casus
    from avdesk.ui.wizard import AFRONDING, WTRAP, AvWizard
    fouten = []
    for scenario, route, stappen in (("martin_hanna_2024.json", "tekort", (4, 5, 6, 7, AFRONDING)),
                                     ("wtrap_2026.json", "wtrap", (4, WTRAP, AFRONDING))):
        c = lees_casus((ROOT / "tests" / "scenarios" / scenario).read_bytes())
        c.aanvraag.route = route
        c.aanvraag.toestemming_mijntoeslagen = True
        w = AvWizard(c)
        w.show()
        for stap in stappen:
            w.hervat(stap)
            for _ in range(4):
                app.processEvents()
            assert w.currentId() == stap, (scenario, stap, w.currentId())
            fouten += controleer(w.currentPage(), f"{scenario} stap {stap}")
        w.reject()
    print(json.dumps(fouten, ensure_ascii=False))


if __name__ == "__main__":
    main()
