"""F1: de uitleg bij de pagina waar de raadsman is, met de paragraaf van de handreiking waarop de stap rust.

De teksten staan in resources/hulp.toml (gegevens, geen code); het venster blijft open naast de wizard."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from .. import resources_map
from ..core.periodeberekening import BESTAANSMINIMUM


@cache
def hulpteksten() -> dict[str, dict[str, str]]:
    with (resources_map() / "hulp.toml").open("rb") as f:
        return tomllib.load(f)


# Regels die de rekenkern formuleert: in resources/hulp.toml als {NAAM}, zodat de hulp ze niet in eigen woorden
# herhaalt (issue 23, één plek per regel).
REGELS = {"{BESTAANSMINIMUM}": BESTAANSMINIMUM}


def hulp_html(sleutel: str) -> str:
    h = hulpteksten()[sleutel]
    tekst = h["tekst"]
    for plek, regel in REGELS.items():
        tekst = tekst.replace(plek, regel)
    # Een alinea per blok tussen lege regels; de regels daarbinnen horen bij dezelfde zinnen (issue 22: elke regel
    # werd een alinea en zinnen braken midden door).
    blokken = re.split(r"\n\s*\n", tekst.strip())
    alineas = "".join(f"<p>{escape(' '.join(b.split()), quote=False)}</p>" for b in blokken if b.strip())
    return (f"<h3>{escape(h['titel'], quote=False)}</h3>{alineas}"
            f"<p><i>Handreiking: {escape(h['paragraaf'], quote=False)}</i></p>")


def toon_hulp(ouder, sleutel: str) -> QMessageBox:
    """Een venster dat niet blokkeert (de wizard blijft bruikbaar); Escape of Enter sluit het."""
    vak = QMessageBox(QMessageBox.Icon.Information, hulpteksten()[sleutel]["titel"], hulp_html(sleutel),
                      QMessageBox.StandardButton.Close, ouder)
    vak.setModal(False)
    vak.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)    # weg bij sluiten: geen losse Qt-objecten bij afsluiten
    vak.show()
    return vak
