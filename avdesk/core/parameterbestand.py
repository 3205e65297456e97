"""Parameterbestanden controleren, een sjabloon maken, installeren in de datamap en verwijderen.

Het schema van een jaar is het meegeleverde bestand van dat jaar: dezelfde namen, hetzelfde soort waarde (getal,
ja/nee of een van de bekende teksten). Een beheerder vult wat ontbreekt (`avdesk parameters sjabloon 2027`),
controleert (`controleer`: schema, soorten, plausibel tegenover het vorige jaar, elke waarde met bron en status) en
installeert; avdesk schrijft nooit in de installatie, alleen in de datamap van de gebruiker."""

from __future__ import annotations

import json
import re
import tomllib
from decimal import Decimal
from pathlib import Path
from .model import Tupel

from .bestanden import lees_toml, schrijf_atomair
from .params import (EERSTE_JAAR, LAATSTE_JAAR, MAG_ONTBREKEN, ONTBREEKT, STATUSSEN, Jaarparameters, ParameterFout,
                     eigen_params_map, is_parameter, lees_bestand, meegeleverde_bestanden, parameterset,
                     reden_niet_ondersteund)

MAX_BYTES = 512 * 1024
VELDEN = {"waarde", "status", "bron", "noot", "bevestigd_door", "afwijking"}
# Relatieve marge tegenover het vorige jaar voor bedragen; daarbuiten alleen met een `afwijking` (de reden).
BEDRAG_MARGE = (Decimal("0.80"), Decimal("1.25"))


class Verslag(Tupel):
    jaar: int | None
    fouten: list[str]            # maken het bestand onbruikbaar
    ontbreekt: list[str]         # nog zonder waarde (nodig om te rekenen)
    opmerkingen: list[str]       # ter informatie (een waarde die mag ontbreken, een verklaarde afwijking)
    parameters: Jaarparameters | None

    @property
    def in_orde(self) -> bool:
        return not self.fouten and not self.ontbreekt


# ---------------------------------------------------------------- schema

def regels(data: dict, prefix: str = "") -> list[tuple[str, object]]:
    """Alle parameters van een bestand in volgorde: (gestippelde naam, wat er staat)."""
    uit = []
    for k, v in data.items():
        if prefix == "" and k == "jaar":
            continue
        naam = f"{prefix}{k}"
        if is_parameter(v) or not isinstance(v, dict):
            uit.append((naam, v))
        else:
            uit += regels(v, naam + ".")
    return uit


def _meegeleverd(jaar: int) -> dict:
    bestand = meegeleverde_bestanden().get(jaar)
    if bestand is None:
        raise ParameterFout(reden_niet_ondersteund(jaar))
    with bestand.open("rb") as f:
        return tomllib.load(f)


def schema(jaar: int) -> dict[str, dict]:
    """Naam -> de regel uit het meegeleverde bestand van dat jaar (in volgorde)."""
    return {n: v for n, v in regels(_meegeleverd(jaar)) if isinstance(v, dict)}


def voorbeelden(naam: str, tot_en_met: int) -> list[tuple[int, object]]:
    """De bekende waarden van een parameter in de meegeleverde jaren tot en met `tot_en_met` (nieuwste eerst)."""
    uit = []
    for jaar in sorted(meegeleverde_bestanden(), reverse=True):
        if jaar > tot_en_met:
            continue
        regel = dict(regels(_meegeleverd(jaar))).get(naam)
        if isinstance(regel, dict) and regel.get("status") != ONTBREEKT and regel.get("waarde", "") != "":
            uit.append((jaar, regel["waarde"]))
    return uit


def soort(v) -> str:
    if isinstance(v, bool):
        return "ja_nee"
    if isinstance(v, (int, float)):
        return "getal"
    return "tekst"


SOORT_WOORD = {"getal": "een getal", "ja_nee": "true of false", "tekst": "tekst"}


# ---------------------------------------------------------------- plausibel

def _kort(naam: str) -> str:
    return naam.rsplit(".", 1)[-1]


