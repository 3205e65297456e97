"""Beide PDF's in een keer uit een casus, en (voor de app en `avdesk pdf --dossier`) bewaard in het dossier.

Bestandsnamen dragen het dossiernummer en de datum (avdesk-12-berekening-2026-11-29.pdf), zodat twee cliënten op
dezelfde dag elkaars bestanden niet vervangen; vrij_pad() kiest een naam die nog niet bestaat (-2, -3, ...)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from ..core.berekening import Berekening, bereken
from ..core.casus import Casus


def bestandsnaam(soort: str, gemaakt: date, dossier_id: int | None = None) -> str:
    """avdesk-12-berekening-2026-11-29.pdf (uit een dossier) of avdesk-berekening-2026-11-29.pdf (uit een bestand)."""
    nummer = f"{dossier_id}-" if dossier_id is not None else ""
    return f"avdesk-{nummer}{soort}-{gemaakt.isoformat()}.pdf"


def vrij_pad(map_: Path, naam: str) -> Path:
    """Een pad in map_ dat nog niet bestaat: naam, anders naam-2, naam-3, ... Het bestand wordt meteen (leeg)
    aangemaakt, zodat een tweede schrijver tegelijk niet dezelfde naam kiest; schrijf_atomair vervangt het daarna."""
    stam, punt, ext = naam.rpartition(".")
    stam, ext = (stam, "." + ext) if punt else (naam, "")
    n = 1
    while True:
        pad = map_ / (naam if n == 1 else f"{stam}-{n}{ext}")
        try:
            os.close(os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            return pad
        except FileExistsError:
            n += 1


def ontbrekend_voor_aanvraag(c: Casus) -> list[str]:
    """Wat er ontbreekt voor een aanvraag die de gemeente in behandeling kan nemen (README: 'Verplicht voor de
    aanvraag'). Leeg: de aanvraag kan worden gemaakt."""
    uit = []
    a = c.aanvraag
    if not a.toestemming_delen:
        uit.append("de toestemming van de inwoners om de aanvraag en de berekening naar de gemeente te sturen")
    for rol, p in (("aanvrager", c.aanvrager), ("partner", c.partner)):
        if not (p.naam or "").strip():
            uit.append(f"de naam van de {rol}")
    if not c.aanvrager.bsn:
        uit.append("het burgerservicenummer (BSN) van de aanvrager")
    ex = c.aanvrager.extra
    if not ex.get("adres") or not (ex.get("postcode") or ex.get("woonplaats")):
        uit.append("het adres van de aanvrager (straat en huisnummer, postcode of woonplaats)")
    if not (c.aanvrager.extra.get("iban") or c.partner.extra.get("iban")):
        uit.append("het rekeningnummer (IBAN) waarop de gemeente kan betalen")
    return uit


def maak_documenten(c: Casus, b: Berekening | None = None, gemaakt: date | None = None,
                    dossier_id: int | None = None) -> dict[str, bytes]:
    """Beide PDF's; ontbreekt er iets voor de aanvraag (ontbrekend_voor_aanvraag), dan alleen de berekening, met
    'concept' op elke pagina."""
    from .aanvraag_pdf import aanvraag_pdf
    from .berekening_pdf import berekening_pdf
    gemaakt = gemaakt or date.today()
    b = b or bereken(c, gemaakt)
    ontbreekt = ontbrekend_voor_aanvraag(c)
    docs = {} if ontbreekt else {"aanvraag": aanvraag_pdf(c, b, gemaakt, dossier_id=dossier_id)}
    docs["berekening"] = berekening_pdf(c, b, gemaakt, concept=ontbreekt, dossier_id=dossier_id)
    return docs


def maak_en_bewaar(opslag, dossier_id: int, gemaakt: date | None = None) -> dict[str, tuple[str, bytes]]:
    """Maak de PDF's van de nieuwste casusversie en bewaar ze versleuteld in het dossier (met datum en sha256).
    Zonder aanvraag (zie ontbrekend_voor_aanvraag) alleen de berekening, als concept."""
    from ..core.params import parameterversie
    c = opslag.casus(dossier_id)
    gemaakt = gemaakt or date.today()
    b = bereken(c, gemaakt)
    docs = maak_documenten(c, b, gemaakt, dossier_id)
    versie = opslag.versies(dossier_id)[-1]["versie"]
    opslag.bewaar_berekening(dossier_id, versie, b.naar_json(), parameterversie())
    bestanden = {soort: (bestandsnaam(soort, gemaakt, dossier_id), inhoud) for soort, inhoud in docs.items()}
    opslag.bewaar_documenten(dossier_id, bestanden)
    return bestanden
