"""Tabellen in de wizard: alleen-lezen uitkomsten en invoertabellen (een veld per rij).

Beide krijgen compacte rijen (een regel hoog, behalve een uitlegkolom die afbreekt) en precies de hoogte van hun
rijen: de pagina schuift, niet de tabel, en de tabel springt niet van hoogte als de uitkomst opnieuw gevuld wordt.
Een alleen-lezen tabel staat niet in de tabvolgorde (Tab zat er anders in vast); in een invoertabel gaat Tab langs
de velden, van boven naar beneden."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView, QLineEdit, QStyle, QTableWidget, QTableWidgetItem, QWidget

from .velden import eigenschap, koppel, zet


def pas_hoogte(t: QTableWidget) -> None:
    """De tabel precies zo hoog als kop en rijen samen (zonder eigen schuifbalk)."""
    kop = 0 if t.horizontalHeader().isHidden() else (eigenschap(t, "avdesk_kophoogte")
                                                     or t.horizontalHeader().sizeHint().height())
    hoogte = kop + sum(t.rowHeight(r) for r in range(t.rowCount())) + 2 * t.frameWidth() + 2
    t.setFixedHeight(max(hoogte, kop + 2 * t.frameWidth() + 24))


def compact(t: QTableWidget, afbreken: bool) -> None:
    benoem_tabel(t)
    t.verticalHeader().setVisible(False)
    t.setTabKeyNavigation(False)
    t.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    t.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    t.setWordWrap(afbreken)
    kop = t.verticalHeader()
    if afbreken:
        kop.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    else:
        regel = max(t.fontMetrics().height() + 10, QLineEdit().sizeHint().height() + 2)
        kop.setMinimumSectionSize(regel)
        kop.setDefaultSectionSize(regel)
        kop.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    if not eigenschap(t, "avdesk_hoogte"):      # een keer verbinden, ook als de tabel vaak opnieuw gevuld wordt
        t.setProperty("avdesk_hoogte", True)
        kop.sectionResized.connect(lambda *_: pas_hoogte(t))


def _woorden_breedte(fm, tekst: str) -> tuple[int, int, int]:
    """(hele tekst op een regel, langste woord met "€ 716,00" als een woord, langste woord): de breedte waarin de
    tekst past, waaronder een bedrag over twee regels breekt, en waaronder hij niet meer kan afbreken. Een zacht
    afbreekstreepje (U+00AD, "Bestaans\u00adminimum") mag een woord breken, met een streepje erachter. +4: bij een
    schaal van 1,5 zijn de letters samen breder dan de afgeronde maten van fontMetrics."""
    regels = tekst.replace("\u00ad", "").split("\n") or [""]
    woorden = tekst.replace("\u00ad", "-\n").split()
    bedragen = tekst.replace("€ ", "€\u00a0").replace("\u00ad", "-\n").split()
    return (max(fm.horizontalAdvance(r) for r in regels) + 4,
            max((fm.horizontalAdvance(w.replace("\u00a0", " ")) for w in bedragen), default=0) + 4,
            max((fm.horizontalAdvance(w) for w in woorden), default=0) + 4)


def _kolommaten(t: QTableWidget, marge: int, kopmarge: int) -> tuple[list[int], list[int], list[int]]:
    """Per kolom (ideaal, minimum, uiterst minimum): op een regel, zonder een bedrag te breken, kleiner kan niet."""
    ideaal, minimum, uiterst = [], [], []
    kop = t.horizontalHeader()
    for k in range(t.columnCount()):
        kopitem = t.horizontalHeaderItem(k)
        hel, woord, los = (x + kopmarge for x in _woorden_breedte(kop.fontMetrics(), kopitem.text() if kopitem else ""))
        for r in range(t.rowCount()):
            if (item := t.item(r, k)) is not None and item.text():
                a, b, c = _woorden_breedte(QFontMetrics(item.font()), item.text())
                hel, woord, los = max(hel, a + marge), max(woord, b + marge), max(los, c + marge)
            if (w := t.cellWidget(r, k)) is not None:
                # Een invoerveld: zijn tekst moet passen (de plaatshouder mag korter), en nooit smaller dan 60.
                veld = isinstance(w, QLineEdit)
                tekst = w.fontMetrics().horizontalAdvance(w.text()) + 16 if veld else 0
                voorbeeld = w.fontMetrics().horizontalAdvance(w.placeholderText()) + 16 if veld else 0
                hel = max(hel, tekst, voorbeeld, 90 if veld else w.sizeHint().width())
                smal = max(tekst, 60 if veld else w.minimumSizeHint().width())
                woord, los = max(woord, smal), max(los, smal)
        ideaal.append(hel)
        minimum.append(min(woord, hel))
        uiterst.append(min(los, hel))
    return ideaal, minimum, uiterst


def pas_kolommen(t: QTableWidget) -> None:
    """Kolombreedte naar inhoud (issue 22.8: "januari 2024 t/m jun…" kon de raadsman niet lezen). Past alles op een
    regel, dan krijgt elke kolom zijn tekst en de rest naar verhouding; anders breekt de tekst af op woorden, elke
    kolom minstens zo breed als zijn langste woord (of zijn invoerveld), de ruimte verdeeld naar wat een kolom mist.
    Kop en cellen breken af en de rijen worden zo hoog als hun tekst; nooit een "…"."""
    kolommen = t.columnCount()
    if not kolommen or eigenschap(t, "avdesk_bezig"):
        return
    t.setProperty("avdesk_bezig", True)
    try:
        stijl, kop = t.style(), t.horizontalHeader()
        marge = 2 * (stijl.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, t) + 1) + 4
        kopmarge = 2 * stijl.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, kop) + 6
        ideaal, minimum, uiterst = _kolommaten(t, marge, kopmarge)
        beschikbaar = t.width() - 2 * t.frameWidth()        # niet de viewport: die volgt pas na dit Resize
        if t.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            beschikbaar -= t.verticalScrollBar().sizeHint().width()
        if sum(minimum) > beschikbaar:
            minimum = uiterst            # te smal voor "€ 2.469,04" op een regel: dan liever "€" erboven
        if sum(ideaal) <= beschikbaar:
            extra = beschikbaar - sum(ideaal)
            breedtes = [i + extra * i // sum(ideaal) for i in ideaal]
        elif sum(minimum) <= beschikbaar:
            ruimte, tekort = beschikbaar - sum(minimum), sum(i - m for i, m in zip(ideaal, minimum)) or 1
            breedtes = [m + ruimte * (i - m) // tekort for i, m in zip(ideaal, minimum)]
        else:
            breedtes = minimum          # smaller kan niet zonder afkappen: dan schuift de tabel opzij
        t.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded if sum(minimum) > beschikbaar
                                       else Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        kop.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        kop.setHighlightSections(False)     # een vette kop (de kolom met de focus) past niet in zijn gemeten hoogte
        for k, b in enumerate(breedtes):
            t.setColumnWidth(k, b)
        kop.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        t.setTextElideMode(Qt.TextElideMode.ElideNone)
        t.setWordWrap(True)
        t.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.resizeRowsToContents()
        # De kop zo hoog als zijn langste (afgebroken) tekst in de breedte van zijn kolom.
        schikking = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        # Zo breed als Qt de kop tekent (de kolom min twee keer de kopmarge), zonder de +6 die de kolom extra kreeg.
        hoogte = max(kop.fontMetrics().boundingRect(0, 0, max(1, b - kopmarge + 6), 10_000, schikking,
                                                    kopitem.text() if (kopitem := t.horizontalHeaderItem(k)) else "")
                     .height() for k, b in enumerate(breedtes))
        hoogte += 2 * stijl.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, kop) + 4
        t.setProperty("avdesk_kophoogte", hoogte)
        kop.setFixedHeight(hoogte)
        pas_hoogte(t)
    finally:
        t.setProperty("avdesk_bezig", False)


class _BijBreedte(QObject):
    """Nieuwe kolombreedtes als de tabel breder of smaller wordt (venster, schaal, schuifbalk van de pagina)."""

    def eventFilter(self, obj, e):
        if e.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            if eigenschap(obj, "avdesk_bezig"):         # tijdens het passen (een schuifbalk verscheen): straks nog eens
                QTimer.singleShot(0, lambda: pas_kolommen(obj))
            else:
                pas_kolommen(obj)
        return False


def volg_breedte(t: QTableWidget) -> None:
    if not eigenschap(t, "avdesk_breedte"):
        t.setProperty("avdesk_breedte", True)
        t._avdesk_filter = _BijBreedte(t)
        t.installEventFilter(t._avdesk_filter)


def benoem_tabel(t: QTableWidget) -> None:
    """Een tabel heet naar de kop erboven in het formulier (kop_* of het label ervoor), anders naar zijn kolommen;
    de kolommen staan in de beschrijving. Zo weet een schermlezer welke tabel het is (issue 22)."""
    koppen = [kop.text().replace("\u00ad", "").replace("\u2060", "")
              for kop in map(t.horizontalHeaderItem, range(t.columnCount())) if kop]
    if not t.accessibleName():
        t.setAccessibleName(_kop_boven(t) or ("Tabel: " + ", ".join(koppen) if koppen else "Tabel"))
    t.setAccessibleDescription("Kolommen: " + ", ".join(koppen) if koppen else "")
    t.horizontalHeader().setAccessibleName(f"Kolomkoppen van {t.accessibleName()}")
    t.verticalHeader().setAccessibleName(f"Rijnummers van {t.accessibleName()}")


def _kop_boven(t: QTableWidget) -> str:
    """De tekst van het label vlak voor de tabel in de layout van zijn ouder (een kop als 'Medebewoners')."""
    from PySide6.QtWidgets import QLabel
    ouder = t.parentWidget()
    if ouder is None:
        return ""
    kinderen = [w for w in ouder.children() if isinstance(w, QWidget)]
    i = kinderen.index(t) if t in kinderen else -1
    vorige = kinderen[i - 1] if i > 0 else None
    return vorige.text().strip() if isinstance(vorige, QLabel) and not vorige.buddy() and vorige.text() else ""


def vul_tabel(t: QTableWidget, koppen: list[str], rijen: list[list[str]], rechts_vanaf: int = 1,
              tekstkolom: int | None = None) -> None:
    """Een alleen-lezen tabel met bedragen rechts uitgelijnd; `tekstkolom` (links, rekt mee, breekt af) voor uitleg."""
    t.clear()
    t.setColumnCount(len(koppen))
    t.setRowCount(len(rijen))
    t.setHorizontalHeaderLabels([kop.replace("/", "/\u2060") for kop in koppen])   # "p/m" breekt niet na de /
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.setFocusPolicy(Qt.FocusPolicy.NoFocus)            # alleen lezen: niet in de tabvolgorde
    t.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
    compact(t, True)
    for r, rij in enumerate(rijen):
        for k, waarde in enumerate(rij):
            item = QTableWidgetItem(waarde)
            if k >= rechts_vanaf and k != tekstkolom:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            t.setItem(r, k, item)
    pas_kolommen(t)
    volg_breedte(t)


def invoertabel(t: QTableWidget, koppen: list[str], rijen: list[tuple[str, object, object]], plaatshouder: str,
                *bij_wijziging) -> list[QLineEdit]:
    """Een tabel met per rij een omschrijving en een invoerveld (netto-inkomen per periode, vermogen per jaar).
    rijen: (omschrijving, waarde, onderdeel van de casus waar het veld bij hoort)."""
    t.clear()
    t.setColumnCount(len(koppen))
    t.setRowCount(len(rijen))
    t.setHorizontalHeaderLabels([kop.replace("/", "/\u2060") for kop in koppen])   # "p/m" breekt niet na de /
    t.setFocusPolicy(Qt.FocusPolicy.NoFocus)            # de velden zelf krijgen de focus, niet de tabel
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    compact(t, False)
    velden = []
    for r, (omschrijving, waarde, eigenaar) in enumerate(rijen):
        t.setItem(r, 0, QTableWidgetItem(omschrijving))
        veld = QLineEdit()
        koppel(veld, eigenaar, koppen[1])
        veld.setPlaceholderText(plaatshouder)
        veld.setAccessibleName(f"{koppen[1]}: {omschrijving}")
        veld.setToolTip(f"{koppen[1]} voor {omschrijving}" + (f" ({plaatshouder})" if plaatshouder else ""))
        zet(veld, waarde)
        for functie in bij_wijziging:
            veld.editingFinished.connect(functie)
        t.setCellWidget(r, 1, veld)
        velden.append(veld)
    tabvolgorde(t, *velden)
    pas_kolommen(t)
    volg_breedte(t)
    return velden


def tabvolgorde(*widgets: QWidget) -> None:
    """Zet de widgets in deze volgorde in de tabketen (nieuwe widgets komen anders achteraan, na de knoppen)."""
    for a, b in zip(widgets, widgets[1:]):
        QWidget.setTabOrder(a, b)
