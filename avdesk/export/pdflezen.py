"""Een ontvangen PDF lezen zonder dat hij avdesk kan laten vastlopen (team Inkomen): de tekst van de pagina's, wat er
in het document kan 'draaien' (JavaScript, starten van programma's) en wat er over de pagina's heen is gelegd. Ook het
kenmerk dat avdesk in de documentgegevens zet.

Eerst keurt export/pdfgrenzen.py de PDF (grootte, bommen, objecten: keur); deze module voert die namen door, zodat
`from .pdflezen import PdfFout, keur, kort` blijft werken. Pas daarna leest pypdf hem, met nog eens dezelfde grenzen
in zijn eigen Configuration (_grenzen).

Een ondertekend document is meestal incrementeel bijgewerkt: een nieuwere versie van hetzelfde object staat dan
verderop in het bestand, soms in een objectstroom (/Type /ObjStm). De laatste versie telt."""

from __future__ import annotations

import re
import zlib
from contextlib import contextmanager

from .pdfgrenzen import (MAX_BIJLAGEN, MAX_OBJECTEN, MAX_PAGINAS, MAX_PDF, MAX_STROOM, _KOP, PdfFout, keur, kort,
                         uitpakken)
from .pdfgrenzen import (_ALLE_FILTERS as _ALLE_FILTERS, _NAAM as _NAAM, _STROOM as _STROOM, MAX_TOON as MAX_TOON,
                         MAX_UITGEPAKT as MAX_UITGEPAKT, TOEGESTANE_FILTERS as TOEGESTANE_FILTERS, _a85 as _a85,
                         _mb as _mb, _meet_flate as _meet_flate, _naam as _naam, lees_bestand as lees_bestand)

KENMERK_WOORD = "avdeskkenmerk"          # in /Keywords: letters en cijfers; reportlab schrijft '-' als \055
VINGERAFDRUK_WOORD = "avdeskvingerafdruk"   # idem (export/bewijs.py: SLEUTELWOORD)


# ---------------------------------------------------------------- pypdf, binnen de grenzen

@contextmanager
def _grenzen():
    from pypdf import apply_configuration
    with apply_configuration(zlib_maximum_output_length=MAX_STROOM, zlib_maximum_recovery_input_length=1 << 20,
                             maximum_declared_stream_length=MAX_PDF, lzw_maximum_output_length=MAX_STROOM,
                             run_length_maximum_output_length=MAX_STROOM, brotli_maximum_output_length=MAX_STROOM,
                             array_based_stream_maximum_output_length=MAX_STROOM, jbig2_maximum_output_length=0,
                             stream_decoding_work_maximum_length=2 * MAX_STROOM,
                             page_tree_maximum_entries=4 * MAX_PAGINAS,
                             xmp_maximum_input_length=1 << 20):
        yield


