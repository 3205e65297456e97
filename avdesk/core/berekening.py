"""De berekening van REKENMODEL §4-7: verschil per maand, toets aan het bestaansminimum, terugvordering, stap 11,
eenmalig/periodiek en signalen. Een Casus erin, een Berekening (met spoor) eruit.

Waar de regels staan: welke perioden (1 juli, leeftijdsgrenzen) in perioden.py, de doelgroeptoets (S5) in
doelgroep.py, de Wtrap-zelfmeldertoets in wtrap.py, de JSON-uitvoer (avdesk-berekening/1) in uitvoer.py.
Alle bedragen zijn Decimal; toeslagen per maand in hele euro's, verschillen en totalen exact in centen."""

from __future__ import annotations

from typing import Any, NamedTuple
from datetime import date
from decimal import Decimal

from . import signalen as sig
from .bijstand import bruto_bijstand_per_partner, is_kostendeler, netto_norm_gehuwden
from .casus import SERVICEKOSTEN, Casus, Jaar, Periode, terugvorderingsbedrag
from .doelgroep import BIJSTANDSNIVEAU, toets_doelgroep
from .geld import NUL, euro, maand_iso, maanden_tussen, verdeel, volgende_maand
from .params import Beleidsprofiel, Parameter, Jaarparameters, laad_jaar, laad_profiel, parameterversie
from .perioden import bereken_perioden, splits_op_1_juli, splits_op_leeftijden  # noqa: F401 (hier ook te importeren)
from .signalen import Signaal
from .spoor import Stap, stap, niet_bevestigd
from .toeslagen import Bewoner, Situatie, Uitkomst
from .toeslagen.huurtoeslag import huurtoeslag
from .toeslagen.zorgtoeslag import zorgtoeslag
from .uitvoer import FORMAAT, naar_json  # noqa: F401 (FORMAAT: ook hier te importeren)
from .route import heeft_stap11, terugvordering_alleenverdieners
from .wtrap import Wtrap, toets_wtrap

TOESLAGEN = (("huurtoeslag", huurtoeslag), ("zorgtoeslag", zorgtoeslag))
S1_GRENS = Decimal(2)

# De uiterste aanvraagdatum voor de vaste tegemoetkoming over 2025-2027 (zelfmelder): 31 december 2028.
WTRAP_AANVRAAG_UITERLIJK = date(2028, 12, 31)
WTRAP_AANVRAAG_BRON = "beleidsregels Wtrap Leiderdorp, hoofdstuk 3"


def is_wtrap_jaar(jaar: int, p: Jaarparameters) -> bool:
    """Een jaar van de Wtrap (2025-2027, REKENMODEL §8): de vaste tegemoetkoming in plaats van bijzondere bijstand."""
    return jaar >= 2025 or "wtrap.vaste_tegemoetkoming" in p

# Welke regel van de toets aan het bestaansminimum gold (CASUS-FORMAAT: toets_bestaansminimum).
TOETSEN = ("geen_netto_inkomen", "aanvullende_bijstand", "profiel_zonder_toets", "toegepast", "boven_bestaansminimum")


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
    netto_referentie: Decimal                # NR: de norm, of het ingevulde bedrag met bron
    bestaansminimum: Decimal                 # BM = NR + som R
    inkomen: Decimal | None                  # HI = netto-inkomen + som W (None zonder netto-inkomen)
    inkomen_toets: Decimal | None            # HI voor stap 11 (2) en de Wtrap: op bijstandsniveau NR + som W
    toets: str                               # een van TOETSEN
    toets_zin: str                           # in een Nederlandse zin: welke regel gold en waarom
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

    def bedragen(self) -> tuple:
        """Alles wat per maand geldt: gelijk bij twee aangrenzende delen, dan is splitsen zinloos."""
        return (self.kostendelers, self.bruto_bijstand_per_partner, self.referentie, self.berekend, self.werkelijk,
                self.verschil, self.norm, self.netto_referentie, self.bestaansminimum, self.inkomen, self.inkomen_toets,
                self.toets, self.compensatie, self.signalen)

    def samen_met(self, volgend: PeriodeBerekening) -> PeriodeBerekening:
        maanden = self.maanden + volgend.maanden
        return self._replace(tot_en_met=volgend.tot_en_met, maanden=maanden,
                             compensatie_periode=self.compensatie_totaal * maanden)


class Stap11(NamedTuple):
    tekort_toeslagen: Decimal                # (1): som over perioden van maanden x verschil
    tekort_bestaansminimum: Decimal | None   # (2): max(0, som van maanden x (BM - HI)); None als niet te berekenen
    laagste: Decimal                         # L: het laagste van (1) en (2) (zonder (2): (1))
    terugvordering: Decimal
    extra: Decimal                           # max(0, L - terugvordering)
    tekst: str


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
    parameters: Jaarparameters | None = None    # de set waarmee gerekend is (hash, herkomst, wat gelezen is)


class Berekening(NamedTuple):
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


# ---------------------------------------------------------------- periode

