"""Een besluit vastleggen in het dossier (issue 25), zonder Qt: `avdesk beschikking --dossier N --vastleggen` en
"Besluit vastleggen" in het venster. werk.beschikking schrijft de brief en roept leg_vast aan.

Vastgelegd worden: de soort, de datum van de brief, de medewerker (de instelling `medewerker`, anders de loginnaam),
per jaar het bedrag en de kostensoorten (huurkosten, zorgpremie, overig), de betalingen (eenmalig, en periodiek per
maand met de eerste dag van die maand als datum), de redenen per jaar en de motivering, de rekening (IBAN en
tenaamstelling zoals op de aanvraag) en de brief. Alleen een toekenning of gedeeltelijke toekenning heeft
betalingen. Een vastgelegd besluit verandert niet; een nieuw besluit vervangt het (beide blijven bewaard).

`laatste_besluit(opslag, dossier)` geeft het geldende besluit leesbaar terug (ook voor het zaaksysteem)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

TOEKENNEND = ("toekenning", "gedeeltelijke toekenning")


@dataclass
class Betaling:
    jaar: int
    soort: str                  # 'eenmalig' of 'periodiek'
    datum: date                 # eenmalig: de datum van het besluit; periodiek: de eerste dag van de maand
    bedrag: Decimal

    @property
    def sleutel(self) -> str:
        """Wat een betaling is, los van het besluit: '2024 eenmalig' of '2024 periodiek 2024-10'."""
        return f"{self.jaar} eenmalig" if self.soort == "eenmalig" else f"{self.jaar} periodiek {self.datum:%Y-%m}"


@dataclass
class Besluit:
    id: int
    dossier: int
    versie: int
    soort: str
    datum: date                 # de datum van de brief
    vastgelegd: datetime
    medewerker: str
    kenmerk: str
    bedragen: dict[int, Decimal]                    # per jaar wat wordt toegekend (0 voor een jaar dat niet wordt toegekend)
    kostensoorten: dict[int, dict[str, Decimal]]    # per jaar: huurkosten, zorgpremie, overig
    betalingen: list[Betaling]
    redenen: dict[int, str]                         # per jaar waarom niet (of niet alles) wordt toegekend
    reden: str                                      # de motivering van de medewerker
    iban: str
    tenaamstelling: str
    brief: str                                      # bestandsnaam van de beschikking
    vervangt: int | None = None
    eerdere: list[int] = field(default_factory=list)

    @property
    def betaalbaar(self) -> bool:
        return self.soort in TOEKENNEND

    @property
    def totaal(self) -> Decimal:
        return sum(self.bedragen.values(), Decimal(0))


def medewerker(opslag) -> str:
    """De instelling `medewerker`, anders de loginnaam van wie avdesk gebruikt."""
    return (opslag.instelling("medewerker", "") or "").strip() or opslag.gebruiker


def rekening(casus) -> tuple[str, str]:
    """(IBAN, tenaamstelling) zoals op de aanvraag: de eerste van aanvrager en partner met een rekeningnummer."""
    for p in (casus.aanvrager, casus.partner):
        if p.extra.get("iban"):
            return str(p.extra["iban"]).replace(" ", "").upper(), p.naam or ""
    return "", ""


def gegevens(z, soort: str, afgewezen: dict[int, str], reden: str | None, datum_brief: date, wie: str,
             brief: str) -> dict:
    """De gegevens van het besluit zoals ze worden vastgelegd (JSON: bedragen als tekst, datums ISO)."""
    bedragen, kosten, betalingen = {}, {}, []
    for jb in z.berekening.jaren:
        toegekend = soort in TOEKENNEND and jb.jaar not in afgewezen and jb.compensatie_jaar > 0
        bedragen[str(jb.jaar)] = str(jb.compensatie_jaar if toegekend else Decimal(0))
        kosten[str(jb.jaar)] = {"huurkosten": str(jb.compensatie_huurkosten if toegekend else 0),
                                "zorgpremie": str(jb.compensatie_zorgpremie if toegekend else 0),
                                "overig": str(jb.compensatie_overig if toegekend else 0)}
        if not toegekend:
            continue
        if jb.eenmalig > 0:
            betalingen.append({"jaar": jb.jaar, "soort": "eenmalig", "datum": datum_brief.isoformat(),
                               "bedrag": str(jb.eenmalig)})
        betalingen += [{"jaar": jb.jaar, "soort": "periodiek", "datum": m.isoformat(), "bedrag": str(p.per_maand)}
                       for p in jb.periodiek for m in p.betaalmaanden()]
    iban, naam = rekening(z.casus)
    return {"soort": soort, "datum": datum_brief.isoformat(), "medewerker": wie, "kenmerk": z.kenmerk,
            "bedragen": bedragen, "kostensoorten": kosten, "betalingen": betalingen,
            "redenen": {str(j): t for j, t in sorted(afgewezen.items())}, "reden": reden or "",
            "iban": iban if soort in TOEKENNEND else "", "tenaamstelling": naam if soort in TOEKENNEND else "",
            "brief": brief}


def leg_vast(opslag, z, soort: str, afgewezen: dict[int, str], reden: str | None, datum_brief: date,
             brief: str) -> Besluit:
    from ..store import besluiten
    g = gegevens(z, soort, afgewezen, reden, datum_brief, medewerker(opslag), brief)
    return _besluit(besluiten.leg_vast(opslag, z.dossier, z.versie, g), [])


def _besluit(r: dict, eerdere: list[int]) -> Besluit:
    return Besluit(
        r["id"], r["dossier"], r["versie"], r["soort"], date.fromisoformat(r["datum"]),
        datetime.fromisoformat(r["vastgelegd"]), r["medewerker"], r["kenmerk"],
        {int(j): Decimal(b) for j, b in r["bedragen"].items()},
        {int(j): {k: Decimal(v) for k, v in d.items()} for j, d in r["kostensoorten"].items()},
        [Betaling(b["jaar"], b["soort"], date.fromisoformat(b["datum"]), Decimal(b["bedrag"])) for b in r["betalingen"]],
        {int(j): t for j, t in r["redenen"].items()}, r["reden"], r["iban"], r["tenaamstelling"], r["brief"],
        r.get("vervangt"), eerdere)


def laatste_besluit(opslag, dossier: int) -> Besluit | None:
    """Het geldende (laatst vastgelegde) besluit van een dossier, of None; `eerdere`: de besluiten die het verving."""
    from ..store import besluiten
    alle = besluiten.besluiten(opslag, dossier)
    return _besluit(alle[-1], [r["id"] for r in alle[:-1]]) if alle else None


def alle_besluiten(opslag, dossier: int) -> list[Besluit]:
    """Alle vastgelegde besluiten van een dossier, oudste eerst (ook de vervangen)."""
    from ..store import besluiten
    alle = besluiten.besluiten(opslag, dossier)
    return [_besluit(r, [x["id"] for x in alle[:i]]) for i, r in enumerate(alle)]


def samenvatting(b: Besluit) -> str:
    """'Besluit 2 vastgelegd: toekenning, € 716,00 (vervangt besluit 1).'"""
    from ..core.geld import euro
    return (f"Besluit {b.id} vastgelegd: {b.soort}" + (f", {euro(b.totaal)}" if b.betaalbaar else "")
            + (f" (vervangt besluit {b.vervangt})" if b.vervangt else "") + ".")