def _is_percentage(naam: str) -> bool:
    k = _kort(naam)
    return k.startswith("pct") or "percentage" in k


def _getal(v) -> Decimal:
    return Decimal(str(v))


def plausibel(naam: str, waarde: Decimal, vorig: Decimal | None, vorig_jaar: int) -> str | None:
    """Een korte reden als de waarde niet past bij wat voor deze parameter kan, of ver van het vorige jaar ligt."""
    from .parameternamen import parameterwaarde
    k = _kort(naam)
    if "leeftijd" in k:
        if waarde != waarde.to_integral_value():
            return "een leeftijd is een heel getal"
        grenzen = (0, 11) if k.endswith("maanden") else (65, 70) if naam.startswith("aow.") else (16, 30)
        if not grenzen[0] <= waarde <= grenzen[1]:
            return f"ligt niet tussen {grenzen[0]} en {grenzen[1]}"
        if naam.startswith("aow.") and vorig is not None and not vorig <= waarde <= vorig + 1 and k != "leeftijd_maanden":
            return f"de AOW-leeftijd stijgt hoogstens een jaar per jaar ({vorig_jaar}: {parameterwaarde(naam, vorig)})"
        if not naam.startswith("aow.") and vorig is not None and waarde != vorig:
            return (f"wijkt af van {vorig_jaar} ({parameterwaarde(naam, vorig)}); een leeftijdsgrens verandert alleen "
                    f"bij een wetswijziging")
        return None
    if _is_percentage(naam):
        if not 0 <= waarde <= 1:
            return "een percentage staat als fractie in het bestand (65% = 0.65) en ligt tussen 0 en 1"
        if vorig is not None and abs(waarde - vorig) > max(vorig / 4, Decimal("0.01")):
            return f"ligt ver van {vorig_jaar} ({parameterwaarde(naam, vorig)})"
        return None
    if k.startswith("factor"):
        if vorig is not None and vorig != 0 and waarde != 0 and (waarde > 0) != (vorig > 0) and k == "factor_a":
            return f"heeft een ander teken dan in {vorig_jaar}"
        return None
    if waarde < 0:
        return "een bedrag is niet negatief"
    if vorig is not None:
        if vorig == 0 and waarde != 0:
            return f"was 0 in {vorig_jaar}"
        if vorig > 0 and not BEDRAG_MARGE[0] <= waarde / vorig <= BEDRAG_MARGE[1]:
            return (f"ligt ver van {vorig_jaar} ({parameterwaarde(naam, vorig)}; verwacht tussen "
                    f"{int(BEDRAG_MARGE[0] * 100)}% en {int(BEDRAG_MARGE[1] * 100)}% daarvan)")
    return None


def samenhang(p: dict[str, Decimal]) -> list[str]:
    """Controles binnen een jaar: grenzen in de goede volgorde, de normhuurformule op het ijkpunt."""
    from .parameternamen import parameternaam
    fouten = []
    h = "huurtoeslag."
    volgorde = [h + "kwaliteitskortingsgrens", h + "aftoppingsgrens_1_2", h + "aftoppingsgrens_3plus",
                h + "maximale_huurgrens"]
    aanwezig = [n for n in volgorde if isinstance(p.get(n), Decimal)]
    for lager, hoger in zip(aanwezig, aanwezig[1:]):
        if p[lager] > p[hoger]:
            fouten.append(f"{lager} ({parameternaam(lager)}) is hoger dan {hoger} ({parameternaam(hoger)})")
    for zonder, met in (("zorgtoeslag.inkomensgrens_zonder_partner", "zorgtoeslag.inkomensgrens_met_partner"),
                        ("zorgtoeslag.vermogensgrens_zonder_partner", "zorgtoeslag.vermogensgrens_met_partner")):
        if isinstance(p.get(zonder), Decimal) and isinstance(p.get(met), Decimal) and p[zonder] >= p[met]:
            fouten.append(f"{zonder} is niet lager dan {met}")
    pp, pt = p.get(h + "vermogensgrens_per_persoon"), p.get(h + "vermogensgrens_partners")
    if isinstance(pp, Decimal) and isinstance(pt, Decimal) and pt != 2 * pp:
        fouten.append(f"{h}vermogensgrens_partners is niet het dubbele van {h}vermogensgrens_per_persoon "
                      f"(Awir art. 7 lid 3)")
    for t in ("EP", "MP", "EPO", "MPO"):
        ijk, a, b, minnh = (p.get(f"{h}{t}.{x}") for x in ("minimum_inkomensijkpunt", "factor_a", "factor_b",
                                                              "minimum_normhuur"))
        if not (isinstance(ijk, Decimal) and isinstance(a, Decimal) and isinstance(b, Decimal)
                and isinstance(minnh, Decimal)):
            continue
        if abs(a * ijk * ijk + b * ijk - minnh) > Decimal("0.01"):
            fouten.append(f"{h}{t}: factor_a x ijkpunt² + factor_b x ijkpunt geeft "
                          f"{(a * ijk * ijk + b * ijk).quantize(Decimal('0.01'))}, niet de minimum_normhuur {minnh}")
    return fouten


