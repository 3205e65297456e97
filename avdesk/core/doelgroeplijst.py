"""De doelgroepselectielijst lezen zoals de gemeente hem heeft bewaard: CSV (elk scheidingsteken, met of zonder
kopregel, met extra kolommen zoals de gemeentecode; UTF-8, Windows-1252 of UTF-16, ook zonder BOM) of XLSX.

avdesk zoekt zelf de kolom met de BSN's (de kolom waarvan de meeste waarden de elfproef halen), zet voorloopnullen
terug die een spreadsheet heeft weggelaten (12345678 en 12345678.0 worden 012345678), en zegt per regel die niet
meegaat waarom. Een melding noemt een regel- of kolomnummer, nooit de inhoud van een cel (ook niet de kopregel of de
naam van een werkblad): daar kan een (bijna goed) BSN of een naam in staan.

Een bestand van buiten kan vijandig zijn: het wordt gelezen met vaste grenzen (MAX_BESTAND, MAX_RIJEN, MAX_KOLOMMEN,
MAX_REGEL; voor XLSX de zip-grenzen van core/werkmap.py), regel voor regel, zonder het hele bestand als rijen in het
geheugen te houden.

Wat er met de gelezen lijst mag gebeuren, zegt `bezwaren`: het jaar in het bestand (een jaarkolom, of een jaar in
de bestandsnaam) moet het gekozen jaar zijn, en er moeten meer goede dan afgekeurde regels zijn.

Dit deel slaat niets op; de opslag bewaart alleen een HMAC per BSN (store/lijsten.py)."""

from __future__ import annotations

import csv
import os
import re
import warnings
from pathlib import Path
from collections.abc import Iterable, Iterator, Sequence
from .model import Tupel

from .werkmap import MAX_KOLOMMEN, MAX_RIJEN, Werkmap, WerkmapFout
from .bsncel import normaliseer as normaliseer
# Wat er met een gelezen lijst mag (bezwaren) en het verslag staan in doelgroepverslag; hier ook te importeren.
from .doelgroepverslag import (EERSTE_JAAR as EERSTE_JAAR, LAATSTE_JAAR as LAATSTE_JAAR, bezwaren as bezwaren,
                               bsns_tekst as bsns_tekst, getal as getal, jaren_in_naam as jaren_in_naam,
                               jaren_in_tekst as jaren_in_tekst, verslag as verslag)

MAX_BESTAND = 64 * 1024 * 1024        # een lijst van een gemeente is hooguit een paar MB; meer is geen lijst
MAX_REGEL = 64 * 1024                 # tekens in een regel van een CSV
MAX_GEMELD = 1000                     # zoveel afgekeurde regels worden onthouden (met nummer en reden); de rest geteld
MAX_KOPREGELS = 10                    # zoveel kop- en titelregels mogen boven de lijst staan
PROEF_RIJEN = 5000                    # zoveel rijen bekijken om de BSN-kolom te kiezen
SCHEIDINGSTEKENS = ";,\t|"


class LijstFout(Exception):
    """Het bestand is niet als lijst te lezen; de tekst zegt in het Nederlands waarom (zonder BSN's)."""


class Gelezen(Tupel):
    bsns: list[str]                      # uniek, in volgorde van het bestand
    kolom: int                           # 1 = eerste kolom
    kopregel: bool
    overgeslagen: list[tuple[int, str]]  # (regelnummer in het bestand, reden); de eerste MAX_GEMELD
    dubbel: int                          # BSN's die vaker voorkwamen (een keer opgenomen)
    aangevuld: int                       # BSN's die hun voorloopnul(len) terugkregen
    soort: str                           # "CSV (scheidingsteken ';')" of "XLSX (een werkblad)"
    niet_opgenomen: int = 0              # alle afgekeurde regels (overgeslagen is er een deel van)
    jaarkolom: int | None = None         # 1 = eerste kolom; een kolom met een kop als 'Jaar' en jaartallen erin
    jaren: dict[int, tuple[int, int]] = {}   # jaar in de jaarkolom -> (aantal regels, eerste regel)
    kopregels: int = 0                   # kop- en titelregels boven de lijst (overgeslagen)
    titeljaren: tuple[tuple[int, int], ...] = ()   # (jaar, regel): een titelregel boven de lijst noemt dat jaar

    @property
    def goede_regels(self) -> int:
        """Regels met een geldig BSN (ook de dubbele)."""
        return len(self.bsns) + self.dubbel


# ---------------------------------------------------------------- rijen uit het bestand

