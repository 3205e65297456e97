"""Ontvangen aanvragen in de opslag (team Inkomen): een dossier van de soort 'ontvangen' per kenmerk, met de PDF's
als documenten en per controle een regel in de tabel ontvangsten (de uitkomst als JSON). Een gecorrigeerde
berekening met hetzelfde kenmerk wordt een nieuwe versie van hetzelfde dossier."""

from __future__ import annotations

import json
from hashlib import sha256

from . import OpslagFout
from .opslag import Opslag, _beschadigd, _nu

SOORT = "ontvangen"


@_beschadigd
def zoek_kenmerk(opslag: Opslag, kenmerk: str) -> int | None:
    rij = opslag.conn.execute("SELECT id FROM dossiers WHERE soort = ? AND kenmerk = ? ORDER BY id LIMIT 1",
                              (SOORT, kenmerk)).fetchone()
    return rij[0] if rij else None


@_beschadigd
def zelfde_aanvrager(opslag: Opslag, bsn: str | None, behalve: int | None) -> list[int]:
    """Andere ontvangen dossiers met hetzelfde BSN van de aanvrager (ander kenmerk): misschien dezelfde aanvraag."""
    if not bsn:
        return []
    return [r[0] for r in opslag.conn.execute(
        "SELECT id FROM dossiers WHERE soort = ? AND (aanvrager_bsn = ? OR partner_bsn = ?) AND id IS NOT ? "
        "ORDER BY id", (SOORT, bsn, bsn, behalve))]


@_beschadigd
def neem_op(opslag: Opslag, kenmerk: str, casus, documenten: dict[str, tuple[str, bytes]]) -> dict:
    """Bewaar de ontvangen casus en PDF's (soort -> (bestandsnaam, inhoud)) in een transactie. Geeft {"dossier",
    "versie", "nieuw_dossier", "al_ontvangen"}: al_ontvangen als precies deze berekening er al was (dan geen nieuwe
    versie en geen nieuwe documenten)."""
    with opslag.transactie():
        rij = opslag.conn.execute("SELECT id FROM dossiers WHERE soort = ? AND kenmerk = ? ORDER BY id LIMIT 1",
                                  (SOORT, kenmerk)).fetchone()
        nieuw = rij is None
        if nieuw:
            nu = _nu()
            dossier_id = opslag.conn.execute(
                "INSERT INTO dossiers (aangemaakt, gewijzigd, soort, kenmerk) VALUES (?, ?, ?, ?)",
                (nu, nu, SOORT, kenmerk)).lastrowid
            opslag._audit("dossier aangemaakt (ontvangen)", dossier_id)
        else:
            dossier_id = rij[0]
        hashes = {sha256(inhoud).hexdigest() for _, inhoud in documenten.values()}
        al = {r[0] for r in opslag.conn.execute("SELECT sha256 FROM documenten WHERE dossier_id = ?", (dossier_id,))}
        berekening_hash = sha256(documenten["ontvangen berekening"][1]).hexdigest()
        if not nieuw and berekening_hash in al and hashes <= al:
            versie = opslag.conn.execute("SELECT max(versie) FROM casus_versies WHERE dossier_id = ?",
                                         (dossier_id,)).fetchone()[0]
            opslag._audit("zelfde stukken opnieuw ontvangen", dossier_id)
            return {"dossier": dossier_id, "versie": versie, "nieuw_dossier": False, "al_ontvangen": True}
        versie = opslag._bewaar(dossier_id, casus, None)
        for soort, (naam, inhoud) in documenten.items():
            h = sha256(inhoud).hexdigest()
            if h in al:
                continue
            opslag.conn.execute("INSERT INTO documenten (dossier_id, soort, bestandsnaam, inhoud, sha256, gemaakt) "
                                "VALUES (?, ?, ?, ?, ?, ?)", (dossier_id, soort, naam, inhoud, h, _nu()))
            opslag._audit(f"document ontvangen: {soort.removeprefix('ontvangen ')}", dossier_id)
    return {"dossier": dossier_id, "versie": versie, "nieuw_dossier": nieuw, "al_ontvangen": False}


