"""Benchmark van de rekenkern en de CLI (geen test: cijfers, geen geslaagd/gezakt).

Draai: .venv/bin/python tests/bench/bench_rekenkern.py
Meet perioderekeningen per seconde en de wandkloktijd van `avdesk bereken` als verhouding tot een kale
`python -I -S -c pass` in dezelfde run, zodat een trage machine de verhouding niet verandert. Zonder -I -S laadt de
test-venv bij elke start de .pth-haken van de editable install en setuptools, en lijkt avdesk sneller dan hij is
(issue 23); tests/bench/bench_bereken.py meet ook tegen een gewone installatie."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from avdesk.core.berekening import bereken_periode  # noqa: E402
from avdesk.core.casus import lees_casus  # noqa: E402
from avdesk.core.params import laad_jaar  # noqa: E402

CASUS = ROOT / "tests" / "scenarios" / "martin_hanna_2024.json"


def perioderekeningen_per_seconde(duur: float = 2.0) -> float:
    c = lees_casus(CASUS.read_bytes())
    j = c.jaren[0]
    p = laad_jaar(j.jaar)
    per = j.perioden[1]
    n, start = 0, time.perf_counter()
    while (verstreken := time.perf_counter() - start) < duur:
        for _ in range(200):
            bereken_periode(c, j, per, per.van, per.tot_en_met, p)
        n += 200
    return n / verstreken


def wandklok(cmd: list[str], keer: int = 15) -> float:
    tijden = []
    for _ in range(keer):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        tijden.append(time.perf_counter() - t)
    return statistics.median(tijden)


def main() -> None:
    # Een gewone installatie heeft bytecode (.pyc); deze machine zet PYTHONDONTWRITEBYTECODE. Compileer dus eerst,
    # anders meet de CLI-tijd vooral de compiler.
    import compileall
    compileall.compile_dir(str(ROOT / "avdesk"), quiet=1)
    snelheid = perioderekeningen_per_seconde()
    print(f"rekenkern: {snelheid:,.0f} perioderekeningen/s (doel >= 20.000)".replace(",", "."))
    script = Path(sys.executable).with_name("avdesk")
    opdracht = [str(script)] if script.exists() else [sys.executable, "-m", "avdesk"]
    kaal = wandklok([sys.executable, "-I", "-S", "-c", "pass"])
    cli = wandklok(opdracht + ["bereken", str(CASUS)])
    cli_json = wandklok(opdracht + ["bereken", str(CASUS), "--json"])
    print(f"python -I -S -c pass: {kaal * 1000:.1f} ms (mediaan van 15)")
    print(f"avdesk bereken: {cli * 1000:.1f} ms = {cli / kaal:.2f}x kale Python (doel <= 3x)")
    print(f"avdesk bereken --json: {cli_json * 1000:.1f} ms = {cli_json / kaal:.2f}x kale Python")


if __name__ == "__main__":
    main()
