"""De auditketen: elke regel van de auditlog draagt de hash van de vorige regel (audit_hash; sinds schema 4 een HMAC
met de auditsleutel, die auditsleutel_van afleidt). Hier staan ook de triggers die de tabel audit alleen-toevoegen
maken (AUDIT_TRIGGERS), het nalopen van een keten (keten_fouten) en de twee migratiestappen van de keten: schema 2
voert hem in (naar_hashketen), schema 4 geeft hem een sleutel (naar_sleutelketen).

Het openen en migreren van de database zelf staat in db.py (MIGRATIES noemt de stappen); deze module opent geen
verbinding, de stappen krijgen die van db.py (of van terugzetten.py, dat de migraties naspeelt)."""

from __future__ import annotations

AUDIT_BEGIN = "0" * 64          # 'vorige hash' van de eerste regel van de auditketen


def audit_hash(volgnr: int, tijd: str, gebruiker: str, actie: str, dossier_id: int | None, vorige: str,
               sleutel: bytes | None = None) -> str:
    """De hash van een auditregel: over alle velden en de hash van de vorige regel (de keten). Met `sleutel` (schema
    4 en later) een HMAC-SHA256: wie de sleutel niet heeft, kan de keten niet opnieuw uitrekenen. Zonder: SHA-256,
    zoals schema 2 en 3 hem maakten (alleen nog om oude ketens na te lopen)."""
    import hashlib
    import json
    velden = json.dumps([volgnr, tijd, gebruiker, actie, dossier_id, vorige], ensure_ascii=False,
                        separators=(",", ":")).encode("utf-8")
    if sleutel is None:
        return hashlib.sha256(velden).hexdigest()
    import hmac
    return hmac.new(sleutel, velden, hashlib.sha256).hexdigest()


def auditsleutel_van(sleutel: bytes) -> bytes:
    """De sleutel van de auditketen, afgeleid van de databasesleutel (bij een nieuwe of omgezette opslag). Hij staat
    daarna in de tabel geheimen en gaat met een back-up mee (ook ingepakt in de kop), zodat de keten na `herstel`
    met dezelfde sleutel na te lopen is."""
    import hashlib
    import hmac
    return hmac.new(sleutel, b"avdesk-auditketen/1", hashlib.sha256).digest()


# Alleen-toevoegen in het bestand zelf, dus voor elke verbinding (ook de sqlcipher-shell): een nieuwe regel moet
# het volgende volgnummer hebben en de hash van de laatste regel dragen. Daardoor kan INSERT OR REPLACE / REPLACE
# INTO geen bestaande regel overschrijven (het volgnummer bestaat al) en kan niemand een regel tussen of voor de
# bestaande zetten. Wijzigen en verwijderen zijn geweigerd. Een regel die buiten SQLite om (of na het weghalen van
# de triggers) is veranderd, vindt `avdesk audit --controleer` aan de hash.
AUDIT_TRIGGERS_2 = [
    "CREATE TRIGGER audit_geen_wijziging BEFORE UPDATE ON audit BEGIN "
    "SELECT RAISE(ABORT, 'audit is alleen-toevoegen'); END",
    "CREATE TRIGGER audit_geen_verwijdering BEFORE DELETE ON audit BEGIN "
    "SELECT RAISE(ABORT, 'audit is alleen-toevoegen'); END",
    "CREATE TRIGGER audit_alleen_achteraan BEFORE INSERT ON audit BEGIN "
    "SELECT RAISE(ABORT, 'audit is alleen-toevoegen: volgnummer bestaat al of sluit niet aan') "
    "WHERE NEW.volgnr IS NOT (SELECT coalesce(max(volgnr), 0) + 1 FROM audit); "
    "SELECT RAISE(ABORT, 'audit is alleen-toevoegen: vorige_hash sluit niet aan op de keten') "
    f"WHERE NEW.vorige_hash IS NOT coalesce((SELECT hash FROM audit ORDER BY volgnr DESC LIMIT 1), '{AUDIT_BEGIN}'); "
    "END",
]

