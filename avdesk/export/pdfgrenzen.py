"""De grenzen tegen een vijandige PDF, vóór iemand hem leest (team Inkomen): keur() en het stapsgewijs uitpakken.

Een PDF komt van buiten (mail, gedeelde schijf): hij kan een 'bom' zijn (1 MB die uitpakt tot 1 GB), tienduizenden
objecten hebben of een programma starten. Daarom eerst keur(): de bestandsgrootte, het aantal objecten en van elke
gecomprimeerde stroom hoe groot hij uitgepakt wordt, stapsgewijs (zlib.decompressobj met max_length: nooit meer dan
de grens in het geheugen). Pas daarna lezen pypdf (tekst, structuur; export/pdflezen.py) en pyHanko (handtekeningen)
het bestand, pypdf met nog eens dezelfde grenzen in zijn eigen Configuration. De grenzen (README, 'controleer'):

- bestand hooguit MAX_PDF bytes (20 MB; een berekening over vijf jaar is zo'n 150 kB);
- een stroom pakt uit tot hooguit MAX_STROOM (16 MB), alle stromen samen tot hooguit MAX_UITGEPAKT (128 MB);
- hooguit MAX_OBJECTEN objecten, MAX_PAGINAS pagina's en MAX_BIJLAGEN ingebedde bestanden;
- alleen de compressie die avdesk, reportlab en pyHanko zelf gebruiken (/FlateDecode) en die van plaatjes; een
  andere (LZW, RunLength, ASCII85, ...) is niet nodig en wordt geweigerd.

export/pdflezen.py voert alles hiervan door, zodat wie het daar importeert het daar blijft vinden."""

from __future__ import annotations

import re
import zlib

MAX_PDF = 20 * 1024 * 1024
MAX_STROOM = 16 * 1024 * 1024
MAX_UITGEPAKT = 128 * 1024 * 1024
MAX_OBJECTEN = 50_000
MAX_PAGINAS = 500
MAX_BIJLAGEN = 8
MAX_TOON = 80                     # tekens van een waarde uit het bestand in een melding (daarna "…")

_KOP = re.compile(rb"(?<![0-9])([0-9]{1,10})\s+([0-9]{1,5})\s+obj\b")
_STROOM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_NAAM = re.compile(rb"/([^\s/\[\]<>(){}%]*)")
# Filters die een lezer hier uitpakt, of die alleen plaatjes zijn (pypdf pakt die voor tekst niet uit).
TOEGESTANE_FILTERS = {"FlateDecode", "ASCII85Decode", "DCTDecode", "JPXDecode", "CCITTFaxDecode"}
_ALLE_FILTERS = {"LZWDecode", "RunLengthDecode", "ASCIIHexDecode", "ASCII85Decode", "JBIG2Decode", "BrotliDecode",
                 "Crypt", "LZW", "RL", "AHx", "A85", "Fl", "DCT", "CCF"} | TOEGESTANE_FILTERS


class PdfFout(Exception):
    """Een PDF die avdesk niet leest: onleesbaar of over een grens. De tekst is Nederlands (exit 2)."""


def kort(tekst, n: int = MAX_TOON) -> str:
    """Een waarde uit een bestand voor in een melding: hooguit n tekens, daarna '…' (een waarde van 50 MB wordt
    nooit heel afgedrukt)."""
    tekst = tekst if isinstance(tekst, str) else repr(tekst)
    return tekst if len(tekst) <= n else tekst[:n] + "…"


def lees_bestand(pad, soort: str = "PDF") -> bytes:
    """Een PDF van schijf, maar niet als hij groter is dan MAX_PDF (dan PdfFout, zonder hem in te lezen)."""
    from pathlib import Path
    with Path(pad).open("rb") as f:
        data = f.read(MAX_PDF + 1)
    if len(data) > MAX_PDF:
        raise PdfFout(f"De {soort} ({kort(Path(pad).name, 60)}) is niet gelezen: het bestand is groter dan "
                      f"{_mb(MAX_PDF)} (een PDF van avdesk is hooguit een paar honderd kB).")
    return data


def _mb(n: int) -> str:
    return f"{n // 1024 // 1024} MB"


def uitpakken(data: bytes, grens: int = MAX_STROOM, wat: str = "een stroom in de PDF") -> bytes:
    """Flate uitpakken in stappen, nooit meer dan grens bytes (daarboven PdfFout); gooit zlib.error als het geen
    flate is."""
    d = zlib.decompressobj()
    uit = d.decompress(data, grens + 1)
    if len(uit) > grens:
        raise PdfFout(f"Deze PDF is niet gelezen: {wat} pakt uit tot meer dan {_mb(grens)} (een 'zip-bom'?). "
                      f"Een PDF van avdesk komt daar nooit bij.")
    return uit


