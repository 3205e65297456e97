"""Benchmark: tijd van `avdesk` starten tot een bruikbare dossierlijst, als verhouding tot een kaal PySide6-venster
in dezelfde run (doel <= 1,5x). Offscreen; het proces stopt zodra het hoofdscherm getoond is (AVDESK_METEN).

Draai: .venv/bin/python tests/bench/bench_ui.py
Twee varianten: sleutel uit de sleutelbos (een testsleutelbos in een bestand) en met wachtwoord (incl. scrypt)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KAAL = ("import sys\nfrom PySide6.QtCore import QTimer\nfrom PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication(sys.argv)\nw = QLabel('kaal venster')\nw.show()\nQTimer.singleShot(0, app.quit)\napp.exec()\n")


def wandklok(cmd, env, keer=9) -> float:
    tijden = []
    for _ in range(keer):
        t = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, capture_output=True)
        tijden.append(time.perf_counter() - t)
    return statistics.median(tijden)


def main() -> None:
    import compileall
    compileall.compile_dir(str(ROOT / "avdesk"), quiet=1)
    script = Path(sys.executable).with_name("avdesk")
    basis = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AVDESK_METEN": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        sleutelbos = {**basis, "AVDESK_DATA": f"{tmp}/kr", "PYTHON_KEYRING_BACKEND": "testkeyring.BestandKeyring",
                      "AVDESK_TEST_KEYRING": f"{tmp}/kr.json", "PYTHONPATH": str(ROOT / "tests" / "hulp")}
        wachtwoord = {**basis, "AVDESK_DATA": f"{tmp}/ww", "AVDESK_WACHTWOORD": "benchmark-wachtwoord"}
        for env in (sleutelbos, wachtwoord):          # eerste start: opslag aanmaken (niet gemeten)
            subprocess.run([str(script), "import", str(ROOT / "tests/scenarios/martin_hanna_2024.json")], env=env,
                           check=True, capture_output=True)
        kaal = wandklok([sys.executable, "-c", KAAL], basis)
        met_sleutelbos = wandklok([str(script)], sleutelbos)
        met_wachtwoord = wandklok([str(script)], wachtwoord)
    print(f"kaal PySide6-venster:           {kaal * 1000:6.0f} ms")
    print(f"avdesk tot dossierlijst (sleutelbos): {met_sleutelbos * 1000:6.0f} ms = {met_sleutelbos / kaal:.2f}x (doel <= 1,5x)")
    print(f"avdesk tot dossierlijst (wachtwoord): {met_wachtwoord * 1000:6.0f} ms = {met_wachtwoord / kaal:.2f}x "
          f"(incl. scrypt-sleutelafleiding)")


if __name__ == "__main__":
    main()
