"""Een periode doorrekenen (REKENMODEL §4): referentie tegenover werkelijk per toeslag, het verschil, de toets aan
het bestaansminimum en de compensatie per maand, met spoor en signalen. berekening.py doet het jaar en het geheel."""

from __future__ import annotations

from .model import Tupel
from datetime import date
from decimal import Decimal

from . import signalen as sig
from .bijstand import bruto_bijstand_per_partner, is_kostendeler, netto_norm_gehuwden
from .casus import SERVICEKOSTEN, Casus, Jaar, Periode
from .doelgroep import BIJSTANDSNIVEAU
from .geld import NUL, euro, maand_iso, maanden_tussen, verdeel
from .params import Beleidsprofiel, Jaarparameters, laad_profiel
from .signalen import Signaal
from .spoor import Stap, stap
from .toeslagen import Bewoner, Situatie, Uitkomst
from .toeslagen.huurtoeslag import huurtoeslag
from .toeslagen.zorgtoeslag import zorgtoeslag
from .wtrapjaren import is_wtrapjaar

TOESLAGEN = (("huurtoeslag", huurtoeslag), ("zorgtoeslag", zorgtoeslag))
S1_GRENS = Decimal(2)


def is_wtrap_jaar(jaar: int, p: Jaarparameters) -> bool:
    """Een jaar van de Wtrap (core/wtrapjaren, REKENMODEL §8): de vaste tegemoetkoming in plaats van bijzondere bijstand."""
    return is_wtrapjaar(jaar) or "wtrap.vaste_tegemoetkoming" in p

# De regel van het bestaansminimum in woorden: het spoor draagt hem, de documenten lezen hem daar (issue 23).
BESTAANSMINIMUM = "Bestaansminimum = netto-inkomen bij alleen bijstand + toeslagen bij alleen bijstand"

# Welke regel van de toets aan het bestaansminimum gold (CASUS-FORMAAT: toets_bestaansminimum).
TOETSEN = ("geen_netto_inkomen", "aanvullende_bijstand", "profiel_zonder_toets", "toegepast", "boven_bestaansminimum")


class PeriodeBerekening(Tupel):
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
    toets_wie: str                           # wie op bijstandsniveau zit, of het profiel (voor toets_zin)
    compensatie: dict[str, Decimal]
    compensatie_totaal: Decimal
    compensatie_periode: Decimal
    begrensd: bool                           # de toets aan het bestaansminimum verlaagde de compensatie
    signalen: list[Signaal]
    uitkomsten: dict[str, Uitkomst]   # "referentie.huurtoeslag", "berekend.zorgtoeslag", ...
    spoor: list[Stap]

    @property
    def toets_zin(self) -> str:
        """In een Nederlandse zin: welke regel gold en waarom, met de bedragen (opgemaakt als iemand hem leest)."""
        return toets_zin(self.toets, self.toets_wie, self.verschil_totaal, self.bestaansminimum, self.inkomen,
                         self.compensatie_totaal)

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


def _toets_bestaansminimum(ontvangt: str | None, g: Decimal, bm: Decimal, hi: Decimal | None,
                           toets_profiel: bool) -> tuple[str, Decimal]:
    """REKENMODEL §4: welke regel geldt (een van TOETSEN) en de compensatie per maand. De zin erbij maakt toets_zin,
    pas als iemand hem leest: opmaak van bedragen kost de rekenkern per periode meer dan de toets zelf."""
    if ontvangt:
        return "aanvullende_bijstand", g
    if not toets_profiel:
        return "profiel_zonder_toets", g
    if hi is None:
        return "geen_netto_inkomen", g
    if hi >= bm:
        return "boven_bestaansminimum", NUL
    return "toegepast", min(g, bm - hi)


def toets_zin(toets: str, wie: str, g: Decimal, bm: Decimal, hi: Decimal | None, cmp: Decimal) -> str:
    """De toets in een Nederlandse zin met de bedragen. `wie`: bij aanvullende bijstand "Hanna ontvangt aanvullende
    bijstand" (op_bijstandsniveau), bij een profiel zonder toets de naam van het profiel."""
    if toets == "aanvullende_bijstand":
        return (f"{wie}: het huishouden zit op bijstandsniveau, dus de toets aan het bestaansminimum speelt niet "
                f"(handreiking stap 6). De compensatie is het volledige verschil in toeslagen: {euro(g)} per maand.")
    if toets == "profiel_zonder_toets":
        return (f"Beleidsprofiel {wie} kent geen toets aan het bestaansminimum: de compensatie is het volledige verschil "
                f"in toeslagen, {euro(g)} per maand.")
    if toets == "geen_netto_inkomen":
        return ("Het netto-inkomen is niet ingevuld: de toets aan het bestaansminimum is niet gedaan. De compensatie is "
                f"het volledige verschil in toeslagen, {euro(g)} per maand.")
    if toets == "boven_bestaansminimum":
        return (f"Het huishoudinkomen ({euro(hi)} per maand) ligt op of boven het bestaansminimum ({euro(bm)}): over "
                f"deze periode is er geen compensatie (leg dit uit aan de inwoners, stap 6).")
    assert hi is not None                   # "toegepast" alleen met een huishoudinkomen
    return (f"Het huishoudinkomen ({euro(hi)} per maand) ligt {euro(bm - hi)} onder het bestaansminimum ({euro(bm)}). "
            f"De compensatie is het laagste van dit tekort en het verschil in toeslagen ({euro(g)}): {euro(cmp)} per "
            f"maand.")


