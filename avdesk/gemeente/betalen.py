"""De betaalopdracht (issue 25), zonder Qt: een SEPA-bestand (pain.001.001.03, met sepaxml, gevalideerd tegen het
schema) en dezelfde betalingen als CSV, met elke vastgelegde betaling die nog in geen betaalopdracht staat.

Wat erin komt: van het geldende besluit van elk dossier, als dat een (gedeeltelijke) toekenning is, het eenmalige
bedrag en de periodieke maanden tot en met de uitvoeringsdatum op de uitvoeringsdatum, latere maanden op de eerste
dag van hun maand. Betaald is betaald: een nieuw besluit betaalt alleen wat er bij komt (een lager bedrag wordt een
melding voor de medewerker: terugvorderen gaat buiten avdesk). Een rekeningnummer dat de controle (mod 97) niet
doorstaat, wordt niet betaald (een melding, exitcode 1). `opnieuw(nummer)` schrijft een eerdere opdracht bewust nog
eens (nieuw berichtnummer, dezelfde betalingen)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from .werk import GemeenteFout

KOP = "Geen betaalopdracht gemaakt:"
INSTELLINGEN = ("betaal_iban", "betaal_bic", "betaal_naam")
CSV_KOPPEN = ("Betaalopdracht", "Uitvoeringsdatum", "Dossier", "Kenmerk", "Jaar", "Soort", "Maand", "Bedrag", "IBAN",
              "Tenaamstelling", "Omschrijving", "EndToEndId")


@dataclass
class Regel:
    dossier: int
    besluit: int
    kenmerk: str
    sleutel: str
    bedrag: Decimal
    datum: date                 # de uitvoeringsdatum van deze betaling
    iban: str
    tenaamstelling: str

    @property
    def omschrijving(self) -> str:
        from ..core.geld import maand_label
        jaar, soort, *maand = self.sleutel.split(" ")
        wat = "eenmalig" if soort == "eenmalig" else maand_label(date(int(maand[0][:4]), int(maand[0][5:7]), 1))
        return f"{self.kenmerk} bijzondere bijstand alleenverdieners {jaar} {wat}"

    @property
    def endtoend(self) -> str:
        jaar, soort, *maand = self.sleutel.split(" ")
        staart = f"{jaar}E" if soort == "eenmalig" else maand[0].replace("-", "")
        return (re.sub(r"[^A-Za-z0-9-]", "", self.kenmerk)[:26] + "-" + staart)[:35]


@dataclass
class Opdracht:
    nummer: int | None
    regels: list[Regel]
    uitvoerdatum: date
    xml: Path | None = None
    csv: Path | None = None
    let_op: list[str] = field(default_factory=list)

    @property
    def totaal(self) -> Decimal:
        return sum((r.bedrag for r in self.regels), Decimal(0))


def debiteur(opslag) -> dict:
    """De rekening van de gemeente uit de instellingen; GemeenteFout met de namen van wat ontbreekt."""
    waarden = {k: (opslag.instelling(k, "") or "").strip() for k in INSTELLINGEN}
    ontbreekt = [k for k, v in waarden.items() if not v]
    if ontbreekt:
        raise GemeenteFout([f"De instelling{'en' if len(ontbreekt) > 1 else ''} {', '.join(ontbreekt)} "
                            f"ontbre{'ken' if len(ontbreekt) > 1 else 'ekt'}: de rekening waarvan de gemeente "
                            f"betaalt. Zet ze met `avdesk instellingen betaal_iban NL..`, `avdesk instellingen "
                            f"betaal_bic BIC` en `avdesk instellingen betaal_naam NAAM`."], KOP)
    return {"name": waarden["betaal_naam"], "IBAN": waarden["betaal_iban"], "BIC": waarden["betaal_bic"],
            "batch": True, "currency": "EUR"}


def open_betalingen(opslag, uitvoerdatum: date) -> tuple[list[Regel], list[str]]:
    """Elke vastgelegde betaling die nog in geen betaalopdracht staat, en de meldingen voor de medewerker."""
    from ..core.casus import iban_geldig
    from ..store import besluiten, betalingen
    from .besluit import _besluit
    regels, let_op = [], []
    for r in besluiten.geldende_besluiten(opslag):
        b = _besluit(r, [])
        al = betalingen.betaald(opslag, b.dossier)
        te_veel = [k for k, v in al.items() if v > 0 and k not in {x.sleutel for x in b.betalingen}]
        if not b.betaalbaar:
            if al:
                let_op.append(f"Dossier {b.dossier}: het geldende besluit ({b.soort}) betaalt niets, maar er is al "
                              f"betaald; vorder zo nodig terug (buiten avdesk).")
            continue
        nieuw = []
        for x in b.betalingen:
            rest = x.bedrag - al.get(x.sleutel, Decimal(0))
            if rest < 0:
                te_veel.append(x.sleutel)
            if rest > 0:
                nieuw.append(Regel(b.dossier, b.id, b.kenmerk, x.sleutel, rest,
                                   uitvoerdatum if x.soort == "eenmalig" or x.datum <= uitvoerdatum else x.datum,
                                   b.iban, b.tenaamstelling))
        if te_veel:
            let_op.append(f"Dossier {b.dossier}: er is al meer betaald dan besluit {b.id} toekent ("
                          + ", ".join(sorted(set(te_veel))) + "); vorder zo nodig terug (buiten avdesk).")
        if nieuw and not iban_geldig(b.iban):
            let_op.append(f"Dossier {b.dossier}: het rekeningnummer van besluit {b.id} doorstaat de controle (mod 97) "
                          f"niet; deze betalingen zijn niet in de betaalopdracht gezet. Leg een nieuw besluit vast op "
                          f"een versie met het juiste rekeningnummer.")
            continue
        regels += nieuw
    return regels, let_op


def _xml(config: dict, regels: list[Regel]) -> bytes:
    from sepaxml import SepaTransfer
    sepa = SepaTransfer(dict(config), schema="pain.001.001.03", clean=True)
    for r in regels:
        centen = r.bedrag * 100
        if centen != int(centen):
            raise GemeenteFout([f"Dossier {r.dossier}: een bedrag met meer dan twee decimalen."], KOP)
        sepa.add_payment({"name": r.tenaamstelling or "-", "IBAN": r.iban, "amount": int(centen),
                          "execution_date": r.datum, "description": r.omschrijving, "endtoend_id": r.endtoend})
    try:
        return sepa.export(validate=True)
    except Exception as e:          # sepaxml meldt een schemafout als gewone Exception
        raise GemeenteFout([f"Het SEPA-bestand klopt niet met het schema pain.001.001.03: {str(e)[:300]}"], KOP) \
            from None


def _csv(nummer: int, regels: list[Regel]) -> bytes:
    from ..core.geld import datum, euro, maand_label
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(CSV_KOPPEN)
    for r in regels:
        jaar, soort, *maand = r.sleutel.split(" ")
        w.writerow([nummer, datum(r.datum), r.dossier, r.kenmerk, jaar, soort,
                    maand_label(date(int(maand[0][:4]), int(maand[0][5:]), 1)) if maand else "",
                    euro(r.bedrag, teken=False), r.iban, r.tenaamstelling, r.omschrijving, r.endtoend])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _schrijf(map_: Path, naam: str, xml: bytes, tekst: bytes) -> tuple[Path, Path]:
    from ..store.sleutel import schrijf_atomair
    try:
        map_.mkdir(parents=True, exist_ok=True)
        x, c = map_ / f"{naam}.xml", map_ / f"{naam}.csv"
        if x.exists() or c.exists():
            raise GemeenteFout([f"In {map_} staat al een {x.name} of {c.name}; kies een andere map."], KOP)
        schrijf_atomair(x, xml)
        try:
            schrijf_atomair(c, tekst)
        except OSError:
            x.unlink(missing_ok=True)
            raise
    except OSError as e:
        raise GemeenteFout([f"kan niet schrijven in {map_} (foutcode {e.errno})"], KOP) from None
    return x, c


def maak(opslag, map_: Path, uitvoerdatum: date | None = None, vandaag: date | None = None) -> Opdracht:
    """Schrijf de betaalopdracht met alle open betalingen; zonder open betalingen geen bestand (nummer None)."""
    from ..store import OpslagFout, betalingen
    vandaag = vandaag or date.today()
    uitvoerdatum = uitvoerdatum or vandaag
    if uitvoerdatum < vandaag:
        from ..core.geld import datum
        raise GemeenteFout([f"De uitvoeringsdatum {datum(uitvoerdatum)} ligt in het verleden."], KOP)
    config = debiteur(opslag)
    regels, let_op = open_betalingen(opslag, uitvoerdatum)
    if not regels:
        return Opdracht(None, [], uitvoerdatum, let_op=let_op)
    xml = _xml(config, regels)              # eerst het bestand maken: wat niet valideert, legt niets vast
    paden: list[Path] = []

    def schrijf(nummer: int) -> str:
        paden.extend(_schrijf(Path(map_), f"avdesk-betaalopdracht-{nummer}-{uitvoerdatum.isoformat()}", xml,
                              _csv(nummer, regels)))
        return paden[0].name
    try:
        nummer = betalingen.nieuwe_opdracht(opslag, uitvoerdatum.isoformat(), [
            {"dossier": r.dossier, "besluit": r.besluit, "sleutel": r.sleutel, "bedrag": r.bedrag,
             "datum": r.datum.isoformat()} for r in regels], schrijf)
    except OpslagFout as e:
        for p in paden:
            p.unlink(missing_ok=True)
        raise GemeenteFout([str(e)], KOP) from None
    return Opdracht(nummer, regels, uitvoerdatum, paden[0], paden[1], let_op)


def opnieuw(opslag, nummer: int, map_: Path, uitvoerdatum: date | None = None) -> Opdracht:
    """Schrijf betaalopdracht `nummer` bewust nog eens (dezelfde betalingen, een nieuw berichtnummer). Met
    `uitvoerdatum` schuiven eerdere datums op naar die datum."""
    from ..store import betalingen
    config = debiteur(opslag)
    o = betalingen.opdracht(opslag, nummer)
    if o is None:
        raise GemeenteFout([f"Er is geen betaalopdracht {nummer}."], KOP)
    regels = [Regel(r["dossier"], r["besluit"], r["kenmerk"], r["sleutel"], r["bedrag"],
                    max(date.fromisoformat(r["datum"]), uitvoerdatum) if uitvoerdatum else date.fromisoformat(r["datum"]),
                    r["iban"], r["tenaamstelling"]) for r in o["regels"]]
    wanneer = uitvoerdatum or date.fromisoformat(o["uitvoerdatum"])
    xml = _xml(config, regels)
    from datetime import datetime
    x, c = _schrijf(Path(map_), f"avdesk-betaalopdracht-{nummer}-opnieuw-{datetime.now():%Y%m%d-%H%M%S}", xml,
                    _csv(nummer, regels))
    betalingen.opnieuw_geschreven(opslag, nummer, x.name)
    return Opdracht(nummer, regels, wanneer, x, c)
