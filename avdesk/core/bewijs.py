"""Welke bewijsstukken bij een jaar van de aanvraag horen (resources/bewijsstukken.toml) en in welke stand ze staan:
bijgevoegd, volgt nog of niet van toepassing. Voor het paneel op de afrondingspagina en de lijst in de aanvraag."""

from __future__ import annotations

from .casus import Casus
from .params import bewijsstukken
from .wtrapjaren import is_wtrapjaar

STANDEN = {"bijgevoegd": "bijgevoegd", "volgt": "volgt nog", "nvt": "niet van toepassing"}


def soorten(c: Casus, jaar: int) -> list[str]:
    """Voor welke soorten aanvraag dit jaar telt: altijd, en tekort, terugvordering of wtrap."""
    j = next((x for x in c.jaren if x.jaar == jaar), None)
    uit = ["altijd"]
    if is_wtrapjaar(jaar):
        uit.append("wtrap")
    elif j is not None:
        uit += (["tekort"] if j.perioden else []) + (["terugvordering"] if j.terugvordering is not None else [])
    return uit


def bewijs_per_jaar(c: Casus, jaar: int) -> list[tuple[dict, str]]:
    """De bewijsstukken die bij dit jaar horen, elk met "bijgevoegd", "volgt" of "nvt"."""
    gezien, nvt = set(c.aanvraag.bewijs.get(jaar, [])), set(c.aanvraag.bewijs_nvt.get(jaar, []))
    return [(st, "bijgevoegd" if st["id"] in gezien else "nvt" if st["id"] in nvt else "volgt")
            for st in bewijsstukken() if any(x in soorten(c, jaar) for x in st["voor"])]


def zet_stand(c: Casus, jaar: int, stuk: str, stand: str) -> None:
    for lijst in (c.aanvraag.bewijs, c.aanvraag.bewijs_nvt):
        if stuk in lijst.get(jaar, []):
            lijst[jaar].remove(stuk)
            if not lijst[jaar]:
                del lijst[jaar]
    if stand == "bijgevoegd":
        c.aanvraag.bewijs.setdefault(jaar, []).append(stuk)
    elif stand == "nvt":
        c.aanvraag.bewijs_nvt.setdefault(jaar, []).append(stuk)
