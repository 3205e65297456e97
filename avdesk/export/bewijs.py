"""De berekening bewijst zichzelf: de PDF draagt de casus (avdesk-casus/1) en de berekening (avdesk-berekening/1)
als ingebedde JSON-bestanden (de EmbeddedFiles van het document, wat `pdfdetach -list` toont), en op elke pagina
een vingerafdruk van die gegevens. `avdesk controleer` rekent de casus opnieuw en vergelijkt.

Zoals Factur-X voor facturen: de pagina voor de mens en de gegevens voor de computer in een bestand. Schrijven en
lezen gaan zonder pypdf (dat is alleen een testafhankelijkheid): reportlab schrijft de objecten, en lezen zoekt
de ingebedde stromen op (de enige plek waar avdesk ze neerzet)."""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from datetime import date
from decimal import Decimal

CASUS_BESTAND = "avdesk-casus.json"
BEREKENING_BESTAND = "avdesk-berekening.json"
SLEUTELWOORD = "avdeskvingerafdruk"      # alleen letters en cijfers: reportlab schrijft '-' en ':' als \\055


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
    """Geen avdesk-PDF met ingebedde gegevens; de tekst zegt in het Nederlands wat het wel is."""


def _ingebed(pdf: bytes) -> list[bytes]:
    """Alle ingebedde bestanden (/Type /EmbeddedFile), uitgepakt. Streams staan nooit in objectstromen, dus ook na
    opnieuw opslaan door een ander programma zijn ze zo te vinden."""
    uit = []
    for m in re.finditer(rb"/Type\s*/EmbeddedFile\b", pdf):
        begin = pdf.rfind(b"obj", 0, m.start())
        s = pdf.find(b"stream", m.end())
        if begin < 0 or s < 0:
            continue
        kop = pdf[begin:s]
        s += len(b"stream")
        s += 2 if pdf[s:s + 2] == b"\r\n" else 1
        e = pdf.find(b"endstream", s)
        inhoud = pdf[s:e]
        if b"/FlateDecode" in kop:
            try:
                inhoud = zlib.decompressobj().decompress(inhoud)
            except zlib.error:
                continue
        elif b"/Filter" in kop:
            continue
        uit.append(inhoud.rstrip(b"\r\n") if b"/FlateDecode" not in kop else inhoud)
    return uit


def lees_bewijs(pdf: bytes) -> tuple[bytes, bytes, str | None]:
    """(casus, berekening, vingerafdruk uit de documentgegevens) uit een berekening-PDF; anders GeenBewijs."""
    if not pdf.startswith(b"%PDF"):
        raise GeenBewijs("Dit bestand is geen PDF.")
    casus = berekening = None
    for inhoud in _ingebed(pdf):
        try:
            formaat = json.loads(inhoud).get("formaat")
        except (ValueError, AttributeError):
            continue
        if formaat == "avdesk-casus/1":
            casus = inhoud
        elif formaat == "avdesk-berekening/1":
            berekening = inhoud
    if casus is None or berekening is None:
        if b"avdesk" in pdf[-4000:] or b"(avdesk)" in pdf:
            raise GeenBewijs("Deze PDF is door avdesk gemaakt, maar zonder ingebedde casus en berekening: een "
                             "aanvraag, of een berekening van voor avdesk de gegevens meebewaarde. Maak de berekening "
                             "opnieuw om hem te kunnen controleren.")
        raise GeenBewijs("Dit is geen berekening van avdesk: de PDF bevat geen ingebedde casus en berekening.")
    m = re.search(SLEUTELWOORD.encode() + rb"([0-9a-f]{12})", pdf)
    return casus, berekening, (m.group(1).decode() if m else None)


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
    from ..core.geld import maand_label
    van, tem = (date(int(p[k][:4]), int(p[k][5:7]), 1) for k in ("van", "tot_en_met"))
    return f"{maand_label(van)} t/m {maand_label(tem)}"


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


def controleer(pdf: bytes) -> tuple[int, list[str]]:
    """(exitcode, regels): 0 klopt; 1 verschil (met de cijfers); 2 geen avdesk-PDF of zonder gegevens."""
    from ..core.berekening import bereken
    from ..core.casus import CasusFout, lees_casus
    from ..core.params import ParameterFout, parameterversie
    try:
        casus, berekening, afdruk = lees_bewijs(pdf)
    except GeenBewijs as e:
        return 2, [str(e)]
    regels = []
    echt = vingerafdruk(casus, berekening)
    if afdruk != echt:
        regels.append(f"De vingerafdruk klopt niet: op de pagina's staat {afdruk or '(geen)'}, de ingebedde gegevens "
                      f"geven {echt}. De casus of de berekening in de PDF is na het maken veranderd.")
    oud = json.loads(berekening, parse_float=Decimal)
    try:
        c = lees_casus(casus)
        peil = date.fromisoformat(oud.get("peildatum")) if oud.get("peildatum") else None
        nieuw = json.loads(gegevens(c, bereken(c, peil), peil or date.today())[1], parse_float=Decimal)
    except CasusFout as e:
        return 1, regels + ["De ingebedde casus is niet (meer) leesbaar:"] + [f"  {f}" for f in e.fouten]
    except ParameterFout as e:
        return 1, regels + [f"Opnieuw rekenen lukt niet met deze avdesk: {e}"]
    v_oud, v_nieuw = (oud.get("parameters") or {}).get("versie"), parameterversie()
    if v_oud != v_nieuw:
        regels.append(f"Andere parameters: de berekening in de PDF is gemaakt met parameterversie {v_oud}, deze "
                      f"avdesk heeft parameterversie {v_nieuw}.")
    verschil = verschillen(oud, nieuw)
    if verschil:
        regels.append("Opnieuw gerekend met deze avdesk verschillen deze cijfers (in de PDF -> nu berekend):")
        regels += [f"  {wat}: {_waarde(a)} -> {_waarde(b)}" for wat, a, b in verschil[:40]]
        if len(verschil) > 40:
            regels.append(f"  ... en nog {len(verschil) - 40} verschillen")
    elif v_oud != v_nieuw:
        regels.append("Alle bedragen zijn met de nieuwe parameters gelijk gebleven.")
    if regels:
        return 1, regels
    return 0, [f"klopt: de casus in de PDF geeft opnieuw gerekend precies deze berekening (vingerafdruk {echt}, "
               f"parameterversie {v_nieuw}, peildatum {oud.get('peildatum')})."]
