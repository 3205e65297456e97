"""Redden uit een beschadigd dossierbestand: een back-up van alles wat nog te lezen is, rij voor rij (een rij op
een beschadigde pagina wordt overgeslagen), met de nummers van wat niet (volledig) te redden is."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import OpslagFout, bezet
from .auditketen import AUDIT_BEGIN, AUDIT_TRIGGER_NAMEN, AUDIT_TRIGGERS
from .backup import schrijfbare_map
from .db import SCHEMA_VERSIE, dbapi2, open_database
from .gedeeld import DBNAAM, _beschadigd, _nu, _schrijf_backup, pak_auditsleutel_in
from .sleutel import inpakken

if TYPE_CHECKING:
    from .opslag import Opslag

# De tabellen met een rij per dossier (kolom dossier_id), in de volgorde waarin ze terugkomen (een betaling verwijst
# naar haar besluit), met wat een dossier mist als een rij onleesbaar is.
PER_DOSSIER = {"casus_versies": "een casusversie", "berekeningen": "een berekening", "documenten": "een document",
               "ontvangsten": "een ontvangen versie", "besluiten": "een besluit", "betalingen": "een betaling"}


@_beschadigd
def red_backup(o: Opslag, doel: Path, wachtwoord: str) -> dict:
    """Een back-up van alles wat nog te lezen is uit een beschadigd dossierbestand, rij voor rij: een rij op een
    beschadigde pagina wordt overgeslagen, de rest gaat mee. Geeft {"gered": [nummers], "onvolledig": {nummer:
    wat ontbreekt}, "verloren": [nummers], "onbekend": [tabellen met onleesbare rijen van een onbekend dossier],
    "audit": (regels gered, volledig)}. Een dossier is verloren als zijn eigen rij niet te lezen is; onvolledig
    als een casusversie, berekening, document, ontvangen versie, besluit of betaling ontbreekt (de rest ervan staat
    in de back-up). Ook de instellingen en de betaalopdrachten gaan mee."""
    if not wachtwoord:
        raise OpslagFout("Kies een wachtwoord voor de back-up.")
    schrijfbare_map(Path(doel))
    o.conn.execute("PRAGMA cipher_log_level = NONE")
    lezer = _Lezer(o)
    return _red(o, lezer, Path(doel), wachtwoord)


def _red(o: Opslag, lezer: _Lezer, doel: Path, wachtwoord: str) -> dict:
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
    for tabel in PER_DOSSIER:
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
                onvolledig.setdefault(dossier_id, []).append(PER_DOSSIER[tabel])
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
    for dossier_id in verwacht:
        if dossier_id not in versies:
            onvolledig.setdefault(dossier_id, []).append("een casusversie")
    instellingen, kapot = _lees_rijen(lezer, "instellingen", ["*"])
    opdrachten, kapot = _lees_rijen(lezer, "betaalopdrachten", ["*"])
    if kapot:
        onbekend.add("betaalopdrachten")

    gered_ids = {dict(r)["id"] for r in dossiers}
    per_dossier = {t: [r for r in kinderen[t] if dict(r)["dossier_id"] in gered_ids] for t in PER_DOSSIER}
    # Een betaling hoort bij een besluit en een betaalopdracht: zonder een van beide gaat hij niet mee.
    besluit_ids = {dict(r)["id"] for r in per_dossier["besluiten"]}
    opdracht_ids = {dict(r)["id"] for r in opdrachten}
    for rij in per_dossier["betalingen"]:
        if dict(rij)["besluit_id"] not in besluit_ids or dict(rij)["opdracht_id"] not in opdracht_ids:
            onvolledig.setdefault(dict(rij)["dossier_id"], []).append("een betaling")
    per_dossier["betalingen"] = [r for r in per_dossier["betalingen"] if dict(r)["besluit_id"] in besluit_ids
                                 and dict(r)["opdracht_id"] in opdracht_ids]
    verloren = sorted(bekend - gered_ids - verwijderd)
    try:
        doelconn = open_database(tijdelijk, sleutel, maak=True)     # leeg, met het schema van nu
        try:
            doelconn.execute("BEGIN IMMEDIATE")
            for tabel, rijen in (("dossiers", dossiers), ("instellingen", instellingen),
                                 ("betaalopdrachten", opdrachten), *per_dossier.items()):
                for rij in rijen:
                    rij = [(k, v) for k, v in rij if k != "_rij"]
                    doelconn.execute(f"INSERT INTO {tabel} ({', '.join(k for k, _ in rij)}) VALUES "
                                     f"({', '.join('?' * len(rij))})", [v for _, v in rij])
            # De auditlog tot de eerste regel die niet te lezen is: de keten (en de triggers) blijven kloppen,
            # met de auditsleutel van deze opslag (die gaat mee in de back-up).
            try:
                auditsleutel = o.auditsleutel
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
        with o.transactie():
            o.audit("back-up gemaakt (gered uit beschadigd bestand)")
    except (OpslagFout, dbapi2.Error):
        pass
    return {"gered": sorted(gered_ids), "verloren": verloren,
            "onvolledig": {d: sorted(set(w)) for d, w in sorted(onvolledig.items()) if d in gered_ids},
            "onbekend": sorted(onbekend), "audit": (audit_volgnr, not audit_kapot)}


class _Lezer:
    """Leest uit een beschadigd bestand. Na een leesfout op een beschadigde pagina geeft SQLite op dezelfde
    verbinding alleen nog fouten ('malformed'), ook voor andere tabellen; dan krijgt de opslag een nieuwe
    verbinding (~0,2 ms)."""

    def __init__(self, opslag: Opslag):
        self.opslag = opslag

    @property
    def conn(self):
        return self.opslag.conn

    def opnieuw(self) -> None:
        o = self.opslag
        if o.map is None or o.sleutel is None:
            return
        oud, o.conn = o.conn, open_database(o.map / DBNAAM, o.sleutel)
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
