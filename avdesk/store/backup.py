"""Een versleutelde back-up van de hele opslag, met een eigen wachtwoord. Terugzetten: terugzetten.py; redden
uit een beschadigd bestand: redding.py."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from . import OpslagFout, bestanden
from .db import SCHEMA_VERSIE, dbapi2, is_schijf_vol
from .gedeeld import _beschadigd, _nu, _schrijf_backup, _weg, pak_auditsleutel_in, schijf_vol
from .sleutel import inpakken

if TYPE_CHECKING:
    from .opslag import Opslag


def schrijfbare_map(doel: Path) -> None:
    """Een back-up moet in een bestaande map komen waarin avdesk mag schrijven; zeg het anders precies zo."""
    map_ = doel.parent if str(doel.parent) else Path(".")
    if not map_.is_dir():
        raise OpslagFout(f"De map {map_} bestaat niet; kies een bestaande map voor de back-up.")
    if not os.access(map_, os.W_OK):
        raise OpslagFout(f"In de map {map_} kan avdesk niet schrijven (alleen-lezen); kies een andere map.")


@_beschadigd
def maak_backup(o: Opslag, doel: Path, wachtwoord: str) -> None:
    """Een versleutelde kopie van de hele opslag in een bestand, met een eigen sleutel die met het
    back-upwachtwoord is ingepakt: terug te zetten op een andere computer, onleesbaar zonder dat wachtwoord.
    De kop draagt de kop van de auditketen en de auditsleutel (ingepakt), zodat `herstel` de keten nagaat.
    De tijdelijke kopie staat in de gegevensmap (backup.db-tmp); een afgebroken back-up ruimt de volgende start
    op, ook het halve doelbestand (doel.nieuw)."""
    if not wachtwoord:
        raise OpslagFout("Kies een wachtwoord voor de back-up.")
    doel = Path(doel)
    schrijfbare_map(doel)      # eerst: anders zou een onschrijfbaar doel als een beschadigd dossierbestand lijken
    o.controleer()          # geen beschadigde gegevens in een back-up kopieren
    o.controleer_schema()   # en geen SQL van buiten (een trigger die een eerdere versie overnam)
    import secrets
    sleutel = secrets.token_bytes(32)
    werkmap = o.map if o.map is not None else doel.parent
    tijdelijk = werkmap / "backup.db-tmp" if o.map is not None else doel.with_name(doel.name + ".db-tmp")
    volgnr, h = o.audit_kop()      # voor de export: de back-up bevat deze regel dan zeker
    with bestanden.bezig(werkmap):
        if o.map is not None and tijdelijk.exists():
            tijdelijk = werkmap / f"backup-{os.getpid()}.db-tmp"
        _weg(tijdelijk)
        bezig = werkmap / f"{bestanden.BEZIG}{os.getpid()}"
        try:
            if o.map is not None:
                bestanden.schrijf_snel(bezig, str(doel.with_name(doel.name + ".nieuw").resolve()).encode())
            os.close(os.open(tijdelijk, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            o.conn.execute(f"ATTACH DATABASE ? AS backup KEY \"x'{sleutel.hex()}'\"", (str(tijdelijk),))
            try:
                o.conn.execute("SELECT sqlcipher_export('backup')")
                o.conn.execute(f"PRAGMA backup.user_version = {SCHEMA_VERSIE}")
            finally:
                o.conn.execute("DETACH DATABASE backup")
            kop = {"formaat": "avdesk-backup/1", "gemaakt": _nu(), "schema": SCHEMA_VERSIE,
                   "audit": {"volgnr": volgnr, "hash": h}, "sleutel": inpakken(sleutel, wachtwoord),
                   "auditsleutel": pak_auditsleutel_in(o.auditsleutel, sleutel)}
            _schrijf_backup(doel, kop, tijdelijk)
        except (OSError, dbapi2.DatabaseError) as e:
            if is_schijf_vol(e, tijdelijk.parent) or is_schijf_vol(e, doel.parent):
                raise schijf_vol(f"de back-up {doel} is niet gemaakt (er staat geen half bestand). De dossiers "
                                 f"zelf zijn niet gewijzigd.") from None
            if isinstance(e, OSError):
                raise OpslagFout(f"De back-up {doel} kan niet worden geschreven (foutcode {e.errno}); er staat "
                                 f"geen half bestand en de dossiers zijn niet gewijzigd.") from None
            raise
        finally:
            _weg(tijdelijk)
            bezig.unlink(missing_ok=True)
    with o.transactie():
        o.audit("back-up gemaakt")
