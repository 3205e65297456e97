"""core/sjabloonkeuring: core en store laten een gekozen sjabloon keuren door de beschikking zonder haar te importeren;
zonder keurder wordt het sjabloon geweigerd, niet ongekeurd doorgelaten."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_zonder_beschikking_geweigerd_met_beschikking_gekeurd(tmp_path):
    sj = tmp_path / "brief.docx"
    sj.write_bytes(b"geen echte docx")
    code = (f"import sys; from avdesk.core.profielbestand import sjabloonfouten; p = {str(sj)!r}\n"
            "print(sjabloonfouten(p)); print('avdesk.export.beschikking' in sys.modules)\n"
            "import avdesk.export.beschikking\n"
            "print(sjabloonfouten(p))\n")
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    zonder, geladen, met = uit.splitlines()
    assert "niet keuren" in zonder and geladen == "False"
    assert "niet keuren" not in met and "beschikking_sjabloon:" in met
