"""Een paar dingen uit een PDF lezen zonder PDF-bibliotheek (pypdf is alleen een testafhankelijkheid): het kenmerk
dat avdesk in de documentgegevens zet, en of de handtekeningvelden (/FT /Sig) een handtekening (/V) hebben.

Een ondertekend document is meestal incrementeel bijgewerkt: een nieuwere versie van hetzelfde object staat dan
verderop in het bestand, soms in een objectstroom (/Type /ObjStm). De laatste versie telt. avdesk controleert hier
alleen of er een handtekening in het veld staat, niet of het certificaat geldig is."""

from __future__ import annotations

import re
import zlib

_KOP = re.compile(rb"(?<![0-9])([0-9]{1,10})\s+([0-9]{1,5})\s+obj\b")
KENMERK_WOORD = "avdeskkenmerk"          # in /Keywords: letters en cijfers; reportlab schrijft '-' als \055


def _stroom(pdf: bytes, begin: int) -> bytes | None:
    s = begin + len(b"stream")
    s += 2 if pdf[s:s + 2] == b"\r\n" else 1
    e = pdf.find(b"endstream", s)
    return pdf[s:e] if e >= 0 else None


def objecten(pdf: bytes) -> dict[int, bytes]:
    """Objectnummer -> woordenboek (zonder stroom), de laatste versie in het bestand; ook uit objectstromen."""
    uit: dict[int, bytes] = {}
    for m in _KOP.finditer(pdf):
        begin = m.end()
        einde = pdf.find(b"endobj", begin)
        if einde < 0:
            continue
        s = pdf.find(b"stream", begin, einde)
        kop = pdf[begin:s] if s >= 0 else pdf[begin:einde]
        uit[int(m.group(1))] = kop
        if s >= 0 and re.search(rb"/Type\s*/ObjStm\b", kop) and b"/FlateDecode" in kop:
            inhoud = _stroom(pdf, s)
            try:
                data = zlib.decompressobj().decompress(inhoud or b"")
                n = int(re.search(rb"/N\s+([0-9]+)", kop).group(1))
                first = int(re.search(rb"/First\s+([0-9]+)", kop).group(1))
            except (zlib.error, AttributeError, ValueError):
                continue
            getallen = [int(x) for x in data[:first].split()[:2 * n]]
            paren = list(zip(getallen[0::2], getallen[1::2]))
            for i, (nummer, plek) in enumerate(paren):
                eind = first + paren[i + 1][1] if i + 1 < len(paren) else len(data)
                uit[nummer] = data[first + plek:eind]
    return uit


def _pdftekst(ruw: bytes) -> str:
    """De inhoud van een letterlijke PDF-tekst (tussen haakjes), met de escapes uitgepakt."""
    def vervang(m: re.Match) -> bytes:
        x = m.group(1)
        if x[:1].isdigit():
            return bytes([int(x, 8) & 0xFF])
        return {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}.get(x, x)
    data = re.sub(rb"\\([0-7]{1,3}|.)", vervang, ruw, flags=re.S)
    if data.startswith(b"\xfe\xff"):
        return data[2:].decode("utf-16-be", errors="replace")
    return data.decode("latin-1")


def handtekeningen(pdf: bytes) -> dict[str, bool]:
    """Veldnaam -> heeft het veld een handtekening (/V)? Alleen velden van het type /Sig."""
    uit: dict[str, bool] = {}
    for kop in objecten(pdf).values():
        if not re.search(rb"/FT\s*/Sig\b", kop):
            continue
        m = re.search(rb"/T\s*\(((?:\\.|[^\\)])*)\)", kop, re.S)
        naam = _pdftekst(m.group(1)) if m else f"veld {len(uit) + 1}"
        uit[naam] = bool(re.search(rb"/V\s*(?:[0-9]+\s+[0-9]+\s+R|<<)", kop))
    return uit


def kenmerk(pdf: bytes) -> str | None:
    """Het kenmerk dat avdesk in de documentgegevens zette (AV-12-20240915-ABC123), of None."""
    gevonden = None
    bronnen = [pdf] + ([b"\n".join(objecten(pdf).values())] if b"/ObjStm" in pdf else [])
    for bron in bronnen:
        for m in re.finditer(KENMERK_WOORD.encode() + rb"((?:[A-Za-z0-9]|\\055|-)+)", bron):
            gevonden = m.group(1).replace(b"\\055", b"-").decode("ascii")
        if gevonden:
            break
    return gevonden
