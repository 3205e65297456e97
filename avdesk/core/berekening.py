"""De berekening van REKENMODEL §4-7: verschil per maand, toets aan het bestaansminimum, terugvordering, stap 11,
eenmalig/periodiek en signalen. Een Casus erin, een Berekening (met spoor) eruit.

Waar de regels staan: welke perioden (1 juli, leeftijdsgrenzen) in perioden.py, de doelgroeptoets (S5) in
doelgroep.py, de Wtrap-zelfmeldertoets in wtrap.py, de JSON-uitvoer (avdesk-berekening/1) in uitvoer.py.
Alle bedragen zijn Decimal; toeslagen per maand in hele euro's, verschillen en totalen exact in centen."""

from __future__ import annotations

from .model import Tupel

from datetime import date
from decimal import Decimal

from . import signalen as sig
from .casus import Casus, Jaar, terugvorderingsbedrag
from .doelgroep import toets_doelgroep
from .geld import NUL, euro, maanden_tussen, verdeel, volgende_maand
from .params import Beleidsprofiel, Parameter, Jaarparameters, laad_jaar, laad_profiel, parameterversie
# De periode staat in periodeberekening.py; hier ook te importeren (from avdesk.core.berekening import bereken_periode).
from .periodeberekening import (S1_GRENS, TOESLAGEN, TOETSEN, PeriodeBerekening, bereken_periode,  # noqa: F401
                                is_wtrap_jaar, op_bijstandsniveau, situaties)  # noqa: F401
from .perioden import bereken_perioden, splits_op_1_juli, splits_op_leeftijden  # noqa: F401 (hier ook te importeren)
from .signalen import Signaal
from .spoor import Stap, stap, niet_bevestigd
from .uitvoer import FORMAAT, naar_json  # noqa: F401 (FORMAAT: ook hier te importeren)
from .regime import BIJZONDERE_BIJSTAND, WTRAP, Regime
from .route import heeft_stap11, terugvordering_alleenverdieners
from .wtrap import Wtrap, toets_wtrap

# De uiterste aanvraagdatum voor de vaste tegemoetkoming over 2025-2027 (zelfmelder): 31 december 2028.
WTRAP_AANVRAAG_UITERLIJK = date(2028, 12, 31)
REGEL_COMPENSATIE = "REKENMODEL §5 en §7 (wat het beleidsprofiel vergoedt); Wtrap: REKENMODEL §8"
WTRAP_AANVRAAG_BRON = "beleidsregels Wtrap Leiderdorp, hoofdstuk 3"


class Stap11(Tupel):
    tekort_toeslagen: Decimal                # (1): som over perioden van maanden x verschil
    tekort_bestaansminimum: Decimal | None   # (2): max(0, som van maanden x (BM - HI)); None als niet te berekenen
    laagste: Decimal                         # L: het laagste van (1) en (2) (zonder (2): (1))
    terugvordering: Decimal
    extra: Decimal                           # max(0, L - terugvordering)
    tekst: str


class Periodiek(Tupel):
    """Een stuk periodieke betaling (stap 7): elke maand van `van` tot en met `tot_en_met` (eerste dagen van de maand)
    hetzelfde bedrag."""
    van: date
    tot_en_met: date
    per_maand: Decimal

    @property
    def maanden(self) -> int:
        return maanden_tussen(self.van, self.tot_en_met)

    @property
    def totaal(self) -> Decimal:
        return self.per_maand * self.maanden

    def betaalmaanden(self) -> list[date]:
        """De eerste dag van elke maand waarin dit bedrag betaald wordt."""
        uit, m = [], self.van
        while m <= self.tot_en_met:
            uit.append(m)
            m = volgende_maand(m)
        return uit


class JaarBerekening(Tupel):
    jaar: int
    perioden: list[PeriodeBerekening]
    tekort: Decimal
    terugvordering_bedrag: Decimal | None
    terugvordering_alleenverdieners: Decimal | None
    compensatie_jaar: Decimal
    eenmalig: Decimal
    periodiek_per_maand: Decimal
    periodiek: list[Periodiek]
    compensatie_huurkosten: Decimal
    compensatie_zorgpremie: Decimal
    compensatie_overig: Decimal
    stap11: Stap11 | None
    wtrap: Wtrap | None
    signalen: list[Signaal]
    toelichting: list[str]
    niet_bevestigd: list[Parameter]
    spoor: list[Stap]
    parameters: Jaarparameters | None = None    # de set waarmee gerekend is (hash, herkomst, wat gelezen is)

    @property
    def regime(self) -> Regime:
        """Bijzondere bijstand of de vaste tegemoetkoming van de Wtrap, zoals de rekenkern dit jaar rekende."""
        return WTRAP if self.wtrap is not None else BIJZONDERE_BIJSTAND


