"""Het echte startpad (`python -m avdesk` zonder opdracht) in elke werkwijze (issue 20, punt 2): het venster start,
blijft draaien tot na de timers van de start (ook de controle op de achtergrond) en stopt met exitcode 0, zonder
interne fout. De werkwijze wordt gezet met `avdesk instellingen`, de weg terug die niet van het venster afhangt."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _start(env: dict) -> subprocess.CompletedProcess:
    # AVDESK_STOP_NA: stop na 2,5 s, dus na de achtergrondcontrole (1,5 s na de start) die de fout gaf.
    return subprocess.run([sys.executable, "-m", "avdesk"], capture_output=True, text=True, timeout=120, cwd=ROOT,
                          env={**env, "QT_QPA_PLATFORM": "offscreen", "AVDESK_STOP_NA": "2500"})


@pytest.mark.parametrize("sleutelbos", [False, True], ids=["wachtwoord", "sleutelbos"])
@pytest.mark.parametrize("werkwijze", ["gemeente", "raadsman"])
@pytest.mark.traag
def test_venster_start_in_elke_werkwijze(tmp_path, avdesk_cli, werkwijze, sleutelbos):
    env = {**os.environ, "AVDESK_DATA": str(tmp_path / "d")}
    if sleutelbos:
        env.update({"PYTHON_KEYRING_BACKEND": "testkeyring.BestandKeyring", "PYTHONPATH": "tests/hulp",
                    "AVDESK_TEST_KEYRING": str(tmp_path / "kr.json")})
    else:
        env["AVDESK_WACHTWOORD"] = "start-test-wachtwoord"
    r = avdesk_cli("instellingen", "werkwijze", werkwijze, env=env)
    assert r.returncode == 0, r.stderr.decode()
    assert avdesk_cli("instellingen", "werkwijze", env=env).stdout.decode().strip().endswith(werkwijze)
    r = _start(env)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "avdesk-klaar" in r.stdout
    assert "Traceback" not in r.stderr and "Interne fout" not in r.stderr, r.stderr[-3000:]
