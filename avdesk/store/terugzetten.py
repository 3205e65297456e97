"""Een back-up terugzetten (`avdesk herstel`), zonder dat iets uit de back-up de opslag overneemt.

De back-up wordt alleen gelezen (query_only) en eerst nagelopen: elk object in zijn schema (tabel, index, trigger,
view) moet er een van avdesk zijn, voor het schema waarmee de back-up is gemaakt, en zijn auditketen moet kloppen
(met de sleutel uit de kop, of sleutelloos zoals avdesk tot schema 3 hem maakte) tot en met de regel die de kop
noemt. Dan komt er een nieuwe, lege opslag met het schema van deze avdesk, en gaan alleen de tabellen en kolommen van
avdesk erin, rij voor rij gecontroleerd zoals bij `import` (een casus via lees_casus, een document tegen zijn
sha256, elke waarde van de soort die de kolom verwacht). Het terugzetten zelf is een regel in de auditlog
("herstel"), en de dossiers die in deze map zijn verwijderd sinds de back-up, worden opnieuw verwijderd (AVG)."""

from __future__ import annotations

import json
import os
import re
from datetime import datetime
from hashlib import sha256
from pathlib import Path

from . import OpslagFout
from . import bestanden
from .auditketen import AUDIT_TRIGGER_NAMEN, AUDIT_TRIGGERS, keten_fouten
from .db import MIGRATIES, SCHEMA_VERSIE, dbapi2, is_schijf_vol, open_database, terugdraaien
from .gedeeld import (DBNAAM, _eigen_rechten, _gebruiker, _leeg_bestand, _weg, _wis_dossiers, lees_backup,
                      pak_auditsleutel_uit, schijf_vol, schrijf_auditregel)
from .paden import datamap
from .sleutel import Sleutelbeheer, uitpakken

# De tabellen die meegaan, in deze volgorde (ouders voor kinderen). De kolommen komen uit het nieuwe schema.
TABELLEN = ("dossiers", "casus_versies", "berekeningen", "documenten", "ontvangsten", "instellingen",
            "doelgroeplijsten", "doelgroeplijst_bsn", "besluiten", "betaalopdrachten", "betalingen")
GEHEIMEN = ("doelgroeplijst", "auditketen")
_VERWACHT: dict[int, dict[tuple[str, str], str | None]] = {}


def _normaal(sql: str | None) -> str | None:
    return None if sql is None else re.sub(r"\s+", " ", sql).strip()


def verwacht_schema(versie: int) -> dict[tuple[str, str], str | None]:
    """(soort, naam) -> SQL van elk object dat avdesk op schema `versie` maakt (door de migraties na te spelen)."""
    if versie not in _VERWACHT:
        conn = dbapi2.connect(":memory:", isolation_level=None)
        try:
            for doel in range(1, versie + 1):
                for stap in MIGRATIES[doel]:
                    if getattr(stap, "met_sleutel", False):
                        stap(conn, bytes(32))
                    else:
                        stap(conn) if callable(stap) else conn.execute(stap)
            _VERWACHT[versie] = {(t, n): _normaal(sql) for t, n, sql in conn.execute(
                "SELECT type, name, sql FROM sqlite_master")}
        finally:
            conn.close()
    return _VERWACHT[versie]


def vreemde_objecten(conn, versie: int) -> list[str]:
    """De objecten in het schema die niet van avdesk zijn (of anders dan avdesk ze maakt), als zinsdelen."""
    verwacht = verwacht_schema(versie)
    vreemd = []
    soorten = {"table": "tabel", "index": "index", "trigger": "trigger", "view": "view"}
    gezien = set()
    for soort, naam, sql in conn.execute("SELECT type, name, sql FROM sqlite_master"):
        gezien.add((soort, naam))
        woord = soorten.get(soort, soort)
        if (soort, naam) not in verwacht:
            vreemd.append(f"{woord} '{naam}' (niet van avdesk)")
        elif soort != "table" and _normaal(sql) != verwacht[(soort, naam)]:
            vreemd.append(f"{woord} '{naam}' (anders dan avdesk hem maakt)")
    for soort, naam in verwacht:
        if (soort, naam) not in gezien and soort == "table":
            vreemd.append(f"tabel '{naam}' ontbreekt")
    return vreemd