def _tekst(data: bytes, naam: str) -> tuple[str, str]:
    """(tekst, codering): UTF-16 (met BOM, zoals 'Unicode-tekst' uit Excel, of zonder: herkend aan de nullen om en
    om), UTF-8, anders Windows-1252. Een bestand met andere nullen is geen tekst."""
    if data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        raise LijstFout(f"{naam} is opgeslagen als UTF-32; sla de lijst op als CSV (UTF-8).")
    codering = None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        codering = "utf-16"
    elif b"\x00" in data[:4096]:
        proef = data[:4096]
        helft = max(1, len(proef) // 2)
        even, oneven = proef[0::2].count(0), proef[1::2].count(0)
        if oneven > 0.3 * helft and even < 0.1 * helft:
            codering = "utf-16-le"
        elif even > 0.3 * helft and oneven < 0.1 * helft:
            codering = "utf-16-be"
        else:
            raise LijstFout(f"{naam} is geen tekstbestand (CSV) en geen XLSX: sla de lijst op als .csv of .xlsx.")
    if codering:
        try:
            tekst = data.decode(codering)
        except UnicodeDecodeError:
            raise LijstFout(f"{naam} lijkt UTF-16 (Unicode-tekst), maar is onvolledig of beschadigd: sla de lijst "
                            f"opnieuw op, liefst als CSV (UTF-8).") from None
        naam_codering = "UTF-16" + ("" if codering == "utf-16" else " zonder BOM")
    else:
        try:
            tekst, naam_codering = data.decode("utf-8-sig"), "UTF-8"
        except UnicodeDecodeError:
            tekst, naam_codering = data.decode("cp1252", errors="replace"), "Windows-1252"
    if "\x00" in tekst:
        raise LijstFout(f"{naam} is geen tekstbestand (CSV) en geen XLSX: sla de lijst op als .csv of .xlsx.")
    return tekst.lstrip("\ufeff"), naam_codering


def _regels(tekst: str) -> Iterator[str]:
    """De regels van de tekst (met hun regeleinde), elk hooguit MAX_REGEL tekens, zonder een kopie van het geheel."""
    begin, lengte, nr = 0, len(tekst), 0
    while begin < lengte:
        nr += 1
        eind = tekst.find("\n", begin, begin + MAX_REGEL + 1)
        if eind < 0:
            if lengte - begin > MAX_REGEL:
                raise LijstFout(f"Regel {getal(nr)} van het bestand is langer dan {MAX_REGEL // 1024} kB: dit is geen "
                                f"doelgroepselectielijst.")
            eind = lengte - 1
        yield tekst[begin:eind + 1]
        begin = eind + 1


def _kies_teken(tekst: str) -> str:
    """Het scheidingsteken: het teken dat in de eerste regels het vaakst hetzelfde aantal kolommen (meer dan een)
    geeft; bij gelijke stand de volgorde van SCHEIDINGSTEKENS; geen enkel: een kolom (';'). Zelf geteld, in lineaire
    tijd: csv.Sniffer doet over 16 kB met veel aanhalingstekens seconden tot minuten."""
    proef = []
    for regel in _regels(tekst):
        if regel.strip():
            proef.append(regel)
            if len(proef) >= 50:
                break
    beste, beste_score = ";", (0, 0)
    for teken in SCHEIDINGSTEKENS:
        try:
            aantallen = [len(r) for r in csv.reader(proef, delimiter=teken, quotechar='"')]
        except csv.Error:
            continue
        meer = [a for a in aantallen if a > 1]
        if not meer:
            continue
        modaal = max(set(meer), key=lambda a: (meer.count(a), a))
        score = (meer.count(modaal), modaal)
        if score > beste_score:
            beste, beste_score = teken, score
    return beste


def _rijen_csv(data: bytes, naam: str) -> tuple[Iterator[tuple[int, list]], str]:
    tekst, codering = _tekst(data, naam)
    if "\n" not in tekst[:MAX_REGEL] and "\r" in tekst[:MAX_REGEL]:
        tekst = tekst.replace("\r", "\n")            # 'CSV (Macintosh)': alleen CR als regeleinde
    regels = tekst.count("\n") + (not tekst.endswith("\n"))
    if regels > MAX_RIJEN:
        raise LijstFout(f"Het bestand heeft meer dan {getal(MAX_RIJEN)} regels (zoveel kan een werkblad van Excel "
                        f"hebben): dit is geen doelgroepselectielijst.")
    teken = _kies_teken(tekst)
    lezer = csv.reader(_regels(tekst), delimiter=teken, quotechar='"')

    def rijen() -> Iterator[tuple[int, list]]:
        nr = 0
        try:
            for nr, rij in enumerate(lezer, start=1):
                yield nr, rij
        except csv.Error:
            raise LijstFout(f"Het bestand is geen leesbare CSV (fout rond regel {nr + 1}).") from None
    soort = {"\t": "tab"}.get(teken, teken)
    return rijen(), f"CSV ({codering}, scheidingsteken '{soort}')"


def _leeg(rij) -> bool:
    if rij.count(None) == len(rij):          # snel voor de lege rijen die openpyxl tussen twee rijen invult
        return True
    for c in rij:
        if c is not None and (not isinstance(c, str) or c.strip()):
            return False
    return True


def _kies_kolom(rijen: list[tuple[int, Sequence]]) -> int:
    tellingen: dict[int, int] = {}
    for _, rij in rijen:
        for i, cel in enumerate(rij[:MAX_KOLOMMEN]):
            if cel is not None and normaliseer(cel)[0] is not None:
                tellingen[i] = tellingen.get(i, 0) + 1
    if not tellingen:
        raise LijstFout("In dit bestand staat geen kolom met BSN's: geen enkele waarde haalt de elfproef. Is dit de "
                        "doelgroepselectielijst?")
    return max(sorted(tellingen), key=lambda i: tellingen[i])


_JAARKOP = re.compile(r"(?:[a-z]*jaar|jaartal|year|taxyear)")
_GEEN_LIJSTJAAR = ("geboorte", "bouw", "leer", "school", "studie", "dienst")


def _is_jaarkop(cel) -> bool:
    """Een kopcel als 'Jaar', 'Belastingjaar', 'Lijstjaar', 'Peiljaar' of 'Year' (niet 'Geboortejaar')."""
    if not isinstance(cel, str) or len(cel) > 60:
        return False
    letters = re.sub(r"[^a-z]", "", cel.lower())
    return bool(_JAARKOP.fullmatch(letters)) and not letters.startswith(_GEEN_LIJSTJAAR)


def _als_jaar(cel) -> int | None:
    if isinstance(cel, bool) or cel is None:
        return None
    if isinstance(cel, float):
        if not cel.is_integer():
            return None
        cel = int(cel)
    if isinstance(cel, int):
        jaar = cel
    else:
        tekst = str(cel).strip()
        if m := re.fullmatch(r"([0-9]{4})(?:[.,]0+)?", tekst):
            jaar = int(m.group(1))
        else:
            return None
    return jaar if EERSTE_JAAR <= jaar <= LAATSTE_JAAR else None


def _is_koprij(rij, kolom: int) -> bool:
    """Een kop- of titelregel: de cel in de BSN-kolom is een kop, of leeg terwijl elke gevulde cel tekst met een
    letter is (een titel boven de lijst)."""
    cel = rij[kolom] if kolom < len(rij) else None
    if cel is not None and (not isinstance(cel, str) or cel.strip()):
        return _is_kopregel(cel)
    gevuld = [c for c in rij[:MAX_KOLOMMEN] if c is not None and (not isinstance(c, str) or c.strip())]
    return bool(gevuld) and all(_is_kopregel(c) or (isinstance(c, str) and re.search(r"[^\W\d_]", c)
                                                     and not re.search(r"[0-9]{7}", c)) for c in gevuld)


def _is_kopregel(cel) -> bool:
    """De cel van de BSN-kolom in de eerste regel is een kop: tekst met een letter, geen BSN, geen lange reeks cijfers
    ('BSN', 'BSN meestverdiener 2025')."""
    return (isinstance(cel, str) and normaliseer(cel)[0] is None and re.search(r"[^\W\d_]", cel) is not None
            and re.search(r"[0-9]{7}", cel) is None)


def lees_rijen(rijen: Iterable[tuple[int, Sequence]], soort: str) -> Gelezen:
    """Lees de BSN's uit (regelnummer, cellen)-paren. De eerste PROEF_RIJEN niet-lege regels kiezen de kolom; de rest
    wordt een voor een verwerkt, zonder de rijen te bewaren."""
    bron = iter(rijen)
    proef: list[tuple[int, Sequence]] = []
    for nr, rij in bron:
        if nr > MAX_RIJEN:
            raise LijstFout(f"Het bestand heeft meer dan {getal(MAX_RIJEN)} regels (zoveel kan een werkblad van Excel "
                            f"hebben): dit is geen doelgroepselectielijst.")
        if not _leeg(rij):
            proef.append((nr, rij))
            if len(proef) >= PROEF_RIJEN:
                break
    if not proef:
        raise LijstFout("Het bestand is leeg.")
    kolom = _kies_kolom(proef)
    # Kopregels: de regels boven de eerste met een BSN die eruitzien als kop of titel (hooguit MAX_KOPREGELS).
    koppen = []
    for _, rij in proef[:MAX_KOPREGELS]:
        if not _is_koprij(rij, kolom):
            break
        koppen.append(rij)
    jaarkolom = next((i for rij in koppen for i, cel in enumerate(rij[:MAX_KOLOMMEN])
                      if i != kolom and _is_jaarkop(cel)), None)
    titeljaren: set[tuple[int, int]] = set()
    for i, rij in enumerate(koppen):
        gevuld = [c for c in rij if c is not None and str(c).strip()]
        if len(gevuld) == 1 and isinstance(gevuld[0], str):          # een titel: 'Doelgroepselectielijst 2024'
            titeljaren.update((j, proef[i][0]) for j in jaren_in_tekst(gevuld[0][:200]))
    proef = proef[len(koppen):]
    gezien: set[str] = set()
    bsns: list[str] = []
    overgeslagen: list[tuple[int, str]] = []
    jaren: dict[int, list[int]] = {}
    niet = dubbel = aangevuld = 0

    def verwerk(nr: int, rij) -> None:
        nonlocal niet, dubbel, aangevuld
        if jaarkolom is not None and jaarkolom < len(rij) and (jaar := _als_jaar(rij[jaarkolom])) is not None:
            if jaar in jaren:
                jaren[jaar][0] += 1
            else:
                jaren[jaar] = [1, nr]
        bsn, reden, terug = normaliseer(rij[kolom] if kolom < len(rij) else None)
        if bsn is None:
            niet += 1
            if len(overgeslagen) < MAX_GEMELD:
                assert reden is not None        # normaliseer() geeft zonder BSN altijd een reden
                overgeslagen.append((nr, "geen BSN in de kolom (leeg)" if reden == "leeg" else reden))
            return
        if bsn in gezien:
            dubbel += 1
            return
        gezien.add(bsn)
        bsns.append(bsn)
        aangevuld += terug

    for nr, rij in proef:
        verwerk(nr, rij)
    del proef
    for nr, rij in bron:
        if nr > MAX_RIJEN:
            raise LijstFout(f"Het bestand heeft meer dan {getal(MAX_RIJEN)} regels (zoveel kan een werkblad van Excel "
                            f"hebben): dit is geen doelgroepselectielijst.")
        if not _leeg(rij):
            verwerk(nr, rij)
    return Gelezen(bsns, kolom + 1, bool(koppen), overgeslagen, dubbel, aangevuld, soort, niet,
                   None if jaarkolom is None or not jaren else jaarkolom + 1,
                   {j: (a, e) for j, (a, e) in sorted(jaren.items())}, len(koppen), tuple(sorted(titeljaren)))


def lees_lijst(pad: Path) -> Gelezen:
    """Lees een lijst (CSV of XLSX, herkend aan de inhoud). Het bestand wordt alleen gelezen, nergens gekopieerd."""
    pad = Path(pad)
    naam = pad.name
    try:
        with open(pad, "rb") as f:
            grootte = os.fstat(f.fileno()).st_size
            if grootte > MAX_BESTAND:
                raise LijstFout(f"{naam} is groter dan {MAX_BESTAND // (1024 * 1024)} MB: dat is geen "
                                f"doelgroepselectielijst.")
            begin = f.read(8)
            if begin[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
                return _lees_xlsx(f, naam)
            data = begin + f.read(MAX_BESTAND)
            if len(data) > MAX_BESTAND:          # het bestand groeide tijdens het lezen
                raise LijstFout(f"{naam} is groter dan {MAX_BESTAND // (1024 * 1024)} MB: dat is geen "
                                f"doelgroepselectielijst.")
            if data.startswith(b"\xd0\xcf\x11\xe0"):
                raise LijstFout(f"{naam} is een oud Excel-bestand (.xls) of een met een wachtwoord beveiligde "
                                f"werkmap; sla het op als .xlsx (zonder wachtwoord) of als .csv.")
            if data.startswith(b"%PDF"):
                raise LijstFout(f"{naam} is een PDF, geen lijst: sla de lijst op als .csv of .xlsx.")
            rijen, soort = _rijen_csv(data, naam)
            del data
            return lees_rijen(rijen, soort)
    except FileNotFoundError:
        raise LijstFout(f"Het bestand {pad} bestaat niet.") from None
    except IsADirectoryError:
        raise LijstFout(f"{pad} is een map, geen bestand.") from None
    except PermissionError:
        raise LijstFout(f"Geen toegang tot het bestand {pad}.") from None
    except MemoryError:
        raise LijstFout(f"{naam} is te groot om te lezen met het geheugen van deze computer.") from None
    except OSError as e:
        raise LijstFout(f"Het bestand {pad} kan niet worden gelezen (foutcode {e.errno}).") from None


def _lees_xlsx(f, naam: str) -> Gelezen:
    try:
        boek = Werkmap(f, naam)
    except WerkmapFout as e:
        raise LijstFout(str(e)) from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            rijen = boek.rijen()
            try:
                return lees_rijen(enumerate(rijen, start=1), boek.soort)
            finally:
                rijen.close()            # ook bij een weigering halverwege: binnen dit blok, niet pas bij opruimen
    except WerkmapFout as e:
        raise LijstFout(str(e)) from None
    finally:
        boek.close()
