"""Kleine hulp voor de bestanden die een beheerder aanlevert (parameters, beleidsprofielen): begrensd lezen als TOML met
een Nederlandse melding, en schrijven zonder ooit een half bestand achter te laten."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path


def toml_fout(e: Exception) -> str:
    """tomllib meldt in het Engels; de plaats is wat de gebruiker nodig heeft."""
    m = re.search(r"\(at line (\d+), column (\d+)\)", str(e))
    plaats = f" op regel {m.group(1)}, kolom {m.group(2)}" if m else ""
    return f"het bestand is geen geldige TOML{plaats} ({str(e).split(' (at ')[0]})"


def lees_toml(bestand: Path, max_bytes: int, wat: str) -> tuple[dict | None, list[str]]:
    """(gegevens, []) of (None, [melding]); nooit meer lezen dan max_bytes."""
    try:
        with open(bestand, "rb") as f:
            data = f.read(max_bytes + 1)
        if len(data) > max_bytes:
            return None, [f"het bestand is groter dan {max_bytes // 1024} kB: dit is geen {wat}"]
        gegevens = tomllib.loads(data.decode("utf-8"))
    except RecursionError:
        return None, [f"het bestand is te diep genest: dit is geen {wat}"]
    except FileNotFoundError:
        return None, [f"het bestand {bestand} bestaat niet"]
    except IsADirectoryError:
        return None, [f"{bestand} is een map, geen bestand"]
    except UnicodeDecodeError:
        return None, ["het bestand is geen UTF-8-tekst"]
    except tomllib.TOMLDecodeError as e:
        return None, [toml_fout(e)]
    except OSError as e:
        return None, [f"het bestand {bestand} kan niet worden gelezen (foutcode {e.errno})"]
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
