"""Een XLSX-werkmap van buiten lezen met vaste grenzen aan tijd en geheugen (issue 21, de bommen).

Een XLSX is een zip met XML erin. Wat klein is op schijf kan uitgepakt gigabytes zijn (een zip-bom), en een werkblad
kan een afmeting opgeven (A1:XFD1048576) die openpyxl dan voor elke rij aanvult. Daarom, in deze volgorde:

1. het eindrecord van de zip, voordat zipfile de centrale map leest: niet meer dan MAX_LEDEN leden en een centrale
   map van hooguit MAX_CENTRALE_MAP bytes (anders leest zipfile zelf al miljoenen kopjes);
2. de centrale map (infolist): per lid de opgegeven uitgepakte grootte, de verhouding tot de gecomprimeerde grootte,
   het totaal, geen versleuteling, alleen de methodes van Excel (opgeslagen, deflate), geen dubbele namen;
3. elk lid dat openpyxl opent, wordt eerst in blokken uitgepakt en geteld (nooit meer dan de grens van zijn soort,
   ongeacht wat de zip opgeeft): bytes, begintags, rijen, de lengte van een rij en het aantal gedeelde teksten;
   pas als het past, krijgt openpyxl het, en ook dan leest het er nooit meer dan de getelde bytes uit;
4. openpyxl in de alleen-lezen (stroom)modus, met de opgegeven afmeting weggegooid (reset_dimensions) en hooguit
   MAX_KOLOMMEN kolommen per rij; de rijen komen een voor een (de aanroeper telt ze tegen zijn eigen grens).

Alle meldingen zijn Nederlands en noemen nooit een waarde uit het bestand (ook niet de naam van een werkblad)."""

from __future__ import annotations

import re
import struct
import warnings
import zipfile
from collections.abc import Generator
from typing import BinaryIO

MB = 1024 * 1024
MAX_LEDEN = 100                   # een werkmap van Excel heeft er zo'n tien
MAX_CENTRALE_MAP = 256 * 1024
MAX_LID_OPGEGEVEN = 256 * MB      # het grootste dat de centrale map voor een lid mag opgeven
MAX_TOTAAL = 512 * MB             # alle leden samen, uitgepakt
MAX_VERHOUDING = 100              # uitgepakt / gecomprimeerd, voor leden vanaf 1 MB (Excel haalt 5 tot 15)
MAX_KOLOMMEN = 100                # zoveel kolommen per rij worden gelezen; de rest telt niet mee
MAX_RIJEN = 1_048_576             # zoveel rijen kan een werkblad van Excel hebben
MAX_RIJ_BYTES = 1 * MB            # een rij van het werkblad, als XML

# Per soort lid (herkend aan het eerste element, niet aan de naam): bytes en begintags.
GRENZEN = {
    "worksheet": (256 * MB, 8_000_000),     # 1.048.576 rijen met een paar kolommen
    "sst": (64 * MB, 3_000_000),            # gedeelde teksten
    "overig": (8 * MB, 100_000),            # werkmap, stijlen, thema, relaties, eigenschappen
}
MAX_TEKSTEN = 1_048_576                     # gedeelde teksten (openpyxl houdt ze allemaal in het geheugen)

_BLOK = 1024 * 1024
_MARGE = 64                                  # langer dan elke tag die we zoeken (voorvoegsel hooguit 20 tekens)
_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,19}:)?(row|si)[\s>/]")
_WORTEL = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,19}:)?([A-Za-z_][\w.-]{0,40})[\s>/]")


class WerkmapFout(Exception):
    """De werkmap is niet (veilig) te lezen; de tekst zegt in het Nederlands waarom."""


def _mb(n: int) -> str:
    return f"{n / MB:.0f} MB" if n >= MB else f"{n // 1024} kB"


