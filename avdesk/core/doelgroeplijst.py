"""De doelgroepselectielijst lezen zoals de gemeente hem heeft bewaard: CSV (elk scheidingsteken, met of zonder
kopregel, met extra kolommen zoals de gemeentecode) of XLSX.

avdesk zoekt zelf de kolom met de BSN's (de kolom waarvan de meeste waarden de elfproef halen), zet voorloopnullen
terug die een spreadsheet heeft weggelaten (12345678 en 12345678.0 worden 012345678), en zegt per regel die niet
meegaat waarom. Een reden noemt nooit de waarde zelf: die kan een (bijna goed) BSN zijn.

Dit deel slaat niets op; de opslag bewaart alleen een HMAC per BSN (store/lijsten.py)."""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import NamedTuple

from .casus import elfproef

MAX_BESTAND = 200 * 1024 * 1024       # een lijst van een gemeente is een paar MB; meer is geen lijst
PROEF_RIJEN = 5000                    # zoveel rijen bekijken om de BSN-kolom te kiezen
SCHEIDINGSTEKENS = ";,\t|"


class LijstFout(Exception):
    """Het bestand is niet als lijst te lezen; de tekst zegt in het Nederlands waarom (zonder BSN's)."""


class Gelezen(NamedTuple):
    bsns: list[str]                      # uniek, in volgorde van het bestand
    kolom: int                           # 1 = eerste kolom
    kolomnaam: str                       # uit de kopregel, of ""
    kopregel: bool
    overgeslagen: list[tuple[int, str]]  # (regelnummer in het bestand, reden)
    dubbel: int                          # BSN's die vaker voorkwamen (een keer opgenomen)
    aangevuld: int                       # BSN's die hun voorloopnul(len) terugkregen
    soort: str                           # "CSV (scheidingsteken ';')" of "XLSX (werkblad 'Blad1')"


_E_NOTATIE = re.compile(r"[0-9]+(?:[.,][0-9]+)?[eE]\+?[0-9]{1,2}")
_DECIMAAL_NUL = re.compile(r"([0-9]+)[.,]0+")
_DUIZENDTALLEN = re.compile(r"[0-9]{1,3}(?:[. ][0-9]{3})+")


def normaliseer(waarde) -> tuple[str | None, str | None, bool]:
    """(bsn, reden, aangevuld): het BSN als 9 cijfers, of None met de reden waarom niet. `aangevuld`: er zijn
    voorloopnullen teruggezet. Getallen uit een spreadsheet (int, float, '12345678.0', '1,23456782E+08',
    '="012345678"') worden eerst weer cijfers."""
    if waarde is None:
        return None, "leeg", False
    if isinstance(waarde, bool):
        return None, "geen BSN (ja/nee-waarde)", False
    if isinstance(waarde, int):
        tekst = str(waarde)
    elif isinstance(waarde, float):
        if waarde != waarde or waarde in (float("inf"), float("-inf")) or not waarde.is_integer():
            return None, "geen BSN (een getal met decimalen)", False
        tekst = str(int(waarde))
    else:
        tekst = str(waarde).strip().strip("\ufeff").strip()
        if tekst.startswith('="') and tekst.endswith('"'):      # Excel-truc om voorloopnullen te bewaren
            tekst = tekst[2:-1].strip()
        tekst = tekst.strip('"\'').strip()
        if not tekst:
            return None, "leeg", False
        if m := _DECIMAAL_NUL.fullmatch(tekst):
            tekst = m.group(1)
        elif _E_NOTATIE.fullmatch(tekst):
            try:
                getal = Decimal(tekst.replace(",", "."))
            except InvalidOperation:
                return None, "geen BSN (onleesbaar getal)", False
            if getal != getal.to_integral_value():
                return None, "geen BSN (een getal met decimalen)", False
            tekst = str(int(getal))
            bsn = tekst.zfill(9) if 7 <= len(tekst) <= 8 else tekst
            if len(bsn) == 9 and elfproef(bsn):
                return bsn, None, bsn != tekst
            return None, ("voldoet niet aan de elfproef: de spreadsheet heeft het getal als 1,2E+08 geschreven en "
                          "waarschijnlijk afgerond; sla de lijst op met de BSN-kolom als tekst"), False
        elif _DUIZENDTALLEN.fullmatch(tekst):
            tekst = re.sub(r"[. ]", "", tekst)
    if not tekst.isascii() or not tekst.isdigit():
        return None, "geen BSN (bevat andere tekens dan cijfers)", False
    if len(tekst) > 9:
        return None, f"geen BSN ({len(tekst)} cijfers, een BSN heeft er 9)", False
    if len(tekst) < 7:
        return None, f"geen BSN ({len(tekst)} cijfers, een BSN heeft er 9)", False
    bsn = tekst.zfill(9)
    if not elfproef(bsn):
        return None, "voldoet niet aan de elfproef", False
    return bsn, None, bsn != tekst


