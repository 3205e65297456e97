"""`mypy avdesk/core` is schoon (issue 23), met de instellingen uit [tool.mypy] in pyproject.toml: de rest van avdesk
en alles van derden wordt niet gevolgd, zodat dit ook slaagt waar alleen mypy geinstalleerd is.

Een eigen cachemap per run, zodat een oude cache (of een andere worktree) de uitslag niet bepaalt."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_mypy_core_schoon(tmp_path):
    r = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy-cache"), "avdesk/core"],
                       cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Success: no issues found" in r.stdout


def test_mypy_ziet_een_fout(tmp_path):
    """De test kan falen: een typefout in een kopie van de rekenkern wordt gevonden (met dezelfde instellingen)."""
    fout = tmp_path / "fout.py"
    fout.write_text("from avdesk.core.geld import euro\n\neuro('geen bedrag')\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy-cache"),
                        "--config-file", str(ROOT / "pyproject.toml"), str(fout)],
                       cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert r.returncode == 1, r.stdout + r.stderr
    assert 'incompatible type "str"' in r.stdout
