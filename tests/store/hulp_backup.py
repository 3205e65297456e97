"""Hulp voor de tests: een back-up van avdesk openen met zijn wachtwoord, er SQL in uitvoeren (zoals een aanvaller met
de sqlcipher-shell) en hem weer inpakken met dezelfde kop."""

from __future__ import annotations

import json
from pathlib import Path

from avdesk.store.db import dbapi2
from avdesk.store.opslag import BACKUP_KOP, lees_backup
from avdesk.store.sleutel import uitpakken


def bewerk_backup(bron: Path, doel: Path, wachtwoord: str, sql: list[str], kop_wijziging=None) -> None:
    kop, data = lees_backup(bron)
    einde = kop.pop("_einde")
    sleutel = uitpakken(kop["sleutel"], wachtwoord)
    db = doel.with_name(doel.name + ".db-werk")
    db.write_bytes(data[einde + 1:])
    conn = dbapi2.connect(str(db), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{sleutel.hex()}'\"")
    for opdracht in sql:
        conn.execute(opdracht)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    if kop_wijziging:
        kop_wijziging(kop)
    doel.write_bytes(BACKUP_KOP + json.dumps(kop).encode() + b"\n" + db.read_bytes())
    db.unlink()
