"""Geld, datums en maanden: Decimal-afronding en Nederlandse notatie (€ 1.234,56, dd-mm-jjjj).

Een plek voor alle opmaak, zodat UI, CLI en PDF bedragen op precies dezelfde manier tonen."""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

NUL = Decimal(0)
CENT = Decimal("0.01")
EEN = Decimal(1)

MAANDNAMEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli",
              "augustus", "september", "oktober", "november", "december")


# De afronding positioneel meegeven: met rounding=... parst Decimal de trefwoorden, en dat kost de rekenkern per
# aanroep het dubbele (ongeveer 100 ns tegen 220 ns; de rekenkern rondt per periode tientallen keren af).

def afkappen(bedrag: Decimal) -> Decimal:
    """Afkappen op hele euro's, zoals de proefberekening van Dienst Toeslagen (PARAMETERS §1)."""
    return bedrag.to_integral_value(ROUND_DOWN)


def euros(bedrag: Decimal) -> Decimal:
    """Rekenkundig afronden op hele euro's (Awir art. 14 lid 4; kostendelersnorm)."""
    return bedrag.to_integral_value(ROUND_HALF_UP)


def centen(bedrag: Decimal) -> Decimal:
    return bedrag.quantize(CENT, ROUND_HALF_UP)


def euro(bedrag: Decimal | int | None, *, teken: bool = True) -> str:
    """`€ 1.234,56`; negatief als `€ -1.234,56`; None als een streepje."""
    if bedrag is None:
        return "-"
    b = centen(Decimal(bedrag))
    tekst = f"{abs(b):,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    if b < 0:
        tekst = "-" + tekst
    return f"€ {tekst}" if teken else tekst


def datum(d: date | None) -> str:
    return "-" if d is None else f"{d.day:02d}-{d.month:02d}-{d.year:04d}"


def maand_label(m: date) -> str:
    return f"{MAANDNAMEN[m.month - 1]} {m.year}"


def periode_label(van: date, tot_en_met: date, *, kort: bool = False, voluit: bool = False) -> str:
    """Een periode in woorden: "januari 2024 t/m juni 2024"; kort (een periode in een jaar): "jan t/m jun 2024"; een
    enkele maand: "september 2024" (kort "sep 2024"); voluit (in een brief): "januari 2024 tot en met juni 2024"."""
    v, t = van, tot_en_met
    if (v.year, v.month) == (t.year, t.month):
        return f"{MAANDNAMEN[v.month - 1][:3]} {v.year}" if kort else maand_label(v)
    if kort and v.year == t.year:
        return f"{MAANDNAMEN[v.month - 1][:3]} t/m {MAANDNAMEN[t.month - 1][:3]} {v.year}"
    return f"{maand_label(v)} {'tot en met' if voluit else 't/m'} {maand_label(t)}"


def maand_iso(m: date) -> str:
    return f"{m.year:04d}-{m.month:02d}"


def maand_uit_iso(tekst: str) -> date:
    """"2024-09" -> 1 september 2024: alleen waar avdesk-berekening/1 als JSON binnenkomt (het bewijs in een PDF)."""
    return date(int(tekst[:4]), int(tekst[5:7]), 1)


def volgende_maand(m: date) -> date:
    return date(m.year + (m.month == 12), m.month % 12 + 1, 1)


def maanden_tussen(van: date, tot_en_met: date) -> int:
    return (tot_en_met.year - van.year) * 12 + tot_en_met.month - van.month + 1


@lru_cache(maxsize=1024)
def geboren_uiterlijk(peildatum: date, jaren: int, maanden: int = 0) -> date:
    """De laatste geboortedatum waarmee iemand op de peildatum de leeftijd (jaren, maanden) heeft bereikt.

    Zo wordt 'heeft de AOW-leeftijd bereikt' een datumvergelijking in plaats van een leeftijdsberekening per
    persoon (de rekenkern doet dit tienduizenden keren per seconde)."""
    totaal = peildatum.year * 12 + peildatum.month - 1 - int(jaren) * 12 - int(maanden)
    j, m = divmod(totaal, 12)
    dag = peildatum.day
    while True:
        try:
            return date(j, m + 1, dag)
        except ValueError:      # 31 maart min een maand: de laatste dag van februari
            dag -= 1


def leeftijd_op(geboortedatum: date, peildatum: date) -> tuple[int, int]:
    """Leeftijd in (jaren, maanden) op de peildatum."""
    maanden = (peildatum.year - geboortedatum.year) * 12 + peildatum.month - geboortedatum.month
    if peildatum.day < geboortedatum.day:
        maanden -= 1
    return divmod(maanden, 12)


