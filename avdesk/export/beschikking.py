"""De concept beschikking (team Inkomen): een Word-bestand (.docx) dat de medewerker afmaakt en verstuurt.

context() zet de berekening om in teksten (B1, eigen woorden; de handreiking, bijlage 3, bepaalde alleen welke
delen een beschikking heeft); maak_docx() vult daarmee een sjabloon met velden (docxtpl op python-docx). avdesk heeft
een eenvoudig standaardsjabloon (resources/beschikking/standaard.docx); een gemeente kan via de instelling
beschikking_sjabloon (of --sjabloon) haar eigen sjabloon in de huisstijl gebruiken. Een sjabloon met een veld dat
avdesk niet kent, geeft een Nederlandse melding (SjabloonFout) en geen half document."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO
from pathlib import Path

from ..core.berekening import Berekening, JaarBerekening
from ..core.casus import Casus
from ..core.geld import NUL, datum, euro, maand_label, maand_uit_iso

SOORTEN = {"toekenning": "Toekenning", "gedeeltelijk": "Gedeeltelijke toekenning", "afwijzing": "Afwijzing",
           "buiten-behandeling": "Buiten behandeling"}
WTRAP_VANAF = 2025
# Alle velden die een sjabloon mag gebruiken (README, 'Concept beschikking'); j.* zijn de velden per jaar.
VELDEN = {
    "gemeente": "naam van de gemeente", "afdeling": "afdeling of team", "gemeente_adres": "adres van de gemeente",
    "aan_naam": "namen van aanvrager en partner", "aan_adres": "straat en huisnummer",
    "aan_postcode_plaats": "postcode en woonplaats", "datum": "datum van de brief (dd-mm-jjjj)",
    "kenmerk": "kenmerk van de aanvraag", "onderwerp": "onderwerp", "soort": "toekenning, gedeeltelijk, afwijzing of "
    "buiten-behandeling", "soort_naam": "het soort besluit in woorden", "aanhef": "aanhef", "aanvraagdatum":
    "datum van de aanvraag", "totaal": "totaalbedrag", "inleiding": "alinea's", "besluit": "alinea's",
    "jaren": "per jaar: jaar, kop, bedrag, toegekend, grondslag, regels, motivering", "motivering": "alinea's",
    "betaling": "alinea's", "wijzigingen": "alinea's", "bezwaar": "alinea's", "bezwaar_uiterlijk":
    "datum van de brief plus zes weken", "vragen": "alinea's", "ondertekening": "naam en functie",
    "juridisch_kader": "regels", "voor_de_medewerker": "opmerkingen voor de medewerker (niet versturen)",
    "hersteltermijn": "einddatum van de hersteltermijn", "rekening": "IBAN en tenaamstelling",
}
IN_TE_VULLEN = "[in te vullen]"


class SjabloonFout(Exception):
    """Het sjabloon is niet te gebruiken; de tekst zegt in het Nederlands waarom."""


def _maanden(van: str, tem: str) -> str:
    v, t = maand_uit_iso(van), maand_uit_iso(tem)
    return maand_label(v) if v == t else f"{maand_label(v)} tot en met {maand_label(t)}"


def _periode(pb) -> str:
    return (maand_label(pb.van) if pb.van == pb.tot_en_met.replace(day=1)
            else f"{maand_label(pb.van)} tot en met {maand_label(pb.tot_en_met)}")


def _namen(c: Casus) -> str:
    return " en ".join(n for n in (c.aanvrager.naam, c.partner.naam) if n) or "aanvrager en partner"


def grondslag_tekst(jb: JaarBerekening, b: Berekening, beleidsregel: str) -> str:
    if jb.jaar >= WTRAP_VANAF or jb.wtrap is not None:
        return ("artikel 78gg van de Participatiewet (tijdelijke regeling alleenverdienersproblematiek), met artikel "
                "15ba van de Regeling Participatiewet, IOAW en IOAZ")
    return f"artikel 35 van de Participatiewet (bijzondere bijstand), met {beleidsregel}"


def standaard_beleidsregel(b: Berekening) -> str:
    if b.profiel.id == "handreiking-2024":
        return ("de Handreiking handelingsperspectief alleenverdienersproblematiek (ministerie van SZW, september "
                "2024)")
    return f"{b.profiel.naam} ({b.profiel.bron})"


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


# ---------------------------------------------------------------- context

def context(c: Casus, b: Berekening, kenmerk: str, *, soort: str | None = None, gemeente: dict | None = None,
            afgewezen: dict[int, str] | None = None, medewerker: list[str] | None = None,
            hersteltermijn: date | None = None, ontbrak: list[str] | None = None,
            vandaag: date | None = None, reden: str | None = None) -> dict:
    """Alle velden voor het sjabloon. `afgewezen`: jaar -> reden (bijvoorbeeld: op de doelgroepselectielijst, dus
    ambtshalve); `soort`: None kiest zelf (toekenning, gedeeltelijk of afwijzing)."""
    from .beslisser import alle_signalen
    vandaag = vandaag or date.today()
    g = {"gemeente_naam": b.profiel.gemeente_naam, "afdeling": "", "gemeente_adres": b.profiel.gemeente_adres,
         "beleidsregel": "", "ondertekening": ""}          # naam en adres uit het beleidsprofiel, tenzij ingesteld
    g.update({k: v for k, v in (gemeente or {}).items() if v})
    afgewezen = dict(afgewezen or {})
    # Het standaardprofiel (de handreiking) hoort bij geen gemeente: dan een plek om in te vullen.
    gemeente_naam = (g["gemeente_naam"] or c.aanvraag.gemeente
                     or (b.profiel.uitvoerder if b.profiel.id != "handreiking-2024" else "[naam van de gemeente]"))
    beleidsregel = g["beleidsregel"] or standaard_beleidsregel(b)
    jaren_casus = {j.jaar: j for j in c.jaren}
    bedragen = {jb.jaar: (NUL if jb.jaar in afgewezen else jb.compensatie_jaar) for jb in b.jaren}
    totaal = sum(bedragen.values(), NUL)
    if soort is None:
        soort = ("afwijzing" if totaal <= 0 else
                 "toekenning" if all(v > 0 for v in bedragen.values()) else "gedeeltelijk")
    if soort not in SOORTEN:
        raise ValueError(soort)
    namen = _namen(c)
    wtrap_alle = bool(b.jaren) and all(jb.jaar >= WTRAP_VANAF for jb in b.jaren)
    # Wtrap-jaren: de vaste tegemoetkoming, nooit 'bijzondere bijstand' (seed 004).
    regeling = ("de vaste tegemoetkoming voor alleenverdieners" if wtrap_alle else
                "bijzondere bijstand voor alleenverdieners")
    geen_regeling = "geen " + regeling.removeprefix("de ")
    onderwerp = {"toekenning": f"U krijgt {regeling}", "gedeeltelijk": "U krijgt een deel van wat u aanvroeg",
                 "afwijzing": f"U krijgt {geen_regeling}",
                 "buiten-behandeling": "We nemen uw aanvraag niet in behandeling"}[soort]
    aanvraag = datum(c.aanvraagdatum) if c.aanvraagdatum else IN_TE_VULLEN
    jaartallen = [str(jb.jaar) for jb in b.jaren]
    jaartal = " en ".join([", ".join(jaartallen[:-1]), jaartallen[-1]] if len(jaartallen) > 1 else jaartallen)
    gemengd = any(jb.jaar >= WTRAP_VANAF for jb in b.jaren) and not wtrap_alle
    gevraagd = ("bijzondere bijstand en de vaste tegemoetkoming voor alleenverdieners" if gemengd else regeling)
    inleiding = [f"Op {aanvraag} vroeg u {gevraagd} aan over {jaartal}. Uw sociaal raadsman heeft daarvoor een "
                 f"berekening gemaakt (kenmerk {kenmerk}). Wij hebben die berekening nagekeken. In deze brief leest u "
                 f"ons besluit."]
    rekening = next((f"{p.extra['iban']} ten name van {p.naam or '-'}" for p in (c.aanvrager, c.partner)
                     if p.extra.get("iban")), IN_TE_VULLEN)
    if soort in ("afwijzing", "buiten-behandeling"):
        # Geen bedrag en geen rekening: er wordt niets betaald.
        afgewezen = {jb.jaar: afgewezen.get(jb.jaar, "") for jb in b.jaren}
        bedragen = {jb.jaar: NUL for jb in b.jaren}
        totaal = NUL
        rekening = ""

    jaren, motivering, besluit, betaling, wijzigingen, kader = [], [], [], [], [], []
    medewerker_extra: list[str] = []
    if soort == "buiten-behandeling":
        termijn = datum(hersteltermijn) if hersteltermijn else IN_TE_VULLEN
        missend = "; ".join(ontbrak) if ontbrak else IN_TE_VULLEN
        besluit = ["We nemen uw aanvraag niet in behandeling. Dat betekent: we hebben niet beoordeeld of u recht "
                   "heeft. U krijgt nu dus geen geld van ons."]
        motivering = [f"Om uw aanvraag te kunnen beoordelen, hadden we meer gegevens van u nodig. We vroegen u in "
                      f"onze brief van {IN_TE_VULLEN} om deze gegevens te sturen: {missend}.",
                      f"U kon die gegevens sturen tot en met {termijn}. Dat was de hersteltermijn. We hebben de "
                      f"gegevens niet (of niet allemaal) ontvangen. Zonder deze gegevens kunnen we niet nagaan of u "
                      f"recht heeft. Daarom mogen we uw aanvraag buiten behandeling laten (artikel 4:5 van de "
                      f"Algemene wet bestuursrecht).",
                      "U kunt altijd opnieuw een aanvraag doen. Stuur dan de gegevens die ontbraken meteen mee."]
        if reden:
            motivering.insert(2, reden)
        kader.append("Algemene wet bestuursrecht, artikel 4:2 en 4:5 (een onvolledige aanvraag buiten behandeling "
                     "laten)")
    else:
        if soort == "toekenning":
            besluit.append(f"U krijgt {regeling}: {euro(totaal)} in totaal." + (
                "" if wtrap_alle else " Dit geld is voor uw huur en uw zorgpremie."))
        elif soort == "gedeeltelijk":
            besluit.append(f"U krijgt een deel van wat u aanvroeg: {euro(totaal)} in totaal. Hieronder staat per jaar "
                           f"wat u krijgt en wat niet.")
        else:
            besluit.append(f"U krijgt {geen_regeling}. Hieronder leest u per jaar waarom niet.")
        if not wtrap_alle and totaal > 0:
            motivering.append("U krijgt minder huurtoeslag en zorgtoeslag dan een huishouden met alleen een "
                              "bijstandsuitkering. Dat komt doordat de toeslagen worden berekend met uw bruto inkomen. "
                              "Dat is hoger dan een bruto bijstandsuitkering, terwijl u netto niet meer overhoudt. "
                              "Daardoor houdt u te weinig over voor uw huur en uw zorgverzekering.")
        for jb in b.jaren:
            cj = jaren_casus.get(jb.jaar)
            bedrag = bedragen[jb.jaar]
            wtrap = jb.jaar >= WTRAP_VANAF or jb.wtrap is not None
            regels: list[str] = []
            mot: list[str] = []
            if jb.jaar in afgewezen:
                # Een afgewezen jaar noemt geen bedrag: alleen waarom niet (de gronden en de motivering).
                # Zoals de modelbeschikkingen: wat besloten is bij het besluit, waarom bij de motivering.
                kop = f"{jb.jaar}: u krijgt niets"
                regels.append(f"Over {jb.jaar} krijgt u niets. Waarom niet, leest u hieronder bij 'Uitleg over "
                              f"{jb.jaar}'.")
                regels.append(f"Dit besluit is gebaseerd op {grondslag_tekst(jb, b, beleidsregel)}.")
                jaren.append({"jaar": jb.jaar, "kop": kop, "bedrag": "", "toegekend": False,
                              "grondslag": grondslag_tekst(jb, b, beleidsregel), "regels": regels,
                              "motivering": [afgewezen[jb.jaar]] if afgewezen[jb.jaar] else []})
                continue
            elif bedrag <= 0:
                kop = f"{jb.jaar}: u krijgt niets"
                regels.append("Volgens de berekening is er over dit jaar niets te vergoeden. In de uitleg hieronder "
                              "leest u waarom.")
            elif wtrap:
                kop = f"{jb.jaar}: vaste tegemoetkoming {euro(bedrag)}"
                regels.append(f"U krijgt over {jb.jaar} de vaste tegemoetkoming van {euro(bedrag)}. U krijgt dit bedrag "
                              f"in één keer.")
            else:
                kop = f"{jb.jaar}: bijzondere bijstand {euro(bedrag)}"
                if jb.periodiek:
                    if jb.eenmalig > 0:
                        eerste = maand_uit_iso(jb.periodiek[0]["van"])
                        voor = [pb for pb in jb.perioden if pb.van < eerste and pb.compensatie_totaal > 0]
                        over = (f", voor {maand_label(voor[0].van)} tot en met "
                                f"{maand_label(date(eerste.year, eerste.month, 1) - timedelta(days=1))}" if voor else "")
                        regels.append(f"U krijgt {euro(jb.eenmalig)} in één keer{over}.")
                    for p in jb.periodiek:
                        n = (maand_uit_iso(p["tot_en_met"]).year * 12 + maand_uit_iso(p["tot_en_met"]).month
                             - maand_uit_iso(p["van"]).year * 12 - maand_uit_iso(p["van"]).month + 1)
                        regels.append(f"Daarnaast krijgt u {euro(p['per_maand'])} per maand, over "
                                      f"{_maanden(p['van'], p['tot_en_met'])} ({n} maanden). Dat is "
                                      f"{euro(Decimal(p['per_maand']) * n)}.")
                else:
                    regels.append("U krijgt dit bedrag in één keer.")
                delen = [f"{euro(jb.compensatie_huurkosten)} voor uw huurkosten"] if jb.compensatie_huurkosten else []
                if jb.compensatie_zorgpremie:
                    delen.append(f"{euro(jb.compensatie_zorgpremie)} voor uw zorgpremie")
                if jb.compensatie_overig:
                    delen.append(f"{euro(jb.compensatie_overig)} voor andere kosten")
                if delen:
                    regels.append("Van dit bedrag is " + " en ".join(delen) + ". Omdat de bijstand voor deze kosten "
                                  "is, hoeft u er geen belasting over te betalen. Hij telt ook niet mee als inkomen "
                                  "voor uw toeslagen.")
            regels.append(f"Dit besluit is gebaseerd op {grondslag_tekst(jb, b, beleidsregel)}.")
            if wtrap:
                mot += _wtrap_zinnen(jb)
            else:
                if jb.perioden:
                    mot.append("We hebben berekend hoeveel huurtoeslag en zorgtoeslag u samen zou krijgen als u "
                               f"allebei alleen een bijstandsuitkering had (bruto "
                               f"{euro(jb.perioden[0].bruto_bijstand_per_partner)} per persoon per jaar). Dat hebben we "
                               "vergeleken met de toeslagen die u echt kreeg.")
                mot += _toets_zinnen(jb, per_maand_vergoed(jb, b), jb.jaar in b.profiel.tekort_jaren)
                if cj is not None:
                    mot += _terugvordering_zinnen(jb, cj, b)
                if bedrag > 0:
                    mot.append(_jaar_uitkomst(jb, bedrag))
            jaren.append({"jaar": jb.jaar, "kop": kop, "bedrag": euro(bedrag), "toegekend": bedrag > 0,
                          "grondslag": grondslag_tekst(jb, b, beleidsregel), "regels": regels, "motivering": mot})
        toegekend = [jb for jb in b.jaren if bedragen[jb.jaar] > 0]
        bijstand_toegekend = [jb for jb in toegekend if jb.jaar < WTRAP_VANAF and jb.wtrap is None]
        wtrap_toegekend = [jb for jb in toegekend if jb.jaar >= WTRAP_VANAF or jb.wtrap is not None]
        if totaal > 0:
            betaling.append(f"We maken het geld over op rekening {rekening}. U krijgt het bedrag dat in één keer wordt "
                            f"betaald binnen {IN_TE_VULLEN} na de datum van deze brief.")
            periodiek = [p for jb in bijstand_toegekend for p in jb.periodiek]
            deze_maand = date(vandaag.year, vandaag.month, 1)
            if any(maand_uit_iso(p["van"]) < deze_maand for p in periodiek):
                medewerker_extra.append("Een deel van de maanden met een bedrag per maand ligt al voor de datum van "
                                        "deze brief. Die maanden betaalt u meestal in één keer na; pas de tekst "
                                        "onder 'Wanneer krijgt u het geld?' daarop aan.")
            nog_maanden = any(maand_uit_iso(p["tot_en_met"]) >= deze_maand for p in periodiek)
            if nog_maanden:
                betaling.append("Het bedrag per maand krijgt u elke maand rond dezelfde datum.")
            if wtrap_toegekend:
                # Seed 004, hoofdstuk 4: een keer per jaar vastgesteld en betaald; een latere verandering vraagt
                # niets terug.
                jaren_w = " en ".join(str(jb.jaar) for jb in wtrap_toegekend)
                betaling.append(f"De vaste tegemoetkoming over {jaren_w} krijgt u in één keer. Verandert er daarna "
                                f"iets in uw situatie, bijvoorbeeld een verhuizing of een hoger inkomen? Dan blijft "
                                f"de tegemoetkoming over dat jaar gewoon van u. We vragen niets terug.")
            if bijstand_toegekend:
                # De inlichtingenplicht (art. 17 Participatiewet) zolang er nog bijstand betaald wordt (bijlage 3,
                # beschikking 5: 'Wijzigingen doorgeven').
                wijzigingen += [("U krijgt een bedrag per maand. " if nog_maanden else
                                 "U krijgt de bijzondere bijstand na deze brief. ")
                                + "Verandert er iets in uw situatie dat belangrijk kan zijn voor deze bijstand? Geef dat "
                                "dan binnen vijf werkdagen aan ons door. Dat moet volgens de wet (de "
                                "inlichtingenplicht). Denk aan:",
                                "• u of uw partner krijgt ander werk of een ander inkomen;",
                                "• iemand komt bij u wonen of gaat weg;",
                                "• u verhuist, of uw huur verandert;",
                                "• u krijgt geld of bezit erbij, zoals een erfenis.",
                                "Klopt iets niet wat u ons gaf, of geeft u een verandering niet door? Dan kunnen we de "
                                "bijstand opnieuw vaststellen en wat u te veel kreeg terugvragen.",
                                "Twijfelt u of iets belangrijk is? Vraag het ons."]
                kader.append("Participatiewet, artikel 17 (inlichtingenplicht)")
        if soort == "afwijzing" and any(jb.jaar >= WTRAP_VANAF or jb.wtrap is not None for jb in b.jaren):
            motivering.append("Verandert uw inkomen of uw situatie later zo dat u wel recht heeft op de vaste "
                              "tegemoetkoming? Dan kunt u opnieuw een aanvraag doen.")
        if any(jb.jaar < WTRAP_VANAF and jb.wtrap is None for jb in b.jaren):
            kader.insert(0, f"Participatiewet, artikel 35 (bijzondere bijstand), met {beleidsregel}")
        if any(jb.jaar >= WTRAP_VANAF or jb.wtrap is not None for jb in b.jaren):
            kader.insert(0, "Participatiewet, artikel 78gg, en Regeling Participatiewet, IOAW en IOAZ, artikel 15ba "
                            "(tegemoetkoming alleenverdieners)")
    uiterlijk = vandaag + timedelta(weeks=6)
    bezwaar = ["Dan kunt u bezwaar maken. Stuur ons daarvoor een brief: een bezwaarschrift. Doe dat binnen zes weken "
               f"na de datum van deze brief. Deze brief is van {datum(vandaag)}; uw bezwaarschrift moet er dan uiterlijk "
               f"{datum(uiterlijk)} zijn.",
               "Zet in uw bezwaarschrift: uw naam en adres, de datum, het kenmerk van deze brief "
               f"({kenmerk}), waarom u het niet eens bent met dit besluit, en uw handtekening.",
               f"Stuur het naar: {gemeente_naam}" + (f", {g['gemeente_adres']}" if g["gemeente_adres"] else "")
               + ". Hulp nodig bij uw bezwaar? De sociaal raadslieden of het Juridisch Loket helpen u gratis."]
    kader.append("Algemene wet bestuursrecht, artikel 6:5, 6:7 en 6:8 (bezwaar binnen zes weken)")
    voor = list(medewerker or []) + medewerker_extra
    voor.append("Vul de tekst tussen [ ] in en controleer de namen, het adres en het rekeningnummer. Verstuurt u de "
                "brief op een andere dag, pas dan ook de uiterste datum voor het bezwaar aan (zes weken na de "
                "datum van de brief).")
    for jaar, sg in alle_signalen(b):
        if sg.blokkerend and not any(f"Signaal {sg.code} ({jaar})" in x for x in voor):
            voor.append(f"Signaal {sg.code} ({jaar}) in de berekening: {sg.tekst}")
    ex = c.aanvrager.extra
    return {
        "gemeente": gemeente_naam, "afdeling": g["afdeling"] or "Team Inkomen", "gemeente_adres": g["gemeente_adres"],
        "aan_naam": namen, "aan_adres": ex.get("adres") or IN_TE_VULLEN,
        "aan_postcode_plaats": " ".join(x for x in (ex.get("postcode"), ex.get("woonplaats")) if x) or IN_TE_VULLEN,
        "datum": datum(vandaag), "kenmerk": kenmerk, "onderwerp": onderwerp, "soort": soort,
        "soort_naam": SOORTEN[soort], "aanhef": f"Beste {namen},", "aanvraagdatum": aanvraag,
        "totaal": euro(totaal) if soort in ("toekenning", "gedeeltelijk") else "",
        "inleiding": inleiding, "besluit": besluit, "jaren": jaren, "motivering": motivering, "betaling": betaling,
        "wijzigingen": wijzigingen, "bezwaar": bezwaar, "bezwaar_uiterlijk": datum(uiterlijk),
        "vragen": [f"Bel of mail ons gerust: {IN_TE_VULLEN}. Noem dan het kenmerk {kenmerk}."],
        "ondertekening": g["ondertekening"] or "[naam en functie]", "juridisch_kader": kader,
        "voor_de_medewerker": voor, "hersteltermijn": datum(hersteltermijn) if hersteltermijn else IN_TE_VULLEN,
        "rekening": rekening,
    }


# ---------------------------------------------------------------- sjabloon

def standaard_sjabloon() -> Path:
    from .. import installatiemap
    return installatiemap("beschikking", "sjablonen voor de beschikking") / "standaard.docx"


def _sjabloonklasse():
    from docxtpl import DocxTemplate

    class Sjabloon(DocxTemplate):
        """docxtpl vult de voetnoten eens per sectie in: bij twee secties zou de ingevulde tekst (met de waarden van
        de velden) nog eens als sjabloon gelezen worden. Hier elk deel precies een keer."""

        def render_footnotes(self, context, jinja_env=None):
            gezien = set()
            for part in self.docx.part.package.parts:
                if part.content_type == ("application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml")\
                        and id(part) not in gezien:
                    gezien.add(id(part))
                    xml = self.patch_xml(part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob)
                    part._blob = self.render_xml_part(xml, part, context, jinja_env).encode("utf-8")
    return Sjabloon


def _lijstvelden(ctx: dict) -> set[str]:
    return {k for k, v in ctx.items() if isinstance(v, (list, tuple))}


def _geen(pad: Path, wat: str) -> SjabloonFout:
    return SjabloonFout(f"Het sjabloon {pad} is geweigerd, want {wat}; dat mag niet in een sjabloon van avdesk. "
                        f"Verbeter het sjabloon; er is geen beschikking gemaakt.")


def _onbekend(pad: Path, onbekend: list[str]) -> SjabloonFout:
    return SjabloonFout(
        f"Het sjabloon {pad} gebruikt " + ("een veld" if len(onbekend) == 1 else "velden") + " dat avdesk niet "
        "kent: " + ", ".join("{{ " + v + " }}" for v in onbekend) + ". Verbeter het sjabloon of haal het veld weg; "
        "er is geen beschikking gemaakt. Bekende velden: " + ", ".join(sorted(VELDEN)) + "; per jaar (in {% for j in "
        "jaren %}): " + ", ".join("j." + v for v in ("jaar", "kop", "bedrag", "toegekend", "grondslag", "regels",
                                                  "motivering")) + ".")


def maak_docx(ctx: dict, sjabloon: Path | None = None) -> bytes:
    """Vul het sjabloon in de zandbak (export/zandbak.py); SjabloonFout bij een onleesbaar sjabloon, een onbekend
    veld of iets wat niet mag (dan geen document). De waarden in ctx zijn gegevens: ze worden nooit als sjabloon
    gelezen."""
    from jinja2 import TemplateError, UndefinedError
    from jinja2.exceptions import SecurityError

    from .zandbak import NietToegestaan, Zandbak, controleer_bestand
    pad = Path(sjabloon) if sjabloon else standaard_sjabloon()
    try:
        with open(pad, "rb") as f:
            sjabloon_data = f.read(20 * 1024 * 1024 + 1)
    except OSError:
        raise SjabloonFout(f"Het sjabloon {pad} bestaat niet of is niet te lezen.") from None
    try:
        controleer_bestand(sjabloon_data)
    except NietToegestaan as e:
        raise SjabloonFout(f"Het sjabloon {pad} is niet te gebruiken: {e}. Er is geen beschikking gemaakt.") from None
    try:
        tpl = _sjabloonklasse()(BytesIO(sjabloon_data))
        tpl.render_init()
    except Exception:           # noqa: BLE001 (python-docx geeft allerlei fouten voor een kapot bestand)
        raise SjabloonFout(f"Het sjabloon {pad} is geen Word-bestand (.docx) dat avdesk kan lezen.") from None
    env = Zandbak(set(ctx), _lijstvelden(ctx))
    try:
        onbekend = sorted(tpl.get_undeclared_template_variables(env) - set(ctx)
                          | {x for x in env.onbekend if "." in x})
    except NietToegestaan as e:
        raise _geen(pad, str(e)) from None
    except TemplateError as e:
        raise SjabloonFout(f"Het sjabloon {pad} bevat een fout in een veld of opdracht ({e.message}). Verbeter het "
                           f"sjabloon; er is geen beschikking gemaakt.") from None
    if onbekend:
        raise _onbekend(pad, onbekend)
    try:
        tpl.render(env.context(ctx), env, autoescape=True)
    except NietToegestaan as e:
        raise _geen(pad, str(e)) from None
    except SecurityError:
        raise _geen(pad, "het gebruikt iets van Python zelf (een eigenschap of functie van buiten de velden)") from None
    except UndefinedError as e:
        raise SjabloonFout(f"Het sjabloon {pad} gebruikt een veld dat avdesk niet kent ({e.message}). Verbeter het "
                           f"sjabloon; er is geen beschikking gemaakt.") from None
    except TemplateError as e:
        raise SjabloonFout(f"Het sjabloon {pad} bevat een fout in een veld of opdracht ({e.message}). Verbeter het "
                           f"sjabloon; er is geen beschikking gemaakt.") from None
    except (MemoryError, RecursionError, OverflowError):
        raise _geen(pad, "het vraagt te veel geheugen of een te diepe herhaling") from None
    if env.onbekend:
        raise _onbekend(pad, sorted(set(env.onbekend)))
    uit = BytesIO()
    tpl.save(uit)
    return uit.getvalue()


def voorbeeldcontext() -> dict:
    """Een context met elk veld (om een sjabloon te proberen zonder aanvraag): alle teksten kort, een jaar."""
    ctx = {k: f"[{k}]" for k in VELDEN}
    for k in ("inleiding", "besluit", "motivering", "betaling", "wijzigingen", "bezwaar", "vragen", "juridisch_kader",
              "voor_de_medewerker"):
        ctx[k] = [f"[{k}]"]
    ctx["jaren"] = [{"jaar": 2024, "kop": "[kop]", "bedrag": "€ 0,00", "toegekend": True, "grondslag": "[grondslag]",
                     "regels": ["[regel]"], "motivering": ["[motivering]"]}]
    return ctx


def controleer_sjabloon(pad: Path) -> list[str]:
    """Wat er mis is met een sjabloon, in het Nederlands (leeg: goed), voor de instellingen als het gekozen wordt:
    hetzelfde nalopen als bij het maken van een beschikking, en een proef met een voorbeeld van elk veld."""
    try:
        maak_docx(voorbeeldcontext(), Path(pad))
    except SjabloonFout as e:
        return [str(e).replace(" Verbeter het sjabloon; er is geen beschikking gemaakt.", " Verbeter het sjabloon.")
                .replace("; er is geen beschikking gemaakt.", ".").replace(" Er is geen beschikking gemaakt.", "")]
    return []


def afgewezen_uit_controle(uitkomst: dict | None) -> dict[int, str]:
    """Jaren die niet toegekend kunnen worden omdat het huishouden op de doelgroepselectielijst staat (Wtrap)."""
    uit = {}
    for x in (uitkomst or {}).get("lijst", []):
        if x["status"] == "op_lijst" and x["jaar"] >= WTRAP_VANAF:
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
