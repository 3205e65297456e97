"""Gedeelde opmaak van de PDF's: ingebed lettertype (DejaVu Sans, ook voor het euroteken), stijlen, tabellen,
en een voettekst met versie, 'pagina x van y' en een vertrouwelijkheidsregel op elke pagina."""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from .. import __version__
from .. import installatiemap

LETTER, VET, SCHUIN = "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"
MARGE = 18 * mm
BREEDTE = A4[0] - 2 * MARGE
GRIJS = colors.HexColor("#5f6368")
LICHT = colors.HexColor("#eef1f5")
LIJN = colors.HexColor("#b8c0cc")
ACCENT = colors.HexColor("#1f4e79")
ROOD = colors.HexColor("#b3261e")
ROOD_LICHT = colors.HexColor("#fdecea")
VERTROUWELIJK = ("Vertrouwelijk: bevat persoonsgegevens. Alleen bedoeld voor de aanvraag alleenverdienersproblematiek; "
                 "niet doorsturen of onbeveiligd bewaren.")     # ook Wtrap: geen 'bijzondere bijstand' (issue 20)

_geregistreerd = False


class Opmaak(str):
    """Tekst met bedoelde reportlab-opmaak (<b>, &nbsp;), door avdesk zelf geschreven. Alle andere tekst gaat door
    veilig()."""


def veilig(tekst) -> str:
    """De enige weg van tekst naar reportlab-opmaak: namen, adressen, motiveringen, instellingen en alles wat de
    rekenkern schrijft (die tekst kan namen bevatten). '<', '>', '&' en aanhalingstekens worden entiteiten, zodat
    de tekst precies zo wordt afgedrukt als hij is getypt en nooit een tag, afbeelding of link wordt.
    Rechts-naar-links-tekst (Hebreeuws, Arabisch) komt in de goede volgorde op papier (zie drukvolgorde)."""
    if tekst is None:
        return ""
    if isinstance(tekst, Opmaak):
        return tekst
    return escape(drukvolgorde(str(tekst)), {'"': "&quot;", "'": "&#39;"})


def _rtl(c: str) -> bool:
    return unicodedata.bidirectional(c) in ("R", "AL")


def drukvolgorde(tekst: str) -> str:
    """Tekst zoals reportlab hem moet tekenen. reportlab zet tekens links naar rechts in de volgorde waarin ze staan,
    dus een Hebreeuwse of Arabische naam kwam achterstevoren op papier. Hier: de visuele volgorde volgens het
    Unicode-bidi-algoritme (python-bidi), met een Nederlandse (links-naar-rechts) alinea als basis.

    Vangnet voor tekst die niet langs de invoercontrole kwam (core/tekens.py: een oud dossier, een instelling):
    tekens voor de tekstrichting vallen weg (de tekst staat dan in zijn echte volgorde), en een teken dat de
    lettertypen missen wordt 'U+1F3DB' in plaats van een leeg vakje."""
    if tekst.isascii():
        return tekst
    from ..core.tekens import RICHTINGSTEKENS, WITRUIMTE, dekking
    gedekt = dekking()
    delen, rtl = [], False
    for c in tekst:
        o = ord(c)
        if o in RICHTINGSTEKENS:
            continue
        if o >= 0x80 and o not in gedekt and o not in WITRUIMTE:
            delen.append(f"[U+{o:04X}]")
            continue
        rtl = rtl or _rtl(c)
        delen.append(c)
    schoon = "".join(delen)
    if not rtl:
        return schoon
    from bidi import get_display
    return "\n".join(_bijeen(get_display(arabisch_verbonden(regel), base_dir="L")) for regel in schoon.split("\n"))


