"""Hulp voor de wizardpagina's: de focus naar het eerste lege veld, en een pagina die bij een interne fout een
Nederlandse melding toont in plaats van avdesk te laten vallen (een Python-fout in initializePage kan PySide
anders het hele proces laten crashen)."""

from __future__ import annotations

import re
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget


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


_DATUM = re.compile(r"\b(1[89]\d\d|2[01]\d\d)-(0[1-9]|1[0-2])-([0-2]\d|3[01])\b")
_MAAND = re.compile(r"\b(1[89]\d\d|2[01]\d\d)-(0[1-9]|1[0-2])\b")
_PAD = re.compile(r"^([A-Za-z_][\w.\[\]]*): ")
_DEEL = re.compile(r"^([A-Za-z_]\w*)(?:\[(\d+)\])?$")


def leesbare_fout(tekst: str, casus=None) -> str:
    """Een invoerfout van de rekenkern (CasusFout, geschreven voor de JSON: 'jaren[0].perioden[1]: 2024-06 t/m
    2024-12 overlapt ...') zoals de wizard hem toont: het veld in woorden ('toeslagjaar 2024, periode 2') en maanden
    en datums zoals overal in avdesk ('juni 2024', '15-07-1979')."""
    from ..core.geld import MAANDNAMEN
    tekst = _DATUM.sub(lambda m: f"{m[3]}-{m[2]}-{m[1]}", tekst)
    tekst = _MAAND.sub(lambda m: f"{MAANDNAMEN[int(m[2]) - 1]} {m[1]}", tekst)
    pad = _PAD.match(tekst)
    if pad is None:
        return tekst
    delen = []
    for deel in pad[1].split("."):
        m = _DEEL.match(deel)
        if m is None:
            return tekst
        naam, index = m[1], None if m[2] is None else int(m[2])
        if naam == "jaren" and index is not None:
            jaren = getattr(casus, "jaren", [])
            delen.append(f"toeslagjaar {jaren[index].jaar}" if index < len(jaren) else f"jaar {index + 1}")
        elif naam == "perioden" and index is not None:
            delen.append(f"periode {index + 1}")
        elif naam == "medebewoners" and index is not None:
            delen.append(f"medebewoner {index + 1}")
        elif naam != "casus":
            delen.append(naam.replace("_", " ") + ("" if index is None else f" {index + 1}"))
    return f"{', '.join(delen)}: {tekst[pad.end():]}" if delen else tekst[pad.end():]
