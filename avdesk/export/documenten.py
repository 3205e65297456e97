"""Beide PDF's in een keer uit een casus, en (voor de app en `avdesk pdf --dossier`) bewaard in het dossier."""

from __future__ import annotations

from datetime import date

from ..core.berekening import Berekening, bereken
from ..core.casus import Casus


def maak_documenten(c: Casus, b: Berekening | None = None, gemaakt: date | None = None) -> dict[str, bytes]:
    from .aanvraag_pdf import aanvraag_pdf
    from .berekening_pdf import berekening_pdf
    b = b or bereken(c)
    return {"aanvraag": aanvraag_pdf(c, b, gemaakt), "berekening": berekening_pdf(c, b, gemaakt)}


def maak_en_bewaar(opslag, dossier_id: int, gemaakt: date | None = None) -> dict[str, tuple[str, bytes]]:
    """Maak beide PDF's van de nieuwste casusversie en bewaar ze versleuteld in het dossier (met datum en sha256)."""
    from ..core.params import parameterversie
    c = opslag.casus(dossier_id)
    b = bereken(c)
    gemaakt = gemaakt or date.today()
    docs = maak_documenten(c, b, gemaakt)
    versie = opslag.versies(dossier_id)[-1]["versie"]
    opslag.bewaar_berekening(dossier_id, versie, b.naar_json(), parameterversie())
    bestanden = {soort: (f"{soort}-{gemaakt.isoformat()}.pdf", inhoud) for soort, inhoud in docs.items()}
    opslag.bewaar_documenten(dossier_id, bestanden)
    return bestanden
