"""Onafhankelijke narekening van toeslagen en referentie, los van avdesk: de formules en waarden van
/work/shared/spec/PARAMETERS.md (§2 zorgtoeslag, §3 huurtoeslag, §4 bijstand) overgetypt, niets uit avdesk/ of
resources/. Alleen de jaren met perioden in de scenario's: 2023, 2024 en 2026. Dient als bron "uitwerking met de parameters" voor scenario's zonder voorbeeld in de handreiking;
test_narekenen.py toetst dit script eerst aan de rekenvoorbeelden van de handreiking (VOORBEELDEN.md)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal as D, localcontext

# PARAMETERS.md §2 (zorgtoeslag)
ZT = {  # standaardpremie, drempelinkomen, p_drempel single, p_drempel partner, p_boven, vermogensgrens partners
    2023: (1889, 25070, "0.00123", "0.02378", "0.1364", 161329),
    2024: (1987, 26819, "0.01879", "0.04256", "0.1367", 177301),
    2026: (2119, 29736, "0.01912", "0.04289", "0.1373", 184633),
}
# PARAMETERS.md §1: zorgtoeslag 2025/2026 eerst het jaarbedrag op hele euro's
ZT_JAAR_AFRONDEN = {2025, 2026}

# PARAMETERS.md §3 (huurtoeslag 2023/2024, normhuurstelsel)
HT = {
    2023: dict(maxhuur="808.06", jong="452.20", kkg="452.20", aft12="647.19", aft3="693.60", tsb="0", verl="0",
               vrij=5432, vermogen=67496,
               ijk=dict(EP=19375, MP=25225, EPO=20500, MPO=27275),
               minnh=dict(EP="225.54", MP="225.54", EPO="223.72", MPO="221.91"),
               ab=dict(EP=("4.74433e-7", "0.002448638402"), MP=("2.79402e-7", "0.001893212113"),
                       EPO=("6.71404e-7", "-0.002850602044"), MPO=("4.30722e-7", "-0.003611907743"))),
    2024: dict(maxhuur="879.66", jong="454.47", kkg="454.47", aft12="650.43", aft3="697.07", tsb="0", verl="37.72",
               vrij=5970, vermogen=73904,
               ijk=dict(EP=20700, MP=26975, EPO=22025, MPO=29325),
               minnh=dict(EP="226.67", MP="226.67", EPO="224.85", MPO="223.04"),
               ab=dict(EP=("4.1337e-7", "0.002393492603"), MP=("2.4449e-7", "0.001807837711"),
                       EPO=("5.59775e-7", "-0.002120192534"), MPO=("3.63503e-7", "-0.003053924481"))),
}
# PARAMETERS.md §3, 2026 (vaste basishuur, lineaire afbouw)
HT2026 = dict(maxhuur="932.93", jong21="498.20", kkg="498.20", aft12="713.02", aft3="764.14",
              basishuur=dict(EP="202.52", MP="200.71"), ijk=dict(EP=23425, MP=31500), pct=dict(EP="0.27", MP="0.22"),
              vrij=6218, vermogen=76958)
# AOW-leeftijd (jaren, maanden), PARAMETERS.md §3 slot
AOW = {2023: (66, 10), 2024: (67, 0), 2026: (67, 0)}
# PARAMETERS.md §4: netto norm gehuwden H1/H2, bruto bijstand per partner, kostendelersleeftijd
NORM = {2023: ("1708.08", "1738.02"), 2024: ("1834.04", "1869.21"), 2026: ("2002.13", "2027.79")}
BRUTO = {2023: 11381, 2024: 12124, 2026: 13848}
KOSTENDELER_LEEFTIJD = {2023: 27, 2024: 27, 2026: 27}


def afkappen(x: D) -> int:
    return int(x.to_integral_value(rounding=ROUND_DOWN))


def hele_euros(x: D) -> D:
    return x.quantize(D(1), rounding=ROUND_HALF_UP)


def cent(x: D) -> D:
    return x.quantize(D("0.01"), rounding=ROUND_HALF_UP)


def leeftijd_bereikt(geboren: date, op: date, jaren: int, maanden: int = 0) -> bool:
    """Heeft wie op `geboren` is geboren op `op` de leeftijd van `jaren` jaar en `maanden` maanden?"""
    y, m = divmod(geboren.year * 12 + geboren.month - 1 + jaren * 12 + maanden, 12)
    laatste = (date(y + (m == 11), (m + 1) % 12 + 1, 1) - date(y, m + 1, 1)).days
    return date(y, m + 1, min(geboren.day, laatste)) <= op


def zorgtoeslag(jaar: int, y: int | D, partner: bool = True, vermogen: D | None = None, spoor: list | None = None) -> int:
    spoor = [] if spoor is None else spoor
    sp, drempel, pds, pdp, pb, vgrens = ZT[jaar]
    if vermogen is not None and vermogen > vgrens:
        spoor.append(f"zorgtoeslag: vermogen {vermogen} > {vgrens}: 0")
        return 0
    with localcontext() as ctx:
        ctx.prec = 40
        y = D(y)
        normpremie = D(pdp if partner else pds) * drempel + D(pb) * max(D(0), y - drempel)
        per_jaar = max(D(0), D(sp) * (2 if partner else 1) - normpremie)
        if hele_euros(per_jaar) < 24:
            return 0
        if jaar in ZT_JAAR_AFRONDEN:
            per_jaar = hele_euros(per_jaar)
        spoor.append(f"zorgtoeslag: Y {y}, normpremie {cent(normpremie)}, per jaar {cent(per_jaar)}, "
                     f"per maand {cent(per_jaar / 12)} -> {afkappen(per_jaar / 12)}")
        return afkappen(per_jaar / 12)


def huurtoeslag(jaar: int, y: int | D, personen: int, huur: D | str, aow: bool = False, iedereen_jong: bool = False,
                kind_in_huis: bool = False, vermogen: D | None = None, spoor: list | None = None) -> int:
    """Wht per maand, afgekapt (PARAMETERS §1, §3); `spoor` krijgt de tussenstappen in woorden."""
    spoor = [] if spoor is None else spoor
    huur = D(str(huur))
    with localcontext() as ctx:
        ctx.prec = 40
        y = D(y)
        if jaar == 2026:
            p = HT2026
            t = "EP" if personen == 1 else "MP"
            r = min(huur, D(p["maxhuur"]))
            if iedereen_jong:
                r = min(r, D(p["jong21"]))
            bh = D(p["basishuur"][t])
            kkg, aft = D(p["kkg"]), D(p["aft12"] if personen <= 2 else p["aft3"])
            deel_c = True
        else:
            p = HT[jaar]
            if huur > D(p["maxhuur"]):
                spoor.append(f"huur {huur} > maximale huurgrens {p['maxhuur']}: 0")
                return 0
            if iedereen_jong and not kind_in_huis and huur > D(p["jong"]):
                spoor.append(f"iedereen jonger dan 23, huur {huur} > jongerengrens {p['jong']}: 0")
                return 0
            t = ("EP" if personen == 1 else "MP") + ("O" if aow else "")
            r = huur
            if y <= p["ijk"][t]:
                normhuur = D(p["minnh"][t])
            else:
                a, b = p["ab"][t]
                normhuur = D(a) * y * y + D(b) * y
            bh = cent(normhuur + D(p["tsb"]) - D(p["verl"]))
            kkg, aft = D(p["kkg"]), D(p["aft12"] if personen <= 2 else p["aft3"])
            deel_c = personen == 1 or aow
        A = max(D(0), min(r, kkg) - bh)
        B = D("0.65") * max(D(0), min(r, aft) - max(kkg, bh))
        C = D("0.40") * max(D(0), r - max(aft, bh)) if deel_c else D(0)
        totaal = A + B + C
        spoor.append(f"Y {y}, {t}, {personen} personen, rekenhuur {r}, basishuur {bh}; A = {cent(A)}, "
                     f"B = 65% x (min(huur, {aft}) - max({kkg}, basishuur)) = {cent(B)}, C = {cent(C)}"
                     + ("" if deel_c else " (geen deel C: meerpersoons zonder AOW)"))
        if jaar == 2026:
            afbouw = max(D(0), y - p["ijk"][t]) * D(p["pct"][t]) / 12
            spoor.append(f"afbouw ({y} - {p['ijk'][t]}) x {p['pct'][t]} / 12 = {cent(afbouw)}")
            totaal = max(D(0), totaal - afbouw)
        grens = p["vermogen"]
        if vermogen is not None and vermogen > grens:
            spoor.append(f"vermogen {vermogen} > {grens}: 0")
            return 0
        if totaal > 0 and hele_euros(totaal * 12) < 24:
            spoor.append("jaarbedrag onder 24: 0")
            return 0
        spoor.append(f"huurtoeslag {cent(totaal)} -> {afkappen(totaal)}")
        return afkappen(totaal)


def bruto_bijstand(jaar: int, kostendelers: int) -> int:
    """REKENMODEL §3: 2 x (40 + 30A) / (100A), half omhoog op hele euro's."""
    if not kostendelers:
        return BRUTO[jaar]
    a = 2 + kostendelers
    return int(hele_euros(D(BRUTO[jaar]) * 2 * (40 + 30 * a) / (100 * a)))


