"""Een cel uit een doelgroepselectielijst als BSN (normaliseer): wat een spreadsheet van een BSN kan maken (een getal,
12345678.0, 1,23456782E+08, ="012345678", duizendtallen) weer negen cijfers, met voorloopnullen terug, of de reden
waarom het geen BSN is. De reden noemt nooit de inhoud van de cel."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from .casuscontrole import elfproef

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