# De regel van elke toets voor het rekenspoor, zonder bedragen (die staan in de invoer van de stap).
TOETSREGELS = {
    "aanvullende_bijstand": "Toets aan het bestaansminimum: op bijstandsniveau (aanvullende bijstand, IOAW of IOAZ) "
                            "speelt de toets niet; compensatie = het volledige verschil in toeslagen",
    "profiel_zonder_toets": "Toets aan het bestaansminimum: het beleidsprofiel kent geen toets; compensatie = het "
                            "volledige verschil in toeslagen",
    "geen_netto_inkomen": "Toets aan het bestaansminimum: niet gedaan, het netto-inkomen is niet ingevuld; compensatie "
                          "= het volledige verschil in toeslagen",
    "boven_bestaansminimum": "Toets aan het bestaansminimum: het huishoudinkomen ligt op of boven het "
                             "bestaansminimum; geen compensatie",
    "toegepast": "Toets aan het bestaansminimum: compensatie = het laagste van het verschil in toeslagen en het tekort "
                 "tot het bestaansminimum (bestaansminimum - huishoudinkomen)",
}


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
        spoor.append(stap("periode.handmatige_toeslag", f"{h.toeslag.replace('_', ' ').capitalize()} handmatig ingevuld: "
                          f"{h.motivering}", None, "Handreiking § 2.4",
                          (), (("toeslag", h.toeslag), ("referentie", h.referentie), ("werkelijk", h.werkelijk))))
    G = {t: max(NUL, R[t] - W[t]) for t in R}
    g = sum(G.values(), NUL)
    spoor.append(stap("periode.verschil", "Verschil per maand = referentie - werkelijk (per toeslag, niet onder nul)", g,
                      "Handreiking stap 5-6; REKENMODEL §4", (), (("referentie", R), ("werkelijk", W))))
    norm, norm_spoor = netto_norm_gehuwden(p, van, kostendelers)
    spoor += norm_spoor
    nr = norm
    if per.referentie_netto_inkomen_per_maand is not None:
        nr = per.referentie_netto_inkomen_per_maand
        spoor.append(stap("periode.netto_referentie.ingevuld", f"Netto-inkomen bij alleen bijstand ingevuld door de raadsman (bron: "
                          f"{per.referentie_netto_inkomen_bron})", nr, "REKENMODEL §4 (NR)"))
    r_som = sum(R.values(), NUL)
    bm = nr + r_som
    spoor.append(stap("bestaansminimum.norm", BESTAANSMINIMUM, bm, "Handreiking stap 6 en stap 11 (2)", (),
                      (("netto bijstandsnorm" if nr == norm else "netto-inkomen bij alleen bijstand (ingevuld)", nr),
                       ("toeslagen bij alleen bijstand", r_som))))
    hi = None
    if per.netto_inkomen_per_maand is not None:
        w_som = sum(W.values(), NUL)
        hi = per.netto_inkomen_per_maand + w_som
        spoor.append(stap("periode.huishoudinkomen", "Huishoudinkomen = netto-inkomen + werkelijke toeslagen", hi,
                          "Handreiking stap 6", (), (("netto-inkomen", per.netto_inkomen_per_maand),
                                                     ("werkelijke toeslagen", w_som))))
    ontvangt = op_bijstandsniveau(c, per)
    bijstandsniveau = ontvangt is not None
    hi_toets = nr + sum(W.values(), NUL) if bijstandsniveau else hi
    # Een profiel zonder toets (MVS) geldt voor zijn eigen jaren; in een Wtrap-jaar geldt de toets altijd (§8, slot).
    toets_profiel = profiel.bestaansminimumtoets or is_wtrap_jaar(j.jaar, p)
    toets, cmp = _toets_bestaansminimum(ontvangt, g, bm, hi, toets_profiel)
    wie = ontvangt or profiel.naam
    spoor.append(stap("periode.toets_bestaansminimum", TOETSREGELS[toets], cmp,
                      "Handreiking stap 6; § Compensatie tot het sociaal minimum; REKENMODEL §4", (),
                      (("verschil", g), ("bestaansminimum", bm), ("huishoudinkomen", hi))
                      + ((("op bijstandsniveau", ontvangt),) if ontvangt else ())))
    if toets == "geen_netto_inkomen":
        signalen.append(sig.s3())
    if per.netto_inkomen_per_maand is not None and per.netto_inkomen_per_maand < norm and not bijstandsniveau:
        signalen.append(sig.s4(norm - per.netto_inkomen_per_maand))
    begrensd = cmp < g
    if begrensd and not per.inkomen:
        signalen.append(sig.s9(g, cmp))
    delen = dict(zip(G, verdeel(cmp, list(G.values())))) if begrensd else dict(G)
    return tuple.__new__(PeriodeBerekening, (van, tem, maanden, kostendelers, bruto, R, B, W, G, g, norm, nr, bm, hi,
                                             hi_toets, toets, wie, delen, cmp, cmp * maanden, begrensd, signalen,
                                             uitkomsten, spoor))