def verdeel(bedrag: Decimal, gewichten: list[Decimal]) -> list[Decimal]:
    """Verdeel een bedrag in centen naar rato van de gewichten; de delen tellen exact op (grootste rest)."""
    totaal = sum(gewichten, NUL)
    if totaal <= 0:
        return [NUL for _ in gewichten]
    centen_totaal = int(centen(bedrag) * 100)
    ruw = [Decimal(centen_totaal) * g / totaal for g in gewichten]
    delen = [int(r) for r in ruw]
    rest = centen_totaal - sum(delen)
    for i in sorted(range(len(ruw)), key=lambda i: (-(ruw[i] - delen[i]), i))[:rest]:
        delen[i] += 1
    return [Decimal(d) / 100 for d in delen]


def json_tekst(obj, inspringen: int = 2, _niveau: int = 0) -> str:
    """JSON met Decimal als getal zonder omweg via float (bedragen blijven exact: 1.00, 2469.04)."""
    if isinstance(obj, Decimal):
        return str(obj)
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        pad, pad2 = " " * inspringen * _niveau, " " * inspringen * (_niveau + 1)
        delen = [f"{pad2}{json.dumps(str(k), ensure_ascii=False)}: {json_tekst(v, inspringen, _niveau + 1)}"
                 for k, v in obj.items()]
        return "{\n" + ",\n".join(delen) + f"\n{pad}}}"
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        pad, pad2 = " " * inspringen * _niveau, " " * inspringen * (_niveau + 1)
        return "[\n" + ",\n".join(pad2 + json_tekst(v, inspringen, _niveau + 1) for v in obj) + f"\n{pad}]"
    return json.dumps(obj, ensure_ascii=False)


class InvoerFout(ValueError):
    """Invoer die geen bedrag of datum is; de tekst zegt in het Nederlands wat er mis is."""


def lees_bedrag(tekst: str, *, negatief_mag: bool = False) -> Decimal | None:
    """Een bedrag zoals een raadsman het typt: 660, 660,50, 1.234,56, € 1234.56. Leeg geeft None."""
    t = tekst.replace("€", "").replace(" ", "").replace("\u00a0", "").strip()
    if not t:
        return None
    if "," in t and "." in t:
        t = t.replace(".", "").replace(",", ".")
    elif "," in t:
        if t.count(",") > 1:
            raise InvoerFout(f"'{tekst}' is geen bedrag")
        t = t.replace(",", ".")
    elif t.count(".") > 1 or (t.count(".") == 1 and len(t.split(".")[1]) == 3):
        t = t.replace(".", "")            # 1.234 of 1.234.567: punten als duizendtallen
    try:
        b = Decimal(t)
    except ArithmeticError:
        raise InvoerFout(f"'{tekst}' is geen bedrag (bijvoorbeeld 660 of 1.234,56)") from None
    if not b.is_finite():
        raise InvoerFout(f"'{tekst}' is geen bedrag")
    if b < 0 and not negatief_mag:
        raise InvoerFout("een bedrag kan hier niet negatief zijn")
    if b != b.quantize(CENT):
        raise InvoerFout("gebruik hoogstens twee cijfers achter de komma")
    if abs(b) >= Decimal("1e9"):
        raise InvoerFout("dit bedrag is onwaarschijnlijk groot")
    return b.quantize(CENT) if b != b.to_integral_value() else b.quantize(EEN)


def lees_datum(tekst: str, verleden: date | None = None) -> date | None:
    """Een datum als dd-mm-jjjj (ook d-m-jjjj, met / of ., of als acht cijfers ddmmjjjj), of als zes cijfers ddmmjj:
    het jaar in deze eeuw, of met `verleden` (een geboortedatum, niet na die dag) in de vorige als deze eeuw na die dag
    ligt (020478 is 02-04-1978, 050515 is 05-05-2015). Het veld toont daarna de hele datum. Leeg geeft None."""
    t = tekst.strip().replace("/", "-").replace(".", "-")
    if not t:
        return None
    if len(t) in (6, 8) and t.isascii() and t.isdigit():    # 15071979 of 150779: sneller typen, zonder streepjes
        jaar = t[4:]
        if len(jaar) == 2:
            jaar = str(2000 + int(jaar))
            if verleden is not None and f"{jaar}{t[2:4]}{t[:2]}" > verleden.strftime("%Y%m%d"):
                jaar = str(int(jaar) - 100)
        t = f"{t[:2]}-{t[2:4]}-{jaar}"
    delen = t.split("-")
    if len(delen) != 3 or not all(d.isdigit() for d in delen) or len(delen[2]) != 4:
        raise InvoerFout(f"'{tekst}' is geen datum; schrijf dd-mm-jjjj, bijvoorbeeld 15-07-1979")
    try:
        return date(int(delen[2]), int(delen[1]), int(delen[0]))
    except ValueError:
        raise InvoerFout(f"'{tekst}' bestaat niet als datum") from None
