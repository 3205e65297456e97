"""avdesk-casus/1 lezen: per deel van de casus een functie die de velden controleert en het model (casusmodel.py)
opbouwt. Alle fouten tegelijk, elk met zijn veld en in het Nederlands (CasusFout)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from .casuscontrole import _CIJFERS9, _Lezer, elfproef, email_geldig, iban_geldig, soort_waarde
from .casusmodel import (BESCHIKKINGSSOORTEN, FORMAAT, HANDMATIGE_TOESLAGEN, INKOMENSSOORTEN, JAAR_AFWIJKEN, ROUTES,
                         SERVICEKOSTEN, WTRAP_HEFFINGSKORTING, WTRAP_VOORWAARDEN, WTRAP_VRAGEN, Aanvraaggegevens,
                         Casus, HandmatigeToeslag, Huur, Inkomensbron, Jaar, Medebewoner, Periode, Persoon, Raadsman,
                         Terugvordering, terugvorderingsbedrag)
from .casusvelden import (AANVRAAG, CASUS, HANDMATIG, HUUR, INKOMEN, INKOMENSBRON, JAAR, MEDEBEWONER, ONTVANGEN,
                          ONTVANGEN_BESCHIKKING, PERIODE, PERSOON, PERSOON_EXTRA, RAADSMAN, TERUGVORDERING,
                          TOETSINGSINKOMEN, VOORSCHOT_DEFINITIEF, sleutels)
from .fouten import CasusFout
from .geld import NUL, maand_iso

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")


def _in_concept(waarde: T | None) -> T:
    """Een verplicht veld dat in een concept (concept=True: de wizard, de opslag) nog mag ontbreken: het model houdt
    dan None tot de casus af is. Zonder concept is het er altijd (anders een fout), en alleen zo'n casus wordt
    gerekend; daarom staat het model het veld als verplicht."""
    return waarde  # type: ignore[return-value]  # zie boven: alleen een concept houdt None


def _persoon(lz: _Lezer, d, pad: str) -> Persoon | None:
    d = lz.object(d, pad, sleutels(PERSOON))
    if d is None:
        return None
    naam = lz.velden(d, pad, PERSOON)["naam"]
    gd = lz.datum(d, "geboortedatum", pad, verplicht=True)
    if gd and not date(1900, 1, 1) <= gd <= date.today():
        lz.fout(f"{pad}.geboortedatum", "ligt niet tussen 1900 en vandaag")
        gd = None
    bsn = lz.tekst(d, "bsn", pad)
    if bsn is not None:
        bsn = bsn.strip()
        if not _CIJFERS9.fullmatch(bsn):
            lz.fout(f"{pad}.bsn", "moet uit precies 9 cijfers bestaan")
            bsn = None
        elif not elfproef(bsn):
            lz.fout(f"{pad}.bsn", "is geen geldig burgerservicenummer (voldoet niet aan de elfproef)")
            bsn = None
    extra = {k: v.strip() for k in PERSOON_EXTRA if (v := lz.tekst(d, k, pad)) is not None and v.strip()}
    if "iban" in extra:
        extra["iban"] = extra["iban"].replace(" ", "").upper()
        if not iban_geldig(extra["iban"]):
            lz.fout(f"{pad}.iban", "is geen geldig IBAN-rekeningnummer (controlegetal klopt niet)")
    if "email" in extra and not email_geldig(extra["email"]):
        lz.fout(f"{pad}.email", "is geen geldig e-mailadres")
    return Persoon(naam, _in_concept(gd), bsn, extra) if (gd or lz.concept) else None


def _periode(lz: _Lezer, d, pad: str, jaar: int) -> Periode | None:
    d = lz.object(d, pad, sleutels(PERIODE))
    if d is None:
        return None
    n_fouten = len(lz.fouten)
    van, tem = lz.maand(d, "van", pad), lz.maand(d, "tot_en_met", pad)
    for maand, k in ((van, "van"), (tem, "tot_en_met")):
        if maand and maand.year != jaar:
            lz.fout(f"{pad}.{k}", f"{maand_iso(maand)} ligt niet in toeslagjaar {jaar}")
    if van and tem and tem < van:
        lz.fout(f"{pad}.tot_en_met", f"{maand_iso(tem)} ligt voor 'van' ({maand_iso(van)})")
    inkomen = _inkomen(lz, d.get("inkomen"), f"{pad}.inkomen")
    ti = d.get("toetsingsinkomen")
    tia = tip = None
    if ti is None and inkomen:
        # Zonder toetsingsinkomen is het de som van de bruto jaarbedragen per partner (CASUS-FORMAAT, tweede ronde).
        tia, tip = (sum((b.bruto_per_jaar for b in inkomen.get(w, [])), NUL) for w in ("aanvrager", "partner"))
    elif ti is None:
        lz.fout(f"{pad}.toetsingsinkomen", "ontbreekt (verplicht: aanvrager en partner, of het inkomen per bron)")
    elif lz.object(ti, f"{pad}.toetsingsinkomen", sleutels(TOETSINGSINKOMEN)) is not None:
        tia = lz.bedrag(ti, "aanvrager", f"{pad}.toetsingsinkomen", verplicht=True)
        tip = lz.bedrag(ti, "partner", f"{pad}.toetsingsinkomen", verplicht=True)
    g = lz.velden(d, pad, PERIODE)          # waar netto_inkomen_per_maand altijd gelezen werd
    netto = g["netto_inkomen_per_maand"]
    huur = None
    if d.get("huur") is not None and lz.object(d["huur"], f"{pad}.huur", sleutels(HUUR)) is not None:
        kale = lz.bedrag(d["huur"], "kale_huur", f"{pad}.huur", verplicht=True)
        sk: dict[str, Decimal] = {}
        skd = d["huur"].get("servicekosten")
        if skd is not None:
            skd = lz.object(skd, f"{pad}.huur.servicekosten", set(SERVICEKOSTEN))
            for k in SERVICEKOSTEN:
                if skd is not None and (b := lz.bedrag(skd, k, f"{pad}.huur.servicekosten")) is not None:
                    sk[k] = b
        if kale is not None:
            huur = Huur(kale, sk)
    mede = []
    for i, m in enumerate(lz.lijst(d, "medebewoners", pad)):
        mp = f"{pad}.medebewoners[{i}]"
        m = lz.object(m, mp, sleutels(MEDEBEWONER))
        if m is None:
            continue
        gd = lz.datum(m, "geboortedatum", mp, verplicht=True)
        ink = lz.bedrag(m, "toetsingsinkomen", mp) or NUL
        gm = lz.velden(m, mp, MEDEBEWONER)
        if gd or lz.concept:
            mede.append(Medebewoner(_in_concept(gd), ink, **gm))
    ontvangen: dict[str, Decimal] = {}
    if d.get("ontvangen") is not None:
        o = lz.object(d["ontvangen"], f"{pad}.ontvangen", sleutels(ONTVANGEN))
        for naam in ("huurtoeslag", "zorgtoeslag"):
            if o is not None and (b := lz.bedrag(o, naam, f"{pad}.ontvangen", geheel=False)) is not None:
                ontvangen[naam] = b
    ref = lz.bedrag(d, "referentie_bruto_bijstand_per_partner", pad, geheel=True)
    ref_mot = g["referentie_motivering"]
    if ref is not None and not ref_mot.strip():
        lz.fout(f"{pad}.referentie_motivering", "is verplicht als de bruto bijstand per partner handmatig is ingevuld")
    handmatig = []
    for i, h in enumerate(lz.lijst(d, "handmatig", pad)):
        hp = f"{pad}.handmatig[{i}]"
        h = lz.object(h, hp, sleutels(HANDMATIG))
        if h is None:
            continue
        t = lz.tekst(h, "toeslag", hp, verplicht=True)
        if t is not None and t not in HANDMATIGE_TOESLAGEN:
            lz.fout(f"{hp}.toeslag", f"moet {' of '.join(HANDMATIGE_TOESLAGEN)} zijn, niet {t!r}")
        w, r = lz.bedrag(h, "werkelijk", hp, verplicht=True), lz.bedrag(h, "referentie", hp, verplicht=True)
        mot = lz.tekst(h, "motivering", hp) or ""
        if not mot.strip():
            lz.fout(f"{hp}.motivering", "is verplicht bij een handmatig ingevoerde toeslag")
        if t in HANDMATIGE_TOESLAGEN and w is not None and r is not None:
            handmatig.append(HandmatigeToeslag(t, w, r, mot))
    nr = lz.bedrag(d, "referentie_netto_inkomen_per_maand", pad)
    nr_bron = lz.tekst(d, "referentie_netto_inkomen_bron", pad) or ""
    if nr is not None and not nr_bron.strip():
        lz.fout(f"{pad}.referentie_netto_inkomen_bron", "is verplicht als het netto-inkomen bij alleen bijstand is "
                                                        "ingevuld: noem de bron van dat bedrag")
    soort, datum_ = "", None
    if d.get("ontvangen_beschikking") is not None and (ob := lz.object(d["ontvangen_beschikking"],
                                                                       f"{pad}.ontvangen_beschikking",
                                                                       sleutels(ONTVANGEN_BESCHIKKING))) is not None:
        soort = lz.tekst(ob, "soort", f"{pad}.ontvangen_beschikking") or ""
        if soort not in ("", *BESCHIKKINGSSOORTEN):
            lz.fout(f"{pad}.ontvangen_beschikking.soort", f"moet \"voorschot\" of \"definitief\" zijn, niet {soort!r}")
        datum_ = lz.datum(ob, "datum", f"{pad}.ontvangen_beschikking")
    if len(lz.fouten) > n_fouten:
        return None
    return Periode(_in_concept(van), _in_concept(tem), _in_concept(tia), _in_concept(tip), netto, huur,
                   bool(g["aangepaste_woning"]), mede, ontvangen, ref, ref_mot, handmatig, inkomen, nr,
                   nr_bron, bool(g["partner_verzekerd_zvw"]), soort, datum_)


def _inkomen(lz: _Lezer, d, pad: str) -> dict[str, list[Inkomensbron]]:
    """Het inkomen per partner per bron: {"aanvrager": [{"soort": "ww", "bruto_per_jaar": 27000}], "partner": []}."""
    if d is None or lz.object(d, pad, sleutels(INKOMEN)) is None:
        return {}
    uit: dict[str, list[Inkomensbron]] = {}
    for wie in ("aanvrager", "partner"):
        bronnen = []
        for i, b in enumerate(lz.lijst(d, wie, pad)):
            bp = f"{pad}.{wie}[{i}]"
            if lz.object(b, bp, sleutels(INKOMENSBRON)) is None:
                continue
            soort = lz.tekst(b, "soort", bp, verplicht=True)
            if soort is not None and soort not in INKOMENSSOORTEN:
                lz.fout(f"{bp}.soort", f"onbekende inkomensbron {soort!r}; kies uit {', '.join(INKOMENSSOORTEN)}")
                soort = None
            bedrag = lz.bedrag(b, "bruto_per_jaar", bp, verplicht=True)
            oms = (lz.tekst(b, "omschrijving", bp) or "").strip()
            if soort == "overig" and not oms:
                lz.fout(f"{bp}.omschrijving", "is verplicht bij de inkomensbron 'overig'")
            if soort is not None and bedrag is not None:
                bronnen.append(Inkomensbron(soort, bedrag, oms))
        if bronnen or wie in d:
            uit[wie] = bronnen
    return uit


def _terugvordering(lz: _Lezer, d, pad: str) -> Terugvordering | None:
    d = lz.object(d, pad, sleutels(TERUGVORDERING))
    if d is None:
        return None
    n_fouten = len(lz.fouten)
    tv = Terugvordering()
    for t in ("huurtoeslag", "zorgtoeslag"):
        if d.get(t) is None:
            continue
        o = lz.object(d[t], f"{pad}.{t}", sleutels(VOORSCHOT_DEFINITIEF))
        if o is not None:
            vs = lz.bedrag(o, "voorschot", f"{pad}.{t}", verplicht=True)
            df = lz.bedrag(o, "definitief", f"{pad}.{t}", verplicht=True)
            if vs is not None and df is not None:
                tv.voorschot[t], tv.definitief[t] = vs, df
    n_toeslagen = len(lz.fouten)
    g = lz.velden(d, pad, TERUGVORDERING)
    tv.bedrag, tv.motivering, tv.datum_definitieve_beschikking = (g["bedrag"], g["motivering"],
                                                                   g["datum_definitieve_beschikking"])
    # Alleen als voorschot/definitief en bedrag foutloos ontbreken (een fout in motivering of datum telt niet mee).
    if (tv.bedrag is None and not tv.voorschot and n_toeslagen == n_fouten
            and not any(f.startswith(f"{pad}.bedrag:") for f in lz.fouten[n_toeslagen:])):
        lz.fout(pad, "geef per toeslag voorschot en definitief, of het terugvorderingsbedrag ('bedrag')")
    deel = d.get("deel_alleenverdieners", "geheel")
    if deel in ("geheel", "geen"):
        tv.deel_alleenverdieners = deel
    else:
        b = lz.bedrag(d, "deel_alleenverdieners", pad)
        if b is not None:
            tv.deel_alleenverdieners = b
            if not tv.motivering.strip():
                lz.fout(f"{pad}.motivering", "is verplicht als maar een deel van de terugvordering door de "
                                             "alleenverdienersproblematiek komt (stap 10)")
        elif isinstance(deel, str):
            lz.fout(f"{pad}.deel_alleenverdieners", f"moet \"geheel\", \"geen\" of een bedrag zijn, niet {deel!r}")
    for i, o in enumerate(lz.lijst(d, "andere_oorzaken", pad)):
        if not isinstance(o, str):
            lz.fout(f"{pad}.andere_oorzaken[{i}]", "moet tekst zijn")
        else:
            tv.andere_oorzaken.append(o)
    if len(lz.fouten) > n_fouten:
        return None
    totaal = terugvorderingsbedrag(tv)
    if isinstance(tv.deel_alleenverdieners, Decimal) and tv.deel_alleenverdieners > totaal:
        lz.fout(f"{pad}.deel_alleenverdieners", f"{tv.deel_alleenverdieners} is meer dan de terugvordering zelf ({totaal})")
        return None
    return tv


def _jaar(lz: _Lezer, d, pad: str, ondersteund: list[int]) -> Jaar | None:
    d = lz.object(d, pad, sleutels(JAAR))
    if d is None:
        return None
    j = d.get("jaar")
    if j is None:
        lz.fout(f"{pad}.jaar", "ontbreekt (verplicht)")
        return None
    if isinstance(j, bool) or not isinstance(j, int):
        lz.fout(f"{pad}.jaar", f"moet een jaartal zijn (geheel getal), niet {soort_waarde(j)}")
        return None
    if j not in ondersteund:
        from .params import reden_niet_ondersteund      # na 2027, parameters die nog ontbreken, of onbekend
        reden = reden_niet_ondersteund(j, ondersteund)
        lz.fout(f"{pad}.jaar", reden[0].lower() + reden[1:].rstrip("."))
        return None
    jaar = Jaar(j, **lz.velden(d, pad, JAAR))
    for i, pd in enumerate(lz.lijst(d, "perioden", pad)):
        per = _periode(lz, pd, f"{pad}.perioden[{i}]", j)
        if per:
            jaar.perioden.append(per)
    # Perioden op volgorde en zonder overlap: elke maand hoort bij ten hoogste een periode.
    for i in range(1, len(jaar.perioden)):
        vorige, deze = jaar.perioden[i - 1], jaar.perioden[i]
        if deze.van <= vorige.tot_en_met:
            soort = "overlapt met" if deze.tot_en_met >= vorige.van else "staat niet op volgorde na"
            lz.fout(f"{pad}.perioden[{i}]", f"{maand_iso(deze.van)} t/m {maand_iso(deze.tot_en_met)} {soort} de vorige periode "
                                            f"({maand_iso(vorige.van)} t/m {maand_iso(vorige.tot_en_met)})")
    if d.get("terugvordering") is not None:
        jaar.terugvordering = _terugvordering(lz, d["terugvordering"], f"{pad}.terugvordering")
    if d.get("wtrap") is not None:
        w = lz.object(d["wtrap"], f"{pad}.wtrap", set(WTRAP_VRAGEN) | {WTRAP_HEFFINGSKORTING, "tegemoetkoming",
                                                                        "afwijken"})
        if w is not None:
            for k in (*WTRAP_VRAGEN, WTRAP_HEFFINGSKORTING):
                jaar.wtrap[k] = lz.ja_nee(w, k, f"{pad}.wtrap", standaard=None)
            jaar.wtrap["tegemoetkoming"] = lz.bedrag(w, "tegemoetkoming", f"{pad}.wtrap")
            if w.get("afwijken") is not None and (af := lz.object(w["afwijken"], f"{pad}.wtrap.afwijken",
                                                                  set(WTRAP_VOORWAARDEN))) is not None:
                for k in WTRAP_VOORWAARDEN:
                    if (mot := lz.tekst(af, k, f"{pad}.wtrap.afwijken")) is not None:
                        if mot.strip():
                            jaar.wtrap_afwijken[k] = mot.strip()
                        else:
                            lz.fout(f"{pad}.wtrap.afwijken.{k}", "is leeg: de hardheidsclausule vraagt een motivering")
    if d.get("afwijken") is not None and (af := lz.object(d["afwijken"], f"{pad}.afwijken", set(JAAR_AFWIJKEN))):
        for k in JAAR_AFWIJKEN:
            if (mot := lz.tekst(af, k, f"{pad}.afwijken")) is not None:
                if mot.strip():
                    jaar.afwijken[k] = mot.strip()
                else:
                    lz.fout(f"{pad}.afwijken.{k}", "is leeg: de hardheidsclausule vraagt een motivering")
    return jaar


def lees_casus(data: dict | str | bytes, ondersteunde_jaren: list[int] | None = None,
               profielen: list[str] | None = None, *, concept: bool = False) -> Casus:
    """Leest avdesk-casus/1 (dict of JSON-tekst). Gooit CasusFout met alle fouten tegelijk.

    concept=True: een casus die nog wordt ingevuld (wizard, opslag); ontbrekende velden zijn dan geen fout,
    verkeerde waarden wel. Rekenen kan pas met een casus die ook zonder concept=True leesbaar is."""
    from .params import beleidsprofielen, ondersteunde_jaren as _jaren
    ondersteund = ondersteunde_jaren or _jaren()
    boom: object = data
    if isinstance(data, (str, bytes)):
        from .invoergrenzen import lees_json
        boom = lees_json(data)          # grootte, diepte, getallen, tekstlengtes, dubbele sleutels: eerst
    lz = _Lezer(concept)
    d = lz.object(boom, "casus", sleutels(CASUS))
    if d is None:
        raise CasusFout(["Het bestand moet een JSON-object zijn met de velden formaat, aanvrager, partner en jaren."])
    formaat = d.get("formaat")
    if formaat != FORMAAT:
        lz.fout("formaat", f"moet \"{FORMAAT}\" zijn" + ("" if formaat is None else f", niet {formaat!r}"))
    aanvraagdatum = lz.velden(d, "casus", CASUS)["aanvraagdatum"]
    profiel = lz.tekst(d, "beleidsprofiel", "casus") or "handreiking-2024"
    if profiel not in (profielen or beleidsprofielen()):
        lz.fout("beleidsprofiel", f"onbekend profiel {profiel!r}; kies uit {', '.join(profielen or beleidsprofielen())}")
    aanvrager = partner = None
    if d.get("aanvrager") is None:
        lz.fout("aanvrager", "ontbreekt (verplicht)")
    else:
        aanvrager = _persoon(lz, d["aanvrager"], "aanvrager")
    if d.get("partner") is None:
        lz.fout("partner", "ontbreekt: een alleenverdieners-huishouden is een paar, vul de partner in")
    else:
        partner = _persoon(lz, d["partner"], "partner")
    jaren: list[Jaar] = []
    ruwe_jaren = lz.lijst(d, "jaren", "casus", verplicht=True)
    if "jaren" in d and isinstance(d["jaren"], list) and not d["jaren"]:
        lz.fout("jaren", "is leeg: geef minstens een toeslagjaar")
    for i, jd in enumerate(ruwe_jaren):
        j = _jaar(lz, jd, f"jaren[{i}]", ondersteund)
        if j:
            if any(x.jaar == j.jaar for x in jaren):
                lz.fout(f"jaren[{i}].jaar", f"{j.jaar} komt twee keer voor")
            jaren.append(j)
    raadsman = Raadsman()
    if d.get("raadsman") is not None and (r := lz.object(d["raadsman"], "raadsman", sleutels(RAADSMAN))) is not None:
        raadsman = Raadsman(**lz.velden(r, "raadsman", RAADSMAN))
    aanvraag = _aanvraag(lz, d.get("aanvraag"), {j.jaar for j in jaren})
    toeslagpartners = bool(lz.ja_nee(d, "toeslagpartners", "casus", standaard=True))
    if not concept:
        # Geen tekens voor de tekstrichting en niets wat de lettertypen van de PDF's missen (issue 20, punt 7). Een
        # concept (opslag, wizard) opent altijd; de wizard controleert bij het typen en weer bij het afronden.
        from .tekens import controleer_boom
        controleer_boom(d, "", lz.fouten)
    if lz.fouten:
        raise CasusFout(lz.fouten)
    if concept:
        aanvrager = aanvrager or Persoon(None, _in_concept(None))
        partner = partner or Persoon(None, _in_concept(None))
    assert aanvrager is not None and partner is not None        # zonder fouten zijn beide gelezen
    return Casus(aanvrager, partner, jaren, aanvraagdatum, profiel, toeslagpartners, raadsman, aanvraag,
                 lz.waarschuwingen)


def _aanvraag(lz: _Lezer, d, jaren: set[int]) -> Aanvraaggegevens:
    if d is None or (d := lz.object(d, "aanvraag", sleutels(AANVRAAG))) is None:
        return Aanvraaggegevens()
    g = lz.velden(d, "aanvraag", AANVRAAG)
    route = g["route"]
    if route not in ROUTES:
        lz.fout("aanvraag.route", f"moet een van {', '.join(r for r in ROUTES if r)} zijn, niet {route!r}")
    bewijs, nvt = _bewijslijst(lz, d, "bewijs", jaren), _bewijslijst(lz, d, "bewijs_nvt", jaren)
    for jaar in set(bewijs) & set(nvt):
        if dubbel := set(bewijs[jaar]) & set(nvt[jaar]):
            lz.fout(f"aanvraag.bewijs_nvt.{jaar}", f"{sorted(dubbel)[0]!r} staat ook bij de bijgevoegde stukken")
    return Aanvraaggegevens(**g, bewijs=bewijs, bewijs_nvt=nvt)


def _bewijslijst(lz: _Lezer, d: dict, sleutel: str, jaren: set[int]) -> dict[int, list[str]]:
    """aanvraag.bewijs / aanvraag.bewijs_nvt: per jaar een lijst met namen uit resources/bewijsstukken.toml."""
    from .params import bewijsstukken
    bekend = {b["id"] for b in bewijsstukken()}
    uit: dict[int, list[str]] = {}
    ruw = d.get(sleutel) or {}
    if not isinstance(ruw, dict):
        lz.fout(f"aanvraag.{sleutel}", "moet een object zijn met per jaar een lijst bewijsstukken")
        return uit
    for jaar, stukken in ruw.items():
        p = f"aanvraag.{sleutel}.{jaar}"
        if not (re.fullmatch(r"[0-9]{4}", jaar) and int(jaar) in jaren):
            lz.fout(p, f"{jaar} is geen jaar van deze casus")
        elif not isinstance(stukken, list) or not all(isinstance(x, str) for x in stukken):
            lz.fout(p, "moet een lijst met namen van bewijsstukken zijn")
        elif onbekend := [x for x in stukken if x not in bekend]:
            lz.fout(p, f"onbekend bewijsstuk {onbekend[0]!r}; bekend zijn: {', '.join(sorted(bekend))}")
        else:
            uit[int(jaar)] = list(stukken)
    return uit
