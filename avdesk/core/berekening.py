"""De berekening van REKENMODEL §1-9: perioden, verschil per maand, bestaansminimum, terugvordering, stap 11,
eenmalig/periodiek, Wtrap en signalen. Een Casus erin, een Berekening (met spoor) eruit.

Alle bedragen zijn Decimal; toeslagen per maand in hele euro's, verschillen en totalen exact in centen."""

from __future__ import annotations

from typing import NamedTuple
from datetime import date, timedelta
from decimal import Decimal

from . import signalen as sig
from .bijstand import bruto_bijstand_per_partner, is_kostendeler, netto_norm_gehuwden
from .casus import SERVICEKOSTEN, WTRAP_VRAGEN, Casus, Jaar, Periode, terugvorderingsbedrag
from .geld import (NUL, centen, datum, euro, geboren_uiterlijk, maand_iso, maand_label, maanden_tussen,
                   verdeel, volgende_maand)
from .params import Beleidsprofiel, Parameter, Jaarparameters, laad_jaar, laad_profiel, parameterversie
from .signalen import Signaal
from .spoor import Stap, niet_bevestigd
from .toeslagen import Bewoner, Situatie, Uitkomst
from .toeslagen.huurtoeslag import aow_leeftijd_bereikt, huurtoeslag
from .toeslagen.zorgtoeslag import zorgtoeslag

FORMAAT = "avdesk-berekening/1"
TOESLAGEN = (("huurtoeslag", huurtoeslag), ("zorgtoeslag", zorgtoeslag))
S1_GRENS = Decimal(2)


class PeriodeBerekening(NamedTuple):
    van: date
    tot_en_met: date
    maanden: int
    kostendelers: int
    bruto_bijstand_per_partner: Decimal
    referentie: dict[str, Decimal]           # R per toeslag (incl. handmatige toeslagen)
    berekend: dict[str, Decimal]             # engine-uitkomst voor het ingevulde inkomen
    werkelijk: dict[str, Decimal]            # W: ontvangen waar ingevuld, anders berekend
    verschil: dict[str, Decimal]             # G per toeslag
    verschil_totaal: Decimal
    norm: Decimal                            # netto bijstandsnorm (evt. kostendelersnorm) per maand
    bestaansminimum: Decimal | None
    inkomen: Decimal | None
    compensatie: dict[str, Decimal]
    compensatie_totaal: Decimal
    compensatie_periode: Decimal
    begrensd: bool                           # de toets aan het bestaansminimum verlaagde de compensatie
    signalen: list[Signaal]
    uitkomsten: dict[str, Uitkomst]   # "referentie.huurtoeslag", "berekend.zorgtoeslag", ...
    spoor: list[Stap]

    @property
    def label(self) -> str:
        return f"{maand_iso(self.van)} t/m {maand_iso(self.tot_en_met)}"

    def maanden_vanaf(self, maand: date) -> int:
        """Aantal maanden van deze periode vanaf `maand` (voor periodieke betaling)."""
        if maand > self.tot_en_met:
            return 0
        return maanden_tussen(max(maand, self.van), self.tot_en_met)


class Stap11(NamedTuple):
    tekort_toeslagen: Decimal            # (1): som over perioden van maanden x verschil
    tekort_bestaansminimum: Decimal | None   # (2): som van maanden x max(0, BM - HI)
    terugvordering: Decimal
    extra: Decimal
    tekst: str


class Wtrap(NamedTuple):
    voldoet: bool
    redenen: list[str]
    tegemoetkoming: Decimal | None
    tekort_jaar: Decimal
    aanvullend_mogelijk: Decimal


class JaarBerekening(NamedTuple):
    jaar: int
    perioden: list[PeriodeBerekening]
    tekort: Decimal
    terugvordering_bedrag: Decimal | None
    terugvordering_alleenverdieners: Decimal | None
    compensatie_jaar: Decimal
    eenmalig: Decimal
    periodiek_per_maand: Decimal
    periodiek: list[dict]
    compensatie_huurkosten: Decimal
    compensatie_zorgpremie: Decimal
    compensatie_overig: Decimal
    stap11: Stap11 | None
    wtrap: Wtrap | None
    signalen: list[Signaal]
    toelichting: list[str]
    niet_bevestigd: list[Parameter]
    spoor: list[Stap]


