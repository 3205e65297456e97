"""Een ontvangen aanvraag nalopen (team Inkomen): de berekening-PDF met zijn ingebedde casus, en de aanvraag-PDF.

lees() doet wat zonder opslag kan: is het een berekening van avdesk en geen concept, klopt hij opnieuw gerekend
(`avdesk controleer`), hebben aanvraag en berekening hetzelfde kenmerk, en zijn de handtekeningvelden getekend.
lijstcontrole() zoekt daarna de BSN's van beide partners op in de doelgroepselectielijst van elk jaar.
De uitkomst is een dict (als JSON bewaard bij het dossier): regels voor de medewerker, wat blokkeert en wat opvalt."""

from __future__ import annotations

import json
from decimal import Decimal

from ..core.casus import Casus

VELDEN = {"HandtekeningAanvrager": "aanvrager", "HandtekeningPartner": "partner"}
WTRAP_VANAF = 2025


class NietOntvangen(Exception):
    """De PDF's kunnen niet worden ontvangen (geen avdesk-berekening, een concept, onleesbaar); Nederlandse tekst."""


def lees(berekening: bytes, aanvraag: bytes | None) -> tuple[Casus, dict]:
    """(casus, uitkomst) zonder opslag. Gooit NietOntvangen voor wat niet in behandeling kan."""
    from ..core.casus import CasusFout, lees_casus
    from ..core.params import ParameterFout
    from .beslisser import kenmerk as kenmerk_van
    from .bewijs import GeenBewijs, controleer, lees_bewijs
    from .documenten import ontbrekend_voor_aanvraag
    from .pdflezen import handtekeningen, kenmerk

    try:
        casus_json, berekening_json, _ = lees_bewijs(berekening)
    except GeenBewijs as e:
        raise NietOntvangen(str(e)) from None
    try:
        c = lees_casus(casus_json)
    except (CasusFout, ParameterFout) as e:
        # De meldingen noemen veld en fout, nooit de waarde (core/casus.py); hooguit drie, ingekort.
        wat = "; ".join(m[:300] for m in getattr(e, "fouten", [])[:3])
        raise NietOntvangen("De casus in deze berekening is niet te lezen met deze avdesk" + (f" ({wat})" if wat else "")
                            + "; vraag de raadsman om een nieuwe berekening.") from None
    if ontbreekt := ontbrekend_voor_aanvraag(c):
        raise NietOntvangen("Deze berekening is een concept (op elke pagina staat 'CONCEPT'): de raadsman heeft er nog "
                            "geen aanvraag bij gemaakt, want dit ontbrak: " + "; ".join(ontbreekt) + ". Vraag de "
                            "raadsman om de aanvraag en een nieuwe berekening.")
    blokkerend: list[str] = []
    let_op: list[str] = []
    regels: list[str] = []
    code, controle = controleer(berekening)
    if code == 2:                 # kan eigenlijk niet meer na lees_bewijs
        raise NietOntvangen(" ".join(controle))
    km = kenmerk(berekening)
    if km is None:
        km = kenmerk_van(c)
        let_op.append("Het kenmerk staat niet in de documentgegevens van de berekening (gemaakt met een oudere avdesk); "
                      f"avdesk gebruikt {km}, afgeleid uit de casus.")
    if code == 0:
        regels.append("Berekening: " + controle[0])
    else:
        regels.append("Berekening: opnieuw gerekend klopt hij niet:")
        regels += [f"  {r}" for r in controle]
        blokkerend.append("De berekening klopt niet opnieuw gerekend (zie de controle); vraag de raadsman om een "
                          "nieuwe berekening, of reken zelf na.")
    oud = json.loads(berekening_json, parse_float=Decimal)
    for jaar in oud.get("jaren", []):
        for sg in jaar.get("signalen", []):
            if sg.get("blokkerend"):
                blokkerend.append(f"Signaal {sg.get('code')} ({jaar.get('jaar')}) in de berekening: {sg.get('tekst')}")
    handtekening: dict[str, bool] = {}
    km_aanvraag = None
    if aanvraag is None:
        let_op.append("Er is geen aanvraag meegestuurd, alleen de berekening.")
    else:
        if not aanvraag.startswith(b"%PDF"):
            raise NietOntvangen("De aanvraag is geen PDF.")
        km_aanvraag = kenmerk(aanvraag)
        if km_aanvraag is None:
            let_op.append("In de aanvraag staat geen kenmerk van avdesk in de documentgegevens; controleer zelf of "
                          f"aanvraag en berekening bij elkaar horen (kenmerk van de berekening: {km}).")
        elif km_aanvraag != km:
            blokkerend.append(f"De aanvraag (kenmerk {km_aanvraag}) hoort niet bij deze berekening (kenmerk {km}).")
        else:
            regels.append(f"Aanvraag: hetzelfde kenmerk als de berekening ({km}).")
        handtekening = handtekeningen(aanvraag)
        if not handtekening:
            let_op.append("De aanvraag heeft geen digitale handtekeningvelden; controleer de handtekeningen zelf.")
        for veld, getekend in handtekening.items():
            wie = VELDEN.get(veld, veld)
            naam = (c.aanvrager.naam if wie == "aanvrager" else c.partner.naam if wie == "partner" else None) or wie
            if getekend:
                regels.append(f"Handtekening {wie} ({naam}): digitaal getekend. De geldigheid van het certificaat "
                              f"ziet u in een PDF-lezer.")
            else:
                let_op.append(f"Handtekening {wie} ({naam}): het digitale handtekeningveld is leeg. Controleer of "
                              f"{naam} met de pen heeft getekend (op papier of in een scan).")
    uitkomst = {"kenmerk": km, "controle": {"code": code, "regels": controle}, "regels": regels,
                "blokkerend": blokkerend, "let_op": let_op, "handtekeningen": handtekening,
                "aanvraag": aanvraag is not None, "aanvraag_kenmerk": km_aanvraag, "lijst": []}
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
        wtrap = jaar >= WTRAP_VANAF
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
