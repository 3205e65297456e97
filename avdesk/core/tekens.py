"""Welke tekens een tekst van de gebruiker mag bevatten (issue 20, punt 7): geen tekens voor de tekstrichting, en alleen
tekens die de meegeleverde lettertypen van de PDF's kunnen tekenen (resources/fonts, DejaVu Sans gewoon en vet).

Tekens voor de tekstrichting (U+202A-U+202E, U+2066-U+2069, en ook U+200E/U+200F en U+061C) zijn onzichtbaar en
kunnen de volgorde van wat er staat veranderen ("evil" leest als "live"): een naam, adres of motivering heeft ze nooit
nodig, want avdesk zet rechts-naar-links-tekst zelf in de goede volgorde. Een teken dat de lettertypen missen (🏛, 👩)
zou als leeg vakje op papier komen; avdesk weigert het bij de invoer en noemt het teken (U+XXXX).

De dekking komt uit de cmap-tabel van de lettertypen zelf (TrueType 'cmap', formaat 4 en 12), niet uit een lijst met
de hand: wie de lettertypen vervangt, vervangt ook wat er mag. Qt-vrij en zonder reportlab (snel genoeg voor de CLI)."""

from __future__ import annotations

import struct
import unicodedata
from functools import cache

LETTERTYPEN = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")      # waarmee tekst van de gebruiker wordt gezet (gewoon, vet)

# Opmaaktekens voor de tekstrichting: embedding/override (LRE, RLE, PDF, LRO, RLO), isolates (LRI, RLI, FSI, PDI),
# en de markeringen LRM, RLM en ALM (besluit: ook geweigerd; avdesk regelt de richting zelf).
RICHTINGSTEKENS = frozenset([*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C])

# Witruimte die in meerregelige tekst (motiveringen) hoort; de lettertypen hebben er geen glyph voor, en dat hoeft niet.
WITRUIMTE = frozenset(map(ord, "\n\r\t"))


def _cmap(pad) -> frozenset[int]:
    """De tekens waarvoor het lettertype een glyph heeft (glyph 0 is .notdef, het lege vakje)."""
    data = pad.read_bytes()
    (aantal,) = struct.unpack_from(">H", data, 4)
    tabellen = {data[12 + 16 * i: 16 + 16 * i]: struct.unpack_from(">II", data, 20 + 16 * i) for i in range(aantal)}
    begin, _ = tabellen[b"cmap"]
    _, n = struct.unpack_from(">HH", data, begin)
    subtabellen = {}
    for i in range(n):
        platform, codering, offset = struct.unpack_from(">HHI", data, begin + 4 + 8 * i)
        subtabellen[(platform, codering)] = begin + offset
    tekens: set[int] = set()
    if (o := subtabellen.get((3, 10))) is not None and struct.unpack_from(">H", data, o)[0] == 12:
        (groepen,) = struct.unpack_from(">I", data, o + 12)
        for g in range(groepen):
            eerste, laatste, glyph = struct.unpack_from(">III", data, o + 16 + 12 * g)
            tekens.update(range(eerste + (glyph == 0), laatste + 1))
    if not tekens and (o := subtabellen.get((3, 1))) is not None and struct.unpack_from(">H", data, o)[0] == 4:
        (segx2,) = struct.unpack_from(">H", data, o + 6)
        seg = segx2 // 2
        eind = struct.unpack_from(f">{seg}H", data, o + 14)
        start = struct.unpack_from(f">{seg}H", data, o + 16 + segx2)
        delta = struct.unpack_from(f">{seg}h", data, o + 16 + 2 * segx2)
        bereik_o = o + 16 + 3 * segx2
        bereik = struct.unpack_from(f">{seg}H", data, bereik_o)
        for i in range(seg):
            for c in range(start[i], min(eind[i], 0xFFFE) + 1):
                if bereik[i] == 0:
                    glyph = (c + delta[i]) & 0xFFFF
                else:
                    (glyph,) = struct.unpack_from(">H", data, bereik_o + 2 * i + bereik[i] + 2 * (c - start[i]))
                    glyph = (glyph + delta[i]) & 0xFFFF if glyph else 0
                if glyph:
                    tekens.add(c)
    if not tekens:
        raise ValueError(f"{pad.name}: geen Unicode-cmap (formaat 4 of 12) gevonden")
    return frozenset(tekens)


@cache
def dekking() -> frozenset[int]:
    """De tekens die elk meegeleverd lettertype voor gebruikerstekst kan tekenen."""
    from .. import installatiemap
    map_ = installatiemap("fonts", "lettertypen")
    sets = [_cmap(map_ / naam) for naam in LETTERTYPEN]
    return frozenset.intersection(*sets)


def teken_naam(c: str) -> str:
    """'U+202E (RIGHT-TO-LEFT OVERRIDE)': het codepunt, en de Unicode-naam als die bestaat."""
    naam = unicodedata.name(c, "")
    return f"U+{ord(c):04X}" + (f" ({naam})" if naam else "")


def tekenfout(tekst: str) -> str | None:
    """Een Nederlandse melding (zonder veldnaam, zonder de tekst zelf) als de tekst een teken bevat dat niet mag of
    niet gedrukt kan worden; anders None. Lineair in de tekst."""
    if tekst.isascii() and tekst.isprintable():
        return None
    gedekt = None
    for c in tekst:
        o = ord(c)
        if 0x20 <= o < 0x7F:
            continue
        if o in RICHTINGSTEKENS:
            return (f"bevat een onzichtbaar teken voor de tekstrichting, {teken_naam(c)}: dat kan de volgorde van de "
                    f"tekst veranderen. Haal het weg; avdesk zet tekst van rechts naar links zelf goed")
        if o in WITRUIMTE:
            continue
        if gedekt is None:
            gedekt = dekking()
        if o not in gedekt:
            return (f"bevat het teken {teken_naam(c)}, dat de lettertypen van de PDF's niet kunnen afdrukken (het "
                    f"zou een leeg vakje worden). Haal het weg of schrijf het anders")
    return None


def controleer_boom(waarde, pad: str, fouten: list[str], max_fouten: int = 20) -> None:
    """Elke tekst in een JSON-boom (casus): een melding per veld met een teken dat niet mag."""
    if len(fouten) >= max_fouten:
        return
    if isinstance(waarde, str):
        if (f := tekenfout(waarde)) is not None:
            fouten.append(f"{pad}: {f}")
    elif isinstance(waarde, dict):
        for k, v in waarde.items():
            controleer_boom(v, f"{pad}.{k}" if pad else str(k), fouten, max_fouten)
    elif isinstance(waarde, list):
        for i, v in enumerate(waarde):
            controleer_boom(v, f"{pad}[{i}]", fouten, max_fouten)
