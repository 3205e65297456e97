"""De route door het Stappenplan uitvoering: per jaar welke stappen gelden en waarom de andere wegvallen.

Een plek beslist dit (zonder Qt): de wizard (volgende pagina, zijlijst, "stap n van m") en de rekenkern (stap 11 op
scherm, PDF en brief) volgen deze functies. Stap 11 hoort bij een jaar waarin het beleidsprofiel zowel een
terugvordering als een tekort vergoedt en de casus beide heeft (REKENMODEL §6)."""

from __future__ import annotations

from decimal import Decimal
from .model import Tupel

from .casus import Casus, Jaar, terugvorderingsbedrag
from .geld import NUL
from .params import Beleidsprofiel, laad_profiel
from .wtrapjaren import EERSTE_WTRAPJAAR, is_wtrapjaar

AFRONDING = 12
WTRAP = 13
VOLGORDE = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, WTRAP, AFRONDING)


def terugvordering_alleenverdieners(j: Jaar) -> Decimal | None:
    """Het deel van de terugvordering dat door de alleenverdienersproblematiek komt (stap 10); None zonder."""
    tv = j.terugvordering
    if tv is None:
        return None
    if tv.deel_alleenverdieners == "geheel":
        return terugvorderingsbedrag(tv)
    if tv.deel_alleenverdieners == "geen":
        return NUL
    if not isinstance(tv.deel_alleenverdieners, Decimal):   # de lezer laat alleen "geheel", "geen" of een bedrag door
        raise ValueError(f"deel_alleenverdieners is {tv.deel_alleenverdieners!r}: geen 'geheel', 'geen' of bedrag")
    return tv.deel_alleenverdieners


def stap11_mogelijk(j: Jaar, profiel: Beleidsprofiel) -> bool:
    """Kan dit jaar een stap 11 krijgen? Het profiel vergoedt over dit jaar een terugvordering en een tekort, en er
    zijn perioden (waaruit het tekort volgt). Of het zo is, beslist de terugvordering (stap 9 en 10)."""
    return (not is_wtrapjaar(j.jaar) and bool(j.perioden) and j.jaar in profiel.terugvordering_jaren
            and j.jaar in profiel.tekort_jaren)


def heeft_stap11(j: Jaar, profiel: Beleidsprofiel) -> bool:
    """REKENMODEL §6: stap 11 in een jaar waarin het profiel een terugvordering en een tekort vergoedt, en de casus
    een vergoede terugvordering (deel door de alleenverdienersproblematiek groter dan nul) en perioden heeft."""
    t_av = terugvordering_alleenverdieners(j)
    return stap11_mogelijk(j, profiel) and t_av is not None and t_av > 0


class Jaarroute(Tupel):
    jaar: int
    stappen: tuple[int, ...]            # de stappen die voor dit jaar gelden (zonder 1-3 en de afronding)
    weg: dict[int, str]                 # stap -> waarom hij voor dit jaar wegvalt


class Route(Tupel):
    route: str                          # de keuze van stap 3 ("" als die nog niet gemaakt is)
    stappen: tuple[int, ...]            # de pagina's in volgorde, met de afronding
    nog_open: tuple[int, ...]           # stappen die nog kunnen komen (stap 11 hangt af van stap 9 en 10)
    weg: tuple[str, ...]                # per weggevallen stap (of groep) een zin waarom, voor de zijlijst
    jaren: tuple[Jaarroute, ...]

    @property
    def aantal(self) -> int:
        """m in "stap n van m": de stappen van de route plus wat nog kan komen."""
        return len(self.stappen) + len(self.nog_open)


def alleen_wtrapjaren(c: Casus) -> bool:
    """Zijn alle jaren met gegevens Wtrap-jaren? Dan is de route de Wtrap en valt de keuze van stap 3 weg (voor een
    jaar vanaf 2025 vergoedt geen beleidsprofiel een tekort of terugvordering: de Wtrap is de vaste tegemoetkoming)."""
    jaren = [j for j in c.jaren if j.perioden or j.terugvordering]
    return bool(jaren) and all(is_wtrapjaar(j.jaar) for j in jaren)


def voorgestelde_route(c: Casus) -> str:
    """De route die stap 3 voorstelt: de Wtrap als alle jaren Wtrap-jaren zijn; met een terugvordering 'beide' of
    'terugvordering'; anders een tekort."""
    jaren = [j for j in c.jaren if j.perioden or j.terugvordering]
    if alleen_wtrapjaren(c):
        return "wtrap"
    if any(j.terugvordering for j in jaren):
        return "beide" if any(j.perioden for j in jaren) else "terugvordering"
    return "tekort"


