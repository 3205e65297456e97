"""Ontvangen aanvragen in de opslag (team Inkomen): een dossier van de soort 'ontvangen' per kenmerk, met de PDF's
als documenten en per controle een regel in de tabel ontvangsten (de uitkomst als JSON).

Versies: elke ontvangst van andere stukken onder hetzelfde kenmerk (of met een vingerafdruk die dit dossier al
kent) wordt een nieuwe versie van hetzelfde dossier, met haar eigen berekening en aanvraag. Welke documenten bij
een versie horen, staat in de uitkomst van elke controle ("stukken": soort -> document-id). Geen enkele versie
vervangt de geldende zonder dat de medewerker haar vastzet: vastzetten is een regel in ontvangsten met
"vastgezet" in de uitkomst. Zolang er niets is vastgezet, geldt de eerste versie waarvan de controle klopt.

Geen nieuwe tabel of kolom: alles past in de bestaande tabellen (casus_versies, documenten, ontvangsten)."""

from __future__ import annotations

import json
from hashlib import sha256

from . import OpslagFout
from .opslag import Opslag, _beschadigd, _nu

SOORT = "ontvangen"
BEREKENING, AANVRAAG = "ontvangen berekening", "ontvangen aanvraag"


@_beschadigd
def zoek_kenmerk(opslag: Opslag, kenmerk: str) -> int | None:
    rij = opslag.conn.execute("SELECT id FROM dossiers WHERE soort = ? AND kenmerk = ? ORDER BY id LIMIT 1",
                              (SOORT, kenmerk)).fetchone()
    return rij[0] if rij else None


@_beschadigd
def zoek_vingerafdruk(opslag: Opslag, vingerafdruk: str | None) -> int | None:
    """Het ontvangen dossier dat een versie met deze vingerafdruk heeft (dezelfde berekening, ander kenmerk)."""
    if not vingerafdruk:
        return None
    for dossier_id, uitkomst in opslag.conn.execute(
            "SELECT o.dossier_id, o.uitkomst FROM ontvangsten o JOIN dossiers d ON d.id = o.dossier_id "
            "WHERE d.soort = ? AND instr(o.uitkomst, ?) > 0 ORDER BY o.id", (SOORT, vingerafdruk)):
        if json.loads(uitkomst).get("vingerafdruk") == vingerafdruk:
            return dossier_id
    return None


@_beschadigd
def zelfde_aanvrager(opslag: Opslag, bsn: str | None, behalve: int | None) -> list[int]:
    """Andere ontvangen dossiers met hetzelfde BSN van de aanvrager (ander kenmerk): misschien dezelfde aanvraag."""
    if not bsn:
        return []
    return [r[0] for r in opslag.conn.execute(
        "SELECT id FROM dossiers WHERE soort = ? AND (aanvrager_bsn = ? OR partner_bsn = ?) AND id IS NOT ? "
        "ORDER BY id", (SOORT, bsn, bsn, behalve))]


def _naamvelden(casus) -> dict:
    return {"aanvrager_naam": casus.aanvrager.naam or "", "partner_naam": casus.partner.naam or "",
            "aanvrager_bsn": casus.aanvrager.bsn, "partner_bsn": casus.partner.bsn,
            "zoektekst": f"{casus.aanvrager.naam or ''} {casus.partner.naam or ''}".casefold()}


