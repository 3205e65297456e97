"""Tabellen in de wizard: alleen-lezen uitkomsten en invoertabellen (een veld per rij).

Beide krijgen compacte rijen (een regel hoog, behalve een uitlegkolom die afbreekt) en precies de hoogte van hun
rijen: de pagina schuift, niet de tabel, en de tabel springt niet van hoogte als de uitkomst opnieuw gevuld wordt.
Een alleen-lezen tabel staat niet in de tabvolgorde (Tab zat er anders in vast); in een invoertabel gaat Tab langs
de velden, van boven naar beneden."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLineEdit, QTableWidget, QTableWidgetItem, QWidget

from .velden import eigenschap, koppel, zet


def pas_hoogte(t: QTableWidget) -> None:
    """De tabel precies zo hoog als kop en rijen samen (zonder eigen schuifbalk)."""
    kop = 0 if t.horizontalHeader().isHidden() else t.horizontalHeader().sizeHint().height()
    hoogte = kop + sum(t.rowHeight(r) for r in range(t.rowCount())) + 2 * t.frameWidth() + 2
    t.setFixedHeight(max(hoogte, kop + 2 * t.frameWidth() + 24))


def compact(t: QTableWidget, afbreken: bool) -> None:
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


def vul_tabel(t: QTableWidget, koppen: list[str], rijen: list[list[str]], rechts_vanaf: int = 1,
              tekstkolom: int | None = None) -> None:
    """Een alleen-lezen tabel met bedragen rechts uitgelijnd; `tekstkolom` (links, rekt mee, breekt af) voor uitleg."""
    t.clear()
    t.setColumnCount(len(koppen))
    t.setRowCount(len(rijen))
    t.setHorizontalHeaderLabels(koppen)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    t.setFocusPolicy(Qt.FocusPolicy.NoFocus)            # alleen lezen: niet in de tabvolgorde
    t.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
    compact(t, tekstkolom is not None)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    if tekstkolom is not None:
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setSectionResizeMode(tekstkolom, QHeaderView.ResizeMode.Stretch)
    for r, rij in enumerate(rijen):
        for k, waarde in enumerate(rij):
            item = QTableWidgetItem(waarde)
            if k >= rechts_vanaf and k != tekstkolom:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            t.setItem(r, k, item)
    if tekstkolom is not None:
        t.resizeRowsToContents()
    pas_hoogte(t)


def invoertabel(t: QTableWidget, koppen: list[str], rijen: list[tuple[str, object, object]], plaatshouder: str,
                *bij_wijziging) -> list[QLineEdit]:
    """Een tabel met per rij een omschrijving en een invoerveld (netto-inkomen per periode, vermogen per jaar).
    rijen: (omschrijving, waarde, onderdeel van de casus waar het veld bij hoort)."""
    t.clear()
    t.setColumnCount(len(koppen))
    t.setRowCount(len(rijen))
    t.setHorizontalHeaderLabels(koppen)
    t.setFocusPolicy(Qt.FocusPolicy.NoFocus)            # de velden zelf krijgen de focus, niet de tabel
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    compact(t, False)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
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
    pas_hoogte(t)
    return velden


def tabvolgorde(*widgets: QWidget) -> None:
    """Zet de widgets in deze volgorde in de tabketen (nieuwe widgets komen anders achteraan, na de knoppen)."""
    for a, b in zip(widgets, widgets[1:]):
        QWidget.setTabOrder(a, b)
