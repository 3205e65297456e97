"""Benchmark van de doelgroepselectielijst: 50.000 BSN's inlezen uit CSV en uit XLSX (lezen, HMAC per BSN en
bewaren in de versleutelde opslag, met de auditregel) en een keer zoeken (met de auditregel).

Draai: .venv/bin/python tests/bench/bench_doelgroeplijst.py
Eisen (issue 17): CSV < 2 s, XLSX < 5 s, een zoekvraag < 10 ms. Het script stopt met exitcode 1 als een eis niet
gehaald wordt. Elke meting is de mediaan van een paar herhalingen, op een nieuwe opslag in een tijdelijke map."""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from avdesk.core.casus import elfproef  # noqa: E402
from avdesk.core.doelgroeplijst import lees_lijst  # noqa: E402
from avdesk.store import lijsten  # noqa: E402
from avdesk.store.opslag import Opslag  # noqa: E402

AANTAL = 50_000
EISEN = {"csv": 2.0, "xlsx": 5.0, "zoek": 0.010}


def bsns(n: int) -> list[str]:
    uit, x = [], 10_000_000            # de eerste tienduizenden met een voorloopnul
    while len(uit) < n:
        s = f"{x:09d}"
        if elfproef(s):
            uit.append(s)
        x += 7
    return uit


def maak_bestanden(map_: Path, lijst: list[str]) -> tuple[Path, Path]:
    csv = map_ / "lijst.csv"
    csv.write_text("BSN;gemeentecode\n" + "".join(f"{b};0547\n" for b in lijst))
    from openpyxl import Workbook
    boek = Workbook(write_only=True)
    blad = boek.create_sheet("Alleenverdieners")
    blad.append(["Gemeentecode", "BSN"])
    for b in lijst:
        blad.append([547, int(b)])          # als getal, zoals Excel het opslaat: voorloopnul kwijt
    xlsx = map_ / "lijst.xlsx"
    boek.save(xlsx)
    return csv, xlsx


def nieuwe_opslag(map_: Path) -> Opslag:
    """Een nieuwe opslag met wachtwoord; het openen (sleutelafleiding) valt buiten de metingen."""
    return Opslag.open(map_, "bench-wachtwoord")


def inlezen(pad: Path, map_: Path, herhaal: int = 3) -> tuple[float, float]:
    """(totaal, alleen het bestand lezen) in seconden, mediaan."""
    totaal, lezen = [], []
    for i in range(herhaal):
        o = nieuwe_opslag(map_ / f"o{pad.suffix}{i}")
        try:
            t0 = time.perf_counter()
            g = lees_lijst(pad)
            t1 = time.perf_counter()
            lijsten.importeer(o, 2025, g.bsns)
            t2 = time.perf_counter()
        finally:
            o.close()
        assert len(g.bsns) == AANTAL and not g.overgeslagen, (len(g.bsns), g.overgeslagen[:3])
        totaal.append(t2 - t0)
        lezen.append(t1 - t0)
    return statistics.median(totaal), statistics.median(lezen)


def zoeken(map_: Path, lijst: list[str]) -> tuple[float, float]:
    o = nieuwe_opslag(map_ / "zoek")
    try:
        lijsten.importeer(o, 2025, lijst)
        tijden = []
        for b in lijst[::2500] + ["111222333"] * 5:
            t0 = time.perf_counter()
            lijsten.zoek(o, 2025, [b])
            tijden.append(time.perf_counter() - t0)
        # Zonder auditregel: alleen het opzoeken (HMAC + index).
        h = lijsten._hasher(o)
        t0 = time.perf_counter()
        for b in lijst[:1000]:
            o.conn.execute("SELECT 1 FROM doelgroeplijst_bsn WHERE jaar = 2025 AND hmac = ?", (h(b),)).fetchone()
        kaal = (time.perf_counter() - t0) / 1000
    finally:
        o.close()
    return statistics.median(tijden), kaal


def main() -> int:
    lijst = bsns(AANTAL)
    with tempfile.TemporaryDirectory() as tmp:
        map_ = Path(tmp)
        csv, xlsx = maak_bestanden(map_, lijst)
        csv_t, csv_lezen = inlezen(csv, map_)
        xlsx_t, xlsx_lezen = inlezen(xlsx, map_)
        zoek_t, kaal = zoeken(map_, lijst)
    def nl(x: float, d: int = 2) -> str:
        return f"{x:.{d}f}".replace(".", ",")
    n = f"{AANTAL:,}".replace(",", ".")
    print(f"CSV  {n} BSN's inlezen en bewaren: {nl(csv_t)} s (lezen {nl(csv_lezen)} s)  eis < {nl(EISEN['csv'], 0)} s")
    print(f"XLSX {n} BSN's inlezen en bewaren: {nl(xlsx_t)} s (lezen {nl(xlsx_lezen)} s)  eis < {nl(EISEN['xlsx'], 0)} s")
    print(f"Een keer zoeken (met auditregel): {nl(zoek_t * 1000)} ms; alleen opzoeken: {nl(kaal * 1000, 3)} ms  "
          f"eis < {nl(EISEN['zoek'] * 1000, 0)} ms")
    gehaald = csv_t < EISEN["csv"] and xlsx_t < EISEN["xlsx"] and zoek_t < EISEN["zoek"]
    print("Alle eisen gehaald." if gehaald else "NIET alle eisen gehaald.")
    return 0 if gehaald else 1


if __name__ == "__main__":
    sys.exit(main())
