"""Vastgelegde besluiten van het team Inkomen (issue 25): een rij per besluit in de tabel besluiten, met de gegevens
als JSON (soort, datum, medewerker, bedragen per jaar en per kostensoort, de betalingen, redenen, rekening).

Een vastgelegd besluit wordt nooit gewijzigd (een trigger weigert het); een nieuw besluit vervangt het vorige, en
beide blijven bewaard. Het laatste vastgelegde besluit van een dossier geldt. De auditlog noemt alleen de soort en
het dossiernummer, nooit een naam, bedrag of rekeningnummer."""

from __future__ import annotations

import json

from .opslag import Opslag, _beschadigd, _nu

SOORTEN = ("toekenning", "gedeeltelijke toekenning", "afwijzing", "buiten behandeling")
BETAALBAAR = ("toekenning", "gedeeltelijke toekenning")


def _rij(r) -> dict:
    i, dossier_id, versie, vastgelegd, soort, gegevens = r
    return {**json.loads(gegevens), "id": i, "dossier": dossier_id, "versie": versie, "vastgelegd": vastgelegd,
            "soort": soort}


@_beschadigd
def leg_vast(opslag: Opslag, dossier_id: int, versie: int, gegevens: dict) -> dict:
    """Leg een besluit vast (een transactie, met een auditregel); geeft het vastgelegde besluit."""
    soort = gegevens["soort"]
    if soort not in SOORTEN:
        raise ValueError(soort)
    with opslag.transactie():
        vorige = opslag.conn.execute("SELECT id FROM besluiten WHERE dossier_id = ? ORDER BY id DESC LIMIT 1",
                                     (dossier_id,)).fetchone()
        tekst = json.dumps({**gegevens, "vervangt": vorige[0] if vorige else None}, ensure_ascii=False,
                           sort_keys=True, default=str)
        i = opslag.conn.execute("INSERT INTO besluiten (dossier_id, casus_versie, vastgelegd, soort, gegevens) "
                                "VALUES (?, ?, ?, ?, ?)", (dossier_id, versie, _nu(), soort, tekst)).lastrowid
        opslag.audit(f"besluit vastgelegd: {soort}" + (f" (vervangt besluit {vorige[0]})" if vorige else ""),
                     dossier_id)
    return besluit(opslag, i)


@_beschadigd
def besluit(opslag: Opslag, besluit_id: int) -> dict | None:
    r = opslag.conn.execute("SELECT id, dossier_id, casus_versie, vastgelegd, soort, gegevens FROM besluiten "
                            "WHERE id = ?", (besluit_id,)).fetchone()
    return _rij(r) if r else None


@_beschadigd
def laatste_besluit(opslag: Opslag, dossier_id: int) -> dict | None:
    """Het geldende (laatst vastgelegde) besluit van een dossier, of None."""
    r = opslag.conn.execute("SELECT id, dossier_id, casus_versie, vastgelegd, soort, gegevens FROM besluiten "
                            "WHERE dossier_id = ? ORDER BY id DESC LIMIT 1", (dossier_id,)).fetchone()
    return _rij(r) if r else None


@_beschadigd
def besluiten(opslag: Opslag, dossier_id: int) -> list[dict]:
    """Alle vastgelegde besluiten van een dossier, oudste eerst (ook de vervangen besluiten)."""
    return [_rij(r) for r in opslag.conn.execute(
        "SELECT id, dossier_id, casus_versie, vastgelegd, soort, gegevens FROM besluiten WHERE dossier_id = ? "
        "ORDER BY id", (dossier_id,))]


@_beschadigd
def geldende_besluiten(opslag: Opslag) -> list[dict]:
    """Per dossier het laatst vastgelegde besluit, op dossiernummer."""
    return [_rij(r) for r in opslag.conn.execute(
        "SELECT b.id, b.dossier_id, b.casus_versie, b.vastgelegd, b.soort, b.gegevens FROM besluiten b "
        "WHERE b.id = (SELECT max(id) FROM besluiten WHERE dossier_id = b.dossier_id) ORDER BY b.dossier_id")]
