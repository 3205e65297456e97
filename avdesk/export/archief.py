"""Een archiefbestand als PDF/A-3 (issue 25): een voorblad (reportlab, met ingebedde lettertypen) en de stukken als
ingebedde bestanden met AFRelationship (pypdf), XMP-metadata met pdfaid:part=3 en conformance B, en een OutputIntent
met een sRGB-ICC-profiel (van Pillow, zonder download). Alleen bytes in, bytes uit: het verzamelen van het dossier
staat in gemeente/archief.py.

`avdesk controleer` herkent een archief aan het ingebedde bestand BEREKENING en controleert die berekening."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import datetime, UTC
from xml.sax.saxutils import escape

from .controle import BEREKENING_IN_ARCHIEF as BEREKENING  # noqa: F401  (controleer herkent een archief eraan)

AANVRAAG, BESCHIKKING = "aanvraag.pdf", "beschikking.docx"
MIME = {".pdf": "application/pdf", ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


@dataclass
class Bijlage:
    naam: str
    inhoud: bytes
    relatie: str                # Source, Data, Supplement, Alternative of Unspecified (PDF/A-3)
    beschrijving: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.inhoud).hexdigest()


def voorblad(titel: str, delen: list[tuple[str, list]]) -> bytes:
    """Het voorblad: een titel en per deel een kop met regels (str: een alinea; list[list[str]]: een tabel)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    from .opmaak import BREEDTE, LETTER, MARGE, stijlen, tabel, veilig
    s = stijlen()
    verhaal = [Paragraph(veilig(titel), s["titel"])]
    for kop, inhoud in delen:
        verhaal.append(Paragraph(veilig(kop), s["kop1"]))
        for x in inhoud:
            if isinstance(x, list):
                breedte = BREEDTE / max(1, len(x[0]))
                verhaal.append(tabel(x, [breedte] * len(x[0])))
                verhaal.append(Spacer(1, 4))
            else:
                verhaal.append(Paragraph(veilig(x), s["tekst"]))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=MARGE, rightMargin=MARGE, topMargin=MARGE,
                            bottomMargin=MARGE, title=titel, author="avdesk", creator="avdesk", invariant=1,
                            initialFontName=LETTER)     # anders staat Helvetica (niet ingebed) in de pagina's
    doc.build(verhaal)
    return buf.getvalue()


def _xmp(titel: str, tijd: str) -> bytes:
    from .. import __version__
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>3</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(titel)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>avdesk</rdf:li></rdf:Seq></dc:creator>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
   <xmp:CreatorTool>avdesk {escape(__version__)}</xmp:CreatorTool>
   <xmp:CreateDate>{tijd}</xmp:CreateDate>
   <xmp:ModifyDate>{tijd}</xmp:ModifyDate>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <pdf:Producer>avdesk {escape(__version__)}</pdf:Producer>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode()


def srgb_profiel() -> bytes:
    from PIL import ImageCms
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def maak(titel: str, delen: list[tuple[str, list]], bijlagen: list[Bijlage], nu: datetime | None = None) -> bytes:
    """Het archief als PDF/A-3b: het voorblad met de bijlagen ingebed (elk met /AF en AFRelationship)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, NameObject, NumberObject,
                               TextStringObject)

    from .. import __version__
    nu = (nu or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    w = PdfWriter(clone_from=PdfReader(io.BytesIO(voorblad(titel, delen))))
    pdfdatum = nu.strftime("D:%Y%m%d%H%M%S+00'00'")
    af = ArrayObject()
    for b in bijlagen:
        ef = w.add_attachment(b.naam, b.inhoud)
        ef.subtype = NameObject("/" + MIME.get(b.naam[b.naam.rfind("."):], "application/octet-stream"))
        ef.description = TextStringObject(b.beschrijving)
        ef.associated_file_relationship = NameObject("/" + b.relatie)
        ef.modification_date = nu
        ef.size = NumberObject(len(b.inhoud))
        spec = ef.pdf_object
        af.append(spec.indirect_reference or w._add_object(spec))
    w._root_object[NameObject("/AF")] = af
    meta = DecodedStreamObject()
    meta.set_data(_xmp(titel, nu.isoformat()))
    meta.update({NameObject("/Type"): NameObject("/Metadata"), NameObject("/Subtype"): NameObject("/XML")})
    w._root_object[NameObject("/Metadata")] = w._add_object(meta)
    icc = DecodedStreamObject()
    icc.set_data(srgb_profiel())
    icc[NameObject("/N")] = NumberObject(3)
    w._root_object[NameObject("/OutputIntents")] = ArrayObject([w._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/OutputIntent"), NameObject("/S"): NameObject("/GTS_PDFA1"),
        NameObject("/OutputConditionIdentifier"): TextStringObject("sRGB IEC61966-2.1"),
        NameObject("/Info"): TextStringObject("sRGB IEC61966-2.1"),
        NameObject("/DestOutputProfile"): w._add_object(icc)}))])
    w._root_object[NameObject("/PageMode")] = NameObject("/UseAttachments")
    # Precies wat de XMP zegt (PDF/A): geen Subject, Keywords of Trapped van reportlab.
    w.metadata = {"/Title": titel, "/Creator": f"avdesk {__version__}", "/Author": "avdesk",
                  "/Producer": f"avdesk {__version__}", "/CreationDate": pdfdatum, "/ModDate": pdfdatum}
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()

