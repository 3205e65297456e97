"""De verschillen tussen twee ontvangen versies in woorden (zonder BSN), voor de medewerker die kiest welke versie
geldt."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal


_MAAND = re.compile(r"^\d{4}-\d{2}$")
_DAG = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_GEHEIM = ("bsn",)
_GEEN_GELD = ("jaar", "maanden", "kostendelers", "uren", "dagen", "leeftijd")
# Wat de medewerker van de uitkomst eerst wil zien: de bedragen per jaar en in totaal, en de signalen.
_HOOFDZAKEN = ("tekort", "terugvordering", "compensatie_jaar", "eenmalig", "periodiek_per_maand", "signalen", "wtrap")


def _hoofdzaken(berekening: dict) -> dict:
    return {"jaren": [{"jaar": j.get("jaar"), "perioden": [], **{k: j.get(k) for k in _HOOFDZAKEN if k in j}}
                      for j in berekening.get("jaren", []) if isinstance(j, dict)],
            "totaal_compensatie": berekening.get("totaal_compensatie")}


def _woord(v, sleutel: str = "") -> str:
    from ..core.geld import datum, euro, maand_label
    if isinstance(v, bool):
        return "ja" if v else "nee"
    if v is None or v == "":
        return "niet ingevuld"
    if isinstance(v, (int, float, Decimal)):
        # In casus en berekening is elk getal een bedrag, behalve jaren, maanden en aantallen.
        if sleutel.startswith("aantal") or sleutel in _GEEN_GELD:
            return str(v)
        return euro(Decimal(str(v)))
    if isinstance(v, str):
        if _DAG.match(v):
            return datum(date.fromisoformat(v))
        if _MAAND.match(v):
            return maand_label(date(int(v[:4]), int(v[5:7]), 1))
        return f"'{v[:80]}'" + ("..." if len(v) > 80 else "")
    if isinstance(v, list):
        return f"{len(v)} " + ("regel" if len(v) == 1 else "regels") if v else "geen"
    if isinstance(v, dict):
        return "ingevuld" if v else "niet ingevuld"
    return str(v)[:80]


def _in_woorden(wat: str, oud, nieuw) -> str:
    wat = wat or "gegevens"
    laatste = wat.rsplit(", ", 1)[-1]
    if laatste in _GEHEIM:
        return f"{wat[:1].upper() + wat[1:]}: een ander BSN."
    return f"{wat[:1].upper() + wat[1:]}: {_woord(nieuw, laatste)} in deze versie, {_woord(oud, laatste)} in de geldende."


def _verschillen(opslag, dossier: int, oud: int, nieuw: int, maximum: int = 30) -> list[str]:
    """De verschillen tussen twee versies in zinnen: eerst de casus (wat de raadsman invulde), dan de uitkomst van de
    berekening, dan de aanvraag. Met export.bewijs.verschillen, gelabeld en in woorden (geen ruwe diff)."""
    from ..export.bewijs import GeenBewijs, lees_bewijs, verschillen
    from ..store import ontvangen
    uit = []
    casus = [ontvangen.casus_tekst(opslag, dossier, v) for v in (oud, nieuw)]
    if all(casus):
        a, b = (json.loads(t, parse_float=Decimal) for t in casus)
        uit += ["In de casus: " + _in_woorden(w, x, y)[0].lower() + _in_woorden(w, x, y)[1:]
                for w, x, y in verschillen(a, b)]
    stukken = [ontvangen.stukken(opslag, dossier, v) for v in (oud, nieuw)]
    try:
        berekeningen = [json.loads(lees_bewijs(s[ontvangen.BEREKENING][1])[1], parse_float=Decimal)
                        for s in stukken if ontvangen.BEREKENING in s]
    except (GeenBewijs, ValueError):
        berekeningen = []
    if len(berekeningen) == 2:
        hoofd = verschillen(*(_hoofdzaken(x) for x in berekeningen))
        uit += ["In de berekening: " + _in_woorden(w, x, y)[0].lower() + _in_woorden(w, x, y)[1:]
                for w, x, y in hoofd]
        overig = len([1 for w, x, y in verschillen(*berekeningen) if isinstance(x, (int, float, Decimal))
                      or isinstance(y, (int, float, Decimal))]) - len(hoofd)
        if overig > 0:
            uit.append(f"In de berekening verschillen daarnaast {overig} cijfers per periode (toeslagen, "
                       f"bestaansminimum, compensatie per maand): zie de berekening van deze versie.")
    a, b = (s.get(ontvangen.AANVRAAG) for s in stukken)
    if a and not b:
        uit.append("Deze versie heeft geen aanvraag; de geldende wel.")
    elif b and not a:
        uit.append("Deze versie heeft een aanvraag; de geldende niet.")
    elif a and b and a[1] != b[1]:
        zelfde = all(ontvangen.BEREKENING in x for x in stukken) and \
            stukken[0][ontvangen.BEREKENING][1] == stukken[1][ontvangen.BEREKENING][1]
        uit.append("Dezelfde berekening als de geldende versie; alleen de aanvraag is een ander bestand (bijvoorbeeld "
                   "nu getekend). Zet deze versie vast om die aanvraag te gebruiken." if zelfde else
                   "De aanvraag is een ander bestand dan die van de geldende versie.")
    if len(uit) > maximum:
        uit = uit[:maximum] + [f"... en nog {len(uit) - maximum} verschillen."]
    return uit
