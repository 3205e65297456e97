"""Een afgehandeld dossier overdragen aan het zaaksysteem van de gemeente (ZGW API's, issue 25), zonder Qt.

Optioneel en standaard uit (instelling `zaaksysteem`): de PDF-route blijft de standaard en hangt hier nooit van af.
Volgorde: de zaak (Zaken API, POST /zaken), per document een enkelvoudiginformatieobject (Documenten API, inhoud in
base64), de koppeling (POST /zaakinformatieobjecten) en de rol van de aanvrager (natuurlijk persoon, inpBsn).

Na elke geslaagde stap bewaart avdesk wat het zaaksysteem teruggaf (store/zaaksysteem.py); een herhaling slaat over
wat er al is. Geeft de server geen antwoord terwijl hij misschien toch iets aanmaakte, dan weet de stand dat de stap
begonnen was: de herhaling zoekt dan eerst (op de identificatie die avdesk zelf meegaf, of op zaak en
informatieobject) en maakt niets dubbel.

Wat er overgedragen wordt, staat in één dataclass (Overdracht) die één functie uit het dossier vult
(overdracht_uit_dossier): wijst het besluit later naar een vastgelegd besluit, dan verandert alleen die functie."""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass, field
from datetime import date
from hashlib import sha256

from .werk import GemeenteFout
from .zgw import Verbinding, ZaaksysteemFout, resultaten, url_uit

OMSCHRIJVING = "Compensatie alleenverdienersproblematiek"
NODIG = ("zaaksysteem_zaken_api", "zaaksysteem_documenten_api", "zaaksysteem_zaaktype",
         "zaaksysteem_informatieobjecttype", "zaaksysteem_roltype", "zaaksysteem_bronorganisatie",
         "zaaksysteem_client_id", "zaaksysteem_secret")
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Document:
    naam: str                   # bestandsnaam
    titel: str
    inhoud: bytes
    formaat: str                # media type
    creatiedatum: date
    auteur: str
    status: str = "definitief"  # ZGW: definitief (ontvangen) of concept
    ontvangen: bool = True      # ontvangstdatum = creatiedatum

    @property
    def sleutel(self) -> str:
        return sha256(self.inhoud).hexdigest()[:16]


@dataclass(frozen=True)
class Overdracht:
    kenmerk: str
    bsn: str
    documenten: tuple[Document, ...]
    besluit: str                # 'toekenning', 'gedeeltelijke toekenning', 'afwijzing' of 'buiten behandeling'
    besluitdatum: date
    startdatum: date            # de aanvraagdatum
    omschrijving: str = OMSCHRIJVING


@dataclass
class Uitkomst:
    regels: list[str]
    code: int                   # 0 overgedragen (of was het al), 1 het zaaksysteem faalde (zie regels)
    zaak: str | None = None
    nieuw: list[str] = field(default_factory=list)      # wat deze keer is aangemaakt