class Berekening(NamedTuple):
    jaren: list[JaarBerekening]
    totaal_compensatie: Decimal
    profiel: Beleidsprofiel
    parameterversie: str
    niet_bevestigd: list
    opmerkingen: list[str]

    def naar_json(self) -> dict:
        return _naar_json(self)


# ---------------------------------------------------------------- perioden

def splits_op_1_juli(van: date, tot_en_met: date) -> list[tuple[date, date]]:
    """Een periode loopt nooit over 1 juli heen: de bijstandsnormen wijzigen op 1 januari en 1 juli."""
    if van.month <= 6 < tot_en_met.month:
        return [(van, date(van.year, 6, 1)), (date(van.year, 7, 1), tot_en_met)]
    return [(van, tot_en_met)]


def _leeftijdskenmerken(c: Casus, per: Periode, maand: date, p: Jaarparameters) -> tuple[bool, ...]:
    """Per persoon (aanvrager, partner, medebewoners) en grens: heeft hij die leeftijd op de eerste dag van de maand?
    Grenzen: 18 (kind in huis), jongerengrens huurtoeslag (23), kostendeler (27; 2022: 21) en de AOW-leeftijd."""
    grenzen = (geboren_uiterlijk(maand, 18), geboren_uiterlijk(maand, p["huurtoeslag.jongeren_leeftijd"].waarde),
               geboren_uiterlijk(maand, p["bijstand.kostendeler_leeftijd"].waarde),
               geboren_uiterlijk(maand, p["aow.leeftijd_jaren"].waarde, p["aow.leeftijd_maanden"].waarde))
    personen = (c.aanvrager.geboortedatum, c.partner.geboortedatum, *(m.geboortedatum for m in per.medebewoners))
    return tuple(g is not None and g <= grens for g in personen for grens in grenzen)


def splits_op_leeftijden(c: Casus, per: Periode, van: date, tot_en_met: date,
                         p: Jaarparameters) -> list[tuple[date, date]]:
    """Bereikt iemand midden in een periode een leeftijdsgrens, dan splitst de periode op de eerste maand waarin die
    geldt: de toeslagen en de kostendelersnorm gaan uit van de situatie op de eerste dag van elke maand."""
    delen, begin = [], van
    vorige, maand = _leeftijdskenmerken(c, per, van, p), van
    while maand < tot_en_met:
        volgende = volgende_maand(maand)
        if (kenmerk := _leeftijdskenmerken(c, per, volgende, p)) != vorige:
            delen.append((begin, maand))
            begin, vorige = volgende, kenmerk
        maand = volgende
    return delen + [(begin, tot_en_met)]


def _wie_en_welke_grens(c: Casus, per: Periode, voor: tuple, na: tuple, p: Jaarparameters) -> str:
    namen = [c.aanvrager.naam or "de aanvrager", c.partner.naam or "de partner",
             *(m.naam or f"medebewoner {i}" for i, m in enumerate(per.medebewoners, 1))]
    grenzen = ("18 jaar", f"{p['huurtoeslag.jongeren_leeftijd'].waarde} jaar (jongerengrens huurtoeslag)",
               f"{p['bijstand.kostendeler_leeftijd'].waarde} jaar (kostendeler)", "de AOW-leeftijd")
    return ", ".join(f"{namen[i // 4]} bereikt {grenzen[i % 4]}" for i, (a, b) in enumerate(zip(voor, na)) if a != b)


