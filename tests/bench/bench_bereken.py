"""Benchmark: de starttijd van `avdesk bereken` als verhouding tot een kale interpreterstart (geen test: cijfers).

Draai: .venv/bin/python tests/bench/bench_bereken.py [--keer 21] [--wiel]

Doel (issue 23): `avdesk bereken tests/scenarios/martin_hanna_2024.json` <= 3x een kale start. De basis in dezelfde
run, om en om gemeten zodat een drukke machine beide even hard raakt:
- standaard: dezelfde interpreter met `-I -S -c pass` (geen site, dus niet de .pth-haken van de editable install en
  setuptools die de test-venv bij elke start laadt), tegen het `avdesk`-script van deze venv;
- met --wiel: een gewone (niet-editable) installatie in een tijdelijke venv (het wiel, met `pip install --no-deps`; bereken heeft
  alleen de standaardbibliotheek nodig), tegen `python -c pass` van die venv. Zo mat de issue (126 tegen 22 ms).
Beide met een eigen gegevensmap (AVDESK_DATA, tijdelijk), zoals een gebruiker die avdesk al eens startte: daar staat de
cache van geparste TOML (core/bestanden.toml); de eerste keer opwarmen vult hem."""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASUS = ROOT / "tests" / "scenarios" / "martin_hanna_2024.json"


def _tijd(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def om_en_om(basis: list[str], opdracht: list[str], keer: int) -> tuple[float, float]:
    """Medianen van `keer` metingen, om en om (na een keer opwarmen: bytecode en schijfcache)."""
    _tijd(basis), _tijd(opdracht)
    b, o = [], []
    for _ in range(keer):
        b.append(_tijd(basis))
        o.append(_tijd(opdracht))
    return statistics.median(b), statistics.median(o)


def regel(naam: str, basis: float, tijd: float) -> str:
    return (f"{naam}: basis {basis * 1000:.1f} ms, avdesk bereken {tijd * 1000:.1f} ms = {tijd / basis:.2f}x "
            f"(doel <= 3x)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keer", type=int, default=21)
    ap.add_argument("--wiel", action="store_true", help="ook tegen een gewone (niet-editable) installatie")
    args = ap.parse_args()
    data = tempfile.TemporaryDirectory()
    os.environ["AVDESK_DATA"] = data.name
    # Een gewone installatie heeft bytecode (.pyc); deze machine zet PYTHONDONTWRITEBYTECODE. Compileer dus eerst,
    # anders meet de starttijd vooral de compiler.
    compileall.compile_dir(str(ROOT / "avdesk"), quiet=1)
    script = Path(sys.executable).with_name("avdesk")
    opdracht = [str(script)] if script.exists() else [sys.executable, "-m", "avdesk"]
    b, o = om_en_om([sys.executable, "-I", "-S", "-c", "pass"], opdracht + ["bereken", str(CASUS)], args.keer)
    print(regel("deze venv tegen python -I -S -c pass", b, o))
    if args.wiel:
        with tempfile.TemporaryDirectory() as tmp:
            venv = Path(tmp) / "venv"
            subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
            py = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
            pip = [sys.executable, "-m", "pip", "-q"]
            subprocess.run(pip + ["wheel", "--no-deps", "--no-build-isolation", "-w", tmp, str(ROOT)], check=True,
                           stdout=subprocess.DEVNULL)
            subprocess.run(pip + ["--python", str(py), "install", "--no-deps", *map(str, Path(tmp).glob("*.whl"))],
                           check=True, stdout=subprocess.DEVNULL)
            subprocess.run([str(py), "-m", "compileall", "-q", str(venv / "lib")], check=True,
                           stdout=subprocess.DEVNULL)
            b, o = om_en_om([str(py), "-c", "pass"], [str(py.with_name("avdesk")), "bereken", str(CASUS)], args.keer)
            print(regel("gewone installatie tegen python -c pass", b, o))


if __name__ == "__main__":
    main()