def overdracht_uit_dossier(opslag, dossier: int) -> Overdracht:
    """Wat er van een ontvangen dossier naar het zaaksysteem gaat: de geldende versie (aanvraag en berekening zoals
    ontvangen) en het vastgelegde besluit met zijn beschikking (gemeente/besluit.py). GemeenteFout (exit 2) zonder
    geldende versie of zonder vastgelegd besluit: een concept beschikking is nog geen besluit."""
    from ..store import OpslagFout, ontvangen
    from .besluit import laatste_besluit
    kop = "Niet overgedragen:"
    try:
        alle = ontvangen.versies(opslag, dossier)
        geldend = next((v for v in alle if v["status"] == "geldend"), None)
        if geldend is None:
            raise GemeenteFout([f"Dossier {dossier} heeft nog geen geldende versie (zie `avdesk ontvangen versies "
                                f"{dossier}`)."], kop)
        besluit = laatste_besluit(opslag, dossier)
        if besluit is None:
            raise GemeenteFout([f"Over dossier {dossier} is nog geen besluit vastgelegd: maak de beschikking en leg "
                                f"het besluit vast (`avdesk beschikking --dossier {dossier} --map MAP "
                                f"--vastleggen`)."], kop)
        controle = ontvangen.laatste_controle(opslag, dossier, geldend["versie"]) or {}
        stukken = ontvangen.stukken(opslag, dossier, geldend["versie"])
        casus = opslag.casus(dossier, geldend["versie"])
        brieven = [d for d in opslag.documenten(dossier)
                   if d["soort"] == "beschikking (concept)" and d["bestandsnaam"] == besluit.brief]
        brief = (brieven[-1]["bestandsnaam"], opslag.document(brieven[-1]["id"])) if brieven else None
        gemeente = opslag.instelling("gemeente_naam", "") or "team Inkomen"
    except OpslagFout as e:
        raise GemeenteFout([str(e)], kop) from None
    if not casus.aanvrager.bsn:
        raise GemeenteFout([f"In dossier {dossier} staat geen BSN van de aanvrager; de rol kan niet worden "
                            f"vastgelegd."], kop)
    try:
        ontvangst = date.fromisoformat(str(geldend["ontvangen"])[:10])
    except ValueError:
        ontvangst = date.today()
    auteur = (casus.raadsman.organisatie or "de raadsman")[:200]
    docs = [Document(naam, titel, inhoud, "application/pdf", ontvangst, auteur)
            for soort, titel in ((ontvangen.AANVRAAG, "Aanvraag bijzondere bijstand"),
                                 (ontvangen.BEREKENING, "Berekening alleenverdienersproblematiek"))
            if soort in stukken for naam, inhoud in [stukken[soort]]]
    if brief is not None:
        docs.append(Document(brief[0], f"Beschikking ({besluit.soort})", bytes(brief[1]), DOCX, besluit.datum,
                             gemeente[:200], "definitief", False))
    return Overdracht(controle.get("kenmerk") or besluit.kenmerk or "", casus.aanvrager.bsn, tuple(docs),
                      besluit.soort, besluit.datum, casus.aanvraagdatum or ontvangst)


# ---------------------------------------------------------------- instellingen

@dataclass(frozen=True)
class Koppeling:
    zaken: str
    documenten: str
    zaaktype: str
    informatieobjecttype: str
    roltype: str
    bronorganisatie: str
    verantwoordelijke: str
    client_id: str
    secret: str


def koppeling(opslag) -> Koppeling:
    """De instellingen van het zaaksysteem; GemeenteFout (exit 2) als het uit staat of er iets ontbreekt."""
    from ..store.instellingen import lees
    i = lees(opslag)
    if i["zaaksysteem"] != "aan":
        raise GemeenteFout(["Het zaaksysteem staat uit (standaard). Zet het aan met `avdesk instellingen zaaksysteem "
                            "aan`, met de adressen en de client van de gemeente (zie `avdesk instellingen --help`)."],
                           "Niet overgedragen:")
    ontbreekt = [k for k in NODIG if not i[k]]
    if ontbreekt:
        raise GemeenteFout(["Voor het zaaksysteem ontbreken de instellingen: " + ", ".join(ontbreekt) + ". Zet ze met "
                            "`avdesk instellingen SLEUTEL WAARDE` (het secret met `avdesk instellingen "
                            "zaaksysteem_secret -`, van standaardinvoer)."], "Niet overgedragen:")
    return Koppeling(i["zaaksysteem_zaken_api"].rstrip("/"), i["zaaksysteem_documenten_api"].rstrip("/"),
                     i["zaaksysteem_zaaktype"], i["zaaksysteem_informatieobjecttype"], i["zaaksysteem_roltype"],
                     i["zaaksysteem_bronorganisatie"],
                     i["zaaksysteem_verantwoordelijke"] or i["zaaksysteem_bronorganisatie"],
                     i["zaaksysteem_client_id"], i["zaaksysteem_secret"])


# ---------------------------------------------------------------- de verzoeken

def _identificatie() -> str:
    return "AVDESK-" + secrets.token_hex(8).upper()


def zaak_body(o: Overdracht, k: Koppeling, identificatie: str, vandaag: date) -> dict:
    from ..core.geld import datum
    return {"identificatie": identificatie, "bronorganisatie": k.bronorganisatie, "zaaktype": k.zaaktype,
            "verantwoordelijkeOrganisatie": k.verantwoordelijke, "startdatum": o.startdatum.isoformat(),
            "registratiedatum": vandaag.isoformat(), "omschrijving": o.omschrijving[:80],
            "toelichting": f"Kenmerk {o.kenmerk[:200]}; besluit: {o.besluit} van {datum(o.besluitdatum)}. "
                           f"Overgedragen door avdesk."}