# ---------------------------------------------------------------- controleer

def _lees(bestand: Path) -> tuple[dict | None, list[str]]:
    return lees_toml(bestand, MAX_BYTES, "parameterbestand")


def controleer(bestand: Path) -> Verslag:
    from .parameternamen import parameternaam
    data, fouten = _lees(bestand)
    if data is None:
        return Verslag(None, fouten, [], [], None)
    jaar = data.get("jaar")
    if not isinstance(jaar, int) or isinstance(jaar, bool):
        return Verslag(None, ["jaar ontbreekt of is geen jaartal (bovenaan: jaar = 2027)"], [], [], None)
    if not EERSTE_JAAR <= jaar <= LAATSTE_JAAR or jaar not in meegeleverde_bestanden():
        return Verslag(jaar, [reden_niet_ondersteund(jaar)], [], [], None)
    verwacht = schema(jaar)
    gegeven = regels(data)
    ontbreekt: list[str] = []
    opmerkingen: list[str] = []
    waarden: dict[str, Decimal] = {}
    try:
        vorige = parameterset(jaar - 1)
    except ParameterFout:
        vorige = None
    for naam, v in gegeven:
        wie = f"{naam} ({parameternaam(naam)})"
        if naam not in verwacht:
            getoond = naam if re.fullmatch(r"[A-Za-z0-9_.-]{1,100}", naam) else ascii(naam[:100])
            fouten.append(f"{getoond}: onbekende parameter voor {jaar} (tikfout?); zie 'avdesk parameters sjabloon "
                          f"{jaar}'")
            continue
        if not isinstance(v, dict):
            fouten.append(f"{wie}: schrijf als {{ waarde = ..., status = \"...\", bron = \"...\" }}")
            continue
        if extra := sorted(set(v) - VELDEN):
            fouten.append(f"{wie}: onbekend veld {', '.join(extra)}; toegestaan: {', '.join(sorted(VELDEN))}")
        status, bron, waarde = v.get("status"), v.get("bron", ""), v.get("waarde", "")
        if status == ONTBREEKT:
            if waarde != "":
                fouten.append(f"{wie}: er staat een waarde, maar de status is 'ontbreekt'; kies bevestigd, "
                              f"afgeleid of onzeker")
            elif naam in MAG_ONTBREKEN:
                opmerkingen.append(f"{wie} ontbreekt nog: {MAG_ONTBREKEN[naam]}")
            else:
                ontbreekt.append(naam)
            continue
        if status not in STATUSSEN:
            fouten.append(f"{wie}: status {status!r} bestaat niet; kies {', '.join(STATUSSEN)} of {ONTBREEKT}")
        if not isinstance(bron, str) or not bron.strip():
            fouten.append(f"{wie}: bron ontbreekt; noem waar de waarde staat (regeling, Staatscourant, tabel)")
        for tekstveld in ("noot", "bevestigd_door", "afwijking"):
            if tekstveld in v and not isinstance(v[tekstveld], str):
                fouten.append(f"{wie}: {tekstveld} moet tekst zijn")
        for tekstveld in ("bron", "noot", "bevestigd_door", "afwijking", "waarde"):
            t = v.get(tekstveld)
            if isinstance(t, str) and any(ord(c) < 32 and c not in "\n\t" or ord(c) == 127 for c in t):
                fouten.append(f"{wie}: {tekstveld} bevat stuurtekens")
        if waarde == "":
            fouten.append(f"{wie}: waarde ontbreekt (of zet status = \"ontbreekt\")")
            continue
        voorbeeld = [w for _, w in voorbeelden(naam, jaar)]
        verwachte_soort = soort(voorbeeld[0]) if voorbeeld else soort(waarde)
        if soort(waarde) != verwachte_soort:
            fouten.append(f"{wie}: moet {SOORT_WOORD[verwachte_soort]} zijn, niet {waarde!r}")
            continue
        if verwachte_soort == "tekst":
            bekend = sorted({w for w in voorbeeld if isinstance(w, str)})
            if waarde not in bekend:
                fouten.append(f"{wie}: {waarde!r} kent avdesk niet; kies {' of '.join(bekend)}")
            continue
        if verwachte_soort != "getal":
            continue
        getal = _getal(waarde)
        if not getal.is_finite():
            fouten.append(f"{wie}: {waarde!r} is geen eindig getal")
            continue
        waarden[naam] = getal
        vorig_p = vorige.get(naam) if vorige is not None else None
        vorig = vorig_p.waarde if vorig_p is not None and isinstance(vorig_p.waarde, Decimal) else None
        if reden := plausibel(naam, getal, vorig, jaar - 1):
            if isinstance(v.get("afwijking"), str) and v["afwijking"].strip():
                opmerkingen.append(f"{wie}: {reden}; verklaard: {v['afwijking'].strip()}")
            else:
                fouten.append(f"{wie}: {waarde} {reden}. Klopt het toch, zet dan afwijking = \"de reden\" in deze regel")
    for naam in verwacht:
        if naam not in dict(gegeven):
            fouten.append(f"{naam} ({parameternaam(naam)}): ontbreekt in het bestand (ook een onbekende waarde "
                          f"hoort erin, met status = \"ontbreekt\")")
    fouten += samenhang(waarden)
    parameters = None
    if not fouten:
        try:
            parameters = lees_bestand(bestand, jaar, eigen=True)
        except ParameterFout as e:
            fouten.append(str(e))
    return Verslag(jaar, fouten, ontbreekt, opmerkingen, parameters)


