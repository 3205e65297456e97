"""avdesk: compensatie alleenverdienersproblematiek berekenen, vastleggen en aanvragen.

Het pakket is opgedeeld in core (rekenkern, zonder Qt), store (versleutelde opslag), export (PDF's), ui en cli."""

import os
import sys
from pathlib import Path

__version__ = "0.1.0"


def resources_map() -> Path:
    """De map resources/: naast het pakket (bron of editable install) of in de PyInstaller-bundel.
    Hier en niet in core.params: het venster heeft hem bij het starten nodig, de parameters (tomllib) nog niet."""
    if env := os.environ.get("AVDESK_RESOURCES"):
        return Path(env)
    if bundel := getattr(sys, "_MEIPASS", None):
        return Path(bundel) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"