def deelperioden(c: Casus, j: Jaar, p: Jaarparameters) -> tuple[list[tuple[Periode, date, date]], list[str]]:
    """De ingevoerde perioden, gesplitst op 1 juli en op leeftijdsgrenzen; met een toelichting per leeftijdssplitsing."""
    delen, toelichting = [], []
    for per in j.perioden:
        for van, tem in splits_op_1_juli(per.van, per.tot_en_met):
            stukken = splits_op_leeftijden(c, per, van, tem, p)
            for (_, eind), (begin, _) in zip(stukken, stukken[1:]):
                wat = _wie_en_welke_grens(c, per, _leeftijdskenmerken(c, per, eind, p),
                                          _leeftijdskenmerken(c, per, begin, p), p)
                toelichting.append(f"De periode {maand_label(per.van)} t/m {maand_label(per.tot_en_met)} wordt gesplitst "
                                   f"op {datum(begin)}: {wat}. avdesk rekent elke maand met de situatie op de eerste "
                                   "dag van die maand.")
            delen += [(per, a, b) for a, b in stukken]
    return delen, toelichting


def situaties(c: Casus, per: Periode, maand: date, bruto: Decimal, vermogen) -> tuple[Situatie, Situatie]:
    """De maand als referentie (beide partners op bruto bijstand) en zoals hij werkelijk is; de rest is gelijk."""
    huur = per.huur
    mede = tuple(Bewoner(m.geboortedatum, m.toetsingsinkomen, m.kind) for m in per.medebewoners)
    kale = huur.kale_huur if huur else None
    sk = tuple(huur.servicekosten.get(k, NUL) for k in SERVICEKOSTEN) if huur else ()
    a, p = c.aanvrager.geboortedatum, c.partner.geboortedatum
    return (Situatie(maand, Bewoner(a, bruto), Bewoner(p, bruto), mede, kale, sk, per.aangepaste_woning, vermogen),
            Situatie(maand, Bewoner(a, per.toetsingsinkomen_aanvrager), Bewoner(p, per.toetsingsinkomen_partner), mede,
                     kale, sk, per.aangepaste_woning, vermogen))


def bereken_periode(c: Casus, j: Jaar, per: Periode, van: date, tem: date, p: Jaarparameters) -> PeriodeBerekening:
    maanden = maanden_tussen(van, tem)
    kostendelers = sum(1 for m in per.medebewoners if is_kostendeler(m, van, p))
    bruto, spoor = bruto_bijstand_per_partner(p, kostendelers, per.referentie_bruto_bijstand_per_partner,
                                              per.referentie_motivering)
    ref_sit, wrk_sit = situaties(c, per, van, bruto, j.vermogen)
    uitkomsten: dict[str, Uitkomst] = {}
    R: dict[str, Decimal] = {}
    B: dict[str, Decimal] = {}
    W: dict[str, Decimal] = {}
    signalen: list[Signaal] = []
    for naam, functie in TOESLAGEN:
        r, b = functie(ref_sit, p), functie(wrk_sit, p)
        uitkomsten[f"referentie.{naam}"], uitkomsten[f"berekend.{naam}"] = r, b
        R[naam], B[naam] = r.per_maand, b.per_maand
        W[naam] = per.ontvangen.get(naam, b.per_maand)
        if naam in per.ontvangen and abs(per.ontvangen[naam] - b.per_maand) >= S1_GRENS:
            signalen.append(sig.s1(naam, per.ontvangen[naam], b.per_maand))
    for h in per.handmatig:
        R[h.toeslag], W[h.toeslag] = h.referentie, h.werkelijk
        spoor.append(Stap(f"{h.toeslag.replace('_', ' ').capitalize()} handmatig ingevuld: {h.motivering}", None,
                          "Handreiking § 2.4"))
    G = {t: max(NUL, R[t] - W[t]) for t in R}
    g = sum(G.values(), NUL)
    spoor.append(Stap("Verschil per maand = referentie - werkelijk (per toeslag, niet onder nul)", g,
                      "Handreiking stap 5-6; REKENMODEL §4"))
    norm, norm_spoor = netto_norm_gehuwden(p, van, kostendelers)
    spoor += norm_spoor
    bm = hi = None
    begrensd = False
    if per.netto_inkomen_per_maand is None:
        cmp = g
        signalen.append(sig.s3())
    else:
        bm = norm + sum(R.values(), NUL)
        hi = per.netto_inkomen_per_maand + sum(W.values(), NUL)
        spoor.append(Stap("Bestaansminimum = netto bijstandsnorm + toeslagen bij alleen bijstand", bm,
                          "Handreiking stap 6 en stap 11 (2)"))
        spoor.append(Stap("Huishoudinkomen = netto-inkomen + werkelijke toeslagen", hi, "Handreiking stap 6"))
        cmp = NUL if hi >= bm else min(g, bm - hi)
        begrensd = cmp < g
        spoor.append(Stap("Compensatie per maand = het laagste van het verschil en het tekort tot het bestaansminimum"
                          if hi < bm else "Geen compensatie: het huishouden zit op of boven het bestaansminimum",
                          cmp, "Handreiking stap 6; § Compensatie tot het sociaal minimum"))
        if per.netto_inkomen_per_maand < norm:
            signalen.append(sig.s4(norm - per.netto_inkomen_per_maand))
    if begrensd:
        delen = dict(zip(G, verdeel(cmp, list(G.values()))))
    else:
        delen = dict(G)
    return PeriodeBerekening(van, tem, maanden, kostendelers, bruto, R, B, W, G, g, norm, bm, hi, delen, cmp,
                             cmp * maanden, begrensd, signalen, uitkomsten, spoor)


