"""De enige weg naar de database: open_database() zet eerst de sleutel, controleert dan pas, en schrijft niets
naar een bestand dat niet met die sleutel te lezen is. Daarna: WAL, secure_delete, schema en migraties.

sqlcipher3 wordt als 'pysqlite3' geregistreerd voordat sqlite_utils geladen wordt, zodat sqlite_utils de
foutklassen van sqlcipher3 opvangt (STACK.md valkuil 2); zonder sleutel maakt deze module nooit een bestand.
sqlite_utils zelf wordt pas geladen bij de eerste schrijfactie (Opslag.db): het kost ~90 ms bij het starten."""

from __future__ import annotations

import sys
from pathlib import Path
from collections.abc import Callable

import sqlcipher3
from sqlcipher3 import dbapi2

if "sqlite_utils" in sys.modules and sys.modules["sqlite_utils.utils"].dbapi2 is not dbapi2:
    raise ImportError("sqlite_utils is al geladen met de gewone sqlite3: importeer avdesk.store eerder")
sys.modules["pysqlite3"] = sqlcipher3
sys.modules["pysqlite3.dbapi2"] = dbapi2

from . import BEZET, WACHTTIJD_BEZET, OpslagFout, alleen_lezen, bezet  # noqa: E402

SCHEMA_VERSIE = 5
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


def _audit_keten(conn) -> None:
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


def _auditsleutel(conn, sleutel: bytes | None) -> None:
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
        import getpass
        try:
            gebruiker = getpass.getuser()
        except Exception:
            gebruiker = "onbekend"
        oud = "de oude keten klopte" if not fouten else f"de oude keten klopte niet ({fouten[0][1]})"
        nr = rijen[-1][0] + 1
        tijd = max(datetime.now().isoformat(timespec="seconds"), laatste_tijd)
        actie = f"auditketen met sleutel (HMAC) vanaf hier; {oud}"
        conn.execute("INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (nr, tijd, gebruiker, actie, None, vorige, audit_hash(nr, tijd, gebruiker, actie, None, vorige,
                                                                           auditsleutel)))
    for sql in AUDIT_TRIGGERS:
        conn.execute(sql)


_auditsleutel.met_sleutel = True         # krijgt ook de databasesleutel (de auditsleutel wordt ervan afgeleid)


def _geheim(conn) -> None:
    """Schema 3: de sleutel waarmee de BSN's van de doelgroepselectielijst worden gehasht (HMAC-SHA256). Hij staat
    alleen in dit versleutelde bestand; zonder het bestand (en zijn sleutel) zegt een hash niets."""
    import secrets
    conn.execute("INSERT OR IGNORE INTO geheimen (naam, waarde) VALUES ('doelgroeplijst', ?)", (secrets.token_bytes(32),))


