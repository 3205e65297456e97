"""Een leesbare Nederlandse samenvatting van een berekening, voor `avdesk bereken` zonder --json.

Per jaar en per periode: referentie tegenover werkelijk per toeslag, verschil, compensatie en signalen."""

from __future__ import annotations

from .berekening import Berekening
from .casus import Casus
from .casusmodel import TOESLAGNAMEN
from .wtrap import WTRAP_UITKOMST
from .geld import datum, euro, periode_label



def samenvatting(c: Casus, b: Berekening) -> str:
    r: list[str] = []
    r.append("avdesk - berekening alleenverdienersproblematiek")
    r.append(f"Beleidsprofiel: {b.profiel.naam}" + (f"   Aanvraagdatum: {datum(c.aanvraagdatum)}" if c.aanvraagdatum else ""))
    for jb in b.jaren:
        r.append("")
        r.append(f"=== Toeslagjaar {jb.jaar} ===")
        for pb in jb.perioden:
            r.append(f"Periode {periode_label(pb.van, pb.tot_en_met)} ({pb.maanden} maanden)")
            r.append(f"  {'':22}{'alleen bijstand':>16}{'werkelijk':>14}{'verschil':>14}")
            for t in pb.referentie:
                r.append(f"  {TOESLAGNAMEN.get(t, t):22}{euro(pb.referentie[t]):>16}{euro(pb.werkelijk[t]):>14}"
                         f"{euro(pb.verschil[t]):>14}")
            r.append(f"  {'Totaal per maand':22}{'':16}{'':14}{euro(pb.verschil_totaal):>14}")
            r.append(f"  Bruto bijstand per partner (referentie): {euro(pb.bruto_bijstand_per_partner)} per jaar"
                     + (f", kostendelersnorm met {pb.kostendelers} kostendeler(s)" if pb.kostendelers else ""))
            if pb.inkomen is not None:
                r.append(f"  Bestaansminimum {euro(pb.bestaansminimum)}, huishoudinkomen {euro(pb.inkomen)} per maand")
            r.append(f"  Toets aan het bestaansminimum: {pb.toets_zin}")
            r.append(f"  Compensatie {euro(pb.compensatie_totaal)} per maand, {euro(pb.compensatie_periode)} over de periode")
            for s in pb.signalen:
                r.append(f"  [{s.code}] {s.tekst}")
        if not jb.perioden:
            r.append("Geen perioden met een tekort ingevuld.")
        r.append(f"Tekort {jb.jaar}: {euro(jb.tekort)}")
        if jb.terugvordering_bedrag is not None:
            r.append(f"Terugvordering: {euro(jb.terugvordering_bedrag)}, door de alleenverdienersproblematiek: "
                     f"{euro(jb.terugvordering_alleenverdieners)}")
        if jb.stap11:
            r.append(jb.stap11.tekst)
        if jb.wtrap:
            w = jb.wtrap
            r.append(f"Wtrap {jb.jaar}: {WTRAP_UITKOMST[w.voldoet]}; vaste tegemoetkoming "
                     + (euro(w.tegemoetkoming) if w.tegemoetkoming is not None else "nog niet bekend"))
            for reden in w.redenen:
                r.append(f"  - {reden}")
        r.append(f"Compensatie {jb.jaar}: {euro(jb.compensatie_jaar)} (eenmalig {euro(jb.eenmalig)})")
        for x in jb.periodiek:
            r.append(f"  periodiek {euro(x.per_maand)} per maand, {periode_label(x.van, x.tot_en_met)}")
        if jb.compensatie_huurkosten or jb.compensatie_zorgpremie:
            r.append(f"  waarvan huurkosten {euro(jb.compensatie_huurkosten)}, zorgpremie {euro(jb.compensatie_zorgpremie)}"
                     + (f", overig {euro(jb.compensatie_overig)}" if jb.compensatie_overig else ""))
        for t in jb.toelichting:
            r.append(f"  {t}")
        for s in jb.signalen:
            r.append(f"[{s.code}] {s.tekst}")
    r.append("")
    r.append(f"Totale compensatie: {euro(b.totaal_compensatie)}")
    for o in b.opmerkingen:
        r.append(f"Let op: {o}")
    return "\n".join(r)
