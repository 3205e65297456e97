"""De teksten van de concept beschikking (context()): een functie per deel van de brief, in de volgorde van lezen.

_brief() stelt eerst vast wat elk deel nodig heeft (gemeente, soort besluit, bedragen per jaar, regeling, rekening);
daarna onderwerp en inleiding, het besluit, per jaar de regels en de uitleg, de betaling en de wijzigingen, het
juridisch kader, het bezwaar en de opmerkingen voor de medewerker. De zinnen per periode en per jaar staan in
beschikking_zinnen.py; het sjabloon en het Word-bestand in beschikking.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from ..core.berekening import Berekening, JaarBerekening
from ..core.casus import Casus
from ..core.regime import BIJZONDERE_BIJSTAND, WTRAP
from ..core.geld import NUL, datum, euro, maand_label
from .beschikking_zinnen import (IN_TE_VULLEN, _jaar_uitkomst, _namen, _periode, _terugvordering_zinnen,
                                 _toets_zinnen, _wtrap_zinnen, grondslag_tekst, per_maand_vergoed,
                                 standaard_beleidsregel)

SOORTEN = {"toekenning": "Toekenning", "gedeeltelijk": "Gedeeltelijke toekenning", "afwijzing": "Afwijzing",
           "buiten-behandeling": "Buiten behandeling"}


@dataclass
class _Brief:
    """Wat de delen van de brief samen gebruiken."""
    c: Casus
    b: Berekening
    kenmerk: str
    vandaag: date
    soort: str
    g: dict                      # gemeente_naam, afdeling, gemeente_adres, beleidsregel, ondertekening
    gemeente_naam: str
    beleidsregel: str
    afgewezen: dict[int, str]    # jaar -> reden
    bedragen: dict[int, Decimal]
    totaal: Decimal
    wtrap_alle: bool
    regeling: str
    rekening: str

    @property
    def geen_regeling(self) -> str:
        return "geen " + self.regeling.removeprefix("de ")


def _is_wtrap(jb: JaarBerekening) -> bool:
    return jb.regime.wtrap


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def context(c: Casus, b: Berekening, kenmerk: str, *, soort: str | None = None, gemeente: dict | None = None,
            afgewezen: dict[int, str] | None = None, medewerker: list[str] | None = None,
            hersteltermijn: date | None = None, ontbrak: list[str] | None = None,
            vandaag: date | None = None, reden: str | None = None) -> dict:
    """Alle velden voor het sjabloon. `afgewezen`: jaar -> reden (bijvoorbeeld: op de doelgroepselectielijst, dus
    ambtshalve); `soort`: None kiest zelf (toekenning, gedeeltelijk of afwijzing)."""
    s = _brief(c, b, kenmerk, soort, gemeente, afgewezen, vandaag or date.today())
    medewerker_extra: list[str] = []
    betaling: list[str] = []
    wijzigingen: list[str] = []
    if s.soort == "buiten-behandeling":
        besluit, motivering, jaren = _besluit_buiten_behandeling(), _motivering_buiten_behandeling(
            hersteltermijn, ontbrak, reden), []
    else:
        besluit, motivering = _besluit(s), _motivering(s)
        jaren = [_jaar(s, jb) for jb in b.jaren]
        if s.totaal > 0:
            betaling, wijzigingen, medewerker_extra = _betaling(s)
    uiterlijk = s.vandaag + timedelta(weeks=6)
    namen = _namen(c)
    ex = c.aanvrager.extra
    return {
        "gemeente": s.gemeente_naam, "afdeling": s.g["afdeling"] or "Team Inkomen",
        "gemeente_adres": s.g["gemeente_adres"],
        "aan_naam": namen, "aan_adres": ex.get("adres") or IN_TE_VULLEN,
        "aan_postcode_plaats": " ".join(x for x in (ex.get("postcode"), ex.get("woonplaats")) if x) or IN_TE_VULLEN,
        "datum": datum(s.vandaag), "kenmerk": kenmerk, "onderwerp": _onderwerp(s), "soort": s.soort,
        "soort_naam": SOORTEN[s.soort], "aanhef": f"Beste {namen},", "aanvraagdatum": _aanvraagdatum(c),
        "totaal": euro(s.totaal) if s.soort in ("toekenning", "gedeeltelijk") else "",
        "inleiding": _inleiding(s), "besluit": besluit, "jaren": jaren, "motivering": motivering, "betaling": betaling,
        "wijzigingen": wijzigingen, "bezwaar": _bezwaar(s, uiterlijk), "bezwaar_uiterlijk": datum(uiterlijk),
        "vragen": [f"Bel of mail ons gerust: {IN_TE_VULLEN}. Noem dan het kenmerk {kenmerk}."],
        "ondertekening": s.g["ondertekening"] or "[naam en functie]",
        "juridisch_kader": _juridisch_kader(s, bool(wijzigingen)),
        "voor_de_medewerker": _voor_de_medewerker(s, list(medewerker or []) + medewerker_extra),
        "hersteltermijn": datum(hersteltermijn) if hersteltermijn else IN_TE_VULLEN,
        "rekening": s.rekening,
    }


# ---------------------------------------------------------------- wat elk deel nodig heeft

def _brief(c: Casus, b: Berekening, kenmerk: str, soort: str | None, gemeente: dict | None,
           afgewezen: dict[int, str] | None, vandaag: date) -> _Brief:
    g = {"gemeente_naam": b.profiel.gemeente_naam, "afdeling": "", "gemeente_adres": b.profiel.gemeente_adres,
         "beleidsregel": "", "ondertekening": ""}          # naam en adres uit het beleidsprofiel, tenzij ingesteld
    g.update({k: v for k, v in (gemeente or {}).items() if v})
    afgewezen = dict(afgewezen or {})
    # Het standaardprofiel (de handreiking) hoort bij geen gemeente: dan een plek om in te vullen.
    gemeente_naam = (g["gemeente_naam"] or c.aanvraag.gemeente
                     or (b.profiel.uitvoerder if b.profiel.id != "handreiking-2024" else "[naam van de gemeente]"))
    bedragen = {jb.jaar: (NUL if jb.jaar in afgewezen else jb.compensatie_jaar) for jb in b.jaren}
    totaal = sum(bedragen.values(), NUL)
    if soort is None:
        soort = ("afwijzing" if totaal <= 0 else
                 "toekenning" if all(v > 0 for v in bedragen.values()) else "gedeeltelijk")
    if soort not in SOORTEN:
        raise ValueError(soort)
    wtrap_alle = bool(b.jaren) and all(_is_wtrap(jb) for jb in b.jaren)
    # Wtrap-jaren: de vaste tegemoetkoming, nooit 'bijzondere bijstand' (seed 004).
    regeling = ("de vaste tegemoetkoming voor alleenverdieners" if wtrap_alle else
                "bijzondere bijstand voor alleenverdieners")
    rekening = next((f"{p.extra['iban']} ten name van {p.naam or '-'}" for p in (c.aanvrager, c.partner)
                     if p.extra.get("iban")), IN_TE_VULLEN)
    if soort in ("afwijzing", "buiten-behandeling"):
        # Geen bedrag en geen rekening: er wordt niets betaald.
        afgewezen = {jb.jaar: afgewezen.get(jb.jaar, "") for jb in b.jaren}
        bedragen = {jb.jaar: NUL for jb in b.jaren}
        totaal = NUL
        rekening = ""
    return _Brief(c, b, kenmerk, vandaag, soort, g, gemeente_naam, g["beleidsregel"] or standaard_beleidsregel(b),
                  afgewezen, bedragen, totaal, wtrap_alle, regeling, rekening)


# ---------------------------------------------------------------- onderwerp en inleiding

def _onderwerp(s: _Brief) -> str:
    return {"toekenning": f"U krijgt {s.regeling}", "gedeeltelijk": "U krijgt een deel van wat u aanvroeg",
            "afwijzing": f"U krijgt {s.geen_regeling}",
            "buiten-behandeling": "We nemen uw aanvraag niet in behandeling"}[s.soort]


def _aanvraagdatum(c: Casus) -> str:
    return datum(c.aanvraagdatum) if c.aanvraagdatum else IN_TE_VULLEN


def _inleiding(s: _Brief) -> list[str]:
    jaartallen = [str(jb.jaar) for jb in s.b.jaren]
    jaartal = " en ".join([", ".join(jaartallen[:-1]), jaartallen[-1]] if len(jaartallen) > 1 else jaartallen)
    gemengd = any(_is_wtrap(jb) for jb in s.b.jaren) and not s.wtrap_alle
    gevraagd = ("bijzondere bijstand en de vaste tegemoetkoming voor alleenverdieners" if gemengd else s.regeling)
    return [f"Op {_aanvraagdatum(s.c)} vroeg u {gevraagd} aan over {jaartal}. Uw sociaal raadsman heeft daarvoor een "
            f"berekening gemaakt (kenmerk {s.kenmerk}). Wij hebben die berekening nagekeken. In deze brief leest u "
            f"ons besluit."]


# ---------------------------------------------------------------- besluit en motivering

def _besluit_buiten_behandeling() -> list[str]:
    return ["We nemen uw aanvraag niet in behandeling. Dat betekent: we hebben niet beoordeeld of u recht "
            "heeft. U krijgt nu dus geen geld van ons."]


def _motivering_buiten_behandeling(hersteltermijn: date | None, ontbrak: list[str] | None,
                                   reden: str | None) -> list[str]:
    termijn = datum(hersteltermijn) if hersteltermijn else IN_TE_VULLEN
    missend = "; ".join(ontbrak) if ontbrak else IN_TE_VULLEN
    motivering = [f"Om uw aanvraag te kunnen beoordelen, hadden we meer gegevens van u nodig. We vroegen u in "
                  f"onze brief van {IN_TE_VULLEN} om deze gegevens te sturen: {missend}.",
                  f"U kon die gegevens sturen tot en met {termijn}. Dat was de hersteltermijn. We hebben de "
                  f"gegevens niet (of niet allemaal) ontvangen. Zonder deze gegevens kunnen we niet nagaan of u "
                  f"recht heeft. Daarom mogen we uw aanvraag buiten behandeling laten (artikel 4:5 van de "
                  f"Algemene wet bestuursrecht).",
                  "U kunt altijd opnieuw een aanvraag doen. Stuur dan de gegevens die ontbraken meteen mee."]
    if reden:
        motivering.insert(2, reden)
    return motivering


def _besluit(s: _Brief) -> list[str]:
    if s.soort == "toekenning":
        return [f"U krijgt {s.regeling}: {euro(s.totaal)} in totaal." + (
            "" if s.wtrap_alle else " Dit geld is voor uw huur en uw zorgpremie.")]
    if s.soort == "gedeeltelijk":
        return [f"U krijgt een deel van wat u aanvroeg: {euro(s.totaal)} in totaal. Hieronder staat per jaar "
                f"wat u krijgt en wat niet."]
    return [f"U krijgt {s.geen_regeling}. Hieronder leest u per jaar waarom niet."]


def _motivering(s: _Brief) -> list[str]:
    motivering = []
    if not s.wtrap_alle and s.totaal > 0:
        motivering.append("U krijgt minder huurtoeslag en zorgtoeslag dan een huishouden met alleen een "
                          "bijstandsuitkering. Dat komt doordat de toeslagen worden berekend met uw bruto inkomen. "
                          "Dat is hoger dan een bruto bijstandsuitkering, terwijl u netto niet meer overhoudt. "
                          "Daardoor houdt u te weinig over voor uw huur en uw zorgverzekering.")
    if s.soort == "afwijzing" and any(_is_wtrap(jb) for jb in s.b.jaren):
        motivering.append("Verandert uw inkomen of uw situatie later zo dat u wel recht heeft op de vaste "
                          "tegemoetkoming? Dan kunt u opnieuw een aanvraag doen.")
    return motivering


# ---------------------------------------------------------------- per jaar

def _jaar(s: _Brief, jb: JaarBerekening) -> dict:
    """Een jaar: de kop, wat u krijgt (regels), de grondslag en de uitleg (motivering)."""
    bedrag = s.bedragen[jb.jaar]
    grondslag = grondslag_tekst(jb, s.b, s.beleidsregel)
    if jb.jaar in s.afgewezen:
        # Een afgewezen jaar noemt geen bedrag: alleen waarom niet (de gronden en de motivering).
        # Zoals de modelbeschikkingen: wat besloten is bij het besluit, waarom bij de motivering.
        regels = [f"Over {jb.jaar} krijgt u niets. Waarom niet, leest u hieronder bij 'Uitleg over {jb.jaar}'.",
                  f"Dit besluit is gebaseerd op {grondslag}."]
        return {"jaar": jb.jaar, "kop": f"{jb.jaar}: u krijgt niets", "bedrag": "", "toegekend": False,
                "grondslag": grondslag, "regels": regels,
                "motivering": [s.afgewezen[jb.jaar]] if s.afgewezen[jb.jaar] else []}
    if bedrag <= 0:
        kop = f"{jb.jaar}: u krijgt niets"
        regels = ["Volgens de berekening is er over dit jaar niets te vergoeden. In de uitleg hieronder leest u "
                  "waarom."]
    elif _is_wtrap(jb):
        kop = f"{jb.jaar}: vaste tegemoetkoming {euro(bedrag)}"
        regels = [f"U krijgt over {jb.jaar} de vaste tegemoetkoming van {euro(bedrag)}. U krijgt dit bedrag in één "
                  f"keer."]
    else:
        kop = f"{jb.jaar}: bijzondere bijstand {euro(bedrag)}"
        regels = _regels_bijstand(jb)
    regels.append(f"Dit besluit is gebaseerd op {grondslag}.")
    return {"jaar": jb.jaar, "kop": kop, "bedrag": euro(bedrag), "toegekend": bedrag > 0, "grondslag": grondslag,
            "regels": regels, "motivering": _uitleg_jaar(s, jb, bedrag)}


def _regels_bijstand(jb: JaarBerekening) -> list[str]:
    """Wat u krijgt aan bijzondere bijstand: eenmalig en per maand, en waarvoor (huur, zorgpremie)."""
    regels = []
    if jb.periodiek:
        if jb.eenmalig > 0:
            eerste = jb.periodiek[0].van
            voor = [pb for pb in jb.perioden if pb.van < eerste and pb.compensatie_totaal > 0]
            over = (f", voor {maand_label(voor[0].van)} tot en met "
                    f"{maand_label(eerste - timedelta(days=1))}" if voor else "")
            regels.append(f"U krijgt {euro(jb.eenmalig)} in één keer{over}.")
        for p in jb.periodiek:
            regels.append(f"Daarnaast krijgt u {euro(p.per_maand)} per maand, over "
                          f"{_periode(p)} ({p.maanden} maanden). Dat is {euro(p.totaal)}.")
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
    return regels


def _uitleg_jaar(s: _Brief, jb: JaarBerekening, bedrag: Decimal) -> list[str]:
    """'Uitleg over JAAR': de Wtrap-voorwaarden, of de vergelijking, de toets en de terugvordering."""
    if _is_wtrap(jb):
        return _wtrap_zinnen(jb)
    mot = []
    if jb.perioden:
        mot.append("We hebben berekend hoeveel huurtoeslag en zorgtoeslag u samen zou krijgen als u "
                   f"allebei alleen een bijstandsuitkering had (bruto "
                   f"{euro(jb.perioden[0].bruto_bijstand_per_partner)} per persoon per jaar). Dat hebben we "
                   "vergeleken met de toeslagen die u echt kreeg.")
    mot += _toets_zinnen(jb, per_maand_vergoed(jb, s.b), jb.jaar in s.b.profiel.tekort_jaren)
    if (cj := {j.jaar: j for j in s.c.jaren}.get(jb.jaar)) is not None:
        mot += _terugvordering_zinnen(jb, cj, s.b)
    if bedrag > 0:
        mot.append(_jaar_uitkomst(jb, bedrag))
    return mot


# ---------------------------------------------------------------- betaling en wijzigingen

def _betaling(s: _Brief) -> tuple[list[str], list[str], list[str]]:
    """(betaling, wijzigingen, voor de medewerker) als er iets betaald wordt."""
    toegekend = [jb for jb in s.b.jaren if s.bedragen[jb.jaar] > 0]
    bijstand_toegekend = [jb for jb in toegekend if not _is_wtrap(jb)]
    wtrap_toegekend = [jb for jb in toegekend if _is_wtrap(jb)]
    betaling = [f"We maken het geld over op rekening {s.rekening}. U krijgt het bedrag dat in één keer wordt "
                f"betaald binnen {IN_TE_VULLEN} na de datum van deze brief."]
    medewerker: list[str] = []
    periodiek = [p for jb in bijstand_toegekend for p in jb.periodiek]
    deze_maand = date(s.vandaag.year, s.vandaag.month, 1)
    if any(p.van < deze_maand for p in periodiek):
        medewerker.append("Een deel van de maanden met een bedrag per maand ligt al voor de datum van "
                          "deze brief. Die maanden betaalt u meestal in één keer na; pas de tekst "
                          "onder 'Wanneer krijgt u het geld?' daarop aan.")
    nog_maanden = any(p.tot_en_met >= deze_maand for p in periodiek)
    if nog_maanden:
        betaling.append("Het bedrag per maand krijgt u elke maand rond dezelfde datum.")
    if wtrap_toegekend:
        # Seed 004, hoofdstuk 4: een keer per jaar vastgesteld en betaald; een latere verandering vraagt
        # niets terug.
        jaren_w = " en ".join(str(jb.jaar) for jb in wtrap_toegekend)
        betaling.append(f"De vaste tegemoetkoming over {jaren_w} krijgt u in één keer. Verandert er daarna "
                        f"iets in uw situatie, bijvoorbeeld een verhuizing of een hoger inkomen? Dan blijft "
                        f"de tegemoetkoming over dat jaar gewoon van u. We vragen niets terug.")
    wijzigingen = _wijzigingen(nog_maanden) if bijstand_toegekend else []
    return betaling, wijzigingen, medewerker


def _wijzigingen(nog_maanden: bool) -> list[str]:
    """De inlichtingenplicht (art. 17 Participatiewet) zolang er nog bijstand betaald wordt (bijlage 3, beschikking
    5: 'Wijzigingen doorgeven')."""
    return [("U krijgt een bedrag per maand. " if nog_maanden else
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


# ---------------------------------------------------------------- juridisch kader, bezwaar, voor de medewerker

def _juridisch_kader(s: _Brief, inlichtingenplicht: bool) -> list[str]:
    if s.soort == "buiten-behandeling":
        kader = ["Artikel 4:2 en 4:5 Algemene wet bestuursrecht (een onvolledige aanvraag buiten behandeling laten)"]
    else:
        kader = []
        if any(_is_wtrap(jb) for jb in s.b.jaren):
            kader.append(_hoofdletter(WTRAP.rechtsgrond()))
        if any(not _is_wtrap(jb) for jb in s.b.jaren):
            kader.append(_hoofdletter(BIJZONDERE_BIJSTAND.rechtsgrond(s.beleidsregel)))
        if inlichtingenplicht:
            kader.append("Artikel 17 Participatiewet (inlichtingenplicht)")
    # Elke regel in dezelfde vorm als de rechtsgrond uit core/regime.py: "Artikel N Wet (waarover)".
    kader.append("Artikel 6:5, 6:7 en 6:8 Algemene wet bestuursrecht (bezwaar binnen zes weken)")
    return kader


def _bezwaar(s: _Brief, uiterlijk: date) -> list[str]:
    return ["Dan kunt u bezwaar maken. Stuur ons daarvoor een brief: een bezwaarschrift. Doe dat binnen zes weken "
            f"na de datum van deze brief. Deze brief is van {datum(s.vandaag)}; uw bezwaarschrift moet er dan "
            f"uiterlijk {datum(uiterlijk)} zijn.",
            "Zet in uw bezwaarschrift: uw naam en adres, de datum, het kenmerk van deze brief "
            f"({s.kenmerk}), waarom u het niet eens bent met dit besluit, en uw handtekening.",
            f"Stuur het naar: {s.gemeente_naam}" + (f", {s.g['gemeente_adres']}" if s.g["gemeente_adres"] else "")
            + ". Hulp nodig bij uw bezwaar? De sociaal raadslieden of het Juridisch Loket helpen u gratis."]


def _voor_de_medewerker(s: _Brief, voor: list[str]) -> list[str]:
    """Opmerkingen voor de medewerker (niet versturen): wat de aanroeper meegaf, wat de betaling opmerkte, wat er in
    te vullen is, en elk blokkerend signaal van de berekening een keer."""
    from .beslisser import alle_signalen
    voor.append("Vul de tekst tussen [ ] in en controleer de namen, het adres en het rekeningnummer. Verstuurt u de "
                "brief op een andere dag, pas dan ook de uiterste datum voor het bezwaar aan (zes weken na de "
                "datum van de brief).")
    for jaar, sg in alle_signalen(s.b):
        if sg.blokkerend and not any(f"Signaal {sg.code} ({jaar})" in x for x in voor):
            voor.append(f"Signaal {sg.code} ({jaar}) in de berekening: {sg.tekst}")
    return voor
