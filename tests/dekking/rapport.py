"""Regeldekking (zoals ALEF het meet): welke scenario's elke regeltak bereiken.

    .venv/bin/python -m tests.dekking            # tabel tak -> scenario's en de samenvatting

Een scenario telt alleen mee als zijn zusterbestand klopt en elk cijfer een bron noemt (verwacht.py)."""

from __future__ import annotations

import sys
from datetime import date

from .takken import GATEN, TAKKEN, Ctx
from .verwacht import bereken_json, fouten, lees, scenario_namen


def dekking() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(tak -> scenario's die hem bereiken, scenario -> fouten van zijn zusterbestand)."""
    bereikt: dict[str, list[str]] = {t.id: [] for t in TAKKEN}
    mis: dict[str, list[str]] = {}
    for naam in scenario_namen():
        if f := fouten(naam):
            mis[naam] = f
            continue
        casus, b, js = bereken_json(naam, date.fromisoformat(str(lees(naam)["peildatum"])))
        ctx = Ctx(naam, casus, b, js)
        for t in TAKKEN:
            if t.predicaat(ctx):
                bereikt[t.id].append(naam)
    return bereikt, mis


def main() -> int:
    bereikt, mis = dekking()
    breedte = max(len(t.id) for t in TAKKEN)
    groep = None
    for t in TAKKEN:
        if t.groep != groep:
            groep = t.groep
            print(f"\n{groep}")
        s = bereikt[t.id]
        print(f"  {t.id:<{breedte}}  {'NIET BEREIKT' if not s else ', '.join(s)}")
    for naam, f in mis.items():
        print(f"\nTelt niet mee: {naam}: " + "; ".join(f[:3]))
    n = sum(1 for s in bereikt.values() if s)
    print(f"\nRegeldekking: {n} van {len(TAKKEN)} takken bereikt door {len(scenario_namen()) - len(mis)} scenario's "
          f"met verwachte cijfers en bron.")
    for g in GATEN:
        print(f"Geen tak (geen regel in kern of spec): {g}")
    return 0 if n == len(TAKKEN) and not mis else 1


if __name__ == "__main__":
    sys.exit(main())