# ---------------------------------------------------------------- jaar

def alle_stappen(perioden: list[PeriodeBerekening], jaarspoor: list[Stap]) -> list[Stap]:
    """Het hele rekenspoor van een jaar: toeslagen per periode, de periodestappen en de jaarstappen."""
    return ([s for pb in perioden for u in pb.uitkomsten.values() for s in u.spoor]
            + [s for pb in perioden for s in pb.spoor] + list(jaarspoor))


def _minstverdienende(c: Casus, j: Jaar):
    """De partner met het laagste toetsingsinkomen (eerste periode); bij gelijk inkomen de jongste."""
    if not j.perioden:
        return max((c.aanvrager, c.partner), key=lambda x: x.geboortedatum)
    per = j.perioden[0]
    kandidaten = [(per.toetsingsinkomen_aanvrager, c.aanvrager), (per.toetsingsinkomen_partner, c.partner)]
    return min(kandidaten, key=lambda x: (x[0], -x[1].geboortedatum.toordinal()))[1]


def _vermogensgrens(profiel: Beleidsprofiel, p: Jaarparameters):
    return p[{"huurtoeslag": "huurtoeslag.vermogensgrens_partners",
              "zorgtoeslag": "zorgtoeslag.vermogensgrens_met_partner",
              "bijstand": "bijstand.vermogensgrens_gehuwden"}[profiel.vermogensgrens]]


def _doelgroep(c: Casus, j: Jaar, p: Jaarparameters, profiel: Beleidsprofiel, spoor: list[Stap]) -> list[str]:
    redenen = []
    minst = _minstverdienende(c, j)
    if minst.geboortedatum.year < 1963:
        redenen.append(f"de minstverdienende partner is geboren voor 1963 ({minst.geboortedatum.year})")
    peildata = [per.van for per in j.perioden] or [date(j.jaar, 1, 1)]
    if any(aow_leeftijd_bereikt(x.geboortedatum, d, p) for x in (c.aanvrager, c.partner) for d in peildata):
        redenen.append("een partner heeft de AOW-leeftijd bereikt")
    if not c.toeslagpartners:
        redenen.append("de partners zijn geen toeslagpartners")
    grens = _vermogensgrens(profiel, p)
    spoor.append(Stap(f"Vermogensgrens volgens beleidsprofiel ({profiel.vermogensgrens})", grens.waarde, profiel.bron, (grens,)))
    if j.vermogen is not None and j.vermogen > grens.waarde:
        redenen.append(f"het vermogen ({euro(j.vermogen)}) ligt boven de grens van {euro(grens.waarde)}")
    return redenen


