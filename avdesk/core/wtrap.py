"""Zelfmeldertoets Wtrap 2025-2027 (Participatiewet art. 78gg; beleidsregels Leiderdorp, seed 004; REKENMODEL §8).

Wat de gegevens beslissen (AOW-leeftijd, vermogen, lagere toeslagen dan bij alleen bijstand, de inkomenstoets) wordt
berekend, nooit gevraagd. De rest zijn vragen aan de raadsman; zolang er een open staat, is de uitkomst "nog niet vast
te stellen" (voldoet None), nooit "voldoet niet". Een voorwaarde waaraan bekend niet is voldaan, geeft False, tenzij
de raadsman haar met een motivering opzij zet (hardheidsclausule, Leiderdorp art. 5.1)."""

from __future__ import annotations

from decimal import Decimal
from .model import Tupel

from .casus import WTRAP_HEFFINGSKORTING, WTRAP_VRAGEN, Casus, Jaar
from .doelgroep import aow_bereikt, heeft_uitkering, minstverdienende
from .geld import NUL, euro
from .params import Jaarparameters
from .regime import WTRAP
from .spoor import Stap, stap


# De uitkomst in woorden, voor scherm en PDF.
WTRAP_UITKOMST = {True: "voldoet aan de voorwaarden", False: "voldoet niet aan de voorwaarden",
                  None: "nog niet vast te stellen (er staan vragen open)"}


# De voorwaarden in woorden (voor de keuze bij de hardheidsclausule).
VOORWAARDE_LABELS = {**WTRAP_VRAGEN, WTRAP_HEFFINGSKORTING: "minstverdienende partner zonder heffingskorting",
                     "aow_leeftijd": "geen van beide partners heeft de AOW-leeftijd",
                     "vermogen": "vermogen binnen de grens van de zorgtoeslag",
                     "lagere_toeslagen": "lagere toeslagen dan bij alleen bijstand",
                     "inkomenstoets": "totaalinkomen lager dan bij alleen bijstand"}


def vinkje(reden: str) -> tuple[str, str]:
    """Een reden van de toets als regel voor een afvinklijst: (teken, tekst). Voldaan of met de hardheidsclausule
    opzij gezet: aangevinkt; een opmerking ("Let op"): een i; niet voldaan of nog open: leeg vakje."""
    soort, _, tekst = reden.partition(": ")
    if soort == "Voldoet":
        return "☒", tekst
    if soort == "Afgeweken (hardheidsclausule)":
        return "☒", "afgeweken (hardheidsclausule): " + tekst
    if soort == "Let op":
        return "ℹ", "let op: " + tekst
    return "☐", reden


class Wtrap(Tupel):
    voldoet: bool | None
    redenen: list[str]              # per voorwaarde: "Voldoet: ...", "Voldoet niet: ...", "Afgeweken: ..."
    open_vragen: list[str]          # wat de raadsman nog moet beantwoorden of invullen
    tegemoetkoming: Decimal | None
    tekort_jaar: Decimal
    aanvullend_mogelijk: Decimal | None


def antwoord(j: Jaar, vraag: str) -> bool | None:
    """Het antwoord van de raadsman op een Wtrap-vraag (ja, nee of nog niet); j.wtrap houdt ook het bedrag."""
    v = j.wtrap.get(vraag)
    return v if isinstance(v, bool) else None