class Berekening(Tupel):
    jaren: list[JaarBerekening]
    totaal_compensatie: Decimal
    profiel: Beleidsprofiel
    niet_bevestigd: list
    opmerkingen: list[str]

    @property
    def parameterversie(self) -> str:
        """De vingerafdruk van alle actieve parametersets (params.parameterversie): pas uitgerekend als iemand hem
        vraagt (de PDF, --json), want daarvoor worden alle jaren gelezen; `avdesk bereken` toont hem niet."""
        return parameterversie()

    def naar_json(self) -> dict:
        return naar_json(self)


# ---------------------------------------------------------------- jaar

def alle_stappen(perioden: list[PeriodeBerekening], jaarspoor: list[Stap]) -> list[Stap]:
    """Het hele rekenspoor van een jaar: toeslagen per periode, de periodestappen en de jaarstappen."""
    return ([s for pb in perioden for u in pb.uitkomsten.values() for s in u.spoor]
            + [s for pb in perioden for s in pb.spoor] + list(jaarspoor))


def _stap11(j: Jaar, perioden: list[PeriodeBerekening], tekort_vergoed: bool, toets_profiel: bool,
            t_av: Decimal) -> Stap11:
    """Stap 11 letterlijk (REKENMODEL §6): een jaar met een terugvordering en een tekort."""
    een = sum((pb.verschil_totaal * pb.maanden for pb in perioden), NUL)
    twee = None
    if toets_profiel and perioden:
        tekorten = [(pb.bestaansminimum - pb.inkomen_toets) * pb.maanden for pb in perioden
                    if pb.inkomen_toets is not None]
        if len(tekorten) == len(perioden):          # (2) alleen als elke periode een huishoudinkomen heeft
            twee = max(NUL, sum(tekorten, NUL))
    laagste = een if twee is None else min(een, twee)
    if not tekort_vergoed:
        laagste = NUL
    extra = max(NUL, laagste - t_av)
    delen = [f"Stap 11 over {j.jaar}: (1) het verschil in toeslagen over het jaar is {euro(een)}"]
    if twee is not None:
        delen.append(f"(2) het verschil tussen het bestaansminimum en wat het huishouden over het jaar had is "
                     f"{euro(twee)}; het laagste van beide telt: {euro(laagste)}")
    elif not toets_profiel:
        delen.append("(2) wordt niet berekend: het beleidsprofiel kent geen toets aan het bestaansminimum")
    else:
        delen.append("(2) kan niet worden berekend: het netto-inkomen ontbreekt in een periode, dus (1) telt")
    if not tekort_vergoed:
        delen.append(f"het beleidsprofiel vergoedt geen tekort over {j.jaar}")
    slot = (f"De terugvordering door de alleenverdienersproblematiek ({euro(t_av)}) wordt vergoed"
            + (f", plus het deel van het tekort dat daarboven uitkomt: {euro(extra)}." if extra > 0 else
               "; het tekort komt daar niet bovenuit, dus alleen de terugvordering wordt vergoed."))
    return Stap11(een, twee, laagste, t_av, extra, "; ".join(delen) + ". " + slot)


def _periodiek(c: Casus, j: Jaar, perioden: list[PeriodeBerekening]) -> list[tuple[date, date, Decimal]]:
    """Stap 7: vanaf de aanvraagmaand per maand; een nieuw stuk zodra het bedrag verandert (of een maand niets geeft)."""
    a = c.aanvraagdatum
    if a is None or j.jaar < a.year:
        return []
    vanaf = date(a.year, a.month, 1) if j.jaar == a.year else date(j.jaar, 1, 1)
    stukken: list[list] = []
    for pb in perioden:
        if not pb.maanden_vanaf(vanaf) or not pb.compensatie_totaal:
            continue
        begin = max(vanaf, pb.van)
        if stukken and stukken[-1][2] == pb.compensatie_totaal and volgende_maand(stukken[-1][1]) == begin:
            stukken[-1][1] = pb.tot_en_met
        else:
            stukken.append([begin, pb.tot_en_met, pb.compensatie_totaal])
    return [tuple(x) for x in stukken]


