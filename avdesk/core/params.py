"""Parameters per toeslagjaar uit resources/params/<jaar>.toml: elke waarde met bron en status.

Parameters zijn data: een nieuw jaar is een nieuw bestand. Status is bevestigd, afgeleid of onzeker; alles wat niet
bevestigd is, komt als signaal S8 op het scherm en in de PDF. Een waarde die nog niet bekend is, heeft status
"ontbreekt": zo'n jaar (2027) is pas te rekenen als een beheerder een volledig bestand installeert in de datamap
(`avdesk parameters installeer`, core/parameterbestand.py); een eigen bestand gaat voor het meegeleverde.
Beleidsprofielen net zo, in core/profielen.py; wat beide nodig hebben (de fout, de jaren, de mappen) staat in
core/paramgrond.py. Beide voert deze module door, zodat `from avdesk.core.params import laad_profiel` blijft werken."""

from __future__ import annotations

from .model import Tupel

from decimal import Decimal
from functools import cache
from pathlib import Path

from .. import InstallatieFout, installatiemap as installatiemap, resources_map
from .bestanden import toml
from .paramgrond import EERSTE_JAAR as EERSTE_JAAR, LAATSTE_JAAR as LAATSTE_JAAR, ParameterFout as ParameterFout
from .paramgrond import (_MAPPEN as _MAPPEN, _datamap, _installatiemap as _installatiemap, _omgeving as _omgeving,
                         _stempel, _tomlbestanden as _tomlbestanden)
from .profielen import (ID_VORM as ID_VORM, _PROFIELEN as _PROFIELEN, _profiel_gecached as _profiel_gecached,
                        beleidsprofielen as beleidsprofielen, eigen_profielen_map as eigen_profielen_map,
                        laad_profiel as laad_profiel, meegeleverde_profielen as meegeleverde_profielen,
                        profielbestanden as profielbestanden)
from .profielschema import Beleidsprofiel as Beleidsprofiel, lees_profiel as lees_profiel

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


STATUSSEN = ("bevestigd", "afgeleid", "onzeker")
ONTBREEKT = "ontbreekt"         # nog niet bekend: het jaar is pas te rekenen als een beheerder de waarde installeert

# Na 2027 is er geen alleenverdienersproblematiek meer om te compenseren: de Belastingdienst lost haar zelf op.
NA_LAATSTE_JAAR = ("vanaf 2028 lost de Belastingdienst de alleenverdienersproblematiek zelf op, in de inkomstenbelasting "
                   "(bron: Belastingplan 2025, memorie van toelichting, § 5.15 'Fiscale oplossing eenverdieners')")
# Parameters die mogen ontbreken: de rekenkern heeft dan een andere weg.
MAG_ONTBREKEN = {"wtrap.vaste_tegemoetkoming": "zolang de ministeriële regeling er niet is, vult de raadsman het "
                                              "bedrag in (stap Wtrap)"}


class Parameter(Tupel):
    jaar: int
    naam: str          # bv. "huurtoeslag.kwaliteitskortingsgrens"
    # Decimal, bool of str; None als de status "ontbreekt" is. Any: welk van de drie volgt uit de naam (de rekenkern
    # rekent met p["huurtoeslag.pct_A"].waarde als Decimal); controleren doet parameterbestand.py bij het inlezen.
    waarde: Any
    status: str
    bron: str
    noot: str | None = None
    bevestigd_door: str | None = None   # wat de waarde bevestigt, als dat geen wettekst is (bv. tabellen)
    afwijking: str | None = None        # waarom de waarde ver van het vorige jaar ligt (controle van het bestand)

    @property
    def bevestigd(self) -> bool:
        return self.status == "bevestigd"

    def __str__(self) -> str:
        return f"{self.naam} {self.jaar} = {self.waarde} ({self.status})"


