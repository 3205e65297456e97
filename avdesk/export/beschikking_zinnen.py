"""De zinnen van de concept beschikking per periode en per jaar (de toets aan het bestaansminimum, de
terugvordering en stap 11, de Wtrap-voorwaarden, de slotzin) en de gronden van een afwijzing; context() in
beschikking_context.py zet ze in de brief."""

from __future__ import annotations

from decimal import Decimal

from ..core.berekening import Berekening, JaarBerekening
from ..core.casus import Casus
from ..core.geld import NUL, euro, periode_label
from ..core.regime import beleidsregel as beleidsregel_van, regime_van_jaar

IN_TE_VULLEN = "[in te vullen]"


def _periode(pb) -> str:
    return periode_label(pb.van, pb.tot_en_met, voluit=True)


def _namen(c: Casus) -> str:
    return " en ".join(n for n in (c.aanvrager.naam, c.partner.naam) if n) or "aanvrager en partner"


def grondslag_tekst(jb: JaarBerekening, b: Berekening, beleidsregel: str) -> str:
    return jb.regime.rechtsgrond(beleidsregel)


def standaard_beleidsregel(b: Berekening) -> str:
    return beleidsregel_van(b.profiel)


# ---------------------------------------------------------------- per jaar

def per_maand_vergoed(jb: JaarBerekening, b: Berekening) -> bool:
    """Wordt het tekort van dit jaar per maand vergoed (zoals de perioden het uitrekenen)? Niet als het profiel geen
    tekort over dit jaar vergoedt, en niet in een jaar van stap 11 (dan beslist het jaar als geheel)."""
    return jb.wtrap is None and jb.stap11 is None and jb.jaar in b.profiel.tekort_jaren


def _toets_zinnen(jb: JaarBerekening, vergoed: bool = True, telt: bool = True) -> list[str]:
    """Per periode: het referentiehuishouden, het verschil en de toets aan het bestaansminimum, in de u-vorm.
    `vergoed`: het bedrag per maand wordt ook echt per maand vergoed (per_maand_vergoed); anders zegt de zin alleen
    wat er meetelt, en zegt het jaar daarna wat er betaald wordt (nooit 'we vergoeden' voor wat niet betaald wordt).
    `telt`: False als het profiel over dit jaar geen tekort vergoedt (dan alleen het verschil)."""
    uit = []
    for pb in jb.perioden:
        naam = _periode(pb)
        r, w = pb.referentie, pb.werkelijk
        delen_r = " en ".join(f"{euro(r[t])} {t}" for t in ("huurtoeslag", "zorgtoeslag") if t in r)
        delen_w = " en ".join(f"{euro(w[t])} {t}" for t in ("huurtoeslag", "zorgtoeslag") if t in w)
        zin = (f"{naam[0].upper() + naam[1:]}: met alleen bijstand zou u samen {delen_r} per maand krijgen. U kreeg "
               f"{delen_w}. ")
        zin += (f"Dat is {euro(pb.verschil_totaal)} per maand minder." if pb.verschil_totaal > 0 else
                "U kreeg dus niet minder toeslag.")
        c = euro(pb.compensatie_totaal)
        if pb.verschil_totaal > 0 and telt:
            if pb.toets == "aanvullende_bijstand":
                zin += (" In deze maanden kreeg u aanvullende bijstand. Uw inkomen lag dus al op het bestaansminimum. "
                        + (f"Daarom vergoeden we het hele verschil: {c} per maand." if vergoed else
                           "Daarom telt het hele verschil mee."))
            elif pb.toets == "toegepast" and pb.begrensd:
                zin += (f" Uw inkomen met toeslagen was {euro(pb.inkomen)} per maand. Het bestaansminimum voor uw "
                        f"huishouden is {euro(pb.bestaansminimum)}. U kwam dus {euro(pb.bestaansminimum - pb.inkomen)} "
                        f"per maand tekort. " + (f"We vergoeden niet meer dan dat tekort: {c} per maand." if vergoed
                                                  else f"Niet meer dan dat tekort telt mee: {c} per maand."))
            elif pb.toets == "toegepast":
                zin += (f" Uw inkomen met toeslagen was {euro(pb.inkomen)} per maand. Dat is "
                        f"{euro(pb.bestaansminimum - pb.inkomen)} minder dan het bestaansminimum voor uw huishouden "
                        f"({euro(pb.bestaansminimum)}). Het verschil in toeslagen is kleiner dan dat tekort. "
                        + (f"Daarom vergoeden we het hele verschil: {c} per maand." if vergoed else
                           "Daarom telt het hele verschil mee."))
            elif pb.toets == "boven_bestaansminimum":
                zin += (f" Maar uw inkomen met toeslagen was {euro(pb.inkomen)} per maand. Dat is niet lager dan het "
                        f"bestaansminimum voor uw huishouden ({euro(pb.bestaansminimum)}). Daarom "
                        + ("krijgt u over deze maanden geen bijstand." if vergoed else
                           "telt het verschil over deze maanden niet mee."))
            elif pb.toets == "profiel_zonder_toets":
                zin += (f" Volgens onze regels vergoeden we het hele verschil: {c} per maand." if vergoed else
                        " Volgens onze regels telt het hele verschil mee.")
            elif vergoed:
                zin += f" We vergoeden het hele verschil: {c} per maand."
        uit.append(zin)
    return uit


