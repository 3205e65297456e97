"""Benchmark: een paginawissel met herberekening in de wizard (Martin en Hanna, tests/scenarios/martin_hanna_2024.json,
offscreen), als verhouding tot een basis in dezelfde run. Doel (issue 14): < 50 ms per paginawissel. Geen test.

Draai: .venv/bin/python tests/bench/bench_pagina.py [--keer 30]

Gemeten wordt de mediaan over --keer herhalingen van Volgende van stap 4 naar 5, 5 naar 6 en 6 naar 7, en Terug van
7 naar 4, elk inclusief alles wat de wizard bij een wissel doet (schrijven, de casus bewaren in een versleutelde
opslag, rekenen, de pagina vullen, de focus) en het tekenen daarna (processEvents, zodat de pagina echt in beeld staat).
De basis in dezelfde run: een kale QWizard met een QLabel per pagina (dezelfde wissel zonder avdesk) en de kale
aanroep van de rekenkern (`bereken()` op dezelfde casus)."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
CASUS = ROOT / "tests" / "scenarios" / "martin_hanna_2024.json"
DOEL_MS = 50


def ms(tijden: list[float]) -> float:
    return statistics.median(tijden) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keer", type=int, default=30, help="herhalingen (standaard 30)")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizard, QWizardPage

    from avdesk.core.berekening import bereken
    from avdesk.core.casus import casus_naar_dict, lees_casus
    from avdesk.store.opslag import Opslag
    from avdesk.ui.app import maak_app
    from avdesk.ui.wizard import AvWizard

    app = maak_app([])

    def meet(actie) -> float:
        t = time.perf_counter()
        actie()
        app.processEvents()             # tekenen en uitgestelde gebeurtenissen horen bij de wissel
        return time.perf_counter() - t

    # Basis 1: een kale QWizard met twee pagina's met elk een QLabel.
    kaal = QWizard()
    for n in range(2):
        pagina = QWizardPage()
        QVBoxLayout(pagina).addWidget(QLabel(f"pagina {n + 1}"))
        kaal.addPage(pagina)
    kaal.show()
    app.processEvents()

    # Basis 2: de rekenkern zelf, zoals de wizard hem aanroept (streng gelezen kopie van de casus, dan bereken()).
    casus = lees_casus(CASUS.read_bytes())
    casus.aanvraag.route = "tekort"

    with tempfile.TemporaryDirectory(prefix="avdesk-bench-") as tmp:
        opslag = Opslag.open(Path(tmp), "benchmark-wachtwoord")
        try:
            dossier = opslag.nieuw_dossier(casus)
            w = AvWizard(opslag.casus(dossier), opslag, dossier)
            w.show()
            w.hervat(4)
            app.processEvents()
            assert w.currentId() == 4, w.currentId()
            tijden = {naam: [] for naam in ("4 -> 5", "5 -> 6", "6 -> 7", "7 -> 4 (terug)", "kale QWizard",
                                            "bereken()")}
            for _ in range(3):                  # opwarmen: eerste keer laden, lettertypen, caches
                for _ in range(3):
                    w.next()
                while w.currentId() != 4:
                    w.back()
                app.processEvents()
            for _ in range(args.keer):
                # De stappen wisselen elkaar af, zodat ruis op de machine ze alle even hard raakt.
                for naam in ("4 -> 5", "5 -> 6", "6 -> 7"):
                    vorige = w.currentId()
                    tijden[naam].append(meet(w.next))
                    assert w.currentId() == vorige + 1, (vorige, w.currentId(), w.currentPage().melding.text())
                tijden["7 -> 4 (terug)"].append(meet(lambda: [w.back() for _ in range(3)]))
                assert w.currentId() == 4
                tijden["kale QWizard"].append(meet(kaal.next if kaal.currentId() == 0 else kaal.back))
                t = time.perf_counter()
                bereken(lees_casus(casus_naar_dict(w.casus)))
                tijden["bereken()"].append(time.perf_counter() - t)
            w.reject()
        finally:
            opslag.close()
    kaal.close()

    basis, kern = ms(tijden["kale QWizard"]), ms(tijden["bereken()"])
    print(f"Paginawissel in de wizard, Martin en Hanna, mediaan over {args.keer} keer (offscreen)")
    print(f"{'':22} {'mediaan':>10} {'max':>9} {'x kale QWizard':>15} {'x bereken()':>12}")
    for naam, t in tijden.items():
        print(f"{naam:22} {ms(t):7.1f} ms {max(t) * 1000:6.1f} ms {ms(t) / basis:14.1f}x {ms(t) / kern:11.1f}x")
    heen = max(ms(tijden[n]) for n in ("4 -> 5", "5 -> 6", "6 -> 7"))
    print(f"doel: een paginawissel met herberekening < {DOEL_MS} ms; traagste Volgende {heen:.1f} ms: "
          f"{'gehaald' if heen < DOEL_MS else 'NIET gehaald'}")


if __name__ == "__main__":
    main()
