"""Laadt de Qt Designer-formulieren uit forms/ (op een manier: QUiLoader tijdens het draaien, geen gegenereerde code).

Formulier geeft de benoemde widgets als attributen (f.aanvrager_naam) en verbergt lege uitleg- en foutlabels."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFile, QIODevice, QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QLabel, QWidget

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
        self.widget = lader().load(bestand, ouder)
        bestand.close()
        if self.widget is None:
            raise RuntimeError(f"formulier {naam}.ui is onleesbaar: {lader().errorString()}")
        for label in self.widget.findChildren(QLabel):
            n = label.objectName()
            if n.endswith("_fout") or (n in ("uitleg", "bron") and not label.text()):
                label.hide()

    def __getattr__(self, naam: str):
        kind = self.widget.findChild(QObject, naam)
        if kind is None:
            raise AttributeError(f"{naam} staat niet in het formulier {self.widget.objectName()}")
        return kind

    def heeft(self, naam: str) -> bool:
        return self.widget.findChild(QObject, naam) is not None
