"""De velden van avdesk-casus/1 per object, elk op één plek: welke sleutels een object kent (wat de lezer aanneemt
en wat hij als onbekend meldt), en voor de gewone velden (tekst, ja/nee, bedrag, datum) ook hoe ze gelezen en
teruggeschreven worden. casuslezer.py en casusschrijver.py lezen deze tabellen; een veld erbij is een regel hier.

Een samengesteld veld (soort DEEL: een maand, een lijst, een genest object) staat hier voor de volgorde en de
bekende sleutels; lezen en schrijven daarvan doet eigen code in de lezer en de schrijver, met zijn eigen controles.
Objecten waarvan de sleutels een vaste lijst van het model zijn (servicekosten, wtrap, afwijken), lezen die lijst
uit casusmodel.py (SERVICEKOSTEN, WTRAP_VRAGEN, WTRAP_VOORWAARDEN, JAAR_AFWIJKEN)."""

from __future__ import annotations

from .model import Tupel

TEKST, JA_NEE, BEDRAG, DATUM, DEEL = "tekst", "ja_nee", "bedrag", "datum", "deel"


class Veld(Tupel):
    sleutel: str                 # in avdesk-casus/1
    soort: str                   # TEKST, JA_NEE, BEDRAG, DATUM of DEEL
    attribuut: str = ""          # in het model (casusmodel.py); leeg: gelijk aan de sleutel
    standaard: bool | str | None = None   # de waarde als het veld ontbreekt (ja/nee: bool of None)
    weglaten: bool = False       # bij het schrijven weglaten als de waarde de standaard is

    @property
    def naam(self) -> str:
        return self.attribuut or self.sleutel


def sleutels(tabel: tuple[Veld, ...]) -> set[str]:
    """De sleutels die een object kent: de rest meldt de lezer als onbekend veld."""
    return {v.sleutel for v in tabel}


def gewoon(tabel: tuple[Veld, ...]) -> tuple[Veld, ...]:
    return tuple(v for v in tabel if v.soort != DEEL)


CASUS = (Veld("formaat", DEEL), Veld("aanvraagdatum", DATUM, weglaten=True), Veld("beleidsprofiel", DEEL),
         Veld("toeslagpartners", DEEL), Veld("aanvrager", DEEL), Veld("partner", DEEL), Veld("jaren", DEEL),
         Veld("raadsman", DEEL), Veld("aanvraag", DEEL))
# Wat de aanvraag-PDF naast naam en geboortedatum over een partner nodig heeft (Persoon.extra), op volgorde.
PERSOON_EXTRA = ("adres", "email", "iban", "postcode", "telefoon", "woonplaats")
PERSOON = (Veld("naam", TEKST), Veld("geboortedatum", DEEL), Veld("bsn", DEEL), *(Veld(k, DEEL) for k in PERSOON_EXTRA))
MEDEBEWONER = (Veld("naam", TEKST), Veld("geboortedatum", DEEL), Veld("toetsingsinkomen", DEEL), Veld("kind", JA_NEE,
               standaard=False), Veld("kostendeler", JA_NEE, weglaten=True))
PERIODE = (Veld("van", DEEL), Veld("tot_en_met", DEEL), Veld("toetsingsinkomen", DEEL),
           Veld("netto_inkomen_per_maand", BEDRAG), Veld("aangepaste_woning", JA_NEE, standaard=False),
           Veld("huur", DEEL), Veld("medebewoners", DEEL), Veld("ontvangen", DEEL),
           Veld("referentie_bruto_bijstand_per_partner", DEEL),
           Veld("referentie_motivering", TEKST, standaard="", weglaten=True),
           Veld("handmatig", DEEL), Veld("inkomen", DEEL), Veld("referentie_netto_inkomen_per_maand", DEEL),
           Veld("referentie_netto_inkomen_bron", DEEL),
           Veld("partner_verzekerd_zvw", JA_NEE, standaard=True, weglaten=True), Veld("ontvangen_beschikking", DEEL))
# De geneste objecten van een periode en een terugvordering.
TOETSINGSINKOMEN = (Veld("aanvrager", DEEL), Veld("partner", DEEL))
HUUR = (Veld("kale_huur", BEDRAG), Veld("servicekosten", DEEL))
ONTVANGEN = (Veld("huurtoeslag", DEEL), Veld("zorgtoeslag", DEEL))
HANDMATIG = (Veld("toeslag", TEKST), Veld("werkelijk", BEDRAG), Veld("referentie", BEDRAG), Veld("motivering", TEKST))
ONTVANGEN_BESCHIKKING = (Veld("soort", DEEL), Veld("datum", DEEL))
INKOMEN = (Veld("aanvrager", DEEL), Veld("partner", DEEL))
INKOMENSBRON = (Veld("soort", TEKST), Veld("bruto_per_jaar", BEDRAG), Veld("omschrijving", TEKST, standaard="",
                                                                          weglaten=True))
VOORSCHOT_DEFINITIEF = (Veld("voorschot", DEEL), Veld("definitief", DEEL))
TERUGVORDERING = (Veld("huurtoeslag", DEEL), Veld("zorgtoeslag", DEEL), Veld("bedrag", BEDRAG, weglaten=True),
                  Veld("deel_alleenverdieners", DEEL), Veld("motivering", TEKST, standaard=""),
                  Veld("datum_definitieve_beschikking", DATUM, weglaten=True),
                  Veld("andere_oorzaken", DEEL))
JAAR = (Veld("jaar", DEEL), Veld("perioden", DEEL), Veld("vermogen", BEDRAG, weglaten=True),
        Veld("datum_definitieve_beschikking", DATUM, weglaten=True), Veld("terugvordering", DEEL),
        Veld("wtrap", DEEL), Veld("afwijken", DEEL))
RAADSMAN = tuple(Veld(k, TEKST, standaard="") for k in ("naam", "organisatie", "adres", "telefoon", "email"))
AANVRAAG = (Veld("plaats", TEKST, standaard=""), Veld("gemeente", TEKST, standaard=""),
            Veld("toestemming_delen", JA_NEE, standaard=False),
            Veld("toestemming_mijntoeslagen", JA_NEE, standaard=False), Veld("bewijs", DEEL),
            Veld("bewijs_nvt", DEEL), Veld("route", TEKST, standaard=""),
            Veld("aanwezig_aanvrager", JA_NEE, standaard=True),
            Veld("aanwezig_partner", JA_NEE, standaard=True))