# ---------------------------------------------------------------- installeren

class InstallatieWeigering(Exception):
    pass


def installeer(bestand: Path, vervang: bool = False) -> tuple[Verslag, Path]:
    """Controleer het bestand en zet het in de datamap. Weigert (InstallatieWeigering, er verandert niets) bij een
    fout, een ontbrekende waarde, of een jaar dat al te rekenen is zonder vervang=True."""
    verslag = controleer(bestand)
    if verslag.fouten:
        raise InstallatieWeigering("het bestand bevat fouten")
    if verslag.ontbreekt:
        raise InstallatieWeigering(f"van {len(verslag.ontbreekt)} parameters ontbreekt de waarde nog")
    jaar = verslag.jaar
    if jaar is None:                # zonder jaar geeft controleer() een fout; hier voor de zekerheid
        raise InstallatieWeigering("het bestand noemt geen jaar")
    doel = eigen_params_map() / f"{jaar}.toml"
    if not vervang:
        if doel.exists():
            raise InstallatieWeigering(f"voor {jaar} is al een eigen parameterbestand geïnstalleerd ({doel}); "
                                       f"vervang het met --vervang")
        try:
            meegeleverd = lees_bestand(meegeleverde_bestanden()[jaar], jaar)
        except ParameterFout:
            meegeleverd = None
        if meegeleverd is not None and meegeleverd.compleet:
            raise InstallatieWeigering(f"{jaar} wordt met avdesk meegeleverd (hash {meegeleverd.hash}); vervang "
                                       f"het alleen bewust, met --vervang")
    schrijf_atomair(doel, bestand.read_bytes())
    return verslag, doel


