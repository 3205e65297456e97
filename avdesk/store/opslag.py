"""Dossiers, casusversies, berekeningen, documenten, audit en instellingen in de versleutelde database.

Elke opslag is een transactie (autosave kan niets half achterlaten); verwijderen wist ook de vrije pagina's
(secure_delete + VACUUM); de audit bevat nooit namen, BSN's of bedragen."""

from __future__ import annotations

import errno
import functools
import json
import os
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from . import BEZET, OpslagFout, alleen_lezen, bezet
from . import bestanden
from .gedeeld import (BACKUP_KOP, DBNAAM, MAX_BACKUP_KOP, _eigen_rechten, _leeg_bestand, _schrijf_backup,  # noqa: F401
                      _weg, _wis_dossiers, lees_backup, pak_auditsleutel_in, pak_auditsleutel_uit, schijf_vol,
                      schrijf_auditregel)
from .db import (AUDIT_BEGIN, AUDIT_TRIGGER_NAMEN, AUDIT_TRIGGERS, SCHEMA_VERSIE, dbapi2, is_schijf_vol,
                 keten_fouten, open_database, terugdraaien)
from .paden import datamap
from .sleutel import Sleutelbeheer, inpakken

if TYPE_CHECKING:        # de rekenkern (casus, Decimal) pas laden als er een casus gelezen of bewaard wordt:
    from ..core.casus import Casus          # de dossierlijst bij het starten heeft hem niet nodig

STATUSSEN = ("in behandeling", "aanvraag klaar", "afgerond")
STANDAARD_BEWAARTERMIJN_MAANDEN = 24


def bewaarde_kopieen(map_: Path) -> list[Path]:
    """De kopieen van de dossiers die avdesk in de gegevensmap bewaart: avdesk.db.voor-herstel-<tijd> (de opslag
    zoals hij was voor een `herstel`), oudste eerst. Hun -wal en -shm horen erbij."""
    try:
        return sorted(p for p in Path(map_).glob(DBNAAM + ".voor-herstel-*")
                      if not p.name.endswith(("-wal", "-shm")) and p.is_file())
    except OSError:
        return []


def _nu() -> str:
    return datetime.now().isoformat(timespec="seconds")


MIN_WACHTWOORD = 8          # tekens, zoals het venster vraagt: voor een nieuwe opslag en voor een back-up


def controleer_wachtwoord(wachtwoord: str | None, waarvoor: str) -> None:
    if wachtwoord is not None and len(wachtwoord) < MIN_WACHTWOORD:
        raise OpslagFout(f"Kies {waarvoor} van minstens {MIN_WACHTWOORD} tekens (nu {len(wachtwoord)}). Er is "
                         f"niets gewijzigd.")


def _gebruiker() -> str:
    import getpass
    try:
        return getpass.getuser()
    except Exception:
        return "onbekend"


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


def _met_foutafhandeling(cls):
    for naam, waarde in list(vars(cls).items()):
        if callable(waarde) and not naam.startswith("_") and naam not in ("open",):
            setattr(cls, naam, _beschadigd(waarde))
    return cls