class Gelezen:
    """Een gekeurde PDF, gelezen met pypdf: de pagina's (tekst, aantekeningen, inhoud) en alle objecten."""

    def __init__(self, pdf: bytes, soort: str = "PDF"):
        import logging
        from io import BytesIO

        from pypdf import PdfReader
        keur(pdf, soort)
        self.soort = soort
        logging.getLogger("pypdf").setLevel(logging.ERROR)     # waarschuwingen over kapotte PDF's: niet op stderr
        try:
            with _grenzen():
                self.lezer = PdfReader(BytesIO(pdf), strict=False)
                if self.lezer.is_encrypted:
                    raise PdfFout(f"De {soort} is versleuteld; avdesk maakt nooit een versleutelde PDF.")
                self.aantal = len(self.lezer.pages)
        except PdfFout:
            raise
        except Exception:           # noqa: BLE001 (een vijandig bestand mag pypdf elke fout laten maken)
            raise PdfFout(f"De {soort} is beschadigd of geen gewone PDF; avdesk kan hem niet lezen.") from None
        if self.aantal > MAX_PAGINAS:
            raise PdfFout(f"De {soort} is niet gelezen: meer dan {MAX_PAGINAS} pagina's.")
        if self.aantal == 0:
            raise PdfFout(f"De {soort} heeft geen pagina's.")

    def _veilig(self, functie, *args):
        try:
            with _grenzen():
                return functie(*args)
        except PdfFout:
            raise
        except RecursionError:
            raise PdfFout(f"De {self.soort} is niet gelezen: de objecten zijn te diep genest.") from None
        except Exception:           # noqa: BLE001
            raise PdfFout(f"De {self.soort} is beschadigd of geen gewone PDF; avdesk kan hem niet lezen.") from None

    def teksten(self) -> list[str]:
        """De tekst van elke pagina (pypdf), met harde spaties als gewone spatie."""
        return self._veilig(lambda: [(p.extract_text() or "").replace("\xa0", " ") for p in self.lezer.pages])

    def bijlagen(self) -> dict[str, list[bytes]]:
        def lees():
            bijlagen = self.lezer.attachments
            if len(bijlagen) > MAX_BIJLAGEN:
                raise PdfFout(f"De {self.soort} is niet gelezen: meer dan {MAX_BIJLAGEN} ingebedde bestanden.")
            return {k: v if isinstance(v, list) else [v] for k, v in bijlagen.items()}
        return self._veilig(lees)

    def objecten(self):
        """Elk object uit de kruisverwijzingen (ook uit objectstromen), opgelost; hooguit MAX_OBJECTEN."""
        def lees():
            nummers = set()
            for per_gen in self.lezer.xref.values():
                nummers.update(per_gen)
            nummers.update(self.lezer.xref_objStm)
            uit = []
            for n in sorted(nummers)[:MAX_OBJECTEN]:
                try:
                    uit.append(self.lezer.get_object(n))
                except Exception:          # noqa: BLE001 (een kapot object telt niet mee)
                    continue
            return uit
        return self._veilig(lees)

    def acties(self) -> list[str]:
        """Wat in dit document iets kan uitvoeren of starten, in het Nederlands. avdesk zet er nooit iets in."""
        return self._veilig(self._acties)

    def _acties(self) -> list[str]:
        from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject
        namen = {"/JavaScript": "JavaScript", "/Launch": "een programma starten (Launch)",
                 "/SubmitForm": "formuliergegevens versturen (SubmitForm)", "/ImportData": "gegevens importeren",
                 "/URI": "een webadres openen (URI)", "/GoToR": "een ander bestand openen (GoToR)",
                 "/GoToE": "een ingebed bestand openen (GoToE)", "/Rendition": "media afspelen",
                 "/Movie": "een film afspelen", "/Sound": "geluid afspelen", "/RichMedia": "RichMedia",
                 "/Hide": "velden verbergen (Hide)", "/SetOCGState": "lagen aan- of uitzetten",
                 "/ResetForm": "het formulier wissen (ResetForm)", "/Trans": None, "/GoTo": None, "/Named": None,
                 "/GTS_PDFA1": None}      # de OutputIntent van een PDF/A (het archief), geen actie
        gevonden: list[str] = []

        def zie(wat: str):
            if wat not in gevonden:
                gevonden.append(wat)

        def loop(o, diepte=0):
            if diepte > 12 or len(gevonden) > 20:
                return
            if isinstance(o, IndirectObject):
                return                      # elk indirect object komt zelf aan de beurt
            if isinstance(o, DictionaryObject):
                for k, v in list(o.items()):
                    if k == "/JS":
                        zie("JavaScript")
                    elif k == "/AA":
                        zie("een actie die vanzelf start bij openen, sluiten of klikken (/AA)")
                    elif k == "/OpenAction" and not isinstance(v, ArrayObject):
                        zie("een actie die start als het document opent (/OpenAction)")
                    elif k == "/XFA":
                        zie("een XFA-formulier (kan scripts bevatten)")
                    elif k == "/S" and isinstance(v, NameObject) and namen.get(v, "") is not None:
                        zie(namen.get(v) or f"de actie {kort(str(v), 30)}")
                    elif k == "/Subtype" and v in ("/RichMedia", "/3D", "/Screen", "/Movie", "/Sound"):
                        zie(f"een aantekening die media of 3D afspeelt ({v[1:]})")
                    loop(v, diepte + 1)
            elif isinstance(o, ArrayObject):
                for v in list(o)[:10_000]:
                    loop(v, diepte + 1)
        for o in self.objecten():
            loop(o)
        names = self.lezer.trailer["/Root"].get("/Names")
        if names is not None and "/JavaScript" in names.get_object():
            zie("JavaScript")
        return gevonden

    def overlappers(self) -> list[str]:
        """Wat er op de pagina's staat dat avdesk er niet op zet: aantekeningen die iets tekenen (geen
        handtekeningveld), een tweede inhoudsstroom (later over de pagina heen getekend), plaatjes en formulieren
        (XObjects) die tekst kunnen vervangen."""
        return self._veilig(self._overlappers)

    def _overlappers(self) -> list[str]:
        from pypdf.generic import ArrayObject
        uit = []
        for i, p in enumerate(self.lezer.pages, 1):
            for a in (p.get("/Annots") or []):
                a = a.get_object()
                sub = str(a.get("/Subtype", "?"))
                if sub == "/Widget" and a.get("/FT") == "/Sig":
                    continue
                if sub == "/Widget" and a.get("/Parent") is not None and a["/Parent"].get_object().get("/FT") == "/Sig":
                    continue
                uit.append(f"pagina {i}: een aantekening ({kort(sub.lstrip('/'), 30)}) over de pagina heen")
            inhoud = p.get("/Contents")
            if inhoud is not None and isinstance(inhoud.get_object(), ArrayObject) and len(inhoud.get_object()) > 1:
                uit.append(f"pagina {i}: {len(inhoud.get_object())} lagen inhoud (avdesk schrijft er een; later is "
                           f"er iets over de pagina heen getekend)")
            bronnen = p.get("/Resources")
            if bronnen is not None and bronnen.get_object().get("/XObject"):
                uit.append(f"pagina {i}: een plaatje of formulier (XObject), dat avdesk op een berekening nooit zet")
        return uit


