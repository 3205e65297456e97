"""Hulp voor de wizardpagina's: de focus naar het eerste lege veld, en een pagina die bij een interne fout een
Nederlandse melding toont in plaats van avdesk te laten vallen (een Python-fout in initializePage kan PySide
anders het hele proces laten crashen)."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QWidget


def tabketen(pagina: QWidget) -> list[QWidget]:
    """De widgets van de pagina in tabvolgorde."""
    uit, w = [], pagina.nextInFocusChain()
    for _ in range(10_000):
        if w is None or w is pagina:
            break
        if pagina.isAncestorOf(w):
            uit.append(w)
        w = w.nextInFocusChain()
    return uit


def bereikbaar(w: QWidget, pagina: QWidget) -> bool:
    return (w.isVisibleTo(pagina) and w.isEnabled() and bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus)
            and not (isinstance(w, QLineEdit) and w.isReadOnly()))


def eerste_lege_veld(pagina: QWidget) -> QWidget | None:
    """Het eerste lege invoerveld in tabvolgorde; None als alles al is ingevuld."""
    return next((w for w in tabketen(pagina) if isinstance(w, QLineEdit) and not w.text() and bereikbaar(w, pagina)),
                None)


def eerste_invoer(pagina: QWidget) -> QWidget | None:
    return next((w for w in tabketen(pagina) if isinstance(w, (QLineEdit, QComboBox, QAbstractButton))
                 and bereikbaar(w, pagina)), None)


def geef_focus(w: QWidget | None) -> None:
    if w is not None:
        w.setFocus(Qt.FocusReason.TabFocusReason)       # Tab-reden: een gevuld veld is meteen geselecteerd


def meld_interne_fout(fout: BaseException) -> str:
    """Schrijf de fout zonder persoonsgegevens naar stderr en geef de Nederlandse melding voor de pagina."""
    from ..foutrapport import foutrapport
    rapport = foutrapport(fout)
    sys.stderr.write(f"Interne fout: {rapport}\n")
    return ("Deze stap kon niet helemaal getoond worden door een interne fout. Wat al bewaard was, is niet "
            f"verloren. Meld dit met de volgende regel aan de beheerder: {rapport}")


def bevestig(ouder: QWidget, titel: str, vraag: str) -> bool:
    """Vraag het voor iets dat gegevens weggooit; Nee is de standaard (Enter of Escape gooit niets weg)."""
    from PySide6.QtWidgets import QMessageBox
    knoppen = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    return QMessageBox.question(ouder, titel, vraag, knoppen, QMessageBox.StandardButton.No) == \
        QMessageBox.StandardButton.Yes
