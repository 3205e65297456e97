"""Benchmark van de PDF-export voor een casus over drie jaren (2022 terugvordering, 2023 en 2024 met perioden).

Draai: .venv/bin/python tests/bench/bench_pdf.py
Doel: beide PDF's in minder dan 1 s. Afgedrukt: de eerste keer in een nieuw proces (lettertypen laden, pyHanko
importeren), daarna de mediaan van een warme export, de hele `avdesk pdf`-opdracht als los proces (met de ingebedde
casus en berekening) en `avdesk controleer` van die berekening als los proces."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
CASUS = ROOT / "tests" / "scenarios" / "drie_jaren.json"


def main() -> None:
    t0 = time.perf_counter()
    from avdesk.core.casus import lees_casus
    from avdesk.export.documenten import maak_documenten
    c = lees_casus(CASUS.read_bytes())
    docs = maak_documenten(c)
    koud = time.perf_counter() - t0
    warm = []
    for _ in range(5):
        t = time.perf_counter()
        maak_documenten(c)
        warm.append(time.perf_counter() - t)
    script = Path(sys.executable).with_name("avdesk")
    with tempfile.TemporaryDirectory() as map_:
        t = time.perf_counter()
        subprocess.run([str(script), "pdf", str(CASUS), "--map", map_], check=True, capture_output=True)
        cli = time.perf_counter() - t
        (berekening,) = Path(map_).glob("avdesk-berekening-*.pdf")
        controles = []
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run([str(script), "controleer", str(berekening)], check=True, capture_output=True)
            controles.append(time.perf_counter() - t)
    print(f"drie jaren: aanvraag {len(docs['aanvraag']) // 1024} kB, berekening {len(docs['berekening']) // 1024} kB")
    print(f"eerste export in het proces: {koud * 1000:.0f} ms (incl. imports en lettertypen)")
    print(f"warme export (mediaan van 5): {statistics.median(warm) * 1000:.0f} ms   (doel < 1000 ms)")
    print(f"`avdesk pdf` als los proces (met ingebedde casus en berekening):  {cli * 1000:.0f} ms   (doel < 1000 ms)")
    print(f"`avdesk controleer` als los proces (mediaan van 3): {statistics.median(controles) * 1000:.0f} ms   "
          f"(doel < 1000 ms)")


if __name__ == "__main__":
    main()
