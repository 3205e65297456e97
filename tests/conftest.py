"""Gedeelde testinstellingen: Qt altijd zonder scherm (anders breekt pytest-qt de hele run af)."""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "tests" / "scenarios"


@pytest.fixture
def scenario():
    from avdesk.core.casus import lees_casus

    def laad(naam: str):
        return lees_casus((SCENARIOS / naam).read_bytes())
    return laad


@pytest.fixture
def avdesk_cli():
    """Draai `python -m avdesk ...` als los proces, zoals een gebruiker dat doet."""
    import subprocess

    def run(*args, invoer: bytes | None = None):
        return subprocess.run([sys.executable, "-m", "avdesk", *map(str, args)], input=invoer,
                              capture_output=True, cwd=ROOT, timeout=60)
    return run
