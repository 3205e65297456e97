"""De rekenkern en `avdesk bereken` blijven vrij van Qt (ONTWERP: de UI roept de kern aan, nooit andersom)."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VERBODEN = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def qt_imports(bron: str) -> list[str]:
    gevonden = []
    for knoop in ast.walk(ast.parse(bron)):
        if isinstance(knoop, ast.Import):
            namen = [a.name for a in knoop.names]
        elif isinstance(knoop, ast.ImportFrom):
            namen = [knoop.module or ""]
        elif isinstance(knoop, ast.Call) and getattr(knoop.func, "id", "") == "__import__" and knoop.args \
                and isinstance(knoop.args[0], ast.Constant):
            namen = [str(knoop.args[0].value)]
        else:
            continue
        gevonden += [n for n in namen if n.split(".")[0] in VERBODEN]
    return gevonden


def test_controle_vindt_een_qt_import():
    assert qt_imports("from PySide6.QtCore import QDate\n") == ["PySide6.QtCore"]
    assert qt_imports("import os\nimport PySide6.QtWidgets as w\n") == ["PySide6.QtWidgets"]
    assert qt_imports("x = __import__('PySide6')\n") == ["PySide6"]
    assert qt_imports("import decimal\n") == []


def test_niets_onder_avdesk_core_importeert_qt():
    fout = {str(p.relative_to(ROOT)): q for p in (ROOT / "avdesk" / "core").rglob("*.py")
            if (q := qt_imports(p.read_text(encoding="utf-8")))}
    assert fout == {}


def test_bereken_laadt_geen_qt():
    casus = ROOT / "tests" / "scenarios" / "martin_hanna_2024.json"
    code = ("import sys, io, contextlib\nfrom avdesk.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    rc = main(['bereken', {str(casus)!r}, '--json'])\n"
            "qt = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
            "print(rc, qt)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert r.stdout.strip() == "0 []", r.stderr