def toets_wtrap(c: Casus, j: Jaar, p: Jaarparameters, perioden: list, tekort: Decimal, spoor: list[Stap]) -> Wtrap:
    """`perioden` zijn de berekende perioden van het jaar (PeriodeBerekening)."""
    redenen: list[str] = []
    open_vragen: list[str] = []
    niet_voldaan = False

    def voorwaarde(sleutel: str, uitkomst: bool | None, goed: str, fout: str, open_: str = "") -> None:
        nonlocal niet_voldaan
        if uitkomst is None:
            open_vragen.append(open_)
            redenen.append("Nog niet vast te stellen: " + open_)
        elif uitkomst:
            redenen.append("Voldoet: " + goed)
        elif sleutel in j.wtrap_afwijken:
            redenen.append(f"Afgeweken (hardheidsclausule): {fout}. Motivering: {j.wtrap_afwijken[sleutel]}")
        else:
            niet_voldaan = True
            redenen.append("Voldoet niet: " + fout)

    for k, label in WTRAP_VRAGEN.items():
        v = antwoord(j, k)
        if k == "toeslagpartners" and not c.toeslagpartners:
            v = False
        if k == "uitkering_geen_participatiewet" and (uit_inkomen := heeft_uitkering(j)) is not None:
            if v is not None and v != uit_inkomen:
                redenen.append(f"Let op: het antwoord van de raadsman ({'ja' if v else 'nee'}) wijkt af van het "
                               f"ingevulde inkomen; het inkomen beslist")
            v = uit_inkomen
        voorwaarde(k, v, label, f"niet {label}", f"{label}? (vraag nog niet beantwoord)")

    minst = minstverdienende(c, j)
    if minst.geboortedatum.year >= 1963:
        redenen.append("Voldoet: minstverdienende partner geboren na 1962")
    else:
        # "geboren na 1962 of komt niet in aanmerking voor heffingskorting" (handreiking, kenmerken doelgroep)
        voorwaarde(WTRAP_HEFFINGSKORTING, antwoord(j, WTRAP_HEFFINGSKORTING),
                   f"minstverdienende partner (geboren {minst.geboortedatum.year}) komt niet in aanmerking voor de "
                   "algemene heffingskorting",
                   f"minstverdienende partner (geboren {minst.geboortedatum.year}) krijgt de algemene heffingskorting",
                   f"komt de minstverdienende partner (geboren {minst.geboortedatum.year}, voor 1963) in aanmerking "
                   "voor de algemene heffingskorting?")

    aow = aow_bereikt(c, j, p)
    voorwaarde("aow_leeftijd", aow is None, "geen van beide partners heeft de AOW-leeftijd", aow or "")

    grens = p["zorgtoeslag.vermogensgrens_met_partner"]
    spoor.append(stap("wtrap.vermogensgrens", "Wtrap: vermogensgrens zorgtoeslag met toeslagpartner", grens.waarde, "Beleidsregels Wtrap",
                      (grens,), (("vermogen", j.vermogen),)))
    voorwaarde("vermogen", None if j.vermogen is None else j.vermogen <= grens.waarde,
               f"vermogen binnen de grens van de zorgtoeslag ({euro(grens.waarde)})",
               f"vermogen {euro(j.vermogen or NUL)} boven de grens van de zorgtoeslag ({euro(grens.waarde)})",
               "vul het vermogen op 1 januari in")

    # Definitie (b): lagere toeslagen dan hetzelfde huishouden met alleen bijstand, op de totalen van het jaar.
    verschil = sum((pb.maanden * (sum(pb.referentie.values(), NUL) - sum(pb.werkelijk.values(), NUL))
                    for pb in perioden), NUL)
    spoor.append(stap("wtrap.lagere_toeslagen", "Wtrap: toeslagen bij alleen bijstand min werkelijke toeslagen, over het "
                      "jaar", verschil, "Beleidsregels Wtrap, definitie (b); REKENMODEL §8"))
    voorwaarde("lagere_toeslagen", (verschil > 0) if perioden else None,
               f"lagere toeslagen dan bij alleen bijstand ({euro(verschil)} minder over het jaar)",
               f"geen lagere toeslagen dan bij alleen bijstand (verschil over het jaar {euro(verschil)})",
               "vul de perioden in: de toeslagen kunnen nog niet worden vergeleken")

    # Inkomenstoets: totaalinkomen lager dan dat van het bijstandshuishouden (met NR in perioden op bijstandsniveau).
    if not perioden or any(pb.inkomen_toets is None for pb in perioden):
        voorwaarde("inkomenstoets", None, "", "", "vul het netto-inkomen per maand in elke periode in: de "
                                                  "inkomenstoets kan nog niet worden gedaan")
    else:
        hi = sum((pb.inkomen_toets * pb.maanden for pb in perioden), NUL)
        bm = sum((pb.bestaansminimum * pb.maanden for pb in perioden), NUL)
        spoor.append(stap("wtrap.inkomenstoets", "Wtrap-inkomenstoets: totaalinkomen over het jaar (netto-inkomen plus "
                          "toeslagen) tegenover het bestaansminimum over het jaar", hi, "Beleidsregels Wtrap; REKENMODEL §8",
                          (), (("bestaansminimum over het jaar", bm),)))
        voorwaarde("inkomenstoets", hi < bm, f"totaalinkomen {euro(hi)} lager dan bij alleen bijstand ({euro(bm)})",
                   f"totaalinkomen {euro(hi)} niet lager dan bij alleen bijstand ({euro(bm)})")

    if "wtrap.vaste_tegemoetkoming" in p:
        tp = p["wtrap.vaste_tegemoetkoming"]
        bedrag = tp.waarde
        spoor.append(stap("wtrap.tegemoetkoming", "Vaste tegemoetkoming Wtrap", bedrag, WTRAP.rechtsgrond(), (tp,)))
    else:
        ingevuld = j.wtrap.get("tegemoetkoming")
        bedrag = ingevuld if isinstance(ingevuld, Decimal) else None
        if bedrag is None:
            open_vragen.append(f"de vaste tegemoetkoming voor {j.jaar} is nog niet bekend: vul het bedrag in")
        else:
            spoor.append(stap("wtrap.tegemoetkoming.ingevuld", "Vaste tegemoetkoming Wtrap, ingevuld door de raadsman",
                              bedrag, WTRAP.kort))
    voldoet = False if niet_voldaan else (None if open_vragen else True)
    aanvullend = None if bedrag is None else max(NUL, tekort - bedrag)
    return Wtrap(voldoet, redenen, open_vragen, bedrag, tekort, aanvullend)
