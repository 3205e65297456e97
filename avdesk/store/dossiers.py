"""De dossiers: aanmaken, casusversies bewaren en teruglezen, status, de dossierlijst, berekeningen, documenten
en instellingen. Elke functie krijgt de geopende Opslag (opslag.py: openen, transacties, de auditregel); Opslag
biedt ze ook als methoden aan (o.nieuw_dossier(...) is dossiers.nieuw_dossier(o, ...))."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .. import __version__
from . import OpslagFout
from .gedeeld import _beschadigd, _nu

if TYPE_CHECKING:        # de rekenkern (casus, Decimal) pas laden als er een casus gelezen of bewaard wordt:
    from ..core.casus import Casus          # de dossierlijst bij het starten heeft hem niet nodig
    from .opslag import Opslag

STATUSSEN = ("in behandeling", "aanvraag klaar", "afgerond")


# ------------------------------------------------------------ dossiers en versies


@_beschadigd
def nieuw_dossier(o: Opslag, casus: Casus | None = None, raadsman: str = "") -> int:
    with o.transactie():
        nu = _nu()
        dossier_id = o.db["dossiers"].insert({"aangemaakt": nu, "gewijzigd": nu, "raadsman": raadsman}).last_pk
        o.audit("dossier aangemaakt", dossier_id)
        if casus is not None:
            _bewaar(o, dossier_id, casus, None)
    return dossier_id


@_beschadigd
def bewaar_casus(o: Opslag, dossier_id: int, casus: Casus, wizard_stap: int | None = None) -> int:
    """Bewaar een nieuwe versie (een transactie). Is de casus gelijk aan de laatste versie, dan geen nieuwe."""
    with o.transactie():
        return _bewaar(o, dossier_id, casus, wizard_stap)


def _bewaar(o: Opslag, dossier_id: int, casus: Casus, wizard_stap: int | None) -> int:
    dossier(o, dossier_id)
    from ..core.casus import casus_naar_dict
    tekst = json.dumps(casus_naar_dict(casus), ensure_ascii=False, sort_keys=True)
    laatste = o.conn.execute("SELECT versie, casus FROM casus_versies WHERE dossier_id = ? ORDER BY versie DESC "
                             "LIMIT 1", (dossier_id,)).fetchone()
    velden = {"gewijzigd": _nu(), "aanvrager_naam": casus.aanvrager.naam or "",
              "partner_naam": casus.partner.naam or "", "aanvrager_bsn": casus.aanvrager.bsn,
              "partner_bsn": casus.partner.bsn,
              "zoektekst": f"{casus.aanvrager.naam or ''} {casus.partner.naam or ''}".casefold()}
    if wizard_stap is not None:
        velden["wizard_stap"] = wizard_stap
    if laatste and laatste[1] == tekst:
        if wizard_stap is not None:
            o.db["dossiers"].update(dossier_id, {"wizard_stap": wizard_stap})
        return laatste[0]
    versie = (laatste[0] if laatste else 0) + 1
    o.db["casus_versies"].insert({"dossier_id": dossier_id, "versie": versie, "casus": tekst, "opgeslagen": _nu()})
    o.db["dossiers"].update(dossier_id, velden)
    o.audit("casus opgeslagen", dossier_id)
    return versie


@_beschadigd
def dossier(o: Opslag, dossier_id: int) -> dict:
    rij = o.conn.execute("SELECT id, aanvrager_naam, partner_naam, status, raadsman, wizard_stap, aangemaakt, "
                         "gewijzigd FROM dossiers WHERE id = ?", (dossier_id,)).fetchone()
    if rij is None:
        raise OpslagFout(f"Dossier {dossier_id} bestaat niet.")
    return dict(zip(("id", "aanvrager_naam", "partner_naam", "status", "raadsman", "wizard_stap", "aangemaakt",
                     "gewijzigd"), rij))


@_beschadigd
def personen(o: Opslag, dossier_id: int) -> dict:
    """Namen en BSN's van aanvrager en partner (voor een overzicht met persoonsgegevens; nooit voor een log)."""
    dossier(o, dossier_id)        # bestaat het niet: OpslagFout
    rij = o.conn.execute("SELECT aanvrager_naam, partner_naam, aanvrager_bsn, partner_bsn FROM dossiers "
                         "WHERE id = ?", (dossier_id,)).fetchone()
    return dict(zip(("aanvrager_naam", "partner_naam", "aanvrager_bsn", "partner_bsn"), rij))


@_beschadigd
def casus(o: Opslag, dossier_id: int, versie: int | None = None) -> Casus:
    sql = "SELECT casus FROM casus_versies WHERE dossier_id = ? " + \
          ("AND versie = ?" if versie else "ORDER BY versie DESC LIMIT 1")
    rij = o.conn.execute(sql, (dossier_id, versie) if versie else (dossier_id,)).fetchone()
    if rij is None:
        dossier(o, dossier_id)
        raise OpslagFout(f"Dossier {dossier_id} heeft " + (f"geen versie {versie}." if versie else "nog geen casus."))
    from ..core.casus import lees_casus
    return lees_casus(rij[0], concept=True)      # ook een half ingevulde casus uit de wizard