def document_body(d: Document, k: Koppeling, identificatie: str) -> dict:
    body = {"identificatie": identificatie, "bronorganisatie": k.bronorganisatie,
            "creatiedatum": d.creatiedatum.isoformat(), "titel": d.titel[:200], "auteur": d.auteur[:200],
            "status": d.status, "formaat": d.formaat, "taal": "dut", "bestandsnaam": d.naam[:255],
            "inhoud": base64.b64encode(d.inhoud).decode("ascii"), "bestandsomvang": len(d.inhoud),
            "informatieobjecttype": k.informatieobjecttype, "indicatieGebruiksrecht": False}
    if d.ontvangen:
        body["ontvangstdatum"] = d.creatiedatum.isoformat()
    return body


def rol_body(o: Overdracht, k: Koppeling, zaak: str) -> dict:
    return {"zaak": zaak, "betrokkeneType": "natuurlijk_persoon", "roltype": k.roltype,
            "roltoelichting": "aanvrager", "betrokkeneIdentificatie": {"inpBsn": o.bsn}}


def _plan(o: Overdracht, stand: dict) -> list[str]:
    docs = stand.get("documenten", {})
    uit = [("zaak: al aangemaakt" if stand.get("zaak") else f"zaak: aanmaken ({o.omschrijving}, kenmerk "
            f"{o.kenmerk}, besluit {o.besluit})")]
    for d in o.documenten:
        s = docs.get(d.sleutel, {})
        wat = "al aangemaakt en gekoppeld" if s.get("koppeling") else "al aangemaakt, nog koppelen" if s.get("url") \
            else f"aanmaken ({f'{len(d.inhoud):,}'.replace(',', '.')} bytes, {d.formaat}) en koppelen"
        uit.append(f"document '{d.titel}' ({d.naam}): {wat}")
    uit.append("rol: al aangemaakt" if stand.get("rol") else "rol: de aanvrager als natuurlijk persoon (met BSN)")
    return uit


def draag_over(opslag, dossier: int, *, proef: bool = False, transport=None, vandaag: date | None = None,
               **verbinding) -> Uitkomst:
    """Draag het dossier over (of, met proef, zeg alleen wat er zou gebeuren, zonder het netwerk).
    GemeenteFout (exit 2): uit, instellingen ontbreken of geen besluit. Faalt het zaaksysteem, dan code 1 en is
    alleen bewaard wat het zaaksysteem echt aanmaakte."""
    from ..store import OpslagFout, zaaksysteem
    vandaag = vandaag or date.today()
    k = koppeling(opslag)
    o = overdracht_uit_dossier(opslag, dossier)
    try:
        stand = zaaksysteem.stand(opslag, dossier)
    except OpslagFout as e:
        raise GemeenteFout([str(e)], "De dossiers kunnen niet worden gebruikt:") from None
    if proef:
        return Uitkomst([f"Proef (er is niets verstuurd): dossier {dossier} naar {k.zaken} en {k.documenten}:"]
                        + [f"  - {x}" for x in _plan(o, stand)], 0, stand.get("zaak"))
    nieuw: list[str] = []

    def bewaar(actie: str) -> None:
        try:
            zaaksysteem.bewaar_stand(opslag, dossier, stand, actie)
        except OpslagFout as e:
            raise GemeenteFout([str(e), "Wat al in het zaaksysteem is aangemaakt: " + (", ".join(nieuw) or "niets")
                                + "."], "De dossiers kunnen niet worden gebruikt:") from None

    try:
        with Verbinding(k.client_id, k.secret, opslag.gebruiker, opslag.gebruiker, transport=transport,
                        **verbinding) as v:
            _stappen(v, o, k, stand, nieuw, bewaar, vandaag)
    except ZaaksysteemFout as e:
        gedaan = ("Wat al is aangemaakt (" + ", ".join(nieuw) + ") is onthouden; " if nieuw else
                  "Er is deze keer niets aangemaakt; ")
        return Uitkomst(["Niet (helemaal) overgedragen aan het zaaksysteem:"] + [f"  - {r}" for r in e.regels]
                        + [gedaan + f"een herhaling (`avdesk zaaksysteem {dossier}`) maakt niets dubbel. De "
                                    f"beschikking en de PDF's in het dossier zijn niet veranderd."],
                        e.code, stand.get("zaak"), nieuw)
    if not nieuw:
        return Uitkomst([f"Dossier {dossier} was al overgedragen aan het zaaksysteem; er is niets opnieuw "
                         f"verstuurd."], 0, stand["zaak"])
    return Uitkomst([f"Dossier {dossier} is overgedragen aan het zaaksysteem: " + ", ".join(nieuw) + "."], 0,
                    stand["zaak"], nieuw)


