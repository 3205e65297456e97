"""Schrijft de zusterbestanden NAAM.verwacht.toml uit een eigen narekening (narekenen.py, de formules van
PARAMETERS.md) en de regels van REKENMODEL §4-8, zonder avdesk: `python -m tests.dekking.uitwerking [NAAM ...]`.

De cijfers die de handreiking zelf geeft (VOORBEELDEN.md) staan hieronder overgetypt met hun voorbeeld; de narekening
moet ze reproduceren (anders stopt dit script). De signalen op jaarniveau (S2, S5-S8, S10, S11) staan per scenario
met hun reden in SPEC: dat is de handberekening. Wie een zusterbestand met de hand bijwerkt, draait dit niet meer."""

from __future__ import annotations

import json
import sys
from datetime import date
from decimal import Decimal as D
from pathlib import Path

from . import narekenen as n

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
# REKENMODEL §7 en de seeds 002/003 (overgetypt, niet uit resources/)
PROFIELEN = {"handreiking-2024": dict(tekort=(2023, 2024), tv=(2022, 2023), toets=True, periodiek=True, uiterlijk=None),
             "mvs-2025": dict(tekort=(2024,), tv=(2022, 2023), toets=False, periodiek=False, uiterlijk=date(2025, 12, 31))}
WTRAP = {2025: D(1000), 2026: D(1100)}      # PARAMETERS.md §5
BIJSTANDSNIVEAU = {"aanvullende_bijstand", "ioaw", "ioaz"}

# VOORBEELDEN.md: huurtoeslag, zorgtoeslag per maand, en wat erbij hoort.
VB = {
    "A1": (383, 265, "2023, paar + kind, 11.381 + 11.381, huur 720"),
    "A2": (306, 265, "2023, paar + kind, 11.381 + 11.381, huur 575,03"),
    "B1": (335, 230, "2023, 28.084 samen, huur 720"),
    "B2": (258, 230, "2023, 28.084 samen, huur 575,03"),
    "E": (399, 236, "2024, paar + 2 kinderen, 12.124 + 12.124, huur 660"),
    "F": (398, 233, "2024, paar + 2 kinderen, 27.000 + 0, huur 660"),
    "G": (299, 165, "2024, paar + 2 kinderen, 33.040 samen (met aanvullende bijstand), huur 660"),
    "H": (392, 236, "2024, paar zonder kinderen, 12.124 + 12.124, huur 660"),
    "I": (244, 135, "2024, paar zonder kinderen, 35.650 samen, huur 660"),
    "K1": (156, 236, "2024, paar + Martijn (3.600) + Ronald (22.000), 12.124 + 12.124, huur 660"),
    "K2": (180, 236, "2024, idem, huur 720"),
    "K3": (93, 222, "2024, idem, 20.000 + 8.000, huur 660"),
    "K4": (117, 222, "2024, idem, 20.000 + 8.000, huur 720"),
    "L1": (313, 236, "2024, paar + 2 kinderen + oma (AOW 12.810, kostendeler), 10.507 + 10.507, huur 660"),
    "L2": (171, 233, "2024, idem, 27.000 + 0, huur 660"),
    "L3": (86, 236, "2024, idem, oma verdient 22.810, 10.507 + 10.507, huur 660"),
    "L4": (0, 233, "2024, idem, oma verdient 22.810, 27.000 + 0, huur 660 (basishuur boven de huur)"),
}
FOUTEN = {
    "L2": "het document noemt zorgtoeslag 236; bij een gezamenlijk inkomen van 27.000 is het 233 (gelijk aan F): oma "
          "telt niet mee voor de zorgtoeslag, dus het zorgtoeslagverschil is 3 per maand, niet 0 (VOORBEELDEN.md, "
          "Known errors)",
    "K3": "het document drukt het zorgtoeslagverschil 236 - 222 af als 4; het is 14 (VOORBEELDEN.md, Known errors)",
    "K4": "het document drukt het zorgtoeslagverschil 236 - 222 af als 4; het is 14 (VOORBEELDEN.md, Known errors)",
}


def _m(s: str) -> date:
    return date.fromisoformat(s + "-01")


def _maanden(van: date, tem: date) -> list[date]:
    uit, m = [], van
    while m <= tem:
        uit.append(m)
        m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)
    return uit