@_beschadigd
def versies(o: Opslag, dossier_id: int) -> list[dict]:
    dossier(o, dossier_id)
    return [{"versie": v, "opgeslagen": o} for v, o in o.conn.execute(
        "SELECT versie, opgeslagen FROM casus_versies WHERE dossier_id = ? ORDER BY versie", (dossier_id,))]


@_beschadigd
def herstel_versie(o: Opslag, dossier_id: int, versie: int) -> int:
    """Terug naar een eerdere versie: die wordt de nieuwste (de tussenliggende blijven bewaard)."""
    return o.bewaar_casus(dossier_id, o.casus(dossier_id, versie))


@_beschadigd
def zet_status(o: Opslag, dossier_id: int, status: str) -> None:
    if status not in STATUSSEN:
        raise OpslagFout(f"Onbekende status '{status}'; kies uit: {', '.join(STATUSSEN)}.")
    with o.transactie():
        dossier(o, dossier_id)
        o.db["dossiers"].update(dossier_id, {"status": status, "gewijzigd": _nu()})
        o.audit(f"status: {status}", dossier_id)


@_beschadigd
def dossiers(o: Opslag, zoek: str = "", limiet: int = 50, vanaf: int = 0) -> list[dict]:
    """Een pagina van de dossierlijst, laatst gewijzigd eerst; zoek op (een deel van) een naam."""
    sql = "SELECT id, aanvrager_naam, partner_naam, status, gewijzigd FROM dossiers"
    args: list = []
    if zoek.strip():
        sql += " WHERE instr(zoektekst, ?) > 0"
        args.append(zoek.strip().casefold())
    sql += " ORDER BY gewijzigd DESC, id DESC LIMIT ? OFFSET ?"
    return [dict(zip(("id", "aanvrager_naam", "partner_naam", "status", "gewijzigd"), r))
            for r in o.conn.execute(sql, [*args, limiet, vanaf])]

# ------------------------------------------------------------ berekeningen en documenten


@_beschadigd
def bewaar_berekening(o: Opslag, dossier_id: int, casus_versie: int, berekening_json: dict, parameterversie: str) -> int:
    with o.transactie():
        dossier(o, dossier_id)
        rij = o.db["berekeningen"].insert({
            "dossier_id": dossier_id, "casus_versie": casus_versie, "parameterversie": parameterversie,
            "berekening": json.dumps(berekening_json, default=str, ensure_ascii=False),
            "app_versie": __version__, "gemaakt": _nu()}).last_pk
        o.audit("berekening opgeslagen", dossier_id)
    return rij


@_beschadigd
def bewaar_document(o: Opslag, dossier_id: int, soort: str, bestandsnaam: str, inhoud: bytes) -> int:
    return o.bewaar_documenten(dossier_id, {soort: (bestandsnaam, inhoud)})[soort]


@_beschadigd
def bewaar_documenten(o: Opslag, dossier_id: int, documenten: dict[str, tuple[str, bytes]]) -> dict[str, int]:
    """Bewaar documenten (soort -> (bestandsnaam, inhoud)) samen in een transactie: allemaal of geen."""
    from hashlib import sha256
    ids = {}
    with o.transactie():
        dossier(o, dossier_id)
        for soort, (bestandsnaam, inhoud) in documenten.items():
            ids[soort] = o.db["documenten"].insert({
                "dossier_id": dossier_id, "soort": soort, "bestandsnaam": bestandsnaam, "inhoud": inhoud,
                "sha256": sha256(inhoud).hexdigest(), "gemaakt": _nu()}).last_pk
            o.audit(f"document gemaakt: {soort}", dossier_id)
    return ids


@_beschadigd
def laatste_documenten(o: Opslag, dossier_id: int) -> dict[str, tuple[str, bytes]]:
    """Per soort het nieuwste document: soort -> (bestandsnaam, inhoud)."""
    dossier(o, dossier_id)
    uit: dict[str, tuple[str, bytes]] = {}
    for soort, naam, inhoud in o.conn.execute(
            "SELECT soort, bestandsnaam, inhoud FROM documenten WHERE dossier_id = ? ORDER BY id", (dossier_id,)):
        uit[soort] = (naam, inhoud)
    return uit


@_beschadigd
def documenten(o: Opslag, dossier_id: int) -> list[dict]:
    return [dict(zip(("id", "soort", "bestandsnaam", "sha256", "gemaakt", "grootte"), r)) for r in o.conn.execute(
        "SELECT id, soort, bestandsnaam, sha256, gemaakt, length(inhoud) FROM documenten WHERE dossier_id = ? "
        "ORDER BY id", (dossier_id,))]


@_beschadigd
def document(o: Opslag, document_id: int) -> bytes:
    rij = o.conn.execute("SELECT inhoud FROM documenten WHERE id = ?", (document_id,)).fetchone()
    if rij is None:
        raise OpslagFout(f"Document {document_id} bestaat niet.")
    return rij[0]


@_beschadigd
def instelling(o: Opslag, sleutel: str, standaard: str | None = None) -> str | None:
    rij = o.conn.execute("SELECT waarde FROM instellingen WHERE sleutel = ?", (sleutel,)).fetchone()
    return rij[0] if rij else standaard


@_beschadigd
def zet_instelling(o: Opslag, sleutel: str, waarde: str) -> None:
    with o.transactie():
        o.db["instellingen"].upsert({"sleutel": sleutel, "waarde": waarde}, pk="sleutel")
        o.audit(f"instelling gewijzigd: {sleutel}")