def _stappen(v: Verbinding, o: Overdracht, k: Koppeling, stand: dict, nieuw: list[str], bewaar, vandaag: date) -> None:
    if not stand.get("zaak"):
        gevonden = None
        if stand.get("identificatie"):          # eerder begonnen: misschien maakte de server hem toch
            gevonden = resultaten(v.get(f"{k.zaken}/zaken", {"identificatie": stand["identificatie"],
                                                             "bronorganisatie": k.bronorganisatie}, crs=True))
        else:
            stand["identificatie"] = _identificatie()
            bewaar("zaak wordt aangemaakt")
        stand["zaak"] = url_uit(gevonden[0] if gevonden else
                                v.post(f"{k.zaken}/zaken", zaak_body(o, k, stand["identificatie"], vandaag), crs=True),
                                "de zaak")
        nieuw.append("de zaak")
        bewaar("zaak aangemaakt")
    docs = stand.setdefault("documenten", {})
    for d in o.documenten:
        s = docs.setdefault(d.sleutel, {})
        if not s.get("url"):
            gevonden = None
            if s.get("identificatie"):
                gevonden = resultaten(v.get(f"{k.documenten}/enkelvoudiginformatieobjecten",
                                            {"identificatie": s["identificatie"],
                                             "bronorganisatie": k.bronorganisatie}))
            else:
                s["identificatie"] = _identificatie()
                bewaar("document wordt aangemaakt")
            s["url"] = url_uit(gevonden[0] if gevonden else
                               v.post(f"{k.documenten}/enkelvoudiginformatieobjecten",
                                      document_body(d, k, s["identificatie"])), "een document")
            nieuw.append(f"document '{d.titel}'")
            bewaar("document aangemaakt")
        if not s.get("koppeling"):
            gevonden = None
            if s.get("koppeling_begonnen"):
                gevonden = resultaten(v.get(f"{k.zaken}/zaakinformatieobjecten",
                                            {"zaak": stand["zaak"], "informatieobject": s["url"]}))
            else:
                s["koppeling_begonnen"] = True
                bewaar("document wordt gekoppeld")
            s["koppeling"] = url_uit(gevonden[0] if gevonden else
                                     v.post(f"{k.zaken}/zaakinformatieobjecten",
                                            {"informatieobject": s["url"], "zaak": stand["zaak"],
                                             "titel": d.titel[:200]}), "de koppeling")
            nieuw.append(f"koppeling '{d.titel}'")
            bewaar("document gekoppeld")
    if not stand.get("rol"):
        gevonden = None
        if stand.get("rol_begonnen"):           # zoeken zonder BSN in het adres: op zaak en soort, hier vergelijken
            gevonden = [r for r in resultaten(v.get(f"{k.zaken}/rollen", {"zaak": stand["zaak"],
                                                                          "betrokkeneType": "natuurlijk_persoon"}))
                        if (r.get("betrokkeneIdentificatie") or {}).get("inpBsn") == o.bsn]
        else:
            stand["rol_begonnen"] = True
            bewaar("rol wordt aangemaakt")
        stand["rol"] = url_uit(gevonden[0] if gevonden else v.post(f"{k.zaken}/rollen", rol_body(o, k, stand["zaak"])),
                               "de rol")
        nieuw.append("de rol van de aanvrager")
        bewaar("rol aangemaakt")
    if nieuw:
        stand["overgedragen"] = vandaag.isoformat()
        bewaar("dossier overgedragen")
