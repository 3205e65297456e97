"""Een ontvangen aanvraag nalopen (team Inkomen): de berekening-PDF met zijn ingebedde casus, en de aanvraag-PDF.

lees() doet wat zonder opslag kan: is het een berekening van avdesk en geen concept, klopt hij opnieuw gerekend en
op papier (`avdesk controleer`), draagt de aanvraag de vingerafdruk van deze berekening op elke pagina (zo horen ze
bij elkaar; het kenmerk is maar vrije tekst), staat er hetzelfde rekeningnummer op, en zijn de handtekeningen
geldig (pyHanko, export/handtekening.py).
lijstcontrole() zoekt daarna de BSN's van beide partners op in de doelgroepselectielijst van elk jaar.
De uitkomst is een dict (als JSON bewaard bij het dossier): regels voor de medewerker, wat blokkeert en wat opvalt."""

from __future__ import annotations

import re

from ..core.casus import Casus, iban_geldig
from ..core.wtrapjaren import is_wtrapjaar

VELDEN = {"HandtekeningAanvrager": "aanvrager", "HandtekeningPartner": "partner"}


class NietOntvangen(Exception):
    """De PDF's kunnen niet worden ontvangen (geen avdesk-berekening, een concept, onleesbaar); Nederlandse tekst."""


IBAN_PATROON = re.compile(r"\b[A-Z]{2}[0-9]{2}(?:[A-Z0-9]{10,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,3})?)\b")


def _ibans(tekst: str) -> list[str]:
    """De rekeningnummers (met geldige controle, core iban_geldig) in een tekst, zonder spaties."""
    kandidaten = (x.replace(" ", "") for x in IBAN_PATROON.findall(tekst))
    return list(dict.fromkeys(x for x in kandidaten if iban_geldig(x)))