def _controleer_eindrecord(f: BinaryIO, naam: str) -> None:
    f.seek(0, 2)
    lengte = f.tell()
    f.seek(max(0, lengte - (22 + 65535)))
    staart = f.read()
    plek = staart.rfind(b"PK\x05\x06")
    if plek < 0 or len(staart) - plek < 22:
        raise WerkmapFout(f"{naam} is geen volledig XLSX-bestand: het einde van de zip ontbreekt (onvolledig "
                          f"gedownload of beschadigd).")
    _, _, _, _, leden, grootte, _, _ = struct.unpack("<IHHHHIIH", staart[plek:plek + 22])
    if leden == 0xFFFF or grootte == 0xFFFFFFFF:
        raise WerkmapFout(f"{naam} is een zip van meer dan 4 GB of meer dan 65.535 delen (zip64): dat is geen "
                          f"doelgroepselectielijst.")
    if leden > MAX_LEDEN or grootte > MAX_CENTRALE_MAP:
        raise WerkmapFout(f"{naam} bestaat uit meer dan {MAX_LEDEN} delen: dat is geen gewone Excel-werkmap "
                          f"(sla de lijst opnieuw op als .xlsx of .csv).")
    f.seek(0)


def _controleer_inhoud(zf: zipfile.ZipFile, naam: str) -> None:
    leden = zf.infolist()
    if len(leden) > MAX_LEDEN:
        raise WerkmapFout(f"{naam} bestaat uit meer dan {MAX_LEDEN} delen: dat is geen gewone Excel-werkmap.")
    namen = [i.filename for i in leden]
    if len(set(namen)) != len(namen):
        raise WerkmapFout(f"{naam} is beschadigd: een deel staat er twee keer in.")
    if "mimetype" in namen and "[Content_Types].xml" not in namen:
        raise WerkmapFout(f"{naam} is een OpenDocument-bestand (bijvoorbeeld .ods uit LibreOffice), geen XLSX: "
                          f"sla de lijst op als .xlsx of .csv.")
    totaal = 0
    for nr, i in enumerate(leden, start=1):
        if i.flag_bits & 0x1:
            raise WerkmapFout(f"{naam} is met een wachtwoord beveiligd: sla de lijst zonder wachtwoord op.")
        if i.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise WerkmapFout(f"{naam} gebruikt een compressie die Excel niet gebruikt (deel {nr}): sla de lijst "
                              f"opnieuw op met Excel.")
        if i.file_size > MAX_LID_OPGEGEVEN:
            raise WerkmapFout(f"{naam} pakt uit tot meer dan {_mb(MAX_LID_OPGEGEVEN)} (deel {nr} alleen al "
                              f"{_mb(i.file_size)}): dat is een zip-bom of in elk geval geen doelgroepselectielijst.")
        if i.file_size >= MB and i.file_size > MAX_VERHOUDING * max(i.compress_size, 1):
            raise WerkmapFout(f"{naam} pakt uit tot meer dan {MAX_VERHOUDING} keer zijn grootte (deel {nr}: "
                              f"{_mb(i.compress_size)} wordt {_mb(i.file_size)}): dat is een zip-bom, geen "
                              f"doelgroepselectielijst.")
        totaal += i.file_size
    if totaal > MAX_TOTAAL:
        raise WerkmapFout(f"{naam} pakt uit tot meer dan {_mb(MAX_TOTAAL)}: dat is geen doelgroepselectielijst.")
    if not any("workbook" in n.lower() for n in namen):
        raise WerkmapFout(f"{naam} is wel een zip-bestand, maar geen Excel-werkmap (er staat geen werkmap in; is "
                          f"het een Word-bestand of een andere zip?).")


class _Geteld:
    """Een lid zoals openpyxl het leest: nooit meer dan `grens` bytes (het getelde aantal)."""

    def __init__(self, bron, grens: int, naam: str):
        self._bron, self._over, self._naam = bron, grens, naam

    def read(self, n: int = -1) -> bytes:
        if n is None or n < 0:
            n = self._over + 1
        data = self._bron.read(min(n, self._over + 1))
        self._over -= len(data)
        if self._over < 0:
            raise WerkmapFout(f"{self._naam} is tijdens het lezen veranderd of beschadigd.")
        return data

    def close(self) -> None:
        self._bron.close()

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.close()


