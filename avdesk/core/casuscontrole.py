"""De controles per waarde van de casuslezer: BSN (elfproef), IBAN, e-mail, en _Lezer, die een JSON-boom veld voor
veld leest en elke fout met het pad van het veld verzamelt (bv. jaren[0].perioden[1].huur.kale_huur)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from .casusvelden import BEDRAG, DATUM, JA_NEE, TEKST, Veld, gewoon

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_CIJFERS9 = re.compile(r"[0-9]{9}")          # alleen ASCII-cijfers: isdigit() laat ook '²' en '٣' door


def elfproef(bsn: str) -> bool:
    if not _CIJFERS9.fullmatch(bsn):
        return False
    som = sum(int(c) * w for c, w in zip(bsn[:8], range(9, 1, -1))) - int(bsn[8])
    return som % 11 == 0 and bsn != "000000000"


def iban_geldig(iban: str) -> bool:
    """ISO 13616: landcode, twee controlecijfers, rest alfanumeriek, 15 (Noorwegen) tot 34 tekens; modulo 97 moet 1
    zijn. De enige IBAN-controle van avdesk (ook voor de ontvangst en de betaalopdracht)."""
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", iban):
        return False
    herschikt = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in herschikt)) % 97 == 1


def email_geldig(email: str) -> bool:
    """iets@domein.nl: precies een @, geen witruimte, een punt binnen het domein. Lineair (de regex was kwadratisch)."""
    lokaal, _, domein = email.partition("@")
    return bool(lokaal) and "@" not in domein and "." in domein[1:-1] and not re.search(r"\s", email)


_BEDRAG_TEKST = re.compile(r"[+-]?[0-9]+(?:\.[0-9]*)?|[+-]?\.[0-9]+")      # alleen ASCII-cijfers
_DATUM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MAAND = re.compile(r"[0-9]{4}-[0-9]{2}")


_NIET_GEZIEN = object()


def soort_waarde(v) -> str:
    """Wat voor JSON-waarde er staat, in woorden. Een melding noemt nooit de waarde zelf: dat kan een BSN, een naam
    of een bedrag van de inwoners zijn (issue 21)."""
    if isinstance(v, bool):
        return "true of false"
    if isinstance(v, (int, float, Decimal)):
        return "een getal"
    if isinstance(v, str):
        return "tekst"
    if isinstance(v, list):
        return "een lijst"
    if isinstance(v, dict):
        return "een object"
    return "een andere waarde"


class _Lezer:
    """Leest een JSON-boom veld voor veld en verzamelt alle fouten in plaats van bij de eerste te stoppen."""

    def __init__(self, concept: bool = False):
        self.fouten: list[str] = []
        self.waarschuwingen: list[str] = []
        self.concept = concept          # een half ingevulde casus uit de wizard: ontbrekende velden mogen

    def fout(self, pad: str, tekst: str) -> None:
        if self.concept and tekst.startswith(("ontbreekt", "is leeg")):
            return
        self.fouten.append(f"{pad}: {tekst}")

    def object(self, d, pad: str, bekend: set[str]) -> dict | None:
        if not isinstance(d, dict):
            self.fout(pad, "moet een object ({...}) zijn")
            return None
        for k in d:
            if k not in bekend:
                self.waarschuwingen.append(f"{pad}.{k}: onbekend veld, genegeerd")
        return d

    def velden(self, d: dict, pad: str, tabel: tuple[Veld, ...]) -> dict[str, Any]:
        """De gewone velden van een object volgens zijn tabel (core/casusvelden.py), per naam in het model: tekst,
        ja/nee, bedrag of datum, met de standaard van de tabel als het veld ontbreekt."""
        uit: dict[str, Any] = {}
        for v in gewoon(tabel):
            if v.soort == TEKST:
                x = self.tekst(d, v.sleutel, pad)
                uit[v.naam] = v.standaard if x is None else x
            elif v.soort == JA_NEE:
                uit[v.naam] = self.ja_nee(d, v.sleutel, pad, standaard=v.standaard)  # type: ignore[arg-type]  # bool of None
            elif v.soort == BEDRAG:
                uit[v.naam] = self.bedrag(d, v.sleutel, pad)
            elif v.soort == DATUM:
                uit[v.naam] = self.datum(d, v.sleutel, pad)
        return uit

    def lijst(self, d: dict, sleutel: str, pad: str, verplicht: bool = False) -> list:
        v = d.get(sleutel, _NIET_GEZIEN)
        if v is _NIET_GEZIEN or v is None:
            if verplicht:
                self.fout(f"{pad}.{sleutel}", "ontbreekt (verplicht)")
            return []
        if not isinstance(v, list):
            self.fout(f"{pad}.{sleutel}", "moet een lijst ([...]) zijn")
            return []
        return v

    def tekst(self, d: dict, sleutel: str, pad: str, verplicht: bool = False) -> str | None:
        v = d.get(sleutel)
        if v is None:
            if verplicht:
                self.fout(f"{pad}.{sleutel}", "ontbreekt (verplicht)")
            return None
        if not isinstance(v, str):
            self.fout(f"{pad}.{sleutel}", f"moet tekst zijn (tussen aanhalingstekens), niet {soort_waarde(v)}")
            return None
        return v

    def ja_nee(self, d: dict, sleutel: str, pad: str, standaard: bool | None = False) -> bool | None:
        v = d.get(sleutel)
        if v is None:
            return standaard
        if not isinstance(v, bool):
            self.fout(f"{pad}.{sleutel}", f"moet true of false zijn, niet {soort_waarde(v)}")
            return standaard
        return v

    def bedrag(self, d: dict, sleutel: str, pad: str, verplicht: bool = False, negatief_mag: bool = False,
               geheel: bool = False) -> Decimal | None:
        v = d.get(sleutel)
        p = f"{pad}.{sleutel}"
        if v is None:
            if verplicht:
                self.fout(p, "ontbreekt (verplicht)")
            return None
        if isinstance(v, bool) or not isinstance(v, (int, float, Decimal, str)):
            self.fout(p, f"moet een bedrag zijn (getal of tekst als \"660.00\"), niet {soort_waarde(v)}")
            return None
        try:
            if isinstance(v, str) and not _BEDRAG_TEKST.fullmatch(v.strip()):
                raise InvalidOperation
            b = Decimal(v.strip()) if isinstance(v, str) else Decimal(str(v))
        except InvalidOperation:
            hint = " (gebruik een punt als decimaalteken, bv. \"660.00\")" if "," in str(v) else ""
            self.fout(p, f"is geen bedrag{hint}")
            return None
        if not b.is_finite():
            self.fout(p, "is geen bedrag")
            return None
        if b < 0 and not negatief_mag:
            self.fout(p, "mag niet negatief zijn")
            return None
        exponent = b.as_tuple().exponent     # een getal: b is eindig (hierboven)
        if isinstance(exponent, int) and exponent < -2:
            self.fout(p, "heeft meer dan twee decimalen")
            return None
        if geheel and b != b.to_integral_value():
            self.fout(p, "moet een geheel getal zijn")
            return None
        if abs(b) >= Decimal("1e9"):
            self.fout(p, "is onwaarschijnlijk groot (een miljard of meer)")
            return None
        return b

    def datum(self, d: dict, sleutel: str, pad: str, verplicht: bool = False) -> date | None:
        v = self.tekst(d, sleutel, pad, verplicht)
        if v is None:
            return None
        try:
            if not _DATUM.fullmatch(v):
                raise ValueError
            d_ = date.fromisoformat(v)
        except ValueError:
            self.fout(f"{pad}.{sleutel}", "is geen geldige datum (verwacht JJJJ-MM-DD, bv. 2024-09-15)")
            return None
        if not 1900 <= d_.year <= 2100:
            self.fout(f"{pad}.{sleutel}", "ligt niet tussen 1900 en 2100")
            return None
        return d_

    def maand(self, d: dict, sleutel: str, pad: str) -> date | None:
        v = self.tekst(d, sleutel, pad, verplicht=True)
        if v is None:
            return None
        try:
            if not _MAAND.fullmatch(v):
                raise ValueError
            return date(int(v[:4]), int(v[5:]), 1)
        except ValueError:
            self.fout(f"{pad}.{sleutel}", "is geen geldige maand (verwacht JJJJ-MM, bv. 2024-07)")
            return None
