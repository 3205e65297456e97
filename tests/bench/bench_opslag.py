"""Benchmark van de versleutelde opslag met 10.000 dossiers: openen, eerste pagina van de lijst, zoeken op naam.

Draai: .venv/bin/python tests/bench/bench_opslag.py
Elke handeling ook op een gewoon SQLite-bestand met hetzelfde schema en dezelfde gegevens, in dezelfde run;
afgedrukt als verhouding. Sleutelafleiding telt niet mee (de ruwe sleutel uit de sleutelbos opent direct)."""

from __future__ import annotations

import secrets
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from avdesk.store.db import AUDIT_BEGIN, _migreer, audit_hash, open_database  # noqa: E402
from avdesk.store.opslag import Opslag  # noqa: E402


AANTAL = 10_000
VOORNAMEN = ["Martin", "Hanna", "Irene", "Sergio", "Jerry", "Anton", "Fatima", "Mohamed", "Anna", "Piet", "Noor", "Sem"]


def vul(conn) -> None:
    casus = (ROOT / "tests" / "scenarios" / "martin_hanna_2024.json").read_text()
    conn.execute("BEGIN")
    for i in range(1, AANTAL + 1):
        a, p = VOORNAMEN[i % 12] + f" {i}", VOORNAMEN[(i * 7) % 12] + f" {i}"
        t = f"2025-{(i % 12) + 1:02d}-{(i % 28) + 1:02d}T10:00:{i % 60:02d}"
        conn.execute("INSERT INTO dossiers (id, aanvrager_naam, partner_naam, status, aangemaakt, gewijzigd, zoektekst)"
                     " VALUES (?, ?, ?, 'in behandeling', ?, ?, ?)", (i, a, p, t, t, f"{a} {p}".casefold()))
        conn.execute("INSERT INTO casus_versies (dossier_id, versie, casus, opgeslagen) VALUES (?, 1, ?, ?)",
                     (i, casus, t))
    # De auditketen staat aan: per dossier een regel, zoals avdesk hem schrijft (HMAC met de auditsleutel, schema 4).
    auditsleutel = conn.execute("SELECT waarde FROM geheimen WHERE naam = 'auditketen'").fetchone()[0]
    vorige = AUDIT_BEGIN
    for i in range(1, AANTAL + 1):
        t = f"2025-01-01T{10 + i // 3600:02d}:{(i // 60) % 60:02d}:{i % 60:02d}"   # oplopend, zoals avdesk
        h = audit_hash(i, t, "raadsman", "dossier aangemaakt", i, vorige, auditsleutel)
        conn.execute("INSERT INTO audit (volgnr, tijd, gebruiker, actie, dossier_id, vorige_hash, hash) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?)", (i, t, "raadsman", "dossier aangemaakt", i, vorige, h))
        vorige = h
    conn.execute("COMMIT")


def meet(functie, keer: int = 9) -> float:
    tijden = []
    for _ in range(keer):
        t = time.perf_counter()
        functie()
        tijden.append(time.perf_counter() - t)
    return statistics.median(tijden)


def main() -> None:
    map_ = Path(tempfile.mkdtemp(prefix="avdesk-bench-"))
    sleutel = secrets.token_bytes(32)
    versleuteld, plat = map_ / "avdesk.db", map_ / "plat.db"
    db = open_database(versleuteld, sleutel, maak=True)
    vul(db)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    p = sqlite3.connect(plat, isolation_level=None)
    p.execute("PRAGMA journal_mode = WAL")
    _migreer(p, 0)
    vul(p)
    p.close()

    def open_versleuteld():
        Opslag(open_database(versleuteld, sleutel), map_).conn.close()

    def open_plat():
        # Dezelfde stappen als open_database, zonder PRAGMA key.
        c = sqlite3.connect(plat, isolation_level=None, check_same_thread=False)
        c.execute("SELECT count(*) FROM sqlite_master").fetchone()
        c.execute("PRAGMA user_version").fetchone()
        for pragma in ("journal_mode = WAL", "synchronous = FULL", "secure_delete = ON", "foreign_keys = ON",
                       "temp_store = MEMORY"):
            c.execute(f"PRAGMA {pragma}")
        Opslag(c, map_).conn.close()

    # Dezelfde Opslag-code op beide bestanden: het verschil is alleen de versleuteling.
    o = Opslag(open_database(versleuteld, sleutel), map_)
    g = Opslag(sqlite3.connect(plat, isolation_level=None), map_)
    rijen = [
        ("openen", open_versleuteld, open_plat),
        ("eerste pagina (50)", lambda: o.dossiers(), lambda: g.dossiers()),
        ("zoeken op naam", lambda: o.dossiers("fatima 9"), lambda: g.dossiers("fatima 9")),
        ("volledige controle", o.controleer, lambda: g.conn.execute("PRAGMA quick_check").fetchone()),
        ("auditketen nalopen", o.controleer_audit, g.controleer_audit),
    ]
    print(f"{AANTAL} dossiers, {versleuteld.stat().st_size / 1e6:.1f} MB versleuteld")
    for naam, met_sleutel, zonder in rijen:
        tv, tg = meet(met_sleutel), meet(zonder)
        doel = "   (niet bij openen)" if naam in ("volledige controle", "auditketen nalopen") else \
            "   (doel < 100 ms, <= 1,3x)"
        print(f"{naam:<20} versleuteld {tv * 1000:7.2f} ms   gewoon SQLite {tg * 1000:7.2f} ms   "
              f"verhouding {tv / tg:5.2f}x{doel}")


if __name__ == "__main__":
    main()