def situaties(c: Casus, per: Periode, maand: date, bruto: Decimal, vermogen) -> tuple[Situatie, Situatie]:
    """De maand als referentie (beide partners op bruto bijstand) en zoals hij werkelijk is; de rest is gelijk."""
    # tuple.__new__ in plaats van Bewoner(...) en Situatie(...): zonder de Python-__new__ van NamedTuple (spoor.stap).
    nieuw = tuple.__new__
    huur = per.huur
    mede = tuple([nieuw(Bewoner, (m.geboortedatum, m.toetsingsinkomen, m.kind)) for m in per.medebewoners])
    kale = huur.kale_huur if huur else None
    sk = tuple([huur.servicekosten.get(k, NUL) for k in SERVICEKOSTEN]) if huur else ()
    a, p = c.aanvrager.geboortedatum, c.partner.geboortedatum
    # Een partner zonder Nederlandse zorgverzekering halveert de zorgtoeslag in beide situaties (Wzt art. 2 lid 4).
    verzekerd = per.partner_verzekerd_zvw
    return (nieuw(Situatie, (maand, nieuw(Bewoner, (a, bruto, False)), nieuw(Bewoner, (p, bruto, False)), mede, kale,
                             sk, per.aangepaste_woning, vermogen, verzekerd)),
            nieuw(Situatie, (maand, nieuw(Bewoner, (a, per.toetsingsinkomen_aanvrager, False)),
                             nieuw(Bewoner, (p, per.toetsingsinkomen_partner, False)), mede, kale, sk,
                             per.aangepaste_woning, vermogen, verzekerd)))


def op_bijstandsniveau(c: Casus, per: Periode) -> str | None:
    """"Martin en Hanna ontvangen aanvullende bijstand" als een partner in deze periode aanvullende bijstand, IOAW of
    IOAZ heeft (het huishouden zit dan op bijstandsniveau, REKENMODEL §4); anders None."""
    wie = [(persoon.naam or f"de {rol}", bron.label) for rol, persoon in (("aanvrager", c.aanvrager), ("partner", c.partner))
           for bron in per.inkomen.get(rol, []) if bron.soort in BIJSTANDSNIVEAU]
    if not wie:
        return None
    if len(wie) == 2 and wie[0][1] == wie[1][1] and wie[0][0] != wie[1][0]:
        return f"{wie[0][0]} en {wie[1][0]} ontvangen {wie[0][1]}"
    return " en ".join(f"{naam} ontvangt {label}" for naam, label in wie)


def _toets_bestaansminimum(ontvangt: str | None, g: Decimal, bm: Decimal, hi: Decimal | None, toets_profiel: bool,
                           profielnaam: str) -> tuple[str, Decimal, str]:
    """REKENMODEL §4: welke regel geldt, de compensatie per maand en een Nederlandse zin die het uitlegt.
    `ontvangt`: "Hanna ontvangt aanvullende bijstand" als het huishouden op bijstandsniveau zit, anders None."""
    if ontvangt:
        return ("aanvullende_bijstand", g, f"{ontvangt}: het huishouden zit op bijstandsniveau, dus de toets aan het "
                f"bestaansminimum speelt niet (handreiking stap 6). De compensatie is het volledige verschil in "
                f"toeslagen: {euro(g)} per maand.")
    if not toets_profiel:
        return ("profiel_zonder_toets", g, f"Beleidsprofiel {profielnaam} kent geen toets aan het bestaansminimum: de "
                f"compensatie is het volledige verschil in toeslagen, {euro(g)} per maand.")
    if hi is None:
        return ("geen_netto_inkomen", g, "Het netto-inkomen is niet ingevuld: de toets aan het bestaansminimum is niet "
                f"gedaan. De compensatie is het volledige verschil in toeslagen, {euro(g)} per maand.")
    if hi >= bm:
        return ("boven_bestaansminimum", NUL, f"Het huishoudinkomen ({euro(hi)} per maand) ligt op of boven het "
                f"bestaansminimum ({euro(bm)}): over deze periode is er geen compensatie (leg dit uit aan de inwoners, "
                f"stap 6).")
    cmp = min(g, bm - hi)
    return ("toegepast", cmp, f"Het huishoudinkomen ({euro(hi)} per maand) ligt {euro(bm - hi)} onder het "
            f"bestaansminimum ({euro(bm)}). De compensatie is het laagste van dit tekort en het verschil in toeslagen "
            f"({euro(g)}): {euro(cmp)} per maand.")