class _BegrensdeZip(zipfile.ZipFile):
    """Een zip die elk lid eerst uitpakt en telt voordat openpyxl het krijgt (zie de uitleg boven)."""

    bestandsnaam = "Het bestand"

    def open(self, name, mode="r", pwd=None, *, force_zip64=False):       # noqa: A003 (zoals zipfile)
        if mode != "r":
            raise WerkmapFout("Een werkmap wordt hier alleen gelezen.")
        info = name if isinstance(name, zipfile.ZipInfo) else self.getinfo(name)
        geteld = getattr(self, "_geteld", None)
        if geteld is None:
            geteld = self._geteld = {}
        if info.filename not in geteld:
            with super().open(info) as bron:
                geteld[info.filename] = _tel(bron, self.bestandsnaam)
        return _Geteld(super().open(info), geteld[info.filename], self.bestandsnaam)


def _tel(bron, naam: str) -> int:
    """Pak een lid in blokken uit en tel; een WerkmapFout zodra een grens van zijn soort voorbij is. Geeft het aantal
    bytes."""
    soort = None
    bytes_, tags, rijen, teksten = 0, 0, 0, 0
    vorige_rij = -1                         # plek van het begin van de vorige rij
    rest = b""
    basis = 0                               # plek in het lid van rest[0]
    while True:
        blok = bron.read(_BLOK)
        einde = not blok
        bytes_ += len(blok)
        buf = rest + blok
        if soort is None:
            m = _WORTEL.search(buf)                # <?xml en <!-- vallen er niet onder
            if m is not None:
                wortel = m.group(1)
                soort = "worksheet" if wortel == b"worksheet" else "sst" if wortel == b"sst" else "overig"
            elif bytes_ > _BLOK or einde:
                soort = "overig"
        max_bytes, max_tags = GRENZEN[soort or "worksheet"]
        if bytes_ > max_bytes:
            raise WerkmapFout(f"{naam} bevat een deel dat uitgepakt groter is dan {_mb(max_bytes)}: dat is een "
                              f"zip-bom of in elk geval geen doelgroepselectielijst.")
        grens = len(buf) if einde else max(0, len(buf) - _MARGE)
        # Begintags: elke '<' behalve die van eindtags, <?...?> en <!...>; de laatste bytes tellen de volgende keer.
        tags += (buf.count(b"<", 0, grens) - buf.count(b"</", 0, grens + 1) - buf.count(b"<?", 0, grens + 1)
                 - buf.count(b"<!", 0, grens + 1))
        if tags > max_tags:
            raise WerkmapFout(f"{naam} bevat een deel met meer dan {max_tags:,} elementen: dat is geen "
                              f"doelgroepselectielijst.".replace(",", "."))
        if soort in ("worksheet", "sst", None):
            for m in _TAG.finditer(buf, 0, len(buf)):
                if m.start() >= grens:
                    break
                if m.group(1) == b"row":
                    plek = basis + m.start()
                    if vorige_rij >= 0 and plek - vorige_rij > MAX_RIJ_BYTES:
                        raise WerkmapFout(f"{naam} bevat een rij van meer dan {_mb(MAX_RIJ_BYTES)} (rij "
                                          f"{rijen} van het werkblad): dat is geen doelgroepselectielijst.")
                    vorige_rij = plek
                    rijen += 1
                    if rijen > MAX_RIJEN:
                        raise WerkmapFout(f"{naam} heeft meer dan {MAX_RIJEN:,} rijen (zoveel kan een werkblad van "
                                          f"Excel hebben): dit is geen doelgroepselectielijst.".replace(",", "."))
                else:
                    teksten += 1
                    if teksten > MAX_TEKSTEN:
                        raise WerkmapFout(f"{naam} bevat meer dan {MAX_TEKSTEN:,} teksten: dat is geen "
                                          f"doelgroepselectielijst.".replace(",", "."))
        if einde:
            if soort == "worksheet" and vorige_rij >= 0 and bytes_ - vorige_rij > MAX_RIJ_BYTES + MB:
                raise WerkmapFout(f"{naam} bevat een rij van meer dan {_mb(MAX_RIJ_BYTES)} (de laatste rij van "
                                  f"het werkblad): dat is geen doelgroepselectielijst.")
            return bytes_
        rest = buf[grens:]
        basis += grens


