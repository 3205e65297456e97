"""`avdesk controleer`: een berekening-PDF opnieuw rekenen en zijn papier lezen (team Inkomen).

De ingebedde casus en berekening (export/bewijs.py) worden opnieuw gerekend en vergeleken; daarna de tekst van elke
pagina (pypdf, binnen de grenzen van export/pdflezen.py): de bedragen op pagina 1, de totalen, eenmalig en
periodiek per jaar, rekening en tenaamstelling, de namen, de vingerafdruk in elke voettekst. Wat iets kan uitvoeren
of over de pagina's heen ligt, maakt de PDF verdacht. Een eigen module (niet in bewijs.py): het papier lezen heeft
de beslisserpagina nodig, en die schrijft via opmaak.py de ingebedde bestanden van bewijs.py."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from datetime import date
from decimal import Decimal

from ..core.geld import datum as _datum
from .bewijs import GeenBewijs, _waarde, gegevens, lees_berekening, lees_bewijs, verschillen, vingerafdruk


_BEDRAG = re.compile(r"€ ?(-?[0-9]{1,3}(?:\.[0-9]{3})*,[0-9]{2})")


def _plat(tekst: str) -> str:
    return " ".join(tekst.replace("\xa0", " ").split())


def _skelet(tekst: str) -> tuple[str, Counter]:
    """(de tekst zonder witruimte, haakjes en rechts-naar-links-letters; die letters geteld), na NFKC (Arabische
    presentatievormen worden gewone letters)."""
    ltr, rtl = [], Counter()
    for ch in unicodedata.normalize("NFKC", tekst):
        if ch.isspace() or ch in "()":
            continue
        if unicodedata.bidirectional(ch) in ("R", "AL"):
            rtl[ch] += 1
        else:
            ltr.append(ch)
    return "".join(ltr), rtl


def _bedragen_van(o, uit: set[str]) -> None:
    """Elk bedrag dat de berekening voortbrengt, zoals de PDF het schrijft: elk getal, en elk bedrag in een tekst
    (signalen, toelichting)."""
    from ..core.geld import euro
    if isinstance(o, dict):
        for v in o.values():
            _bedragen_van(v, uit)
    elif isinstance(o, list):
        for v in o:
            _bedragen_van(v, uit)
    elif isinstance(o, bool) or o is None:
        return
    elif isinstance(o, (int, Decimal, float)):
        uit.add(euro(Decimal(str(o)), teken=False))
    elif isinstance(o, str):
        uit.update(_BEDRAG.findall(o.replace("\xa0", " ")))


def papier(teksten: list[str], c, b, nieuw: dict) -> list[str]:
    """Wat er op de pagina's anders staat dan in de (opnieuw gerekende) berekening: de bedragen op pagina 1, de
    totalen, eenmalig en periodiek per jaar, rekening en tenaamstelling, de namen. Leeg: het papier klopt."""
    from ..core.geld import datum, euro, periode_label
    from .beslisser import _rekening
    from .pdflezen import kort
    uit: list[str] = []
    vlak = [_plat(t) for t in teksten]
    alles = " ".join(vlak)
    kort_plek = alles.find("Uitkomst in het kort")
    einde = alles.find("Voor de beschikking", kort_plek) if kort_plek >= 0 else -1
    beslisser = alles[:einde] if einde >= 0 else alles
    toegestaan: set[str] = set()
    _bedragen_van(nieuw, toegestaan)
    vreemd = [x for x in dict.fromkeys(_BEDRAG.findall(vlak[0])) if x not in toegestaan]
    if vreemd:
        uit.append("Op pagina 1 staan bedragen die deze berekening niet geeft: "
                   + ", ".join("€ " + x for x in vreemd[:10]) + ".")
    if einde < 0 or "Uitkomst in het kort" not in beslisser:
        uit.append("De pagina's missen het deel 'Voor de beslisser' / 'Uitkomst in het kort' / 'Voor de beschikking' "
                   "van een berekening.")
        return uit

    def moet(zin: str, wat: str, zoek_in: str = beslisser):
        # Niet op witruimte letten (een lange naam breekt in een tabelcel over regels, soms midden in een woord);
        # rechts-naar-links-tekst komt bij het uitlezen in wisselende volgorde terug: die letters tellen als verzameling.
        ltr, rtl = _skelet(zin)
        pagina_ltr, pagina_rtl = _skelet(zoek_in)
        if ltr not in pagina_ltr or rtl - pagina_rtl:
            uit.append(f"{wat}: op de pagina's staat niet '{kort(_plat(zin))}'.")

    # de namen, zoals de casus ze noemt
    moet(f"Aanvrager {c.aanvrager.naam or '-'} (geboren {datum(c.aanvrager.geboortedatum)})",
         "Naam van de aanvrager", vlak[0])
    moet(f"Partner {c.partner.naam or '-'} (geboren {datum(c.partner.geboortedatum)})",
         "Naam van de partner", vlak[0])
    # per jaar: compensatie, eenmalig en periodiek, in het blok van dat jaar (tot het volgende jaar)
    blokken = {}
    plekken = [(m.start(), int(m.group(1))) for m in re.finditer(r"(?:^| )([0-9]{4}) Grondslag ", beslisser)]
    rekening_plek = beslisser.find("Uitbetalen op ")
    for n, (plek, jaar) in enumerate(plekken):
        tot = plekken[n + 1][0] if n + 1 < len(plekken) else (rekening_plek if rekening_plek > plek else len(beslisser))
        blokken.setdefault(jaar, beslisser[plek:tot])
    for jb in b.jaren:
        blok = blokken.get(jb.jaar)
        if blok is None:
            uit.append(f"{jb.jaar}: dit jaar staat niet bij 'Voor de beslisser'.")
            continue
        m = re.search(r" Compensatie € ?([0-9.,-]+)", blok)
        if not m or m.group(1) != euro(jb.compensatie_jaar, teken=False):
            uit.append(f"{jb.jaar}, compensatie: op papier {'€ ' + m.group(1) if m else '(niets)'}, berekend "
                       f"{euro(jb.compensatie_jaar)}.")
        m = re.search(r" Eenmalig € ?([0-9.,-]+)", blok)
        if not m or m.group(1) != euro(jb.eenmalig, teken=False):
            uit.append(f"{jb.jaar}, eenmalig: op papier {'€ ' + m.group(1) if m else '(niets)'}, berekend "
                       f"{euro(jb.eenmalig)}.")
        periodiek = "; ".join(f"{euro(p.per_maand)} per maand van {periode_label(p.van, p.tot_en_met)}"
                              for p in jb.periodiek)
        if periodiek:
            moet(f"Periodiek {periodiek}", f"{jb.jaar}, periodiek", blok)
        elif " Periodiek " in blok:
            uit.append(f"{jb.jaar}: op papier staat een periodieke betaling, de berekening heeft er geen.")
    for jaar in blokken:
        if jaar not in {jb.jaar for jb in b.jaren}:
            uit.append(f"{jaar}: dit jaar staat op papier, maar niet in de berekening.")
    # rekening, tenaamstelling en totaal
    moet(f"Uitbetalen op {_plat(_rekening(c))} Totaal {euro(b.totaal_compensatie)}",
         "Rekeningnummer, tenaamstelling of totaal")
    for m in re.finditer(r"€ ?([0-9.,-]+) in totaal", beslisser):
        if m.group(1) != euro(b.totaal_compensatie, teken=False):
            uit.append(f"Totaal: op papier € {m.group(1)}, berekend {euro(b.totaal_compensatie)}.")
    blokkerend = any(sg.blokkerend for jb in b.jaren for sg in jb.signalen) or any(
        sg.blokkerend for jb in b.jaren for pb in jb.perioden for sg in pb.signalen)
    if blokkerend and "Nog niet toekennen" not in beslisser:
        uit.append("De berekening heeft een blokkerend signaal, maar op papier staat geen 'Nog niet toekennen'.")
    if not blokkerend and "Nog niet toekennen" in beslisser:
        uit.append("Op papier staat 'Nog niet toekennen', maar de berekening heeft geen blokkerend signaal.")
    return uit


def _afdrukken(teksten: list[str]) -> list[str | None]:
    """De vingerafdruk in de voettekst van elke pagina (de laatste regel met 'vingerafdruk'), of None."""
    uit = []
    for t in teksten:
        gevonden = re.findall(r"vingerafdruk ([0-9a-f]{12})\b", t)
        uit.append(gevonden[-1] if gevonden else None)
    return uit


def _paginas(nummers: list[int]) -> str:
    return ("pagina " if len(nummers) == 1 else "pagina's ") + ", ".join(str(n) for n in nummers[:20]) + (
        " ..." if len(nummers) > 20 else "")


def controle(pdf: bytes) -> dict:
    """De hele controle van een berekening-PDF: {code, regels, vingerafdruk, casus, berekening, oud}.
    code 0 klopt (regels op stdout), 1 verschil (wat verschilt), 2 geen avdesk-PDF / onleesbaar / over een grens."""
    from ..core.berekening import bereken
    from ..core.casus import CasusFout, lees_casus
    from ..core.params import ParameterFout, parameterversie
    from .pdflezen import Gelezen, PdfFout, kort

    def twee(regels):
        return {"code": 2, "regels": regels, "vingerafdruk": None, "casus": None, "berekening": None, "oud": None}
    try:
        casus, berekening, _ = lees_bewijs(pdf)
        oud = lees_berekening(berekening)
        gelezen = Gelezen(pdf, "berekening")
        teksten = gelezen.teksten()
        acties = gelezen.acties()
        over = gelezen.overlappers()
    except (GeenBewijs, PdfFout) as e:
        return twee([str(e)])
    echt = vingerafdruk(casus, berekening)
    try:
        c = lees_casus(casus)
    except CasusFout as e:
        return twee(["De ingebedde casus is niet te lezen:"] + [f"  {kort(x, 200)}" for x in e.fouten])
    uitkomst = {"code": 1, "regels": [], "vingerafdruk": echt, "casus": c, "berekening": None, "oud": oud}
    regels = uitkomst["regels"]
    if acties:
        regels.append("Verdacht: deze PDF kan iets uitvoeren of starten, wat een berekening van avdesk nooit doet: "
                      + "; ".join(acties) + ". Open hem niet in een PDF-lezer; vraag de raadsman om het origineel.")
    if over:
        regels.append("Verdacht: er is iets over de pagina's heen gelegd: " + "; ".join(over[:10]) + ".")
    afdrukken = _afdrukken(teksten)
    zonder = [i for i, a in enumerate(afdrukken, 1) if a is None]
    anders = sorted({a for a in afdrukken if a is not None and a != echt})
    if zonder:
        regels.append(f"Op {_paginas(zonder)} staat geen vingerafdruk in de voettekst (een berekening van avdesk "
                      f"heeft hem op elke pagina).")
    if anders:
        regels.append(f"De vingerafdruk klopt niet: op de pagina's staat {', '.join(anders)}, de ingebedde gegevens "
                      f"geven {echt}. De casus of de berekening in de PDF is na het maken veranderd, of de pagina's "
                      f"horen bij een andere berekening.")
    try:
        peil = date.fromisoformat(oud["peildatum"]) if oud.get("peildatum") else None
        b = bereken(c, peil)
        nieuw = json.loads(gegevens(c, b, peil or date.today())[1], parse_float=Decimal)
    except ParameterFout as e:
        return {**uitkomst, "regels": regels + [f"Opnieuw rekenen lukt niet met deze avdesk: {kort(str(e), 300)}"]}
    uitkomst["berekening"] = b
    regels += [f"Op papier: {x}" for x in papier(teksten, c, b, nieuw)]
    v_oud, v_nieuw = (oud.get("parameters") or {}).get("versie"), parameterversie()
    verschil = verschillen(oud, nieuw)
    if verschil:
        if v_oud != v_nieuw:
            regels.append(f"Andere parameters: de berekening in de PDF is gemaakt met parameterversie "
                          f"{kort(str(v_oud), 40)}, deze avdesk heeft parameterversie {v_nieuw}, en daarmee "
                          f"verschillen de cijfers.")
        regels.append("Opnieuw gerekend met deze avdesk verschillen deze cijfers (in de PDF -> nu berekend):")
        regels += [f"  {kort(wat, 200)}: {kort(_waarde(a))} -> {kort(_waarde(b_))}" for wat, a, b_ in verschil[:40]]
        if len(verschil) > 40:
            regels.append(f"  ... en nog {len(verschil) - 40} verschillen")
    if regels:
        return uitkomst
    uitkomst["code"] = 0
    regels.append(f"klopt: de casus in de PDF geeft opnieuw gerekend precies deze berekening, en de pagina's tonen "
                  f"hem (vingerafdruk {echt} op elke pagina, parameterversie {v_nieuw}, peildatum "
                  f"{_datum(peil) if peil else 'onbekend'}).")
    if v_oud != v_nieuw:
        regels.append(f"Let op: de berekening is gemaakt met parameterversie {kort(str(v_oud), 40)}; deze avdesk "
                      f"heeft parameterversie {v_nieuw}. Opnieuw gerekend zijn alle cijfers gelijk, dus dat maakt "
                      f"voor deze aanvraag niets uit.")
    return uitkomst


def controleer(pdf: bytes) -> tuple[int, list[str]]:
    """(exitcode, regels): 0 klopt; 1 verschil (met de cijfers); 2 geen avdesk-PDF, onleesbaar of over een grens.
    Een archief van avdesk (export/archief.py): de berekening die erin is ingebed."""
    u = controle(pdf)
    if u["code"] == 2 and (binnen := _uit_archief(pdf)) is not None:
        acties, berekening = binnen
        u = controle(berekening)            # een keer: een archief in een archief telt niet
        kop = [f"Archief van avdesk: de ingebedde berekening ({BEREKENING_IN_ARCHIEF}) is gecontroleerd."]
        if acties and u["code"] == 0:
            return 1, kop + ["Verdacht: het archief kan iets uitvoeren of starten: " + "; ".join(acties) + "."]
        return u["code"], kop + u["regels"]
    return u["code"], u["regels"]


def _uit_archief(pdf: bytes) -> tuple[list[str], bytes] | None:
    """(acties, de ingebedde berekening) als dit een archief van avdesk is, binnen de grenzen van pdflezen; anders None."""
    from .pdflezen import Gelezen, PdfFout
    try:
        g = Gelezen(pdf, "PDF")
        bijlagen = g.bijlagen()
        if len(bijlagen.get(BEREKENING_IN_ARCHIEF, [])) != 1:
            return None
        return g.acties(), bijlagen[BEREKENING_IN_ARCHIEF][0]
    except PdfFout:
        return None


BEREKENING_IN_ARCHIEF = "berekening.pdf"          # zoals export/archief.py hem inbedt
