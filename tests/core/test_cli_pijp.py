"""`avdesk bereken ... | head -1`: een lezer die de pijp sluit is geen interne fout. avdesk stopt stil, met 141
(128 + SIGPIPE, zoals de shell meldt voor een programma dat SIGPIPE krijgt), zonder traceback of melding."""

import os
import subprocess
import sys

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CASUS = "tests/scenarios/martin_hanna_2024.json"


def _met_gesloten_pijp(*args: str) -> subprocess.CompletedProcess:
    """Schrijf naar een pijp waarvan de lezer al weg is: de eerste write geeft EPIPE, zonder wedloop."""
    lees, schrijf = os.pipe()
    os.close(lees)
    try:
        return subprocess.run([sys.executable, "-m", "avdesk", *args], stdout=schrijf, stderr=subprocess.PIPE,
                              cwd=ROOT, timeout=60)
    finally:
        os.close(schrijf)


def test_gesloten_pijp_stil_en_141():
    for extra in ((), ("--json",)):
        r = _met_gesloten_pijp("bereken", CASUS, *extra)
        assert r.stderr == b"", r.stderr.decode()
        assert r.returncode == 141


def test_head_krijgt_de_eerste_regel_zonder_ruis():
    r = subprocess.run(f'"{sys.executable}" -m avdesk bereken {CASUS} | head -1', shell=True, capture_output=True,
                       cwd=ROOT, timeout=60)
    assert r.stdout.decode().startswith("avdesk - berekening") and r.stdout.count(b"\n") == 1
    assert r.stderr == b"", r.stderr.decode()