def lees(berekening: bytes, aanvraag: bytes | None) -> tuple[Casus, dict]:
    """(casus, uitkomst) zonder opslag. Gooit NietOntvangen voor wat niet in behandeling kan (exit 2).

    uitkomst: kenmerk, vingerafdruk (van de berekening), controle {code, regels}, regels, blokkerend, let_op,
    handtekeningen (per veld {veld, status, ondertekenaar, datum, tekst}), aanvraag, aanvraag_kenmerk, lijst."""
    from . import handtekening
    from .beslisser import kenmerk as kenmerk_van
    from .controle import _afdrukken, controle
    from .documenten import ontbrekend_voor_aanvraag
    from .pdflezen import Gelezen, PdfFout, kenmerk, kort

    u = controle(berekening)
    if u["code"] == 2:
        raise NietOntvangen(" ".join(u["regels"]))
    c = u["casus"]
    if ontbreekt := ontbrekend_voor_aanvraag(c):
        raise NietOntvangen("Deze berekening is een concept (op elke pagina staat 'CONCEPT'): de raadsman heeft er nog "
                            "geen aanvraag bij gemaakt, want dit ontbrak: " + "; ".join(ontbreekt) + ". Vraag de "
                            "raadsman om de aanvraag en een nieuwe berekening.")
    code, controle_regels, afdruk = u["code"], u["regels"], u["vingerafdruk"]
    blokkerend: list[str] = []
    let_op: list[str] = []
    regels: list[str] = []
    km = kenmerk(berekening)
    if km is None:
        km = kenmerk_van(c)
        let_op.append("Het kenmerk staat niet in de documentgegevens van de berekening (gemaakt met een oudere avdesk); "
                      f"avdesk gebruikt {km}, afgeleid uit de casus.")
    if code == 0:
        regels.append("Berekening: " + controle_regels[0])
        let_op += [r for r in controle_regels[1:] if r.startswith("Let op")]
    else:
        regels.append("Berekening: opnieuw gerekend of op papier klopt hij niet:")
        regels += [f"  {r}" for r in controle_regels]
        blokkerend.append("De berekening klopt niet opnieuw gerekend of op papier (zie de controle); vraag de raadsman "
                          "om een nieuwe berekening, of reken zelf na.")
    oud = u["oud"]
    for jaar in oud.get("jaren", []):
        for sg in jaar.get("signalen", []):
            if sg.get("blokkerend"):
                blokkerend.append(f"Signaal {sg.get('code')} ({jaar.get('jaar')}) in de berekening: "
                                  f"{kort(sg.get('tekst'), 300)}")
    getekend: list[dict] = []
    km_aanvraag = None
    if aanvraag is None:
        let_op.append("Er is geen aanvraag meegestuurd, alleen de berekening.")
    else:
        try:
            g = Gelezen(aanvraag, "aanvraag")
            teksten = g.teksten()
            acties = g.acties()
            over = g.overlappers()
            km_aanvraag = kenmerk(aanvraag)
            labels = {veld: wie for veld, wie in VELDEN.items()}
            getekend = handtekening.controleer(aanvraag, labels)
        except PdfFout as e:
            raise NietOntvangen(str(e)) from None
        afdrukken = _afdrukken(teksten)
        if afdrukken and all(a == afdruk for a in afdrukken):
            regels.append(f"Aanvraag: hoort bij deze berekening (vingerafdruk {afdruk} op elke pagina"
                          + (f", kenmerk {km}" if km_aanvraag == km else "") + ").")
            if km_aanvraag != km:
                let_op.append(f"De aanvraag noemt in de documentgegevens een ander kenmerk "
                              f"({kort(km_aanvraag or '(geen)', 60)}) dan de berekening ({km}).")
        elif not any(afdrukken):
            blokkerend.append("De aanvraag hoort niet bij deze berekening (kenmerk " + km + "): op haar pagina's staat "
                              "geen vingerafdruk van een berekening. Een aanvraag van avdesk draagt op elke pagina de "
                              f"vingerafdruk van haar berekening ({afdruk}); vraag de raadsman om de aanvraag die bij "
                              "deze berekening hoort.")
        else:
            andere = sorted({a for a in afdrukken if a and a != afdruk})
            zonder = [i for i, a in enumerate(afdrukken, 1) if a is None]
            blokkerend.append(f"De aanvraag (kenmerk {kort(km_aanvraag or '(geen)', 60)}) hoort niet bij deze "
                              f"berekening (kenmerk {km}): " + (
                                  f"op de aanvraag staat vingerafdruk {', '.join(andere)}, de berekening heeft {afdruk}"
                                  if andere else f"op pagina {', '.join(map(str, zonder))} staat geen vingerafdruk")
                              + ".")
        if acties:
            blokkerend.append("Verdacht: de aanvraag kan iets uitvoeren of starten, wat een aanvraag van avdesk nooit "
                              "doet: " + "; ".join(acties) + ". Open hem niet in een PDF-lezer.")
        if over:
            blokkerend.append("Verdacht: er is iets over de pagina's van de aanvraag heen gelegd: " + "; ".join(over[:10])
                              + ".")
        bekend = {x.replace(" ", "") for x in (c.aanvrager.extra.get("iban"), c.partner.extra.get("iban")) if x}
        vreemd = [x for x in _ibans(" ".join(teksten)) if x not in bekend]
        if vreemd:
            blokkerend.append("Het rekeningnummer op de aanvraag verschilt van de berekening: op de aanvraag staat "
                              + ", ".join(kort(x, 40) for x in vreemd[:3]) + "; de berekening noemt "
                              + (", ".join(sorted(bekend)) or "geen rekeningnummer") + ". Betaal niet voordat dit is "
                              "uitgezocht.")
        if not getekend:
            let_op.append("De aanvraag heeft geen digitale handtekeningvelden; controleer de handtekeningen zelf.")
        for h in getekend:
            wie = VELDEN.get(h["veld"], h["veld"])
            naam = (c.aanvrager.naam if wie == "aanvrager" else c.partner.naam if wie == "partner" else None) or wie
            if h["status"] == "geldig":
                regels.append(h["tekst"])
            elif h["status"] == "niet_getekend":
                let_op.append(f"{h['tekst']} Controleer of {naam} met de pen heeft getekend (op papier of in een scan).")
            else:
                blokkerend.append(h["tekst"])
        if any(h["status"] != "niet_getekend" for h in getekend):
            regels.append(handtekening.VERTROUWEN)
    uitkomst = {"kenmerk": km, "vingerafdruk": afdruk, "controle": {"code": code, "regels": controle_regels},
                "regels": regels, "blokkerend": blokkerend, "let_op": let_op, "handtekeningen": getekend,
                "aanvraag": aanvraag is not None, "aanvraag_kenmerk": km_aanvraag, "lijst": [],
                # Voor het overzicht (avdesk ontvangen): het bedrag per jaar en de jaren met een open Wtrap-vraag.
                "bedragen": {str(j.get("jaar")): str(j.get("compensatie_jaar")) for j in oud.get("jaren", [])},
                "open_vragen": [j.get("jaar") for j in oud.get("jaren", [])
                                if isinstance(j.get("wtrap"), dict) and j["wtrap"].get("voldoet") is None]}
    return c, uitkomst


