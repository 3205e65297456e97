"""Een casus terug als avdesk-casus/1 (opslag, export, inzage): de omgekeerde weg van casuslezer.py."""

from __future__ import annotations

from decimal import Decimal

from .casusmodel import FORMAAT, Aanvraaggegevens, Casus, Jaar, Periode, Persoon, Raadsman
from .geld import maand_iso
from .model import velden

def _b(x: Decimal | None):
    return None if x is None else (int(x) if x == x.to_integral_value() else float(x))


def casus_naar_dict(c: Casus) -> dict:
    """De casus terug als avdesk-casus/1 (voor opslag, export en inzage)."""
    def persoon(p: Persoon) -> dict:
        d = {"naam": p.naam, "geboortedatum": p.geboortedatum.isoformat() if p.geboortedatum else None}
        if p.bsn:
            d["bsn"] = p.bsn
        d.update(p.extra)
        return d

    def periode(p: Periode) -> dict:
        d = {"van": maand_iso(p.van), "tot_en_met": maand_iso(p.tot_en_met),
             "toetsingsinkomen": {"aanvrager": _b(p.toetsingsinkomen_aanvrager), "partner": _b(p.toetsingsinkomen_partner)},
             "netto_inkomen_per_maand": _b(p.netto_inkomen_per_maand), "aangepaste_woning": p.aangepaste_woning}
        if p.huur:
            d["huur"] = {"kale_huur": _b(p.huur.kale_huur),
                         "servicekosten": {k: _b(v) for k, v in p.huur.servicekosten.items()}}
        d["medebewoners"] = [{"naam": m.naam, "geboortedatum": m.geboortedatum.isoformat() if m.geboortedatum else None,
                              "toetsingsinkomen": _b(m.toetsingsinkomen), "kind": m.kind,
                              **({} if m.kostendeler is None else {"kostendeler": m.kostendeler})}
                             for m in p.medebewoners]
        d["ontvangen"] = {k: _b(v) for k, v in p.ontvangen.items()}
        d["referentie_bruto_bijstand_per_partner"] = _b(p.referentie_bruto_bijstand_per_partner)
        if p.referentie_motivering:
            d["referentie_motivering"] = p.referentie_motivering
        if p.handmatig:
            d["handmatig"] = [{"toeslag": h.toeslag, "werkelijk": _b(h.werkelijk), "referentie": _b(h.referentie),
                               "motivering": h.motivering} for h in p.handmatig]
        if p.inkomen:
            d["inkomen"] = {w: [{"soort": b.soort, "bruto_per_jaar": _b(b.bruto_per_jaar),
                                 **({"omschrijving": b.omschrijving} if b.omschrijving else {})} for b in bronnen]
                            for w, bronnen in p.inkomen.items()}
        if p.referentie_netto_inkomen_per_maand is not None:
            d["referentie_netto_inkomen_per_maand"] = _b(p.referentie_netto_inkomen_per_maand)
            d["referentie_netto_inkomen_bron"] = p.referentie_netto_inkomen_bron
        if not p.partner_verzekerd_zvw:
            d["partner_verzekerd_zvw"] = False
        if p.ontvangen_soort or p.ontvangen_datum:
            d["ontvangen_beschikking"] = {"soort": p.ontvangen_soort,
                                          "datum": p.ontvangen_datum.isoformat() if p.ontvangen_datum else None}
        return d

    def jaar(j: Jaar) -> dict:
        d: dict = {"jaar": j.jaar, "perioden": [periode(p) for p in j.perioden]}
        if j.vermogen is not None:
            d["vermogen"] = _b(j.vermogen)
        if j.datum_definitieve_beschikking:
            d["datum_definitieve_beschikking"] = j.datum_definitieve_beschikking.isoformat()
        if t := j.terugvordering:
            td: dict = {t_: {"voorschot": _b(t.voorschot[t_]), "definitief": _b(t.definitief[t_])} for t_ in t.voorschot}
            if t.bedrag is not None:
                td["bedrag"] = _b(t.bedrag)
            td["deel_alleenverdieners"] = t.deel_alleenverdieners if isinstance(t.deel_alleenverdieners, str) \
                else _b(t.deel_alleenverdieners)
            td["motivering"] = t.motivering
            if t.datum_definitieve_beschikking:
                td["datum_definitieve_beschikking"] = t.datum_definitieve_beschikking.isoformat()
            if t.andere_oorzaken:
                td["andere_oorzaken"] = list(t.andere_oorzaken)
            d["terugvordering"] = td
        if j.wtrap or j.wtrap_afwijken:
            d["wtrap"] = {k: (_b(v) if isinstance(v, Decimal) else v) for k, v in j.wtrap.items()}
            if j.wtrap_afwijken:
                d["wtrap"]["afwijken"] = dict(j.wtrap_afwijken)
        if j.afwijken:
            d["afwijken"] = dict(j.afwijken)
        return d

    d: dict = {"formaat": FORMAAT}
    if c.aanvraagdatum:
        d["aanvraagdatum"] = c.aanvraagdatum.isoformat()
    d |= {"beleidsprofiel": c.beleidsprofiel, "toeslagpartners": c.toeslagpartners,
          "aanvrager": persoon(c.aanvrager), "partner": persoon(c.partner), "jaren": [jaar(j) for j in c.jaren]}
    if c.raadsman != Raadsman():
        d["raadsman"] = {k: getattr(c.raadsman, k) for k in velden(Raadsman)}
    if c.aanvraag != Aanvraaggegevens():
        a = c.aanvraag
        d["aanvraag"] = {"plaats": a.plaats, "gemeente": a.gemeente, "toestemming_delen": a.toestemming_delen,
                         "toestemming_mijntoeslagen": a.toestemming_mijntoeslagen,
                         "bewijs": {str(j): list(v) for j, v in sorted(a.bewijs.items())},
                         **({"bewijs_nvt": {str(j): list(v) for j, v in sorted(a.bewijs_nvt.items())}}
                            if a.bewijs_nvt else {}), "route": a.route,
                         "aanwezig_aanvrager": a.aanwezig_aanvrager, "aanwezig_partner": a.aanwezig_partner}
    return d
