"""Wat het venster van het team Inkomen binnenkrijgt, Qt-vrij: een of twee PDF's (welke is de berekening, welke de
aanvraag) en de doelgroepselectielijst. Leest alleen bestanden, met een grens; de gemeentelijke stappen zelf doet
avdesk.gemeente.werk."""

from __future__ import annotations

from pathlib import Path

from ..export.pdflezen import MAX_PDF   # één grens voor elke ontvangen PDF (venster, opdrachtregel, controle)


class InvoerFout(Exception):
    """De gekozen bestanden kunnen zo niet ontvangen worden; de tekst zegt waarom, in het Nederlands."""


def lees_pdf(pad: Path) -> tuple[str, bytes]:
    pad = Path(pad)
    try:
        with open(pad, "rb") as f:
            data = f.read(MAX_PDF + 1)
    except FileNotFoundError:
        raise InvoerFout(f"Het bestand {pad} bestaat niet.") from None
    except IsADirectoryError:
        raise InvoerFout(f"{pad} is een map, geen PDF.") from None
    except PermissionError:
        raise InvoerFout(f"Geen toegang tot het bestand {pad}.") from None
    except OSError as e:
        raise InvoerFout(f"Het bestand {pad} kan niet worden gelezen (foutcode {e.errno}).") from None
    if len(data) > MAX_PDF:
        raise InvoerFout(f"{pad.name} is groter dan {MAX_PDF // (1024 * 1024)} MB: dat is geen aanvraag of "
                         f"berekening van avdesk.")
    if not data.startswith(b"%PDF"):
        raise InvoerFout(f"{pad.name} is geen PDF.")
    return pad.name, data


def is_berekening(data: bytes) -> bool:
    """Een berekening van avdesk draagt zijn casus en uitkomst in zich; een aanvraag niet."""
    from ..export.bewijs import GeenBewijs, lees_bewijs
    try:
        lees_bewijs(data)
    except GeenBewijs:
        return False
    return True


def berekening_en_aanvraag(paden: list[Path]) -> tuple[tuple[str, bytes], tuple[str, bytes] | None]:
    """Uit een of twee PDF's (in elke volgorde): (berekening, aanvraag of None). InvoerFout als dat niet kan."""
    paden = [Path(p) for p in paden]
    if not paden:
        raise InvoerFout("Kies de berekening (PDF van avdesk), en zo mogelijk de aanvraag.")
    if len(paden) > 2:
        raise InvoerFout(f"Kies een of twee PDF's (de berekening en de aanvraag), niet {len(paden)}.")
    stukken = [lees_pdf(p) for p in paden]
    berekeningen = [s for s in stukken if is_berekening(s[1])]
    if not berekeningen:
        raise InvoerFout("Er zit geen berekening van avdesk bij: " + " en ".join(s[0] for s in stukken)
                         + (" is" if len(stukken) == 1 else " zijn") + " geen berekening van avdesk (met de "
                         "casus erin). Kies de berekening die de raadsman stuurde.")
    if len(berekeningen) == 2:
        raise InvoerFout("Beide PDF's zijn een berekening; kies een berekening en de aanvraag die erbij hoort.")
    berekening = berekeningen[0]
    aanvraag = next((s for s in stukken if s is not berekening), None)
    return berekening, aanvraag
