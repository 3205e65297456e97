"""De versleutelde dossieropslag: openen (sleutel, eerste start), transacties en de auditregel.

Opslag is de façade: wat hij verder kan, staat per verantwoordelijkheid in een eigen module, elk met functies die de
geopende Opslag krijgen, en Opslag biedt ze als methoden aan:
- dossiers.py: dossiers, casusversies, status, de dossierlijst, personen, berekeningen, documenten, instellingen;
- audit.py: de auditsleutel en de kop van de keten (ook in audit-kop.json), de auditlog lezen en nalopen;
- controle.py: de controles (versleuteling en structuur, een schema zonder vreemde objecten);
- bewaartermijn.py: de bewaartermijn (AVG), wissen, ook in bewaarde kopieen, en de inzage-export;
- backup.py en terugzetten.py: een back-up maken en terugzetten; redding.py: redden uit een beschadigd bestand.

Elke opslag is een transactie (autosave kan niets half achterlaten); verwijderen wist ook de vrije pagina's
(secure_delete + VACUUM); de audit bevat nooit namen, BSN's of bedragen."""

from __future__ import annotations

import errno
import functools
import os
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from . import OpslagFout, alleen_lezen, bezet as bezet
from . import audit, backup, bestanden, bewaartermijn, controle, dossiers, redding
# Namen die hier altijd stonden en die lijsten.py, ontvangen.py, de UI en de tests hier ophalen:
from .backup import schrijfbare_map  # noqa: F401
from .bewaartermijn import STANDAARD_BEWAARTERMIJN_MAANDEN, bewaarde_kopieen  # noqa: F401
from .dossiers import STATUSSEN  # noqa: F401
from .gedeeld import (BACKUP_KOP, DBNAAM, MAX_BACKUP_KOP, SCHADE, _beschadigd, _eigen_rechten,  # noqa: F401
                      _gebruiker, _leeg_bestand, _nu, lees_backup, schijf_vol, schrijf_auditregel)
from .auditketen import AUDIT_BEGIN as AUDIT_BEGIN
from .db import dbapi2, is_schijf_vol, open_database, terugdraaien
from .paden import datamap
from .sleutel import Sleutelbeheer

if TYPE_CHECKING:        # de rekenkern (casus, Decimal) pas laden als er een casus gelezen of bewaard wordt:
    from ..core.casus import Casus          # de dossierlijst bij het starten heeft hem niet nodig


MIN_WACHTWOORD = 8          # tekens, zoals het venster vraagt: voor een nieuwe opslag en voor een back-up


def controleer_wachtwoord(wachtwoord: str | None, waarvoor: str) -> None:
    if wachtwoord is not None and len(wachtwoord) < MIN_WACHTWOORD:
        raise OpslagFout(f"Kies {waarvoor} van minstens {MIN_WACHTWOORD} tekens (nu {len(wachtwoord)}). Er is "
                         f"niets gewijzigd.")


def _met_foutafhandeling(cls):
    for naam, waarde in list(vars(cls).items()):
        if callable(waarde) and not naam.startswith("_") and naam not in ("open",):
            setattr(cls, naam, _beschadigd(waarde))
    return cls


