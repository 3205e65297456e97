"""Nederlands in het lopende venster: geen maanden als '2024-09' op een pagina van de wizard (alle demo's, alle
stappen van hun route, de afronding ook na het maken van de PDF's) en een Nederlandse mapkiezer."""

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QTableWidget, QWidget

from avdesk.core.casus import lees_casus
from avdesk.ui.wizard import AFRONDING, AvWizard

ROOT = Path(__file__).resolve().parents[2]
ISO = re.compile(r"\b20\d\d-\d\d\b")


def zichtbare_teksten(wortel: QWidget):
    for w in [wortel, *wortel.findChildren(QWidget)]:
        if not w.isVisibleTo(wortel):
            continue
        if isinstance(w, (QLabel, QAbstractButton)):
            yield w.objectName(), w.text()
        if isinstance(w, QTableWidget):
            for r in range(w.rowCount()):
                for k in range(w.columnCount()):
                    if (item := w.item(r, k)) is not None:
                        yield f"{w.objectName()}[{r},{k}]", item.text()


@pytest.mark.parametrize("demo", sorted(p.name for p in (ROOT / "resources/demo").glob("*.json")))
def test_geen_iso_maanden_in_de_wizard(qtbot, app, opslag, demo):
    dossier = opslag.nieuw_dossier(lees_casus((ROOT / "resources/demo" / demo).read_bytes(), concept=True))
    w = AvWizard(opslag.casus(dossier), opslag, dossier)
    qtbot.addWidget(w)
    w.show()
    w.restart()
    iso = []
    while True:
        iso += [(w.currentId(), naam, tekst) for naam, tekst in zichtbare_teksten(w) if ISO.search(tekst)]
        if w.currentId() == AFRONDING:
            break
        vorige = w.currentId()
        w.next()
        assert w.currentId() != vorige, w.currentPage().melding.text()
    w.currentPage().maak_pdfs()
    iso += [("afronding met PDF's", naam, tekst) for naam, tekst in zichtbare_teksten(w) if ISO.search(tekst)]
    assert iso == []


def test_mapkiezer_is_nederlands(qtbot, app, tmp_path):
    """Qt's eigen bestandsdialoog (kies_map op de afronding, de map voor de beschikking): ook 'Zoeken in' en
    'Bestandstype', die qtbase_nl voor Qt 6.12 mist."""
    from avdesk.ui.pdfvoorbeeld import nederlandse_bestandsdialoog
    nederlandse_bestandsdialoog()                       # zoals kies_map doet, vlak voor de dialoog
    d = QFileDialog(None, "Map kiezen", str(tmp_path))
    d.setOption(QFileDialog.Option.DontUseNativeDialog)
    d.setFileMode(QFileDialog.FileMode.Directory)
    qtbot.addWidget(d)
    d.show()
    teksten = {t.replace("&", "") for _, t in zichtbare_teksten(d)}
    assert {"Zoeken in:", "Bestandstype:", "Annuleren"} <= teksten, teksten
    assert not teksten & {"Look in:", "Files of type:", "Cancel", "Choose", "Open"}
