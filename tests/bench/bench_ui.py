"""Benchmark: tijd van `avdesk` starten tot een bruikbare dossierlijst, als verhouding tot een kaal PySide6-venster
in dezelfde run (doel <= 1,5x). Offscreen; het proces stopt zodra het hoofdscherm getoond is (AVDESK_METEN).

Draai: .venv/bin/python tests/bench/bench_ui.py
Met de echte Secret Service (Linux, gnome-keyring): sh tests/bench/echte_sleutelbos.sh
Twee varianten: sleutel uit de sleutelbos (een testsleutelbos in een bestand) en met wachtwoord (incl. scrypt).
Gemeten wordt tot het moment dat het proces zelf meldt dat de lijst staat (eerste ronde van de gebeurtenislus), en
ter controle ook tot het proces weg is."""

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
        "app = QApplication(sys.argv)\nw = QLabel('kaal venster')\nw.show()\n"
        "QTimer.singleShot(0, lambda: (print('avdesk-klaar', repr(__import__('time').time()), flush=True), app.quit()))\n"
        "app.exec()\n")


def wandklok(varianten: dict, keer=25) -> tuple[dict, dict]:
    """Mediaan per variant van (starten tot het venster bruikbaar is, starten tot het proces weg is). De varianten
    wisselen elkaar af, zodat ruis op de machine ze alle even hard raakt. 'Bruikbaar' meldt het proces zelf (de
    wandklok in de eerste ronde van de gebeurtenislus, na show())."""
    klaar = {naam: [] for naam in varianten}
    einde = {naam: [] for naam in varianten}
    for _ in range(keer):
        for naam, (cmd, env) in varianten.items():
            t = time.time()
            r = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True)
            einde[naam].append(time.time() - t)
            klaar[naam].append(float(r.stdout.split("avdesk-klaar ")[1].split()[0]) - t)
    return ({naam: statistics.median(t) for naam, t in klaar.items()},
            {naam: statistics.median(t) for naam, t in einde.items()})


def main() -> None:
    import compileall
    compileall.compile_dir(str(ROOT / "avdesk"), quiet=1)
    script = Path(sys.executable).with_name("avdesk")
    basis = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AVDESK_METEN": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        if "--echte-sleutelbos" in sys.argv:      # de sleutelbos van het systeem (zie echte_sleutelbos.sh)
            sleutelbos = {k: v for k, v in basis.items() if k != "PYTHON_KEYRING_BACKEND"} | {"AVDESK_DATA": f"{tmp}/kr"}
        else:                                     # een testsleutelbos in een bestand: op elke machine
            sleutelbos = {**basis, "AVDESK_DATA": f"{tmp}/kr", "PYTHON_KEYRING_BACKEND": "testkeyring.BestandKeyring",
                          "AVDESK_TEST_KEYRING": f"{tmp}/kr.json", "PYTHONPATH": str(ROOT / "tests" / "hulp")}
        wachtwoord = {**basis, "AVDESK_DATA": f"{tmp}/ww", "AVDESK_WACHTWOORD": "benchmark-wachtwoord"}
        for env in (sleutelbos, wachtwoord):          # eerste start: opslag aanmaken (niet gemeten)
            subprocess.run([str(script), "import", str(ROOT / "tests/scenarios/martin_hanna_2024.json")], env=env,
                           check=True, capture_output=True)
        klaar, einde = wandklok({"kaal": ([sys.executable, "-c", KAAL], basis), "sleutelbos": ([str(script)], sleutelbos),
                                 "wachtwoord": ([str(script)], wachtwoord)})
    print(f"{'':38} {'bruikbaar':>12} {'proces weg':>12}")
    for naam, tekst in (("kaal", "kaal PySide6-venster"), ("sleutelbos", "avdesk tot dossierlijst (sleutelbos)"),
                        ("wachtwoord", "avdesk tot dossierlijst (wachtwoord)")):
        print(f"{tekst:38} {klaar[naam] * 1000:6.0f} ms {klaar[naam] / klaar['kaal']:4.2f}x "
              f"{einde[naam] * 1000:6.0f} ms {einde[naam] / einde['kaal']:4.2f}x")
    print("doel: <= 1,5x het kale venster (bruikbaar). Sleutelbos: keyring in een tweede proces; wachtwoord uit "
          "AVDESK_WACHTWOORD: scrypt (~0,1 s) in een thread, beide terwijl Qt laadt")


if __name__ == "__main__":
    main()