# ---------------------------------------------------------------- rijen uit het bestand

def _tekst(data: bytes) -> str:
    """UTF-16 (met BOM, zoals 'Unicode-tekst' uit Excel), UTF-8, anders Windows-1252."""
    try:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _rijen_csv(data: bytes) -> tuple[list[tuple[int, list]], str]:
    tekst = _tekst(data)
    proef = tekst[:64 * 1024]
    try:
        dialect = csv.Sniffer().sniff(proef, delimiters=SCHEIDINGSTEKENS)
        teken = dialect.delimiter
    except csv.Error:
        # Een kolom (alleen BSN's), of het snuffelen lukt niet: het teken dat het vaakst voorkomt, anders ';'.
        tellingen = {t: proef.count(t) for t in SCHEIDINGSTEKENS}
        teken = max(tellingen, key=tellingen.get) if any(tellingen.values()) else ";"
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=teken, quotechar='"')
    rijen = []
    try:
        for nr, rij in enumerate(lezer, start=1):
            rijen.append((nr, rij))
    except csv.Error:
        raise LijstFout(f"Het bestand is geen leesbare CSV (fout rond regel {lezer.line_num}).") from None
    naam = {"\t": "tab"}.get(teken, teken)
    return rijen, f"CSV (scheidingsteken '{naam}')"