# Schema 4: daarbij mag de tijd niet teruggaan (een regel met een tijd voor die van de laatste regel is geweigerd;
# avdesk schrijft zelf nooit een eerdere tijd dan de laatste, ook niet als de klok is teruggezet).
AUDIT_TRIGGERS = AUDIT_TRIGGERS_2[:2] + [
    "CREATE TRIGGER audit_alleen_achteraan BEFORE INSERT ON audit BEGIN "
    "SELECT RAISE(ABORT, 'audit is alleen-toevoegen: volgnummer bestaat al of sluit niet aan') "
    "WHERE NEW.volgnr IS NOT (SELECT coalesce(max(volgnr), 0) + 1 FROM audit); "
    "SELECT RAISE(ABORT, 'audit is alleen-toevoegen: vorige_hash sluit niet aan op de keten') "
    f"WHERE NEW.vorige_hash IS NOT coalesce((SELECT hash FROM audit ORDER BY volgnr DESC LIMIT 1), '{AUDIT_BEGIN}'); "
    "SELECT RAISE(ABORT, 'audit is alleen-toevoegen: de tijd gaat terug ten opzichte van de laatste regel') "
    "WHERE NEW.tijd < (SELECT tijd FROM audit ORDER BY volgnr DESC LIMIT 1); "
    "END",
]
AUDIT_TRIGGER_NAMEN = ("audit_geen_wijziging", "audit_geen_verwijdering", "audit_alleen_achteraan")


