"""De PyInstaller-bundel: bouwen (alleen als de bron veranderd is) en het bevroren programma rooktesten.

CI begint schoon en bouwt dus altijd (ongeveer 20-30 s); lokaal wordt de bundel hergebruikt zolang avdesk/,
resources/, forms/ en de spec niet veranderen."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build"))

import bouw  # noqa: E402
import rooktest  # noqa: E402

pytestmark = pytest.mark.traag          # de bundel bouwen met PyInstaller


@pytest.fixture(scope="module")
def bundel():
    return bouw.bouw_indien_nodig()


@pytest.fixture(scope="module")
def uitslagen(bundel):
    return rooktest.controles(bundel)


NAMEN = ["--version", "bereken gelijk aan de broncode", "foute invoer: exit 2, Nederlands", "versleutelde opslag: import",
         "versleutelde opslag: openen", "versleutelde opslag: geen namen in het bestand",
         "sleutelhaler bereikbaar in de bundel", "versleutelde opslag: fout wachtwoord", "PDF's uit het dossier",
         "doelgroepselectielijst uit XLSX", "ontvang: berekening en aanvraag", "concept beschikking (.docx)",
         "venster start offscreen en sluit netjes",
         "geen tests, caches of screenshots in de bundel", "Nederlandse Qt-vertaling aanwezig"]


@pytest.mark.parametrize("naam", NAMEN)
def test_bevroren_programma(uitslagen, naam):
    (uitslag,) = [u for u in uitslagen if u[0] == naam]
    assert uitslag[1], uitslag[2]


def test_alle_controles_hebben_een_test(uitslagen):
    assert [u[0] for u in uitslagen] == NAMEN