@_beschadigd
def neem_op(opslag: Opslag, kenmerk: str, casus, documenten: dict[str, tuple[str, bytes]],
            vingerafdruk: str | None = None) -> dict:
    """Bewaar de ontvangen casus en PDF's (soort -> (bestandsnaam, inhoud)) in een transactie, als nieuwe versie.

    Geeft {"dossier", "versie", "nieuw_dossier", "al_ontvangen", "stukken"}: al_ontvangen als precies deze
    berekening met precies deze aanvraag (of zonder aanvraag) al een versie is; dan geen nieuwe versie.
    "stukken": soort -> document-id van deze versie. Namen en BSN's van het dossier komen alleen bij de eerste
    versie (en bij vastzetten) uit de casus: een latere upload verandert de dossierlijst niet."""
    with opslag.transactie():
        dossier_id = zoek_kenmerk(opslag, kenmerk) or zoek_vingerafdruk(opslag, vingerafdruk)
        nieuw = dossier_id is None
        if nieuw:
            nu = _nu()
            dossier_id = opslag.conn.execute(
                "INSERT INTO dossiers (aangemaakt, gewijzigd, soort, kenmerk) VALUES (?, ?, ?, ?)",
                (nu, nu, SOORT, kenmerk)).lastrowid
            opslag.audit("dossier aangemaakt (ontvangen)", dossier_id)
        hashes = {soort: sha256(inhoud).hexdigest() for soort, (_, inhoud) in documenten.items()}
        if not nieuw:
            for v in _versies(opslag, dossier_id):
                if v["hashes"].get(BEREKENING) == hashes.get(BEREKENING) and \
                        v["hashes"].get(AANVRAAG) == hashes.get(AANVRAAG):
                    opslag.audit("zelfde stukken opnieuw ontvangen", dossier_id)
                    return {"dossier": dossier_id, "versie": v["versie"], "nieuw_dossier": False,
                            "al_ontvangen": True, "stukken": v["stukken"]}
        from ..core.casus import casus_naar_dict
        tekst = json.dumps(casus_naar_dict(casus), ensure_ascii=False, sort_keys=True)
        versie = (opslag.conn.execute("SELECT max(versie) FROM casus_versies WHERE dossier_id = ?",
                                      (dossier_id,)).fetchone()[0] or 0) + 1
        opslag.conn.execute("INSERT INTO casus_versies (dossier_id, versie, casus, opgeslagen) VALUES (?, ?, ?, ?)",
                            (dossier_id, versie, tekst, _nu()))
        velden = {"gewijzigd": _nu(), **(_naamvelden(casus) if nieuw else {})}
        opslag.conn.execute(f"UPDATE dossiers SET {', '.join(f'{k} = ?' for k in velden)} WHERE id = ?",
                            (*velden.values(), dossier_id))
        opslag.audit("casus opgeslagen" if nieuw else "nieuwe versie ontvangen (ter beoordeling)", dossier_id)
        bestaand = {h: i for i, h in opslag.conn.execute("SELECT id, sha256 FROM documenten WHERE dossier_id = ?",
                                                         (dossier_id,))}
        stukken: dict[str, int] = {}
        for soort, (naam, inhoud) in documenten.items():
            h = hashes[soort]
            if h in bestaand:                   # dezelfde aanvraag bij een nieuwe berekening: niet dubbel bewaren
                stukken[soort] = bestaand[h]
                continue
            stukken[soort] = opslag.conn.execute(
                "INSERT INTO documenten (dossier_id, soort, bestandsnaam, inhoud, sha256, gemaakt) "
                "VALUES (?, ?, ?, ?, ?, ?)", (dossier_id, soort, naam, inhoud, h, _nu())).lastrowid
            bestaand[h] = stukken[soort]
            opslag.audit(f"document ontvangen: {soort.removeprefix('ontvangen ')}", dossier_id)
    return {"dossier": dossier_id, "versie": versie, "nieuw_dossier": nieuw, "al_ontvangen": False,
            "stukken": stukken}


@_beschadigd
def bewaar_controle(opslag: Opslag, dossier_id: int, versie: int, uitkomst: dict,
                    stukken: dict[str, int] | None = None) -> None:
    """Een controle van een versie; `stukken` (soort -> document-id) koppelt de documenten aan de versie (zonder:
    die van de vorige controle van deze versie)."""
    if stukken is None:
        stukken = next((v["stukken"] for v in _versies(opslag, dossier_id) if v["versie"] == versie), {})
    uitkomst = {**uitkomst, "stukken": stukken}
    with opslag.transactie():
        opslag.conn.execute("INSERT INTO ontvangsten (dossier_id, casus_versie, ontvangen, controle_code, uitkomst) "
                            "VALUES (?, ?, ?, ?, ?)", (dossier_id, versie, _nu(), uitkomst["controle"]["code"],
                                                       json.dumps(uitkomst, ensure_ascii=False, default=str)))
        opslag.conn.execute("UPDATE dossiers SET gewijzigd = ? WHERE id = ?", (_nu(), dossier_id))
        opslag.audit("ontvangen stukken gecontroleerd", dossier_id)