def naar_hashketen(conn) -> None:
    """Schema 1 -> 2: de auditlog krijgt volgnummers en een hashketen. De bestaande regels blijven (op volgorde van
    hun rij-id) en krijgen hun hash nu; een extra regel zegt vanaf wanneer de keten loopt."""
    conn.execute("""CREATE TABLE audit_keten (
        volgnr INTEGER PRIMARY KEY,
        tijd TEXT NOT NULL,
        gebruiker TEXT NOT NULL,
        actie TEXT NOT NULL,
        dossier_id INTEGER,
        vorige_hash TEXT NOT NULL,
        hash TEXT NOT NULL
    )""")
    oud = conn.execute("SELECT tijd, gebruiker, actie, dossier_id FROM audit ORDER BY id").fetchall()
    if oud:
        from datetime import datetime
        import getpass
        try:
            gebruiker = getpass.getuser()
        except Exception:
            gebruiker = "onbekend"
        oud.append((datetime.now().isoformat(timespec="seconds"), gebruiker, "auditlog omgezet naar hashketen", None))
    vorige = AUDIT_BEGIN
    for volgnr, (tijd, gebruiker, actie, dossier_id) in enumerate(oud, start=1):
        h = audit_hash(volgnr, tijd, gebruiker, actie, dossier_id, vorige)
        conn.execute("INSERT INTO audit_keten VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (volgnr, tijd, gebruiker, actie, dossier_id, vorige, h))
        vorige = h
    conn.execute("DROP TABLE audit")                 # haalt ook de oude triggers weg
    conn.execute("ALTER TABLE audit_keten RENAME TO audit")
    for sql in AUDIT_TRIGGERS_2:
        conn.execute(sql)


def keten_fouten(rijen, sleutel: bytes | None) -> list[tuple[int, str]]:
    """Loop een auditketen na (rijen: volgnr, tijd, gebruiker, actie, dossier_id, vorige_hash, hash, op volgnummer).
    Geeft per probleem (volgnummer, zin): ontbrekende regels (ook meerdere achter elkaar), gewijzigde regels, een
    verbroken schakel. Leeg: de keten klopt."""
    fouten: list[tuple[int, str]] = []
    verwacht, vorige = 1, AUDIT_BEGIN
    for volgnr, tijd, gebruiker, actie, dossier_id, vorige_hash, h in rijen:
        if volgnr != verwacht:
            if volgnr > verwacht:
                wat = f"regel {verwacht} ontbreekt" if volgnr == verwacht + 1 else \
                    f"regels {verwacht} t/m {volgnr - 1} ontbreken"
                fouten.append((verwacht, f"{wat} (na regel {verwacht - 1} komt regel {volgnr})"))
            else:
                fouten.append((volgnr, f"regel {volgnr} staat dubbel of op de verkeerde plek"))
        elif vorige_hash != vorige:
            fouten.append((volgnr, f"regel {volgnr} sluit niet aan op regel {volgnr - 1} (keten verbroken)"))
        if audit_hash(volgnr, tijd, gebruiker, actie, dossier_id, vorige_hash, sleutel) != h:
            fouten.append((volgnr, f"regel {volgnr} is gewijzigd (hash klopt niet)"))
        verwacht, vorige = max(verwacht, volgnr + 1), h
    return fouten


def naar_sleutelketen(conn, sleutel: bytes | None) -> None:
    """Schema 4: de auditketen met een sleutel (HMAC) en een tijd die niet teruggaat. De bestaande regels worden
    eerst nagelopen met de oude (sleutelloze) keten en krijgen dan hun HMAC; een regel achteraan zegt vanaf wanneer
    en of de oude keten klopte. Regels worden niet weggelaten of veranderd: alleen hun hash."""
    import secrets
    auditsleutel = auditsleutel_van(sleutel) if sleutel is not None else secrets.token_bytes(32)
    conn.execute("INSERT OR REPLACE INTO geheimen (naam, waarde) VALUES ('auditketen', ?)", (auditsleutel,))
    rijen = conn.execute("SELECT volgnr, tijd, gebruiker, actie, dossier_id, vorige_hash, hash FROM audit "
                         "ORDER BY volgnr").fetchall()
    for naam in ("audit_geen_wijziging", "audit_geen_verwijdering", "audit_alleen_achteraan"):
        conn.execute(f"DROP TRIGGER IF EXISTS {naam}")
    if rijen:
        fouten = keten_fouten(rijen, None)
        conn.execute("DELETE FROM audit")
        vorige = AUDIT_BEGIN
        from datetime import datetime
        laatste_tijd = ""
        for nr, tijd, gebruiker, actie, dossier_id, _, _ in rijen:     # volgnummers blijven (ook een gat)
            h = audit_hash(nr, tijd, gebruiker, actie, dossier_id, vorige, auditsleutel)
            conn.execute("INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?)", (nr, tijd, gebruiker, actie, dossier_id,
                                                                          vorige, h))
            vorige, laatste_tijd = h, max(laatste_tijd, tijd)
        gebruiker = _gebruiker()
        oud = "de oude keten klopte" if not fouten else f"de oude keten klopte niet ({fouten[0][1]})"
        nr = rijen[-1][0] + 1
        tijd = max(datetime.now().isoformat(timespec="seconds"), laatste_tijd)
        actie = f"auditketen met sleutel (HMAC) vanaf hier; {oud}"
        conn.execute("INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (nr, tijd, gebruiker, actie, None, vorige, audit_hash(nr, tijd, gebruiker, actie, None, vorige,
                                                                           auditsleutel)))
    for sql in AUDIT_TRIGGERS:
        conn.execute(sql)


naar_sleutelketen.met_sleutel = True         # krijgt ook de databasesleutel (de auditsleutel wordt ervan afgeleid)


def _gebruiker() -> str:
    """De gebruiker voor de auditlog (de inlognaam; 'onbekend' als het systeem die niet geeft). Hier, zodat ook de
    migratie naar de sleutelketen hem heeft; store/gedeeld voert hem door."""
    import getpass
    try:
        return getpass.getuser()
    except Exception:
        return "onbekend"
