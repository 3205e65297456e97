"""Wat `avdesk bereken` bij het starten niet laadt (issue 23: de starttijd). Geen getimede test: de modules die er
ooit uit gehaald zijn, mogen niet terugsluipen (gemeten met tests/bench/bench_bereken.py)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NIET_LADEN = ("typing", "dataclasses", "inspect", "tomllib", "shutil", "PySide6", "reportlab", "sqlite3")

PROBE = """
import contextlib, io, json, sys
from avdesk.cli import main
sys.argv = ["avdesk", "bereken", sys.argv[1]]
with contextlib.redirect_stdout(io.StringIO()):
    try:
        code = main()
    except SystemExit as e:
        code = e.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def test_bereken_laadt_geen_zware_modules(tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    env = {**os.environ, "AVDESK_DATA": str(data)}
    casus = ROOT / "tests" / "scenarios" / "martin_hanna_2024.json"
    for _ in range(2):                 # de tweede keer uit de TOML-cache, zoals bij een gebruiker
        uit = subprocess.run([sys.executable, "-c", PROBE, str(casus)], env=env, capture_output=True, text=True,
                             check=True, cwd=ROOT)
    r = json.loads(uit.stdout)
    assert r["code"] in (0, None)
    geladen = [m for m in NIET_LADEN if m in r["modules"]]
    assert geladen == [], f"avdesk bereken laadt bij het starten {geladen}"