def _wtrap(c: Casus, j: Jaar, p: Jaarparameters, perioden: list[PeriodeBerekening], tekort: Decimal,
           spoor: list[Stap]) -> Wtrap:
    """Zelfmeldertoets Wtrap (Participatiewet art. 78gg; beleidsregels Leiderdorp 2025-2027)."""
    ok, redenen = True, []

    def toets(voldaan: bool, goed: str, fout: str):
        nonlocal ok
        ok &= voldaan
        redenen.append(("Voldoet: " + goed) if voldaan else ("Voldoet niet: " + fout))

    for k, label in WTRAP_VRAGEN.items():
        v = j.wtrap.get(k)
        if k == "toeslagpartners" and not c.toeslagpartners:
            v = False
        toets(v is True, label, f"{label} (niet bevestigd)" if v is None else f"niet {label}")
    minst = _minstverdienende(c, j)
    toets(minst.geboortedatum.year >= 1963, "minstverdienende partner geboren na 1962",
          f"minstverdienende partner geboren in {minst.geboortedatum.year} (voor 1963)")
    peildata = [per.van for per in perioden] or [date(j.jaar, 1, 1)]
    aow = any(aow_leeftijd_bereikt(x.geboortedatum, d, p) for x in (c.aanvrager, c.partner) for d in peildata)
    toets(not aow, "geen van beide partners heeft de AOW-leeftijd", "een partner heeft de AOW-leeftijd bereikt")
    grens = p["zorgtoeslag.vermogensgrens_met_partner"]
    spoor.append(Stap("Wtrap: vermogensgrens zorgtoeslag met toeslagpartner", grens.waarde, "Beleidsregels Wtrap", (grens,)))
    if j.vermogen is None:
        toets(False, "", "vermogen niet ingevuld")
    else:
        toets(j.vermogen <= grens.waarde, f"vermogen binnen de grens van de zorgtoeslag ({euro(grens.waarde)})",
              f"vermogen {euro(j.vermogen)} boven de grens van de zorgtoeslag ({euro(grens.waarde)})")
    if not perioden:
        toets(False, "", "geen perioden ingevuld: de inkomenstoets kan niet worden gedaan")
    elif any(pb.inkomen is None for pb in perioden):
        toets(False, "", "netto-inkomen ontbreekt in een periode: de inkomenstoets kan niet worden gedaan")
    else:
        hi = sum((pb.inkomen * pb.maanden for pb in perioden), NUL)
        bm = sum((pb.bestaansminimum * pb.maanden for pb in perioden), NUL)
        toets(hi < bm, f"totaalinkomen {euro(hi)} lager dan bij alleen bijstand ({euro(bm)})",
              f"totaalinkomen {euro(hi)} niet lager dan bij alleen bijstand ({euro(bm)})")
    if "wtrap.vaste_tegemoetkoming" in p:
        tp = p["wtrap.vaste_tegemoetkoming"]
        bedrag = tp.waarde
        spoor.append(Stap("Vaste tegemoetkoming Wtrap", bedrag, "Participatiewet art. 78gg; Regeling art. 15ba", (tp,)))
    else:
        bedrag = j.wtrap.get("tegemoetkoming")
        if bedrag is None:
            toets(False, "", f"de vaste tegemoetkoming voor {j.jaar} is nog niet bekend: vul het bedrag in")
        else:
            spoor.append(Stap("Vaste tegemoetkoming Wtrap, ingevuld door de raadsman", bedrag, "Participatiewet art. 78gg"))
    aanvullend = max(NUL, tekort - bedrag) if bedrag is not None else NUL
    return Wtrap(ok, redenen, bedrag, tekort, aanvullend)