def _kostensoorten(j: Jaar, perioden: list[PeriodeBerekening], tekort_deel: Decimal,
                   tv_betaald: Decimal | None) -> tuple[Decimal, Decimal, Decimal]:
    """Huurkosten, zorgpremie en overig (handreiking § Formulering bij toekennen bijzondere bijstand; §7.1)."""
    per_t: dict[str, Decimal] = {}
    for pb in perioden:
        for t, b in pb.compensatie.items():
            per_t[t] = per_t.get(t, NUL) + b * pb.maanden
    if not any(per_t.values()):          # stap 11 kan een tekort geven waar per maand niets overbleef
        for pb in perioden:
            for t, b in pb.verschil.items():
                per_t[t] = per_t.get(t, NUL) + b * pb.maanden
    delen: dict[str, Decimal] = {}
    if tekort_deel:
        for t, b in zip(per_t, verdeel(tekort_deel, list(per_t.values()))):
            delen[t] = delen.get(t, NUL) + b
    if tv_betaald:
        tv = j.terugvordering
        gewicht = ({t: max(NUL, tv.voorschot[t] - tv.definitief[t]) for t in tv.voorschot}
                   if tv is not None and tv.bedrag is None else {})
        if sum(gewicht.values(), NUL) > 0:
            for t, b in zip(gewicht, verdeel(tv_betaald, list(gewicht.values()))):
                delen[t] = delen.get(t, NUL) + b
        else:
            delen["onverdeeld"] = delen.get("onverdeeld", NUL) + tv_betaald
    huur, zorg = delen.pop("huurtoeslag", NUL), delen.pop("zorgtoeslag", NUL)
    return huur, zorg, sum(delen.values(), NUL)


def _aanvraagtermijn(c: Casus, j: Jaar, profiel: Beleidsprofiel, wtrap_jaar: bool) -> Signaal | None:
    """S11 (REKENMODEL §9): een aanvraag na de uiterste datum blokkeert, tenzij de raadsman de termijn met een
    motivering opzij zet (jaren[].afwijken.aanvraagtermijn). Een Wtrap-jaar kent de termijn van de Wtrap, een ander
    jaar die van het beleidsprofiel (leeg: geen termijn). Zonder aanvraagdatum: niets te toetsen."""
    if c.aanvraagdatum is None:
        return None
    if wtrap_jaar:
        uiterlijk, regeling, bron = WTRAP_AANVRAAG_UITERLIJK, "de Wtrap (zelfmelder)", WTRAP_AANVRAAG_BRON
    elif profiel.aanvraag_uiterlijk:
        uiterlijk, regeling, bron = date.fromisoformat(profiel.aanvraag_uiterlijk), profiel.naam, profiel.bron
    else:
        return None
    if c.aanvraagdatum <= uiterlijk:
        return None
    return sig.s11(c.aanvraagdatum, uiterlijk, regeling, bron, j.afwijken.get("aanvraagtermijn"))


def _compensatiestap(compensatie: Decimal, tekort: Decimal, tekort_deel: Decimal, tv_betaald: Decimal | None,
                     wtrap: Wtrap | None, stap11: bool) -> Stap:
    """De compensatie over het jaar in het spoor, met de regel die gold (REKENMODEL §5-8)."""
    if wtrap is not None:
        return stap("jaar.compensatie", "Compensatie over het jaar = de vaste tegemoetkoming Wtrap, als aan alle "
                    "voorwaarden is voldaan", compensatie, "Participatiewet art. 78gg; REKENMODEL §8", (),
                    (("vaste tegemoetkoming", wtrap.tegemoetkoming), ("voldoet", {True: "ja", False: "nee", None: "nog niet vast te stellen"}[wtrap.voldoet]), ("tekort", tekort)))
    if stap11:
        return stap("jaar.compensatie", "Compensatie over het jaar = terugvordering + het deel van het laagste van (1) "
                    "en (2) dat daarboven uitkomt", compensatie, "Handreiking stap 11; REKENMODEL §6", (),
                    (("terugvordering", tv_betaald), ("deel daarboven", tekort_deel)))
    if tv_betaald is not None:
        return stap("jaar.compensatie", "Compensatie over het jaar = vergoede terugvordering + het tekort als het "
                    "beleidsprofiel het vergoedt (geen stap 11)", compensatie, REGEL_COMPENSATIE, (),
                    (("terugvordering", tv_betaald), ("tekort", tekort_deel)))
    return stap("jaar.compensatie", "Compensatie over het jaar = het tekort, als het beleidsprofiel het tekort over dit "
                "jaar vergoedt", compensatie, REGEL_COMPENSATIE, (), (("tekort", tekort),))


