"""Het startpad van `avdesk bereken` blijft licht (issue 23, Speed): geen getimede test, maar een bewaking van wat er
geladen wordt. De opdracht draait in een los proces; daarna mag geen van de modules hieronder in sys.modules staan.
Ze zaten er eerder in (shutil via argparse, tomllib vóór de TOML-cache in de datamap) of horen bij een andere laag."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASUS = ROOT / "tests" / "scenarios" / "martin_hanna_2024.json"

# Modules (en hun deelmodules) die `avdesk bereken CASUS` niet mag laden.
VERBODEN = (
    "PySide6", "sqlite3", "hashlib", "shutil", "subprocess", "tempfile", "logging", "dataclasses", "inspect",
    "threading", "socket", "ssl", "email",
    "typing",   # core.model.Tupel in plaats van typing.NamedTuple, typing-imports alleen onder TYPE_CHECKING
    "tomllib",  # na de eerste keer leest bereken de parameters uit de cache in de datamap
    "avdesk.store.opslag", "avdesk.export", "avdesk.ui", "avdesk.gemeente",
)

_SCRIPT = """
import contextlib, io, json, sys
sys.argv = ["avdesk", "bereken", sys.argv[1]]
from avdesk.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    rc = main()
print(json.dumps({"rc": rc, "modules": sorted(sys.modules)}))
"""


def _geladen(datamap: Path) -> tuple[int, set[str]]:
    env = {"AVDESK_DATA": str(datamap), "PATH": "/usr/bin:/bin"}
    uit = subprocess.run([sys.executable, "-I", "-S", "-c", f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
                          + _SCRIPT, str(CASUS)], capture_output=True, text=True, env=env, check=True)
    data = json.loads(uit.stdout.strip().splitlines()[-1])
    return data["rc"], set(data["modules"])


def verboden_in(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == v or m.startswith(v + ".") for v in VERBODEN))


def test_bereken_laadt_geen_verboden_modules(tmp_path: Path) -> None:
    _geladen(tmp_path)  # de eerste keer vult de TOML-cache in de datamap
    rc, modules = _geladen(tmp_path)
    assert rc == 0
    assert "avdesk.core.berekening" in modules  # de opdracht heeft echt gerekend
    assert verboden_in(modules) == []


def test_de_bewaking_kan_falen() -> None:
    assert verboden_in({"os", "shutil", "avdesk.export.beschikking", "avdesk.exporteer"}) == [
        "avdesk.export.beschikking", "shutil"]
