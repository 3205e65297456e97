"""Issue 22.8: geen afgekapte tekst ("januari 2024 t/m jun…", "€ 171,00 per maand…") in de tabellen en labels van
stap 4-7, de Wtrap-stap en de afronding, op 1366x768 bij schaal 1, 1,25 en 1,5. Elke schaal in een eigen proces
(tests/ui/afgekapt_controle.py): per cel de tekst met fontMetrics tegen de breedte en hoogte van de cel."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

CONTROLE = Path(__file__).with_name("afgekapt_controle.py")


@pytest.mark.parametrize("schaal", ["1", "1.25", "1.5"])
def test_geen_afgekapte_cellen_op_een_laptop(schaal):
    r = subprocess.run([sys.executable, str(CONTROLE), "1366x768", schaal], capture_output=True, timeout=300,
                       cwd=CONTROLE.parents[2])
    assert r.returncode == 0, r.stderr.decode()[-2000:]
    fouten = json.loads(r.stdout.decode().strip().splitlines()[-1])
    assert fouten == [], "\n".join(fouten)


def test_de_controle_ziet_een_afgekapte_cel(qtbot, app):
    """De controle zelf: een smalle kolom zonder afbreken is afgekapt, met afbreken en genoeg hoogte niet."""
    sys.path.insert(0, str(CONTROLE.parent))
    from afgekapt_controle import controleer
    from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget
    pagina = QWidget()
    qtbot.addWidget(pagina)
    t = QTableWidget(1, 1)
    QVBoxLayout(pagina).addWidget(t)
    t.setItem(0, 0, QTableWidgetItem("€ 171,00 per maand, september 2024 t/m december 2024"))
    t.setColumnWidth(0, 80)
    pagina.resize(400, 300)
    pagina.show()
    assert any("afgekapt" in f for f in controleer(pagina, "proef"))
    from avdesk.ui.tabellen import pas_kolommen
    pas_kolommen(t)
    assert controleer(pagina, "proef") == []