# Migraties per versie: elke stap brengt het schema van versie n-1 naar n, binnen een transactie. Een stap is
# SQL-tekst of een functie die de verbinding krijgt.
MIGRATIES: dict[int, list[str | Callable]] = {
    1: [
        """CREATE TABLE dossiers (
            id INTEGER PRIMARY KEY,
            aanvrager_naam TEXT NOT NULL DEFAULT '',
            partner_naam TEXT NOT NULL DEFAULT '',
            aanvrager_bsn TEXT,
            partner_bsn TEXT,
            status TEXT NOT NULL DEFAULT 'in behandeling',
            raadsman TEXT NOT NULL DEFAULT '',
            wizard_stap INTEGER NOT NULL DEFAULT 0,
            aangemaakt TEXT NOT NULL,
            gewijzigd TEXT NOT NULL,
            zoektekst TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX dossiers_gewijzigd ON dossiers(gewijzigd DESC)",
        """CREATE TABLE casus_versies (
            id INTEGER PRIMARY KEY,
            dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            versie INTEGER NOT NULL,
            casus TEXT NOT NULL,
            opgeslagen TEXT NOT NULL,
            UNIQUE (dossier_id, versie)
        )""",
        """CREATE TABLE berekeningen (
            id INTEGER PRIMARY KEY,
            dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            casus_versie INTEGER NOT NULL,
            berekening TEXT NOT NULL,
            parameterversie TEXT NOT NULL,
            app_versie TEXT NOT NULL,
            gemaakt TEXT NOT NULL
        )""",
        """CREATE TABLE documenten (
            id INTEGER PRIMARY KEY,
            dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            soort TEXT NOT NULL,
            bestandsnaam TEXT NOT NULL,
            inhoud BLOB NOT NULL,
            sha256 TEXT NOT NULL,
            gemaakt TEXT NOT NULL
        )""",
        # Append-only: de audit bevat alleen wie, wanneer, welke handeling en welk dossiernummer.
        """CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            tijd TEXT NOT NULL,
            gebruiker TEXT NOT NULL,
            actie TEXT NOT NULL,
            dossier_id INTEGER
        )""",
        "CREATE TRIGGER audit_geen_wijziging BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is alleen-toevoegen'); END",
        "CREATE TRIGGER audit_geen_verwijdering BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is alleen-toevoegen'); END",
        "CREATE TABLE instellingen (sleutel TEXT PRIMARY KEY, waarde TEXT NOT NULL)",
    ],
    2: [_audit_keten],
    # Het team Inkomen (issue 17): de doelgroepselectielijst per jaar (alleen HMAC's van de BSN's, nooit de BSN's
    # zelf), en ontvangen aanvragen (dossiers van de soort 'ontvangen', met de uitkomst van elke controle).
    3: [
        "CREATE TABLE geheimen (naam TEXT PRIMARY KEY, waarde BLOB NOT NULL)",
        _geheim,
        """CREATE TABLE doelgroeplijsten (
            jaar INTEGER PRIMARY KEY,
            ingelezen TEXT NOT NULL,
            aantal INTEGER NOT NULL,
            bewaren_tot TEXT
        )""",
        """CREATE TABLE doelgroeplijst_bsn (
            jaar INTEGER NOT NULL REFERENCES doelgroeplijsten(jaar) ON DELETE CASCADE,
            hmac BLOB NOT NULL,
            PRIMARY KEY (jaar, hmac)
        ) WITHOUT ROWID""",
        "ALTER TABLE dossiers ADD COLUMN soort TEXT NOT NULL DEFAULT 'eigen'",
        "ALTER TABLE dossiers ADD COLUMN kenmerk TEXT",
        "CREATE INDEX dossiers_kenmerk ON dossiers(kenmerk)",
        """CREATE TABLE ontvangsten (
            id INTEGER PRIMARY KEY,
            dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            casus_versie INTEGER NOT NULL,
            ontvangen TEXT NOT NULL,
            controle_code INTEGER NOT NULL,
            uitkomst TEXT NOT NULL,
            beschikking TEXT NOT NULL DEFAULT ''
        )""",
    ],
    4: [_auditsleutel],
    # Het team Inkomen in bulk (issue 25): vastgelegde besluiten en betaalopdrachten (store/besluiten.py, betalingen.py).
    5: [
        """CREATE TABLE besluiten (
            id INTEGER PRIMARY KEY,
            dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            casus_versie INTEGER NOT NULL,
            vastgelegd TEXT NOT NULL,
            soort TEXT NOT NULL,
            gegevens TEXT NOT NULL
        )""",
        "CREATE TRIGGER besluit_niet_wijzigen BEFORE UPDATE ON besluiten BEGIN "
        "SELECT RAISE(ABORT, 'een vastgelegd besluit wordt niet gewijzigd'); END",
        """CREATE TABLE betaalopdrachten (
            id INTEGER PRIMARY KEY,
            gemaakt TEXT NOT NULL,
            uitvoerdatum TEXT NOT NULL,
            bestand TEXT NOT NULL,
            aantal INTEGER NOT NULL,
            totaal TEXT NOT NULL
        )""",
        """CREATE TABLE betalingen (
            id INTEGER PRIMARY KEY,
            opdracht_id INTEGER NOT NULL REFERENCES betaalopdrachten(id),
            dossier_id INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
            besluit_id INTEGER NOT NULL REFERENCES besluiten(id) ON DELETE CASCADE,
            sleutel TEXT NOT NULL,
            bedrag TEXT NOT NULL,
            datum TEXT NOT NULL,
            UNIQUE (besluit_id, sleutel)
        )""",
    ],
}


def _fout_openen(pad: Path) -> OpslagFout:
    return OpslagFout(f"Het dossierbestand {pad} kan niet worden geopend: de sleutel past niet of het bestand is "
                      f"beschadigd. Er is niets gewijzigd; zet zo nodig een back-up terug.")


def open_database(pad: Path, sleutel: bytes, *, maak: bool = False) -> dbapi2.Connection:
    """Open (of met maak=True: maak) de versleutelde database. De sleutel gaat voor elke andere opdracht."""
    if len(sleutel) != 32:
        raise OpslagFout("De databasesleutel heeft niet de juiste lengte.")
    bestaat = pad.exists()
    if not bestaat and not maak:
        raise OpslagFout(f"Het dossierbestand {pad} ontbreekt. avdesk maakt geen nieuwe lege database over "
                         f"verloren dossiers heen; zet het bestand of een back-up terug.")
    if bestaat and pad.stat().st_size == 0:
        raise OpslagFout(f"Het dossierbestand {pad} is leeg (afgebroken of beschadigd). Er is niets gewijzigd.")
    import os
    if not bestaat:
        # Zelf aanmaken met 0600 (niet de umask): SQLite geeft de -wal en -shm dezelfde rechten als het bestand.
        try:
            os.close(os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            os.chmod(pad, 0o600)
        except FileExistsError:
            pass
        except OSError as e:
            raise _fout_oorzaak(pad, e) from None
    try:
        conn = dbapi2.connect(str(pad), isolation_level=None, check_same_thread=False, timeout=WACHTTIJD_BEZET)
    except dbapi2.Error as e:
        raise _fout_oorzaak(pad, e) from None
    try:
        # SQLCipher schrijft anders zelf Engelse regels ("ERROR CORE ... hmac check failed") op stderr, naast onze
        # Nederlandse melding. De instelling geldt voor het hele proces; hier, voor het eerste lezen.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{sleutel.hex()}'\"")
        # Pas na de sleutel: lezen bewijst dat de sleutel past (SQLCipher controleert de HMAC van elke pagina die
        # gelezen wordt). Een volledige controle (Opslag.controleer) leest alle pagina's: bij 10.000 dossiers
        # ~120 ms, dus niet bij elke start; een beschadigde pagina meldt zich anders bij het eerste lezen.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        versie = conn.execute("PRAGMA user_version").fetchone()[0]
    except dbapi2.Error as e:
        conn.close()
        raise _fout_oorzaak(pad, e) from None
    if versie > SCHEMA_VERSIE:
        conn.close()
        raise OpslagFout(f"Dit dossierbestand is gemaakt met een nieuwere versie van avdesk (schema {versie}; deze "
                         f"versie kent t/m {SCHEMA_VERSIE}). Installeer de nieuwe versie; er is niets gewijzigd.")
    # Geen cipher_memory_security: dat kostte 0,7 ms per keer openen en maakte elke query trager, terwijl de
    # ontsleutelde gegevens toch al als Python-objecten in het geheugen staan. De bescherming is die van het bestand.
    try:
        for pragma in ("journal_mode = WAL", "synchronous = FULL", "secure_delete = ON", "foreign_keys = ON",
                       "temp_store = MEMORY"):
            conn.execute(f"PRAGMA {pragma}")
        _migreer(conn, versie, sleutel)
    except dbapi2.Error as e:
        conn.close()
        raise _fout_oorzaak(pad, e) from None
    return conn


def _fout_oorzaak(pad: Path, fout: Exception) -> OpslagFout:
    """De juiste oorzaak: een ander avdesk-proces schrijft, de map of het bestand is alleen-lezen, of (pas dan)
    een verkeerde sleutel of een beschadigd bestand."""
    import os
    if bezet(fout):
        return OpslagFout(BEZET, soort="bezet")
    tekst = str(fout).lower()
    if not os.access(pad.parent, os.W_OK) or (pad.exists() and not os.access(pad, os.W_OK)) or "readonly" in tekst:
        return alleen_lezen(pad.parent)
    if is_schijf_vol(fout, pad.parent):
        return OpslagFout(f"De schijf is vol: avdesk kan de dossiers in {pad.parent} niet openen of bijwerken. Er "
                          f"is niets gewijzigd en niets verloren; maak ruimte op die schijf en probeer het opnieuw.",
                          soort="schijf_vol")
    return _fout_openen(pad)


def is_schijf_vol(fout: BaseException, map_: Path | None) -> bool:
    """Is deze fout een volle schijf? Een OSError met ENOSPC/EDQUOT, een SQLite-melding 'full', of (SQLite zegt bij
    een volle schijf soms alleen 'disk I/O error' of 'not a database') een proefbestand van 64 kB dat niet past."""
    import errno
    import os
    if isinstance(fout, OSError) and fout.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return True
    tekst = str(fout).lower()
    if "full" in tekst:
        return True
    if map_ is None or not Path(map_).is_dir():
        return False
    proef = Path(map_) / f".avdesk-ruimte-{os.getpid()}"
    try:
        fd = os.open(proef, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, b"\0" * 65536)
            os.fsync(fd)
        finally:
            os.close(fd)
        return False
    except OSError as e:
        return e.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
    finally:
        try:
            proef.unlink()
        except OSError:
            pass


def _migreer(conn, van: int, sleutel: bytes | None = None) -> None:
    for doel in range(van + 1, SCHEMA_VERSIE + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for stap in MIGRATIES[doel]:
                if getattr(stap, "met_sleutel", False):
                    stap(conn, sleutel)
                else:
                    stap(conn) if callable(stap) else conn.execute(stap)
            conn.execute(f"PRAGMA user_version = {doel}")
            conn.execute("COMMIT")
        except BaseException:
            terugdraaien(conn)
            raise


def terugdraaien(conn) -> None:
    """ROLLBACK, maar zonder de echte fout te verbergen: bij een volle schijf heeft SQLite de transactie soms zelf al
    teruggedraaid ('cannot rollback - no transaction is active')."""
    if conn.in_transaction:
        try:
            conn.execute("ROLLBACK")
        except dbapi2.Error:
            pass
