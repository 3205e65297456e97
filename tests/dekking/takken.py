"""De regeltakken van de rekenkern (REKENMODEL §2-9, PARAMETERS §3-4, avdesk/core), elk met een predicaat op wat de
kern over een scenario teruggeeft: de Berekening met zijn rekenspoor (avdesk/core/spoor.py: de stappen van elke
toeslag, gelezen op hun vaste sleutel uit avdesk/core/spoorsleutels.py, nooit op de zin voor mensen), de JSON
(avdesk-berekening/1) en de casus. De lijst is afgeleid van de code en de spec, niet van de scenario's: een tak die
geen scenario bereikt, laat test_dekking.py falen.

Niet als tak opgenomen, omdat kern en spec er geen regel voor hebben: een lagere bijstandsnorm voor partners van
18-20 jaar (PARAMETERS §4 kent alleen de norm gehuwden 21-AOW; REKENMODEL §3 ook). Zie GATEN."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from collections.abc import Callable, Iterator

GATEN = [
    "bijstand jongerennorm 18-20 jaar: de kern rekent elk paar met de norm gehuwden 21-AOW (PARAMETERS §4, "
    "REKENMODEL §3); er is geen tak om te bereiken",
]


@dataclass(frozen=True)
class Ctx:
    naam: str
    casus: object       # avdesk.core.casus.Casus
    b: object           # avdesk.core.berekening.Berekening
    json: dict          # avdesk-berekening/1


@dataclass(frozen=True)
class Tak:
    id: str
    groep: str
    omschrijving: str
    bron: str
    predicaat: Callable[[Ctx], bool]


# ------------------------------------------------------------------ hulp

def perioden(c: Ctx) -> Iterator[tuple[object, object]]:
    for jb in c.b.jaren:
        for pb in jb.perioden:
            yield jb, pb


def ht_sporen(c: Ctx) -> Iterator[tuple[object, object, dict]]:
    """Per huurtoeslaguitkomst (referentie en berekend) de stappen op hun vaste sleutel (core/spoorsleutels.py)."""
    for _jb, pb in perioden(c):
        for sleutel, u in pb.uitkomsten.items():
            if sleutel.endswith("huurtoeslag") and u.spoor:
                yield pb, u, {s.sleutel: s for s in u.spoor}


def _stap(stappen: dict, sleutel: str):
    return stappen.get(sleutel)


def _invoer(stap, naam: str):
    return dict(stap.invoer).get(naam)


def _param(stap, eind: str):
    return next((p for p in stap.parameters if p.naam.endswith(eind)), None)


def _ht(c: Ctx, f: Callable[[object, object, dict], bool]) -> bool:
    return any(f(pb, u, st) for pb, u, st in ht_sporen(c))


def _kkg(st: dict, boven: bool) -> bool:
    a, bh = _stap(st, "huurtoeslag.deel_a"), _stap(st, "huurtoeslag.basishuur")
    if a is None or bh is None:
        return False
    kkg = _param(a, "kwaliteitskortingsgrens").waarde
    return bh.bedrag > kkg if boven else bh.bedrag < kkg


def _aftopping(st: dict, soort: str, boven: bool) -> bool:
    b, r = _stap(st, "huurtoeslag.deel_b"), _stap(st, "huurtoeslag.rekenhuur")
    if b is None or r is None:
        return False
    grens = _param(b, "aftoppingsgrens_" + soort)
    return grens is not None and ((r.bedrag > grens.waarde) if boven else (r.bedrag <= grens.waarde))


def _deel_c(st: dict, toegepast: bool) -> bool:
    if toegepast:
        c = _stap(st, "huurtoeslag.deel_c")
        return c is not None and c.bedrag > 0
    c, b, r = _stap(st, "huurtoeslag.deel_c.niet"), _stap(st, "huurtoeslag.deel_b"), _stap(st, "huurtoeslag.rekenhuur")
    if c is None:
        return False
    grens = next(p for p in b.parameters if "aftoppingsgrens" in p.naam)
    return r.bedrag > grens.waarde


def _ouderen(c: Ctx, via: str) -> bool:
    from avdesk.core.toeslagen.huurtoeslag import aow_leeftijd_bereikt
    for jb, pb in perioden(c):
        p = jb.parameters
        for sleutel, u in pb.uitkomsten.items():
            if not sleutel.endswith("huurtoeslag") or not any(
                    s.sleutel.startswith("huurtoeslag.normhuur.") and _invoer(s, "huishoudtype") in ("EPO", "MPO")
                    for s in u.spoor):
                continue
            partner_aow = any(aow_leeftijd_bereikt(x.geboortedatum, pb.van, p) for x in (c.casus.aanvrager, c.casus.partner))
            if (via == "partner") == partner_aow:
                return True
    return False


def _kostendeler_te_jong(c: Ctx) -> bool:
    from avdesk.core.bijstand import is_kostendeler
    from avdesk.core.geld import geboren_uiterlijk
    for j in c.casus.jaren:
        jb = next(x for x in c.b.jaren if x.jaar == j.jaar)
        for per in j.perioden:
            for m in per.medebewoners:
                volwassen = m.geboortedatum <= geboren_uiterlijk(per.van, 18)
                if volwassen and m.kostendeler is None and not is_kostendeler(m, per.van, jb.parameters):
                    return True
    return False


def _toets(c: Ctx, waarde: str, profiel: str | None = None, begrensd: bool | None = None,
           wtrapjaar: bool | None = None) -> bool:
    if profiel and c.b.profiel.id != profiel:
        return False
    return any(pb.toets == waarde and (begrensd is None or pb.begrensd == begrensd)
               and (wtrapjaar is None or (jb.wtrap is not None) == wtrapjaar) for jb, pb in perioden(c))


def _stap11(c: Ctx, f: Callable[[object], bool]) -> bool:
    return any(jb.stap11 is not None and f(jb.stap11) for jb in c.b.jaren)


def _tv(c: Ctx, deel: str) -> bool:
    for j in c.casus.jaren:
        tv = j.terugvordering
        if tv is None:
            continue
        soort = tv.deel_alleenverdieners if tv.deel_alleenverdieners in ("geheel", "geen") else "deels"
        if soort == deel:
            return True
    return False


WTRAP_VOORWAARDEN = ("fiscale_partners", "toeslagpartners", "uitkering_geen_participatiewet", "woonachtig_in_gemeente",
                     "geen_heffingskorting", "aow_leeftijd", "vermogen", "lagere_toeslagen", "inkomenstoets")
# Wat noodzakelijk meefaalt: boven de vermogensgrens van de zorgtoeslag (die hoger is dan die van de huurtoeslag) is
# er in beide situaties geen toeslag, dus ook geen lagere toeslagen (REKENMODEL §2 en §8).
GEVOLGEN = {"vermogen": {"lagere_toeslagen"}}


def wtrap_uitslag(w) -> dict[str, str]:
    """Per voorwaarde van REKENMODEL §8 de uitslag: voldaan / niet / open / afgeweken (volgorde van core/wtrap.py)."""
    redenen = [r for r in w.redenen if not r.startswith("Let op")]
    assert len(redenen) == len(WTRAP_VOORWAARDEN), redenen
    soort = {"Voldoet": "voldaan", "Voldoet niet": "niet", "Nog niet vast te stellen": "open",
             "Afgeweken (hardheidsclausule)": "afgeweken"}
    return {k: soort[r.split(":")[0]] for k, r in zip(WTRAP_VOORWAARDEN, redenen)}


def _wtrap_alleen_niet(c: Ctx, voorwaarde: str) -> bool:
    for jb in c.b.jaren:
        if jb.wtrap is None or jb.wtrap.voldoet is not False:
            continue
        niet = {k for k, v in wtrap_uitslag(jb.wtrap).items() if v == "niet"}
        if voorwaarde in niet and niet <= {voorwaarde} | GEVOLGEN.get(voorwaarde, set()):
            return True
    return False


def _wtrap(c: Ctx, f: Callable[[object], bool]) -> bool:
    return any(jb.wtrap is not None and f(jb.wtrap) for jb in c.b.jaren)


def signalen(c: Ctx) -> Iterator[object]:
    for jb in c.b.jaren:
        yield from jb.signalen
        for pb in jb.perioden:
            yield from pb.signalen


def _sig(code: str, blokkerend: bool | None = None) -> Callable[[Ctx], bool]:
    return lambda c: any(s.code == code and (blokkerend is None or s.blokkerend == blokkerend) for s in signalen(c))


def _juli(c: Ctx) -> bool:
    return any(per.van.month <= 6 < per.tot_en_met.month for j in c.casus.jaren for per in j.perioden)


def _huur_1_juli(c: Ctx) -> bool:
    for j in c.casus.jaren:
        for a, b in zip(j.perioden, j.perioden[1:]):
            if b.van == date(j.jaar, 7, 1) and a.huur and b.huur and a.huur.kale_huur != b.huur.kale_huur:
                return True
    return False


# ------------------------------------------------------------------ de takken

HT = "huurtoeslag (PARAMETERS §3, core/toeslagen/huurtoeslag.py)"
BIJ = "bijstand en kostendelers (REKENMODEL §3, core/bijstand.py)"
LFT = "leeftijden en perioden (REKENMODEL §1, core/perioden.py)"
TOETS = "bestaansminimum en profiel (REKENMODEL §4, §7, core/berekening.py)"
S11 = "terugvordering en stap 11 (REKENMODEL §5-6)"
WT = "Wtrap-voorwaarden (REKENMODEL §8, core/wtrap.py)"
SIG = "signalen (REKENMODEL §9, core/signalen.py)"

TAKKEN: list[Tak] = [
    Tak("ht.kkg.basishuur_onder", HT, "basishuur onder de kwaliteitskortingsgrens (deel A telt)", "Wht art. 21 lid 1 a",
        lambda c: _ht(c, lambda pb, u, st: _kkg(st, False))),
    Tak("ht.kkg.basishuur_boven", HT, "basishuur boven de kwaliteitskortingsgrens: deel B vanaf de basishuur",
        "Wht art. 21 lid 2; VOORBEELDEN K", lambda c: _ht(c, lambda pb, u, st: _kkg(st, True))),
    Tak("ht.aftopping.1_2.boven", HT, "1-2 personen, rekenhuur boven de aftoppingsgrens 1-2", "PARAMETERS §3",
        lambda c: _ht(c, lambda pb, u, st: _aftopping(st, "1_2", True))),
    Tak("ht.aftopping.1_2.onder", HT, "1-2 personen, rekenhuur op of onder de aftoppingsgrens 1-2", "PARAMETERS §3",
        lambda c: _ht(c, lambda pb, u, st: _aftopping(st, "1_2", False))),
    Tak("ht.aftopping.3plus.boven", HT, "3+ personen, rekenhuur boven de aftoppingsgrens 3+", "PARAMETERS §3",
        lambda c: _ht(c, lambda pb, u, st: _aftopping(st, "3plus", True))),
    Tak("ht.aftopping.3plus.onder", HT, "3+ personen, rekenhuur op of onder de aftoppingsgrens 3+", "PARAMETERS §3",
        lambda c: _ht(c, lambda pb, u, st: _aftopping(st, "3plus", False))),
    Tak("ht.deel_c.toegepast", HT, "40%-deel boven de aftoppingsgrens (AOW-gerechtigde, eenpersoons, 2025+)",
        "Wht art. 21 lid 1 c", lambda c: _ht(c, lambda pb, u, st: _deel_c(st, True))),
    Tak("ht.deel_c.uitgesloten", HT, "huur boven de aftoppingsgrens, geen 40%-deel (meerpersoons zonder AOW, t/m 2024)",
        "PARAMETERS §3; VOORBEELDEN H", lambda c: _ht(c, lambda pb, u, st: _deel_c(st, False))),
    Tak("ht.normhuur.minimum", HT, "inkomen niet boven het minimum-inkomensijkpunt: minimumnormhuur", "Wht art. 17-19",
        lambda c: _ht(c, lambda pb, u, st: "huurtoeslag.normhuur.minimum" in st)),
    Tak("ht.normhuur.formule", HT, "normhuur = a x Y² + b x Y", "Wht art. 19",
        lambda c: _ht(c, lambda pb, u, st: "huurtoeslag.normhuur.formule" in st)),
    Tak("ht.ouderen.partner", HT, "ouderentype (EPO/MPO) door een partner met de AOW-leeftijd", "PARAMETERS §3",
        lambda c: _ouderen(c, "partner")),
    Tak("ht.ouderen.medebewoner", HT, "ouderentype (MPO) door een medebewoner met de AOW-leeftijd",
        "PARAMETERS §3; VOORBEELDEN L1", lambda c: _ouderen(c, "medebewoner")),
    Tak("ht.vrijstelling_medebewoner", HT, "medebewoner jonger dan 23: inkomen telt boven de vrijstelling",
        "Awir art. 7 lid 6", lambda c: _ht(c, lambda pb, u, st: "huurtoeslag.vrijstelling_medebewoner" in st)),
    Tak("ht.jongerengrens", HT, "iedereen jonger dan 23, huur boven de jongerengrens: geen huurtoeslag",
        "Wht art. 13 lid 1", lambda c: _ht(c, lambda pb, u, st: "huurtoeslag.geen.jongerengrens" in st)),
    Tak("ht.maximale_huurgrens", HT, "rekenhuur boven de maximale huurgrens: geen huurtoeslag", "Wht art. 13 lid 3",
        lambda c: _ht(c, lambda pb, u, st: "huurtoeslag.geen.maximale_huurgrens" in st)),
    Tak("ht.basishuur_boven_huur", HT, "basishuur boven de rekenhuur: nul", "VOORBEELDEN L4",
        lambda c: _ht(c, lambda pb, u, st: u.per_maand == 0 and any("basishuur ligt boven" in r for r in u.redenen))),
    Tak("ht.vermogen", HT, "vermogen boven de grens van de huurtoeslag", "Awir art. 7 lid 3",
        lambda c: _ht(c, lambda pb, u, st: "huurtoeslag.geen.vermogen" in st)),
    Tak("ht.2026.afbouw", HT, "2026: inkomen boven het ijkpunt, lineaire afbouw", "PARAMETERS §3 (2026)",
        lambda c: _ht(c, lambda pb, u, st: "huurtoeslag.afbouw" in st and st["huurtoeslag.afbouw"].bedrag > 0)),
    Tak("ht.2026.geen_afbouw", HT, "2026: inkomen op of onder het ijkpunt, geen afbouw", "PARAMETERS §3 (2026)",
        lambda c: _ht(c, lambda pb, u, st: "huurtoeslag.afbouw" in st and st["huurtoeslag.afbouw"].bedrag == 0)),
    Tak("zt.vermogen", "zorgtoeslag (PARAMETERS §2)", "vermogen boven de grens van de zorgtoeslag", "Wzt art. 3",
        lambda c: any(any(s.sleutel == "zorgtoeslag.geen.vermogen" for s in u.spoor)
                      for _, pb in perioden(c) for u in pb.uitkomsten.values())),
] + [
    Tak(f"bijstand.kostendelers.A{a}", BIJ, f"A = {a}" + (" (geen kostendelers)" if a == 2 else
                                                         f": bruto bijstand en norm x {2 * (40 + 30 * a)}/{100 * a}"),
        "Participatiewet art. 22a; REKENMODEL §3", lambda c, a=a: any(pb.kostendelers == a - 2
                                                                           for _, pb in perioden(c)))
    for a in (2, 3, 4, 5)
] + [
    Tak("bijstand.kostendeler.te_jong", BIJ, "volwassen medebewoner onder de kostendelersleeftijd (27; 2022: 21) telt "
        "niet als kostendeler", "Participatiewet art. 19a, 22a", _kostendeler_te_jong),
    Tak("bijstand.norm.H1", BIJ, "netto norm van 1 januari", "PARAMETERS §4", lambda c: any(pb.van.month <= 6 for _, pb in perioden(c))),
    Tak("bijstand.norm.H2", BIJ, "netto norm van 1 juli", "PARAMETERS §4", lambda c: any(pb.van.month >= 7 for _, pb in perioden(c))),
    Tak("leeftijd.aow.partner", LFT, "een partner bereikt de AOW-leeftijd: niet in de doelgroep (S5) of Wtrap niet",
        "REKENMODEL §8-9", lambda c: any("AOW-leeftijd" in s.tekst and s.blokkerend for s in signalen(c))),
    Tak("leeftijd.splitsing", LFT, "periode gesplitst op een leeftijdsgrens die een bedrag verandert", "core/perioden.py",
        lambda c: any("wordt gesplitst op" in t for jb in c.b.jaren for t in jb.toelichting)),
    Tak("periode.1_juli", LFT, "ingevoerde periode over 1 juli heen: gesplitst (normen wijzigen)", "REKENMODEL §1", _juli),
    Tak("periode.huur_1_juli", LFT, "huur voor en na 1 juli (nieuwe periode op 1 juli)", "REKENMODEL §1", _huur_1_juli),
    Tak("toets.handreiking.vol", TOETS, "toets toegepast, laat het volle verschil", "REKENMODEL §4",
        lambda c: _toets(c, "toegepast", "handreiking-2024", begrensd=False)),
    Tak("toets.handreiking.begrensd", TOETS, "toets toegepast, verlaagt tot BM - HI (verdeeld over HT en ZT)",
        "REKENMODEL §4", lambda c: _toets(c, "toegepast", "handreiking-2024", begrensd=True)),
    Tak("toets.boven_bestaansminimum", TOETS, "huishoudinkomen op of boven het bestaansminimum: geen compensatie",
        "REKENMODEL §4", lambda c: _toets(c, "boven_bestaansminimum")),
    Tak("toets.aanvullende_bijstand", TOETS, "op bijstandsniveau (aanvullende bijstand, IOAW, IOAZ): geen toets",
        "REKENMODEL §4", lambda c: _toets(c, "aanvullende_bijstand")),
    Tak("toets.geen_netto_inkomen", TOETS, "geen netto-inkomen: niet getoetst (S3)", "REKENMODEL §4",
        lambda c: _toets(c, "geen_netto_inkomen")),
    Tak("toets.mvs.zonder_toets", TOETS, "MVS 2022-2024: het verschil zonder toets", "REKENMODEL §4; seed 003 art. 5",
        lambda c: _toets(c, "profiel_zonder_toets", "mvs-2025")),
    Tak("toets.mvs.wtrapjaar", TOETS, "MVS in een Wtrap-jaar: de toets geldt toch", "REKENMODEL §8 slot",
        lambda c: c.b.profiel.id == "mvs-2025" and _toets(c, "toegepast", wtrapjaar=True)),
    Tak("profiel.tekort_niet_vergoed", TOETS, "het profiel vergoedt het tekort van dit jaar niet", "REKENMODEL §7",
        lambda c: any("vergoedt geen tekort" in t for jb in c.b.jaren for t in jb.toelichting)),
    Tak("profiel.periodiek", TOETS, "eenmalig en periodiek vanaf de aanvraagmaand", "REKENMODEL §4 (stap 7)",
        lambda c: any(jb.periodiek for jb in c.b.jaren)),
    Tak("profiel.alleen_eenmalig", TOETS, "profiel keert een tekort alleen eenmalig uit (MVS art. 5 lid 2)", "seed 003",
        lambda c: c.b.profiel.uitbetaling == "eenmalig" and any(jb.tekort > 0 and jb.compensatie_jaar >= jb.tekort
                                                                 and jb.eenmalig == jb.compensatie_jaar for jb in c.b.jaren)),
    Tak("tv.geheel", S11, "terugvordering geheel door de alleenverdienersproblematiek", "REKENMODEL §5 (stap 10)",
        lambda c: _tv(c, "geheel")),
    Tak("tv.deels", S11, "terugvordering deels (bedrag met motivering)", "REKENMODEL §5 (stap 10)",
        lambda c: _tv(c, "deels")),
    Tak("tv.geen", S11, "terugvordering met een andere oorzaak: geen vergoeding", "REKENMODEL §5 (stap 9)",
        lambda c: _tv(c, "geen")),
    Tak("stap11.terugvordering_lager", S11, "terugvordering lager dan het laagste tekort: het deel daarboven erbij",
        "REKENMODEL §6", lambda c: _stap11(c, lambda s: s.extra > 0)),
    Tak("stap11.terugvordering_hoger", S11, "terugvordering op of boven het laagste tekort: alleen de terugvordering",
        "REKENMODEL §6", lambda c: _stap11(c, lambda s: s.extra == 0)),
    Tak("stap11.laagste_1", S11, "(1) het verschil in toeslagen is het laagste", "REKENMODEL §6",
        lambda c: _stap11(c, lambda s: s.tekort_bestaansminimum is not None and s.tekort_toeslagen <= s.tekort_bestaansminimum)),
    Tak("stap11.laagste_2", S11, "(2) bestaansminimum min huishoudinkomen is het laagste", "REKENMODEL §6",
        lambda c: _stap11(c, lambda s: s.tekort_bestaansminimum is not None and s.tekort_bestaansminimum < s.tekort_toeslagen)),
    Tak("stap11.zonder_2", S11, "(2) niet te berekenen (netto-inkomen ontbreekt): (1) telt", "REKENMODEL §6",
        lambda c: _stap11(c, lambda s: s.tekort_bestaansminimum is None)),
] + [
    Tak(f"wtrap.{v}.niet", WT, f"alleen '{v}' niet voldaan" + (f" (met wat daaruit volgt: {', '.join(GEVOLGEN[v])})"
                                                              if v in GEVOLGEN else ""),
        "REKENMODEL §8", lambda c, v=v: _wtrap_alleen_niet(c, v))
    for v in WTRAP_VOORWAARDEN
] + [
    Tak("wtrap.alle_voldaan", WT, "alle voorwaarden voldaan: vaste tegemoetkoming", "REKENMODEL §8",
        lambda c: _wtrap(c, lambda w: w.voldoet is True and set(wtrap_uitslag(w).values()) == {"voldaan"})),
    Tak("wtrap.open", WT, "een vraag nog open: nog niet vast te stellen", "REKENMODEL §8",
        lambda c: _wtrap(c, lambda w: w.voldoet is None)),
    Tak("wtrap.hardheidsclausule", WT, "een niet voldane voorwaarde met motivering opzij gezet", "Leiderdorp art. 5.1",
        lambda c: _wtrap(c, lambda w: w.voldoet is True and "afgeweken" in wtrap_uitslag(w).values())),
] + [
    Tak(f"sig.{code}", SIG, TITEL, "REKENMODEL §9; core/signalen.py", _sig(code))
    for code, TITEL in (("S1", "MijnToeslagen wijkt af"), ("S2", "bezwaartermijn loopt"), ("S3", "bestaansminimum "
                        "niet getoetst"), ("S4", "netto-inkomen onder de norm"), ("S6", "Wtrap: tekort boven de vaste "
                        "tegemoetkoming"), ("S7", "kindgebonden budget 2024"), ("S8", "afgeleide parameter"),
                        ("S9", "toets verlaagde, geen inkomen per bron"), ("S10", "aanvraag na de peildatum"))
] + [
    Tak("sig.S5.blokkerend", SIG, "S5: niet in de doelgroep (blokkeert)", "REKENMODEL §9", _sig("S5", True)),
    Tak("sig.S5.open", SIG, "S5: nog na te gaan (blokkeert niet)", "REKENMODEL §9", _sig("S5", False)),
    Tak("sig.S11.blokkerend", SIG, "S11: aanvraag na de uiterste aanvraagdatum", "REKENMODEL §9", _sig("S11", True)),
    Tak("sig.S11.afgeweken", SIG, "S11: termijn met motivering opzij gezet", "REKENMODEL §9", _sig("S11", False)),
]
