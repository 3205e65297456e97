"""Huurtoeslag voor een maand (Wet op de huurtoeslag art. 13, 16-21; Awir art. 7, 14).

2022-2025: normhuurformule met huishoudtypen (tot en met 2024 ook de ouderentypen EPO/MPO);
2026: vaste basishuur met lineaire afbouw (Wet vereenvoudiging huurtoeslag)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ..geld import NUL, afkappen, centen, euro, euros, geboren_uiterlijk
from ..params import Jaarparameters
from ..spoor import Stap, stap
from . import Situatie, Uitkomst, uitkomst

TWAALF = Decimal(12)
UITBETAALGRENS = Decimal(24)   # Awir art. 14 lid 5


def aow_leeftijd_bereikt(geboortedatum: date, op: date, p: Jaarparameters) -> bool:
    return geboortedatum <= geboren_uiterlijk(op, p["aow.leeftijd_jaren"].waarde, p["aow.leeftijd_maanden"].waarde)


def rekeninkomen(s: Situatie, p: Jaarparameters) -> tuple[Decimal, list[Stap]]:
    """Aanvrager + partner + medebewoners; een medebewoner jonger dan 23 op 1 januari telt alleen boven de vrijstelling."""
    vrijstelling = p["huurtoeslag.vrijstelling_medebewoner"]
    vleeftijd = p["huurtoeslag.vrijstelling_leeftijd"]
    # Jonger dan 23 op 1 januari: geboren na de laatste geboortedatum die dan 23 is.
    grens = geboren_uiterlijk(date(s.maand.year, 1, 1), vleeftijd.waarde)
    y = s.aanvrager.toetsingsinkomen + (s.partner.toetsingsinkomen if s.partner else NUL)
    stappen = []
    for i, m in enumerate(s.medebewoners, 1):
        if m.geboortedatum > grens:
            telt = max(NUL, m.toetsingsinkomen - vrijstelling.waarde)
            if m.toetsingsinkomen:
                stappen.append(stap("huurtoeslag.vrijstelling_medebewoner", f"Medebewoner {i} (jonger dan {vleeftijd.waarde} op 1 januari): telt mee boven de vrijstelling",
                                    telt, "Awir art. 7 lid 6", (vrijstelling, vleeftijd),
                                    (("medebewoner", i), ("toetsingsinkomen", m.toetsingsinkomen))))
        else:
            telt = m.toetsingsinkomen
        y += telt
    stappen.insert(0, stap("huurtoeslag.rekeninkomen", "Rekeninkomen: aanvrager, toeslagpartner en medebewoners samen", y, "Wht art. 2; Awir art. 7-8",
                           (), (("aanvrager", s.aanvrager.toetsingsinkomen),
                                ("toeslagpartner", s.partner.toetsingsinkomen if s.partner else NUL))))
    return y, stappen


def _nul(reden: str, spoor: list[Stap], laatste: Stap) -> Uitkomst:
    spoor.append(laatste)
    return uitkomst("huurtoeslag", NUL, NUL, (reden,), tuple(spoor))


def huurtoeslag(s: Situatie, p: Jaarparameters) -> Uitkomst:
    if s.kale_huur is None:
        return uitkomst("huurtoeslag", NUL, NUL, ("Geen huur opgegeven: geen huurtoeslag.",), ())
    personen = s.personen
    n = len(personen)
    y, spoor = rekeninkomen(s, p)
    aow_grens = geboren_uiterlijk(s.maand, p["aow.leeftijd_jaren"].waarde, p["aow.leeftijd_maanden"].waarde)
    ouderentypen = "huurtoeslag.EPO.factor_a" in p
    kkg, pa, pb, pc = (p["huurtoeslag.kwaliteitskortingsgrens"], p["huurtoeslag.pct_A"],
                       p["huurtoeslag.pct_B"], p["huurtoeslag.pct_C"])
    aft = p["huurtoeslag.aftoppingsgrens_1_2" if n <= 2 else "huurtoeslag.aftoppingsgrens_3plus"]
    maxhuur, jgrens, jleeftijd = (p["huurtoeslag.maximale_huurgrens"], p["huurtoeslag.jongeren_huurgrens"],
                                  p["huurtoeslag.jongeren_leeftijd"])
    jong_grens = geboren_uiterlijk(s.maand, jleeftijd.waarde)
    aow, iedereen_jong = False, True          # een lus, geen any() en all() met generatoren: dit loopt per periode
    for b in personen:
        if b.geboortedatum <= aow_grens:
            aow = True
        if b.geboortedatum <= jong_grens:
            iedereen_jong = False
    htype = ("EP" if n == 1 else "MP") + ("O" if aow and ouderentypen else "")
    normhuurstelsel = p.waarde("huurtoeslag.stelsel") == "normhuur"

    # Rekenhuur
    if normhuurstelsel:
        r = s.kale_huur
        if p.waarde("huurtoeslag.servicekosten_tellen") and any(s.servicekosten):
            mx = p["huurtoeslag.servicekosten_max_per_categorie"]
            sk = sum((min(mx.waarde, k) for k in s.servicekosten), NUL)
            r += sk
            spoor.append(stap("huurtoeslag.servicekosten", "Subsidiabele servicekosten (per categorie ten hoogste het maximum)", sk,
                              "Wht art. 7; Besluit op de huurtoeslag", (mx,)))
        spoor.append(stap("huurtoeslag.rekenhuur", "Rekenhuur = kale huur + subsidiabele servicekosten", r, "Wht art. 5-7",
                          (), (("kale huur", s.kale_huur),)))
        if r > maxhuur.waarde:
            return _nul(f"Rekenhuur {euro(r)} ligt boven de maximale huurgrens {euro(maxhuur.waarde)}.", spoor,
                        stap("huurtoeslag.geen.maximale_huurgrens", "Geen huurtoeslag: rekenhuur boven de maximale huurgrens", NUL, "Wht art. 13 lid 3", (maxhuur,)))
        achttien = geboren_uiterlijk(s.maand, 18)
        kind_in_huis = False
        for m in s.medebewoners:
            if m.kind or m.geboortedatum > achttien:
                kind_in_huis = True
                break
        if iedereen_jong and not kind_in_huis and not s.aangepaste_woning and r > jgrens.waarde:
            return _nul(f"Iedereen is jonger dan {jleeftijd.waarde} en de rekenhuur {euro(r)} ligt boven de jongerengrens "
                        f"{euro(jgrens.waarde)}.", spoor,
                        stap("huurtoeslag.geen.jongerengrens", "Geen huurtoeslag: jongerengrens", NUL, "Wht art. 13 lid 1", (jgrens, jleeftijd)))
        hp = f"huurtoeslag.{htype}."
        ijk, fa, fb, minnh = (p[hp + "minimum_inkomensijkpunt"], p[hp + "factor_a"], p[hp + "factor_b"],
                              p[hp + "minimum_normhuur"])
        if y <= ijk.waarde:
            normhuur = minnh.waarde
            spoor.append(stap("huurtoeslag.normhuur.minimum", f"Normhuur {htype}: inkomen niet boven het minimum-inkomensijkpunt, dus minimumnormhuur",
                              normhuur, "Wht art. 17-19", (ijk, minnh),
                              (("huishoudtype", htype), ("rekeninkomen", y))))
        else:
            normhuur = fa.waarde * y * y + fb.waarde * y
            spoor.append(stap("huurtoeslag.normhuur.formule", f"Normhuur {htype} = a x inkomen² + b x inkomen", normhuur,
                              "Wht art. 19", (ijk, fa, fb), (("huishoudtype", htype), ("rekeninkomen", y))))
        tsb, verl = p["huurtoeslag.taakstellingsbedrag"], p["huurtoeslag.verlaging_basishuur"]
        basishuur = centen(normhuur + tsb.waarde - verl.waarde)
        spoor.append(stap("huurtoeslag.basishuur", "Basishuur = normhuur + taakstellingsbedrag - verlaging", basishuur,
                          "Wht art. 16; Wet verlaging eigen bijdrage huurtoeslag", (tsb, verl),
                          (("normhuur", normhuur),)))
        c_alle = p["huurtoeslag.deel_c_alle_huishoudens"]
        deel_c = bool(c_alle.waarde) or n == 1 or aow or s.aangepaste_woning
        c_param: tuple = (c_alle,)
    else:
        r = min(s.kale_huur, maxhuur.waarde)
        if iedereen_jong:
            r = min(r, jgrens.waarde)
        spoor.append(stap("huurtoeslag.rekenhuur", "Rekenhuur = kale huur, begrensd op de maximale huurgrens"
                          + (f" en (iedereen jonger dan {jleeftijd.waarde}) op de jongerengrens" if iedereen_jong else ""),
                          r, "Wht art. 21 lid 1 onder d (2026)", (maxhuur,) + ((jgrens, jleeftijd) if iedereen_jong else ()),
                          (("kale huur", s.kale_huur),)))
        bh = p[f"huurtoeslag.{htype}.basishuur"]
        basishuur = bh.waarde
        spoor.append(stap("huurtoeslag.basishuur", f"Basishuur {htype} (vast bedrag)", basishuur, "Wht art. 16 (2026)", (bh,),
                          (("huishoudtype", htype),)))
        deel_c, c_param = True, ()

    a = pa.waarde * max(NUL, min(r, kkg.waarde) - basishuur)
    # Wht art. 21 lid 2: ligt de basishuur boven de kwaliteitskortingsgrens, dan telt het 65%-deel vanaf de basishuur.
    b = pb.waarde * max(NUL, min(r, aft.waarde) - max(kkg.waarde, basishuur))
    c = pc.waarde * max(NUL, r - max(aft.waarde, basishuur)) if deel_c else NUL
    spoor += [
        stap("huurtoeslag.deel_a", "Deel A: 100% van de huur tot de kwaliteitskortingsgrens boven de basishuur", a, "Wht art. 21 lid 1 a", (pa, kkg),
             (("rekenhuur", r), ("basishuur", basishuur))),
        stap("huurtoeslag.deel_b", "Deel B: 65% van de huur tussen kwaliteitskortingsgrens (of basishuur) en aftoppingsgrens", b,
             "Wht art. 21 lid 1 b en lid 2", (pb, aft, kkg), (("rekenhuur", r), ("basishuur", basishuur))),
        stap("huurtoeslag.deel_c", "Deel C: 40% van de huur boven de aftoppingsgrens", c, "Wht art. 21 lid 1 c",
             (pc, aft) + c_param, (("rekenhuur", r), ("basishuur", basishuur))) if deel_c else
        stap("huurtoeslag.deel_c.niet", "Deel C: niet van toepassing (meerpersoonshuishouden zonder AOW-gerechtigde, "
             "geen aangepaste woning)", c, "Wht art. 21 lid 1 c", (pc,) + c_param,
             (("personen", n), ("AOW-gerechtigde", aow), ("aangepaste woning", s.aangepaste_woning))),
    ]
    totaal = a + b + c
    if not normhuurstelsel:
        ijk, pct = p[f"huurtoeslag.{htype}.inkomensijkpunt"], p[f"huurtoeslag.{htype}.afbouwpercentage"]
        afbouw = max(NUL, y - ijk.waarde) * pct.waarde / TWAALF
        totaal = max(NUL, totaal - afbouw)
        spoor.append(stap("huurtoeslag.afbouw", "Lineaire afbouw: afbouwpercentage x het inkomen boven het ijkpunt, per maand", afbouw,
                          "Wht art. 21 lid 2 (2026)", (ijk, pct, p["huurtoeslag.afbouw.methode"]),
                          (("rekeninkomen", y),)))
    vgrens = p["huurtoeslag.vermogensgrens_partners" if s.partner else "huurtoeslag.vermogensgrens_per_persoon"]
    if s.vermogen is not None and s.vermogen > vgrens.waarde:
        return _nul(f"Vermogen {euro(s.vermogen)} ligt boven de vermogensgrens {euro(vgrens.waarde)}.", spoor,
                    stap("huurtoeslag.geen.vermogen", "Geen huurtoeslag: vermogen boven de grens", NUL, "Awir art. 7 lid 3",
                         (vgrens,), (("vermogen", s.vermogen),)))
    if totaal > 0 and euros(totaal * TWAALF) < UITBETAALGRENS:
        return _nul("Jaarbedrag lager dan € 24: geen uitbetaling.", spoor,
                    stap("huurtoeslag.geen.onder_24", "Geen huurtoeslag: jaarbedrag onder € 24", NUL, "Awir art. 14 lid 4-5",
                         (), (("per maand onafgerond", totaal),)))
    per_maand = afkappen(totaal)
    spoor.append(stap("huurtoeslag.per_maand", "Huurtoeslag per maand = A + B + C, afgekapt op hele euro's", per_maand,
                      "Proefberekening Dienst Toeslagen", (), (("onafgerond", totaal),)))
    redenen = () if per_maand > 0 else ("De basishuur ligt boven de rekenhuur: geen huurtoeslag.",)
    return uitkomst("huurtoeslag", per_maand, totaal, redenen, tuple(spoor))
