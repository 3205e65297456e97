"""Signalen S1-S11 als gegevens: code, Nederlandse tekst en waar ze voor gelden (REKENMODEL §9).

Een signaal wordt nooit stil weggelaten: de wizard toont het, de PDF drukt het af."""

from __future__ import annotations

from .model import Tupel
from datetime import date, timedelta
from decimal import Decimal

from .geld import datum, euro
from .params import Parameter

TITELS = {
    "S1": "Bedrag in MijnToeslagen wijkt af",
    "S2": "Bezwaartermijn loopt nog",
    "S3": "Bestaansminimum niet getoetst",
    "S4": "Netto-inkomen onder de bijstandsnorm",
    "S5": "Doelgroep",
    "S6": "Tekort groter dan de vaste tegemoetkoming",
    "S7": "Kindgebonden budget bekijken",
    "S8": "Afgeleide of onzekere parameter gebruikt",
    "S9": "Aanvullende bijstand, IOAW of IOAZ?",
    "S10": "Aanvraagdatum na de dag van de berekening",
    # Geen eigen nummer in REKENMODEL §9 (daar: "an aanvraagdatum after the profile's uiterste datum" blokkeert);
    # avdesk geeft het S11, zodat scherm, PDF en beschikking het als elk ander signaal tonen.
    "S11": "Aanvraag na de uiterste aanvraagdatum",
}


class Signaal(Tupel):
    code: str
    tekst: str
    blokkerend: bool = False    # REKENMODEL §9: het advies wordt "nog niet toekennen" tot dit is opgelost


    @property
    def titel(self) -> str:
        return TITELS[self.code]

    def naar_dict(self) -> dict:
        return {"code": self.code, "tekst": self.tekst, "blokkerend": self.blokkerend}


def s1(toeslag: str, ontvangen: Decimal, berekend: Decimal) -> Signaal:
    return Signaal("S1", f"{toeslag.capitalize()}: in MijnToeslagen {euro(ontvangen)} per maand, avdesk berekent "
                         f"{euro(berekend)} met het ingevulde toetsingsinkomen. Controleer inkomen, toeslagpartner, "
                         f"medebewoners en huur (stap 2).")


def s2(beschikking: date) -> Signaal:
    einde = beschikking + timedelta(weeks=6)
    return Signaal("S2", f"De definitieve beschikking van {datum(beschikking)} is minder dan 6 weken oud: "
                         f"de bezwaartermijn loopt tot en met {datum(einde)}. Klopt er iets niet, maak dan eerst bezwaar.")


def s2_op(beschikking: date | None, peildatum: date) -> Signaal | None:
    """S2 als de definitieve beschikking minder dan 6 weken voor de dag van de berekening is gedateerd (REKENMODEL
    §9: "less than 6 weeks ago"); de wizard en de berekening gebruiken allebei deze regel."""
    if beschikking and beschikking <= peildatum < beschikking + timedelta(weeks=6):
        return s2(beschikking)
    return None


def s3() -> Signaal:
    return Signaal("S3", "Het netto-inkomen is niet ingevuld: de toets aan het bestaansminimum (stap 6) is niet gedaan. "
                         "De compensatie is het volledige verschil in toeslagen.")


def s4(tekort: Decimal) -> Signaal:
    return Signaal("S4", f"Het netto-inkomen ligt {euro(tekort)} per maand onder de bijstandsnorm. Vraag eerst aanvullende "
                         f"bijstand, IOAW of IOAZ aan (stap 4) en reken daarna opnieuw.")


def s5(redenen: list[str]) -> Signaal:
    """Wat de gegevens laten zien: blokkeert de toekenning tot het is opgelost (REKENMODEL §9)."""
    return Signaal("S5", "Niet in de doelgroep volgens de ingevulde gegevens: " + "; ".join(redenen)
                   + ". Nog niet toekennen: los dit eerst op of corrigeer de gegevens.", True)


def s5_open(punten: list[str]) -> Signaal:
    """Nog na te gaan; onbekende gegevens zijn nooit een afwijzing."""
    return Signaal("S5", "Nog na te gaan voor de doelgroep: " + "; ".join(punten) + ".")


def s5_wtrap(redenen: list[str]) -> Signaal:
    return Signaal("S5", "Voldoet niet aan de Wtrap-zelfmeldertoets: " + "; ".join(redenen)
                   + ". Nog niet toekennen, tenzij de hardheidsclausule met een motivering wordt toegepast.", True)


def s6(tekort: Decimal, tegemoetkoming: Decimal) -> Signaal:
    return Signaal("S6", f"Het tekort over het jaar ({euro(tekort)}) is groter dan de vaste tegemoetkoming "
                         f"({euro(tegemoetkoming)}). Voor het verschil van {euro(tekort - tegemoetkoming)} is aanvullende "
                         f"individuele bijzondere bijstand mogelijk.")


def s7(inkomen: Decimal, grens: Decimal) -> Signaal:
    return Signaal("S7", f"Het gezamenlijke toetsingsinkomen ({euro(inkomen)}) ligt boven {euro(grens)}: bekijk ook het "
                         f"kindgebonden budget 2024 (handreiking § 2.4) en vul het zo nodig handmatig in.")


def s8(parameters: list[Parameter]) -> Signaal:
    from .parameternamen import parameternaam, parameterwaarde
    namen = "; ".join(f"{parameternaam(p.naam)} {p.jaar} = {parameterwaarde(p.naam, p.waarde)} ({p.status})"
                      for p in parameters)
    return Signaal("S8", f"Gebruikt zijn parameters die afgeleid of niet bevestigd zijn: {namen}. "
                         f"De bron staat bij de parameters in de berekening.")


def s9(verschil: Decimal, compensatie: Decimal) -> Signaal:
    """De toets verlaagde de compensatie terwijl het inkomen per bron ontbreekt (REKENMODEL §9; niet blokkerend)."""
    return Signaal("S9", f"De toets aan het bestaansminimum verlaagt de compensatie van {euro(verschil)} naar "
                         f"{euro(compensatie)} per maand, en het inkomen per bron is niet ingevuld. Ontvangt het "
                         f"huishouden aanvullende bijstand, IOAW of IOAZ? Vul dan het inkomen per bron in: op "
                         f"bijstandsniveau geldt de toets niet en is de compensatie het volledige verschil (stap 6).")


def s10(aanvraag: date, peildatum: date) -> Signaal:
    """Een open punt: geen beschikking wordt gedateerd voor haar aanvraag (REKENMODEL §9)."""
    return Signaal("S10", f"De aanvraagdatum ({datum(aanvraag)}) ligt na de dag van de berekening ({datum(peildatum)}). "
                          f"Controleer de aanvraagdatum; een beschikking kan niet eerder gedateerd zijn dan de aanvraag.")


def s11(aanvraag: date, uiterlijk: date, regeling: str, bron: str, motivering: str | None = None) -> Signaal:
    """Aanvraag na de uiterste datum: blokkeert, tenzij de raadsman de termijn met een motivering opzij zet."""
    feit = (f"De aanvraag ({datum(aanvraag)}) is gedaan na de uiterste aanvraagdatum van {regeling} "
            f"({datum(uiterlijk)}; {bron})")
    if motivering:
        return Signaal("S11", f"{feit}. Afgeweken (hardheidsclausule), motivering: {motivering}")
    return Signaal("S11", f"{feit}. Nog niet toekennen, tenzij de hardheidsclausule met een motivering wordt "
                          f"toegepast.", True)