@cache
def _vormen() -> tuple[dict[str, dict[str, str]], dict[tuple[str, str], dict[str, str]]]:
    """Per Arabische letter de presentatievormen die het lettertype heeft (isolated, final, initial, medial), en de
    verplichte ligaturen lam-alef; afgeleid uit de Unicode-decomposities van de presentatievormen zelf
    (unicodedata), niet met de hand."""
    from ..core.tekens import dekking
    gedekt = dekking()
    letters: dict[str, dict[str, str]] = {}
    ligaturen: dict[tuple[str, str], dict[str, str]] = {}
    for o in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
        if o not in gedekt:
            continue
        vorm, _, codes = unicodedata.decomposition(chr(o)).partition(" ")
        if vorm not in ("<isolated>", "<final>", "<initial>", "<medial>"):
            continue
        basis = tuple(chr(int(x, 16)) for x in codes.split())
        if len(basis) == 1:
            letters.setdefault(basis[0], {})[vorm[1:-1]] = chr(o)
        elif len(basis) == 2 and basis[0] == "\u0644":
            ligaturen.setdefault(basis, {})[vorm[1:-1]] = chr(o)
    return letters, ligaturen


def arabisch_verbonden(tekst: str) -> str:
    """Arabische letters in hun verbonden vorm (begin, midden, eind, los), zoals een Arabische lezer ze verwacht;
    reportlab doet dat zelf niet zonder HarfBuzz. Tekens zonder eigen vorm (harakat) laten de verbinding door."""
    if not any("\u0600" <= c <= "\u06ff" for c in tekst):
        return tekst
    letters, ligaturen = _vormen()

    def naar_links(c):          # verbindt met de volgende letter (heeft een begin- of middenvorm)
        v = letters.get(c, {})
        return "initial" in v or "medial" in v

    def naar_rechts(c):         # verbindt met de vorige letter (heeft een eindvorm)
        return "final" in letters.get(c, {})

    tekens = list(tekst)
    vast = [unicodedata.category(c) == "Mn" for c in tekens]      # doorzichtig: telt niet als buur
    uit, i = [], 0
    while i < len(tekens):
        c = tekens[i]
        if c not in letters and c != "\u0644":
            uit.append(c)
            i += 1
            continue
        vorige = next((tekens[k] for k in range(i - 1, -1, -1) if not vast[k]), None)
        volgende_i = next((k for k in range(i + 1, len(tekens)) if not vast[k]), None)
        volgende = tekens[volgende_i] if volgende_i is not None else None
        rechts = vorige is not None and naar_links(vorige) and naar_rechts(c)
        if c == "\u0644" and volgende and (c, volgende) in ligaturen and volgende_i == i + 1:
            lig = ligaturen[(c, volgende)]
            uit.append(lig.get("final" if rechts else "isolated") or lig.get("isolated"))
            i += 2
            continue
        links = volgende is not None and naar_links(c) and naar_rechts(volgende)
        vorm = {(True, True): "medial", (True, False): "final", (False, True): "initial"}.get((rechts, links),
                                                                                             "isolated")
        v = letters.get(c, {})
        uit.append(v.get(vorm) or v.get("isolated") or c)
        i += 1
    return "".join(uit)


