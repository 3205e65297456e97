"""Een ontvangen berekening (en aanvraag) opnemen en opnieuw controleren, en de versies van een dossier bekijken
en er een vastzetten."""

from __future__ import annotations

from .gedeeld import GemeenteFout, Ontvangst, Versie, _ontvangen_versies, _tijd
from .verschillen import _verschillen


def lees(berekening: tuple[str, bytes], aanvraag: tuple[str, bytes] | None = None):
    """(casus, uitkomst) van de stukken, zonder opslag; GemeenteFout als ze niet kunnen worden ontvangen."""
    from ..export.ontvangst import NietOntvangen, lees as lees_stukken
    try:
        return lees_stukken(berekening[1], aanvraag[1] if aanvraag else None)
    except NietOntvangen as e:
        raise GemeenteFout([str(e)], "Niet ontvangen:") from None


def _code(uitkomst: dict) -> int:
    return 1 if (uitkomst["blokkerend"] or uitkomst["controle"]["code"] != 0) else 0


def ontvang(opslag, berekening: tuple[str, bytes], aanvraag: tuple[str, bytes] | None = None, *,
            gelezen=None) -> Ontvangst:
    """Neem een berekening (bestandsnaam, inhoud) en zo mogelijk de aanvraag op en controleer ze. Hetzelfde kenmerk
    (of dezelfde vingerafdruk) nog eens: een nieuwe versie 'ter beoordeling'; de geldende versie blijft gelden tot
    de medewerker een andere vastzet. `gelezen`: de uitkomst van lees() als die al gedaan is."""
    from ..export.ontvangst import lijstcontrole, verslag
    from ..store import ontvangen
    c, uitkomst = gelezen if gelezen is not None else lees(berekening, aanvraag)
    stukken = {ontvangen.BEREKENING: berekening}
    if aanvraag is not None:
        stukken[ontvangen.AANVRAAG] = aanvraag
    eerder = ontvangen.zoek_kenmerk(opslag, uitkomst["kenmerk"])
    opgenomen = ontvangen.neem_op(opslag, uitkomst["kenmerk"], c, stukken, uitkomst.get("vingerafdruk"))
    d, versie = opgenomen["dossier"], opgenomen["versie"]
    if opgenomen["al_ontvangen"]:
        uitkomst["let_op"].append("Precies deze stukken zijn al eerder ontvangen; er is geen nieuwe versie gemaakt.")
    for ander in ontvangen.zelfde_aanvrager(opslag, c.aanvrager.bsn, d):
        uitkomst["let_op"].append(f"Voor dezelfde persoon is ook dossier {ander} ontvangen (ander kenmerk): is dit "
                                  f"een tweede aanvraag?")
    lijstcontrole(opslag, c, uitkomst, d)
    ontvangen.bewaar_controle(opslag, d, versie, uitkomst, opgenomen["stukken"])
    alle = ontvangen.versies(opslag, d)
    status = next(v["status"] for v in alle if v["versie"] == versie)
    geldend = next((v["versie"] for v in alle if v["status"] == "geldend"), None)
    km = uitkomst["kenmerk"]
    if opgenomen["nieuw_dossier"]:
        regels = [f"Ontvangen als dossier {d} (kenmerk {km})."]
    elif opgenomen["al_ontvangen"]:
        regels = [f"Dossier {d} (kenmerk {km}): deze stukken waren er al (versie {versie})."]
    else:
        regels = [("Dit kenmerk" if eerder is not None else "Deze berekening") + f" ({km}) is eerder ontvangen: de "
                  f"nieuwe berekening is versie {versie} van dossier {d}."]
    if not opgenomen["nieuw_dossier"] and not opgenomen["al_ontvangen"]:
        regels += _versieregels(opslag, d, versie, status, geldend)
    regels += verslag(uitkomst)
    return Ontvangst(d, versie, opgenomen["nieuw_dossier"], opgenomen["al_ontvangen"], uitkomst, regels,
                     _code(uitkomst), status)


def _versieregels(opslag, d: int, versie: int, status: str, geldend: int | None) -> list[str]:
    if status == "geldend":
        return [f"Versie {versie} is de geldende versie: er was nog geen versie die klopt of die is vastgezet."]
    uit = [f"Versie {versie} staat ter beoordeling. " + (
        f"Versie {geldend} blijft gelden tot u een andere versie vastzet (`avdesk ontvangen vastzetten {d} --versie "
        f"{versie}`)." if geldend is not None else
        f"Er is nog geen geldende versie; zet er een vast met `avdesk ontvangen vastzetten {d} --versie V`.")]
    if geldend is not None:
        verschil = _verschillen(opslag, d, geldend, versie)
        uit.append(f"Verschillen met versie {geldend}:" if verschil else
                   f"Geen verschil in de gegevens met versie {geldend}.")
        uit += [f"  - {r}" for r in verschil]
    return uit


