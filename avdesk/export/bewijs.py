"""De berekening bewijst zichzelf: de PDF draagt de casus (avdesk-casus/1) en de berekening (avdesk-berekening/1)
als ingebedde JSON-bestanden (de EmbeddedFiles van het document, wat `pdfdetach -list` toont), en op elke pagina
een vingerafdruk van die gegevens. `avdesk controleer` (export/controle.py) rekent de casus opnieuw, vergelijkt, en
leest het papier.

Zoals Factur-X voor facturen: de pagina voor de mens en de gegevens voor de computer in een bestand. reportlab
schrijft de objecten; lezen gaat met pypdf binnen de grenzen van export/pdflezen.py (uit de naamboom
EmbeddedFiles), en de ingebedde JSON gaat door de grenzen van een casusbestand en een eigen schema."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from decimal import Decimal

from .pdflezen import VINGERAFDRUK_WOORD

CASUS_BESTAND = "avdesk-casus.json"
BEREKENING_BESTAND = "avdesk-berekening.json"
SLEUTELWOORD = VINGERAFDRUK_WOORD       # in /Keywords (alleen ter informatie; wat telt staat op de pagina's)


def gegevens(c, b, vandaag: date) -> tuple[bytes, bytes]:
    """De twee ingebedde bestanden: de casus zoals hij is ingelezen, en de berekening met de peildatum waarmee
    gerekend is (de bezwaartermijn van S2 hangt ervan af), zodat opnieuw rekenen volgend jaar hetzelfde geeft."""
    from .. import __version__
    from ..core.casus import casus_naar_dict
    from ..core.geld import json_tekst
    casus = json_tekst(casus_naar_dict(c)).encode()
    berekening = json_tekst({**b.naar_json(), "peildatum": vandaag.isoformat(), "avdesk": __version__}).encode()
    return casus, berekening


def vingerafdruk(casus: bytes, berekening: bytes) -> str:
    """De eerste 12 hexcijfers van sha256 over beide bestanden, precies zoals ze in de PDF zitten."""
    return hashlib.sha256(casus + b"\n\0\n" + berekening).hexdigest()[:12]


def bed_in(canvas, bijlagen) -> None:
    """Zet de bestanden in de EmbeddedFiles-naamboom van de catalogus (PDF 32000-1, 7.11.4), met /AF-relatie
    'Data' zoals PDF/A-3 en Factur-X. Wordt aangeroepen door GenummerdCanvas.save()."""
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream, PDFString, PDFStreamFilterZCompress
    doc = canvas._doc
    namen = []
    for naam, inhoud, omschrijving in sorted(bijlagen):
        stroom = PDFStream(PDFDictionary({"Type": PDFName("EmbeddedFile"), "Subtype": PDFName("application#2Fjson"),
                                          "Params": PDFDictionary({"Size": len(inhoud)})}),
                           inhoud, filters=[PDFStreamFilterZCompress()])
        ref = doc.Reference(stroom)
        spec = PDFDictionary({"Type": PDFName("Filespec"), "F": PDFString(naam), "UF": PDFString(naam),
                              "Desc": PDFString(omschrijving), "AFRelationship": PDFName("Data"),
                              "EF": PDFDictionary({"F": ref, "UF": ref})})
        namen += [PDFString(naam), doc.Reference(spec)]
    doc.Catalog.Names = PDFDictionary({"EmbeddedFiles": PDFDictionary({"Names": PDFArray(namen)})})


# ---------------------------------------------------------------- lezen

class GeenBewijs(Exception):
    """Geen avdesk-PDF met ingebedde gegevens, of die gegevens zijn onleesbaar of over een grens; de tekst zegt in
    het Nederlands wat het wel is (exit 2)."""


def _formaat(inhoud: bytes) -> str | None:
    """Het formaat van een ingebed JSON-bestand, zonder het hele bestand te vertrouwen: alleen een kort stuk aan
    het begin wordt bekeken (de echte controle doet lees_json)."""
    m = re.search(rb'"formaat"\s*:\s*"(avdesk-[a-z]+/1)"', inhoud[:4096])
    return m.group(1).decode() if m else None


def lees_bewijs(pdf: bytes) -> tuple[bytes, bytes, str | None]:
    """(casus, berekening, vingerafdruk uit de documentgegevens) uit een berekening-PDF; anders GeenBewijs.
    Eerst de grenzen van pdfgrenzen.keur (grootte, bommen, objecten)."""
    from ..core.invoergrenzen import MAX_BESTAND
    from .pdflezen import Gelezen, PdfFout, vingerafdruk_meta
    try:
        bijlagen = Gelezen(pdf, "berekening").bijlagen()
    except PdfFout as e:
        raise GeenBewijs(str(e)) from None
    casus = berekening = None
    for naam, inhouden in bijlagen.items():
        for inhoud in inhouden:
            if len(inhoud) > MAX_BESTAND:
                raise GeenBewijs(f"Deze PDF is niet gelezen: een ingebed bestand is groter dan "
                                 f"{MAX_BESTAND // 1024 // 1024} MB (een casus of berekening is veel kleiner).")
            formaat = _formaat(inhoud)
            if formaat == "avdesk-casus/1" and naam == CASUS_BESTAND:
                casus = inhoud
            elif formaat == "avdesk-berekening/1" and naam == BEREKENING_BESTAND:
                berekening = inhoud
    if casus is None or berekening is None:
        if b"avdesk" in pdf[-4000:] or b"(avdesk)" in pdf:
            raise GeenBewijs("Deze PDF is door avdesk gemaakt, maar zonder ingebedde casus en berekening: een "
                             "aanvraag, of een berekening van voor avdesk de gegevens meebewaarde. Maak de berekening "
                             "opnieuw om hem te kunnen controleren.")
        raise GeenBewijs("Dit is geen berekening van avdesk: de PDF bevat geen ingebedde casus en berekening.")
    return casus, berekening, vingerafdruk_meta(pdf)


# ---------------------------------------------------------------- de ingebedde berekening: grenzen en schema

def lees_berekening(data: bytes) -> dict:
    """De ingebedde berekening (avdesk-berekening/1) door dezelfde grenzen als een casusbestand (grootte, diepte,
    getallen, tekstlengte) en een schema voor wat controleer en ontvang eruit lezen. Gooit GeenBewijs met de
    velden die niet kloppen (hooguit tien)."""
    from ..core.fouten import CasusFout
    from ..core.invoergrenzen import lees_json
    from .pdflezen import kort
    try:
        d = lees_json(data)
    except CasusFout as e:
        raise GeenBewijs("De ingebedde berekening is niet te lezen: " + "; ".join(kort(f, 200) for f in e.fouten[:5])
                         ) from None
    fouten: list[str] = []

    def f(pad: str, wat: str):
        fouten.append(f"{pad}: {wat}")

    def getal(o, pad, leeg=False):
        if o is None and leeg:
            return
        if isinstance(o, bool) or not isinstance(o, (int, Decimal)) or (isinstance(o, Decimal) and not o.is_finite()):
            f(pad, f"moet een bedrag of getal zijn, niet {kort(json_waarde(o), 40)}")
        elif abs(o) >= 10 ** 9:
            f(pad, f"{kort(str(o), 40)} is geen bedrag")

    def tekst(o, pad):
        if not isinstance(o, str):
            f(pad, f"moet tekst zijn, niet {kort(json_waarde(o), 40)}")

    def maand(o, pad):
        if not (isinstance(o, str) and re.fullmatch(r"(19|20)[0-9]{2}-(0[1-9]|1[0-2])", o)):
            f(pad, f"moet een maand zijn (JJJJ-MM), niet {kort(json_waarde(o), 40)}")

    def lijst(o, pad) -> list:
        if not isinstance(o, list):
            f(pad, f"moet een lijst zijn, niet {kort(json_waarde(o), 40)}")
            return []
        return o

    def signalen(o, pad):
        for i, sg in enumerate(lijst(o, pad)):
            if not isinstance(sg, dict):
                f(f"{pad}[{i}]", "moet een signaal zijn (code, tekst, blokkerend)")
                continue
            if not (isinstance(sg.get("code"), str) and re.fullmatch(r"S[0-9]{1,2}", sg["code"])):
                f(f"{pad}[{i}].code", f"moet een signaalcode zijn (S1, S2, ...), niet {kort(json_waarde(sg.get('code')), 40)}")
            tekst(sg.get("tekst"), f"{pad}[{i}].tekst")
            if not isinstance(sg.get("blokkerend"), bool):
                f(f"{pad}[{i}].blokkerend", "moet true of false zijn")

    if not isinstance(d, dict):
        raise GeenBewijs("De ingebedde berekening is geen JSON-object.")
    if d.get("formaat") != "avdesk-berekening/1":
        f("formaat", "moet \"avdesk-berekening/1\" zijn")
    peil = d.get("peildatum")
    if peil is not None:
        try:
            if not isinstance(peil, str) or len(peil) != 10:
                raise ValueError
            date.fromisoformat(peil)
        except ValueError:
            f("peildatum", f"moet een datum zijn (JJJJ-MM-DD), niet {kort(json_waarde(peil), 40)}")
    if not isinstance(d.get("parameters", {}), dict):
        f("parameters", "moet een object zijn")
    elif not isinstance(d.get("parameters", {}).get("versie", ""), str):
        f("parameters.versie", "moet tekst zijn")
    getal(d.get("totaal_compensatie"), "totaal_compensatie")
    jaren = lijst(d.get("jaren"), "jaren")
    for i, j in enumerate(jaren):
        pad = f"jaren[{i}]"
        if not isinstance(j, dict):
            f(pad, f"moet een jaar zijn (een object), niet {kort(json_waarde(j), 40)}")
            continue
        if isinstance(j.get("jaar"), bool) or not isinstance(j.get("jaar"), int) or not 1990 <= j["jaar"] <= 2100:
            f(f"{pad}.jaar", f"moet een jaartal zijn, niet {kort(json_waarde(j.get('jaar')), 40)}")
        for k in ("compensatie_jaar", "eenmalig", "tekort"):
            getal(j.get(k), f"{pad}.{k}", leeg=k == "tekort")
        signalen(j.get("signalen", []), f"{pad}.signalen")
        for n, p in enumerate(lijst(j.get("periodiek", []), f"{pad}.periodiek")):
            if not isinstance(p, dict):
                f(f"{pad}.periodiek[{n}]", "moet een object zijn")
                continue
            maand(p.get("van"), f"{pad}.periodiek[{n}].van")
            maand(p.get("tot_en_met"), f"{pad}.periodiek[{n}].tot_en_met")
            getal(p.get("per_maand"), f"{pad}.periodiek[{n}].per_maand")
        for n, p in enumerate(lijst(j.get("perioden", []), f"{pad}.perioden")):
            if not isinstance(p, dict):
                f(f"{pad}.perioden[{n}]", "moet een periode zijn (een object)")
                continue
            maand(p.get("van"), f"{pad}.perioden[{n}].van")
            maand(p.get("tot_en_met"), f"{pad}.perioden[{n}].tot_en_met")
            signalen(p.get("signalen", []), f"{pad}.perioden[{n}].signalen")
    if fouten:
        raise GeenBewijs("De ingebedde berekening klopt niet met het formaat avdesk-berekening/1 (is hij "
                         "met de hand gemaakt of veranderd?): " + "; ".join(fouten[:10])
                         + (f"; en nog {len(fouten) - 10}" if len(fouten) > 10 else ""))
    return d


def json_waarde(o) -> str:
    """Een JSON-waarde zoals hij in het bestand stond (voor een melding; kort() snijdt hem af)."""
    if isinstance(o, str):
        return json.dumps(o[:200], ensure_ascii=False)
    if isinstance(o, (dict, list)):
        return "een object" if isinstance(o, dict) else "een lijst"
    if o is None:
        return "null"
    if isinstance(o, bool):
        return "true" if o else "false"
    return str(o)[:200]


# ---------------------------------------------------------------- vergelijken

_LABELS = {
    "compensatie_jaar": "compensatie over het jaar", "tekort": "tekort aan toeslagen", "eenmalig": "eenmalig",
    "periodiek_per_maand": "periodiek per maand", "totaal_compensatie": "totale compensatie",
    "bestaansminimum_per_maand": "bestaansminimum per maand", "inkomen_per_maand": "huishoudinkomen per maand",
    "compensatie_periode": "compensatie over de periode", "netto_norm_per_maand": "netto bijstandsnorm per maand",
    "referentie": "bij alleen bijstand", "berekend": "berekend met het ingevulde inkomen", "werkelijk": "werkelijk",
    "verschil_per_maand": "verschil per maand", "compensatie_per_maand": "compensatie per maand",
    "huurtoeslag": "huurtoeslag", "zorgtoeslag": "zorgtoeslag", "totaal": "totaal",
    "bruto_bijstand_per_partner": "bruto bijstand per partner", "kostendelers": "aantal kostendelers",
    "terugvordering": "terugvordering", "bedrag": "bedrag", "alleenverdieners": "deel alleenverdieners",
    "compensatie_per_kostensoort": "compensatie per kostensoort", "huurkosten": "huurkosten",
    "zorgpremie": "zorgpremie", "overig": "overig", "stap11": "stap 11", "wtrap": "Wtrap",
    "tegemoetkoming": "vaste tegemoetkoming", "voldoet": "voldoet", "signalen": "signalen",
    "toelichting": "toelichting", "redenen": "voorwaarden", "periodiek": "periodieke betaling",
    "tekort_toeslagen": "(1) verschil in toeslagen", "tekort_bestaansminimum": "(2) tekort tot het bestaansminimum",
    "extra": "tekort boven de terugvordering", "tekst": "uitleg", "maanden": "aantal maanden",
    "perioden": "perioden", "opmerkingen": "opmerkingen", "beleidsprofiel": "beleidsprofiel",
}


def _waarde(v) -> str:
    from ..core.geld import euro
    if isinstance(v, bool):
        return "ja" if v else "nee"
    if isinstance(v, (Decimal, float)) or (isinstance(v, int) and not isinstance(v, bool)):
        return euro(Decimal(str(v)))
    if v is None:
        return "niets"
    if isinstance(v, list) and all(isinstance(x, dict) and "code" in x for x in v):
        return ", ".join(x["code"] for x in v) or "geen"
    if isinstance(v, (list, dict)):
        return f"{len(v)} item(s)" if v else "niets"
    return repr(v)


def _periode_naam(p: dict) -> str:
    """Een periode uit de JSON in het bewijs (maanden als "2024-09", bij het lezen al gekeurd)."""
    from ..core.geld import maand_uit_iso, periode_label
    return periode_label(maand_uit_iso(p["van"]), maand_uit_iso(p["tot_en_met"]))


def verschillen(oud, nieuw, pad: list[str] | None = None) -> list[tuple[str, object, object]]:
    """(omschrijving, in de PDF, nu berekend) voor elk cijfer dat verschilt; jaren en perioden bij naam."""
    pad = pad or []
    uit = []
    if isinstance(oud, dict) and isinstance(nieuw, dict):
        for k in list(oud) + [k for k in nieuw if k not in oud]:
            if k in ("parameters", "peildatum", "avdesk", "formaat"):
                continue
            if k == "signalen" and isinstance(oud.get(k), list) and isinstance(nieuw.get(k), list) and \
                    [x.get("code") for x in oud[k]] != [x.get("code") for x in nieuw[k]]:
                uit.append((", ".join(pad + ["signalen"]), oud[k], nieuw[k]))
                continue
            label = None if k == "jaren" else _LABELS.get(k, k.replace("_", " "))
            uit += verschillen(oud.get(k), nieuw.get(k), pad + ([label] if label else []))
        return uit
    if isinstance(oud, list) and isinstance(nieuw, list) and len(oud) == len(nieuw):
        for i, (a, b) in enumerate(zip(oud, nieuw)):
            if isinstance(a, dict) and "jaar" in a and "perioden" in a:
                stap = str(a["jaar"])
            elif isinstance(a, dict) and "van" in a and "tot_en_met" in a:
                stap = _periode_naam(a)
            elif isinstance(a, dict) and "code" in a:
                stap = f"signaal {a['code']}"
            else:
                stap = f"nr. {i + 1}"
            uit += verschillen(a, b, pad + [stap])
        return uit
    if oud != nieuw:
        uit.append((", ".join(x for x in pad if x not in ("perioden",)), oud, nieuw))
    return uit