def _rijen_xlsx(pad: Path) -> tuple[list[tuple[int, list]], str]:
    try:
        from openpyxl import load_workbook
    except ImportError:
        raise LijstFout("avdesk kan geen XLSX lezen in deze installatie (openpyxl ontbreekt); sla de lijst op als "
                        "CSV.") from None
    import zipfile
    try:
        boek = load_workbook(pad, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise LijstFout(f"{pad.name} is geen leesbaar XLSX-bestand.") from None
    except Exception as e:       # openpyxl geeft bij een beschadigd bestand allerlei fouten
        raise LijstFout(f"{pad.name} is geen leesbaar XLSX-bestand ({type(e).__name__}).") from None
    try:
        blad = boek.active or boek.worksheets[0]
        rijen = [(nr, list(rij)) for nr, rij in enumerate(blad.iter_rows(values_only=True), start=1)]
        return rijen, f"XLSX (werkblad '{blad.title}')"
    finally:
        boek.close()


def _kies_kolom(rijen: list[tuple[int, list]]) -> int:
    tellingen: dict[int, int] = {}
    for _, rij in rijen[:PROEF_RIJEN]:
        for i, cel in enumerate(rij):
            if normaliseer(cel)[0] is not None:
                tellingen[i] = tellingen.get(i, 0) + 1
    if not tellingen:
        raise LijstFout("In dit bestand staat geen kolom met BSN's: geen enkele waarde haalt de elfproef. Is dit de "
                        "doelgroepselectielijst?")
    return max(sorted(tellingen), key=lambda i: tellingen[i])


def lees_rijen(rijen: list[tuple[int, list]], soort: str) -> Gelezen:
    rijen = [(nr, rij) for nr, rij in rijen if any(c is not None and str(c).strip() for c in rij)]
    if not rijen:
        raise LijstFout("Het bestand is leeg.")
    kolom = _kies_kolom(rijen)
    kopregel, kolomnaam = False, ""
    eerste = rijen[0][1]
    cel = eerste[kolom] if kolom < len(eerste) else None
    if normaliseer(cel)[0] is None and isinstance(cel, str) and not re.search(r"[0-9]", cel):
        kopregel, kolomnaam = True, cel.strip()[:40]
        rijen = rijen[1:]
    gezien: set[str] = set()
    bsns: list[str] = []
    overgeslagen: list[tuple[int, str]] = []
    dubbel = aangevuld = 0
    for nr, rij in rijen:
        bsn, reden, terug = normaliseer(rij[kolom] if kolom < len(rij) else None)
        if bsn is None:
            overgeslagen.append((nr, "geen BSN in de kolom (leeg)" if reden == "leeg" else reden))
            continue
        if bsn in gezien:
            dubbel += 1
            continue
        gezien.add(bsn)
        bsns.append(bsn)
        aangevuld += terug
    return Gelezen(bsns, kolom + 1, kolomnaam, kopregel, overgeslagen, dubbel, aangevuld, soort)


def lees_lijst(pad: Path) -> Gelezen:
    """Lees een lijst (CSV of XLSX, herkend aan de inhoud). Het bestand wordt alleen gelezen, nergens gekopieerd."""
    pad = Path(pad)
    try:
        with open(pad, "rb") as f:
            begin = f.read(4)
            if begin == b"PK\x03\x04":
                rijen, soort = _rijen_xlsx(pad)
            else:
                data = begin + f.read(MAX_BESTAND)
                if len(data) > MAX_BESTAND:
                    raise LijstFout(f"{pad.name} is groter dan {MAX_BESTAND // (1024 * 1024)} MB: dat is geen "
                                    f"doelgroepselectielijst.")
                if data.startswith(b"\xd0\xcf\x11\xe0"):
                    raise LijstFout(f"{pad.name} is een oud Excel-bestand (.xls); sla het op als .xlsx of .csv.")
                rijen, soort = _rijen_csv(data)
    except FileNotFoundError:
        raise LijstFout(f"Het bestand {pad} bestaat niet.") from None
    except IsADirectoryError:
        raise LijstFout(f"{pad} is een map, geen bestand.") from None
    except PermissionError:
        raise LijstFout(f"Geen toegang tot het bestand {pad}.") from None
    except OSError as e:
        raise LijstFout(f"Het bestand {pad} kan niet worden gelezen (foutcode {e.errno}).") from None
    return lees_rijen(rijen, soort)


def getal(n: int) -> str:
    """50000 -> '50.000'."""
    return f"{n:,}".replace(",", ".")


def verslag(g: Gelezen, jaar: int, max_regels: int = 20) -> list[str]:
    """Wat er is ingelezen, in zinnen voor de medewerker (zonder BSN's)."""
    kolom = f"kolom {g.kolom}" + (f" ('{g.kolomnaam}')" if g.kolomnaam else "")
    aantal = "1 BSN" if len(g.bsns) == 1 else f"{getal(len(g.bsns))} BSN's"
    uit = [f"Doelgroepselectielijst {jaar}: {aantal} opgenomen uit {kolom} van een {g.soort}"
           + ("; de kopregel is overgeslagen." if g.kopregel else ", zonder kopregel.")]
    if g.aangevuld:
        uit.append((f"{getal(g.aangevuld)} BSN's kregen hun voorloopnul" if g.aangevuld > 1 else "1 BSN kreeg zijn "
                    "voorloopnul") + " terug (de spreadsheet had die weggelaten).")
    if g.dubbel:
        uit.append(f"{getal(g.dubbel)} BSN's stonden er meer dan een keer in; ze zijn een keer opgenomen." if g.dubbel > 1
                   else "1 BSN stond er meer dan een keer in; het is een keer opgenomen.")
    if g.overgeslagen:
        uit.append(f"{getal(len(g.overgeslagen))} regels niet opgenomen:" if len(g.overgeslagen) > 1
                   else "1 regel niet opgenomen:")
        uit += [f"  - regel {nr}: {reden}" for nr, reden in g.overgeslagen[:max_regels]]
        if len(g.overgeslagen) > max_regels:
            uit.append(f"  - ... en nog {getal(len(g.overgeslagen) - max_regels)} regel(s)")
    return uit