def _fmt(x) -> str:
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, (int, D)):
        d = D(x)
        return str(int(d)) if d == d.to_integral_value() else f'"{d.quantize(D("0.01"))}"'
    if isinstance(x, list):
        return "[" + ", ".join(_fmt(v) for v in x) + "]"
    return json.dumps(x, ensure_ascii=False)


def _tabel(velden: dict, bron: str) -> str:
    return "{ " + ", ".join(f"{k} = {_fmt(v)}" for k, v in velden.items()) + f", bron = {_fmt(bron)} }}"


def reken(naam: str, spec: dict) -> str:
    casus = json.loads((SCENARIOS / f"{naam}.json").read_text(encoding="utf-8"))
    prof = PROFIELEN[casus.get("beleidsprofiel", "handreiking-2024")]
    aanvraag = date.fromisoformat(casus["aanvraagdatum"]) if casus.get("aanvraagdatum") else None
    bronnen: dict[str, dict] = {}
    bronnen.update(spec.get("bronnen", {}))
    totaal = D(0)
    jaarregels: list[str] = []
    for jaar in sorted(casus["jaren"], key=lambda j: j["jaar"]):
        jr = jaar["jaar"]
        perioden = []
        for pi, per in enumerate(jaar.get("perioden", [])):
            van, tem = _m(per["van"]), _m(per["tot_en_met"])
            halven = [(van, tem)] if not (van.month <= 6 < tem.month) else [(van, date(jr, 6, 1)), (date(jr, 7, 1), tem)]
            for a, b in halven:
                groep = None
                for m in _maanden(a, b):
                    t = n.toeslagen_maand(casus, jaar, per, m)
                    sleutel = (t["R"], t["B"], t["kostendelers"], t["norm"])
                    if groep and groep["sleutel"] == sleutel:
                        groep["tem"] = m
                    else:
                        groep = {"sleutel": sleutel, "van": m, "tem": m, "t": t, "per": per, "pi": pi}
                        perioden.append(groep)
        uit_p = []
        for g in perioden:
            t, per = g["t"], g["per"]
            maanden = len(_maanden(g["van"], g["tem"]))
            R, B = t["R"], t["B"]
            ontv = per.get("ontvangen", {})
            W = {k: D(str(ontv[k])) if k in ontv else D(B[k]) for k in B}
            G = {k: max(D(0), R[k] - W[k]) for k in R}
            gt = sum(G.values())
            nr = D(str(per["referentie_netto_inkomen_per_maand"])) if per.get("referentie_netto_inkomen_per_maand") \
                is not None else t["norm"]
            bm = nr + sum(R.values())
            ni = D(str(per["netto_inkomen_per_maand"])) if per.get("netto_inkomen_per_maand") is not None else None
            hi = None if ni is None else ni + sum(W.values())
            bijst = any(s["soort"] in BIJSTANDSNIVEAU for lst in per.get("inkomen", {}).values() for s in lst)
            toets_prof = prof["toets"] or jr >= 2025
            if bijst:
                toets, c = "aanvullende_bijstand", gt
            elif not toets_prof:
                toets, c = "profiel_zonder_toets", gt
            elif hi is None:
                toets, c = "geen_netto_inkomen", gt
            elif hi >= bm:
                toets, c = "boven_bestaansminimum", D(0)
            else:
                toets, c = "toegepast", min(gt, bm - hi)
            sig = []
            for k in ("huurtoeslag", "zorgtoeslag"):
                if k in ontv and abs(D(str(ontv[k])) - B[k]) >= 2:
                    sig.append("S1")
            if toets == "geen_netto_inkomen":
                sig.append("S3")
            if ni is not None and ni < t["norm"] and not bijst:
                sig.append("S4")
            if c < gt and not per.get("inkomen"):
                sig.append("S9")
            hi_toets = (nr + sum(W.values())) if bijst else hi
            uit_p.append(dict(van=g["van"], tem=g["tem"], m=maanden, R=R, W=W, B=B, G=G, g=gt, c=c, bm=bm, hi=hi,
                              hi_toets=hi_toets, toets=toets, sig=sig, t=t, pi=g["pi"], ontv=ontv))
        tekort = sum((p["m"] * p["c"] for p in uit_p), D(0))
        # stap 9-10
        tv = jaar.get("terugvordering")
        t_bedrag = t_av = None
        if tv:
            if "bedrag" in tv:
                t_bedrag = D(str(tv["bedrag"]))
            else:
                t_bedrag = sum((max(D(0), D(str(tv[k]["voorschot"])) - D(str(tv[k]["definitief"])))
                                for k in ("huurtoeslag", "zorgtoeslag") if k in tv), D(0))
            deel = tv["deel_alleenverdieners"]
            t_av = t_bedrag if deel == "geheel" else D(0) if deel == "geen" else D(str(deel))
        vergoed = jr in prof["tekort"]
        stap11 = wtrap = None
        if jr >= 2025:
            wtrap = spec["wtrap"][jr]
            comp = WTRAP[jr] if wtrap["voldoet"] is True else D(0)
        elif t_av and jr in prof["tv"] and vergoed and uit_p:
            een = sum((p["m"] * p["g"] for p in uit_p), D(0))
            twee = None
            if prof["toets"] and all(p["hi_toets"] is not None for p in uit_p):
                twee = max(D(0), sum((p["m"] * (p["bm"] - p["hi_toets"]) for p in uit_p), D(0)))
            laagste = een if twee is None else min(een, twee)
            extra = max(D(0), laagste - t_av)
            stap11 = dict(tekort_toeslagen=een, laagste=laagste, terugvordering=t_av, extra=extra)
            if twee is not None:
                stap11["tekort_bestaansminimum"] = twee
            comp = t_av + extra
        elif t_av is not None:
            comp = (t_av if jr in prof["tv"] else D(0)) + (tekort if vergoed else D(0))
        else:
            comp = tekort if vergoed else D(0)
        periodiek = D(0)
        if wtrap is None and t_av is None and comp > 0 and prof["periodiek"] and aanvraag and jr >= aanvraag.year:
            vanaf = date(aanvraag.year, aanvraag.month, 1) if jr == aanvraag.year else date(jr, 1, 1)
            periodiek = sum((p["c"] * len([m for m in _maanden(p["van"], p["tem"]) if m >= vanaf]) for p in uit_p), D(0))
        totaal += comp
        js = spec["jaren"][jr]
        jb = js["bron"]
        jaarregels.append(f"\n[[jaar]]\njaar = {jr}")
        jaarregels.append(f"tekort = {_tabel({'waarde': tekort}, jb)}")
        jaarregels.append(f"compensatie_jaar = {_tabel({'waarde': comp}, jb)}")
        jaarregels.append(f"eenmalig = {_tabel({'waarde': comp - periodiek}, jb)}")
        if t_bedrag is not None:
            jaarregels.append(f"terugvordering = {_tabel({'bedrag': t_bedrag, 'alleenverdieners': t_av}, js.get('bron_tv', jb))}")
        if stap11:
            jaarregels.append(f"stap11 = {_tabel(stap11, js.get('bron_stap11', jb))}")
        if wtrap:
            w = {"voldoet": "open" if wtrap["voldoet"] is None else wtrap["voldoet"], "tegemoetkoming": WTRAP[jr]}
            jaarregels.append(f"wtrap = {_tabel(w, wtrap['bron'])}")
        jaarregels.append(f"signalen = {_tabel({'waarde': js['signalen']}, js['signalen_bron'])}")
        for p in uit_p:
            hr = spec.get("handreiking", {}).get((jr, p["pi"], p["van"].month), {})
            kr, kw = hr.get("R"), hr.get("W")
            for rol, k in (("R", kr), ("B", kw)):
                if k:
                    verwacht = VB[k][:2]
                    echt = (p[rol]["huurtoeslag"], p[rol]["zorgtoeslag"])
                    if verwacht != echt:
                        sys.exit(f"{naam}: de narekening geeft {echt}, voorbeeld {k} {verwacht}")
                    bronnen.setdefault(k, {"soort": "handreiking", "voorbeeld": k,
                                           "tekst": f"Handreiking (seed 002), VOORBEELDEN.md {k}: {VB[k][2]}: "
                                                    f"huurtoeslag {VB[k][0]}, zorgtoeslag {VB[k][1]}",
                                           **({"fout": FOUTEN[k]} if k in FOUTEN else {})})
            pk = f"n{jr}{p['van'].month:02d}"
            if not (kr and kw):
                bronnen[pk] = {"soort": "uitwerking",
                               "parameters": f"PARAMETERS.md §2 (zorgtoeslag {jr}), §3 (huurtoeslag {jr}), §4 (bijstand)",
                               "tekst": f"narekening met tests/dekking/narekenen.py, {p['van'].isoformat()[:7]}",
                               "berekening": f"bij alleen bijstand: bruto bijstand per partner {p['t']['bruto']} "
                                             f"({p['t']['kostendelers']} kostendelers); "
                                             + "; ".join(p["t"]["spoor_R"]) + ". Werkelijk: "
                                             + "; ".join(p["t"]["spoor_B"])
                                             + (f"; ontvangen volgens MijnToeslagen {p['ontv']} (REKENMODEL §1: W)"
                                                if p["ontv"] else "")}
            regel = hr.get("regel", pk if not (kr and kw) else js["bron"])
            bronnen.setdefault(regel, {"soort": "uitwerking", "parameters": "REKENMODEL §4", "tekst": regel,
                                       "berekening": "zie de periode"})
            if regel == pk:
                bronnen[pk]["berekening"] += (f". REKENMODEL §4: verschil {p['g']}; bestaansminimum {p['bm']}; "
                                              f"huishoudinkomen {p['hi']}; toets {p['toets']}: compensatie {p['c']} "
                                              f"per maand x {p['m']}")
            jaarregels.append(f"\n[[jaar.periode]]\nvan = \"{p['van'].isoformat()[:7]}\"\n"
                              f"tot_en_met = \"{p['tem'].isoformat()[:7]}\"")
            jaarregels.append("referentie = " + _tabel({**p["R"], "bruto_bijstand_per_partner": p["t"]["bruto"]},
                                                       kr or pk))
            jaarregels.append("werkelijk = " + _tabel(dict(p["W"]), kw or pk))
            jaarregels.append("verschil_per_maand = " + _tabel({**p["G"], "totaal": p["g"]}, regel))
            jaarregels.append("compensatie_per_maand = " + _tabel({"totaal": p["c"]}, regel))
            jaarregels.append("toets_bestaansminimum = " + _tabel({"waarde": p["toets"]}, regel))
            jaarregels.append("kostendelers = " + _tabel({"waarde": p["t"]["kostendelers"]}, kr or pk))
            jaarregels.append("signalen = " + _tabel({"waarde": p["sig"]}, "signalen-periode"))
    bronnen.setdefault("signalen-periode", {
        "soort": "uitwerking", "parameters": "REKENMODEL §9 (S1, S3, S4, S9) met de normen van PARAMETERS.md §4",
        "tekst": "signalen per periode volgens de regels van REKENMODEL §9",
        "berekening": "S1: ontvangen wijkt 2 euro of meer af van de narekening; S3: geen netto-inkomen; S4: netto-inkomen "
                      "onder de netto norm (niet op bijstandsniveau); S9: de toets verlaagt en er is geen inkomen per bron"})
    kop = [f"# Verwachte uitkomsten van {naam}.json (tests/dekking/verwacht.py beschrijft de vorm).",
           "# Geschreven door tests/dekking/uitwerking.py: eigen narekening, niet de uitvoer van avdesk.",
           f"peildatum = \"{spec['peildatum']}\"",
           f"totaal_compensatie = {_tabel({'waarde': totaal}, spec['totaal_bron'])}", ""]
    import re
    gebruikt = set(re.findall(r'bron = "([^"]+)"', "\n".join(kop + jaarregels)))
    for k, b in bronnen.items():
        if k not in gebruikt:
            continue
        kop.append(f"[bronnen.{json.dumps(k)}]")
        kop += [f"{veld} = {_fmt(w)}" for veld, w in b.items()]
        kop.append("")
    return "\n".join(kop + jaarregels) + "\n"


def schrijf(namen: list[str]) -> None:
    from .scenariospec import SPEC
    for naam in namen or sorted(SPEC):
        (SCENARIOS / f"{naam}.verwacht.toml").write_text(reken(naam, SPEC[naam]), encoding="utf-8")
        print(f"{naam}.verwacht.toml geschreven")


if __name__ == "__main__":
    schrijf(sys.argv[1:])
