"""avdesk sluit altijd netjes af, ook na een lange sessie: 20 keer het hoofdscherm en de wizard openen (tot en met
de PDF's) en sluiten in een proces, en dan exit 0. De oorzaak van 'Fatal Python error: none_dealloc' (exit 134):
elke Qt-functie die een nullpointer teruggeeft, pakt None in PySide6 6.12 een referentie af (zie
avdesk/ui/pyside_none.py); zonder de omweg valt dit script bij het afsluiten."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import sys, tempfile
from pathlib import Path
from avdesk.core.casus import lees_casus
from avdesk.store.opslag import Opslag
from avdesk.ui.app import maak_app
from avdesk.ui.hoofdscherm import Hoofdscherm
from avdesk.ui.wizard import AFRONDING
app = maak_app([])
tmp = tempfile.mkdtemp()
opslag = Opslag.open(Path(tmp) / "d", "afsluiten-wachtwoord")
c = lees_casus(Path(sys.argv[1]).read_bytes())
c.aanvraag.route = "tekort"
dossier = opslag.nieuw_dossier(c)
from avdesk.store.instellingen import schrijf
schrijf(opslag, {"raadsman_naam": "R. de Vries", "organisatie_naam": "Raadslieden", "raadsman_email": "r@example.nl"})
voor = None
for ronde in range(20):
    scherm = Hoofdscherm(opslag)
    scherm.show()
    w = scherm.open_wizard(dossier)
    w.hervat(AFRONDING if ronde % 2 else 2)
    if ronde % 2:
        w.currentPage().maak_pdfs()
    app.processEvents()
    w.reject()
    scherm.nieuw()
    scherm.wizard.next()
    scherm.wizard.reject()
    scherm.close()
    scherm.deleteLater()
    app.processEvents()
    if ronde == 1:
        voor = sys.getrefcount(None)
print("none-weg", voor - sys.getrefcount(None), flush=True)
opslag.close()
"""


@pytest.mark.traag
def test_twintig_keer_openen_en_sluiten_en_netjes_stoppen(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AVDESK_DATA": str(tmp_path)}
    r = subprocess.run([sys.executable, "-X", "faulthandler", "-c", SCRIPT,
                        str(ROOT / "tests/scenarios/martin_hanna_2024.json")],
                       env=env, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-3000:]
    print("None-referenties die PySide in 18 rondes afpakte:", r.stdout.split("none-weg ")[1].split()[0])


def test_zonder_omweg_valt_python_bij_het_afsluiten():
    """Het bewijs van de oorzaak: 200.000 keer findChild zonder treffer, zonder de omweg, geeft none_dealloc."""
    code = ("import sys\nfrom PySide6.QtCore import QObject\no = QObject()\n"
            "for _ in range(200_000): o.findChild(QObject, 'x')\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    if sys.version_info >= (3, 12):
        assert r.returncode == 0        # None is onsterfelijk
    else:
        assert r.returncode != 0 and "none_dealloc" in r.stderr
        beschermd = subprocess.run([sys.executable, "-c", "from avdesk.ui.pyside_none import bescherm_none\n"
                                    "bescherm_none()\n" + code], capture_output=True, text=True, timeout=120)
        assert beschermd.returncode == 0, beschermd.stderr[-2000:]
