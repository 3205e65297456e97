"""Een casus terug als avdesk-casus/1 (opslag, export, inzage): de omgekeerde weg van casuslezer.py. De gewone
velden en de volgorde van elk object komen uit casusvelden.py; hier staan alleen de samengestelde delen."""

from __future__ import annotations

from decimal import Decimal

from .casusmodel import FORMAAT, Aanvraaggegevens, Casus, Jaar, Periode, Persoon, Raadsman
from .casusvelden import (AANVRAAG, BEDRAG, CASUS, DATUM, DEEL, HANDMATIG, HUUR, INKOMENSBRON, JAAR, MEDEBEWONER,
                          PERIODE, PERSOON, RAADSMAN, TERUGVORDERING, Veld, sleutels)
from .geld import maand_iso


def _b(x: Decimal | None):
    return None if x is None else (int(x) if x == x.to_integral_value() else float(x))


def _object(tabel: tuple[Veld, ...], model: object, delen: dict) -> dict:
    """Een object in de volgorde van zijn tabel: de gewone velden uit het model (weggelaten als ze de standaard zijn
    en de tabel dat zegt), de samengestelde uit `delen` (weggelaten als ze daar niet staan)."""
    if onbekend := set(delen) - sleutels(tabel):
        raise ValueError(f"niet in de veldentabel (core/casusvelden.py): {sorted(onbekend)}")
    d: dict = {}
    for v in tabel:
        if v.soort == DEEL:
            if v.sleutel in delen:
                d[v.sleutel] = delen[v.sleutel]
            continue
        x = getattr(model, v.naam)
        if v.weglaten and x == v.standaard:
            continue
        d[v.sleutel] = _b(x) if v.soort == BEDRAG else (x.isoformat() if x else None) if v.soort == DATUM else x
    return d


def casus_naar_dict(c: Casus) -> dict:
    """De casus terug als avdesk-casus/1 (voor opslag, export en inzage)."""
    def persoon(p: Persoon) -> dict:
        return _object(PERSOON, p, {"geboortedatum": p.geboortedatum.isoformat() if p.geboortedatum else None,
                                    **({"bsn": p.bsn} if p.bsn else {}), **p.extra})

    def periode(p: Periode) -> dict:
        delen: dict = {"van": maand_iso(p.van), "tot_en_met": maand_iso(p.tot_en_met),
                       "toetsingsinkomen": {"aanvrager": _b(p.toetsingsinkomen_aanvrager),
                                            "partner": _b(p.toetsingsinkomen_partner)}}
        if p.huur:
            delen["huur"] = _object(HUUR, p.huur, {"servicekosten": {k: _b(v) for k, v in p.huur.servicekosten.items()}})
        delen["medebewoners"] = [_object(MEDEBEWONER, m, {
            "geboortedatum": m.geboortedatum.isoformat() if m.geboortedatum else None,
            "toetsingsinkomen": _b(m.toetsingsinkomen)}) for m in p.medebewoners]
        delen["ontvangen"] = {k: _b(v) for k, v in p.ontvangen.items()}
        delen["referentie_bruto_bijstand_per_partner"] = _b(p.referentie_bruto_bijstand_per_partner)
        if p.handmatig:
            delen["handmatig"] = [_object(HANDMATIG, h, {}) for h in p.handmatig]
        if p.inkomen:
            delen["inkomen"] = {w: [_object(INKOMENSBRON, b, {}) for b in bronnen] for w, bronnen in p.inkomen.items()}
        if p.referentie_netto_inkomen_per_maand is not None:
            delen["referentie_netto_inkomen_per_maand"] = _b(p.referentie_netto_inkomen_per_maand)
            delen["referentie_netto_inkomen_bron"] = p.referentie_netto_inkomen_bron
        if p.ontvangen_soort or p.ontvangen_datum:
            delen["ontvangen_beschikking"] = {"soort": p.ontvangen_soort,
                                              "datum": p.ontvangen_datum.isoformat() if p.ontvangen_datum else None}
        return _object(PERIODE, p, delen)

    def jaar(j: Jaar) -> dict:
        delen: dict = {"jaar": j.jaar, "perioden": [periode(p) for p in j.perioden]}
        if t := j.terugvordering:
            tv: dict = {t_: {"voorschot": _b(t.voorschot[t_]), "definitief": _b(t.definitief[t_])} for t_ in t.voorschot}
            tv["deel_alleenverdieners"] = t.deel_alleenverdieners if isinstance(t.deel_alleenverdieners, str) \
                else _b(t.deel_alleenverdieners)
            if t.andere_oorzaken:
                tv["andere_oorzaken"] = list(t.andere_oorzaken)
            delen["terugvordering"] = _object(TERUGVORDERING, t, tv)
        if j.wtrap or j.wtrap_afwijken:
            delen["wtrap"] = {k: (_b(v) if isinstance(v, Decimal) else v) for k, v in j.wtrap.items()}
            if j.wtrap_afwijken:
                delen["wtrap"]["afwijken"] = dict(j.wtrap_afwijken)
        if j.afwijken:
            delen["afwijken"] = dict(j.afwijken)
        return _object(JAAR, j, delen)

    delen: dict = {"formaat": FORMAAT, "beleidsprofiel": c.beleidsprofiel, "toeslagpartners": c.toeslagpartners,
                   "aanvrager": persoon(c.aanvrager), "partner": persoon(c.partner), "jaren": [jaar(j) for j in c.jaren]}
    if c.raadsman != Raadsman():
        delen["raadsman"] = _object(RAADSMAN, c.raadsman, {})
    if c.aanvraag != Aanvraaggegevens():
        a = c.aanvraag
        delen["aanvraag"] = _object(AANVRAAG, a, {
            "bewijs": {str(j): list(v) for j, v in sorted(a.bewijs.items())},
            **({"bewijs_nvt": {str(j): list(v) for j, v in sorted(a.bewijs_nvt.items())}} if a.bewijs_nvt else {})})
    return _object(CASUS, c, delen)
