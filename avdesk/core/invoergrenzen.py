"""Grenzen voor een casusbestand (avdesk-casus/1) die een echte casus nooit haalt en een vijandig bestand altijd:
bestandsgrootte, nestingdiepte, getallen, tekstlengte per veld, lijstlengte, dubbele sleutels, losse surrogaten.

Alles wordt gecontroleerd voordat de rest van de casus gelezen wordt (lees_casus krijgt pas daarna de boom), en
elke controle is lineair in de invoer. Een fout noemt het veld en de grens, in het Nederlands (CasusFout, exit 2)."""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation

MAX_BESTAND = 2 * 1024 * 1024        # bytes; een casus over vijf jaar met alles ingevuld is zo'n 20 kB
MAX_DIEPTE = 16                      # de casus zelf gaat 6 niveaus diep
MAX_CIJFERS = 30                     # cijfers in een getal (bedragen zijn < 10^9, met twee decimalen)
MAX_EXPONENT = 30                    # 1E+999999999 is geen bedrag
MAX_LIJST = 200                      # elementen in een lijst (perioden, medebewoners, bewijsstukken, ...)
MAX_SLEUTEL = 100                    # tekens in een veldnaam
MAX_FOUTEN = 20                      # meer meldingen helpen niemand

# Tekens per tekstveld (op veldnaam); velden die hier niet staan: STANDAARD_TEKST.
MAX_TEKST = {
    "naam": 200, "adres": 200, "postcode": 20, "woonplaats": 100, "telefoon": 50, "email": 254, "iban": 50,
    "bsn": 20, "organisatie": 200, "plaats": 100, "gemeente": 100, "route": 30, "formaat": 50,
    "beleidsprofiel": 100, "toeslag": 50, "motivering": 5000, "referentie_motivering": 5000,
    "deel_alleenverdieners": 50, "andere_oorzaken": 5000,
}
STANDAARD_TEKST = 1000
# Velden met persoonsgegevens: een melding noemt daar nooit (een stuk van) de waarde.
PERSOONLIJK = frozenset({"bsn", "iban", "naam", "adres", "postcode", "woonplaats", "telefoon", "email",
                         "geboortedatum"})

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.S)
_HAAK = re.compile(r"[\[\]{}]")
_SURROGAAT = re.compile(r"[\ud800-\udfff]")


class _TeGroot:
    """Een getal uit de JSON dat de grenzen overschrijdt; de boomcontrole meldt het met het veld erbij."""

    def __init__(self, tekst: str):
        self.tekst = tekst[:12] + ("..." if len(tekst) > 12 else "")


class _Object(dict):
    """Een JSON-object dat onthoudt welke sleutels dubbel voorkwamen."""
    dubbel: list[str] = []


def _object(paren: list[tuple[str, object]]) -> _Object:
    d = _Object(paren)
    if len(d) != len(paren):
        gezien: set[str] = set()
        d.dubbel = []
        for k, _ in paren:
            if k in gezien:
                d.dubbel.append(k)
            gezien.add(k)
    return d


def _getal(tekst: str):
    mantisse, _, exponent = tekst.lower().partition("e")
    if sum(c.isdigit() for c in mantisse) > MAX_CIJFERS or len(exponent) > 4 or (
            exponent and abs(int(exponent)) > MAX_EXPONENT):
        return _TeGroot(tekst)
    return None


def _int(tekst: str):
    return _getal(tekst) or int(tekst)


def _float(tekst: str):
    te_groot = _getal(tekst)
    if te_groot:
        return te_groot
    try:
        return Decimal(tekst)
    except InvalidOperation:      # kan niet na de JSON-grammatica, maar nooit een interne fout
        return _TeGroot(tekst)


def diepte(tekst: str) -> int:
    """De grootste nestingdiepte van [ en { buiten strings (lineair: strings eerst weg met een regex)."""
    zonder = _STRING.sub('""', tekst)
    hoogste = d = 0
    for m in _HAAK.finditer(zonder):
        if m.group() in "[{":
            d += 1
            hoogste = max(hoogste, d)
        else:
            d -= 1
    return hoogste


# De meldingen van Pythons json-module, in het Nederlands (het begin van e.msg; de rest is een positie).
_JSON_FOUTEN = (
    ("Expecting property name enclosed in double quotes", "hier hoort een veldnaam tussen dubbele aanhalingstekens "
                                                          "(of staat er een komma te veel voor de })"),
    ("Expecting ':' delimiter", "hier hoort een dubbele punt (:) tussen veldnaam en waarde"),
    ("Expecting ',' delimiter", "hier hoort een komma tussen twee waarden"),
    ("Expecting value", "hier hoort een waarde (tekst tussen dubbele aanhalingstekens, een getal, true, false, null, "
                        "een lijst of een object)"),
    ("Unterminated string", "een tekst wordt niet afgesloten met een dubbel aanhalingsteken"),
    ("Invalid control character", "een tekst bevat een regeleinde of tab (schrijf \\n of \\t)"),
    ("Invalid \\uXXXX escape", "een \\u-code in een tekst heeft geen vier hexadecimale cijfers"),
    ("Invalid \\escape", "een backslash in een tekst staat niet voor een geldig teken (schrijf \\\\ voor een backslash)"),
    ("Extra data", "na het einde van het object staat nog iets"),
    ("Illegal trailing comma", "er staat een komma te veel voor het einde van een lijst of object"),
)