class Jaarparameters(dict):
    """Alle bekende parameters van een toeslagjaar, op te vragen met hun gestippelde naam (p["huurtoeslag.pct_A"]).

    Een dict, zodat opzoeken in de rekenkern niet meer kost dan een gewone dict-lookup. Wat nog ontbreekt staat apart
    in `ontbrekend` (dus `naam in p` is False). `eigen`: uit de datamap van de gebruiker, niet meegeleverd."""

    def __init__(self, jaar: int, parameters: dict[str, Parameter], bestand: Path,
                 ontbrekend: dict[str, Parameter] | None = None, eigen: bool = False):
        super().__init__(parameters)
        self.jaar = jaar
        self.bestand = bestand
        self.ontbrekend = ontbrekend or {}
        self.eigen = eigen

    def __missing__(self, naam: str) -> Parameter:
        if naam in self.ontbrekend:
            raise ParameterFout(f"Parameter '{naam}' is voor {self.jaar} nog niet bekend (status ontbreekt in "
                                f"{self.bestand.name}).")
        raise ParameterFout(f"Parameter '{naam}' ontbreekt voor {self.jaar} in {self.bestand.name}.")

    def waarde(self, naam: str):
        return self[naam].waarde

    def alle(self) -> list[Parameter]:
        return list(self.values())

    @property
    def nodig(self) -> list[str]:
        """De ontbrekende parameters zonder welke dit jaar niet te rekenen is."""
        return [n for n in self.ontbrekend if n not in MAG_ONTBREKEN]

    @property
    def compleet(self) -> bool:
        return not self.nodig

    @property
    def hash(self) -> str:
        return waardehash(self.jaar, self.values())

    @property
    def herkomst(self) -> str:
        return (f"eigen parameterbestand {self.bestand}" if self.eigen
                else f"meegeleverd met avdesk ({self.bestand.name})")

    def gevolgd(self) -> GevolgdeParameters:
        """Een kopie die onthoudt welke parameters de berekening las (signaal S8 en de parameterlijst op de PDF)."""
        return GevolgdeParameters(self)


class GevolgdeParameters(Jaarparameters):
    """Jaarparameters die elke gelezen naam onthouden (ook wat niet in het rekenspoor staat: een vermogensgrens die
    niet overschreden is, de AOW-leeftijd)."""

    def __init__(self, bron: Jaarparameters):
        super().__init__(bron.jaar, bron, bron.bestand, bron.ontbrekend, bron.eigen)
        self.gelezen: dict[str, None] = {}

    def __getitem__(self, naam: str) -> Parameter:
        self.gelezen[naam] = None
        return dict.__getitem__(self, naam)

    def gebruikt(self) -> list[Parameter]:
        return [dict.__getitem__(self, n) for n in self.gelezen if dict.__contains__(self, n)]


def canoniek(waarde) -> str:
    """Een waarde als tekst voor de hash: 1.0 en 1 zijn gelijk, 5.96879e-07 en 0.000000596879 ook."""
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if isinstance(waarde, Decimal):
        tekst = format(waarde.normalize(), "f")
        return "0" if tekst in ("-0", "0") else tekst
    return repr(str(waarde))


def waardehash(jaar: int, parameters) -> str:
    """Korte vingerafdruk van de waarden van een parameterset: alleen naam en waarde, dus een verbeterde bron of
    status verandert hem niet. 12 tekens van SHA-256."""
    import hashlib
    regels = [f"jaar={jaar}"] + sorted(f"{p.naam}={canoniek(p.waarde)}" for p in parameters if p.waarde is not None)
    return hashlib.sha256("\n".join(regels).encode()).hexdigest()[:12]


def _waarde(v):
    if isinstance(v, bool) or isinstance(v, str):
        return v
    if isinstance(v, (int, float)):
        # str() geeft de korte decimale schrijfwijze uit het bestand terug (0.01879, 4.1337e-07).
        return Decimal(str(v))
    raise ValueError(f"onbekend soort waarde: {v!r}")


def is_parameter(v) -> bool:
    """Een parameter is een tabel met een status (en, tenzij hij ontbreekt, een waarde)."""
    return isinstance(v, dict) and ("waarde" in v or "status" in v) and not any(isinstance(x, dict) for x in v.values())