def _terugvordering_zinnen(jb: JaarBerekening, cj, b: Berekening | None = None) -> list[str]:
    """De terugvordering en stap 11: wat er meetelt, wat het laagste is en wat daarvan betaald wordt, in de bedragen
    die de berekening ook betaalt (REKENMODEL §6)."""
    tv = cj.terugvordering
    uit: list[str] = []
    vergoedt_tekort = b is None or jb.jaar in b.profiel.tekort_jaren
    vergoedt_tv = b is None or jb.jaar in b.profiel.terugvordering_jaren
    if tv is not None:
        uit.append(f"Dienst Toeslagen vraagt {euro(jb.terugvordering_bedrag)} toeslag over {jb.jaar} van u terug.")
        if tv.deel_alleenverdieners == "geheel":
            uit.append("Die terugvordering komt helemaal doordat u alleenverdieners bent: uw inkomen, uw huishouden en "
                       "uw huur waren hetzelfde als in de berekening. Een andere oorzaak hebben we niet gevonden.")
        elif tv.deel_alleenverdieners == "geen":
            uit.append("Die terugvordering heeft een andere oorzaak dan de alleenverdienersproblematiek. Daarom "
                       "vergoeden we haar niet.")
        else:
            uit.append(f"Een deel daarvan, {euro(jb.terugvordering_alleenverdieners)}, komt doordat u alleenverdieners "
                       f"bent. Alleen dat deel telt mee. " + (f"Reden: {tv.motivering}" if tv.motivering else ""))
        if jb.terugvordering_alleenverdieners and not vergoedt_tv:
            uit.append(f"Volgens onze regels vergoeden we over {jb.jaar} geen terugvordering van toeslagen.")
    if not jb.perioden:
        pass
    elif not vergoedt_tekort and any(pb.verschil_totaal > 0 for pb in jb.perioden):
        uit.append(f"Volgens onze regels vergoeden we over {jb.jaar} geen tekort aan toeslagen: het verschil per maand "
                   f"hierboven krijgt u dus niet.")
    elif jb.stap11 is not None:
        s = jb.stap11
        zin = (f"Over {jb.jaar} kreeg u ook te weinig toeslag. Omdat er ook een terugvordering is, kijken we naar het "
               f"hele jaar: het verschil in toeslagen over het jaar is {euro(s.tekort_toeslagen)}")
        if s.tekort_bestaansminimum is not None:
            zin += (f", en wat u over het jaar tekortkwam tot het bestaansminimum is {euro(s.tekort_bestaansminimum)}. "
                    f"Het laagste van die twee telt: {euro(s.laagste)}.")
        else:
            zin += "."
        zin += (f" Dat bedrag is {euro(s.extra)} hoger dan de terugvordering ({euro(s.terugvordering)}). We vergoeden "
                f"de terugvordering en ook dat deel van het tekort." if s.extra > 0 else
                f" Dat bedrag is niet hoger dan de terugvordering ({euro(s.terugvordering)}). We vergoeden daarom de "
                f"terugvordering, en voor het tekort krijgt u niets extra.")
        uit.append(zin)
    return uit


def _jaar_uitkomst(jb: JaarBerekening, bedrag: Decimal) -> str:
    """De slotzin van een jaar: wat u krijgt en waarvoor, opgeteld precies het bedrag van de berekening."""
    if jb.stap11 is not None:
        delen = [(jb.stap11.terugvordering, "de terugvordering"), (jb.stap11.extra, "het tekort dat daarboven uitkomt")]
    elif jb.terugvordering_alleenverdieners is not None:
        tv_deel = min(jb.terugvordering_alleenverdieners, jb.compensatie_jaar)
        delen = [(tv_deel, "de terugvordering"), (jb.compensatie_jaar - tv_deel, "het tekort aan toeslagen")]
    else:
        delen = [(jb.compensatie_jaar, "het tekort aan toeslagen")]
    delen = [(x, w) for x, w in delen if x and x > 0]
    if sum((x for x, _ in delen), NUL) != bedrag or len(delen) < 2:
        wat = f" voor {delen[0][1]}" if len(delen) == 1 and delen[0][0] == bedrag else ""
        return f"Over {jb.jaar} krijgt u dus {euro(bedrag)}{wat}."
    return (f"Over {jb.jaar} krijgt u dus {euro(bedrag)}: " + " en ".join(f"{euro(x)} voor {w}" for x, w in delen)
            + ".")


