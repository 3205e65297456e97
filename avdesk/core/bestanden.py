"""Kleine hulp voor de bestanden die een beheerder aanlevert (parameters, beleidsprofielen): begrensd lezen als TOML met
een Nederlandse melding (met een cache van het parsen, toml()), en schrijven zonder ooit een half bestand achter te
laten."""

from __future__ import annotations

import json
import os
from pathlib import Path

# De cache van geparste TOML (toml()): in de gegevensmap van de gebruiker, nooit in de installatie.
CACHE_FORMAAT = "avdesk-tomlcache/1"
CACHE_MAX = 64                  # zoveel verschillende bestandsinhouden; daarna begint hij opnieuw
_cache: dict[str, str] | None = None


def cachebestand() -> Path:
    from .paden import datamap
    return datamap() / "cache" / "toml.json"


def _lees_cache() -> dict[str, str]:
    """Vingerafdruk -> de geparste inhoud als JSON-tekst. Ontbreekt hij of is hij kapot: leeg (dan parst toml())."""
    try:
        data = json.loads(cachebestand().read_bytes())
        if data.get("formaat") == CACHE_FORMAAT and isinstance(data.get("inhoud"), dict):
            return {k: v for k, v in data["inhoud"].items() if isinstance(v, str)}
    except (OSError, ValueError, AttributeError, RecursionError):
        pass
    return {}


def _bewaar(cache: dict[str, str]) -> None:
    """Alleen als de gegevensmap er al is (een berekening maakt hem niet aan); lukt schrijven niet, dan niet."""
    pad = cachebestand()
    if not pad.parent.parent.is_dir():
        return
    try:
        pad.parent.mkdir(mode=0o700, exist_ok=True)
        schrijf_atomair(pad, json.dumps({"formaat": CACHE_FORMAAT, "inhoud": cache}).encode())
        os.chmod(pad, 0o600)
    except OSError:
        pass


def toml(data: bytes, cache: bool = True) -> dict:
    """tomllib.loads(data.decode("utf-8")) met dezelfde fouten (TOMLDecodeError, UnicodeDecodeError, RecursionError),
    maar dezelfde bytes haalt het uit de cache (TOML parsen en tomllib laden kostte `avdesk bereken` een zesde van
    zijn tijd, issue 23). Alleen voor bestanden van avdesk en de beheerder (parameters, beleidsprofielen,
    bewijsstukken), nooit voor persoonsgegevens. De sleutel is de inhoud zelf (CRC-32, Adler-32 en lengte), dus een
    gewijzigd of nieuw geïnstalleerd bestand (`avdesk parameters installeer`) mist vanzelf. Wat JSON niet precies
    terug kan geven (een TOML-datum), komt niet in de cache. Elke aanroep geeft een nieuwe dict (de aanroeper mag
    hem wijzigen). `cache=False`: gewoon parsen (een bestand dat nog gecontroleerd wordt, of van buiten)."""
    global _cache
    if not cache:
        import tomllib
        return tomllib.loads(data.decode("utf-8"))
    import zlib
    sleutel = f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}-{len(data)}"
    if _cache is None:
        _cache = _lees_cache()
    if (tekst := _cache.get(sleutel)) is not None:
        try:
            gegevens = json.loads(tekst)
            if isinstance(gegevens, dict):
                return gegevens
        except (ValueError, RecursionError):
            pass
    import tomllib
    gegevens = tomllib.loads(data.decode("utf-8"))
    try:
        tekst = json.dumps(gegevens, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        return gegevens
    if json.loads(tekst) == gegevens:
        if len(_cache) >= CACHE_MAX:
            _cache.clear()
        _cache[sleutel] = tekst
        _bewaar(_cache)
    return gegevens


def toml_fout(e: Exception) -> str:
    """tomllib meldt in het Engels; de plaats is wat de gebruiker nodig heeft."""
    import re
    m = re.search(r"\(at line (\d+), column (\d+)\)", str(e))
    plaats = f" op regel {m.group(1)}, kolom {m.group(2)}" if m else ""
    return f"het bestand is geen geldige TOML{plaats} ({str(e).split(' (at ')[0]})"


def lees_toml(bestand: Path, max_bytes: int, wat: str, cache: bool = False) -> tuple[dict | None, list[str]]:
    """(gegevens, []) of (None, [melding]); nooit meer lezen dan max_bytes. `cache`: zie toml()."""
    try:
        with open(bestand, "rb") as f:
            data = f.read(max_bytes + 1)
        if len(data) > max_bytes:
            return None, [f"het bestand is groter dan {max_bytes // 1024} kB: dit is geen {wat}"]
        gegevens = toml(data, cache)
    except RecursionError:
        return None, [f"het bestand is te diep genest: dit is geen {wat}"]
    except FileNotFoundError:
        return None, [f"het bestand {bestand} bestaat niet"]
    except IsADirectoryError:
        return None, [f"{bestand} is een map, geen bestand"]
    except UnicodeDecodeError:
        return None, ["het bestand is geen UTF-8-tekst"]
    except OSError as e:
        return None, [f"het bestand {bestand} kan niet worden gelezen (foutcode {e.errno})"]
    except ValueError as e:         # tomllib.TOMLDecodeError (zonder tomllib te laden als de cache het al heeft)
        return None, [toml_fout(e)]
    if diepte(gegevens) > MAX_DIEPTE:
        return None, [f"het bestand is dieper genest dan {MAX_DIEPTE} niveaus: dit is geen {wat}"]
    return gegevens, []


MAX_DIEPTE = 8


def diepte(o) -> int:
    """Hoe diep tabellen en lijsten genest zijn (zonder recursie: een vijandig bestand kan heel diep zijn)."""
    hoogste, stapel = 0, [(o, 0)]
    while stapel:
        x, d = stapel.pop()
        hoogste = max(hoogste, d)
        if isinstance(x, dict):
            stapel += [(v, d + 1) for v in x.values()]
        elif isinstance(x, list):
            stapel += [(v, d + 1) for v in x]
    return hoogste


def schrijf_atomair(pad: Path, inhoud: bytes) -> None:
    """Eerst een tijdelijk bestand naast het doel, dan in een stap vervangen: nooit een half bestand."""
    pad.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = pad.with_name(pad.name + ".nieuw")
    try:
        with open(tijdelijk, "wb") as f:
            f.write(inhoud)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tijdelijk, pad)
    except BaseException:
        tijdelijk.unlink(missing_ok=True)
        raise