def _plat(jaar: int, tabel: dict, prefix: str, uit: dict[str, Parameter], mist: dict[str, Parameter],
          bestand: Path) -> None:
    for sleutel, v in tabel.items():
        naam = f"{prefix}{sleutel}"
        if is_parameter(v):
            status = v.get("status")
            if status == ONTBREEKT:
                mist[naam] = Parameter(jaar, naam, None, status, v.get("bron") or "", v.get("noot"))
                continue
            if status not in STATUSSEN:
                raise ParameterFout(f"{bestand.name}: {naam} heeft geen geldige status ({status!r}).")
            if not v.get("bron"):
                raise ParameterFout(f"{bestand.name}: {naam} heeft geen bron.")
            if "waarde" not in v or v["waarde"] == "":
                raise ParameterFout(f"{bestand.name}: {naam} heeft geen waarde (of status ontbreekt).")
            uit[naam] = Parameter(jaar, naam, _waarde(v["waarde"]), status, v["bron"], v.get("noot"),
                                  v.get("bevestigd_door"), v.get("afwijking"))
        elif isinstance(v, dict):
            _plat(jaar, v, f"{prefix}{sleutel}.", uit, mist, bestand)


def _params_map() -> Path:
    return _installatiemap("params", "parameterbestanden")


def eigen_params_map() -> Path:
    """Waar `avdesk parameters installeer` een jaar neerzet: de datamap van de gebruiker (AVDESK_DATA), nooit de
    installatie."""
    return _datamap() / "parameters"


def _jaarbestanden(map_: Path) -> dict[int, Path]:
    return {int(n): p for n, p in _tomlbestanden(map_).items() if len(n) == 4 and n.isascii() and n.isdigit()}


def meegeleverde_bestanden() -> dict[int, Path]:
    bestanden = _jaarbestanden(_params_map())
    if not bestanden:
        raise InstallatieFout("parameterbestanden", _params_map())
    return bestanden


def eigen_bestanden() -> dict[int, Path]:
    return {j: p for j, p in _jaarbestanden(eigen_params_map()).items() if EERSTE_JAAR <= j <= LAATSTE_JAAR}


def actieve_bestanden() -> dict[int, Path]:
    """Per jaar het bestand dat geldt: een eigen (geïnstalleerd) bestand gaat voor het meegeleverde."""
    return dict(sorted({**meegeleverde_bestanden(), **eigen_bestanden()}.items()))


def parameterjaren() -> list[int]:
    """Alle jaren met een parameterbestand, ook een jaar waarvan nog waarden ontbreken (2027)."""
    return list(actieve_bestanden())


def lees_bestand(bestand: Path, jaar: int | None = None, eigen: bool = False, cache: bool = False) -> Jaarparameters:
    """Een parameterbestand als Jaarparameters (ook als er waarden ontbreken). ParameterFout als het onbruikbaar is.
    `cache`: het geparste bestand uit de TOML-cache (bestanden.toml); alleen voor de actieve bestanden."""
    try:
        data = toml(bestand.read_bytes(), cache)
    except (OSError, ValueError) as e:      # ValueError: tomllib.TOMLDecodeError, UnicodeDecodeError
        raise ParameterFout(f"Parameterbestand {bestand.name} is onleesbaar: {e}") from None
    if jaar is not None and data.get("jaar") != jaar:
        raise ParameterFout(f"Parameterbestand {bestand.name} hoort bij jaar {data.get('jaar')!r}, niet bij {jaar}.")
    if not isinstance(data.get("jaar"), int) or isinstance(data.get("jaar"), bool):
        raise ParameterFout(f"Parameterbestand {bestand.name} noemt geen jaar (jaar = JJJJ).")
    uit: dict[str, Parameter] = {}
    mist: dict[str, Parameter] = {}
    _plat(data["jaar"], {k: v for k, v in data.items() if k != "jaar"}, "", uit, mist, bestand)
    return Jaarparameters(data["jaar"], uit, bestand, mist, eigen)


@cache
def _gecached(bestand: Path, jaar: int, eigen: bool, _stempel: tuple) -> Jaarparameters:
    return lees_bestand(bestand, jaar, eigen, cache=True)


def parameterset(jaar: int) -> Jaarparameters:
    """De actieve parameterset van een jaar, ook als er nog waarden ontbreken. ParameterFout zonder bestand."""
    if jaar > LAATSTE_JAAR or jaar < EERSTE_JAAR:
        raise ParameterFout(reden_niet_ondersteund(jaar))
    eigen = eigen_params_map() / f"{jaar}.toml"
    if eigen.is_file():
        return _gecached(eigen, jaar, True, _stempel(eigen))
    bestand = _params_map() / f"{jaar}.toml"
    if not bestand.is_file():
        raise ParameterFout(reden_niet_ondersteund(jaar))
    return _gecached(bestand, jaar, False, _stempel(bestand))