def jaarroute(c: Casus, j: Jaar, route: str, profiel: Beleidsprofiel) -> Jaarroute:
    stappen: list[int] = []
    weg: dict[int, str] = {}
    if route == "wtrap":
        if is_wtrapjaar(j.jaar):
            # De kortste route: de zelfmeldertoets vraagt het netto-inkomen (stap 4), het vermogen en de vragen; het
            # verschil in toeslagen (stap 5) toetst de Wtrap-stap over het jaar en toont hij in zijn uitkomst.
            stappen += [4, WTRAP]
            weg[5] = "de Wtrap-stap toetst het verschil in toeslagen over het jaar en toont het"
            for n in range(6, 12):
                weg[n] = "de Wtrap kent een vaste tegemoetkoming per jaar"
        else:
            weg.update({n: f"{j.jaar} is geen Wtrap-jaar (de Wtrap geldt vanaf {EERSTE_WTRAPJAAR})"
                        for n in (4, 5, WTRAP)})
        return Jaarroute(j.jaar, tuple(stappen), weg)
    if route in ("tekort", "beide"):
        if j.perioden:
            stappen += [4, 5, 6, 7]
            if j.jaar == 2023:
                stappen.append(8)
            else:
                weg[8] = "er zijn geen perioden in 2023"       # stap 8 hoort bij 2023
        else:
            weg.update({n: f"er zijn geen perioden in {j.jaar}" for n in (4, 5, 6, 7, 8)})
    else:
        weg.update({n: "u koos alleen een terugvordering" for n in (4, 5, 6, 7, 8)})
    if route in ("terugvordering", "beide"):
        stappen += [9, 10]
        if heeft_stap11(j, profiel):
            stappen.append(11)
        elif not stap11_mogelijk(j, profiel):
            if j.jaar not in profiel.terugvordering_jaren or j.jaar not in profiel.tekort_jaren:
                weg[11] = (f"beleidsprofiel {profiel.naam} vergoedt over {j.jaar} niet zowel een terugvordering als "
                           f"een tekort")
            else:
                weg[11] = f"er zijn geen perioden in {j.jaar}"
        elif j.terugvordering is None:
            weg[11] = f"er is geen terugvordering over {j.jaar}"
        else:
            weg[11] = f"de terugvordering over {j.jaar} komt niet door de alleenverdienersproblematiek"
    else:
        weg.update({n: "u koos alleen een tekort, geen terugvordering" for n in (9, 10, 11)})
    return Jaarroute(j.jaar, tuple(stappen), weg)


def _zinnen(weg_per_stap: dict[int, str]) -> list[str]:
    """Opeenvolgende stappen met dezelfde reden in een zin: "Stap 6-11 vallen weg: ..."."""
    zinnen: list[str] = []
    groep: list[int] = []

    def sluit():
        if not groep:
            return
        namen = {WTRAP: "De Wtrap-stap", AFRONDING: "De afronding"}
        if len(groep) == 1:
            kop = namen.get(groep[0], f"Stap {groep[0]}") + " valt weg"
        else:
            kop = f"Stap {groep[0]}-{groep[-1]} vallen weg"
        zinnen.append(f"{kop}: {weg_per_stap[groep[0]]}.")

    for n in VOLGORDE:
        if n not in weg_per_stap:
            sluit()
            groep = []
            continue
        if groep and (weg_per_stap[groep[-1]] != weg_per_stap[n] or n == WTRAP or groep[-1] + 1 != n):
            sluit()
            groep = []
        groep.append(n)
    sluit()
    return zinnen


def bepaal_route(c: Casus, profiel: Beleidsprofiel | None = None, route: str | None = None) -> Route:
    """De route van deze casus: de pagina's van de wizard in volgorde en waarom de andere wegvallen. `route`: reken
    met een andere keuze dan die van stap 3 (de wizard telt zo al voor stap 3 met de voorgestelde route)."""
    profiel = profiel or laad_profiel(c.beleidsprofiel)
    wtrap_alleen = alleen_wtrapjaren(c)
    route = ("wtrap" if wtrap_alleen else c.aanvraag.route) if route is None else route
    if not route:
        return Route("", (1, 2, 3), (), (), ())
    jaren = sorted(c.jaren, key=lambda j: j.jaar)
    per_jaar = tuple(jaarroute(c, j, route, profiel) for j in jaren)
    gelden = {n for jr in per_jaar for n in jr.stappen}
    if route in ("terugvordering", "beide"):
        gelden |= {9, 10}            # de terugvordering wordt in stap 9 ingevuld, ook als er nog geen jaar is
    if route == "wtrap":
        gelden |= {4, WTRAP}         # stap 2 voegt het Wtrap-jaar toe; de Wtrap-stap meldt het als het ontbreekt
    # Alleen Wtrap-jaren: er is niets te kiezen, stap 3 valt weg (komt er een jaar voor 2025 bij, dan is hij terug).
    gelden |= {1, 2} | (set() if wtrap_alleen and route == "wtrap" else {3})
    stappen = tuple(n for n in VOLGORDE if n in gelden or n == AFRONDING)
    # Stap 11 kan nog komen zolang de terugvordering van een jaar dat hem kan krijgen niet is ingevuld.
    nog_open = tuple([11] if route in ("terugvordering", "beide") and 11 not in gelden and any(
        stap11_mogelijk(j, profiel) and j.terugvordering is None for j in jaren) else [])
    # Waarom een stap wegvalt: de reden van het eerste jaar (er is geen jaar waarvoor hij geldt).
    weg_per_stap: dict[int, str] = {}
    if 3 not in gelden:
        weg_per_stap[3] = f"alle jaren zijn Wtrap-jaren (vanaf {EERSTE_WTRAPJAAR}), de route is de Wtrap"
    for n in VOLGORDE:
        if n in gelden or n in (1, 2, 3, AFRONDING) or n in nog_open:
            continue
        redenen = [(jr.jaar, jr.weg[n]) for jr in per_jaar if n in jr.weg]
        if not redenen:
            if n == WTRAP:
                continue            # geen Wtrap gekozen: de zijlijst hoeft dat niet te zeggen
            weg_per_stap[n] = {8: "er zijn geen perioden in 2023",
                               11: "er is geen jaar met zowel een terugvordering als een tekort"}.get(
                n, "hoort niet bij de gekozen route")
        elif len({r for _, r in redenen}) == 1:
            weg_per_stap[n] = redenen[0][1]
        else:
            weg_per_stap[n] = "; ".join(r for _, r in redenen)
    return Route(route, stappen, nog_open, tuple(_zinnen(weg_per_stap)), per_jaar)