_RTL_RUN = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+(?: [\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+)+")
MAX_BIJEEN = 60


def _bijeen(visueel: str) -> str:
    """Houd een korte rechts-naar-links-reeks (een naam, een plaats) op een regel: harde spaties ertussen. De volgorde
    is al visueel; zou reportlab zo'n reeks afbreken, dan stond het eerste woord op de tweede regel. Een lange reeks
    (een hele Arabische motivering) breekt wel af; dan is de regelvolgorde binnen die reeks niet gegarandeerd."""
    return _RTL_RUN.sub(lambda m: m.group().replace(" ", "\u00a0") if len(m.group()) <= MAX_BIJEEN else m.group(),
                        visueel)


def _utf16_cmap(origineel):
    """reportlab schrijft in de ToUnicode-tabel een teken buiten het BMP (emoji) als vijf hexcijfers, zodat
    pdftotext en kopiëren-plakken er een ander teken van maken. Dit schrijft zulke tekens als UTF-16 (PDF 32000-1,
    9.10.3), zodat ook een naam met een emoji letterlijk uit de PDF te halen is (DejaVu heeft een deel van
    de emoji, zoals 😀; wat het mist, weigert avdesk bij de invoer, zie core/tekens.py)."""
    def maak(fontname, subset):
        cmap = origineel(fontname, subset)
        for i, v in enumerate(subset):
            if v > 0xFFFF:
                cmap = cmap.replace(f"<{i:02X}> <{v:04X}>", f"<{i:02X}> <{chr(v).encode('utf-16-be').hex().upper()}>")
        return cmap
    return maak


def registreer_lettertypen() -> None:
    global _geregistreerd
    if _geregistreerd:
        return
    from reportlab.pdfbase import ttfonts
    if not getattr(ttfonts.makeToUnicodeCMap, "avdesk", False):
        ttfonts.makeToUnicodeCMap = _utf16_cmap(ttfonts.makeToUnicodeCMap)
        ttfonts.makeToUnicodeCMap.avdesk = True
    map_ = installatiemap("fonts", "lettertypen")
    for naam, bestand in ((LETTER, "DejaVuSans.ttf"), (VET, "DejaVuSans-Bold.ttf"), (SCHUIN, "DejaVuSans-Oblique.ttf")):
        pdfmetrics.registerFont(TTFont(naam, str(map_ / bestand)))
    pdfmetrics.registerFontFamily(LETTER, normal=LETTER, bold=VET, italic=SCHUIN, boldItalic=VET)
    _geregistreerd = True


def stijlen() -> dict[str, ParagraphStyle]:
    registreer_lettertypen()
    basis = ParagraphStyle("tekst", fontName=LETTER, fontSize=9.5, leading=13, spaceAfter=4)
    return {
        "titel": ParagraphStyle("titel", parent=basis, fontName=VET, fontSize=16, leading=20, textColor=ACCENT,
                                spaceAfter=6),
        "kop1": ParagraphStyle("kop1", parent=basis, fontName=VET, fontSize=12.5, leading=16, textColor=ACCENT,
                               spaceBefore=10, spaceAfter=5, keepWithNext=1),
        "kop2": ParagraphStyle("kop2", parent=basis, fontName=VET, fontSize=10.5, leading=14, spaceBefore=6,
                               spaceAfter=3, keepWithNext=1),
        "tekst": basis,
        "klein": ParagraphStyle("klein", parent=basis, fontSize=8, leading=10.5, textColor=GRIJS),
        "cel": ParagraphStyle("cel", parent=basis, fontSize=8.5, leading=11, spaceAfter=0),
        "cel_klein": ParagraphStyle("cel_klein", parent=basis, fontSize=7.3, leading=9.2, spaceAfter=0),
        "cel_rechts": ParagraphStyle("cel_rechts", parent=basis, fontSize=8.5, leading=11, spaceAfter=0,
                                     alignment=TA_RIGHT),
        "cel_vet": ParagraphStyle("cel_vet", parent=basis, fontName=VET, fontSize=8.5, leading=11, spaceAfter=0),
        "signaal": ParagraphStyle("signaal", parent=basis, fontSize=8.8, leading=12, leftIndent=8, spaceAfter=3),
    }


def tabel(rijen: list[list], breedtes: list[float], *, kop: bool = True, rechts_vanaf: int | None = None,
          totaalrij: bool = False, zebra: bool = False) -> Table:
    """Een tabel in de huisstijl; teksten worden Paragraphs zodat lange inhoud afbreekt in plaats van uitsteekt.

    Een gewone str wordt letterlijk afgedrukt (veilig()); alleen een Opmaak-cel mag tags bevatten."""
    s = stijlen()
    cellen = []
    for r, rij in enumerate(rijen):
        nieuw = []
        for k, cel in enumerate(rij):
            if isinstance(cel, str):
                cel = veilig(cel)           # gewone tekst: letterlijk; Opmaak: bedoelde opmaak van avdesk
                stijl = s["cel_vet"] if (kop and r == 0) or (totaalrij and r == len(rijen) - 1) else s["cel"]
                if rechts_vanaf is not None and k >= rechts_vanaf:
                    stijl = ParagraphStyle("r", parent=stijl, alignment=TA_RIGHT)
                cel = Paragraph(cel, stijl)
            nieuw.append(cel)
        cellen.append(nieuw)
    t = Table(cellen, colWidths=breedtes, repeatRows=1 if kop else 0, hAlign="LEFT")
    opdrachten = [("FONTNAME", (0, 0), (-1, -1), LETTER), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.25, LIJN),
                  ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                  ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4)]
    if kop:
        opdrachten += [("BACKGROUND", (0, 0), (-1, 0), LICHT), ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT)]
    if totaalrij:
        opdrachten.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT))
    if zebra:
        for r in range(1 if kop else 0, len(rijen), 2):
            opdrachten.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#f8f9fb")))
    t.setStyle(TableStyle(opdrachten))
    return t


