"""Tijdelijke brug naar avdesk.gemeente.werk (branch besluit): de Qt-vrije functies van het team Inkomen. Zolang die
module er niet is, dezelfde namen op de bestaande functies. Verdwijnt zodra werk.py er is."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

try:                                    # pragma: no cover - de echte module
    from ..gemeente import werk          # noqa: F401
except ImportError:
    werk = None

BESLUITEN = ("toekenning", "gedeeltelijke toekenning", "afwijzing", "buiten behandeling")
_SOORT = {"toekenning": "toekenning", "gedeeltelijke toekenning": "gedeeltelijk", "afwijzing": "afwijzing",
          "buiten behandeling": "buiten-behandeling"}


class GemeenteFout(Exception):
    def __init__(self, regels):
        self.regels = list(regels)
        super().__init__("; ".join(self.regels))


@dataclass
class Ontvangst:
    dossier: int
    versie: int
    nieuw_dossier: bool
    al_ontvangen: bool
    uitkomst: dict
    regels: list
    code: int


@dataclass
class Versie:
    versie: int
    ontvangen: str
    status: str
    controle_code: int
    verschillen: list = field(default_factory=list)
    heeft_aanvraag: bool = False


@dataclass
class Voorstel:
    besluit: str | None
    redenen: dict
    blokkades: list


@dataclass
class Beschikking:
    pad: Path
    besluit: str
    samenvatting: str
    let_op: list


def _ontvangst(d, versie, nieuw, al, uitkomst):
    from ..export.ontvangst import verslag
    code = 1 if (uitkomst["blokkerend"] or uitkomst["controle"]["code"] != 0) else 0
    return Ontvangst(d, versie, nieuw, al, uitkomst, verslag(uitkomst), code)


def ontvang(opslag, berekening, aanvraag):
    from ..export.ontvangst import NietOntvangen, lees, lijstcontrole
    from ..store import ontvangen
    stukken = {"ontvangen berekening": berekening}
    if aanvraag:
        stukken["ontvangen aanvraag"] = aanvraag
    try:
        c, uitkomst = lees(berekening[1], aanvraag[1] if aanvraag else None)
    except NietOntvangen as e:
        raise GemeenteFout([str(e)]) from None
    o = ontvangen.neem_op(opslag, uitkomst["kenmerk"], c, stukken)
    lijstcontrole(opslag, c, uitkomst, o["dossier"])
    ontvangen.bewaar_controle(opslag, o["dossier"], o["versie"], uitkomst)
    return _ontvangst(o["dossier"], o["versie"], o["nieuw_dossier"], o["al_ontvangen"], uitkomst)


def controleer_opnieuw(opslag, dossier):
    from ..export.ontvangst import NietOntvangen, lees, lijstcontrole
    from ..store import ontvangen
    stukken = ontvangen.stukken(opslag, dossier)
    try:
        c, uitkomst = lees(stukken["ontvangen berekening"][1], stukken.get("ontvangen aanvraag", (None, None))[1])
    except (NietOntvangen, KeyError) as e:
        raise GemeenteFout([str(e)]) from None
    versie = opslag.versies(dossier)[-1]["versie"]
    lijstcontrole(opslag, c, uitkomst, dossier)
    ontvangen.bewaar_controle(opslag, dossier, versie, uitkomst)
    return _ontvangst(dossier, versie, False, False, uitkomst)


def versies(opslag, dossier):
    v = opslag.versies(dossier)
    return [Versie(x["versie"], x["opgeslagen"], "geldend" if i == len(v) - 1 else "vervangen", 0)
            for i, x in enumerate(v)]


def vastzetten(opslag, dossier, versie=None):
    raise GemeenteFout(["Vastzetten kan pas met de nieuwe gemeentemodule (branch besluit)."])


def voorstel(opslag, dossier=None, pdf=None):
    from ..store import ontvangen
    u = ontvangen.laatste_controle(opslag, dossier) or {}
    blok = list(u.get("blokkerend", []))
    if u.get("controle", {}).get("code"):
        blok.insert(0, "De berekening klopt niet opnieuw gerekend.")
    return Voorstel(None if blok else "toekenning", {}, blok)


def beschikking(opslag, *, dossier=None, pdf=None, besluit=None, reden=None, doelmap, sjabloon=None,
                hersteltermijn=None, ontbrak=None):
    import json

    from ..core.berekening import bereken
    from ..export.beschikking import afgewezen_uit_controle, context, maak_docx
    from ..export.bewijs import lees_bewijs
    from ..export.documenten import vrij_pad
    from ..export.ontvangst import lees
    from ..store import ontvangen
    from ..store.instellingen import lees as lees_instellingen
    from ..store.sleutel import schrijf_atomair
    v = voorstel(opslag, dossier)
    if besluit is None and v.besluit is None:
        raise GemeenteFout(v.blokkades)
    pdf = ontvangen.stukken(opslag, dossier)["ontvangen berekening"][1]
    uitkomst = ontvangen.laatste_controle(opslag, dossier)
    c, gelezen = lees(pdf, None)
    peil = json.loads(lees_bewijs(pdf)[1]).get("peildatum")
    b = bereken(c, date.fromisoformat(peil) if peil else None)
    i = lees_instellingen(opslag)
    ctx = context(c, b, gelezen["kenmerk"], soort=_SOORT.get(besluit) if besluit else None,
                  afgewezen=afgewezen_uit_controle(uitkomst), hersteltermijn=hersteltermijn, ontbrak=ontbrak,
                  gemeente={"gemeente_naam": i["gemeente_naam"], "afdeling": i["gemeente_afdeling"],
                            "gemeente_adres": i["gemeente_adres"], "beleidsregel": i["beleidsregel"],
                            "ondertekening": i["beschikking_ondertekening"]})
    docx = maak_docx(ctx, Path(i["beschikking_sjabloon"]) if i["beschikking_sjabloon"] else None)
    doelmap = Path(doelmap)
    doelmap.mkdir(parents=True, exist_ok=True)
    pad = vrij_pad(doelmap, f"avdesk-beschikking-{gelezen['kenmerk']}-{date.today().isoformat()}.docx")
    schrijf_atomair(pad, docx)
    opslag.bewaar_document(dossier, "beschikking (concept)", pad.name, docx)
    ontvangen.zet_beschikking(opslag, dossier, f"concept {ctx['soort_naam'].lower()} {ctx['datum']}")
    return Beschikking(pad, besluit or "toekenning", f"Concept {ctx['soort_naam'].lower()}: {ctx['totaal']}", [])


if werk is None:
    import sys
    werk = sys.modules[__name__]
