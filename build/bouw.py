"""Bouw de avdesk-bundel met PyInstaller (een map) en test hem daarna (build/rooktest.py).

    python build/bouw.py            # bouwen en rooktest
    python build/bouw.py --alleen-bouwen

Werkt op Linux, Windows en macOS, maar bouwt alleen voor het systeem waarop het draait (PyInstaller kan niet
kruiselings bouwen). Resultaat: build/dist/avdesk/ (en build/dist/avdesk-<systeem>.zip)."""

from __future__ import annotations

import hashlib
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WERK, DOEL = ROOT / "build" / "work", ROOT / "build" / "dist"


BRONNEN = ("avdesk", "resources", "forms", "build/avdesk.spec", "build/avdesk_start.py", "pyproject.toml")


def bronhash() -> str:
    """Vingerafdruk van alles wat in de bundel gaat: is die gelijk, dan hoeft er niet opnieuw gebouwd te worden."""
    h = hashlib.sha256()
    for naam in BRONNEN:
        pad = ROOT / naam
        for p in sorted([pad] if pad.is_file() else pad.rglob("*")):
            if p.is_file() and "__pycache__" not in p.parts:
                h.update(str(p.relative_to(ROOT)).encode())
                h.update(p.read_bytes())
    return h.hexdigest()


def bouw_indien_nodig() -> Path:
    bundel = DOEL / "avdesk"
    merk = DOEL / "avdesk.bronhash"
    if not (bundel.exists() and merk.exists() and merk.read_text() == bronhash()):
        bouw()
        merk.write_text(bronhash())
    return bundel


def bouw() -> Path:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--workpath", str(WERK), "--distpath", str(DOEL), str(ROOT / "build" / "avdesk.spec")],
                   check=True, cwd=ROOT)
    bundel = DOEL / "avdesk"
    grootte = sum(p.stat().st_size for p in bundel.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"bundel: {bundel} ({grootte / 1e6:.0f} MB) in {time.perf_counter() - t:.0f} s")
    zip_ = shutil.make_archive(str(DOEL / f"avdesk-{platform.system().lower()}-{platform.machine().lower()}"), "zip",
                               DOEL, "avdesk")
    print(f"zip: {zip_}")
    return bundel


if __name__ == "__main__":
    bundel = bouw()
    if "--alleen-bouwen" not in sys.argv:
        sys.exit(subprocess.run([sys.executable, str(ROOT / "build" / "rooktest.py"), str(bundel)]).returncode)
