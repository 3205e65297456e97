"""Zorgtoeslag voor een maand (Wet op de zorgtoeslag art. 2, 3; Awir art. 14).

Alleen het toetsingsinkomen van aanvrager en toeslagpartner telt; kinderen en medebewoners niet. Is de
toeslagpartner geen verzekerde, dan is de zorgtoeslag de helft (Wzt art. 2 lid 4), voor de afronding en de
grens van € 24.
Van jaarbedrag naar maandbedrag volgt de conventie van het toeslagjaar (parameter zorgtoeslag.afronding,
PARAMETERS §1): tot en met 2024 het onafgeronde jaarbedrag / 12 (rekentool), vanaf 2025 eerst het
jaarbedrag op hele euro's en dan / 12 (maandtabellen van de Belastingdienst); daarna afkappen."""

from __future__ import annotations

from decimal import Decimal

from ..geld import NUL, afkappen, euro, euros
from ..params import Jaarparameters, ParameterFout
from ..spoor import stap
from . import Situatie, Uitkomst, uitkomst

TWAALF = Decimal(12)
TWEE = Decimal(2)
UITBETAALGRENS = Decimal(24)   # Awir art. 14 lid 5: geen tegemoetkoming onder € 24 per jaar

# Waarde van zorgtoeslag.afronding -> (jaarbedrag eerst op hele euro's?, omschrijving in het spoor, grondslag)
AFRONDINGEN = {
    "jaarbedrag_onafgerond_maand_afkappen": (
        False, "Per maand = onafgerond jaarbedrag / 12, afgekapt op hele euro's", "Proefberekening Dienst Toeslagen"),
    "jaarbedrag_afronden_maand_afkappen": (
        True, "Per maand = jaarbedrag afgerond op hele euro's / 12, afgekapt op hele euro's",
        "Awir art. 14 lid 4; maandtabellen zorgtoeslag Belastingdienst"),
}


def _onbekende_afronding(p: Jaarparameters, waarde) -> ParameterFout:
    return ParameterFout(f"Onbekende afronding '{waarde}' voor zorgtoeslag {p.jaar} in {p.bestand.name}; "
                         f"kies uit: {', '.join(AFRONDINGEN)}.")


def zorgtoeslag(s: Situatie, p: Jaarparameters) -> Uitkomst:
    afronding = p["zorgtoeslag.afronding"]
    regel = AFRONDINGEN.get(afronding.waarde)
    if regel is None:
        raise _onbekende_afronding(p, afronding.waarde)
    jaar_afronden, afronding_tekst, afronding_grondslag = regel
    met_partner = s.partner is not None
    sp, drempel = p["zorgtoeslag.standaardpremie"], p["zorgtoeslag.drempelinkomen"]
    pct_d = p["zorgtoeslag.pct_drempel_met_partner" if met_partner else "zorgtoeslag.pct_drempel_zonder_partner"]
    pct_b = p["zorgtoeslag.pct_boven_drempel"]
    vgrens = p["zorgtoeslag.vermogensgrens_met_partner" if met_partner else "zorgtoeslag.vermogensgrens_zonder_partner"]

    y = s.aanvrager.toetsingsinkomen + (s.partner.toetsingsinkomen if s.partner is not None else NUL)
    normpremie = pct_d.waarde * drempel.waarde + pct_b.waarde * max(NUL, y - drempel.waarde)
    premie = sp.waarde * (2 if met_partner else 1)
    jaar = max(NUL, premie - normpremie)
    spoor = [
        stap("zorgtoeslag.toetsingsinkomen",
             "Gezamenlijk toetsingsinkomen aanvrager en toeslagpartner" if met_partner else "Toetsingsinkomen",
             y, "Wzt art. 1; Awir art. 8"),
        stap("zorgtoeslag.normpremie", "Normpremie = drempelpercentage x drempelinkomen + percentage boven de drempel x inkomen boven de drempel",
             normpremie, "Wzt art. 2 lid 3", (pct_d, drempel, pct_b), (("toetsingsinkomen", y),)),
        stap("zorgtoeslag.jaarbedrag", "Zorgtoeslag per jaar = standaardpremie" + (" x 2" if met_partner else "") + " - normpremie",
             jaar, "Wzt art. 2 lid 1-2", (sp,), (("normpremie", normpremie),)),
    ]
    redenen: list[str] = []
    if met_partner and not s.partner_verzekerd and jaar > 0:
        jaar = jaar / TWEE
        redenen.append("De toeslagpartner is geen verzekerde voor de Zorgverzekeringswet: "
                       "de zorgtoeslag is de helft (Wzt art. 2 lid 4).")
        spoor.append(stap("zorgtoeslag.partner_niet_verzekerd", "Toeslagpartner is geen verzekerde: 50% van het jaarbedrag", jaar, "Wzt art. 2 lid 4"))
    if s.vermogen is not None and s.vermogen > vgrens.waarde:
        redenen.append(f"Vermogen {euro(s.vermogen)} ligt boven de vermogensgrens {euro(vgrens.waarde)}.")
        spoor.append(stap("zorgtoeslag.geen.vermogen", "Geen zorgtoeslag: vermogen boven de grens", NUL, "Wzt art. 3",
                          (vgrens,), (("vermogen", s.vermogen),)))
        jaar = NUL
    elif jaar > 0 and euros(jaar) < UITBETAALGRENS:
        redenen.append(f"Jaarbedrag {euro(jaar)} is lager dan € 24: geen uitbetaling.")
        spoor.append(stap("zorgtoeslag.geen.onder_24", "Geen zorgtoeslag: jaarbedrag onder € 24", NUL, "Awir art. 14 lid 4-5",
                          (), (("jaarbedrag", jaar),)))
        jaar = NUL
    elif jaar == 0:
        redenen.append("Het inkomen is te hoog voor zorgtoeslag.")
    onafgerond = (euros(jaar) if jaar_afronden else jaar) / TWAALF
    per_maand = afkappen(onafgerond)
    spoor.append(stap("zorgtoeslag.per_maand", afronding_tekst, per_maand, afronding_grondslag, (afronding,),
                      (("jaarbedrag", jaar),)))
    return uitkomst("zorgtoeslag", per_maand, onafgerond, tuple(redenen), tuple(spoor))
