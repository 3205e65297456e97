"""Wat de opslag (opslag.py), zijn delen (dossiers, audit, controle, bewaartermijn, backup, redding) en het terugzetten
van een back-up (terugzetten.py) gebruiken: de kop van een back-upbestand, een auditregel schrijven, dossiers wissen,
resten weghalen, rechten zetten, de melding 'schijf vol', de tijd en de gebruiker, en databasefouten als Nederlandse
melding (_beschadigd).
Een eigen module, zodat de delen opslag.py niet nodig hebben (geen importkring)."""

from __future__ import annotations

import functools
import json
import os
from datetime import datetime
from pathlib import Path

from . import BEZET, OpslagFout, alleen_lezen, bestanden, bezet
from .auditketen import AUDIT_BEGIN, audit_hash
from .auditketen import _gebruiker as _gebruiker
from .db import dbapi2, is_schijf_vol

DBNAAM = "avdesk.db"
BACKUP_KOP = b"AVDESK-BACKUP/1\n"


def schrijf_auditregel(conn, auditsleutel: bytes, gebruiker: str, actie: str, dossier_id: int | None,
                       nu: str) -> None:
    """Een regel achteraan de auditketen (binnen een schrijftransactie). De hash is een HMAC met de auditsleutel; de
    tijd gaat nooit terug (een teruggezette klok geeft de tijd van de laatste regel)."""
    rij = conn.execute("SELECT volgnr, hash, tijd FROM audit ORDER BY volgnr DESC LIMIT 1").fetchone()
    volgnr, vorige, laatste = (rij[0], rij[1], rij[2]) if rij else (0, AUDIT_BEGIN, "")
    volgnr += 1
    tijd = max(nu, laatste)
    conn.execute("INSERT INTO audit (volgnr, tijd, gebruiker, actie, dossier_id, vorige_hash, hash) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?)", (volgnr, tijd, gebruiker, actie, dossier_id, vorige,
                                                  audit_hash(volgnr, tijd, gebruiker, actie, dossier_id, vorige,
                                                             auditsleutel)))


def _wis_dossiers(conn, ids: list[int]) -> None:
    for dossier_id in ids:
        for tabel in ("documenten", "berekeningen", "casus_versies", "dossiers"):
            conn.execute(f"DELETE FROM {tabel} WHERE {'id' if tabel == 'dossiers' else 'dossier_id'} = ?", (dossier_id,))


