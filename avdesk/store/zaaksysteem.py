"""Wat avdesk over het zaaksysteem van de gemeente bewaart (ZGW API's, issue 25): het secret van de client en, per
dossier, wat er al in het zaaksysteem is aangemaakt.

Het secret staat waar de databasesleutel staat: zijn de dossiers met de sleutelbos (keyring) beveiligd, dan in de
sleutelbos (dienst "avdesk", naam "zaaksysteem-<store_id>"); in de wachtwoordmodus (geen sleutelbos, of de gebruiker
koos een wachtwoord) staat het versleuteld in de opslag zelf (tabel `geheimen`, zoals de sleutel van de
doelgroepselectielijst), dus even goed beveiligd als de dossiers. Nooit in de tabel instellingen, de auditlog of een
melding.

De stand per dossier is een document van de soort "zaaksysteem" (JSON: de identificaties en URL's die het
zaaksysteem teruggaf), na elke geslaagde stap een nieuw: een herhaling ziet wat er al is en maakt niets dubbel.
Geen nieuwe tabel of kolom; een verwijderd dossier neemt zijn stand mee."""

from __future__ import annotations

import json
from hashlib import sha256

from .opslag import Opslag, _beschadigd, _nu
from .sleutel import SERVICE, Sleutelbeheer, veilige_keyring

SOORT = "zaaksysteem"
GEHEIM = "zaaksysteem_secret"


def _sleutelbos(opslag: Opslag):
    """(backend, naam, sleutelbosmodus): de veilige sleutelbos (of None) en of de dossiers ermee beveiligd zijn."""
    if opslag.map is None:
        return None, None, False
    try:
        info = Sleutelbeheer(opslag.map).info()
    except Exception:
        return None, None, False
    backend = veilige_keyring()
    return backend, f"zaaksysteem-{info['store_id']}", info.get("modus") == "keyring"


def _uit_bos(backend, naam) -> str:
    if backend is None:
        return ""
    try:
        return backend.get_password(SERVICE, naam) or ""
    except Exception:
        return ""


def _uit_opslag(opslag: Opslag) -> str:
    rij = opslag.conn.execute("SELECT waarde FROM geheimen WHERE naam = ?", (GEHEIM,)).fetchone()
    return bytes(rij[0]).decode("utf-8") if rij else ""


@_beschadigd
def geheim(opslag: Opslag) -> str:
    """Het secret van de client ('' als het niet is gezet). Eerst waar de modus het bewaart, dan op de andere plek:
    na een wissel van sleutelbos naar wachtwoord (of terug) in de instellingen blijft het te vinden."""
    backend, naam, bos = _sleutelbos(opslag)
    if bos:
        return _uit_bos(backend, naam) or _uit_opslag(opslag)
    return _uit_opslag(opslag) or _uit_bos(backend, naam)


@_beschadigd
def zet_geheim(opslag: Opslag, waarde: str) -> None:
    """Bewaar (of met '' wis) het secret waar de modus het bewaart, en haal het weg van de andere plek; de auditlog
    zegt alleen dat het gewijzigd is."""
    backend, naam, bos = _sleutelbos(opslag)
    with opslag.transactie():
        opslag.conn.execute("DELETE FROM geheimen WHERE naam = ?", (GEHEIM,))
        if waarde and not (bos and backend is not None):
            opslag.conn.execute("INSERT INTO geheimen (naam, waarde) VALUES (?, ?)", (GEHEIM, waarde.encode("utf-8")))
        if backend is not None:
            if waarde and bos:
                backend.set_password(SERVICE, naam, waarde)
            else:
                try:
                    backend.delete_password(SERVICE, naam)
                except Exception:
                    pass
        opslag.audit("instelling gewijzigd: zaaksysteem_secret")


@_beschadigd
def stand(opslag: Opslag, dossier_id: int) -> dict:
    """Wat er voor dit dossier al in het zaaksysteem is ({} als er nog niets is)."""
    rij = opslag.conn.execute("SELECT inhoud FROM documenten WHERE dossier_id = ? AND soort = ? ORDER BY id DESC "
                              "LIMIT 1", (dossier_id, SOORT)).fetchone()
    return json.loads(bytes(rij[0]).decode("utf-8")) if rij else {}


@_beschadigd
def bewaar_stand(opslag: Opslag, dossier_id: int, nieuw: dict, actie: str) -> None:
    """Een nieuwe stand, met een auditregel ("zaaksysteem: zaak aangemaakt"; geen URL, BSN of secret)."""
    inhoud = json.dumps(nieuw, ensure_ascii=False, sort_keys=True).encode("utf-8")
    with opslag.transactie():
        opslag.conn.execute("INSERT INTO documenten (dossier_id, soort, bestandsnaam, inhoud, sha256, gemaakt) "
                            "VALUES (?, ?, ?, ?, ?, ?)", (dossier_id, SOORT, "zaaksysteem.json", inhoud,
                                                          sha256(inhoud).hexdigest(), _nu()))
        opslag.audit(f"zaaksysteem: {actie}", dossier_id)