@_met_foutafhandeling
class Opslag:
    """Een geopende dossieropslag. Maak hem met Opslag.open(); sluit hem met close() (of als contextmanager)."""

    def __init__(self, conn, map_: Path | None = None):
        self.conn = conn
        self.map = map_
        self._sleutel: bytes | None = None
        self.gebruiker = _gebruiker()
        self._nieuwe_auditregel = False
        # De opdrachtregel zet dit aan: voor de eerste schrijfactie eerst de volledige controle (een opslag met een
        # beschadigde pagina neemt dan niets meer aan). In het venster doet een achtergrondthread die controle.
        self.controleer_voor_schrijven = False
        self._gecontroleerd = False

    @property
    def sleutel(self) -> bytes | None:
        """De sleutel van de database (None voor een opslag die niet met open() geopend is); voor een kopie, de
        achtergrondcontrole en het wisselen van de bewaarplaats van de sleutel (instellingen)."""
        return self._sleutel

    @functools.cached_property
    def db(self):
        """sqlite_utils bij de eerste schrijfactie: lezen (de dossierlijst) gaat rechtstreeks en start sneller."""
        import sqlite_utils                      # na avdesk.store.db: sqlcipher3 is dan al 'pysqlite3'
        return sqlite_utils.Database(self.conn)

    # ------------------------------------------------------------ openen

    @classmethod
    def open(cls, map_: Path | None = None, wachtwoord: str | None = None, *, maak: bool = True,
             sleutel: bytes | None = None, streng: bool = False) -> Opslag:
        """Open de opslag in `map_` (standaard AVDESK_DATA of de gegevensmap). Bij de eerste start wordt de
        database gemaakt en de sleutel bewaard (sleutelbos, of met wachtwoord als dat is opgegeven).
        `sleutel`: al opgehaald en gecontroleerd door de sleutelhaler (sleutelbos of wachtwoord)."""
        map_ = Path(map_) if map_ else datamap()
        if streng and maak and not Sleutelbeheer(map_).bestaat() and not (map_ / DBNAAM).exists():
            controleer_wachtwoord(wachtwoord, "voor de nieuwe dossiers een wachtwoord")
        try:
            opslag = cls._open(map_, wachtwoord, maak, sleutel)
            opslag.controleer_voor_schrijven = streng
            return opslag
        except PermissionError:
            raise alleen_lezen(map_) from None
        except OSError as e:
            import errno
            if e.errno == errno.EROFS:
                raise alleen_lezen(map_) from None
            if e.errno == errno.ENOSPC:
                raise OpslagFout("De schijf is vol: er is niets opgeslagen. Maak ruimte en probeer het opnieuw.") \
                    from None
            if is_schijf_vol(e, map_):
                raise schijf_vol(f"avdesk kan de dossiers in {map_} niet openen of aanmaken. Er is niets "
                                 f"gewijzigd.") from None
            raise OpslagFout(f"De map {map_} kan niet worden gebruikt (foutcode {e.errno}). Er is niets "
                             f"gewijzigd.") from None

    @classmethod
    def _open(cls, map_: Path, wachtwoord: str | None, maak: bool, sleutel: bytes | None) -> Opslag:
        sb = Sleutelbeheer(map_)
        pad, nieuw = map_ / DBNAAM, map_ / (DBNAAM + ".nieuw")
        if map_.is_dir() and not os.access(map_, os.W_OK):
            raise alleen_lezen(map_)          # niet als 'verkeerde sleutel' melden (SQLite kan er de WAL niet maken)
        if not sb.bestaat():
            if pad.exists():
                raise OpslagFout(f"Het sleutelbestand {sb.pad} ontbreekt, terwijl er wel dossiers zijn. Zonder dat "
                                 f"bestand zijn ze niet te openen; zet het terug uit een back-up. Er is niets gewijzigd.")
            if not maak:
                raise OpslagFout(f"Er zijn nog geen dossiers in {map_}.")
            map_bestond = map_.exists()
            map_.mkdir(parents=True, exist_ok=True)
            os.chmod(map_, 0o700)                    # alleen deze gebruiker; SQLite neemt de rechten over voor WAL
            nieuw.unlink(missing_ok=True)           # resten van een eerder afgebroken eerste start
            sleutel = sb.maak(wachtwoord)
            try:
                conn = open_database(nieuw, sleutel, maak=True)
                try:
                    # Alles uit de WAL in het bestand zelf, anders zou avdesk.db zonder zijn -wal verhuizen.
                    if conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] != 0:
                        raise OSError(errno.EIO, "checkpoint")
                    conn.execute("PRAGMA journal_mode = DELETE")
                except dbapi2.Error as e:
                    raise OSError(errno.ENOSPC if is_schijf_vol(e, map_) else errno.EIO, "eerste start") from None
                finally:
                    conn.close()
                os.chmod(nieuw, 0o600)
                os.replace(nieuw, pad)
                opslag = cls._open_bestaand(map_, sb, pad, wachtwoord, sleutel)
            except BaseException:
                # Mislukt (schijf vol): niets half laten staan; de volgende start begint opnieuw.
                for rest in (nieuw, pad):
                    for staart in ("", "-wal", "-shm", "-journal"):
                        rest.with_name(rest.name + staart).unlink(missing_ok=True)
                (map_ / bestanden.KOPBESTAND).unlink(missing_ok=True)
                sb.vergeet()
                if not map_bestond:
                    try:
                        map_.rmdir()
                    except OSError:
                        pass
                raise
            return opslag
        elif not pad.exists() and nieuw.exists():
            os.replace(nieuw, pad)                   # eerste start afgebroken na het bewaren van de sleutel
        return cls._open_bestaand(map_, sb, pad, wachtwoord, sleutel)

    @classmethod
    def _open_bestaand(cls, map_: Path, sb, pad: Path, wachtwoord: str | None, sleutel: bytes | None) -> Opslag:
        sleutel = sb.laad(wachtwoord, opgehaald=sleutel)
        bestanden.ruim_resten(map_)                  # wat een afgebroken back-up, herstel of import liet liggen
        _eigen_rechten(map_)
        opslag = cls(open_database(pad, sleutel), map_)
        opslag._sleutel = sleutel
        try:
            audit.begin_kop(opslag)
        except BaseException:
            opslag.conn.close()
            raise
        return opslag

    @functools.cached_property
    def auditsleutel(self) -> bytes:
        return audit.auditsleutel(self)

    def close(self) -> None:
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except dbapi2.Error:
            pass
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @contextmanager
    def kopie(self, pad: Path):
        """Een bewaarde kopie (avdesk.db.voor-herstel-*) als Opslag, geopend met de sleutel van deze opslag, met
        dezelfde gebruiker voor de auditlog; gesloten na het blok."""
        if self._sleutel is None:
            raise OpslagFout("geen sleutel voor de kopie")
        conn = open_database(pad, self._sleutel)
        try:
            k = Opslag(conn, None)
            k._sleutel, k.gebruiker = self._sleutel, self.gebruiker
            yield k
        finally:
            conn.close()

    @contextmanager
    def transactie(self):
        if self.controleer_voor_schrijven and not self._gecontroleerd:
            self.controleer()               # een beschadigde pagina: niets meer aannemen (SCHADE)
            self._gecontroleerd = True
        self.conn.execute("BEGIN IMMEDIATE")
        self._nieuwe_auditregel = False
        try:
            yield
        except BaseException:
            terugdraaien(self.conn)
            self._nieuwe_auditregel = False
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            terugdraaien(self.conn)
            self._nieuwe_auditregel = False
            raise
        if self._nieuwe_auditregel:
            self._nieuwe_auditregel = False
            audit.bewaar_kop(self)          # de kop ook in audit-kop.json (mislukt dat, dan loopt hij achter)

    def audit(self, actie: str, dossier_id: int | None = None) -> None:
        """Een regel achteraan de auditketen (altijd binnen een schrijftransactie: volgnummers zijn dan uniek). De
        hash is een HMAC met de auditsleutel; de tijd gaat nooit terug (een teruggezette klok geeft de tijd van de
        laatste regel)."""
        schrijf_auditregel(self.conn, self.auditsleutel, self.gebruiker, actie, dossier_id, _nu())
        self._nieuwe_auditregel = True

    # ------------------------------------------------------------ de delen (zie de modules)

    def audit_kop(self) -> tuple[int, str]:
        return audit.audit_kop(self)

    def controleer(self) -> None:
        return controle.controleer(self)

    def controleer_schema(self) -> None:
        return controle.controleer_schema(self)

    def nieuw_dossier(self, casus: Casus | None = None, raadsman: str = "") -> int:
        return dossiers.nieuw_dossier(self, casus, raadsman)

    def bewaar_casus(self, dossier_id: int, casus: Casus, wizard_stap: int | None = None) -> int:
        return dossiers.bewaar_casus(self, dossier_id, casus, wizard_stap)

    def dossier(self, dossier_id: int) -> dict:
        return dossiers.dossier(self, dossier_id)

    def personen(self, dossier_id: int) -> dict:
        return dossiers.personen(self, dossier_id)

    def casus(self, dossier_id: int, versie: int | None = None) -> Casus:
        return dossiers.casus(self, dossier_id, versie)

    def versies(self, dossier_id: int) -> list[dict]:
        return dossiers.versies(self, dossier_id)

    def herstel_versie(self, dossier_id: int, versie: int) -> int:
        return dossiers.herstel_versie(self, dossier_id, versie)

    def zet_status(self, dossier_id: int, status: str) -> None:
        return dossiers.zet_status(self, dossier_id, status)

    def dossiers(self, zoek: str = "", limiet: int = 50, vanaf: int = 0) -> list[dict]:
        return dossiers.dossiers(self, zoek, limiet, vanaf)

    def bewaar_berekening(self, dossier_id: int, casus_versie: int, berekening_json: dict, parameterversie: str) -> int:
        return dossiers.bewaar_berekening(self, dossier_id, casus_versie, berekening_json, parameterversie)

    def bewaar_document(self, dossier_id: int, soort: str, bestandsnaam: str, inhoud: bytes) -> int:
        return dossiers.bewaar_document(self, dossier_id, soort, bestandsnaam, inhoud)

    def bewaar_documenten(self, dossier_id: int, documenten: dict[str, tuple[str, bytes]]) -> dict[str, int]:
        return dossiers.bewaar_documenten(self, dossier_id, documenten)

    def laatste_documenten(self, dossier_id: int) -> dict[str, tuple[str, bytes]]:
        return dossiers.laatste_documenten(self, dossier_id)

    def documenten(self, dossier_id: int) -> list[dict]:
        return dossiers.documenten(self, dossier_id)

    def document(self, document_id: int) -> bytes:
        return dossiers.document(self, document_id)

    def instelling(self, sleutel: str, standaard: str | None = None) -> str | None:
        return dossiers.instelling(self, sleutel, standaard)

    def zet_instelling(self, sleutel: str, waarde: str) -> None:
        return dossiers.zet_instelling(self, sleutel, waarde)

    @property
    def bewaartermijn_maanden(self) -> int:
        return bewaartermijn.bewaartermijn_maanden(self)

    def verlopen_dossiers(self, vandaag: date | None = None, termijn: int | None = None) -> list[dict]:
        return bewaartermijn.verlopen_dossiers(self, vandaag, termijn)

    def verlopen_in_kopieen(self, vandaag: date | None = None) -> list[dict]:
        return bewaartermijn.verlopen_in_kopieen(self, vandaag)

    def verwijder_dossier(self, dossier_id: int) -> dict:
        return bewaartermijn.verwijder_dossier(self, dossier_id)

    def inzage_export(self, dossier_id: int) -> dict:
        return bewaartermijn.inzage_export(self, dossier_id)

    def auditlog(self, limiet: int = 100) -> list[dict]:
        return audit.auditlog(self, limiet)

    def controleer_audit(self, kop: dict | None = None) -> tuple[int, str | None]:
        return audit.controleer_audit(self, kop)

    def audit_problemen(self, kop: dict | None = None) -> list[tuple[int, str]]:
        return audit.audit_problemen(self, kop)

    def red_backup(self, doel: Path, wachtwoord: str) -> dict:
        return redding.red_backup(self, doel, wachtwoord)

    def maak_backup(self, doel: Path, wachtwoord: str) -> None:
        return backup.maak_backup(self, doel, wachtwoord)


def controleer_bestand(pad: Path, sleutel: bytes) -> None:
    """Opslag.controleer() met een eigen verbinding (voor een achtergrondthread: de verbinding van het venster blijft
    vrij). Alleen schade telt hier (OpslagFout, soort "beschadigd"); een andere fout (bezet, map weg) meldt het
    venster zelf als het zover is."""
    try:
        conn = open_database(pad, sleutel)
    except OpslagFout:
        return
    try:
        Opslag(conn, None).controleer()
    except OpslagFout as e:
        if e.soort == "beschadigd":
            raise
    finally:
        conn.close()


def open_uit_omgeving(maak: bool = True) -> Opslag:
    """Voor de CLI en scripts: AVDESK_DATA kiest de map, AVDESK_WACHTWOORD levert het wachtwoord (wachtwoordmodus).
    Een nieuwe opslag vraagt een wachtwoord van minstens 8 tekens (zoals het venster)."""
    return Opslag.open(None, os.environ.get("AVDESK_WACHTWOORD") or None, maak=maak, streng=True)


from .terugzetten import herstel_backup  # noqa: E402,F401  (de naam hoort hier; terugzetten kent opslag niet)

