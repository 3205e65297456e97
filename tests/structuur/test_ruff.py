"""`ruff check avdesk tests` is schoon, met de regels uit pyproject.toml ([tool.ruff]); zo draait hij mee in het
testcommando van de README (en dus in .ci/run). ruff staat vastgepind in de test-extra's."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def ruff() -> list[str]:
    naast = Path(sys.executable).with_name("ruff")          # de ruff uit dezelfde venv als pytest
    if naast.exists():
        return [str(naast)]
    if gevonden := shutil.which("ruff"):
        return [gevonden]
    pytest.fail("ruff ontbreekt: installeer de test-extra's (pip install -e '.[test]')")


def test_ruff_schoon():
    r = subprocess.run([*ruff(), "check", "--no-cache", "avdesk", "tests"], cwd=ROOT, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr


def test_ruff_vindt_een_fout(tmp_path):
    """Zonder dit zou een ruff die niets controleert (verkeerde map, lege regelset) de test hierboven groen maken."""
    (tmp_path / "fout.py").write_text("import os\n\n\ndef f(x=[]):\n    return x\n")
    r = subprocess.run([*ruff(), "check", "--no-cache", "--config", str(ROOT / "pyproject.toml"), str(tmp_path)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 1 and "F401" in r.stdout and "B006" in r.stdout, r.stdout + r.stderr


def test_geen_isort():
    """Geen regel die alle imports herschikt (I): dat zou het samenvoegen van branches breken."""
    import tomllib
    regels = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["ruff"]["lint"]["select"]
    assert not any(r == "I" or r.startswith("I0") for r in regels)
