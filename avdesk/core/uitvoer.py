"""De berekening als JSON: het formaat avdesk-berekening/1 (CASUS-FORMAAT.md, "Output")."""

from __future__ import annotations

from decimal import Decimal


from .geld import centen, maand_iso

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


FORMAAT = "avdesk-berekening/1"


def _getal(x: Decimal | None):
    """Hele euro's als geheel getal, anders in centen."""
    if x is None:
        return None
    return int(x) if x == x.to_integral_value() else centen(x)


def _c(x: Decimal | None):
    return None if x is None else centen(x)


def naar_json(b: Any) -> dict:
    """b: een berekening.Berekening (niet geïmporteerd: berekening.py importeert dit bestand, en een kring van imports
    is er ook niet alleen voor mypy; tests/structuur/test_importcirkels.py)."""
    jaren = []
    for jb in b.jaren:
        perioden = []
        for pb in jb.perioden:
            perioden.append({
                "van": maand_iso(pb.van), "tot_en_met": maand_iso(pb.tot_en_met), "maanden": pb.maanden,
                "referentie": {**{t: _getal(v) for t, v in pb.referentie.items()},
                               "bruto_bijstand_per_partner": _getal(pb.bruto_bijstand_per_partner)},
                "berekend": {t: _getal(v) for t, v in pb.berekend.items()},
                "werkelijk": {t: _getal(v) for t, v in pb.werkelijk.items()},
                "verschil_per_maand": {**{t: _getal(v) for t, v in pb.verschil.items()},
                                       "totaal": _getal(pb.verschil_totaal)},
                "toets_bestaansminimum": pb.toets,
                "toets_uitleg": pb.toets_zin,
                "bestaansminimum_per_maand": None if pb.inkomen is None else _c(pb.bestaansminimum),
                "inkomen_per_maand": _c(pb.inkomen),
                "netto_referentie_per_maand": _c(pb.netto_referentie),
                "compensatie_per_maand": {**{t: _c(v) for t, v in pb.compensatie.items()},
                                          "totaal": _c(pb.compensatie_totaal)},
                "compensatie_periode": _c(pb.compensatie_periode),
                "kostendelers": pb.kostendelers,
                "netto_norm_per_maand": _c(pb.norm),
                "signalen": [s.naar_dict() for s in pb.signalen],
            })
        jd = {
            "jaar": jb.jaar, "parameterhash": jb.parameters.hash if jb.parameters is not None else None,
            "perioden": perioden, "tekort": _c(jb.tekort),
            "terugvordering": None if jb.terugvordering_bedrag is None else
            {"bedrag": _c(jb.terugvordering_bedrag), "alleenverdieners": _c(jb.terugvordering_alleenverdieners)},
            "compensatie_jaar": _c(jb.compensatie_jaar), "eenmalig": _c(jb.eenmalig),
            "periodiek_per_maand": _c(jb.periodiek_per_maand),
            "periodiek": [{"van": maand_iso(x.van), "tot_en_met": maand_iso(x.tot_en_met), "per_maand": _c(x.per_maand)}
                          for x in jb.periodiek],
            "compensatie_per_kostensoort": {"huurkosten": _c(jb.compensatie_huurkosten),
                                            "zorgpremie": _c(jb.compensatie_zorgpremie),
                                            "overig": _c(jb.compensatie_overig)},
        }
        if jb.stap11:
            s = jb.stap11
            jd["stap11"] = {"tekort_toeslagen": _c(s.tekort_toeslagen), "tekort_bestaansminimum": _c(s.tekort_bestaansminimum),
                            "laagste": _c(s.laagste), "terugvordering": _c(s.terugvordering), "extra": _c(s.extra),
                            "tekst": s.tekst}
        if jb.wtrap:
            w = jb.wtrap
            jd["wtrap"] = {"voldoet": w.voldoet, "redenen": w.redenen, "open_vragen": w.open_vragen,
                           "tegemoetkoming": _c(w.tegemoetkoming),
                           "tekort_jaar": _c(w.tekort_jaar), "aanvullend_mogelijk": _c(w.aanvullend_mogelijk)}
        jd["signalen"] = [s.naar_dict() for s in jb.signalen]
        jd["toelichting"] = jb.toelichting
        jaren.append(jd)
    return {
        "formaat": FORMAAT,
        "beleidsprofiel": b.profiel.id,
        "jaren": jaren,
        "totaal_compensatie": _c(b.totaal_compensatie),
        "opmerkingen": b.opmerkingen,
        "parameters": {"versie": b.parameterversie,
                       "afgeleid": [f"{p.jaar} {p.naam} = {p.waarde} ({p.status}): {p.bron}" for p in b.niet_bevestigd]},
    }