def bereken_periode(c: Casus, j: Jaar, per: Periode, van: date, tem: date, p: Jaarparameters,
                    profiel: Beleidsprofiel | None = None) -> PeriodeBerekening:
    profiel = profiel or laad_profiel(c.beleidsprofiel)
    maanden = maanden_tussen(van, tem)
    kostendelers = 0
    for m in per.medebewoners:
        if is_kostendeler(m, van, p):
            kostendelers += 1
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
        spoor.append(stap(f"{h.toeslag.replace('_', ' ').capitalize()} handmatig ingevuld: {h.motivering}", None,
                          "Handreiking § 2.4"))
    G = {t: max(NUL, R[t] - W[t]) for t in R}
    g = sum(G.values(), NUL)
    spoor.append(stap("Verschil per maand = referentie - werkelijk (per toeslag, niet onder nul)", g,
                      "Handreiking stap 5-6; REKENMODEL §4"))
    norm, norm_spoor = netto_norm_gehuwden(p, van, kostendelers)
    spoor += norm_spoor
    nr = norm
    if per.referentie_netto_inkomen_per_maand is not None:
        nr = per.referentie_netto_inkomen_per_maand
        spoor.append(stap(f"Netto-inkomen bij alleen bijstand ingevuld door de raadsman (bron: "
                          f"{per.referentie_netto_inkomen_bron})", nr, "REKENMODEL §4 (NR)"))
    bm = nr + sum(R.values(), NUL)
    spoor.append(stap("Bestaansminimum = netto-inkomen bij alleen bijstand + toeslagen bij alleen bijstand", bm,
                      "Handreiking stap 6 en stap 11 (2)"))
    hi = None
    if per.netto_inkomen_per_maand is not None:
        hi = per.netto_inkomen_per_maand + sum(W.values(), NUL)
        spoor.append(stap("Huishoudinkomen = netto-inkomen + werkelijke toeslagen", hi, "Handreiking stap 6"))
    ontvangt = op_bijstandsniveau(c, per)
    bijstandsniveau = ontvangt is not None
    hi_toets = nr + sum(W.values(), NUL) if bijstandsniveau else hi
    # Een profiel zonder toets (MVS) geldt voor zijn eigen jaren; in een Wtrap-jaar geldt de toets altijd (§8, slot).
    toets_profiel = profiel.bestaansminimumtoets or is_wtrap_jaar(j.jaar, p)
    toets, cmp, zin = _toets_bestaansminimum(ontvangt, g, bm, hi, toets_profiel, profiel.naam)
    spoor.append(stap(zin, cmp, "Handreiking stap 6; § Compensatie tot het sociaal minimum; REKENMODEL §4"))
    if toets == "geen_netto_inkomen":
        signalen.append(sig.s3())
    if per.netto_inkomen_per_maand is not None and per.netto_inkomen_per_maand < norm and not bijstandsniveau:
        signalen.append(sig.s4(norm - per.netto_inkomen_per_maand))
    begrensd = cmp < g
    if begrensd and not per.inkomen:
        signalen.append(sig.s9(g, cmp))
    delen = dict(zip(G, verdeel(cmp, list(G.values())))) if begrensd else dict(G)
    return tuple.__new__(PeriodeBerekening, (van, tem, maanden, kostendelers, bruto, R, B, W, G, g, norm, nr, bm, hi,
                                             hi_toets, toets, zin, delen, cmp, cmp * maanden, begrensd, signalen,
                                             uitkomsten, spoor))


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


def bereken_jaar(c: Casus, j: Jaar, profiel: Beleidsprofiel, vandaag: date) -> JaarBerekening:
    p = laad_jaar(j.jaar).gevolgd()       # onthoudt wat gelezen wordt: S8 en de parameterlijst op de PDF
    spoor: list[Stap] = []
    perioden, toelichting = bereken_perioden(
        c, j, p, lambda per, van, tem: bereken_periode(c, j, per, van, tem, p, profiel),
        lambda a, b: a.bedragen() == b.bedragen())
    signalen: list[Signaal] = []
    tekort = sum((pb.compensatie_periode for pb in perioden), NUL)

    # Terugvordering (stap 9-10)
    t_bedrag = t_av = None
    if tv := j.terugvordering:
        t_bedrag = terugvorderingsbedrag(tv)
        t_av = terugvordering_alleenverdieners(j)       # stap 10, zoals de route hem leest (core/route.py)
        if tv.deel_alleenverdieners == "geen":
            toelichting.append("De terugvordering heeft een andere oorzaak dan de alleenverdienersproblematiek (stap 9): "
                               "geen vergoeding, wel uitleg aan de inwoners.")
        spoor.append(stap("Terugvordering = som van (voorschot - definitief) per toeslag", t_bedrag,
                          "Handreiking stap 9"))
        spoor.append(stap("Deel door de alleenverdienersproblematiek", t_av, "Handreiking stap 10"))

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
        spoor.append(stap("Compensatie = terugvordering + het deel van het laagste van (1) en (2) dat daarboven "
                          "uitkomt", compensatie, "Handreiking stap 11; REKENMODEL §6"))
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
    periodiek: list[dict[str, Any]] = [{"van": maand_iso(van), "tot_en_met": maand_iso(tem), "per_maand": bedrag} for van, tem, bedrag in stukken]
    eenmalig = compensatie - sum((maanden_tussen(van, tem) * bedrag for van, tem, bedrag in stukken), NUL)

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
    periodiek_per_maand = periodiek[0]["per_maand"] if periodiek else NUL
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
