"""XLSX-bestanden met de hand gebouwd, voor de tests van de doelgroepselectielijst: gewone, beschadigde en bommen.

De zip schrijven we zelf (lokale kop, centrale map, eindrecord), zodat een test ook kan liegen over de grootte. Een
bom blijft klein op schijf en is snel gemaakt: een blok wordt een keer gecomprimeerd en afgesloten met een volle
flush (deflate begint daarna opnieuw, zonder terug te verwijzen), en die gecomprimeerde bytes staan er n keer."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

HOOFD = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"

TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '{extra}</Types>')
RELS = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
        f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WERKMAP = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{HOOFD}" xmlns:r="{REL}"><sheets>'
           '<sheet name="Jansen" sheetId="1" r:id="rId1"/></sheets></workbook>')
WERKMAP_RELS = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
                f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>{{extra}}'
                '</Relationships>')
SST_REL = f'<Relationship Id="rId9" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
SST_TYPE = ('<Override PartName="/xl/sharedStrings.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')


def blad_begin(dimensie: str | None = None) -> bytes:
    dim = f'<dimension ref="{dimensie}"/>' if dimensie else ""
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{HOOFD}">{dim}<sheetData>'.encode()


BLAD_EIND = b"</sheetData></worksheet>"


def rij(nr: int, *waarden) -> str:
    """Een rij met getallen (int) of tekst (str, inline)."""
    cellen = []
    for i, w in enumerate(waarden):
        ref = f"{chr(65 + i)}{nr}"
        if isinstance(w, str):
            cellen.append(f'<c r="{ref}" t="inlineStr"><is><t>{w}</t></is></c>')
        else:
            cellen.append(f'<c r="{ref}"><v>{w}</v></c>')
    return f'<row r="{nr}">{"".join(cellen)}</row>'


def blad(rijen: list[str], dimensie: str | None = None) -> bytes:
    return blad_begin(dimensie) + "".join(rijen).encode() + BLAD_EIND


class Herhaald:
    """Een lid dat bestaat uit begin + blok * n + eind, gecomprimeerd zonder het geheel ooit te maken."""

    def __init__(self, begin: bytes, blok: bytes, n: int, eind: bytes):
        self.begin, self.blok, self.n, self.eind = begin, blok, n, eind

    def deflate(self) -> tuple[bytes, int, int]:
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        kop = c.compress(self.begin) + c.flush(zlib.Z_FULL_FLUSH)
        blok = c.compress(self.blok) + c.flush(zlib.Z_FULL_FLUSH)
        staart = c.compress(self.eind) + c.flush(zlib.Z_FINISH)
        crc = zlib.crc32(self.begin)
        for _ in range(self.n):
            crc = zlib.crc32(self.blok, crc)
        crc = zlib.crc32(self.eind, crc)
        grootte = len(self.begin) + len(self.blok) * self.n + len(self.eind)
        return kop + blok * self.n + staart, crc, grootte


def schrijf_zip(pad: Path, leden: dict[str, bytes | str | Herhaald], *, gelogen: dict[str, int] | None = None,
                opgeslagen: tuple[str, ...] = (), vlaggen: dict[str, int] | None = None) -> Path:
    """Schrijf een zip. `gelogen`: per lid een opgegeven (onware) uitgepakte grootte; `opgeslagen`: leden zonder
    compressie; `vlaggen`: extra bits in de kop (1 = versleuteld)."""
    gelogen, vlaggen = gelogen or {}, vlaggen or {}
    uit, centraal = bytearray(), bytearray()
    for naam, inhoud in leden.items():
        if isinstance(inhoud, str):
            inhoud = inhoud.encode()
        if isinstance(inhoud, Herhaald):
            data, crc, grootte = inhoud.deflate()
            methode = 8
        elif naam in opgeslagen:
            data, crc, grootte, methode = inhoud, zlib.crc32(inhoud), len(inhoud), 0
        else:
            c = zlib.compressobj(6, zlib.DEFLATED, -15)
            data = c.compress(inhoud) + c.flush()
            crc, grootte, methode = zlib.crc32(inhoud), len(inhoud), 8
        grootte = gelogen.get(naam, grootte)
        bnaam, vlag, plek = naam.encode(), vlaggen.get(naam, 0), len(uit)
        uit += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, vlag, methode, 0, 0x21, crc, len(data), grootte,
                           len(bnaam), 0) + bnaam + data
        centraal += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, vlag, methode, 0, 0x21, crc, len(data),
                                grootte, len(bnaam), 0, 0, 0, 0, 0, plek) + bnaam
    uit += centraal + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(leden), len(leden), len(centraal), len(uit), 0)
    pad.write_bytes(bytes(uit))
    return pad


def werkmap(pad: Path, blad_xml: bytes | Herhaald, *, sst: bytes | Herhaald | None = None, extra: dict | None = None,
            **zip_opties) -> Path:
    """Een minimale werkmap met een werkblad (en eventueel gedeelde teksten)."""
    leden: dict = {
        "[Content_Types].xml": TYPES.format(extra=SST_TYPE if sst is not None else ""),
        "_rels/.rels": RELS,
        "xl/workbook.xml": WERKMAP,
        "xl/_rels/workbook.xml.rels": WERKMAP_RELS.format(extra=SST_REL if sst is not None else ""),
        "xl/worksheets/sheet1.xml": blad_xml,
    }
    if sst is not None:
        leden["xl/sharedStrings.xml"] = sst
    leden.update(extra or {})
    return schrijf_zip(pad, leden, **zip_opties)


def zipbom(pad: Path, megabyte: int = 830) -> Path:
    """Een werkblad dat uitgepakt `megabyte` MB is (rijen met een BSN), op schijf ongeveer een duizendste."""
    blok = b'<row><c><v>123456782</v></c></row>' * 30840          # ongeveer 1 MB
    return werkmap(pad, Herhaald(blad_begin(), blok, megabyte, BLAD_EIND))