def verwijder(jaar: int) -> Path:
    doel = eigen_params_map() / f"{jaar}.toml"
    if not doel.is_file():
        raise InstallatieWeigering(f"voor {jaar} is geen eigen parameterbestand geïnstalleerd (in "
                                   f"{eigen_params_map()}); de meegeleverde parameters horen bij de installatie")
    doel.unlink()
    return doel


# ---------------------------------------------------------------- sjabloon

def _toml(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float, Decimal)):
        tekst = str(v)
        return tekst.replace("E", "e")
    return json.dumps(str(v), ensure_ascii=False)


def sjabloon(jaar: int) -> str:
    """Elke parameter van het jaar als TOML: bekende waarden met bron en status, de rest leeg met status ontbreekt;
    bij elke regel in commentaar de waarde van het vorige jaar als houvast."""
    from .. import __version__
    from .parameternamen import parameternaam, parameterwaarde
    actief = parameterset(jaar)
    regels_ = [f"# Parameters toeslagjaar {jaar}, sjabloon van avdesk {__version__} ('avdesk parameters sjabloon {jaar}').",
               "# Vul elke waarde in die ontbreekt, met de bron waar hij staat, en zet de status op bevestigd (uit een",
               "# wettekst, regeling of publicatie), afgeleid (berekend uit andere bronnen) of onzeker.",
               "# Bedragen in euro met een punt als decimaalteken; percentages als fractie (65% = 0.65).",
               "# Huurtoeslag per maand; inkomens, zorgtoeslag en bijstand bruto per jaar; bijstandsnormen per maand.",
               "# Controleer: avdesk parameters controleer BESTAND; installeer: avdesk parameters installeer BESTAND.",
               "", f"jaar = {jaar}"]
    huidige_tabel = None
    per_tabel: dict[str, list[str]] = {}
    for naam in schema(jaar):
        tabel, _, sleutel = naam.rpartition(".")
        per_tabel.setdefault(tabel, []).append(naam)
    for tabel, namen in per_tabel.items():
        if tabel != huidige_tabel:
            regels_ += ["", f"[{tabel}]"]
            huidige_tabel = tabel
        for naam in namen:
            sleutel = naam.rpartition(".")[2]
            p = actief.get(naam) or actief.ontbrekend.get(naam)
            vorige = [(j, w) for j, w in voorbeelden(naam, jaar - 1)]
            uitleg = parameternaam(naam)
            if vorige:
                j, w = vorige[0]
                uitleg += f"; {j}: {parameterwaarde(naam, _getal(w) if soort(w) == 'getal' else w)}"
            if naam in MAG_ONTBREKEN:
                uitleg += f"; mag ontbreken: {MAG_ONTBREKEN[naam]}"
            regels_.append(f"# {uitleg}")
            if p is None or p.waarde is None:
                velden = ['waarde = ""', f'status = "{ONTBREEKT}"', 'bron = ""']
                if p is not None and p.noot:
                    velden.append(f"noot = {_toml(p.noot)}")
            else:
                velden = [f"waarde = {_toml(p.waarde)}", f"status = {_toml(p.status)}", f"bron = {_toml(p.bron)}"]
                if p.noot:
                    velden.append(f"noot = {_toml(p.noot)}")
                if p.bevestigd_door:
                    velden.append(f"bevestigd_door = {_toml(p.bevestigd_door)}")
                if p.afwijking:
                    velden.append(f"afwijking = {_toml(p.afwijking)}")
            regels_.append(f"{sleutel} = {{ {', '.join(velden)} }}")
    return "\n".join(regels_) + "\n"
