"""Wat avdesk over het zaaksysteem van de gemeente bewaart (ZGW API's, issue 25): het secret van de client en, per
dossier, wat er al in het zaaksysteem is aangemaakt.

Het secret staat waar de databasesleutel staat: zijn de dossiers met de sleutelbos (keyring) beveiligd, dan in de
sleutelbos (dienst "avdesk", naam "zaaksysteem-<store_id>"); in de wachtwoordmodus is er geen sleutelbos die avdesk
vertrouwt, en staat het versleuteld in de opslag zelf (tabel `geheimen`, zoals de sleutel van de
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
    """(backend, naam) als de dossiers met de sleutelbos beveiligd zijn, anders (None, None)."""
    if opslag.map is None:
        return None, None
    try:
        info = Sleutelbeheer(opslag.map).info()
    except Exception:
        return None, None
    if info.get("modus") != "keyring":
        return None, None
    backend = veilige_keyring()
    return (backend, f"zaaksysteem-{info['store_id']}") if backend is not None else (None, None)


@_beschadigd
def geheim(opslag: Opslag) -> str:
    """Het secret van de client ('' als het niet is gezet)."""
    backend, naam = _sleutelbos(opslag)
    if backend is not None:
        try:
            return backend.get_password(SERVICE, naam) or ""
        except Exception:
            return ""
    rij = opslag.conn.execute("SELECT waarde FROM geheimen WHERE naam = ?", (GEHEIM,)).fetchone()
    return bytes(rij[0]).decode("utf-8") if rij else ""


@_beschadigd
def zet_geheim(opslag: Opslag, waarde: str) -> None:
    """Bewaar (of met '' wis) het secret; de auditlog zegt alleen dat het gewijzigd is."""
    backend, naam = _sleutelbos(opslag)
    with opslag.transactie():
        if backend is not None:
            if waarde:
                backend.set_password(SERVICE, naam, waarde)
            else:
                try:
                    backend.delete_password(SERVICE, naam)
                except Exception:
                    pass
            opslag.conn.execute("DELETE FROM geheimen WHERE naam = ?", (GEHEIM,))
        elif waarde:
            opslag.conn.execute("INSERT OR REPLACE INTO geheimen (naam, waarde) VALUES (?, ?)",
                                (GEHEIM, waarde.encode("utf-8")))
        else:
            opslag.conn.execute("DELETE FROM geheimen WHERE naam = ?", (GEHEIM,))
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
