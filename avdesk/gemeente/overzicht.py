"""Het overzicht van de ontvangen aanvragen (team Inkomen), zonder Qt: per dossier het kenmerk, de jaren, de controle,
de doelgroepselectielijst, het advies van avdesk, het vastgelegde besluit, het bedrag per jaar, de beschikkingsstatus
en de datums (dd-mm-jjjj). `avdesk ontvangen [--csv]` en de lijst in het venster gebruiken dezelfde regels.

Zonder `met_persoonsgegevens` staat er geen naam en geen BSN in; met wel, en dan komt het in de auditlog (zonder
namen of BSN's: alleen dat het overzicht met persoonsgegevens is gemaakt en hoeveel dossiers erin staan)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

KOPPEN = ("Dossier", "Kenmerk", "Jaren", "Controle", "Doelgroepselectielijst", "Advies", "Besluit", "Bedrag per jaar",
          "Beschikking", "Ontvangen", "Besluit vastgelegd", "Laatst gewijzigd", "Betaald")
PERSOON = ("Aanvrager", "Partner", "BSN aanvrager", "BSN partner")


@dataclass
class Regel:
    dossier: int
    kenmerk: str
    jaren: list[int]
    controle: str                    # klopt, let op, blokkerend, verschil, niet gecontroleerd
    lijst: str                       # "2024 niet op de lijst"
    advies: str                      # toekenning, gedeeltelijke toekenning, zelf beslissen, niets te vergoeden
    besluit: str                     # het vastgelegde besluit, of "-"
    bedragen: dict[int, Decimal]     # volgens de berekening van de geldende versie
    beschikking: str
    ontvangen: date | None
    vastgelegd: date | None
    gewijzigd: date | None
    ter_beoordeling: int = 0
    betaald: Decimal = Decimal(0)                    # wat er al in een betaalopdracht staat
    persoon: dict = field(default_factory=dict)      # alleen met persoonsgegevens
    namen: tuple[str, str] = ("", "")               # voor het venster van de medewerker; nooit in tekst of CSV
    gewijzigd_tijd: str = ""                        # laatst gewijzigd met tijd (het venster toont uu:mm)


def _dag(iso: str | None) -> date | None:
    try:
        return date.fromisoformat((iso or "")[:10])
    except ValueError:
        return None


def _bedragen(opslag, dossier: int, uitkomst: dict | None) -> dict[int, Decimal]:
    """Uit de controle (vanaf deze versie bewaart ontvang de bedragen erin); anders uit de ingebedde berekening."""
    ruw = (uitkomst or {}).get("bedragen")
    if ruw is None:
        from ..export.bewijs import GeenBewijs, lees_bewijs
        from ..store import ontvangen
        stuk = ontvangen.stukken(opslag, dossier).get(ontvangen.BEREKENING)
        if stuk is None:
            return {}
        try:
            oud = json.loads(lees_bewijs(stuk[1])[1])
        except (GeenBewijs, ValueError):
            return {}
        ruw = {str(j.get("jaar")): str(j.get("compensatie_jaar")) for j in oud.get("jaren", []) if isinstance(j, dict)}
    uit = {}
    for jaar, bedrag in ruw.items():
        try:
            uit[int(jaar)] = Decimal(str(bedrag))
        except (ValueError, InvalidOperation):
            continue
    return dict(sorted(uit.items()))


def advies(uitkomst: dict | None, bedragen: dict[int, Decimal]) -> str:
    """Wat avdesk zou voorstellen (zoals werk.voorstel, uit wat de controle bewaarde): nooit een afwijzing."""
    if not uitkomst:
        return "niet gecontroleerd"
    if uitkomst["controle"]["code"] != 0 or uitkomst["blokkerend"] or uitkomst.get("open_vragen"):
        return "zelf beslissen"
    if not bedragen or not any(v > 0 for v in bedragen.values()):
        return "niets te vergoeden"
    return "toekenning" if all(v > 0 for v in bedragen.values()) else "gedeeltelijke toekenning"


def overzicht(opslag, zoek: str = "", *, met_persoonsgegevens: bool = False, limiet: int = 100_000) -> list[Regel]:
    """De ontvangen dossiers, laatst gewijzigd eerst. Met persoonsgegevens: ook namen en BSN's, en een auditregel."""
    from ..export.ontvangst import lijststatus, status
    from ..store import besluiten, betalingen, ontvangen
    uit = []
    for r in ontvangen.ontvangen_dossiers(opslag, zoek, limiet):
        u = r["uitkomst"]
        bedragen = _bedragen(opslag, r["id"], u)
        besluit = besluiten.laatste_besluit(opslag, r["id"])
        eerste = ontvangen.versies(opslag, r["id"])
        regel = Regel(r["id"], r["kenmerk"] or "-", sorted(bedragen) or _jaren(u),
                      status(u) if u else "niet gecontroleerd", lijststatus(u) if u else "-", advies(u, bedragen),
                      besluit["soort"] if besluit else "-",
                      {int(j): Decimal(b) for j, b in besluit["bedragen"].items()} if besluit else bedragen,
                      r["beschikking"] or "nog geen", _dag(eerste[0]["ontvangen"]) if eerste else None,
                      _dag(besluit["vastgelegd"]) if besluit else None, _dag(r["gewijzigd"]), r["ter_beoordeling"],
                      namen=(r["aanvrager_naam"] or "", r["partner_naam"] or ""), gewijzigd_tijd=r["gewijzigd"],
                      betaald=sum(betalingen.betaald(opslag, r["id"]).values(), Decimal(0)))
        if met_persoonsgegevens:
            d = opslag.personen(r["id"])
            regel.persoon = {"Aanvrager": d["aanvrager_naam"], "Partner": d["partner_naam"],
                             "BSN aanvrager": d["aanvrager_bsn"] or "", "BSN partner": d["partner_bsn"] or ""}
        uit.append(regel)
    if met_persoonsgegevens:
        with opslag.transactie():
            opslag.audit(f"overzicht ontvangen aanvragen met persoonsgegevens ({len(uit)} dossiers)")
    return uit


