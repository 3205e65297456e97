"""Wat er met een gelezen doelgroepselectielijst (core/doelgroeplijst) mag gebeuren en wat de medewerker erover leest:
`bezwaren` (het jaar in het bestand, in een jaarkolom, de titel of de bestandsnaam, moet het gekozen jaar zijn, en er
moeten meer goede dan afgekeurde regels zijn) en `verslag`. Een melding noemt regelnummers en aantallen, nooit de
inhoud van een cel."""

from __future__ import annotations

import re
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .doelgroeplijst import Gelezen

EERSTE_JAAR, LAATSTE_JAAR = 1990, 2099   # een getal hierbinnen in een jaarkolom of bestandsnaam is een jaar

# ---------------------------------------------------------------- mag deze lijst de lijst van dat jaar worden?

_DATUM = re.compile(r"(?<![0-9])(?:[0-9]{4}[-_.][0-9]{1,2}[-_.][0-9]{1,2}|[0-9]{1,2}[-_.][0-9]{1,2}[-_.][0-9]{4})"
                    r"(?![0-9])")
_JAAR_IN_NAAM = re.compile(r"(?<![0-9])([0-9]{4})(?![0-9])")


def jaren_in_naam(bestandsnaam: str) -> list[int]:
    """De jaartallen in een bestandsnaam ('lijst-2025.csv', 'Alleenverdieners 2024 v2.xlsx'); een datum
    ('export 2026-01-15', '15-01-2026') noemt de dag van het maken, niet het jaar van de lijst, en telt niet."""
    return jaren_in_tekst(Path(bestandsnaam).name)


def jaren_in_tekst(tekst: str) -> list[int]:
    zonder_data = _DATUM.sub(" ", tekst)
    return sorted({j for j in map(int, _JAAR_IN_NAAM.findall(zonder_data)) if EERSTE_JAAR <= j <= LAATSTE_JAAR})


def bezwaren(g: Gelezen, jaar: int, bestandsnaam: str | None = None) -> list[str]:
    """Waarom deze gelezen lijst niet de lijst van `jaar` mag worden (leeg: er is geen bezwaar). Zonder waarden uit
    het bestand: alleen jaartallen, kolom- en regelnummers en aantallen."""
    uit = []
    if g.jaren and set(g.jaren) != {jaar}:
        kolom = f"kolom {g.jaarkolom}, de jaarkolom"
        if len(g.jaren) == 1:
            (ander, (_, eerste)), = g.jaren.items()
            uit.append(f"Het bestand is de lijst van {ander} ({kolom}, vanaf regel {getal(eerste)}), niet van {jaar}. "
                       f"Is het de lijst van {ander}, lees hem dan in als lijst van {ander}.")
        else:
            lijst = ", ".join(f"{j} ({getal(a)} {'regel' if a == 1 else 'regels'}, vanaf regel {getal(e)})"
                              for j, (a, e) in g.jaren.items())
            uit.append(f"Het bestand noemt meer dan een jaar ({kolom}): {lijst}. Een lijst is van een jaar: splits "
                       f"het bestand per jaar en lees elk deel in als lijst van zijn jaar.")
    if g.titeljaren and jaar not in {j for j, _ in g.titeljaren}:
        genoemd = " en ".join(sorted({str(j) for j, _ in g.titeljaren}))
        regel = min(r for _, r in g.titeljaren)
        uit.append(f"De titel boven de lijst (regel {getal(regel)}) noemt {genoemd}, niet {jaar}. Is het de lijst "
                   f"van {jaar}, haal die titel dan weg of pas hem aan.")
    if bestandsnaam and (in_naam := jaren_in_naam(bestandsnaam)) and jaar not in in_naam:
        genoemd = " en ".join(map(str, in_naam))
        uit.append(f"De bestandsnaam noemt {genoemd}, niet {jaar}. Is het de lijst van {jaar}, geef het bestand dan "
                   f"een naam zonder een ander jaar; anders: lees hem in als lijst van {in_naam[0]}.")
    if not g.bsns:
        uit.append("Er staat geen enkel geldig BSN in de gekozen kolom.")
    elif g.niet_opgenomen > g.goede_regels:
        uit.append(f"Er zijn meer regels afgekeurd ({getal(g.niet_opgenomen)}) dan goed bevonden "
                   f"({getal(g.goede_regels)}): zo'n bestand is niet de lijst, of de BSN-kolom is beschadigd (een "
                   f"spreadsheet die de getallen afrondde, een verkeerde kolom). Er is niets ingelezen; kijk bij de "
                   f"regels hieronder wat er mis is.")
    return uit


def getal(n: int) -> str:
    """50000 -> '50.000'."""
    return f"{n:,}".replace(",", ".")


def bsns_tekst(n: int) -> str:
    return "1 BSN" if n == 1 else f"{getal(n)} BSN's"


def verslag(g: Gelezen, jaar: int, max_regels: int = 20) -> list[str]:
    """Wat er is gelezen, in zinnen voor de medewerker (zonder BSN's en zonder de inhoud van een cel)."""
    uit = [f"Doelgroepselectielijst {jaar}: {bsns_tekst(len(g.bsns))} gevonden in kolom {g.kolom} van een {g.soort}"
           + (f"; de {g.kopregels} kopregels zijn overgeslagen." if g.kopregels > 1 else
              "; de kopregel is overgeslagen." if g.kopregel else ", zonder kopregel.")]
    if g.jaarkolom:
        uit.append(f"Kolom {g.jaarkolom} noemt het jaar: " + ", ".join(map(str, g.jaren)) + ".")
    if g.aangevuld:
        uit.append((f"{getal(g.aangevuld)} BSN's kregen hun voorloopnul" if g.aangevuld > 1 else "1 BSN kreeg zijn "
                    "voorloopnul") + " terug (de spreadsheet had die weggelaten).")
    if g.dubbel:
        uit.append(f"{getal(g.dubbel)} BSN's stonden er meer dan een keer in; ze tellen een keer." if g.dubbel > 1
                   else "1 BSN stond er meer dan een keer in; het telt een keer.")
    if g.niet_opgenomen:
        uit.append(f"{getal(g.niet_opgenomen)} regels afgekeurd:" if g.niet_opgenomen > 1 else "1 regel afgekeurd:")
        uit += [f"  - regel {getal(nr)}: {reden}" for nr, reden in g.overgeslagen[:max_regels]]
        if g.niet_opgenomen > max_regels:
            uit.append(f"  - ... en nog {getal(g.niet_opgenomen - min(max_regels, len(g.overgeslagen)))} regel(s)")
    return uit
