"""Laadt de Qt Designer-formulieren uit forms/ (op een manier: QUiLoader tijdens het draaien, geen gegenereerde code).

Formulier geeft de benoemde widgets als attributen (f.aanvrager_naam) en verbergt lege uitleg- en foutlabels."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFile, QIODevice, QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from .. import InstallatieFout, gegevensmap


def formulieren_map() -> Path:
    """forms/: in de bron, het geïnstalleerde pakket of de bundel (zie avdesk.gegevensmap)."""
    return gegevensmap("forms")


_lader: QUiLoader | None = None


def lader() -> QUiLoader:
    """Een QUiLoader voor alle formulieren, zonder Designer-plugins. De constructor laadt anders elke plugin in
    <bibliotheekpad>/designer, waaronder QtWebEngine en QtQuick (10-20 ms en tientallen MB); avdesk gebruikt
    alleen standaardwidgets. Daarom zijn de bibliotheekpaden even leeg terwijl de lader gemaakt wordt."""
    global _lader
    if _lader is None:
        paden = QCoreApplication.libraryPaths()
        QCoreApplication.setLibraryPaths([])
        try:
            _lader = QUiLoader()
        finally:
            QCoreApplication.setLibraryPaths(paden)
    return _lader


class Formulier:
    """Een geladen .ui-bestand; attributen zoeken het kind-widget met die objectnaam."""

    def __init__(self, naam: str, ouder: QWidget | None = None):
        pad = formulieren_map() / f"{naam}.ui"
        bestand = QFile(str(pad))
        if not bestand.open(QIODevice.OpenModeFlag.ReadOnly):
            raise InstallatieFout("formulieren", pad)
        widget = lader().load(bestand, ouder)
        bestand.close()
        self._widget = widget
        if widget is None:
            raise RuntimeError(f"formulier {naam}.ui is onleesbaar: {lader().errorString()}")
        from shiboken6 import Shiboken
        self._naam, self._adres = naam, Shiboken.getCppPointer(widget)[0]
        for label in self.widget.findChildren(QLabel):
            n = label.objectName()
            if n.endswith("_fout") or (n in ("uitleg", "bron") and not label.text()):
                label.hide()
        geef_tooltips(self.widget)
        from .velden import benoem
        benoem(self.widget)             # namen voor een schermlezer, van de labels (issue 22)

    @property
    def widget(self) -> QWidget:
        """Het geladen widget. PySide6 6.12 verklaart de Python-kant van een door QUiLoader gemaakt widget soms
        ongeldig terwijl het widget zelf nog leeft (gezien na een paginawissel met het toetsenbord: 'Internal C++
        object already deleted'); dan zoeken we het levende widget op zijn adres terug."""
        from shiboken6 import Shiboken
        if not Shiboken.isValid(self._widget):
            levend = next((w for w in QApplication.allWidgets() if Shiboken.getCppPointer(w)[0] == self._adres), None)
            if levend is None:
                raise RuntimeError(f"formulier {self._naam} bestaat niet meer")
            self._widget = levend
        return self._widget

    def __getattr__(self, naam: str):
        if naam.startswith("_"):
            raise AttributeError(naam)
        kind = self.widget.findChild(QObject, naam)
        if kind is None:
            raise AttributeError(f"{naam} staat niet in het formulier {self.widget.objectName()}")
        return kind

    def heeft(self, naam: str) -> bool:
        return self.widget.findChild(QObject, naam) is not None


def geef_tooltips(widget: QWidget) -> None:
    """Elk invoerveld een tooltip: de tekst van zijn label (met het voorbeeld uit het veld), tenzij het formulier er
    zelf een heeft. Zo heeft ook wie met een schermlezer of alleen het toetsenbord werkt bij elk veld uitleg."""
    for label in widget.findChildren(QLabel):
        veld = label.buddy()
        if veld is not None and not veld.toolTip():
            tekst = label.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":")
            voorbeeld = getattr(veld, "placeholderText", lambda: "")()
            veld.setToolTip(tekst + (f" ({voorbeeld})" if voorbeeld else ""))
    from PySide6.QtWidgets import QAbstractButton
    for knop in widget.findChildren(QAbstractButton):
        if not knop.toolTip() and knop.text():
            knop.setToolTip(knop.text().replace("&&", "\0").replace("&", "").replace("\0", "&"))