def _versies(opslag: Opslag, dossier_id: int) -> list[dict]:
    """Per versie: versie, ontvangen, laatste controle (uitkomst, code, tijd, rij), vastgezet (tijd of None, van de
    laatste keer), stukken (soort -> document-id) en hashes (soort -> sha256)."""
    versies = {v: {"versie": v, "ontvangen": o, "uitkomst": None, "controle_code": None, "gecontroleerd": None,
                   "rij": None, "vastgezet": None, "stukken": {}, "hashes": {}, "beschikking": ""}
               for v, o in opslag.conn.execute("SELECT versie, opgeslagen FROM casus_versies WHERE dossier_id = ? "
                                               "ORDER BY versie", (dossier_id,))}
    for rij, versie, tijd, code, tekst, beschikking in opslag.conn.execute(
            "SELECT id, casus_versie, ontvangen, controle_code, uitkomst, beschikking FROM ontvangsten "
            "WHERE dossier_id = ? ORDER BY id", (dossier_id,)):
        v = versies.get(versie)
        if v is None:
            continue
        u = json.loads(tekst)
        if u.get("vastgezet"):
            v["vastgezet"] = (rij, tijd)
        else:
            v.update(uitkomst=u, controle_code=code, gecontroleerd=tijd, rij=rij)
        if beschikking:
            v["beschikking"] = beschikking
        if u.get("stukken"):
            v["stukken"] = {k: int(i) for k, i in u["stukken"].items()}
    if any(not v["stukken"] for v in versies.values()):
        _oude_koppeling(opslag, dossier_id, versies)
    docs = {i: h for i, h in opslag.conn.execute("SELECT id, sha256 FROM documenten WHERE dossier_id = ?",
                                                 (dossier_id,))}
    for v in versies.values():
        v["hashes"] = {k: docs.get(i) for k, i in v["stukken"].items()}
    return list(versies.values())


def _oude_koppeling(opslag: Opslag, dossier_id: int, versies: dict) -> None:
    """Ontvangen met een avdesk van voor de versies: de n-de ontvangen berekening hoort bij versie n, en de aanvraag
    is de laatste die voor de volgende berekening binnenkwam."""
    docs = list(opslag.conn.execute("SELECT id, soort FROM documenten WHERE dossier_id = ? AND soort IN (?, ?) "
                                    "ORDER BY id", (dossier_id, BEREKENING, AANVRAAG)))
    berekeningen = [i for i, s in docs if s == BEREKENING]
    for n, v in enumerate(sorted(versies)):
        if versies[v]["stukken"] or n >= len(berekeningen):
            continue
        grens = berekeningen[n + 1] if n + 1 < len(berekeningen) else float("inf")
        aanvragen = [i for i, s in docs if s == AANVRAAG and i < grens]
        versies[v]["stukken"] = {BEREKENING: berekeningen[n], **({AANVRAAG: aanvragen[-1]} if aanvragen else {})}


def _geldend(versies: list[dict]) -> int | None:
    vast = [v for v in versies if v["vastgezet"]]
    if vast:
        return max(vast, key=lambda v: v["vastgezet"][0])["versie"]
    return next((v["versie"] for v in versies if v["controle_code"] == 0), None)


@_beschadigd
def versies(opslag: Opslag, dossier_id: int) -> list[dict]:
    """De versies van een ontvangen dossier met hun status: 'geldend' (vastgezet, of de eerste die klopt),
    'ter beoordeling' (later ontvangen, nog niet beoordeeld) of 'vervangen'."""
    _is_ontvangen(opslag, dossier_id)
    alle = _versies(opslag, dossier_id)
    geldend = _geldend(alle)
    for v in alle:
        if v["versie"] == geldend:
            v["status"] = "geldend"
        elif geldend is not None and (v["versie"] < geldend or v["vastgezet"]):
            v["status"] = "vervangen"
        else:
            v["status"] = "ter beoordeling"
    return alle


@_beschadigd
def geldende_versie(opslag: Opslag, dossier_id: int) -> int | None:
    return _geldend(_versies(opslag, dossier_id))


def _is_ontvangen(opslag: Opslag, dossier_id: int) -> None:
    rij = opslag.conn.execute("SELECT soort FROM dossiers WHERE id = ?", (dossier_id,)).fetchone()
    if rij is None:
        raise OpslagFout(f"Dossier {dossier_id} bestaat niet.")
    if rij[0] != SOORT:
        raise OpslagFout(f"Dossier {dossier_id} is geen ontvangen aanvraag (zie `avdesk ontvang`).")


@_beschadigd
def zet_vast(opslag: Opslag, dossier_id: int, versie: int, casus) -> None:
    """De medewerker zet een versie vast: zij wordt de geldende (een regel in ontvangsten, en in de auditlog)."""
    _is_ontvangen(opslag, dossier_id)
    v = next((x for x in _versies(opslag, dossier_id) if x["versie"] == versie), None)
    if v is None:
        raise OpslagFout(f"Dossier {dossier_id} heeft geen versie {versie}.")
    with opslag.transactie():
        opslag.conn.execute("INSERT INTO ontvangsten (dossier_id, casus_versie, ontvangen, controle_code, uitkomst) "
                            "VALUES (?, ?, ?, ?, ?)", (dossier_id, versie, _nu(), v["controle_code"] or 0,
                                                       json.dumps({"vastgezet": True, "stukken": v["stukken"]})))
        velden = {"gewijzigd": _nu(), **_naamvelden(casus)}
        opslag.conn.execute(f"UPDATE dossiers SET {', '.join(f'{k} = ?' for k in velden)} WHERE id = ?",
                            (*velden.values(), dossier_id))
        opslag.audit(f"versie {versie} vastgezet", dossier_id)