def _stroom(pdf: bytes, begin: int) -> bytes | None:
    s = begin + len(b"stream")
    s += 2 if pdf[s:s + 2] == b"\r\n" else 1
    e = pdf.find(b"endstream", s)
    return pdf[s:e] if e >= 0 else None


def objecten(pdf: bytes) -> dict[int, bytes]:
    """Objectnummer -> woordenboek (zonder stroom), de laatste versie in het bestand; ook uit objectstromen
    (uitgepakt binnen MAX_STROOM: roep eerst keur() aan)."""
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
                data = uitpakken(inhoud or b"", MAX_STROOM, "een objectstroom")
                n = int(re.search(rb"/N\s+([0-9]{1,9})", kop).group(1))
                first = int(re.search(rb"/First\s+([0-9]{1,9})", kop).group(1))
            except (zlib.error, AttributeError, ValueError):
                continue
            getallen = [int(x) for x in data[:first].split()[:2 * min(n, MAX_OBJECTEN)] if x.isdigit()]
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
    """Veldnaam -> staat er iets in /V? Alleen velden van het type /Sig. Of die handtekening echt is, zegt
    export/handtekening.py (pyHanko); dit is de snelle blik zonder bibliotheek."""
    keur(pdf, "aanvraag")
    uit: dict[str, bool] = {}
    for kop in objecten(pdf).values():
        if not re.search(rb"/FT\s*/Sig\b", kop):
            continue
        m = re.search(rb"/T\s*\(((?:\\.|[^\\)])*)\)", kop, re.S)
        naam = _pdftekst(m.group(1)) if m else f"veld {len(uit) + 1}"
        uit[naam] = bool(re.search(rb"/V\s*(?:[0-9]+\s+[0-9]+\s+R|<<)", kop))
    return uit


def _woord(pdf: bytes, woord: str, patroon: bytes) -> str | None:
    gevonden = None
    bronnen = [pdf] + ([b"\n".join(objecten(pdf).values())] if b"/ObjStm" in pdf else [])
    for bron in bronnen:
        for m in re.finditer(woord.encode() + patroon, bron):
            gevonden = m.group(1).replace(b"\\055", b"-").decode("ascii")
        if gevonden:
            break
    return gevonden


def kenmerk(pdf: bytes) -> str | None:
    """Het kenmerk dat avdesk in de documentgegevens zette (AV-12-20240915-ABC123), of None."""
    return _woord(pdf, KENMERK_WOORD, rb"((?:[A-Za-z0-9]|\\055|-){1,60})")


def vingerafdruk_meta(pdf: bytes) -> str | None:
    """De vingerafdruk in de documentgegevens (/Keywords), of None. Alleen ter informatie: wat telt, staat op de
    pagina's (zie export/bewijs.py)."""
    return _woord(pdf, VINGERAFDRUK_WOORD, rb"([0-9a-f]{12})")