def bereken_jaar(c: Casus, j: Jaar, profiel: Beleidsprofiel, vandaag: date) -> JaarBerekening:
    p = laad_jaar(j.jaar)
    spoor: list[Stap] = []
    delen, toelichting = deelperioden(c, j, p)
    perioden = [bereken_periode(c, j, per, van, tem, p) for per, van, tem in delen]
    signalen: list[Signaal] = []
    tekort = sum((pb.compensatie_periode for pb in perioden), NUL)

    # Terugvordering (stap 9-10)
    t_bedrag = t_av = None
    if tv := j.terugvordering:
        t_bedrag = terugvorderingsbedrag(tv)
        if tv.deel_alleenverdieners == "geheel":
            t_av = t_bedrag
        elif tv.deel_alleenverdieners == "geen":
            t_av = NUL
            toelichting.append("De terugvordering heeft een andere oorzaak dan de alleenverdienersproblematiek (stap 9): "
                               "geen vergoeding, wel uitleg aan de inwoners.")
        else:
            t_av = tv.deel_alleenverdieners
        spoor.append(Stap("Terugvordering = som van (voorschot - definitief) per toeslag", t_bedrag,
                          "Handreiking stap 9"))
        spoor.append(Stap("Deel door de alleenverdienersproblematiek", t_av, "Handreiking stap 10"))

    # Wat het beleidsprofiel vergoedt (REKENMODEL §7)
    tekort_betaald = tekort if j.jaar in profiel.tekort_jaren else NUL
    if tekort and j.jaar not in profiel.tekort_jaren:
        toelichting.append(f"Beleidsprofiel {profiel.naam} vergoedt geen tekort over {j.jaar}; het tekort is wel berekend.")
    tv_betaald = None
    if t_av is not None:
        tv_betaald = t_av if j.jaar in profiel.terugvordering_jaren else NUL
        if t_av and j.jaar not in profiel.terugvordering_jaren:
            toelichting.append(f"Beleidsprofiel {profiel.naam} vergoedt geen terugvordering over {j.jaar}.")

    wtrap = None
    stap11 = None
    if "wtrap.vaste_tegemoetkoming" in p or j.jaar >= 2025:
        wtrap = _wtrap(c, j, p, perioden, tekort, spoor)
        compensatie = wtrap.tegemoetkoming if (wtrap.voldoet and wtrap.tegemoetkoming is not None) else NUL
        if wtrap.voldoet and wtrap.tegemoetkoming is not None and tekort > wtrap.tegemoetkoming:
            signalen.append(sig.s6(tekort, wtrap.tegemoetkoming))
    elif tv_betaald is not None:
        extra = max(NUL, tekort_betaald - tv_betaald)
        compensatie = tv_betaald + extra
    else:
        compensatie = tekort_betaald
    if wtrap is None and tv_betaald is not None and perioden:
        een = sum((pb.verschil_totaal * pb.maanden for pb in perioden), NUL)
        twee = None if (not perioden or any(pb.inkomen is None for pb in perioden)) else \
            sum((max(NUL, pb.bestaansminimum - pb.inkomen) * pb.maanden for pb in perioden), NUL)
        tekst = (f"Stap 11: het verschil in toeslagen over {j.jaar} is (1) {euro(een)}"
                 + (f"; het tekort tot het bestaansminimum is (2) {euro(twee)}" if twee is not None
                    else "; (2) het tekort tot het bestaansminimum is niet berekend (netto-inkomen ontbreekt)")
                 + f". Per maand is steeds het laagste van beide genomen: het tekort is {euro(tekort_betaald)}. "
                 + f"De terugvordering door de alleenverdienersproblematiek is {euro(tv_betaald)}. "
                 + (f"Het tekort is {euro(extra)} hoger dan de terugvordering; dat bedrag komt bovenop de vergoeding "
                    f"van de terugvordering." if extra > 0 else
                    "Het tekort is niet hoger dan de terugvordering: alleen de terugvordering wordt vergoed."))
        stap11 = Stap11(een, twee, tv_betaald, extra, tekst)
        spoor.append(Stap("Compensatie = terugvordering + het deel van het tekort dat daarboven uitkomt", compensatie,
                          "Handreiking stap 11; REKENMODEL §6"))

    # Eenmalig / periodiek (stap 7)
    periodiek_totaal = NUL
    periodiek_per_maand = NUL
    periodiek: list[dict] = []
    a = c.aanvraagdatum
    if (wtrap is None and tv_betaald is None and compensatie > 0 and profiel.uitbetaling == "eenmalig_en_periodiek"
            and a is not None and j.jaar >= a.year):
        vanaf = date(a.year, a.month, 1) if j.jaar == a.year else date(j.jaar, 1, 1)
        for pb in perioden:
            n = pb.maanden_vanaf(vanaf)
            if n and pb.compensatie_totaal:
                periodiek.append({"van": maand_iso(max(vanaf, pb.van)), "tot_en_met": maand_iso(pb.tot_en_met),
                                  "per_maand": pb.compensatie_totaal})
                periodiek_totaal += n * pb.compensatie_totaal
        if periodiek:
            periodiek_per_maand = periodiek[0]["per_maand"]
    eenmalig = compensatie - periodiek_totaal

    # Kostensoorten voor de beschikking (handreiking § Formulering bij toekennen bijzondere bijstand)
    huur = zorg = overig = NUL
    if wtrap is None and compensatie > 0:
        per_t: dict[str, Decimal] = {}
        for pb in perioden:
            for t, b in pb.compensatie.items():
                per_t[t] = per_t.get(t, NUL) + b * pb.maanden
        tekort_deel = tekort_betaald if tv_betaald is None else max(NUL, tekort_betaald - tv_betaald)
        delen: dict[str, Decimal] = {}
        if tekort_deel:
            for t, b in zip(per_t, verdeel(tekort_deel, list(per_t.values()))):
                delen[t] = delen.get(t, NUL) + b
        if tv_betaald:
            tv = j.terugvordering
            gewicht = {t: max(NUL, tv.voorschot[t] - tv.definitief[t]) for t in tv.voorschot} if tv.bedrag is None else {}
            if sum(gewicht.values(), NUL) > 0:
                for t, b in zip(gewicht, verdeel(tv_betaald, list(gewicht.values()))):
                    delen[t] = delen.get(t, NUL) + b
            else:
                delen["onverdeeld"] = delen.get("onverdeeld", NUL) + tv_betaald
        huur, zorg = delen.pop("huurtoeslag", NUL), delen.pop("zorgtoeslag", NUL)
        overig = sum(delen.values(), NUL)

    # Signalen op jaarniveau
    beschikking = j.datum_definitieve_beschikking or (j.terugvordering.datum_definitieve_beschikking
                                                      if j.terugvordering else None)
    peil = c.aanvraagdatum or vandaag
    if beschikking and beschikking <= peil < beschikking + timedelta(weeks=6):
        signalen.append(sig.s2(beschikking))
    if redenen := _doelgroep(c, j, p, profiel, spoor):
        signalen.append(sig.s5(redenen))
    if "kindgebonden_budget.signaalgrens_gezamenlijk_toetsingsinkomen" in p:
        grens = p["kindgebonden_budget.signaalgrens_gezamenlijk_toetsingsinkomen"]
        hoogste = max((per.toetsingsinkomen_aanvrager + per.toetsingsinkomen_partner for per in j.perioden), default=NUL)
        if hoogste > grens.waarde and not any(h.toeslag == "kindgebonden_budget" for per in j.perioden for h in per.handmatig):
            signalen.append(sig.s7(hoogste, grens.waarde))
    gebruikt = niet_bevestigd(alle_stappen(perioden, spoor))
    if gebruikt:
        signalen.append(sig.s8(gebruikt))
    return JaarBerekening(j.jaar, perioden, tekort, t_bedrag, t_av, compensatie, eenmalig, periodiek_per_maand, periodiek,
                          huur, zorg, overig, stap11, wtrap, signalen, toelichting, gebruikt, spoor)