def _open_alleen_lezen(pad: Path, sleutel: bytes):
    conn = dbapi2.connect(str(pad), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{sleutel.hex()}'\"")
    conn.execute("PRAGMA query_only = ON")
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def _kolommen(conn, tabel: str) -> list[tuple[str, str, bool]]:
    return [(r[1], (r[2] or "").upper(), bool(r[3]) or bool(r[5])) for r in conn.execute(f"PRAGMA table_info({tabel})")]


_SOORT = {"INTEGER": int, "TEXT": str, "BLOB": bytes}


def _controleer_rij(tabel: str, kolommen, rij, bron: Path) -> None:
    for (naam, soort, verplicht), waarde in zip(kolommen, rij):
        if waarde is None:
            if verplicht:
                raise _fout_rij(bron, tabel, naam)
            continue
        verwacht = _SOORT.get(soort)
        if verwacht is not None and type(waarde) is not verwacht:
            raise _fout_rij(bron, tabel, naam)


def _fout_rij(bron: Path, tabel: str, kolom: str, dossier: int | None = None) -> OpslagFout:
    wie = f" (dossier {dossier})" if dossier is not None else ""
    return OpslagFout(f"De back-up {bron} bevat gegevens die avdesk niet zelf zo schrijft: tabel {tabel}, kolom "
                      f"{kolom}{wie}. Hij is niet teruggezet; er is niets gewijzigd.")


def herstel_backup(bron: Path, wachtwoord: str, map_: Path | None = None, store_wachtwoord: str | None = None,
                   verslag: dict | None = None) -> Path:
    """Zet een back-up terug in `map_`. De huidige database blijft bewaard als avdesk.db.voor-herstel-<tijd>;
    de teruggezette dossiers krijgen de sleutel van deze computer (sleutelbos of store_wachtwoord). `verslag`
    (een dict) krijgt "opnieuw_verwijderd" (nummers) en "gemaakt" (wanneer de back-up is gemaakt)."""
    map_ = Path(map_) if map_ else datamap()
    bron_pad = Path(bron)
    kop, data = lees_backup(bron_pad)
    if not isinstance(kop.get("schema", 0), int) or isinstance(kop.get("schema", 0), bool) or kop.get("schema", 0) < 1:
        raise OpslagFout(f"De back-up {bron_pad} is beschadigd (kop onleesbaar).")
    if kop.get("schema", 0) > SCHEMA_VERSIE:
        raise OpslagFout("Deze back-up is gemaakt met een nieuwere versie van avdesk.")
    backup_sleutel = uitpakken(kop["sleutel"], wachtwoord, f"De kop van de back-up {bron_pad}")
    map_bestond = map_.exists()
    try:
        map_.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        if is_schijf_vol(e, map_.parent):
            raise schijf_vol("de back-up is niet teruggezet; er is niets gewijzigd.") from None
        raise OpslagFout(f"De map {map_} kan niet worden gemaakt (foutcode {e.errno}); er is niets gewijzigd.") \
            from None
    if not map_bestond:
        bestanden.zet_rechten(map_, map_=True)
    bestanden.ruim_resten(map_)
    tijdelijk = map_ / "herstel.db-tmp"
    nieuw = map_ / (DBNAAM + ".herstel")
    sb = Sleutelbeheer(map_)
    sleutel_was_er = sb.bestaat()
    gelukt = opzij = False
    conn = doel = None
    try:
        with bestanden.bezig(map_):
            try:
                _weg(tijdelijk)
                fd = os.open(tijdelijk, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with open(fd, "wb") as f:
                    f.write(memoryview(data)[kop["_einde"] + 1:])
                del data
                conn = _open_alleen_lezen(tijdelijk, backup_sleutel)
                if conn.execute("PRAGMA cipher_integrity_check").fetchall():   # elke pagina, ook van een index
                    raise OpslagFout(f"De back-up {bron_pad} is beschadigd en kan niet worden teruggezet. Er is "
                                     f"niets gewijzigd.")
                versie = conn.execute("PRAGMA user_version").fetchone()[0]
                if not 1 <= versie <= SCHEMA_VERSIE or versie != kop.get("schema", versie):
                    raise OpslagFout(f"De back-up {bron_pad} is beschadigd (schema {versie} past niet bij de kop). "
                                     f"Er is niets gewijzigd.")
                vreemd = vreemde_objecten(conn, versie)
                if vreemd:
                    raise OpslagFout(
                        f"De back-up {bron_pad} bevat wat avdesk zelf nooit in een back-up zet: "
                        f"{'; '.join(vreemd[:10])}{' en meer' if len(vreemd) > 10 else ''}. Zo'n back-up kan "
                        f"gegevens ongemerkt veranderen of kopieren; avdesk zet hem niet terug. Er is niets "
                        f"gewijzigd.", soort="vreemd")
                _controleer_keten(conn, versie, kop, backup_sleutel, bron_pad)
                if versie < SCHEMA_VERSIE:        # nu veilig: alleen de objecten van avdesk staan erin
                    conn.close()
                    conn = None
                    open_database(tijdelijk, backup_sleutel).close()
                    conn = _open_alleen_lezen(tijdelijk, backup_sleutel)
                sleutel = sb.laad(store_wachtwoord) if sleutel_was_er else sb.maak(store_wachtwoord)
                _weg(nieuw)
                doel = open_database(nieuw, sleutel, maak=True)      # leeg, met het schema van deze avdesk
                opnieuw = _kopieer(conn, doel, bron_pad, map_, sleutel, kop)
                conn.close()
                conn = None
                doel.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                doel.close()
                doel = None
                bestanden.zet_rechten(nieuw)
                controle = open_database(nieuw, sleutel)                   # de kopie opent met de eigen sleutel
                try:
                    kopregel = tuple(controle.execute("SELECT volgnr, hash FROM audit ORDER BY volgnr DESC "
                                                      "LIMIT 1").fetchone())
                    auditsleutel = _auditsleutel(controle)
                    controle.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                finally:
                    controle.close()
                for staart in ("-wal", "-shm"):
                    nieuw.with_name(nieuw.name + staart).unlink(missing_ok=True)     # leeg na het checkpoint
                # De kop van de nieuwe keten eerst ernaast: een start na een afbreking hierna maakt het af
                # (bestanden.maak_herstel_af), met de juiste kop.
                nieuwe_kop = map_ / (bestanden.KOPBESTAND + ".herstel")
                bestanden.schrijf_kop(map_, auditsleutel, *kopregel, alleen_vooruit=False, naam=nieuwe_kop.name)
                pad = map_ / DBNAAM
                if pad.exists():
                    stempel = f"{datetime.now():%Y%m%d-%H%M%S}"
                    for staart in ("", "-wal", "-shm"):
                        if (oud := map_ / (DBNAAM + staart)).exists():
                            os.replace(oud, map_ / f"{DBNAAM}.voor-herstel-{stempel}{staart}")
                opzij = True
                os.replace(nieuw, pad)
                gelukt = True
                if nieuwe_kop.exists():
                    os.replace(nieuwe_kop, map_ / bestanden.KOPBESTAND)
                _eigen_rechten(map_)
                if verslag is not None:
                    verslag["opnieuw_verwijderd"] = opnieuw
                    verslag["gemaakt"] = kop.get("gemaakt")
                return pad
            except dbapi2.DatabaseError as e:
                if is_schijf_vol(e, map_):
                    raise schijf_vol("de back-up is niet teruggezet; de dossiers zijn zoals ze waren.") from None
                raise OpslagFout(f"De back-up {bron_pad} is beschadigd en kan niet worden teruggezet. Er is niets "
                                 f"gewijzigd.") from None
            except OSError as e:
                if is_schijf_vol(e, map_):
                    raise schijf_vol("de back-up is niet teruggezet; de dossiers zijn zoals ze waren.") from None
                raise OpslagFout(f"De back-up kan niet worden teruggezet in {map_} (foutcode {e.errno}). Er is "
                                 f"niets gewijzigd.") from None
    finally:
        for c in (conn, doel):
            if c is not None:
                try:
                    c.close()
                except dbapi2.Error:
                    pass
        if opzij and not gelukt:        # de nieuwe database was al klaar en de oude opzij: zet de nieuwe neer
            try:
                bestanden.maak_herstel_af(map_)
            except OSError:
                pass
        # Mislukt (beschadigde of vreemde back-up, schijf vol): de map blijft zoals hij was, zonder halve bestanden.
        if not gelukt:
            (map_ / (bestanden.KOPBESTAND + ".herstel")).unlink(missing_ok=True)
        for rest in (tijdelijk, nieuw):
            if rest is nieuw and opzij and not (map_ / DBNAAM).exists():
                continue                # de enige complete database: de volgende start zet hem neer
            _weg(rest)
            rest.with_name(rest.name + ".nieuw").unlink(missing_ok=True)
        if not gelukt and not sleutel_was_er and not (map_ / DBNAAM).exists():
            sb.pad.unlink(missing_ok=True)
            (map_ / bestanden.KOPBESTAND).unlink(missing_ok=True)
            if not map_bestond:
                try:
                    map_.rmdir()
                except OSError:
                    pass


def _controleer_keten(conn, versie: int, kop: dict, backup_sleutel: bytes, bron: Path) -> None:
    """De auditketen van de back-up zoals hij is gemaakt: met de auditsleutel (schema 4), anders sleutelloos; en de
    regel die de kop noemt, moet er precies zo in staan."""
    sleutel = None
    if versie >= 4:
        rij = conn.execute("SELECT waarde FROM geheimen WHERE naam = 'auditketen'").fetchone()
        in_db = rij[0] if rij and isinstance(rij[0], bytes) and len(rij[0]) == 32 else None
        uit_kop = pak_auditsleutel_uit(kop.get("auditsleutel"), backup_sleutel) if "auditsleutel" in kop else None
        if in_db is None or ("auditsleutel" in kop and uit_kop != in_db):
            raise OpslagFout(f"De auditlog in de back-up {bron} is niet na te gaan (de sleutel van de auditketen "
                             f"ontbreekt of past niet bij de kop). Hij is niet teruggezet; er is niets gewijzigd.")
        sleutel = in_db
    kolommen = "volgnr, tijd, gebruiker, actie, dossier_id, vorige_hash, hash" if versie >= 2 else None
    if kolommen is None:
        return          # schema 1 had nog geen keten; de migratie naar 2 geeft hem er een
    rijen = conn.execute(f"SELECT {kolommen} FROM audit ORDER BY volgnr").fetchall()
    fouten = keten_fouten(rijen, sleutel)
    k = kop.get("audit")
    if isinstance(k, dict) and type(k.get("volgnr")) is int and k["volgnr"] > 0:
        per_nr = {r[0]: r[6] for r in rijen}
        if per_nr.get(k["volgnr"]) != k.get("hash"):
            fouten.append((k["volgnr"], f"regel {k['volgnr']} uit de kop ontbreekt of is anders"))
    if fouten:
        raise OpslagFout(f"De auditlog in de back-up {bron} klopt niet: {'; '.join(f for _, f in fouten[:5])}. De "
                         f"back-up is buiten avdesk om veranderd of beschadigd; hij is niet teruggezet. Er is niets "
                         f"gewijzigd.", soort="vreemd")


def _kopieer(conn, doel, bron: Path, map_: Path, sleutel: bytes, kop: dict) -> list[int]:
    """Alle rijen van avdesk uit de back-up in de nieuwe opslag, gecontroleerd; dan de regel 'herstel' en het
    opnieuw verwijderen. Geeft de nummers van de opnieuw verwijderde dossiers."""
    from ..core.casus import CasusFout, lees_casus
    from ..core.params import ParameterFout
    doel.execute("BEGIN IMMEDIATE")
    try:
        for naam, waarde in conn.execute("SELECT naam, waarde FROM geheimen"):
            if naam in GEHEIMEN and isinstance(waarde, bytes) and len(waarde) == 32:
                doel.execute("INSERT OR REPLACE INTO geheimen (naam, waarde) VALUES (?, ?)", (naam, waarde))
        laatste_casus: dict[int, str] = {}
        for tabel in TABELLEN:
            kolommen = _kolommen(doel, tabel)
            namen = [k[0] for k in kolommen]
            plek = ", ".join("?" * len(namen))
            volgorde = "ORDER BY dossier_id, versie" if tabel == "casus_versies" else ""
            for rij in conn.execute(f"SELECT {', '.join(namen)} FROM {tabel} {volgorde}"):
                _controleer_rij(tabel, kolommen, rij, bron)
                r = dict(zip(namen, rij))
                if tabel == "casus_versies":
                    try:
                        lees_casus(r["casus"], concept=True)
                    except (CasusFout, ParameterFout, ValueError, RecursionError):
                        raise _fout_rij(bron, tabel, "casus", r["dossier_id"]) from None
                    laatste_casus[r["dossier_id"]] = r["casus"]
                elif tabel == "berekeningen":
                    try:
                        if not isinstance(json.loads(r["berekening"]), dict):
                            raise ValueError
                    except (ValueError, RecursionError):
                        raise _fout_rij(bron, tabel, "berekening", r["dossier_id"]) from None
                elif tabel == "documenten" and sha256(r["inhoud"]).hexdigest() != r["sha256"]:
                    raise _fout_rij(bron, tabel, "inhoud (past niet bij sha256)", r["dossier_id"])
                doel.execute(f"INSERT INTO {tabel} ({', '.join(namen)}) VALUES ({plek})", rij)
        # Namen, BSN's en zoektekst van elk dossier uit zijn nieuwste casus (zoals avdesk ze zelf zet).
        for dossier_id, tekst in laatste_casus.items():
            c = lees_casus(tekst, concept=True)
            doel.execute("UPDATE dossiers SET aanvrager_naam = ?, partner_naam = ?, aanvrager_bsn = ?, partner_bsn = ?, "
                         "zoektekst = ? WHERE id = ?",
                         (c.aanvrager.naam or "", c.partner.naam or "", c.aanvrager.bsn, c.partner.bsn,
                          f"{c.aanvrager.naam or ''} {c.partner.naam or ''}".casefold(), dossier_id))
        # De auditlog zoals hij was (de keten is al nagelopen), dan weer de triggers.
        for naam in AUDIT_TRIGGER_NAMEN:
            doel.execute(f"DROP TRIGGER {naam}")
        doel.executemany("INSERT INTO audit (volgnr, tijd, gebruiker, actie, dossier_id, vorige_hash, hash) VALUES "
                         "(?, ?, ?, ?, ?, ?, ?)", conn.execute(
                             "SELECT volgnr, tijd, gebruiker, actie, dossier_id, vorige_hash, hash FROM audit "
                             "ORDER BY volgnr"))
        for sql in AUDIT_TRIGGERS:
            doel.execute(sql)
        auditsleutel, gebruiker = _auditsleutel(doel), _gebruiker()

        def regel(actie: str, dossier_id: int | None = None) -> None:
            schrijf_auditregel(doel, auditsleutel, gebruiker, actie, dossier_id,
                               datetime.now().isoformat(timespec="seconds"))
        gemaakt = kop.get("gemaakt")
        wanneer = f" van {gemaakt[8:10]}-{gemaakt[5:7]}-{gemaakt[:4]}" if isinstance(gemaakt, str) and \
            re.fullmatch(r"\d{4}-\d\d-\d\dT[\d:]+", gemaakt) else ""
        regel(f"herstel: back-up{wanneer} teruggezet")
        # AVG: wat in deze map is verwijderd sinds de back-up, blijft verwijderd.
        weg = {r["kenmerk"] for r in bestanden.lees_verwijderd(map_)}
        opnieuw = [d for d, aangemaakt in doel.execute("SELECT id, aangemaakt FROM dossiers ORDER BY id")
                   if bestanden.identiteit(sleutel, d, aangemaakt) in weg]
        if opnieuw:
            _wis_dossiers(doel, opnieuw)
            for d in opnieuw:
                regel("dossier verwijderd (opnieuw, na herstel: was eerder verwijderd)", d)
        doel.execute("COMMIT")
    except BaseException:
        terugdraaien(doel)
        raise
    if opnieuw:
        _leeg_bestand(doel)
    return opnieuw


def _auditsleutel(conn) -> bytes:
    rij = conn.execute("SELECT waarde FROM geheimen WHERE naam = 'auditketen'").fetchone()
    if rij is None or not isinstance(rij[0], bytes) or len(rij[0]) != 32:
        raise OpslagFout("De sleutel van de auditketen ontbreekt in de teruggezette opslag; er is niets gewijzigd.")
    return rij[0]
