"""avdesk: compensatie alleenverdienersproblematiek berekenen, vastleggen en aanvragen.

Het pakket is opgedeeld in core (rekenkern, zonder Qt), store (versleutelde opslag), export (PDF's), ui en cli."""

import os
import sys
from pathlib import Path

__version__ = "0.1.0"


def gegevensmap(naam: str) -> Path:
    """De map resources/ of forms/, op de enige plek die dat weet. Drie gevallen:
    - PyInstaller-bundel: naast het programma in sys._MEIPASS (build/avdesk.spec zet ze daar);
    - geïnstalleerd wiel (pip install ., pipx): als pakketgegevens ín het pakket, avdesk/resources en avdesk/forms
      (pyproject.toml koppelt de mappen aan de pakketten avdesk.resources en avdesk.forms);
    - broncheckout of editable install: bovenin de repository, naast de map avdesk/.
    Nooit ten opzichte van de huidige map. Ontbreekt een map, dan meldt wie hem leest dat met InstallatieFout."""
    if bundel := getattr(sys, "_MEIPASS", None):
        return Path(bundel) / naam
    pakket = Path(__file__).resolve().parent
    if (pakket / naam).is_dir():
        return pakket / naam
    return pakket.parent / naam


def resources_map() -> Path:
    """De map resources/ (AVDESK_RESOURCES kiest een andere). Hier en niet in core.params: het venster heeft hem
    bij het starten nodig, de parameters (tomllib) nog niet."""
    if env := os.environ.get("AVDESK_RESOURCES"):
        return Path(env)
    return gegevensmap("resources")


class InstallatieFout(Exception):
    """Een map of bestand van avdesk zelf ontbreekt: de installatie is onvolledig, niet de invoer fout. Zegt dat
    met het pad, in plaats van een lege keuzelijst; de opdrachtregel stopt dan met exitcode 2."""

    def __init__(self, wat: str, pad: Path):
        super().__init__(f"De {wat} van avdesk ontbreken in deze installatie: {pad}")
        self.pad = pad


def installatiemap(naam: str, wat: str) -> Path:
    """resources_map()/naam, of InstallatieFout als die map er niet is."""
    pad = resources_map() / naam
    if not pad.is_dir():
        raise InstallatieFout(wat, pad)
    return pad