class GenummerdCanvas(Canvas):
    """Tekent na de laatste pagina op elke pagina de voettekst met 'pagina x van y' (twee passen over de pagina's)."""

    documenttitel = ""
    parameterversie = ""
    concept = False              # 'CONCEPT' boven aan en schuin over elke pagina
    kenmerk = ""                 # op elke pagina, zodat aanvraag en berekening bij elkaar blijven
    vingerafdruk = ""            # van de ingebedde gegevens (zie export/bewijs.py)
    bijlagen: tuple = ()         # (bestandsnaam, inhoud, omschrijving): ingebed in de EmbeddedFiles van de PDF

    def __init__(self, *args, **kwargs):
        # Nooit een niet-ingebed standaardlettertype (SimpleDocTemplate geeft hier expliciet None door).
        kwargs["initialFontName"] = kwargs.get("initialFontName") or LETTER
        super().__init__(*args, **kwargs)
        self._paginas: list[dict] = []

    def showPage(self):
        self._paginas.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        totaal = len(self._paginas)
        for staat in self._paginas:
            self.__dict__.update(staat)
            self._voettekst(totaal)
            super().showPage()
        if self.bijlagen:
            from .bewijs import bed_in
            bed_in(self, self.bijlagen)
        super().save()

    def _voettekst(self, totaal: int) -> None:
        b, _ = A4
        self.saveState()
        self.setStrokeColor(LIJN)
        self.setLineWidth(0.4)
        self.line(MARGE, 14 * mm, b - MARGE, 14 * mm)
        self.setFillColor(GRIJS)
        self.setFont(LETTER, 7.3)
        self.drawString(MARGE, 10.5 * mm, f"{self.documenttitel} · avdesk {__version__} · parameters {self.parameterversie}")
        self.drawRightString(b - MARGE, 10.5 * mm, f"pagina {self._pageNumber} van {totaal}")
        self.drawString(MARGE, 7 * mm, VERTROUWELIJK)
        rechts = " · ".join(x for x in (f"kenmerk {self.kenmerk}" if self.kenmerk else "",
                                        f"vingerafdruk {self.vingerafdruk}" if self.vingerafdruk else "") if x)
        if rechts:
            self.drawRightString(b - MARGE, 4 * mm, rechts)
        if self.concept:
            h = A4[1]
            self.setFillColor(ROOD)
            self.setFont(VET, 9)
            self.drawString(MARGE, h - 10 * mm, "CONCEPT: nog geen aanvraag; niet gebruiken voor een beschikking")
            self.setFillColor(colors.Color(0.8, 0.1, 0.1, alpha=0.08))
            self.setFont(VET, 110)
            self.translate(b / 2, h / 2)
            self.rotate(50)
            self.drawCentredString(0, -35, "CONCEPT")
        self.restoreState()


def canvasmaker(titel: str, parameterversie: str, **extra):
    """Een canvasklasse met deze voettekst; extra: concept, kenmerk, vingerafdruk, bijlagen (zie GenummerdCanvas)."""
    return type("Canvas", (GenummerdCanvas,), {"documenttitel": titel, "parameterversie": parameterversie, **extra})


def eu(bedrag) -> str:
    """Een bedrag voor in de PDF: `€ 1.234,56` met een harde spatie, zodat het nooit over twee regels breekt."""
    from ..core.geld import euro
    return euro(bedrag).replace(" ", "\u00a0")


def kader(inhoud: list, rand=None, achtergrond=None) -> Table:
    """Een opvallend kader (rode rand, lichte achtergrond) om flowables heen: voor wat de beslisser niet mag missen."""
    t = Table([[inhoud]], colWidths=[BREEDTE], hAlign="LEFT")
    t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), LETTER), ("BOX", (0, 0), (-1, -1), 1.6, rand or ROOD),
                           ("BACKGROUND", (0, 0), (-1, -1), achtergrond or ROOD_LICHT),
                           ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                           ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return t