def _leeg_bestand(conn) -> None:
    """secure_delete heeft de pagina's al overschreven; VACUUM bouwt het bestand opnieuw op (geen vrije pagina's) en
    het checkpoint haalt de WAL leeg, zodat ook daar niets achterblijft."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def schijf_vol(wat: str) -> OpslagFout:
    return OpslagFout(f"De schijf is vol: {wat} Maak ruimte en probeer het opnieuw.", soort="schijf_vol")


def pak_auditsleutel_in(auditsleutel: bytes, backup_sleutel: bytes) -> dict:
    """De auditsleutel in de kop van een back-up, ingepakt met de sleutel van de back-up (die zelf met het
    back-upwachtwoord is ingepakt): zonder dat wachtwoord niet te lezen, en een gewijzigde kop valt op (MAC)."""
    import hashlib
    import hmac
    stroom = hmac.new(backup_sleutel, b"avdesk-auditsleutel/1", hashlib.sha256).digest()
    ingepakt = bytes(a ^ b for a, b in zip(auditsleutel, stroom))
    return {"ingepakt": ingepakt.hex(),
            "mac": hmac.new(backup_sleutel, b"avdesk-auditsleutel-mac/1" + ingepakt, hashlib.sha256).hexdigest()}


def pak_auditsleutel_uit(blok, backup_sleutel: bytes) -> bytes | None:
    """De auditsleutel uit de kop, of None als het blok er niet is of niet klopt."""
    import hashlib
    import hmac
    try:
        ingepakt = bytes.fromhex(blok["ingepakt"])
        if len(ingepakt) != 32:
            return None
        mac = hmac.new(backup_sleutel, b"avdesk-auditsleutel-mac/1" + ingepakt, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(mac, str(blok["mac"])):
            return None
    except (TypeError, KeyError, ValueError):
        return None
    stroom = hmac.new(backup_sleutel, b"avdesk-auditsleutel/1", hashlib.sha256).digest()
    return bytes(a ^ b for a, b in zip(ingepakt, stroom))


def _eigen_rechten(map_: Path) -> None:
    """De gegevensmap 0700 en wat avdesk erin schrijft 0600, expliciet (een eerdere versie volgde de umask)."""
    try:
        if map_.stat().st_uid != os.geteuid():
            return
    except (OSError, AttributeError):
        return
    bestanden.zet_rechten(map_, map_=True)
    for naam in (DBNAAM, DBNAAM + "-wal", DBNAAM + "-shm", "sleutel.json", bestanden.KOPBESTAND,
                 bestanden.VERWIJDERD):
        if (map_ / naam).exists():
            bestanden.zet_rechten(map_ / naam)


def _weg(pad: Path) -> None:
    for staart in ("", "-wal", "-shm", "-journal"):
        pad.with_name(pad.name + staart).unlink(missing_ok=True)


def _schrijf_backup(doel: Path, kop: dict, db: Path) -> None:
    """Kop en database naar doel.nieuw (0600, in stukken: geen tweede kopie in het geheugen), fsync, vervang."""
    tijdelijk = doel.with_name(doel.name + ".nieuw")
    try:
        fd = os.open(tijdelijk, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(fd, "wb") as f, open(db, "rb") as bron:
            f.write(BACKUP_KOP + json.dumps(kop).encode() + b"\n")
            while blok := bron.read(1024 * 1024):
                f.write(blok)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tijdelijk, 0o600)
        os.replace(tijdelijk, doel)
    except BaseException:
        tijdelijk.unlink(missing_ok=True)
        raise


MAX_BACKUP_KOP = 64 * 1024        # de kop is een paar honderd bytes; meer is geen back-up van avdesk


def lees_backup(bron: Path, alleen_kop: bool = False) -> tuple[dict, bytes]:
    """De kop (JSON, niet geheim: formaat, tijd, schema, auditkop, ingepakte sleutel) en de hele inhoud.
    kop["_einde"] is de positie van het einde van de kop."""
    try:
        with open(bron, "rb") as f:
            data = f.read(len(BACKUP_KOP) + MAX_BACKUP_KOP) if alleen_kop else f.read()
    except OSError:
        raise OpslagFout(f"Het back-upbestand {bron} kan niet worden gelezen.") from None
    if not data.startswith(BACKUP_KOP):
        raise OpslagFout(f"{bron} is geen back-up van avdesk.")
    try:
        kop_einde = data.index(b"\n", len(BACKUP_KOP), len(BACKUP_KOP) + MAX_BACKUP_KOP)
        kop = json.loads(data[len(BACKUP_KOP):kop_einde])
        if not isinstance(kop, dict) or not isinstance(kop["sleutel"], dict):
            raise ValueError
    except (ValueError, KeyError, UnicodeDecodeError, RecursionError):
        raise OpslagFout(f"De back-up {bron} is beschadigd (kop onleesbaar).") from None
    kop["_einde"] = kop_einde
    return kop, data


def _nu() -> str:
    return datetime.now().isoformat(timespec="seconds")


SCHADE = ("Het dossierbestand is beschadigd: een deel van de dossiers is misschien niet meer te lezen. Red wat nog "
          "leesbaar is met `avdesk backup --red BESTAND` (die noemt de dossiers die niet te redden zijn) en zet die "
          "back-up daarna terug met `avdesk herstel BESTAND`. Er is niets gewijzigd.")


def _beschadigd(functie):
    """Een databasefout tijdens het werk (beschadigde pagina, schijf vol) wordt een Nederlandse OpslagFout."""
    @functools.wraps(functie)
    def omhulsel(self, *args, **kw):
        try:
            return functie(self, *args, **kw)
        except dbapi2.IntegrityError:
            raise
        except dbapi2.DatabaseError as e:
            if bezet(e):            # een ander avdesk-proces schrijft: de transactie is teruggedraaid, niets kwijt
                raise OpslagFout(BEZET, soort="bezet") from None
            if "readonly" in str(e).lower():
                raise alleen_lezen(self.map or "met de dossiers") from None
            if is_schijf_vol(e, self.map):
                raise schijf_vol("deze wijziging is niet opgeslagen (wat eerder was opgeslagen, blijft zoals het "
                                 "was).") from None
            raise OpslagFout(SCHADE, soort="beschadigd") from None
        except OSError as e:
            if is_schijf_vol(e, self.map):
                raise schijf_vol("deze handeling is niet gelukt; er is niets gewijzigd.") from None
            raise
    return omhulsel