def bereken_jaar(c: Casus, j: Jaar, profiel: Beleidsprofiel, vandaag: date) -> JaarBerekening:
    p = laad_jaar(j.jaar).gevolgd()       # onthoudt wat gelezen wordt: S8 en de parameterlijst op de PDF
    spoor: list[Stap] = []
    perioden, toelichting = bereken_perioden(
        c, j, p, lambda per, van, tem: bereken_periode(c, j, per, van, tem, p, profiel),
        lambda a, b: a.bedragen() == b.bedragen())
    signalen: list[Signaal] = []
    tekort = sum((pb.compensatie_periode for pb in perioden), NUL)
    spoor.append(stap("jaar.tekort", "Tekort over het jaar = som over de perioden van maanden x compensatie per maand",
                      tekort, "REKENMODEL §4-5", (), tuple(("periode", (pb.van, pb.tot_en_met, pb.maanden,
                                                                        pb.compensatie_totaal)) for pb in perioden)))

    # Terugvordering (stap 9-10)
    t_bedrag = t_av = None
    if tv := j.terugvordering:
        t_bedrag = terugvorderingsbedrag(tv)
        t_av = terugvordering_alleenverdieners(j)       # stap 10, zoals de route hem leest (core/route.py)
        if tv.deel_alleenverdieners == "geen":
            toelichting.append("De terugvordering heeft een andere oorzaak dan de alleenverdienersproblematiek (stap 9): "
                               "geen vergoeding, wel uitleg aan de inwoners.")
        spoor.append(stap("terugvordering.bedrag", "Terugvordering = som van (voorschot - definitief) per toeslag"
                          if tv.bedrag is None else "Terugvordering (bedrag ingevuld)", t_bedrag, "Handreiking stap 9",
                          (), (("voorschot", tv.voorschot), ("definitief", tv.definitief)) if tv.bedrag is None else ()))
        spoor.append(stap("terugvordering.alleenverdieners", "Deel door de alleenverdienersproblematiek", t_av,
                          "Handreiking stap 10", (), (("deel", tv.deel_alleenverdieners),)))

    # Wat het beleidsprofiel vergoedt (REKENMODEL §7)
    tekort_vergoed = j.jaar in profiel.tekort_jaren
    wtrap_jaar = is_wtrap_jaar(j.jaar, p)
    if tekort and not tekort_vergoed and not wtrap_jaar:
        toelichting.append(f"Beleidsprofiel {profiel.naam} vergoedt geen tekort over {j.jaar}; het tekort is wel berekend.")
    tv_betaald = None
    if t_av is not None:
        tv_betaald = t_av if j.jaar in profiel.terugvordering_jaren else NUL
        if t_av and j.jaar not in profiel.terugvordering_jaren:
            toelichting.append(f"Beleidsprofiel {profiel.naam} vergoedt geen terugvordering over {j.jaar}.")

    wtrap = stap11 = None
    tekort_deel = NUL
    if wtrap_jaar:
        wtrap = toets_wtrap(c, j, p, perioden, tekort, spoor)
        compensatie = wtrap.tegemoetkoming if (wtrap.voldoet and wtrap.tegemoetkoming is not None) else NUL
        if wtrap.voldoet is not False and wtrap.tegemoetkoming is not None and tekort > wtrap.tegemoetkoming:
            signalen.append(sig.s6(tekort, wtrap.tegemoetkoming))
    elif tv_betaald is not None and heeft_stap11(j, profiel):      # stap 11: het profiel vergoedt dit jaar terugvordering en tekort (core/route.py)
        stap11 = _stap11(j, perioden, tekort_vergoed, profiel.bestaansminimumtoets, tv_betaald)
        tekort_deel = stap11.extra
        compensatie = tv_betaald + tekort_deel
        spoor += [
            stap("stap11.verschil_toeslagen", "(1) Verschil in toeslagen over het jaar = som van maanden x verschil "
                 "per maand", stap11.tekort_toeslagen, "Handreiking stap 11 (1); REKENMODEL §6"),
            stap("stap11.tekort_bestaansminimum", "(2) Tekort tot het bestaansminimum over het jaar = som van maanden x "
                 "(bestaansminimum - huishoudinkomen), niet onder nul" if stap11.tekort_bestaansminimum is not None
                 else "(2) Tekort tot het bestaansminimum over het jaar: niet berekend", stap11.tekort_bestaansminimum,
                 "Handreiking stap 11 (2); REKENMODEL §6"),
            stap("stap11.laagste", "Het laagste van (1) en (2)" + ("" if tekort_vergoed else
                 ": nul, het beleidsprofiel vergoedt geen tekort over dit jaar"), stap11.laagste,
                 "Handreiking stap 11; REKENMODEL §6", (), (("terugvordering", tv_betaald),)),
        ]
    elif tv_betaald is not None:
        # Geen stap 11 (deel "geen", of het profiel vergoedt dit jaar niet zowel terugvordering als tekort): het tekort
        # telt dan zoals in een jaar zonder terugvordering, per maand, en alleen als het profiel het vergoedt.
        tekort_deel = tekort if tekort_vergoed else NUL
        compensatie = tv_betaald + tekort_deel
    else:
        tekort_deel = compensatie = tekort if tekort_vergoed else NUL

    # Eenmalig / periodiek (stap 7): alleen een tekort-jaar zonder terugvordering wordt periodiek betaald.
    stukken = []
    if wtrap is None and tv_betaald is None and compensatie > 0 and profiel.uitbetaling == "eenmalig_en_periodiek":
        stukken = _periodiek(c, j, perioden)
    periodiek = [Periodiek(van, tem, bedrag) for van, tem, bedrag in stukken]
    eenmalig = compensatie - sum((p.totaal for p in periodiek), NUL)
    spoor.append(_compensatiestap(compensatie, tekort, tekort_deel, tv_betaald, wtrap, stap11 is not None))
    spoor.append(stap("jaar.eenmalig", "Eenmalig = compensatie over het jaar - periodiek vanaf de aanvraagmaand", eenmalig,
                      "Handreiking stap 7; REKENMODEL §4", (),
                      tuple(("periodiek", (p.van, p.tot_en_met, p.maanden, p.per_maand)) for p in periodiek)))

    huur = zorg = overig = NUL
    if wtrap is None and compensatie > 0:
        huur, zorg, overig = _kostensoorten(j, perioden, tekort_deel, tv_betaald)

    # Signalen op jaarniveau
    beschikking = j.datum_definitieve_beschikking or (j.terugvordering.datum_definitieve_beschikking
                                                      if j.terugvordering else None)
    if s2 := sig.s2_op(beschikking, vandaag):          # op de dag van de berekening: loopt de termijn nog?
        signalen.append(s2)
    if c.aanvraagdatum and c.aanvraagdatum > vandaag:
        signalen.append(sig.s10(c.aanvraagdatum, vandaag))
    if termijn := _aanvraagtermijn(c, j, profiel, wtrap_jaar):
        signalen.append(termijn)
    if wtrap is None:
        doelgroep = toets_doelgroep(c, j, p, profiel, spoor)
        if doelgroep.niet_voldaan:
            signalen.append(sig.s5(doelgroep.niet_voldaan))
        if doelgroep.open_punten:
            signalen.append(sig.s5_open(doelgroep.open_punten))
    elif wtrap.voldoet is False:
        signalen.append(sig.s5_wtrap([r.removeprefix("Voldoet niet: ") for r in wtrap.redenen
                                      if r.startswith("Voldoet niet: ")]))
    elif wtrap.voldoet is None:
        signalen.append(sig.s5_open(wtrap.open_vragen))
    if "kindgebonden_budget.signaalgrens_gezamenlijk_toetsingsinkomen" in p:
        grens = p["kindgebonden_budget.signaalgrens_gezamenlijk_toetsingsinkomen"]
        hoogste = max((per.toetsingsinkomen_aanvrager + per.toetsingsinkomen_partner for per in j.perioden), default=NUL)
        if hoogste > grens.waarde and not any(h.toeslag == "kindgebonden_budget" for per in j.perioden for h in per.handmatig):
            signalen.append(sig.s7(hoogste, grens.waarde))
    gebruikt = niet_bevestigd(alle_stappen(perioden, spoor), p.gebruikt())
    if gebruikt:
        signalen.append(sig.s8(gebruikt))
    periodiek_per_maand = periodiek[0].per_maand if periodiek else NUL
    return JaarBerekening(j.jaar, perioden, tekort, t_bedrag, t_av, compensatie, eenmalig, periodiek_per_maand, periodiek,
                          huur, zorg, overig, stap11, wtrap, signalen, toelichting, gebruikt, spoor, p)


def bereken(c: Casus, vandaag: date | None = None) -> Berekening:
    profiel = laad_profiel(c.beleidsprofiel)
    vandaag = vandaag or date.today()
    jaren = [bereken_jaar(c, j, profiel, vandaag) for j in sorted(c.jaren, key=lambda j: j.jaar)]
    opmerkingen: list[str] = []      # de uiterste aanvraagdatum is nu signaal S11, per jaar
    nb = {(p.jaar, p.naam): p for jb in jaren for p in jb.niet_bevestigd}
    return Berekening(jaren, sum((jb.compensatie_jaar for jb in jaren), NUL), profiel,
                      sorted(nb.values(), key=lambda p: (p.jaar, p.naam)), opmerkingen)