def _melding(e: BaseException, naam: str) -> str:
    """Een fout uit zipfile, XML of openpyxl als Nederlandse zin (nooit de naam van de fout of de waarde)."""
    tekst = str(e).lower()
    if isinstance(e, zipfile.BadZipFile) and "crc" in tekst:
        return (f"{naam} is beschadigd: een deel van de zip klopt niet met zijn controlegetal (onvolledig "
                f"gedownload of gewijzigd). Download de lijst opnieuw.")
    if isinstance(e, (zipfile.BadZipFile, EOFError, struct.error)):
        return (f"{naam} is geen leesbaar XLSX-bestand: de zip is beschadigd of onvolledig. Download de lijst "
                f"opnieuw, of open hem in Excel en sla hem op als .xlsx of .csv.")
    if isinstance(e, KeyError):
        return (f"{naam} is geen volledige Excel-werkmap: er ontbreekt een deel dat de werkmap zelf noemt. Open "
                f"hem in Excel en sla hem opnieuw op als .xlsx, of als .csv.")
    if isinstance(e, MemoryError):
        return f"{naam} is te groot om te lezen met het geheugen van deze computer: dit is geen doelgroepselectielijst."
    if "amplification" in tekst or "entit" in tekst:
        return f"{naam} bevat XML die zichzelf steeds herhaalt (een XML-bom): dat is geen doelgroepselectielijst."
    return (f"{naam} is geen leesbaar XLSX-bestand: de inhoud is beschadigd of geen Excel-werkmap. Open hem in "
            f"Excel en sla hem opnieuw op als .xlsx, of als .csv.")


class Werkmap:
    """Open met `Werkmap(f, naam)` (f: een geopend binair bestand); `soort` zegt welk werkblad; `rijen()` geeft de
    rijen een voor een als tuples van hooguit MAX_KOLOMMEN waarden (lege rijen ertussen ook). Sluit met close()."""

    def __init__(self, f: BinaryIO, naam: str):
        self.naam = naam
        self._zip = None
        self._boek = None
        try:
            from openpyxl.reader.excel import ExcelReader
        except ImportError:
            raise WerkmapFout("avdesk kan geen XLSX lezen in deze installatie (openpyxl ontbreekt); sla de lijst op "
                              "als CSV.") from None
        try:
            _controleer_eindrecord(f, naam)
            self._zip = _BegrensdeZip(f)
            self._zip.bestandsnaam = naam
            _controleer_inhoud(self._zip, naam)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                lezer = ExcelReader(f, read_only=True, data_only=True)
                lezer.archive.close()
                lezer.archive = self._zip            # elk lid via de tellende zip
                lezer.valid_files = self._zip.namelist()
                lezer.read()
            self._boek = lezer.wb
            bladen = [b for b in self._boek.worksheets if hasattr(b, "reset_dimensions")]
            if not bladen:
                raise WerkmapFout(f"{naam} heeft geen werkblad met cellen (alleen grafieken?).")
            actief = self._boek.active
            self._blad = actief if actief in bladen else bladen[0]
            self._blad.reset_dimensions()            # de opgegeven afmeting telt niet: alleen wat er staat
            nr = self._boek.worksheets.index(self._blad) + 1
            totaal = len(self._boek.worksheets)
            self.soort = (f"XLSX (werkblad {nr} van {totaal}, het actieve)" if totaal > 1
                          else "XLSX (een werkblad)")
        except WerkmapFout:
            self.close()
            raise
        except (Exception, MemoryError) as e:       # noqa: BLE001 (openpyxl en zipfile kennen vele fouten)
            self.close()
            raise WerkmapFout(_melding(e, naam)) from None

    def rijen(self) -> Generator[tuple, None, None]:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                yield from self._blad.iter_rows(min_row=1, max_col=MAX_KOLOMMEN, values_only=True)
        except WerkmapFout:
            raise
        except (Exception, MemoryError) as e:       # noqa: BLE001
            raise WerkmapFout(_melding(e, self.naam)) from None

    def close(self) -> None:
        if self._boek is not None:
            try:
                self._boek.close()
            except Exception:                       # noqa: BLE001
                pass
            self._boek = None
        if self._zip is not None:
            self._zip.close()
            self._zip = None