@_beschadigd
def bewaar_controle(opslag: Opslag, dossier_id: int, versie: int, uitkomst: dict) -> None:
    with opslag.transactie():
        opslag.conn.execute("INSERT INTO ontvangsten (dossier_id, casus_versie, ontvangen, controle_code, uitkomst) "
                            "VALUES (?, ?, ?, ?, ?)", (dossier_id, versie, _nu(), uitkomst["controle"]["code"],
                                                       json.dumps(uitkomst, ensure_ascii=False)))
        opslag.conn.execute("UPDATE dossiers SET gewijzigd = ? WHERE id = ?", (_nu(), dossier_id))
        opslag._audit("ontvangen stukken gecontroleerd", dossier_id)


@_beschadigd
def laatste_controle(opslag: Opslag, dossier_id: int) -> dict | None:
    rij = opslag.conn.execute("SELECT uitkomst, ontvangen, casus_versie, beschikking FROM ontvangsten WHERE dossier_id = ? "
                              "ORDER BY id DESC LIMIT 1", (dossier_id,)).fetchone()
    if rij is None:
        return None
    return {**json.loads(rij[0]), "gecontroleerd": rij[1], "versie": rij[2], "beschikking": rij[3]}


@_beschadigd
def zet_beschikking(opslag: Opslag, dossier_id: int, tekst: str) -> None:
    """De beschikkingsstatus bij de laatste controle ("concept toekenning, 29-11-2026")."""
    with opslag.transactie():
        rij = opslag.conn.execute("SELECT max(id) FROM ontvangsten WHERE dossier_id = ?", (dossier_id,)).fetchone()
        if rij[0] is None:
            raise OpslagFout(f"Dossier {dossier_id} is geen ontvangen aanvraag.")
        opslag.conn.execute("UPDATE ontvangsten SET beschikking = ? WHERE id = ?", (tekst, rij[0]))
        opslag._audit("concept beschikking gemaakt", dossier_id)


@_beschadigd
def stukken(opslag: Opslag, dossier_id: int) -> dict[str, tuple[str, bytes]]:
    """De nieuwste ontvangen berekening en aanvraag: soort -> (bestandsnaam, inhoud)."""
    uit: dict[str, tuple[str, bytes]] = {}
    for soort, naam, inhoud in opslag.conn.execute(
            "SELECT soort, bestandsnaam, inhoud FROM documenten WHERE dossier_id = ? AND soort LIKE 'ontvangen %' "
            "ORDER BY id", (dossier_id,)):
        uit[soort] = (naam, inhoud)
    return uit


@_beschadigd
def ontvangen_dossiers(opslag: Opslag, zoek: str = "", limiet: int = 500) -> list[dict]:
    """De ontvangen dossiers, laatst gewijzigd eerst, met de laatste controle (voor de lijst van de gemeente)."""
    sql = ("SELECT d.id, d.aanvrager_naam, d.partner_naam, d.kenmerk, d.gewijzigd, o.uitkomst, o.beschikking "
           "FROM dossiers d LEFT JOIN ontvangsten o ON o.id = (SELECT max(id) FROM ontvangsten WHERE dossier_id = d.id) "
           "WHERE d.soort = ?")
    args: list = [SOORT]
    if zoek.strip():
        sql += " AND (instr(d.zoektekst, ?) > 0 OR instr(lower(d.kenmerk), ?) > 0)"
        args += [zoek.strip().casefold()] * 2
    sql += " ORDER BY d.gewijzigd DESC, d.id DESC LIMIT ?"
    uit = []
    for i, a, p, km, gewijzigd, uitkomst, beschikking in opslag.conn.execute(sql, [*args, limiet]):
        uit.append({"id": i, "aanvrager_naam": a, "partner_naam": p, "kenmerk": km, "gewijzigd": gewijzigd,
                    "uitkomst": json.loads(uitkomst) if uitkomst else None, "beschikking": beschikking or ""})
    return uit
