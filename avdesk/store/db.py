"""De enige weg naar de database: open_database() zet eerst de sleutel, controleert dan pas, en schrijft niets
naar een bestand dat niet met die sleutel te lezen is. Daarna: WAL, secure_delete, schema en migraties.

sqlcipher3 wordt als 'pysqlite3' geregistreerd voordat sqlite_utils geladen wordt, zodat sqlite_utils de
foutklassen van sqlcipher3 opvangt (STACK.md valkuil 2); zonder sleutel maakt deze module nooit een bestand.
sqlite_utils zelf wordt pas geladen bij de eerste schrijfactie (Opslag.db): het kost ~90 ms bij het starten.

De auditketen (de hash van een regel, de triggers, het nalopen en de migraties van schema 2 en 4) staat in
auditketen.py; de namen zijn ook hier nog te halen."""

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
# Heruitvoer (tests en oudere imports halen ze hier); de migratiestappen onder hun oude namen in MIGRATIES.
from .auditketen import (AUDIT_BEGIN as AUDIT_BEGIN, AUDIT_TRIGGER_NAMEN as AUDIT_TRIGGER_NAMEN,  # noqa: E402
                         AUDIT_TRIGGERS as AUDIT_TRIGGERS, AUDIT_TRIGGERS_2 as AUDIT_TRIGGERS_2,
                         audit_hash as audit_hash, auditsleutel_van as auditsleutel_van, keten_fouten as keten_fouten,
                         naar_hashketen as _audit_keten, naar_sleutelketen as _auditsleutel)

SCHEMA_VERSIE = 5


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
