"""Wat het lijstvenster en de dossierdialoog van het team Inkomen delen: de focusstijl, de activering na een modale
dialoog en tijdstippen in dd-mm-jjjj (een eigen module, zodat ui/gemeente.py en ui/gemeente_dossier.py elkaar niet
importeren)."""

from __future__ import annotations

from datetime import date

from ..core.geld import datum

FOCUSSTIJL = ("QPushButton:focus, QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus, QSpinBox:focus, "
              "QCheckBox:focus, QTableView:focus, QTableWidget:focus, QTextBrowser:focus, QTabBar::tab:focus "
              "{ outline: 2px solid #1f5fbf; border: 2px solid #1f5fbf; }")


def terug(venster) -> None:
    """Na een modale dialoog weer actief, met de focus waar hij was: niet elke vensterbeheerder (en het offscreen-
    platform geen) geeft het venster daaronder de activering terug. Pas straks, en alleen als er geen andere modale
    dialoog openging (die mag de activering niet kwijtraken)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def straks():
        modaal = QApplication.activeModalWidget()
        if venster.isVisible() and QApplication.activeWindow() is None and modaal in (None, venster):
            venster.activateWindow()
    for ms in (0, 60):
        QTimer.singleShot(ms, venster, straks)


def tijdstip(iso: str) -> str:
    """'2026-12-02T16:33:10' -> '02-12-2026 16:33' (dd-mm-jjjj, zoals overal voor de gebruiker)."""
    try:
        return datum(date.fromisoformat(iso[:10])) + (" " + iso[11:16] if len(iso) >= 16 else "")
    except ValueError:
        return iso