def _installeer_tip(jaar: int) -> str:
    return (f"Installeer een volledig parameterbestand met 'avdesk parameters installeer BESTAND' (een sjabloon: "
            f"'avdesk parameters sjabloon {jaar}').")


def reden_niet_ondersteund(jaar: int, jaren: list[int] | None = None) -> str:
    """Waarom een toeslagjaar niet te rekenen is, in een zin: na 2027 (met de bron), een jaar waarvan nog
    parameters ontbreken (welke, en hoe ze te installeren), of een jaar dat avdesk niet kent."""
    if jaar > LAATSTE_JAAR:
        return f"Toeslagjaar {jaar} wordt niet ondersteund: {NA_LAATSTE_JAAR}."
    if EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
        try:
            p = parameterset(jaar)
        except ParameterFout:
            p = None
        if p is not None and not p.compleet:
            return (f"Toeslagjaar {jaar} kan nog niet worden berekend: van {len(p.nodig)} parameters is de waarde nog "
                    f"niet bekend ({', '.join(p.nodig)}). {_installeer_tip(jaar)}")
    bekend = ", ".join(map(str, jaren if jaren is not None else ondersteunde_jaren()))
    return f"Toeslagjaar {jaar} wordt niet ondersteund; avdesk kent de jaren {bekend}."


def ondersteunde_jaren() -> list[int]:
    """De jaren die avdesk kan rekenen: met een parameterbestand zonder ontbrekende waarden. Geen enkel bestand
    betekent een onvolledige installatie (InstallatieFout), geen lege keuze."""
    jaren = []
    for jaar, bestand in actieve_bestanden().items():
        try:
            if b'"ontbreekt"' not in bestand.read_bytes() or parameterset(jaar).compleet:
                jaren.append(jaar)
        except (OSError, ParameterFout):
            continue
    return jaren


def laad_jaar(jaar: int) -> Jaarparameters:
    """De parameters van een jaar om mee te rekenen; ParameterFout (met de reden) als dat nog niet kan."""
    p = parameterset(jaar)
    if not p.compleet:
        raise ParameterFout(reden_niet_ondersteund(jaar))
    return p


def parameterversie() -> str:
    """Een korte vingerafdruk van de waarden van alle actieve parametersets (voor PDF en snapshot): een verbeterde
    bron verandert hem niet. Per jaar staat de hash van de set in de berekening (parameterhash)."""
    import zlib
    crc = 0
    for jaar in parameterjaren():
        try:
            crc = zlib.crc32(f"{jaar}:{parameterset(jaar).hash};".encode(), crc)
        except ParameterFout:
            continue
    return f"{crc:08x}"


@cache
def bewijsstukken() -> tuple[dict, ...]:
    """De lijst bewijsstukken (resources/bewijsstukken.toml): id, tekst en voor welke soort aanvraag."""
    bestand = resources_map() / "bewijsstukken.toml"
    if not bestand.is_file():
        raise InstallatieFout("bewijsstukken", bestand)
    return tuple(toml(bestand.read_bytes())["stuk"])


@cache
def bronsleutels() -> dict[str, str]:
    """Bronsleutel (B6, PW, VELSEN_2024H1, ...; B-nummers zodat ze niet op de signalen S1-S8 lijken) -> beschrijving,
    uit resources/params/bronnen.toml."""
    data = toml((_params_map() / "bronnen.toml").read_bytes())
    return {k: v for naam, deel in data.items() if naam != "soort" for k, v in deel.items()}


@cache
def bronsoorten() -> dict[str, str]:
    """Bronsleutel -> soort: "wettekst" (zelf gelezen), "citaat" (letterlijk aangehaald in een kopie), "officieel"
    (publicatie van een overheid of de handreiking) of "secundair" (kopie, nieuws, website van derden). Alleen wat
    geen secundaire bron is, kan een waarde bevestigen (de parameterlijst op de PDF noemt dat)."""
    return dict(toml((_params_map() / "bronnen.toml").read_bytes()).get("soort", {}))
