"""Een proces dat versies schrijft wordt 100 keer op een willekeurig moment met SIGKILL gestopt. Daarna opent de
opslag steeds, is hij intact (integrity_check en cipher_integrity_check) en is elke gecommitte versie er."""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from avdesk.core.casus import lees_casus
from avdesk.store.db import open_database
from avdesk.store.opslag import Opslag

pytestmark = pytest.mark.traag          # honderd keer een schrijvend proces doden

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL bestaat alleen op Unix")
def test_100_keer_sigkill_verliest_niets(tmp_path):
    with Opslag.open(tmp_path, "wachtwoord") as o:
        d = o.nieuw_dossier(lees_casus((ROOT / "tests/scenarios/martin_hanna_2024.json").read_bytes()))
        sleutel = o._sleutel
    env = {**os.environ, "AVDESK_TEST_SLEUTEL": sleutel.hex(),
           "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests" / "hulp")])}
    toeval = random.Random(2026)
    hoogste = 1
    for ronde in range(100):
        p = subprocess.Popen([sys.executable, str(ROOT / "tests/hulp/schrijver.py"), str(tmp_path), str(d)],
                             stdout=subprocess.PIPE, env=env)
        assert p.stdout.readline().strip() == b"klaar"
        time.sleep(toeval.uniform(0.0, 0.08))
        p.send_signal(signal.SIGKILL)
        uit = p.stdout.read().split()
        p.wait()
        gecommit = [int(x) for x in uit if x.isdigit()]
        o = Opslag(open_database(tmp_path / "avdesk.db", sleutel), tmp_path)
        try:
            assert o.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", f"ronde {ronde}"
            assert o.conn.execute("PRAGMA cipher_integrity_check").fetchall() == [], f"ronde {ronde}"
            versies = [v["versie"] for v in o.versies(d)]
            assert versies == list(range(1, len(versies) + 1))         # geen gaten
            assert set(gecommit) <= set(versies), f"ronde {ronde}: gemelde versie ontbreekt"
            assert versies[-1] >= hoogste                               # niets verdwenen dat er al was
            hoogste = versies[-1]
        finally:
            o.conn.close()
    assert hoogste > 100          # er is echt geschreven tussen de kills
