"""Betaalopdrachten (issue 25): een rij per betaalopdracht (een SEPA-bestand) en een rij per betaling daarin.

Een betaling is een deel van een vastgelegd besluit ('2024 eenmalig', '2024 periodiek 2024-10'): die staat in precies
een betaalopdracht (UNIQUE op besluit en betaling). Of een betaling al betaald is, telt per dossier over alle
besluiten (een nieuw besluit betaalt alleen wat er nog bij komt). De auditlog noemt het nummer van de opdracht, het
aantal betalingen en het bestand, nooit een naam, rekening of bedrag."""

from __future__ import annotations

import json
from decimal import Decimal

from . import OpslagFout
from .db import dbapi2
from .opslag import Opslag, _beschadigd, _nu


@_beschadigd
def betaald(opslag: Opslag, dossier_id: int) -> dict[str, Decimal]:
    """Per betaling (sleutel) wat er voor dit dossier al in een betaalopdracht staat, over alle besluiten."""
    uit: dict[str, Decimal] = {}
    for sleutel, bedrag in opslag.conn.execute("SELECT sleutel, bedrag FROM betalingen WHERE dossier_id = ?",
                                               (dossier_id,)):
        uit[sleutel] = uit.get(sleutel, Decimal(0)) + Decimal(bedrag)
    return uit


@_beschadigd
def nieuwe_opdracht(opslag: Opslag, uitvoerdatum: str, regels: list[dict], schrijf) -> int:
    """Leg een betaalopdracht met haar betalingen vast en schrijf de bestanden, samen of geen van beide.

    regels: dicts met dossier, besluit, sleutel, bedrag (Decimal), datum (ISO). schrijf(nummer) schrijft de bestanden
    en geeft de naam van het SEPA-bestand; mislukt dat, dan wordt niets vastgelegd. Een betaling die intussen al in
    een andere opdracht staat, geeft OpslagFout (en niets is vastgelegd)."""
    with opslag.transactie():
        nummer = opslag.conn.execute(
            "INSERT INTO betaalopdrachten (gemaakt, uitvoerdatum, bestand, aantal, totaal) VALUES (?, ?, '', ?, ?)",
            (_nu(), uitvoerdatum, len(regels), str(sum((r["bedrag"] for r in regels), Decimal(0))))).lastrowid
        try:
            opslag.conn.executemany(
                "INSERT INTO betalingen (opdracht_id, dossier_id, besluit_id, sleutel, bedrag, datum) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(nummer, r["dossier"], r["besluit"], r["sleutel"], str(r["bedrag"]), r["datum"]) for r in regels])
        except dbapi2.IntegrityError:
            raise OpslagFout("Een van deze betalingen staat intussen al in een andere betaalopdracht (tegelijk "
                             "gemaakt?). Er is niets vastgelegd en geen bestand geschreven; probeer het opnieuw.") \
                from None
        bestand = schrijf(nummer)
        opslag.conn.execute("UPDATE betaalopdrachten SET bestand = ? WHERE id = ?", (bestand, nummer))
        opslag.audit(f"betaalopdracht {nummer} gemaakt: {len(regels)} betalingen ({bestand})")
    return nummer


@_beschadigd
def opdracht(opslag: Opslag, nummer: int) -> dict | None:
    """Een betaalopdracht met haar betalingen, elk met de gegevens van het besluit (rekening, kenmerk)."""
    rij = opslag.conn.execute("SELECT id, gemaakt, uitvoerdatum, bestand, aantal, totaal FROM betaalopdrachten "
                              "WHERE id = ?", (nummer,)).fetchone()
    if rij is None:
        return None
    regels = []
    for dossier_id, besluit_id, sleutel, bedrag, datum, gegevens in opslag.conn.execute(
            "SELECT b.dossier_id, b.besluit_id, b.sleutel, b.bedrag, b.datum, s.gegevens FROM betalingen b "
            "JOIN besluiten s ON s.id = b.besluit_id WHERE b.opdracht_id = ? ORDER BY b.id", (nummer,)):
        g = json.loads(gegevens)
        regels.append({"dossier": dossier_id, "besluit": besluit_id, "sleutel": sleutel, "bedrag": Decimal(bedrag),
                       "datum": datum, "iban": g["iban"], "tenaamstelling": g["tenaamstelling"],
                       "kenmerk": g["kenmerk"]})
    return {**dict(zip(("nummer", "gemaakt", "uitvoerdatum", "bestand", "aantal", "totaal"), rij)), "regels": regels}


@_beschadigd
def opnieuw_geschreven(opslag: Opslag, nummer: int, bestand: str) -> None:
    with opslag.transactie():
        opslag.audit(f"betaalopdracht {nummer} opnieuw geschreven ({bestand})")
