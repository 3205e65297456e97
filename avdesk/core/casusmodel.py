"""Het casusmodel: wat een casus (avdesk-casus/1) bevat, met de vaste lijsten waaruit velden kiezen.

Lezen met controle per veld staat in casuslezer.py (met de controles per waarde in casuscontrole.py), terugschrijven
in casusschrijver.py; casus.py geeft alles samen (from avdesk.core.casus import ... blijft werken)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from .geld import NUL, maanden_tussen
from .model import nieuw, record

FORMAAT = "avdesk-casus/1"
SERVICEKOSTEN = ("energie", "huismeester", "schoonmaak", "ruimten")
HANDMATIGE_TOESLAGEN = ("kindgebonden_budget", "kinderopvangtoeslag")
# De weergavenaam van elke toeslag: de enige tabel (scherm, samenvatting, PDF en beslisserbijlage lezen hem hier).
TOESLAGNAMEN = {"huurtoeslag": "Huurtoeslag", "zorgtoeslag": "Zorgtoeslag", "kindgebonden_budget": "Kindgebonden budget",
                "kinderopvangtoeslag": "Kinderopvangtoeslag"}
ROUTES = ("", "tekort", "terugvordering", "beide", "wtrap")
WTRAP_VRAGEN = {
    "fiscale_partners": "fiscaal partners",
    "toeslagpartners": "toeslagpartners",
    "uitkering_geen_participatiewet": "inkomen uit een uitkering die geen Participatiewet-uitkering is",
    "woonachtig_in_gemeente": "woonachtig in de gemeente",
}
# Alleen gevraagd als de minstverdienende partner voor 1963 is geboren (handreiking, kenmerken doelgroep).
WTRAP_HEFFINGSKORTING = "geen_heffingskorting"
# Alle voorwaarden van de Wtrap-toets; de raadsman kan een niet-vervulde voorwaarde met een motivering opzij zetten.
WTRAP_VOORWAARDEN = (*WTRAP_VRAGEN, WTRAP_HEFFINGSKORTING, "aow_leeftijd", "vermogen", "lagere_toeslagen",
                     "inkomenstoets")
# Wat per jaar met de hardheidsclausule opzij kan, naast de Wtrap-voorwaarden: de uiterste aanvraagdatum van het
# beleidsprofiel of van de Wtrap (REKENMODEL §9).
JAAR_AFWIJKEN = {"aanvraagtermijn": "de aanvraag is gedaan voor de uiterste aanvraagdatum"}
# Uit welke beschikking de bedragen in MijnToeslagen komen.
BESCHIKKINGSSOORTEN = {"voorschot": "voorschotbeschikking", "definitief": "definitieve beschikking"}
# Inkomensbronnen (CASUS-FORMAAT, tweede ronde) met hun Nederlandse naam voor scherm en PDF.
INKOMENSSOORTEN = {
    "loon": "loon uit werk", "ww": "WW", "wia": "WIA", "wao": "WAO", "wajong": "Wajong", "ziektewet": "Ziektewet",
    "toeslagenwet": "Toeslagenwet", "particuliere_uitkering": "particuliere uitkering", "ioaw": "IOAW", "ioaz": "IOAZ",
    "aanvullende_bijstand": "aanvullende bijstand", "bijstand": "bijstand", "pensioen": "pensioen", "aow": "AOW",
    "anw": "Anw", "overig": "overig",
}



@record
class Persoon:
    naam: str | None
    geboortedatum: date
    bsn: str | None = None
    # Gegevens voor de aanvraag (optioneel): adres, contact, rekeningnummer.
    extra: dict[str, str] = nieuw(factory=dict)


@record
class Medebewoner:
    geboortedatum: date
    toetsingsinkomen: Decimal = NUL
    naam: str | None = None
    kind: bool = False
    kostendeler: bool | None = None       # None: 27 jaar of ouder op de eerste dag van de periode


@record
class Huur:
    kale_huur: Decimal
    servicekosten: dict[str, Decimal] = nieuw(factory=dict)


@record
class HandmatigeToeslag:
    """Kindgebonden budget of kinderopvangtoeslag: W en R per maand door de raadsman ingevuld (§ 2.4)."""
    toeslag: str
    werkelijk: Decimal
    referentie: Decimal
    motivering: str


@record
class Inkomensbron:
    soort: str                     # een sleutel van INKOMENSSOORTEN
    bruto_per_jaar: Decimal
    omschrijving: str = ""         # verplicht bij "overig"

    @property
    def label(self) -> str:
        naam = INKOMENSSOORTEN.get(self.soort, self.soort)
        return f"{naam} ({self.omschrijving})" if self.omschrijving else naam


@record
class Periode:
    van: date
    tot_en_met: date
    toetsingsinkomen_aanvrager: Decimal
    toetsingsinkomen_partner: Decimal
    netto_inkomen_per_maand: Decimal | None = None
    huur: Huur | None = None
    aangepaste_woning: bool = False
    medebewoners: list[Medebewoner] = nieuw(factory=list)
    ontvangen: dict[str, Decimal] = nieuw(factory=dict)
    referentie_bruto_bijstand_per_partner: Decimal | None = None
    referentie_motivering: str = ""
    handmatig: list[HandmatigeToeslag] = nieuw(factory=list)
    inkomen: dict[str, list[Inkomensbron]] = nieuw(factory=dict)     # "aanvrager"/"partner" -> bronnen (leeg: onbekend)
    referentie_netto_inkomen_per_maand: Decimal | None = None  # NR (REKENMODEL §4); None: de netto bijstandsnorm
    referentie_netto_inkomen_bron: str = ""
    partner_verzekerd_zvw: bool = True                         # False: zorgtoeslag gehalveerd (Wzt art. 2 lid 4)
    # Uit welke beschikking in MijnToeslagen de bedragen 'ontvangen' komen: soort ("voorschot" of "definitief") en datum.
    ontvangen_soort: str = ""
    ontvangen_datum: date | None = None

    @property
    def maanden(self) -> int:
        return maanden_tussen(self.van, self.tot_en_met)


@record
class Terugvordering:
    voorschot: dict[str, Decimal] = nieuw(factory=dict)
    definitief: dict[str, Decimal] = nieuw(factory=dict)
    bedrag: Decimal | None = None                  # rechtstreeks uit de terugvorderingsbeschikking
    deel_alleenverdieners: str | Decimal = "geheel"  # "geheel", "geen" of een bedrag
    motivering: str = ""
    datum_definitieve_beschikking: date | None = None
    andere_oorzaken: list[str] = nieuw(factory=list)


@record
class Jaar:
    jaar: int
    perioden: list[Periode] = nieuw(factory=list)
    vermogen: Decimal | None = None
    terugvordering: Terugvordering | None = None
    datum_definitieve_beschikking: date | None = None
    wtrap: dict[str, bool | Decimal | None] = nieuw(factory=dict)
    # Hardheidsclausule Wtrap (Leiderdorp art. 5.1): voorwaarde -> motivering om een niet-vervulde voorwaarde opzij te zetten
    wtrap_afwijken: dict[str, str] = nieuw(factory=dict)
    # Hardheidsclausule buiten de Wtrap-toets (REKENMODEL §9): voorwaarde -> motivering; nu alleen "aanvraagtermijn"
    afwijken: dict[str, str] = nieuw(factory=dict)


@record
class Raadsman:
    """Wie de aanvraag heeft voorbereid; staat op de aanvraag voor het team Inkomen."""
    naam: str = ""
    organisatie: str = ""
    adres: str = ""
    telefoon: str = ""
    email: str = ""


@record
class Aanvraaggegevens:
    """Wat de aanvraag-PDF nodig heeft naast de berekening: plaats, toestemmingen, geziene bewijsstukken per jaar."""
    plaats: str = ""
    gemeente: str = ""                        # aan wie de aanvraag gaat (leeg: de uitvoerder van het profiel)
    toestemming_delen: bool = False           # aanvraag en berekening naar de gemeente sturen
    toestemming_mijntoeslagen: bool = False   # samen in MijnToeslagen kijken (stap 1)
    bewijs: dict[int, list[str]] = nieuw(factory=dict)           # per jaar: gezien en bijgevoegd
    route: str = ""                           # stap 3: "tekort", "terugvordering", "beide" of "wtrap"
    aanwezig_aanvrager: bool = True           # stap 1: wie is er bij het gesprek
    aanwezig_partner: bool = True
    bewijs_nvt: dict[int, list[str]] = nieuw(factory=dict)       # per jaar: niet van toepassing (de rest: volgt nog)


@record
class Casus:
    aanvrager: Persoon
    partner: Persoon
    jaren: list[Jaar]
    aanvraagdatum: date | None = None
    beleidsprofiel: str = "handreiking-2024"
    toeslagpartners: bool = True
    raadsman: Raadsman = nieuw(factory=Raadsman)
    aanvraag: Aanvraaggegevens = nieuw(factory=Aanvraaggegevens)
    waarschuwingen: list[str] = nieuw(factory=list)


def terugvorderingsbedrag(tv: Terugvordering) -> Decimal:
    """T = som over de toeslagen van max(0, voorschot - definitief), of het bedrag uit de beschikking (stap 9)."""
    if tv.bedrag is not None:
        return tv.bedrag
    return sum((max(NUL, tv.voorschot[t] - tv.definitief[t]) for t in tv.voorschot), NUL)
