"""Het werk van het team Inkomen, zonder Qt: een ontvangen berekening (en aanvraag) opnemen, opnieuw controleren,
de versies van een dossier bekijken en er een vastzetten, een besluit voorstellen en de concept beschikking maken.

De opdrachtregel (`avdesk ontvang`, `avdesk ontvangen ...`, `avdesk beschikking`) en het venster van de gemeente
roepen alleen deze functies aan: wat hier niet mag, mag nergens. Elke weigering is een GemeenteFout met Nederlandse
regels (de opdrachtregel toont ze en stopt met exitcode 2).

De bewakers van het besluit (issue 20): geen document kent geld toe zolang de controle niet klopt, een blokkerend
signaal staat (REKENMODEL §9) of het huishouden voor een Wtrap-jaar op de doelgroepselectielijst staat. Zonder
gekozen besluit stelt avdesk een besluit voor uit de berekening, maar kiest nooit zelf een afwijzing. Een brief is
nooit gedateerd voor de aanvraag."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

BESLUITEN = ("toekenning", "gedeeltelijke toekenning", "afwijzing", "buiten behandeling")
# De spellingen van de opdrachtregel (--besluit gedeeltelijk, buiten-behandeling) blijven werken.
SPELLINGEN = {"toekenning": "toekenning", "gedeeltelijke toekenning": "gedeeltelijke toekenning",
              "gedeeltelijk": "gedeeltelijke toekenning", "gedeeltelijke-toekenning": "gedeeltelijke toekenning",
              "afwijzing": "afwijzing", "buiten behandeling": "buiten behandeling",
              "buiten-behandeling": "buiten behandeling"}
# Het soort in de velden van het sjabloon (export/beschikking.py, en eigen sjablonen van gemeenten).
SOORT_IN_SJABLOON = {"toekenning": "toekenning", "gedeeltelijke toekenning": "gedeeltelijk",
                     "afwijzing": "afwijzing", "buiten behandeling": "buiten-behandeling"}
TOEKENNEND = ("toekenning", "gedeeltelijke toekenning")
WTRAP_VANAF = 2025
MAX_REDEN = 4000
HOE_BESLISSEN = ("Kies zelf het besluit: een afwijzing met uw motivering (`--besluit afwijzing --reden TEKST`), of "
                 "buiten behandeling (`--besluit buiten-behandeling`). Of los het eerst op en controleer opnieuw.")


class GemeenteFout(Exception):
    """Het werk kan niet: `regels` zeggen in het Nederlands waarom (en wat de medewerker kan doen); `kop` is de
    eerste regel voor de opdrachtregel ("Geen beschikking gemaakt:")."""

    def __init__(self, regels: list[str], kop: str = "Niet gelukt:"):
        super().__init__(" ".join(regels))
        self.regels = list(regels)
        self.kop = kop


@dataclass
class Ontvangst:
    dossier: int
    versie: int
    nieuw_dossier: bool
    al_ontvangen: bool
    uitkomst: dict
    regels: list[str]           # wat de medewerker ziet, in het Nederlands
    code: int                   # 0 niets blokkeert, 1 de controle klopt niet of iets blokkeert (de exitcode)
    status: str = ""            # van deze versie: 'geldend', 'ter beoordeling' of 'vervangen'


@dataclass
class Versie:
    versie: int
    ontvangen: datetime
    status: str                 # 'geldend', 'ter beoordeling' of 'vervangen'
    controle_code: int          # 0 klopt, 1 klopt niet (-1: nog niet gecontroleerd)
    verschillen: list[str]      # in woorden, tegenover de geldende versie
    heeft_aanvraag: bool
    opmerkingen: list[str] = field(default_factory=list)


@dataclass
class Voorstel:
    besluit: str | None         # 'toekenning' of 'gedeeltelijke toekenning'; None als avdesk niets mag voorstellen
    redenen: dict[int, str]     # per jaar de gronden die avdesk kent om (dat jaar) niet toe te kennen
    blokkades: list[str]        # waarom er geen geld kan worden toegekend (leeg: niets blokkeert)
    bedragen: dict[int, Decimal] = field(default_factory=dict)


@dataclass
class Beschikking:
    pad: Path
    besluit: str
    samenvatting: str           # "Concept toekenning: € 716,00"
    let_op: list[str]
    vastgelegd: object = None   # het vastgelegde besluit (gemeente/besluit.py), bij vastleggen=True


def besluit_naam(tekst: str | None) -> str | None:
    """'gedeeltelijk' -> 'gedeeltelijke toekenning'; GemeenteFout voor een onbekend besluit."""
    if tekst is None:
        return None
    naam = SPELLINGEN.get(" ".join(str(tekst).split()).casefold())
    if naam is None:
        raise GemeenteFout([f"Onbekend besluit. Kies uit: {', '.join(BESLUITEN)}."], "Ongeldige opdracht:")
    return naam


# ---------------------------------------------------------------- ontvangen

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


# ---------------------------------------------------------------- versies

def _ontvangen_versies(opslag, dossier: int) -> list[dict]:
    from ..store import OpslagFout, ontvangen
    try:
        alle = ontvangen.versies(opslag, dossier)
    except OpslagFout as e:
        raise GemeenteFout([str(e)], "Niet gelukt:") from None
    if not alle:
        raise GemeenteFout([f"Dossier {dossier} heeft geen ontvangen berekening."], "Niet gelukt:")
    return alle


def _tijd(tekst: str | None) -> datetime:
    try:
        return datetime.fromisoformat(tekst or "")
    except ValueError:
        return datetime.min


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


# ---------------------------------------------------------------- verschillen in woorden

_MAAND = re.compile(r"^\d{4}-\d{2}$")
_DAG = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_GEHEIM = ("bsn",)
_GEEN_GELD = ("jaar", "maanden", "kostendelers", "uren", "dagen", "leeftijd")
# Wat de medewerker van de uitkomst eerst wil zien: de bedragen per jaar en in totaal, en de signalen.
_HOOFDZAKEN = ("tekort", "terugvordering", "compensatie_jaar", "eenmalig", "periodiek_per_maand", "signalen", "wtrap")


def _hoofdzaken(berekening: dict) -> dict:
    return {"jaren": [{"jaar": j.get("jaar"), "perioden": [], **{k: j.get(k) for k in _HOOFDZAKEN if k in j}}
                      for j in berekening.get("jaren", []) if isinstance(j, dict)],
            "totaal_compensatie": berekening.get("totaal_compensatie")}


def _woord(v, sleutel: str = "") -> str:
    from ..core.geld import datum, euro, maand_label
    if isinstance(v, bool):
        return "ja" if v else "nee"
    if v is None or v == "":
        return "niet ingevuld"
    if isinstance(v, (int, float, Decimal)):
        # In casus en berekening is elk getal een bedrag, behalve jaren, maanden en aantallen.
        if sleutel.startswith("aantal") or sleutel in _GEEN_GELD:
            return str(v)
        return euro(Decimal(str(v)))
    if isinstance(v, str):
        if _DAG.match(v):
            return datum(date.fromisoformat(v))
        if _MAAND.match(v):
            return maand_label(date(int(v[:4]), int(v[5:7]), 1))
        return f"'{v[:80]}'" + ("..." if len(v) > 80 else "")
    if isinstance(v, list):
        return f"{len(v)} " + ("regel" if len(v) == 1 else "regels") if v else "geen"
    if isinstance(v, dict):
        return "ingevuld" if v else "niet ingevuld"
    return str(v)[:80]


def _in_woorden(wat: str, oud, nieuw) -> str:
    wat = wat or "gegevens"
    laatste = wat.rsplit(", ", 1)[-1]
    if laatste in _GEHEIM:
        return f"{wat[:1].upper() + wat[1:]}: een ander BSN."
    return f"{wat[:1].upper() + wat[1:]}: {_woord(nieuw, laatste)} in deze versie, {_woord(oud, laatste)} in de geldende."


def _verschillen(opslag, dossier: int, oud: int, nieuw: int, maximum: int = 30) -> list[str]:
    """De verschillen tussen twee versies in zinnen: eerst de casus (wat de raadsman invulde), dan de uitkomst van de
    berekening, dan de aanvraag. Met export.bewijs.verschillen, gelabeld en in woorden (geen ruwe diff)."""
    from ..export.bewijs import GeenBewijs, lees_bewijs, verschillen
    from ..store import ontvangen
    uit = []
    casus = [ontvangen.casus_tekst(opslag, dossier, v) for v in (oud, nieuw)]
    if all(casus):
        a, b = (json.loads(t, parse_float=Decimal) for t in casus)
        uit += ["In de casus: " + _in_woorden(w, x, y)[0].lower() + _in_woorden(w, x, y)[1:]
                for w, x, y in verschillen(a, b)]
    stukken = [ontvangen.stukken(opslag, dossier, v) for v in (oud, nieuw)]
    try:
        berekeningen = [json.loads(lees_bewijs(s[ontvangen.BEREKENING][1])[1], parse_float=Decimal)
                        for s in stukken if ontvangen.BEREKENING in s]
    except (GeenBewijs, ValueError):
        berekeningen = []
    if len(berekeningen) == 2:
        hoofd = verschillen(*(_hoofdzaken(x) for x in berekeningen))
        uit += ["In de berekening: " + _in_woorden(w, x, y)[0].lower() + _in_woorden(w, x, y)[1:]
                for w, x, y in hoofd]
        overig = len([1 for w, x, y in verschillen(*berekeningen) if isinstance(x, (int, float, Decimal))
                      or isinstance(y, (int, float, Decimal))]) - len(hoofd)
        if overig > 0:
            uit.append(f"In de berekening verschillen daarnaast {overig} cijfers per periode (toeslagen, "
                       f"bestaansminimum, compensatie per maand): zie de berekening van deze versie.")
    a, b = (s.get(ontvangen.AANVRAAG) for s in stukken)
    if a and not b:
        uit.append("Deze versie heeft geen aanvraag; de geldende wel.")
    elif b and not a:
        uit.append("Deze versie heeft een aanvraag; de geldende niet.")
    elif a and b and a[1] != b[1]:
        zelfde = all(ontvangen.BEREKENING in x for x in stukken) and \
            stukken[0][ontvangen.BEREKENING][1] == stukken[1][ontvangen.BEREKENING][1]
        uit.append("Dezelfde berekening als de geldende versie; alleen de aanvraag is een ander bestand (bijvoorbeeld "
                   "nu getekend). Zet deze versie vast om die aanvraag te gebruiken." if zelfde else
                   "De aanvraag is een ander bestand dan die van de geldende versie.")
    if len(uit) > maximum:
        uit = uit[:maximum] + [f"... en nog {len(uit) - maximum} verschillen."]
    return uit


# ---------------------------------------------------------------- beoordelen

@dataclass
class _Zaak:
    casus: object
    berekening: object
    uitkomst: dict
    kenmerk: str
    dossier: int | None
    versie: int | None
    instellingen: dict
    los: bool


def _zaak(opslag, dossier: int | None, pdf: bytes | None) -> _Zaak:
    """Wat er te beslissen is: bij een dossier de geldende versie (nooit een latere upload die niet is beoordeeld),
    opnieuw gelezen en gecontroleerd; bij een losse PDF alleen de berekening."""
    from ..core.berekening import bereken
    from ..export.bewijs import lees_bewijs
    from ..export.ontvangst import NietOntvangen, lees as lees_stukken, lijstcontrole
    from ..store import OpslagFout, ontvangen
    from ..store.instellingen import STANDAARD, lees as lees_instellingen
    kop = "Geen beschikking gemaakt:"
    if (dossier is None) == (pdf is None):
        raise GemeenteFout(["geef een berekening (PDF) of een dossiernummer (een van beide)"], "Ongeldige opdracht:")
    instellingen = dict(STANDAARD)
    versie = None
    try:
        if opslag is not None:
            instellingen = lees_instellingen(opslag)
        if dossier is not None:
            if opslag is None:
                raise GemeenteFout(["voor een dossier zijn de dossiers nodig"], kop)
            alle = _ontvangen_versies(opslag, dossier)
            versie = next((v["versie"] for v in alle if v["status"] == "geldend"), None)
            if versie is None:
                raise GemeenteFout([f"Dossier {dossier} heeft nog geen geldende versie: geen enkele versie klopt bij de "
                                    f"controle en er is er geen vastgezet. Bekijk de versies (`avdesk ontvangen versies "
                                    f"{dossier}`) en zet er zo nodig een vast (`avdesk ontvangen vastzetten {dossier} "
                                    f"--versie V`)."], kop)
            pdfs = ontvangen.stukken(opslag, dossier, versie)
            if ontvangen.BEREKENING not in pdfs:
                raise GemeenteFout([f"dossier {dossier} is geen ontvangen aanvraag (zie `avdesk ontvang`)"], kop)
            pdf = pdfs[ontvangen.BEREKENING][1]
            aanvraag = pdfs.get(ontvangen.AANVRAAG, (None, None))[1]
        else:
            aanvraag = None
        try:
            c, uitkomst = lees_stukken(pdf, aanvraag)
        except NietOntvangen as e:
            raise GemeenteFout([str(e)], kop) from None
        if opslag is not None:          # ook bij een losse PDF: wie op de lijst staat, krijgt geen tweede keer
            lijstcontrole(opslag, c, uitkomst, dossier)
        if dossier is not None:
            opgeslagen = ontvangen.laatste_controle(opslag, dossier, versie) or {}
            if opgeslagen.get("controle", {}).get("code", 0) != 0 and uitkomst["controle"]["code"] == 0:
                uitkomst["controle"] = opgeslagen["controle"]        # wat ooit niet klopte, klopt niet vanzelf
    except OpslagFout as e:
        raise GemeenteFout([str(e)], "De dossiers kunnen niet worden gebruikt:") from None
    peil = json.loads(lees_bewijs(pdf)[1]).get("peildatum")
    try:
        peildatum = date.fromisoformat(peil) if peil else None
    except (TypeError, ValueError):
        peildatum = None
    b = bereken(c, peildatum)
    return _Zaak(c, b, uitkomst, uitkomst["kenmerk"], dossier, versie, instellingen, dossier is None)


_NOG_NIET = re.compile(r"\s*Nog niet toekennen[^.]*\.", re.IGNORECASE)


def _grond_signaal(sg, jaar: int) -> str:
    """Een blokkerend signaal als grond in de brief (de u-vorm), zonder de aanwijzing voor de raadsman."""
    tekst = _NOG_NIET.sub("", sg.tekst).strip()
    if sg.code == "S5" and ":" in tekst:
        tekst = tekst.split(":", 1)[1].strip().rstrip(".")
        return (f"U voldoet over {jaar} niet aan de voorwaarden, volgens de gegevens van uw aanvraag: {tekst}. "
                f"Daarom kunt u over {jaar} geen geld van ons krijgen.")
    return f"{tekst} Daarom kunt u over {jaar} geen geld van ons krijgen."


def _gronden(z: _Zaak) -> tuple[dict[int, list[str]], dict[int, list[str]], list[str]]:
    """(gronden per jaar voor de brief, blokkades per jaar voor de medewerker, blokkades voor alle jaren)."""
    from ..export.beschikking import afgewezen_uit_controle
    b, u = z.berekening, z.uitkomst
    gronden: dict[int, list[str]] = {jb.jaar: [] for jb in b.jaren}
    blok: dict[int, list[str]] = {jb.jaar: [] for jb in b.jaren}
    algemeen: list[str] = []
    if u["controle"]["code"] != 0:
        algemeen.append("De berekening klopt niet opnieuw gerekend: " + " ".join(u["controle"]["regels"])[:600])
    toegewezen: set[str] = set()
    for jb in b.jaren:
        for sg in list(jb.signalen) + [s for pb in jb.perioden for s in pb.signalen]:
            if not sg.blokkerend:
                continue
            tekst = f"Signaal {sg.code} ({jb.jaar}): {sg.tekst}"
            if tekst not in blok[jb.jaar]:
                blok[jb.jaar].append(tekst)
                grond = _grond_signaal(sg, jb.jaar)
                if jb.wtrap is not None and jb.wtrap.voldoet is False and sg.code == "S5":
                    from ..export.beschikking import wtrap_niet_voldaan
                    grond = wtrap_niet_voldaan(jb)
                if grond not in gronden[jb.jaar]:
                    gronden[jb.jaar].append(grond)
            toegewezen.add(f"Signaal {sg.code} ({jb.jaar}) in de berekening: {sg.tekst}")
    for sg in getattr(b, "signalen", None) or []:          # een signaal voor de hele berekening, als de kern dat kent
        if getattr(sg, "blokkerend", False):
            algemeen.append(f"Signaal {sg.code}: {sg.tekst}")
    for jb in b.jaren:
        if jb.wtrap is not None and jb.wtrap.voldoet is None:
            # Onbekende gegevens zijn een open punt, nooit een afwijzing (REKENMODEL §9): dan stelt avdesk niets voor.
            blok[jb.jaar].append(f"Wtrap {jb.jaar}: nog niet alle voorwaarden na te gaan: "
                                 + "; ".join(jb.wtrap.open_vragen or ["gegevens ontbreken"])
                                 + ". Vraag de gegevens op (komen ze niet binnen de hersteltermijn: buiten behandeling).")
            gronden[jb.jaar].append(f"We konden over {jb.jaar} niet nagaan of u aan alle voorwaarden voor de vaste "
                                    f"tegemoetkoming voldoet: " + "; ".join(jb.wtrap.open_vragen or ["gegevens ontbreken"])
                                    + ".")
    for jaar, reden in afgewezen_uit_controle(u).items():
        if jaar in gronden:
            gronden[jaar].append(reden)
    for x in u.get("lijst", []):
        if x.get("status") == "op_lijst" and x.get("jaar", 0) >= WTRAP_VANAF and x.get("jaar") in blok:
            blok[x["jaar"]].append(x["tekst"])
            toegewezen.add(x["tekst"])
    for x in u["blokkerend"]:
        if x not in toegewezen and not x.startswith("De berekening klopt niet opnieuw gerekend"):
            algemeen.append(x)
    for jb in b.jaren:
        if jb.compensatie_jaar <= 0 and not gronden[jb.jaar]:
            from ..export.beschikking import niets_te_vergoeden
            gronden[jb.jaar].append(niets_te_vergoeden(jb))
    return gronden, blok, algemeen


def _voorstel(z: _Zaak) -> Voorstel:
    gronden, blok, algemeen = _gronden(z)
    blokkades = list(algemeen) + [x for j in sorted(blok) for x in blok[j]]
    redenen = {j: " ".join(g) for j, g in gronden.items() if g}
    bedragen = {jb.jaar: jb.compensatie_jaar for jb in z.berekening.jaren}
    if blokkades:
        return Voorstel(None, redenen, blokkades, bedragen)
    if not any(v > 0 for v in bedragen.values()):
        return Voorstel(None, redenen, ["Volgens de berekening is er niets te vergoeden, over geen enkel jaar."],
                        bedragen)
    besluit = "toekenning" if all(v > 0 for v in bedragen.values()) else "gedeeltelijke toekenning"
    return Voorstel(besluit, redenen, [], bedragen)


def voorstel(opslag=None, dossier: int | None = None, pdf: bytes | None = None) -> Voorstel:
    """Het besluit dat de berekening draagt: toekenning of gedeeltelijke toekenning; None (met de blokkades) als de
    controle niet klopt, iets blokkeert of er niets te vergoeden is: dan kiest de medewerker zelf."""
    return _voorstel(_zaak(opslag, dossier, pdf))


def _reden(tekst: str | None) -> str | None:
    if tekst is None:
        return None
    tekst = " ".join(tekst.split())
    if not tekst:
        return None
    if len(tekst) > MAX_REDEN:
        raise GemeenteFout([f"De reden is te lang ({len(tekst)} tekens; hooguit {MAX_REDEN})."], "Ongeldige opdracht:")
    verboden = [ch for ch in tekst if ord(ch) < 32 or 0x202A <= ord(ch) <= 0x202E or 0x2066 <= ord(ch) <= 0x2069
                or ch in "\u200e\u200f\u061c"]
    if verboden:
        raise GemeenteFout(["De reden bevat een onzichtbaar stuurteken (bijvoorbeeld voor de schrijfrichting); haal "
                            "het weg."], "Ongeldige opdracht:")
    return tekst


def beschikking(opslag=None, *, dossier: int | None = None, pdf: bytes | None = None, besluit: str | None = None,
                reden: str | None = None, doelmap: Path, sjabloon: Path | None = None,
                hersteltermijn: date | None = None, ontbrak: str | list[str] | None = None,
                vandaag: date | None = None, vastleggen: bool = False) -> Beschikking:
    """Maak de concept beschikking (.docx) in `doelmap` en geef waar hij staat. Bij een dossier de geldende versie,
    en het document komt ook in het dossier. GemeenteFout (en geen bestand) als het besluit niet kan. `vastleggen`:
    het besluit wordt ook vastgelegd in het dossier (gemeente/besluit.py); lukt dat niet, dan blijft er geen brief."""
    from ..export.beschikking import SjabloonFout, context, maak_docx
    from ..export.documenten import vrij_pad
    from ..store import OpslagFout, ontvangen
    from ..store.sleutel import schrijf_atomair
    from . import besluit as vastlegging
    kop = "Geen beschikking gemaakt:"
    vandaag = vandaag or date.today()
    gekozen = besluit_naam(besluit)
    reden = _reden(reden)
    if isinstance(ontbrak, str):
        ontbrak = [ontbrak]
    if vastleggen and dossier is None:
        raise GemeenteFout(["Een besluit vastleggen kan alleen in een ontvangen dossier (--dossier N)."], kop)
    z = _zaak(opslag, dossier, pdf)
    c = z.casus
    if c.aanvraagdatum and vandaag < c.aanvraagdatum:
        from ..core.geld import datum
        raise GemeenteFout([f"De brief zou gedateerd zijn op {datum(vandaag)}, voor de aanvraag van "
                            f"{datum(c.aanvraagdatum)}. Een besluit kan niet voor de aanvraag liggen: controleer de "
                            f"aanvraagdatum in de berekening (vraag de raadsman zo nodig om een nieuwe)."], kop)
    if gekozen == "buiten behandeling" and hersteltermijn is not None:
        from ..core.geld import datum
        if c.aanvraagdatum and hersteltermijn < c.aanvraagdatum:
            raise GemeenteFout([f"De hersteltermijn ({datum(hersteltermijn)}) ligt voor de aanvraag van "
                                f"{datum(c.aanvraagdatum)}."], kop)
        if vandaag <= hersteltermijn:
            raise GemeenteFout([f"De hersteltermijn loopt tot en met {datum(hersteltermijn)}. Pas daarna kunt u de "
                                f"aanvraag buiten behandeling laten (artikel 4:5 Awb)."], kop)
    v = _voorstel(z)
    gronden, blok, algemeen = _gronden(z)
    if gekozen is None:
        if v.besluit is None:
            raise GemeenteFout(["avdesk stelt geen besluit voor, want:"] + [x for x in v.blokkades]
                               + [HOE_BESLISSEN], kop)
        gekozen = v.besluit
    afgewezen: dict[int, str] = {}
    if gekozen in TOEKENNEND:
        if algemeen:
            raise GemeenteFout([f"Een {gekozen} kan niet, want:"] + [x for x in algemeen] + [HOE_BESLISSEN],
                               kop)
        geweigerd = {j for j in gronden if blok[j] or v.bedragen.get(j, 0) <= 0}
        if gekozen == "toekenning" and geweigerd:
            raise GemeenteFout(["Een toekenning over alle jaren kan niet:"]
                               + [f"{j}: " + ("; ".join(blok[j]) or "er is niets te vergoeden") for j in
                                  sorted(geweigerd)]
                               + ["Kies een gedeeltelijke toekenning (`--besluit gedeeltelijk`) of een afwijzing "
                                  "(`--besluit afwijzing --reden TEKST`)."], kop)
        if gekozen == "gedeeltelijke toekenning":
            if geweigerd == set(gronden):
                raise GemeenteFout(["Een gedeeltelijke toekenning kan niet: over geen enkel jaar kan iets worden "
                                    "toegekend."] + [x for j in sorted(blok) for x in blok[j]]
                                   + [HOE_BESLISSEN], kop)
            if not geweigerd:
                raise GemeenteFout(["Een gedeeltelijke toekenning kan niet: elk jaar kan worden toegekend. Kies een "
                                    "toekenning, of een afwijzing met uw motivering."], kop)
        for j in sorted(geweigerd):
            afgewezen[j] = " ".join(gronden[j] + ([reden] if reden else []))
            if not afgewezen[j]:
                raise GemeenteFout([f"Voor {j} kent avdesk geen grond om af te wijzen: geef uw motivering met "
                                    f"--reden TEKST."], kop)
    elif gekozen == "afwijzing":
        zonder = [j for j in sorted(gronden) if not gronden[j]]
        if zonder and not reden:
            raise GemeenteFout([f"Een afwijzing moet per jaar zeggen waarom. Voor {', '.join(map(str, zonder))} kent "
                                f"avdesk geen grond: geef uw motivering met --reden TEKST."], kop)
        afgewezen = {j: " ".join(gronden[j] + ([reden] if reden else [])) for j in gronden}
    medewerker: list[str] = []
    let_op: list[str] = []
    for x in algemeen + [x for j in sorted(blok) for x in blok[j]]:
        medewerker.append(f"Blokkeert: {x}")
    medewerker += [f"Let op: {x}" for x in z.uitkomst.get("let_op", [])]
    if z.los:
        tekst = ("Deze beschikking is gemaakt uit een losse berekening, zonder `avdesk ontvang`: " + (
            "de handtekeningen zijn niet nagekeken (de doelgroepselectielijst wel)." if opslag is not None else
            "de doelgroepselectielijst en de handtekeningen zijn niet nagekeken."))
        medewerker.append(tekst)
        let_op.append(tekst)
    if gekozen in ("afwijzing", "buiten behandeling"):
        # Een brief die niets toekent noemt geen rekening, ook niet in wat de controle van het papier aanhaalt.
        from ..export.ontvangst import _IBAN
        medewerker = [_IBAN.sub("[rekeningnummer]", x) for x in medewerker]
    if gekozen == "buiten behandeling" and not (hersteltermijn and ontbrak):
        let_op.append("Zonder hersteltermijn en wat ontbrak staan er [in te vullen]-plekken in de motivering.")
    i = z.instellingen
    gemeente = {"gemeente_naam": i.get("gemeente_naam", ""), "afdeling": i.get("gemeente_afdeling", ""),
                "gemeente_adres": i.get("gemeente_adres", ""), "beleidsregel": i.get("beleidsregel", ""),
                "ondertekening": i.get("beschikking_ondertekening", "")}
    # --sjabloon, anders de instelling, anders het sjabloon van het beleidsprofiel, anders het standaardsjabloon.
    sjabloon = (sjabloon or (Path(i["beschikking_sjabloon"]) if i.get("beschikking_sjabloon") else None)
                or (Path(z.berekening.profiel.beschikking_sjabloon) if z.berekening.profiel.beschikking_sjabloon else None))
    ctx = context(c, z.berekening, z.kenmerk, soort=SOORT_IN_SJABLOON[gekozen], gemeente=gemeente,
                  afgewezen=afgewezen, medewerker=medewerker, hersteltermijn=hersteltermijn, ontbrak=ontbrak,
                  vandaag=vandaag, reden=reden)
    try:
        docx = maak_docx(ctx, Path(sjabloon) if sjabloon else None)
    except SjabloonFout as e:
        raise GemeenteFout([str(e)], kop) from None
    naam = f"avdesk-beschikking-{z.kenmerk}-{vandaag.isoformat()}.docx"
    try:
        doelmap = Path(doelmap)
        doelmap.mkdir(parents=True, exist_ok=True)
        pad = vrij_pad(doelmap, naam)
        schrijf_atomair(pad, docx)
    except OSError as e:
        raise GemeenteFout([f"kan niet schrijven in {doelmap} (foutcode {e.errno})"],
                           "De beschikking is niet opgeslagen:") from None
    vast = None
    if z.dossier is not None:
        try:
            opslag.bewaar_document(z.dossier, "beschikking (concept)", pad.name, docx)
            ontvangen.zet_beschikking(opslag, z.dossier, ("vastgelegd" if vastleggen else "concept")
                                      + f" {gekozen} {ctx['datum']}", z.versie)
            vast = vastlegging.leg_vast(opslag, z, gekozen, afgewezen, reden, vandaag, pad.name) if vastleggen else None
        except OpslagFout as e:
            if vastleggen:
                pad.unlink(missing_ok=True)
                raise GemeenteFout([f"Het besluit is niet vastgelegd en de brief is niet bewaard: {e}"], kop) from None
            let_op.append(f"De beschikking staat in {pad}, maar is niet in het dossier bewaard: {e}")
    bedrag = f": {ctx['totaal']}" if gekozen in TOEKENNEND else ""
    return Beschikking(pad, gekozen, f"Concept {gekozen}{bedrag}", let_op, vast)