def _meet_flate(pdf: bytes, begin: int, grens: int) -> tuple[int, bytes | None]:
    """(uitgepakte grootte, inhoud als hij klein is) van de flate-data vanaf begin; (0, None) als het geen flate is.
    De invoer loopt door tot het einde van de zlib-stroom (niet tot het woord 'endstream', dat ook in de
    gecomprimeerde data kan staan): zo ziet deze meting minstens wat een lezer met /Length uitpakt."""
    d = zlib.decompressobj()
    totaal = 0
    bewaard = bytearray()
    plek = begin
    stap = 1 << 16
    invoer = b""
    while not d.eof:
        if not invoer:
            if plek >= len(pdf):
                break
            invoer = pdf[plek:plek + stap]
            plek += stap
        try:
            uit = d.decompress(invoer, 1 << 20)
        except zlib.error:
            return (totaal, bytes(bewaard)) if totaal else (0, None)
        invoer = d.unconsumed_tail
        totaal += len(uit)
        if totaal > grens:
            return totaal, None
        if len(bewaard) < (1 << 22):
            bewaard += uit
    return totaal, (bytes(bewaard) if len(bewaard) == totaal else None)


def _naam(ruw: bytes) -> str:
    """Een PDF-naam met #xx-escapes uitgeschreven (/Flat#65Decode is /FlateDecode)."""
    return re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), ruw).decode("latin-1")


def _a85(pdf: bytes, begin: int, soort: str) -> bytes:
    """ASCII85 (reportlab zet het om zijn gecomprimeerde stromen) tot het eindteken ~>, binnen MAX_STROOM."""
    import base64
    einde = pdf.find(b"~>", begin)
    data = pdf[begin:einde if einde >= 0 else len(pdf)]
    z = data.count(b"z")
    if (len(data) - z) * 4 // 5 + 4 * z > MAX_STROOM:
        raise PdfFout(f"De {soort} is niet gelezen: een stroom is uitgepakt groter dan {_mb(MAX_STROOM)}.")
    try:
        return base64.a85decode(data, ignorechars=b" \t\n\r\x0b\x0c")
    except ValueError:
        return b""


def keur(pdf: bytes, soort: str = "PDF") -> None:
    """Gooit PdfFout (Nederlands) als de PDF over een grens gaat. Lineair in de bestandsgrootte, en elke stroom
    wordt hooguit tot MAX_STROOM uitgepakt."""
    if len(pdf) > MAX_PDF:
        raise PdfFout(f"De {soort} is niet gelezen: het bestand is groter dan {_mb(MAX_PDF)} (een PDF van avdesk "
                      f"is hooguit een paar honderd kB).")
    if not pdf.startswith(b"%PDF"):
        raise PdfFout(f"De {soort} is geen PDF.")
    objecten = sum(1 for _ in _KOP.finditer(pdf))
    if objecten > MAX_OBJECTEN:
        raise PdfFout(f"De {soort} is niet gelezen: meer dan {MAX_OBJECTEN} objecten.")
    totaal = 0
    for m in _STROOM.finditer(pdf):
        kop = pdf[max(0, m.start() - 4096):m.start()]
        k = kop.rfind(b"obj")
        kop = kop[k:] if k >= 0 else kop
        a85 = False
        if b"/Filter" in kop or b"#" in kop:
            for ruw in _NAAM.findall(kop):
                naam = _naam(ruw)
                if naam in _ALLE_FILTERS and naam not in TOEGESTANE_FILTERS:
                    raise PdfFout(f"De {soort} is niet gelezen: een stroom gebruikt de compressie /{kort(naam, 30)}, "
                                  f"die avdesk niet leest (een PDF van avdesk gebruikt alleen /FlateDecode, soms "
                                  f"met /ASCII85Decode).")
                a85 = a85 or naam == "ASCII85Decode"
        if a85:
            grootte, inhoud = _meet_flate(_a85(pdf, m.end(), soort), 0, MAX_STROOM)
        else:
            grootte, inhoud = _meet_flate(pdf, m.end(), MAX_STROOM)
        if grootte > MAX_STROOM:
            raise PdfFout(f"De {soort} is niet gelezen: een stroom pakt uit tot meer dan {_mb(MAX_STROOM)} (een "
                          f"'zip-bom'?). Een PDF van avdesk komt daar nooit bij.")
        totaal += grootte
        if totaal > MAX_UITGEPAKT:
            raise PdfFout(f"De {soort} is niet gelezen: de stromen samen pakken uit tot meer dan "
                          f"{_mb(MAX_UITGEPAKT)}.")
        if inhoud is not None and re.search(rb"/Type\s*/ObjStm\b", kop):
            n = re.search(rb"/N\s+([0-9]{1,9})", kop)
            objecten += int(n.group(1)) if n else 0
            if objecten > MAX_OBJECTEN:
                raise PdfFout(f"De {soort} is niet gelezen: meer dan {MAX_OBJECTEN} objecten.")
    if pdf.count(b"/EmbeddedFile") > 2 * MAX_BIJLAGEN + 2:
        raise PdfFout(f"De {soort} is niet gelezen: meer dan {MAX_BIJLAGEN} ingebedde bestanden.")
