"""De bewaartermijn (AVG): welke dossiers en bewaarde kopieen erbuiten vallen, een dossier overal wissen (ook
in de kopieen van voor een herstel), en de inzage-export voor de inwoner (art. 15)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from . import OpslagFout, bestanden
from .db import dbapi2, terugdraaien
from .gedeeld import DBNAAM, _beschadigd, _leeg_bestand, _wis_dossiers

if TYPE_CHECKING:
    from .opslag import Opslag

STANDAARD_BEWAARTERMIJN_MAANDEN = 24


def bewaarde_kopieen(map_: Path) -> list[Path]:
    """De kopieen van de dossiers die avdesk in de gegevensmap bewaart: avdesk.db.voor-herstel-<tijd> (de opslag
    zoals hij was voor een `herstel`), oudste eerst. Hun -wal en -shm horen erbij."""
    try:
        return sorted(p for p in Path(map_).glob(DBNAAM + ".voor-herstel-*")
                      if not p.name.endswith(("-wal", "-shm")) and p.is_file())
    except OSError:
        return []


@_beschadigd
def bewaartermijn_maanden(o: Opslag) -> int:
    return int(o.instelling("bewaartermijn_maanden", str(STANDAARD_BEWAARTERMIJN_MAANDEN)))


@_beschadigd
def verlopen_dossiers(o: Opslag, vandaag: date | None = None, termijn: int | None = None) -> list[dict]:
    """Dossiers waarvan de laatste wijziging langer geleden is dan de bewaartermijn, met een herinnering."""
    vandaag = vandaag or date.today()
    termijn = o.bewaartermijn_maanden if termijn is None else termijn
    maanden = vandaag.year * 12 + vandaag.month - 1 - termijn
    grens = date(maanden // 12, maanden % 12 + 1, min(vandaag.day, 28)).isoformat()
    uit = []
    for r in o.conn.execute("SELECT id, aanvrager_naam, partner_naam, status, gewijzigd FROM dossiers "
                            "WHERE gewijzigd < ? ORDER BY gewijzigd", (grens,)):
        d = dict(zip(("id", "aanvrager_naam", "partner_naam", "status", "gewijzigd"), r))
        d["herinnering"] = (f"Dossier {d['id']} is sinds {d['gewijzigd'][8:10]}-{d['gewijzigd'][5:7]}-"
                            f"{d['gewijzigd'][:4]} niet gewijzigd en valt buiten de bewaartermijn van "
                            f"{termijn} maanden: verwijder het als het niet meer nodig is.")
        uit.append(d)
    return uit


@_beschadigd
def verlopen_in_kopieen(o: Opslag, vandaag: date | None = None) -> list[dict]:
    """Per bewaarde kopie (voor-herstel): naam, datum, aantal dossiers en de nummers van de dossiers buiten de
    bewaartermijn. Een kopie die niet te openen is, staat erin met aantal None."""
    uit = []
    for kopie in bewaarde_kopieen(o.map) if o.map else []:
        stempel = kopie.name.rsplit("voor-herstel-", 1)[1]
        try:
            gemaakt = datetime.strptime(stempel, "%Y%m%d-%H%M%S").date()
        except ValueError:
            gemaakt = date.fromtimestamp(kopie.stat().st_mtime)
        d = {"kopie": kopie, "gemaakt": gemaakt, "aantal": None, "verlopen": []}
        try:
            with o.kopie(kopie) as k:
                d["aantal"] = k.conn.execute("SELECT count(*) FROM dossiers").fetchone()[0]
                d["verlopen"] = [r["id"] for r in k.verlopen_dossiers(vandaag, o.bewaartermijn_maanden)]
        except (OpslagFout, dbapi2.Error):
            pass
        uit.append(d)
    return uit


@_beschadigd
def verwijder_dossier(o: Opslag, dossier_id: int) -> dict:
    """Wis het dossier met alle versies, berekeningen en documenten, en laat geen spoor in het bestand; en
    meteen ook in elke kopie die avdesk bewaart (avdesk.db.voor-herstel-*, van `herstel`). In een kopie geldt
    als hetzelfde dossier: hetzelfde nummer met hetzelfde aanmaakmoment, of dezelfde BSN van de aanvrager of
    partner. Een kopie die niet te openen is, wordt verwijderd. Geeft {"kopieen_gewist", "kopieen_verwijderd"}."""
    with o.transactie():
        rij = o.conn.execute("SELECT aangemaakt, aanvrager_bsn, partner_bsn FROM dossiers WHERE id = ?",
                             (dossier_id,)).fetchone()
        if rij is None:
            raise OpslagFout(f"Dossier {dossier_id} bestaat niet.")
        _wis_dossiers(o.conn, [dossier_id])
        o.audit("dossier verwijderd", dossier_id)
    if o.map is not None and o.sleutel is not None:
        # Onthouden (nummer + HMAC, geen persoonsgegevens): na `herstel` van een oudere back-up weer weg.
        try:
            bestanden.voeg_verwijderd_toe(o.map, o.sleutel, [(dossier_id, rij[0])])
        except OSError:
            pass
    _leeg_bestand(o.conn)
    if o.map is not None:
        bestanden.ruim_resten(o.map, wacht=True)       # ook een rest van een afgebroken herstel of back-up
    gewist = verwijderd = 0
    for kopie in bewaarde_kopieen(o.map) if o.map else []:
        try:
            gewist += _wis_in_kopie(o, kopie, dossier_id, *rij)
        except (OpslagFout, dbapi2.Error, AttributeError):
            for staart in ("", "-wal", "-shm"):
                kopie.with_name(kopie.name + staart).unlink(missing_ok=True)
            verwijderd += 1
    return {"kopieen_gewist": gewist, "kopieen_verwijderd": verwijderd}


def _wis_in_kopie(o: Opslag, kopie: Path, dossier_id: int, aangemaakt: str, *bsns: str | None) -> int:
    bsns = [b for b in bsns if b]
    with o.kopie(kopie) as kopie_opslag:           # de kopie heeft de sleutel van deze opslag
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
                    kopie_opslag.audit("dossier verwijderd (in bewaarde kopie)", i)
            conn.execute("COMMIT")
        except BaseException:
            terugdraaien(conn)
            raise
        if ids:
            _leeg_bestand(conn)
        return 1 if ids else 0


@_beschadigd
def inzage_export(o: Opslag, dossier_id: int) -> dict:
    """De casus als avdesk-casus/1 voor het inzageverzoek van de inwoner (AVG art. 15)."""
    from ..core.casus import casus_naar_dict
    casus = o.casus(dossier_id)
    with o.transactie():
        o.audit("inzage-export", dossier_id)
    return casus_naar_dict(casus)