def controleer_opnieuw(opslag, dossier: int) -> Ontvangst:
    """Controleer elke versie van een ontvangen dossier opnieuw (bijvoorbeeld na een nieuwe doelgroepselectielijst)
    en bewaar de uitkomsten; geeft de uitkomst van de geldende versie (of de nieuwste als er geen geldt)."""
    from ..export.ontvangst import NietOntvangen, lees as lees_stukken, lijstcontrole, verslag
    from ..store import ontvangen
    alle = _ontvangen_versies(opslag, dossier)
    uitkomsten = {}
    for v in alle:
        pdfs = ontvangen.stukken(opslag, dossier, v["versie"])
        if ontvangen.BEREKENING not in pdfs:
            continue
        try:
            c, uitkomst = lees_stukken(pdfs[ontvangen.BEREKENING][1], pdfs.get(ontvangen.AANVRAAG, (None, None))[1])
        except NietOntvangen as e:
            raise GemeenteFout([f"Versie {v['versie']}: {e}"], "Niet gecontroleerd:") from None
        lijstcontrole(opslag, c, uitkomst, dossier)
        ontvangen.bewaar_controle(opslag, dossier, v["versie"], uitkomst, v["stukken"])
        uitkomsten[v["versie"]] = uitkomst
    if not uitkomsten:
        raise GemeenteFout([f"dossier {dossier} heeft geen ontvangen berekening"], "Niet gecontroleerd:")
    alle = ontvangen.versies(opslag, dossier)
    toon = next((v for v in alle if v["status"] == "geldend"), alle[-1])
    uitkomst = uitkomsten.get(toon["versie"]) or next(iter(uitkomsten.values()))
    regels = [f"Dossier {dossier} opnieuw gecontroleerd (kenmerk {uitkomst['kenmerk']}, versie {toon['versie']}"
              + (", de geldende" if toon["status"] == "geldend" else ", er is nog geen geldende versie") + ")."]
    regels += verslag(uitkomst)
    later = [v["versie"] for v in alle if v["status"] == "ter beoordeling" and v["versie"] != toon["versie"]]
    if later:
        regels.append("Ter beoordeling: versie " + ", ".join(map(str, later)) + f" (zie `avdesk ontvangen versies "
                      f"{dossier}`).")
    return Ontvangst(dossier, toon["versie"], False, False, uitkomst, regels, _code(uitkomst), toon["status"])


def versies(opslag, dossier: int) -> list[Versie]:
    """De versies van een ontvangen dossier, oudste eerst, elk met haar status en haar verschillen met de geldende
    versie in woorden."""
    alle = _ontvangen_versies(opslag, dossier)
    geldend = next((v["versie"] for v in alle if v["status"] == "geldend"), None)
    vergelijk = geldend if geldend is not None else alle[0]["versie"]
    uit = []
    for v in alle:
        opm = []
        if v["controle_code"] not in (None, 0):
            opm.append("De controle van deze versie klopt niet: er kan niets op worden toegekend.")
        if v["uitkomst"] and v["uitkomst"].get("blokkerend"):
            opm.append("Er blokkeert iets: " + "; ".join(v["uitkomst"]["blokkerend"]))
        verschil = [] if v["versie"] == vergelijk else _verschillen(opslag, dossier, vergelijk, v["versie"])
        if any(", iban:" in x for x in verschil):
            opm.append("Het rekeningnummer (IBAN) is anders dan in de geldende versie: controleer het bij de aanvrager "
                       "voordat u deze versie vastzet.")
        uit.append(Versie(v["versie"], _tijd(v["ontvangen"]), v["status"],
                          -1 if v["controle_code"] is None else int(v["controle_code"]), verschil,
                          "ontvangen aanvraag" in v["stukken"], opm))
    return uit


def vastzetten(opslag, dossier: int, versie: int | None = None) -> Versie:
    """De medewerker zet een versie vast (zonder versie: de nieuwste): die geldt vanaf nu voor de beschikking."""
    from ..store import OpslagFout, ontvangen
    alle = _ontvangen_versies(opslag, dossier)
    nummers = [v["versie"] for v in alle]
    versie = nummers[-1] if versie is None else versie
    if versie not in nummers:
        raise GemeenteFout([f"Dossier {dossier} heeft geen versie {versie} (wel: {', '.join(map(str, nummers))})."],
                           "Niet vastgezet:")
    try:
        ontvangen.zet_vast(opslag, dossier, versie, opslag.casus(dossier, versie))
    except OpslagFout as e:
        raise GemeenteFout([str(e)], "Niet vastgezet:") from None
    return next(v for v in versies(opslag, dossier) if v.versie == versie)