def json_fout_nl(melding: str) -> str:
    """Een foutmelding van json.loads in het Nederlands; een onbekende melding wordt nooit in het Engels doorgegeven."""
    for engels, nederlands in _JSON_FOUTEN:
        if melding.startswith(engels):
            return nederlands
    return "hier staat iets wat geen JSON is"


def lees_json(data: str | bytes) -> object:
    """Lees een casusbestand met alle grenzen; gooit CasusFout met het veld en de grens. Geeft de JSON-boom
    (getallen met decimalen als Decimal), klaar voor lees_casus."""
    from .fouten import CasusFout
    if len(data) > MAX_BESTAND:
        raise CasusFout([f"Het bestand is te groot: meer dan {MAX_BESTAND // 1024 // 1024} MB (een casus is "
                         f"hooguit {MAX_BESTAND // 1024 // 1024} MB)."])
    if isinstance(data, bytes):
        try:
            tekst = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise CasusFout([f"Het bestand is geen geldige JSON: geen UTF-8-tekst (byte {e.start + 1})."]) from None
    else:
        tekst = data
    if (d := diepte(tekst)) > MAX_DIEPTE:
        raise CasusFout([f"Het bestand is te diep genest: {d} niveaus (een casus heeft er hooguit {MAX_DIEPTE})."])
    try:
        boom = json.loads(tekst, object_pairs_hook=_object, parse_int=_int, parse_float=_float,
                          parse_constant=lambda c: _TeGroot(c))
    except json.JSONDecodeError as e:
        raise CasusFout([f"Het bestand is geen geldige JSON: {json_fout_nl(e.msg)} (regel {e.lineno}, kolom {e.colno})."]
                        ) from None
    except (ValueError, RecursionError):
        raise CasusFout(["Het bestand is geen geldige JSON."]) from None
    fouten: list[str] = []
    _controleer(boom, "casus", "", fouten)
    if fouten:
        raise CasusFout(fouten[:MAX_FOUTEN] + ([f"... en nog {len(fouten) - MAX_FOUTEN} fouten"]
                                               if len(fouten) > MAX_FOUTEN else []))
    return boom


def _controleer(waarde, pad: str, veld: str, fouten: list[str]) -> None:
    """Loop de boom na (iteratief niet nodig: de diepte is al begrensd)."""
    if len(fouten) > MAX_FOUTEN:
        return
    if isinstance(waarde, _TeGroot):
        getal = "getal" if veld in PERSOONLIJK else f"getal {waarde.tekst}"      # nooit (een deel van) een BSN
        fouten.append(f"{pad}: {getal} is te groot of te lang (hooguit {MAX_CIJFERS} cijfers, exponent "
                      f"hooguit {MAX_EXPONENT})")
    elif isinstance(waarde, str):
        grens = MAX_TEKST.get(veld, STANDAARD_TEKST)
        if len(waarde) > grens:
            fouten.append(f"{pad}: tekst is te lang ({len(waarde)} tekens; hooguit {grens})")
        elif _SURROGAAT.search(waarde):
            fouten.append(f"{pad}: bevat een ongeldig teken (een losse UTF-16-surrogaat, bv. \\ud800)")
        elif "\x00" in waarde:
            fouten.append(f"{pad}: bevat een nulteken (\\u0000)")
    elif isinstance(waarde, dict):
        for k in getattr(waarde, "dubbel", []):
            fouten.append(f"{pad}.{k[:MAX_SLEUTEL]}: komt twee keer voor in hetzelfde object")
        for k, v in waarde.items():
            if len(k) > MAX_SLEUTEL or _SURROGAAT.search(k):
                fouten.append(f"{pad}: veldnaam {k[:20]!r}... is te lang of ongeldig (hooguit {MAX_SLEUTEL} tekens)")
                continue
            _controleer(v, f"{pad}.{k}" if pad != "casus" else k, k, fouten)
    elif isinstance(waarde, list):
        if len(waarde) > MAX_LIJST:
            fouten.append(f"{pad}: lijst is te lang ({len(waarde)} elementen; hooguit {MAX_LIJST})")
            return
        for i, v in enumerate(waarde):
            _controleer(v, f"{pad}[{i}]", veld, fouten)