def bereken(c: Casus, vandaag: date | None = None) -> Berekening:
    profiel = laad_profiel(c.beleidsprofiel)
    vandaag = vandaag or date.today()
    jaren = [bereken_jaar(c, j, profiel, vandaag) for j in sorted(c.jaren, key=lambda j: j.jaar)]
    opmerkingen = []
    if profiel.aanvraag_uiterlijk and c.aanvraagdatum and c.aanvraagdatum.isoformat() > profiel.aanvraag_uiterlijk:
        opmerkingen.append(f"De aanvraagdatum ligt na de uiterste datum van {profiel.naam} "
                           f"({date.fromisoformat(profiel.aanvraag_uiterlijk).strftime('%d-%m-%Y')}).")
    nb = {(p.jaar, p.naam): p for jb in jaren for p in jb.niet_bevestigd}
    return Berekening(jaren, sum((jb.compensatie_jaar for jb in jaren), NUL), profiel, parameterversie(),
                      sorted(nb.values(), key=lambda p: (p.jaar, p.naam)), opmerkingen)


# ---------------------------------------------------------------- JSON (avdesk-berekening/1)

def _getal(x: Decimal | None):
    """Hele euro's als geheel getal, anders in centen."""
    if x is None:
        return None
    return int(x) if x == x.to_integral_value() else centen(x)