def netto_norm(jaar: int, maand: int, kostendelers: int) -> D:
    n = D(NORM[jaar][0 if maand <= 6 else 1])
    if not kostendelers:
        return n
    a = 2 + kostendelers
    return cent(n * 2 * (40 + 30 * a) / (100 * a))


def _d(s: str) -> date:
    return date.fromisoformat(s if len(s) == 10 else s + "-01")


def toeslagen_maand(casus: dict, jaar: dict, per: dict, maand: date) -> dict:
    """R en B (berekend) voor een maand, uit de casus-JSON zelf gelezen (niet met de lezer van avdesk)."""
    j = maand.year
    a, p = _d(casus["aanvrager"]["geboortedatum"]), _d(casus["partner"]["geboortedatum"])
    mede = [(_d(m["geboortedatum"]), D(str(m.get("toetsingsinkomen", 0))), bool(m.get("kind", False)),
             m.get("kostendeler")) for m in per.get("medebewoners", [])]
    personen = [a, p] + [m[0] for m in mede]
    jaren, mnd = AOW[j]
    aow = any(leeftijd_bereikt(g, maand, jaren, mnd) for g in personen) and j <= 2024
    vrij, vleeftijd = (HT2026["vrij"] if j == 2026 else HT[j]["vrij"]), 23
    mede_y = sum((max(D(0), y - vrij) if not leeftijd_bereikt(g, date(j, 1, 1), vleeftijd) else y)
                 for g, y, _, _ in mede)
    jong = 21 if j == 2026 else 23
    iedereen_jong = not any(leeftijd_bereikt(g, maand, jong) for g in personen)
    kind = any(k or not leeftijd_bereikt(g, maand, 18) for g, _, k, _ in mede)
    kd = sum(1 for g, _, _, k in mede if (k if k is not None else leeftijd_bereikt(g, maand, KOSTENDELER_LEEFTIJD[j])))
    bruto = bruto_bijstand(j, kd)
    huur = per.get("huur", {}).get("kale_huur")
    verm = D(str(jaar["vermogen"])) if jaar.get("vermogen") is not None else None
    ta, tp = D(str(per["toetsingsinkomen"]["aanvrager"])), D(str(per["toetsingsinkomen"]["partner"]))

    def beide(ya, yp, spoor):
        ht = 0 if huur is None else huurtoeslag(j, ya + yp + mede_y, len(personen), str(huur), aow, iedereen_jong,
                                                 kind, verm, spoor)
        return {"huurtoeslag": ht, "zorgtoeslag": zorgtoeslag(j, ya + yp, True, verm, spoor)}
    rs, bs = [], []
    return {"R": beide(D(bruto), D(bruto), rs), "B": beide(ta, tp, bs), "kostendelers": kd, "bruto": bruto,
            "norm": netto_norm(j, maand.month, kd), "spoor_R": rs, "spoor_B": bs}