def schrijfbare_map(doel: Path) -> None:
    """Een back-up moet in een bestaande map komen waarin avdesk mag schrijven; zeg het anders precies zo."""
    map_ = doel.parent if str(doel.parent) else Path(".")
    if not map_.is_dir():
        raise OpslagFout(f"De map {map_} bestaat niet; kies een bestaande map voor de back-up.")
    if not os.access(map_, os.W_OK):
        raise OpslagFout(f"In de map {map_} kan avdesk niet schrijven (alleen-lezen); kies een andere map.")


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

    @functools.cached_property
    def db(self):
        """sqlite_utils bij de eerste schrijfactie: lezen (de dossierlijst) gaat rechtstreeks en start sneller."""
        import sqlite_utils                      # na avdesk.store.db: sqlcipher3 is dan al 'pysqlite3'
        return sqlite_utils.Database(self.conn)

    # ------------------------------------------------------------ openen

    @classmethod
    def open(cls, map_: Path | None = None, wachtwoord: str | None = None, *, maak: bool = True,
             sleutel: bytes | None = None, streng: bool = False) -> "Opslag":
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
    def _open(cls, map_: Path, wachtwoord: str | None, maak: bool, sleutel: bytes | None) -> "Opslag":
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
    def _open_bestaand(cls, map_: Path, sb, pad: Path, wachtwoord: str | None, sleutel: bytes | None) -> "Opslag":
        sleutel = sb.laad(wachtwoord, opgehaald=sleutel)
        bestanden.ruim_resten(map_)                  # wat een afgebroken back-up, herstel of import liet liggen
        _eigen_rechten(map_)
        opslag = cls(open_database(pad, sleutel), map_)
        opslag._sleutel = sleutel
        try:
            opslag._begin_kop()
        except BaseException:
            opslag.conn.close()
            raise
        return opslag

    def _begin_kop(self) -> None:
        """Een opslag zonder audit-kop.json krijgt er een als hij net is gemaakt of omgezet (lege log, of de laatste
        regel is de omzetting naar de sleutelketen). Anders ontbreekt hij: dat meldt `audit --controleer`."""
        if self.map is None or (self.map / bestanden.KOPBESTAND).exists():
            return
        rij = self.conn.execute("SELECT volgnr, hash, actie FROM audit ORDER BY volgnr DESC LIMIT 1").fetchone()
        if rij is None:
            bestanden.schrijf_kop(self.map, self.auditsleutel, 0, AUDIT_BEGIN)
        elif rij[2].startswith("auditketen met sleutel"):
            bestanden.schrijf_kop(self.map, self.auditsleutel, rij[0], rij[1])

    @functools.cached_property
    def auditsleutel(self) -> bytes:
        rij = self.conn.execute("SELECT waarde FROM geheimen WHERE naam = 'auditketen'").fetchone()
        if rij is None or not isinstance(rij[0], bytes) or len(rij[0]) != 32:
            raise OpslagFout("De sleutel van de auditketen ontbreekt in het dossierbestand: het is beschadigd of "
                             "buiten avdesk om veranderd. " + SCHADE.split(". ", 1)[1], soort="beschadigd")
        return rij[0]

    def controleer(self) -> None:
        """Lees elke pagina en controleer de versleuteling (cipher_integrity_check: de HMAC van elke pagina) en de
        structuur (quick_check). Bij 10.000 dossiers ~0,1 s: niet op het startpad, wel in de achtergrond (venster)
        en voor een back-up. Een beschadigde pagina geeft OpslagFout(SCHADE, soort="beschadigd")."""
        self.conn.execute("PRAGMA cipher_log_level = NONE")
        try:
            fouten = self.conn.execute("PRAGMA cipher_integrity_check").fetchall()
            ok = not fouten and self.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        except dbapi2.DatabaseError as e:
            if bezet(e):
                raise
            ok = False
        if not ok:
            raise OpslagFout(SCHADE, soort="beschadigd")

    def controleer_schema(self) -> None:
        """Staat er in het bestand iets wat avdesk zelf niet maakt (een trigger, view, tabel of index, bijvoorbeeld
        uit een back-up die een eerdere versie terugzette)? Dan weigert dit, met de namen en de uitweg."""
        from .terugzetten import vreemde_objecten
        versie = self.conn.execute("PRAGMA user_version").fetchone()[0]
        vreemd = vreemde_objecten(self.conn, versie)
        if vreemd:
            raise OpslagFout(f"Het dossierbestand bevat wat avdesk zelf niet maakt: {'; '.join(vreemd[:10])}. Dat kan "
                             f"gegevens ongemerkt veranderen of kopieren. Maak een back-up met `avdesk backup --red "
                             f"BESTAND` (die neemt alleen de gegevens van avdesk mee) en zet die terug met `avdesk "
                             f"herstel BESTAND`. Er is niets gewijzigd.", soort="vreemd")

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
            self._bewaar_kop()

    def _bewaar_kop(self) -> None:
        """De kop van de auditketen ook buiten de database (audit-kop.json naast de sleutel). Mislukt dat (schijf
        vol), dan staat de wijziging al veilig in de database; de kop loopt dan achter (dat is geen fout)."""
        if self.map is None or not (self.map / bestanden.KOPBESTAND).exists():
            return                          # ontbreekt hij, dan blijft dat zichtbaar voor `audit --controleer`
        try:
            bestanden.schrijf_kop(self.map, self.auditsleutel, *self.audit_kop())
        except OSError:
            pass

    def audit(self, actie: str, dossier_id: int | None = None) -> None:
        """Een regel achteraan de auditketen (altijd binnen een schrijftransactie: volgnummers zijn dan uniek). De
        hash is een HMAC met de auditsleutel; de tijd gaat nooit terug (een teruggezette klok geeft de tijd van de
        laatste regel)."""
        schrijf_auditregel(self.conn, self.auditsleutel, self.gebruiker, actie, dossier_id, _nu())
        self._nieuwe_auditregel = True

    _audit = audit          # de oude naam (lijsten.py, ontvangen.py)

    def audit_kop(self) -> tuple[int, str]:
        """(volgnummer, hash) van de laatste auditregel; (0, AUDIT_BEGIN) bij een lege log."""
        rij = self.conn.execute("SELECT volgnr, hash FROM audit ORDER BY volgnr DESC LIMIT 1").fetchone()
        return (rij[0], rij[1]) if rij else (0, AUDIT_BEGIN)

    # ------------------------------------------------------------ dossiers en versies

    def nieuw_dossier(self, casus: Casus | None = None, raadsman: str = "") -> int:
        with self.transactie():
            nu = _nu()
            dossier_id = self.db["dossiers"].insert({"aangemaakt": nu, "gewijzigd": nu, "raadsman": raadsman}).last_pk
            self._audit("dossier aangemaakt", dossier_id)
            if casus is not None:
                self._bewaar(dossier_id, casus, None)
        return dossier_id

    def bewaar_casus(self, dossier_id: int, casus: Casus, wizard_stap: int | None = None) -> int:
        """Bewaar een nieuwe versie (een transactie). Is de casus gelijk aan de laatste versie, dan geen nieuwe."""
        with self.transactie():
            return self._bewaar(dossier_id, casus, wizard_stap)

    def _bewaar(self, dossier_id: int, casus: Casus, wizard_stap: int | None) -> int:
        self._dossier(dossier_id)
        from ..core.casus import casus_naar_dict
        tekst = json.dumps(casus_naar_dict(casus), ensure_ascii=False, sort_keys=True)
        laatste = self.conn.execute("SELECT versie, casus FROM casus_versies WHERE dossier_id = ? ORDER BY versie DESC "
                                    "LIMIT 1", (dossier_id,)).fetchone()
        velden = {"gewijzigd": _nu(), "aanvrager_naam": casus.aanvrager.naam or "",
                  "partner_naam": casus.partner.naam or "", "aanvrager_bsn": casus.aanvrager.bsn,
                  "partner_bsn": casus.partner.bsn,
                  "zoektekst": f"{casus.aanvrager.naam or ''} {casus.partner.naam or ''}".casefold()}
        if wizard_stap is not None:
            velden["wizard_stap"] = wizard_stap
        if laatste and laatste[1] == tekst:
            if wizard_stap is not None:
                self.db["dossiers"].update(dossier_id, {"wizard_stap": wizard_stap})
            return laatste[0]
        versie = (laatste[0] if laatste else 0) + 1
        self.db["casus_versies"].insert({"dossier_id": dossier_id, "versie": versie, "casus": tekst, "opgeslagen": _nu()})
        self.db["dossiers"].update(dossier_id, velden)
        self._audit("casus opgeslagen", dossier_id)
        return versie

    def _dossier(self, dossier_id: int) -> dict:
        rij = self.conn.execute("SELECT id, aanvrager_naam, partner_naam, status, raadsman, wizard_stap, aangemaakt, "
                                "gewijzigd FROM dossiers WHERE id = ?", (dossier_id,)).fetchone()
        if rij is None:
            raise OpslagFout(f"Dossier {dossier_id} bestaat niet.")
        return dict(zip(("id", "aanvrager_naam", "partner_naam", "status", "raadsman", "wizard_stap", "aangemaakt",
                         "gewijzigd"), rij))

    def dossier(self, dossier_id: int) -> dict:
        return self._dossier(dossier_id)

    def personen(self, dossier_id: int) -> dict:
        """Namen en BSN's van aanvrager en partner (voor een overzicht met persoonsgegevens; nooit voor een log)."""
        self._dossier(dossier_id)
        rij = self.conn.execute("SELECT aanvrager_naam, partner_naam, aanvrager_bsn, partner_bsn FROM dossiers "
                                "WHERE id = ?", (dossier_id,)).fetchone()
        return dict(zip(("aanvrager_naam", "partner_naam", "aanvrager_bsn", "partner_bsn"), rij))

    def casus(self, dossier_id: int, versie: int | None = None) -> Casus:
        sql = "SELECT casus FROM casus_versies WHERE dossier_id = ? " + \
              ("AND versie = ?" if versie else "ORDER BY versie DESC LIMIT 1")
        rij = self.conn.execute(sql, (dossier_id, versie) if versie else (dossier_id,)).fetchone()
        if rij is None:
            self._dossier(dossier_id)
            raise OpslagFout(f"Dossier {dossier_id} heeft " + (f"geen versie {versie}." if versie else "nog geen casus."))
        from ..core.casus import lees_casus
        return lees_casus(rij[0], concept=True)      # ook een half ingevulde casus uit de wizard

    def versies(self, dossier_id: int) -> list[dict]:
        self._dossier(dossier_id)
        return [{"versie": v, "opgeslagen": o} for v, o in self.conn.execute(
            "SELECT versie, opgeslagen FROM casus_versies WHERE dossier_id = ? ORDER BY versie", (dossier_id,))]

    def herstel_versie(self, dossier_id: int, versie: int) -> int:
        """Terug naar een eerdere versie: die wordt de nieuwste (de tussenliggende blijven bewaard)."""
        return self.bewaar_casus(dossier_id, self.casus(dossier_id, versie))

    def zet_status(self, dossier_id: int, status: str) -> None:
        if status not in STATUSSEN:
            raise OpslagFout(f"Onbekende status '{status}'; kies uit: {', '.join(STATUSSEN)}.")
        with self.transactie():
            self._dossier(dossier_id)
            self.db["dossiers"].update(dossier_id, {"status": status, "gewijzigd": _nu()})
            self._audit(f"status: {status}", dossier_id)

    def dossiers(self, zoek: str = "", limiet: int = 50, vanaf: int = 0) -> list[dict]:
        """Een pagina van de dossierlijst, laatst gewijzigd eerst; zoek op (een deel van) een naam."""
        sql = "SELECT id, aanvrager_naam, partner_naam, status, gewijzigd FROM dossiers"
        args: list = []
        if zoek.strip():
            sql += " WHERE instr(zoektekst, ?) > 0"
            args.append(zoek.strip().casefold())
        sql += " ORDER BY gewijzigd DESC, id DESC LIMIT ? OFFSET ?"
        return [dict(zip(("id", "aanvrager_naam", "partner_naam", "status", "gewijzigd"), r))
                for r in self.conn.execute(sql, [*args, limiet, vanaf])]

    # ------------------------------------------------------------ berekeningen en documenten

    def bewaar_berekening(self, dossier_id: int, casus_versie: int, berekening_json: dict, parameterversie: str) -> int:
        with self.transactie():
            self._dossier(dossier_id)
            rij = self.db["berekeningen"].insert({
                "dossier_id": dossier_id, "casus_versie": casus_versie, "parameterversie": parameterversie,
                "berekening": json.dumps(berekening_json, default=str, ensure_ascii=False),
                "app_versie": __version__, "gemaakt": _nu()}).last_pk
            self._audit("berekening opgeslagen", dossier_id)
        return rij

    def bewaar_document(self, dossier_id: int, soort: str, bestandsnaam: str, inhoud: bytes) -> int:
        return self.bewaar_documenten(dossier_id, {soort: (bestandsnaam, inhoud)})[soort]

    def bewaar_documenten(self, dossier_id: int, documenten: dict[str, tuple[str, bytes]]) -> dict[str, int]:
        """Bewaar documenten (soort -> (bestandsnaam, inhoud)) samen in een transactie: allemaal of geen."""
        from hashlib import sha256
        ids = {}
        with self.transactie():
            self._dossier(dossier_id)
            for soort, (bestandsnaam, inhoud) in documenten.items():
                ids[soort] = self.db["documenten"].insert({
                    "dossier_id": dossier_id, "soort": soort, "bestandsnaam": bestandsnaam, "inhoud": inhoud,
                    "sha256": sha256(inhoud).hexdigest(), "gemaakt": _nu()}).last_pk
                self._audit(f"document gemaakt: {soort}", dossier_id)
        return ids

    def laatste_documenten(self, dossier_id: int) -> dict[str, tuple[str, bytes]]:
        """Per soort het nieuwste document: soort -> (bestandsnaam, inhoud)."""
        self._dossier(dossier_id)
        uit: dict[str, tuple[str, bytes]] = {}
        for soort, naam, inhoud in self.conn.execute(
                "SELECT soort, bestandsnaam, inhoud FROM documenten WHERE dossier_id = ? ORDER BY id", (dossier_id,)):
            uit[soort] = (naam, inhoud)
        return uit

    def documenten(self, dossier_id: int) -> list[dict]:
        return [dict(zip(("id", "soort", "bestandsnaam", "sha256", "gemaakt", "grootte"), r)) for r in self.conn.execute(
            "SELECT id, soort, bestandsnaam, sha256, gemaakt, length(inhoud) FROM documenten WHERE dossier_id = ? "
            "ORDER BY id", (dossier_id,))]

    def document(self, document_id: int) -> bytes:
        rij = self.conn.execute("SELECT inhoud FROM documenten WHERE id = ?", (document_id,)).fetchone()
        if rij is None:
            raise OpslagFout(f"Document {document_id} bestaat niet.")
        return rij[0]

    # ------------------------------------------------------------ AVG

    def instelling(self, sleutel: str, standaard: str | None = None) -> str | None:
        rij = self.conn.execute("SELECT waarde FROM instellingen WHERE sleutel = ?", (sleutel,)).fetchone()
        return rij[0] if rij else standaard

    def zet_instelling(self, sleutel: str, waarde: str) -> None:
        with self.transactie():
            self.db["instellingen"].upsert({"sleutel": sleutel, "waarde": waarde}, pk="sleutel")
            self._audit(f"instelling gewijzigd: {sleutel}")

    @property
    def bewaartermijn_maanden(self) -> int:
        return int(self.instelling("bewaartermijn_maanden", str(STANDAARD_BEWAARTERMIJN_MAANDEN)))

    def verlopen_dossiers(self, vandaag: date | None = None, termijn: int | None = None) -> list[dict]:
        """Dossiers waarvan de laatste wijziging langer geleden is dan de bewaartermijn, met een herinnering."""
        vandaag = vandaag or date.today()
        termijn = self.bewaartermijn_maanden if termijn is None else termijn
        maanden = vandaag.year * 12 + vandaag.month - 1 - termijn
        grens = date(maanden // 12, maanden % 12 + 1, min(vandaag.day, 28)).isoformat()
        uit = []
        for r in self.conn.execute("SELECT id, aanvrager_naam, partner_naam, status, gewijzigd FROM dossiers "
                                   "WHERE gewijzigd < ? ORDER BY gewijzigd", (grens,)):
            d = dict(zip(("id", "aanvrager_naam", "partner_naam", "status", "gewijzigd"), r))
            d["herinnering"] = (f"Dossier {d['id']} is sinds {d['gewijzigd'][8:10]}-{d['gewijzigd'][5:7]}-"
                                f"{d['gewijzigd'][:4]} niet gewijzigd en valt buiten de bewaartermijn van "
                                f"{termijn} maanden: verwijder het als het niet meer nodig is.")
            uit.append(d)
        return uit

    def verlopen_in_kopieen(self, vandaag: date | None = None) -> list[dict]:
        """Per bewaarde kopie (voor-herstel): naam, datum, aantal dossiers en de nummers van de dossiers buiten de
        bewaartermijn. Een kopie die niet te openen is, staat erin met aantal None."""
        uit = []
        for kopie in bewaarde_kopieen(self.map) if self.map else []:
            stempel = kopie.name.rsplit("voor-herstel-", 1)[1]
            try:
                gemaakt = datetime.strptime(stempel, "%Y%m%d-%H%M%S").date()
            except ValueError:
                gemaakt = date.fromtimestamp(kopie.stat().st_mtime)
            d = {"kopie": kopie, "gemaakt": gemaakt, "aantal": None, "verlopen": []}
            try:
                with self.kopie(kopie) as k:
                    d["aantal"] = k.conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]
                    d["verlopen"] = [r["id"] for r in k.verlopen_dossiers(vandaag, self.bewaartermijn_maanden)]
            except (OpslagFout, dbapi2.Error):
                pass
            uit.append(d)
        return uit

    def verwijder_dossier(self, dossier_id: int) -> dict:
        """Wis het dossier met alle versies, berekeningen en documenten, en laat geen spoor in het bestand; en
        meteen ook in elke kopie die avdesk bewaart (avdesk.db.voor-herstel-*, van `herstel`). In een kopie geldt
        als hetzelfde dossier: hetzelfde nummer met hetzelfde aanmaakmoment, of dezelfde BSN van de aanvrager of
        partner. Een kopie die niet te openen is, wordt verwijderd. Geeft {"kopieen_gewist", "kopieen_verwijderd"}."""
        with self.transactie():
            rij = self.conn.execute("SELECT aangemaakt, aanvrager_bsn, partner_bsn FROM dossiers WHERE id = ?",
                                    (dossier_id,)).fetchone()
            if rij is None:
                raise OpslagFout(f"Dossier {dossier_id} bestaat niet.")
            _wis_dossiers(self.conn, [dossier_id])
            self._audit("dossier verwijderd", dossier_id)
        if self.map is not None and self._sleutel is not None:
            # Onthouden (nummer + HMAC, geen persoonsgegevens): na `herstel` van een oudere back-up weer weg.
            try:
                bestanden.voeg_verwijderd_toe(self.map, self._sleutel, [(dossier_id, rij[0])])
            except OSError:
                pass
        _leeg_bestand(self.conn)
        if self.map is not None:
            bestanden.ruim_resten(self.map, wacht=True)       # ook een rest van een afgebroken herstel of back-up
        gewist = verwijderd = 0
        for kopie in bewaarde_kopieen(self.map) if self.map else []:
            try:
                gewist += self._wis_in_kopie(kopie, dossier_id, *rij)
            except (OpslagFout, dbapi2.Error, AttributeError):
                for staart in ("", "-wal", "-shm"):
                    kopie.with_name(kopie.name + staart).unlink(missing_ok=True)
                verwijderd += 1
        return {"kopieen_gewist": gewist, "kopieen_verwijderd": verwijderd}

    def _wis_in_kopie(self, kopie: Path, dossier_id: int, aangemaakt: str, *bsns: str | None) -> int:
        bsns = [b for b in bsns if b]
        with self.kopie(kopie) as kopie_opslag:           # de kopie heeft de sleutel van deze opslag
            conn = kopie_opslag.conn
            sql = "SELECT id FROM dossiers WHERE (id = ? AND aangemaakt = ?)"
            if bsns:
                plek = ", ".join("?" * len(bsns))
                sql += f" OR aanvrager_bsn IN ({plek}) OR partner_bsn IN ({plek})"
            conn.execute("BEGIN IMMEDIATE")
            try:
                ids = [r[0] for r in conn.execute(sql, (dossier_id, aangemaakt, *bsns, *bsns))]
                if ids:
                    _wis_dossiers(conn, ids)
                    for i in ids:
                        kopie_opslag._audit("dossier verwijderd (in bewaarde kopie)", i)
                conn.execute("COMMIT")
            except BaseException:
                terugdraaien(conn)
                raise
            if ids:
                _leeg_bestand(conn)
            return 1 if ids else 0

    def inzage_export(self, dossier_id: int) -> dict:
        """De casus als avdesk-casus/1 voor het inzageverzoek van de inwoner (AVG art. 15)."""
        from ..core.casus import casus_naar_dict
        casus = self.casus(dossier_id)
        with self.transactie():
            self._audit("inzage-export", dossier_id)
        return casus_naar_dict(casus)

    def auditlog(self, limiet: int = 100) -> list[dict]:
        """De nieuwste regels eerst (op volgnummer, niet op de klok: die kan verzet zijn)."""
        return [dict(zip(("volgnr", "tijd", "gebruiker", "actie", "dossier_id"), r)) for r in self.conn.execute(
            "SELECT volgnr, tijd, gebruiker, actie, dossier_id FROM audit ORDER BY volgnr DESC LIMIT ?", (limiet,))]

    def controleer_audit(self, kop: dict | None = None) -> tuple[int, str | None]:
        """Loop de keten na. Geeft (aantal regels, None) als hij klopt, anders (volgnummer van de eerste foute regel,
        alle problemen in een zin). `kop`: {"volgnr", "hash"} uit een back-up; die regel moet nog precies zo
        bestaan. Zie audit_problemen()."""
        problemen = self.audit_problemen(kop)
        if problemen:
            return problemen[0][0], "; ".join(p for _, p in problemen)
        return self.audit_kop()[0], None

    def audit_problemen(self, kop: dict | None = None) -> list[tuple[int, str]]:
        """Alle problemen van de auditlog, als (volgnummer, zin): ontbrekende regels (ook aan het eind: de kop in
        audit-kop.json en in de back-up kent er meer), gewijzigde regels, een keten die opnieuw is uitgerekend
        (zonder de sleutel klopt geen enkele HMAC), een tijd die teruggaat."""
        rijen = self.conn.execute("SELECT volgnr, tijd, gebruiker, actie, dossier_id, vorige_hash, hash FROM audit "
                                  "ORDER BY volgnr").fetchall()
        problemen = keten_fouten(rijen, self.auditsleutel)
        gewijzigd = [p for p in problemen if "is gewijzigd" in p[1]]
        if rijen and len(gewijzigd) == len(rijen):
            problemen = [(rijen[0][0], f"geen enkele regel (1 t/m {rijen[-1][0]}) klopt met de sleutel van deze "
                                       f"opslag: de keten is buiten avdesk om opnieuw uitgerekend of vervangen")]
        vorige_tijd = ""
        for r in rijen:
            if r[1] < vorige_tijd and not r[3].startswith("auditketen met sleutel"):
                problemen.append((r[0], f"regel {r[0]} heeft een eerdere tijd dan de regel ervoor (teruggedateerd)"))
            vorige_tijd = max(vorige_tijd, r[1])
        per_nr = {r[0]: r[6] for r in rijen}
        hoogste = rijen[-1][0] if rijen else 0
        koppen = []
        if self.map is not None:
            bewaard = bestanden.lees_kop(self.map)
            if bewaard is None:
                problemen.append((hoogste + 1, f"de kop van de auditlog buiten de database ({bestanden.KOPBESTAND}) "
                                               f"ontbreekt: of er regels aan het eind zijn weggehaald, is niet na te "
                                               f"gaan"))
            elif bewaard == "onleesbaar" or not _kop_mac_klopt(bewaard, self.auditsleutel):
                problemen.append((hoogste + 1, f"de kop van de auditlog buiten de database ({bestanden.KOPBESTAND}) "
                                               f"is onleesbaar of niet door deze opslag geschreven"))
            else:
                koppen.append(("de bewaarde kop", bewaard))
        if kop:
            koppen.append(("de back-up", kop))
        for bron, k in koppen:
            nr, h = k.get("volgnr"), k.get("hash")
            if not isinstance(nr, int) or nr <= 0:
                continue
            if nr > hoogste:
                wat = f"regel {nr} ontbreekt" if nr == hoogste + 1 else f"regels {hoogste + 1} t/m {nr} ontbreken"
                problemen.append((hoogste + 1, f"{wat}: {bron} kent {nr} regels, de auditlog nu maar "
                                               f"{len(rijen)} (regels aan het eind zijn verwijderd)"))
            elif nr in per_nr and per_nr[nr] != h:
                problemen.append((nr, f"regel {nr} is anders dan in {bron} (de geschiedenis t/m deze regel is "
                                      f"herschreven)"))
        from .terugzetten import vreemde_objecten
        for wat in vreemde_objecten(self.conn, self.conn.execute("PRAGMA user_version").fetchone()[0]):
            if "trigger" in wat or "view" in wat:
                problemen.append((0, f"het dossierbestand bevat een {wat}: die kan de auditlog of de dossiers "
                                     f"ongemerkt veranderen"))
        problemen.sort(key=lambda p: p[0])
        return problemen

    # ------------------------------------------------------------ back-up

    def red_backup(self, doel: Path, wachtwoord: str) -> dict:
        """Een back-up van alles wat nog te lezen is uit een beschadigd dossierbestand, rij voor rij: een rij op een
        beschadigde pagina wordt overgeslagen, de rest gaat mee. Geeft {"gered": [nummers], "onvolledig": {nummer:
        wat ontbreekt}, "verloren": [nummers], "onbekend": [tabellen met onleesbare rijen van een onbekend dossier],
        "audit": (regels gered, volledig)}. Een dossier is verloren als zijn eigen rij niet te lezen is; onvolledig
        als een casusversie, berekening of document ontbreekt (de rest ervan staat in de back-up)."""
        if not wachtwoord:
            raise OpslagFout("Kies een wachtwoord voor de back-up.")
        schrijfbare_map(Path(doel))
        self.conn.execute("PRAGMA cipher_log_level = NONE")
        lezer = _Lezer(self)
        return self._red(lezer, Path(doel), wachtwoord)

    def _red(self, lezer: "_Lezer", doel: Path, wachtwoord: str) -> dict:
        import secrets
        sleutel = secrets.token_bytes(32)
        tijdelijk = doel.with_name(doel.name + ".db-tmp")
        for staart in ("", "-wal", "-shm"):
            tijdelijk.with_name(tijdelijk.name + staart).unlink(missing_ok=True)
        onbekend: set[str] = set()
        onvolledig: dict[int, list[str]] = {}

        # Welke dossiers er zijn: hun rijen, en (voor rijen die niet meer te lezen zijn) de nummers uit de index op
        # 'gewijzigd', de casusversies, berekeningen, documenten en de auditlog.
        dossiers, kapot = _lees_rijen(lezer, "dossiers", ["*"])
        if kapot:
            onbekend.add("dossiers")
        bekend = set(_lees_index(lezer, "SELECT id FROM dossiers INDEXED BY dossiers_gewijzigd ORDER BY gewijzigd"))
        audit, audit_kapot = _lees_rijen(lezer, "audit", ["*"])
        verwijderd = set()
        for rij in audit:
            r = dict(rij)
            if r.get("dossier_id") is not None:
                (verwijderd if r["actie"].startswith("dossier verwijderd") else bekend).add(r["dossier_id"])
        kinderen = {}
        for tabel in ("casus_versies", "berekeningen", "documenten"):
            # Eerst alleen rij-id en dossiernummer (staan vooraan in de rij, nooit op een overloopppagina); dan per
            # rij de hele rij: een beschadigd document kost zo alleen dat document, en we weten van welk dossier.
            sleutels, kapot = _lees_rijen(lezer, tabel, ["dossier_id"])
            if kapot:
                onbekend.add(tabel)
            rijen = []
            for rowid, dossier_id in ((r[0][1], r[1][1]) for r in sleutels):
                bekend.add(dossier_id)
                try:
                    cur = lezer.conn.execute(f"SELECT * FROM {tabel} WHERE rowid = ?", (rowid,))
                    namen = [c[0] for c in cur.description]
                    rijen.append(list(zip(namen, cur.fetchone())))
                except dbapi2.DatabaseError as e:
                    if bezet(e):
                        raise
                    lezer.opnieuw()
                    soort = {"casus_versies": "een casusversie", "berekeningen": "een berekening",
                             "documenten": "een document"}[tabel]
                    onvolledig.setdefault(dossier_id, []).append(soort)
            kinderen[tabel] = rijen
        # Casusversies lopen 1, 2, 3, ...: een gat (ook volgens de index op dossier en versie) is een verloren versie.
        versies: dict[int, set[int]] = {}
        for rij in kinderen["casus_versies"]:
            r = dict(rij)
            versies.setdefault(r["dossier_id"], set()).add(r["versie"])
        verwacht: dict[int, int] = {}
        for dossier_id, versie in _lees_index(lezer, "SELECT dossier_id, versie FROM casus_versies INDEXED BY "
                                                    "sqlite_autoindex_casus_versies_1", twee=True):
            bekend.add(dossier_id)
            verwacht[dossier_id] = max(verwacht.get(dossier_id, 0), versie)
        for dossier_id, gezien in versies.items():
            hoogste = max(verwacht.get(dossier_id, 0), max(gezien))
            if len(gezien) < hoogste and "een casusversie" not in onvolledig.get(dossier_id, []):
                onvolledig.setdefault(dossier_id, []).append("een casusversie")
        for dossier_id, hoogste in verwacht.items():
            if dossier_id not in versies:
                onvolledig.setdefault(dossier_id, []).append("een casusversie")
        instellingen, kapot = _lees_rijen(lezer, "instellingen", ["*"])

        gered_ids = {dict(r)["id"] for r in dossiers}
        verloren = sorted(bekend - gered_ids - verwijderd)
        try:
            doelconn = open_database(tijdelijk, sleutel, maak=True)     # leeg, met het schema van nu
            try:
                doelconn.execute("BEGIN IMMEDIATE")
                for tabel, rijen in (("dossiers", dossiers), ("instellingen", instellingen),
                                     *((t, [r for r in kinderen[t] if dict(r)["dossier_id"] in gered_ids])
                                       for t in ("casus_versies", "berekeningen", "documenten"))):
                    for rij in rijen:
                        rij = [(k, v) for k, v in rij if k != "_rij"]
                        doelconn.execute(f"INSERT INTO {tabel} ({', '.join(k for k, _ in rij)}) VALUES "
                                         f"({', '.join('?' * len(rij))})", [v for _, v in rij])
                # De auditlog tot de eerste regel die niet te lezen is: de keten (en de triggers) blijven kloppen,
                # met de auditsleutel van deze opslag (die gaat mee in de back-up).
                try:
                    auditsleutel = self.auditsleutel
                except (OpslagFout, dbapi2.Error):
                    auditsleutel, audit, audit_kapot = None, [], True
                if auditsleutel is not None:
                    doelconn.execute("UPDATE geheimen SET waarde = ? WHERE naam = 'auditketen'", (auditsleutel,))
                for naam in AUDIT_TRIGGER_NAMEN:
                    doelconn.execute(f"DROP TRIGGER {naam}")
                audit_volgnr, audit_hash_ = 0, AUDIT_BEGIN
                for rij in audit:
                    r = {k: v for k, v in rij if k != "_rij"}
                    if r["volgnr"] != audit_volgnr + 1:
                        audit_kapot = True
                        break
                    doelconn.execute(f"INSERT INTO audit ({', '.join(r)}) VALUES ({', '.join('?' * len(r))})",
                                     list(r.values()))
                    audit_volgnr, audit_hash_ = r["volgnr"], r["hash"]
                for sql in AUDIT_TRIGGERS:
                    doelconn.execute(sql)
                doelconn.execute("COMMIT")
                doelconn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                doelconn.close()
            kop = {"formaat": "avdesk-backup/1", "gemaakt": _nu(), "schema": SCHEMA_VERSIE, "gered": True,
                   "audit": {"volgnr": audit_volgnr, "hash": audit_hash_}, "sleutel": inpakken(sleutel, wachtwoord)}
            if auditsleutel is not None:
                kop["auditsleutel"] = pak_auditsleutel_in(auditsleutel, sleutel)
            _schrijf_backup(doel, kop, tijdelijk)
        finally:
            for staart in ("", "-wal", "-shm"):
                tijdelijk.with_name(tijdelijk.name + staart).unlink(missing_ok=True)
        try:                 # in een beschadigd bestand lukt ook dit misschien niet; de back-up staat er al
            with self.transactie():
                self._audit("back-up gemaakt (gered uit beschadigd bestand)")
        except (OpslagFout, dbapi2.Error):
            pass
        return {"gered": sorted(gered_ids), "verloren": verloren,
                "onvolledig": {d: sorted(set(w)) for d, w in sorted(onvolledig.items()) if d in gered_ids},
                "onbekend": sorted(onbekend), "audit": (audit_volgnr, not audit_kapot)}

    def maak_backup(self, doel: Path, wachtwoord: str) -> None:
        """Een versleutelde kopie van de hele opslag in een bestand, met een eigen sleutel die met het
        back-upwachtwoord is ingepakt: terug te zetten op een andere computer, onleesbaar zonder dat wachtwoord.
        De kop draagt de kop van de auditketen en de auditsleutel (ingepakt), zodat `herstel` de keten nagaat.
        De tijdelijke kopie staat in de gegevensmap (backup.db-tmp); een afgebroken back-up ruimt de volgende start
        op, ook het halve doelbestand (doel.nieuw)."""
        if not wachtwoord:
            raise OpslagFout("Kies een wachtwoord voor de back-up.")
        doel = Path(doel)
        schrijfbare_map(doel)      # eerst: anders zou een onschrijfbaar doel als een beschadigd dossierbestand lijken
        self.controleer()          # geen beschadigde gegevens in een back-up kopieren
        self.controleer_schema()   # en geen SQL van buiten (een trigger die een eerdere versie overnam)
        import secrets
        sleutel = secrets.token_bytes(32)
        werkmap = self.map if self.map is not None else doel.parent
        tijdelijk = werkmap / "backup.db-tmp" if self.map is not None else doel.with_name(doel.name + ".db-tmp")
        volgnr, h = self.audit_kop()      # voor de export: de back-up bevat deze regel dan zeker
        with bestanden.bezig(werkmap):
            if self.map is not None and tijdelijk.exists():
                tijdelijk = werkmap / f"backup-{os.getpid()}.db-tmp"
            _weg(tijdelijk)
            bezig = werkmap / f"{bestanden.BEZIG}{os.getpid()}"
            try:
                if self.map is not None:
                    bestanden.schrijf_snel(bezig, str(doel.with_name(doel.name + ".nieuw").resolve()).encode())
                os.close(os.open(tijdelijk, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
                self.conn.execute(f"ATTACH DATABASE ? AS backup KEY \"x'{sleutel.hex()}'\"", (str(tijdelijk),))
                try:
                    self.conn.execute("SELECT sqlcipher_export('backup')")
                    self.conn.execute(f"PRAGMA backup.user_version = {SCHEMA_VERSIE}")
                finally:
                    self.conn.execute("DETACH DATABASE backup")
                kop = {"formaat": "avdesk-backup/1", "gemaakt": _nu(), "schema": SCHEMA_VERSIE,
                       "audit": {"volgnr": volgnr, "hash": h}, "sleutel": inpakken(sleutel, wachtwoord),
                       "auditsleutel": pak_auditsleutel_in(self.auditsleutel, sleutel)}
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
        with self.transactie():
            self._audit("back-up gemaakt")


def _kop_mac_klopt(kop: dict, auditsleutel: bytes) -> bool:
    import hmac
    return hmac.compare_digest(bestanden.kop_mac(auditsleutel, kop["volgnr"], kop["hash"]), kop["mac"])


class _Lezer:
    """Leest uit een beschadigd bestand. Na een leesfout op een beschadigde pagina geeft SQLite op dezelfde
    verbinding alleen nog fouten ('malformed'), ook voor andere tabellen; dan krijgt de opslag een nieuwe
    verbinding (~0,2 ms)."""

    def __init__(self, opslag: "Opslag"):
        self.opslag = opslag

    @property
    def conn(self):
        return self.opslag.conn

    def opnieuw(self) -> None:
        o = self.opslag
        if o.map is None or o._sleutel is None:
            return
        oud, o.conn = o.conn, open_database(o.map / DBNAAM, o._sleutel)
        o.__dict__.pop("db", None)              # sqlite_utils hing aan de oude verbinding
        oud.close()

    def probeer(self, sql: str, args=()) -> list | None:
        """Alle rijen, of None als er een leesfout was (de verbinding is dan vernieuwd)."""
        try:
            return self.conn.execute(sql, args).fetchall()
        except dbapi2.DatabaseError as e:
            if bezet(e):
                raise
            self.opnieuw()
            return None


def _volgende_leesbaar(lezer: _Lezer, tabel: str, fout: int) -> int | None:
    """Het kleinste rij-id > `fout` vanaf waar `tabel` weer te lezen is (zoeken vanaf `fout` gaf een leesfout), of
    None als er daarna niets meer te lezen is. Galopperend en dan binair: een handvol zoekacties, ook als een hele
    pagina met honderden rijen (of een tussenpagina) weg is."""
    sql = f"SELECT rowid FROM {tabel} WHERE rowid >= ? ORDER BY rowid LIMIT 1"
    laag, stap = fout, 1           # laag: zoeken vanaf hier geeft een fout
    while True:
        hoog = fout + stap
        if hoog >= 2 ** 62:
            return None
        rij = lezer.probeer(sql, (hoog,))
        if rij is not None:
            break
        laag, stap = hoog, stap * 2
    return _binair(lezer, sql, laag, hoog)


def _binair(lezer: _Lezer, sql: str, laag: int, hoog: int) -> int:
    while hoog - laag > 1:          # zoeken vanaf laag: fout; vanaf hoog: lukt
        midden = (laag + hoog) // 2
        if lezer.probeer(sql, (midden,)) is None:
            laag = midden
        else:
            hoog = midden
    return hoog


def _lees_rijen(lezer: _Lezer, tabel: str, kolommen: list[str]) -> tuple[list[list[tuple[str, object]]], bool]:
    """Alle rijen van `tabel` die nog te lezen zijn, op volgorde van rij-id, als [(kolom, waarde), ...] met eerst
    ("_rij", n). Een rij op een beschadigde pagina wordt overgeslagen: na een leesfout zoekt dit verder vanaf het
    eerste rij-id dat weer te lezen is (een zoekactie loopt langs andere pagina's). Geeft (rijen, er was een fout)."""
    sql = f"SELECT rowid AS _rij, {', '.join(kolommen)} FROM {tabel} WHERE rowid >= ? ORDER BY rowid LIMIT 256"
    rijen: list = []
    kapot = False
    vanaf = 1                   # avdesk maakt alleen positieve rij-id's
    while True:
        try:
            cur = lezer.conn.execute(sql, (vanaf,))
            namen = [c[0] for c in cur.description]
            aantal = 0
            for rij in cur:
                rijen.append(list(zip(namen, rij)))
                vanaf = rij[0] + 1
                aantal += 1
            if aantal < 256:
                return rijen, kapot
        except dbapi2.DatabaseError as e:
            if bezet(e):
                raise
            kapot = True
            lezer.opnieuw()
            volgende = _volgende_leesbaar(lezer, tabel, vanaf)
            if volgende is None:
                return rijen, kapot
            vanaf = max(volgende, vanaf + 1)


def _lees_index(lezer: _Lezer, sql: str, twee: bool = False) -> list:
    """Wat een index nog oplevert tot de eerste leesfout (alleen om nummers te vinden van onleesbare rijen)."""
    uit = []
    try:
        for rij in lezer.conn.execute(sql):
            uit.append(tuple(rij) if twee else rij[0])
    except dbapi2.DatabaseError as e:
        if bezet(e):
            raise
        lezer.opnieuw()
    return uit


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

