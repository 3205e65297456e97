"""Gedeelde testinstellingen: Qt altijd zonder scherm (anders breekt pytest-qt de hele run af)."""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Geen test raakt de echte sleutelbos: subprocessen krijgen de 'fail'-backend (tenzij een test zelf een
# testbackend kiest), dit proces een sleutelbos in het geheugen (fixture hieronder).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ.pop("AVDESK_WACHTWOORD", None)
os.environ.pop("AVDESK_DATA", None)
sys.path.insert(0, str(Path(__file__).resolve().parent / "hulp"))

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "tests" / "scenarios"


@pytest.fixture(autouse=True)
def geheugen_keyring():
    import keyring
    from testkeyring import GeheugenKeyring
    oud = keyring.get_keyring()
    kr = GeheugenKeyring()
    keyring.set_keyring(kr)
    yield kr
    keyring.set_keyring(oud)


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

    def run(*args, invoer: bytes | None = None, env: dict | None = None):
        return subprocess.run([sys.executable, "-m", "avdesk", *map(str, args)], input=invoer,
                              capture_output=True, cwd=ROOT, timeout=60, env={**os.environ, **(env or {})})
    return run
