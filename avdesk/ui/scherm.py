"""Vensters die op het scherm passen, en de focus die in beeld blijft.

Een laptop van 1366x768, of 1920x1080 op 150% (1280x720 logische pixels), moet elk venster helemaal tonen: de
vensters nemen hooguit de beschikbare ruimte (min de titelbalk), de inhoud schuift binnen de pagina, en de knoppen
blijven staan. Het veld met de focus schuift in beeld, ook na een sneltoets naar een veld onder de rand."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

TITELBALK = 40          # logische pixels voor de titelbalk (en rand) die de vensterbeheerder om het venster zet
RAND = 16


def beschikbaar(venster: QWidget | None = None) -> QRect:
    """De ruimte voor vensters op het scherm van `venster` (zonder taakbalk), in logische pixels."""
    scherm = (venster.screen() if venster is not None else None) or QGuiApplication.primaryScreen()
    return scherm.availableGeometry()


def past(breedte: int, hoogte: int, venster: QWidget | None = None) -> tuple[int, int]:
    """De gewenste grootte, zo nodig kleiner: altijd binnen het scherm, titelbalk meegerekend."""
    g = beschikbaar(venster)
    return min(breedte, g.width() - RAND), min(hoogte, g.height() - TITELBALK)


def pas_in(venster: QWidget, breedte: int, hoogte: int) -> None:
    """Geef het venster de gewenste grootte of, op een klein scherm, de hele beschikbare ruimte; midden op het scherm."""
    b, h = past(breedte, hoogte, venster)
    venster.resize(b, h)
    g = beschikbaar(venster)
    if venster.parentWidget() is None:
        venster.move(g.x() + (g.width() - b) // 2, g.y() + max(0, (g.height() - TITELBALK - h) // 2))


def toon_in_beeld(widget: QWidget) -> None:
    """Schuif elk schuifvlak om het widget heen zo dat het helemaal te zien is (binnenste eerst)."""
    ouder = widget.parentWidget()
    while ouder is not None:
        if isinstance(ouder, QScrollArea) and ouder.widget() is not None and ouder.widget().isAncestorOf(widget):
            ouder.ensureWidgetVisible(widget, 8, 24)
        ouder = ouder.parentWidget()


class _FocusVolger(QObject):
    """Een voor de hele app (kind van de QApplication, dus geen verbinding naar een verdwenen venster)."""

    def bij_focus(self, _oud, nieuw) -> None:
        if isinstance(nieuw, QWidget):
            try:
                toon_in_beeld(nieuw)
            except RuntimeError:        # het widget is net verdwenen
                pass


def volg_focus() -> None:
    """Laat het veld met de focus altijd in beeld schuiven (een keer per app)."""
    app = QApplication.instance()
    if app is None or app.findChild(_FocusVolger, "avdesk_focusvolger") is not None:
        return
    volger = _FocusVolger(app)
    volger.setObjectName("avdesk_focusvolger")
    app.focusChanged.connect(volger.bij_focus)