def _c(x: Decimal | None):
    return None if x is None else centen(x)


def _naar_json(b: Berekening) -> dict:
    jaren = []
    for jb in b.jaren:
        perioden = []
        for pb in jb.perioden:
            perioden.append({
                "van": maand_iso(pb.van), "tot_en_met": maand_iso(pb.tot_en_met), "maanden": pb.maanden,
                "referentie": {**{t: _getal(v) for t, v in pb.referentie.items()},
                               "bruto_bijstand_per_partner": _getal(pb.bruto_bijstand_per_partner)},
                "berekend": {t: _getal(v) for t, v in pb.berekend.items()},
                "werkelijk": {t: _getal(v) for t, v in pb.werkelijk.items()},
                "verschil_per_maand": {**{t: _getal(v) for t, v in pb.verschil.items()},
                                       "totaal": _getal(pb.verschil_totaal)},
                "bestaansminimum_per_maand": _c(pb.bestaansminimum),
                "inkomen_per_maand": _c(pb.inkomen),
                "compensatie_per_maand": {**{t: _c(v) for t, v in pb.compensatie.items()},
                                          "totaal": _c(pb.compensatie_totaal)},
                "compensatie_periode": _c(pb.compensatie_periode),
                "kostendelers": pb.kostendelers,
                "netto_norm_per_maand": _c(pb.norm),
                "signalen": [s.naar_dict() for s in pb.signalen],
            })
        jd = {
            "jaar": jb.jaar, "perioden": perioden, "tekort": _c(jb.tekort),
            "terugvordering": None if jb.terugvordering_bedrag is None else
            {"bedrag": _c(jb.terugvordering_bedrag), "alleenverdieners": _c(jb.terugvordering_alleenverdieners)},
            "compensatie_jaar": _c(jb.compensatie_jaar), "eenmalig": _c(jb.eenmalig),
            "periodiek_per_maand": _c(jb.periodiek_per_maand),
            "periodiek": [{**x, "per_maand": _c(x["per_maand"])} for x in jb.periodiek],
            "compensatie_per_kostensoort": {"huurkosten": _c(jb.compensatie_huurkosten),
                                            "zorgpremie": _c(jb.compensatie_zorgpremie),
                                            "overig": _c(jb.compensatie_overig)},
        }
        if jb.stap11:
            s = jb.stap11
            jd["stap11"] = {"tekort_toeslagen": _c(s.tekort_toeslagen), "tekort_bestaansminimum": _c(s.tekort_bestaansminimum),
                            "terugvordering": _c(s.terugvordering), "extra": _c(s.extra), "tekst": s.tekst}
        if jb.wtrap:
            w = jb.wtrap
            jd["wtrap"] = {"voldoet": w.voldoet, "redenen": w.redenen, "tegemoetkoming": _c(w.tegemoetkoming),
                           "tekort_jaar": _c(w.tekort_jaar), "aanvullend_mogelijk": _c(w.aanvullend_mogelijk)}
        jd["signalen"] = [s.naar_dict() for s in jb.signalen]
        jd["toelichting"] = jb.toelichting
        jaren.append(jd)
    return {
        "formaat": FORMAAT,
        "beleidsprofiel": b.profiel.id,
        "jaren": jaren,
        "totaal_compensatie": _c(b.totaal_compensatie),
        "opmerkingen": b.opmerkingen,
        "parameters": {"versie": b.parameterversie,
                       "afgeleid": [f"{p.jaar} {p.naam} = {p.waarde} ({p.status}): {p.bron}" for p in b.niet_bevestigd]},
    }