def _jaren(uitkomst: dict | None) -> list[int]:
    return sorted({x["jaar"] for x in (uitkomst or {}).get("lijst", []) if isinstance(x.get("jaar"), int)})


def _bedrag_tekst(bedragen: dict[int, Decimal]) -> str:
    from ..core.geld import euro
    return "; ".join(f"{j}: {euro(b)}" for j, b in bedragen.items()) or "-"


def cellen(r: Regel) -> list[str]:
    """De cellen van een regel in de volgorde van KOPPEN (voor het venster en de tekst op de opdrachtregel)."""
    from ..core.geld import datum, euro
    controle = r.controle + (f" ({r.ter_beoordeling} nieuwe versie ter beoordeling)" if r.ter_beoordeling == 1 else
                             f" ({r.ter_beoordeling} nieuwe versies ter beoordeling)" if r.ter_beoordeling else "")
    return [str(r.dossier), r.kenmerk, ", ".join(map(str, r.jaren)) or "-", controle, r.lijst, r.advies, r.besluit,
            _bedrag_tekst(r.bedragen), r.beschikking, datum(r.ontvangen) if r.ontvangen else "-",
            datum(r.vastgelegd) if r.vastgelegd else "-", datum(r.gewijzigd) if r.gewijzigd else "-",
            euro(r.betaald) if r.betaald else "-"]


def als_tekst(regels: list[Regel], met_persoonsgegevens: bool = False) -> str:
    """Een tabel met vaste kolommen; niets wordt afgekapt (een kolom is zo breed als zijn langste cel)."""
    koppen = list(KOPPEN) + (list(PERSOON) if met_persoonsgegevens else [])
    rijen = [cellen(r) + ([r.persoon.get(k, "") or "-" for k in PERSOON] if met_persoonsgegevens else [])
             for r in regels]
    breed = [max(len(k), *(len(x[i]) for x in rijen)) if rijen else len(k) for i, k in enumerate(koppen)]
    regel = lambda cel: "  ".join(c.ljust(b) for c, b in zip(cel, breed)).rstrip()    # noqa: E731
    uit = [regel(koppen), regel(["-" * b for b in breed])] + [regel(x) for x in rijen]
    uit.append("1 ontvangen aanvraag." if len(regels) == 1 else f"{len(regels)} ontvangen aanvragen.")
    return "\n".join(uit)


def _csv_bedrag(b: Decimal) -> str:
    from ..core.geld import euro
    return euro(b, teken=False)


def als_csv(regels: list[Regel], met_persoonsgegevens: bool = False) -> bytes:
    """CSV voor Excel: `;` als scheidingsteken, UTF-8 met BOM, datums dd-mm-jjjj, bedragen als 1.234,56 (een kolom
    per jaar). Een cel die met = + - @ begint, krijgt een ' ervoor: een spreadsheet rekent hem dan niet uit."""
    jaren = sorted({j for r in regels for j in r.bedragen})
    koppen = [k for k in KOPPEN if k != "Bedrag per jaar"] + [f"Bedrag {j}" for j in jaren]
    if met_persoonsgegevens:
        koppen += list(PERSOON)
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(koppen)
    for r in regels:
        c = cellen(r)
        rij = c[:7] + c[8:-1] + [_csv_bedrag(r.betaald) if r.betaald else ""] + [
            _csv_bedrag(r.bedragen[j]) if j in r.bedragen else "" for j in jaren]
        if met_persoonsgegevens:
            rij += [r.persoon.get(k, "") or "" for k in PERSOON]
        w.writerow([_veilig(x) for x in rij])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _veilig(cel: str) -> str:
    return "'" + cel if cel[:1] in ("=", "+", "-", "@", "\t", "\r") and cel not in ("-",) else cel