def _wtrap_zinnen(jb: JaarBerekening) -> list[str]:
    w = jb.wtrap
    if w is None:
        return []
    voldoet = [r.removeprefix("Voldoet: ") for r in w.redenen if r.startswith("Voldoet: ")]
    niet = [r.removeprefix("Voldoet niet: ") for r in w.redenen if r.startswith("Voldoet niet: ")]
    afgeweken = [r.removeprefix("Afgeweken (hardheidsclausule): ") for r in w.redenen if r.startswith("Afgeweken")]
    uit = []
    if w.voldoet:
        uit.append("U voldoet aan alle voorwaarden voor de vaste tegemoetkoming: " + "; ".join(voldoet) + ".")
    elif w.voldoet is False:
        uit.append("U voldoet niet aan " + ("deze voorwaarde: " if len(niet) == 1 else "deze voorwaarden: ")
                   + "; ".join(niet) + ".")
    else:
        uit.append("We konden nog niet alle voorwaarden nagaan: " + "; ".join(w.open_vragen) + ".")
    for a in afgeweken:
        uit.append(f"Voor een voorwaarde wijken we af van onze regels (hardheidsclausule): {a}")
    if w.voldoet and w.aanvullend_mogelijk:
        uit.append(f"Volgens de berekening kwam u over {jb.jaar} {euro(w.tekort_jaar)} toeslag tekort. Dat is meer dan "
                   f"de tegemoetkoming. Voor het verschil kunt u bijzondere bijstand aanvragen.")
    return uit


def afgewezen_uit_controle(uitkomst: dict | None) -> dict[int, str]:
    """Jaren die niet toegekend kunnen worden omdat het huishouden op de doelgroepselectielijst staat (Wtrap)."""
    uit = {}
    for x in (uitkomst or {}).get("lijst", []):
        if x["status"] == "op_lijst" and regime_van_jaar(x["jaar"]).wtrap:
            uit[x["jaar"]] = (f"U staat op de lijst van de Belastingdienst voor {x['jaar']}. Daarom krijgt u de "
                              f"tegemoetkoming over {x['jaar']} al zonder aanvraag van ons. Twee keer kan niet. Uw "
                              f"aanvraag over {x['jaar']} wijzen we daarom af.")
    return uit


def wtrap_niet_voldaan(jb: JaarBerekening) -> str:
    """De grond van een afwijzing voor een Wtrap-jaar waarvan een voorwaarde niet is vervuld."""
    niet = [r.removeprefix("Voldoet niet: ") for r in (jb.wtrap.redenen if jb.wtrap else []) if r.startswith("Voldoet niet: ")]
    if not niet:
        return f"U voldoet over {jb.jaar} niet aan de voorwaarden voor de vaste tegemoetkoming."
    return (f"U voldoet over {jb.jaar} niet aan " + ("deze voorwaarde" if len(niet) == 1 else "deze voorwaarden")
            + " voor de vaste tegemoetkoming: " + "; ".join(niet) + ".")


def niets_te_vergoeden(jb: JaarBerekening) -> str:
    """De grond als de berekening over een jaar niets geeft: geen verschil in toeslagen, of een inkomen dat niet lager
    was dan het bestaansminimum (zonder bedragen: de brief van een afwijzing noemt er geen)."""
    if jb.wtrap is not None:
        return f"Volgens de berekening is er over {jb.jaar} geen tegemoetkoming te geven."
    if not jb.perioden and jb.terugvordering_bedrag is not None and not jb.terugvordering_alleenverdieners:
        return (f"De terugvordering van toeslag over {jb.jaar} komt niet door de alleenverdienersproblematiek. Daarom "
                f"vergoeden we haar niet.")
    if jb.perioden and all(pb.verschil_totaal <= 0 for pb in jb.perioden):
        return (f"U kreeg over {jb.jaar} niet minder huurtoeslag en zorgtoeslag dan een huishouden met alleen een "
                f"bijstandsuitkering. Er is dus geen verschil om te vergoeden.")
    if jb.perioden and all(pb.verschil_totaal <= 0 or pb.toets == "boven_bestaansminimum" for pb in jb.perioden):
        return (f"Uw inkomen met toeslagen was over {jb.jaar} niet lager dan het bestaansminimum voor uw huishouden. "
                f"Daarom vergoeden we het verschil in toeslagen niet.")
    return f"Volgens de berekening is er over {jb.jaar} niets te vergoeden."