@_beschadigd
def laatste_controle(opslag: Opslag, dossier_id: int, versie: int | None = None) -> dict | None:
    """De laatste controle van een versie (zonder versie: van de geldende, of van de nieuwste als er geen geldt)."""
    alle = _versies(opslag, dossier_id)
    if not alle:
        return None
    if versie is None:
        versie = _geldend(alle) or alle[-1]["versie"]
    v = next((x for x in alle if x["versie"] == versie), None)
    if v is None or v["uitkomst"] is None:
        return None
    return {**v["uitkomst"], "gecontroleerd": v["gecontroleerd"], "versie": versie, "beschikking": v["beschikking"]}


@_beschadigd
def zet_beschikking(opslag: Opslag, dossier_id: int, tekst: str, versie: int | None = None) -> None:
    """De beschikkingsstatus bij de laatste controle van de versie ("concept toekenning, 29-11-2026")."""
    alle = _versies(opslag, dossier_id)
    if versie is None:
        versie = _geldend(alle)
    rij = next((x["rij"] for x in alle if x["versie"] == versie), None)
    if rij is None:
        raise OpslagFout(f"Dossier {dossier_id} is geen ontvangen aanvraag.")
    with opslag.transactie():
        opslag.conn.execute("UPDATE ontvangsten SET beschikking = ? WHERE id = ?", (tekst, rij))
        opslag.audit("concept beschikking gemaakt", dossier_id)


@_beschadigd
def stukken(opslag: Opslag, dossier_id: int, versie: int | None = None) -> dict[str, tuple[str, bytes]]:
    """De ontvangen berekening en aanvraag van een versie (zonder versie: de geldende, anders de nieuwste):
    soort -> (bestandsnaam, inhoud). Leeg als het dossier geen ontvangen stukken heeft."""
    alle = _versies(opslag, dossier_id)
    if not alle:
        return {}
    if versie is None:
        versie = _geldend(alle) or alle[-1]["versie"]
    v = next((x for x in alle if x["versie"] == versie), None)
    if v is None:
        return {}
    uit: dict[str, tuple[str, bytes]] = {}
    for soort, doc_id in v["stukken"].items():
        rij = opslag.conn.execute("SELECT bestandsnaam, inhoud FROM documenten WHERE id = ? AND dossier_id = ?",
                                  (doc_id, dossier_id)).fetchone()
        if rij:
            uit[soort] = (rij[0], rij[1])
    return uit


@_beschadigd
def ontvangen_dossiers(opslag: Opslag, zoek: str = "", limiet: int = 500) -> list[dict]:
    """De ontvangen dossiers, laatst gewijzigd eerst, met de laatste controle van de geldende versie (of van de
    nieuwste als er geen geldt) en het aantal versies ter beoordeling (voor de lijst van de gemeente)."""
    sql = "SELECT d.id, d.aanvrager_naam, d.partner_naam, d.kenmerk, d.gewijzigd FROM dossiers d WHERE d.soort = ?"
    args: list = [SOORT]
    if zoek.strip():
        sql += " AND (instr(d.zoektekst, ?) > 0 OR instr(lower(d.kenmerk), ?) > 0)"
        args += [zoek.strip().casefold()] * 2
    sql += " ORDER BY d.gewijzigd DESC, d.id DESC LIMIT ?"
    uit = []
    for i, a, p, km, gewijzigd in list(opslag.conn.execute(sql, [*args, limiet])):
        alle = versies(opslag, i)
        geldend = next((v for v in alle if v["status"] == "geldend"), None)
        toon = geldend or (alle[-1] if alle else None)
        uit.append({"id": i, "aanvrager_naam": a, "partner_naam": p, "kenmerk": km, "gewijzigd": gewijzigd,
                    "uitkomst": toon["uitkomst"] if toon else None, "beschikking": toon["beschikking"] if toon else "",
                    "geldende_versie": geldend["versie"] if geldend else None,
                    "ter_beoordeling": sum(v["status"] == "ter beoordeling" for v in alle)})
    return uit


@_beschadigd
def casus_tekst(opslag: Opslag, dossier_id: int, versie: int) -> str | None:
    """De casus van een versie zoals hij bewaard is (JSON), om versies te vergelijken."""
    rij = opslag.conn.execute("SELECT casus FROM casus_versies WHERE dossier_id = ? AND versie = ?",
                              (dossier_id, versie)).fetchone()
    return rij[0] if rij else None