def lijstcontrole(opslag, c: Casus, uitkomst: dict, dossier_id: int | None = None) -> None:
    """Zoek de BSN's van aanvrager en partner op in de doelgroepselectielijst van elk jaar van de casus, en vul
    uitkomst["lijst"], ["regels"], ["blokkerend"] en ["let_op"] aan."""
    from ..store import lijsten
    bsns = [(rol, p.bsn) for rol, p in (("aanvrager", c.aanvrager), ("partner", c.partner)) if p.bsn]
    if not bsns:
        uitkomst["let_op"].append("Er staat geen BSN in de casus: niet gecontroleerd op de doelgroepselectielijst.")
        return
    for jaar in sorted({j.jaar for j in c.jaren}):
        wtrap = is_wtrapjaar(jaar)
        gevonden = lijsten.zoek(opslag, jaar, [b for _, b in bsns], dossier_id)
        if gevonden is None:
            status, tekst = "geen_lijst", (f"Doelgroepselectielijst {jaar}: niet ingelezen, dus niet gecontroleerd.")
            if wtrap:
                uitkomst["let_op"].append(f"Er is geen doelgroepselectielijst {jaar} ingelezen: controleer of dit "
                                          f"huishouden de tegemoetkoming {jaar} al ambtshalve krijgt (lees de lijst in "
                                          f"en kies 'Controleer opnieuw').")
        elif any(gevonden):
            wie = " en ".join(rol for (rol, _), ja in zip(bsns, gevonden) if ja)
            status = "op_lijst"
            if wtrap:
                tekst = (f"Op de doelgroepselectielijst {jaar} ({wie}): de tegemoetkoming wordt ambtshalve toegekend; "
                         f"een zelfmeldersaanvraag voor {jaar} is dan dubbel.")
                uitkomst["blokkerend"].append(tekst)
            else:
                tekst = (f"Op de doelgroepselectielijst {jaar} ({wie}): volgens de Belastingdienst hoort dit "
                         f"huishouden bij de doelgroep. Dat ondersteunt de aanvraag over {jaar}.")
        else:
            status = "niet_op_lijst"
            tekst = (f"Niet op de doelgroepselectielijst {jaar}: " + (
                "een zelfmelder; beoordeel de aanvraag met de zelfmeldertoets." if wtrap else
                "dat sluit de doelgroep niet uit (de lijst is niet volledig)."))
            if len(bsns) == 1:
                tekst += (" Alleen het BSN van de " + bsns[0][0] + " is bekend; de lijst noemt de meestverdienende "
                          "partner. Zoek ook de andere partner op (BRP) met `avdesk doelgroeplijst zoek`.")
        uitkomst["lijst"].append({"jaar": jaar, "status": status, "tekst": tekst})
        uitkomst["regels"].append(tekst)


def status(uitkomst: dict) -> str:
    """Een woord voor de lijst: 'blokkerend', 'verschil', 'let op' of 'klopt'."""
    if uitkomst["controle"]["code"] != 0:
        return "verschil"
    if uitkomst["blokkerend"]:
        return "blokkerend"
    return "let op" if uitkomst["let_op"] else "klopt"


def lijststatus(uitkomst: dict) -> str:
    """'2024 op de lijst, 2025 geen lijst' (kort, voor de dossierlijst)."""
    woorden = {"op_lijst": "op de lijst", "niet_op_lijst": "niet op de lijst", "geen_lijst": "geen lijst"}
    return ", ".join(f"{x['jaar']} {woorden[x['status']]}" for x in uitkomst.get("lijst", [])) or "-"


def verslag(uitkomst: dict) -> list[str]:
    uit = list(uitkomst["regels"])
    if uitkomst["blokkerend"]:
        uit.append("Nog niet toekennen; los eerst op:")
        uit += [f"  - {x}" for x in uitkomst["blokkerend"]]
    if uitkomst["let_op"]:
        uit.append("Let op:")
        uit += [f"  - {x}" for x in uitkomst["let_op"]]
    return uit
