"""Rooktest van de gebouwde bundel: draait het bevroren programma zoals een gebruiker het zou doen.

    python build/rooktest.py [build/dist/avdesk]

Controleert: --version; `bereken` geeft precies wat de broncode geeft; het venster start offscreen en sluit netjes;
een versleutelde opslag maken, vullen, openen (en met een fout wachtwoord niet); beide PDF's; en dat er geen
testbestanden of caches in de bundel zitten. Meet ook grootte en koude start tegenover `avdesk` uit de venv."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASUS = ROOT / "tests" / "scenarios" / "martin_hanna_2024.json"
VERBODEN = ("tests", "__pycache__", ".pytest_cache", ".hypothesis", "screenshots", "work")


def programma(bundel: Path) -> Path:
    return bundel / ("avdesk.exe" if os.name == "nt" else "avdesk")


def draai(cmd, env=None, **kw):
    return subprocess.run([str(c) for c in cmd], capture_output=True, timeout=120,
                          env={**os.environ, **(env or {})}, **kw)


def controles(bundel: Path) -> list[tuple[str, bool, str]]:
    """Alle controles; elk (naam, gelukt, toelichting)."""
    uit = []
    exe = programma(bundel)

    def check(naam, gelukt, toelichting=""):
        uit.append((naam, bool(gelukt), toelichting))

    r = draai([exe, "--version"])
    check("--version", r.returncode == 0 and r.stdout.decode().strip() == "avdesk 0.1.0", r.stdout.decode())
    bevroren = draai([exe, "bereken", CASUS, "--json", "--vandaag", "2024-09-15"])
    bron = draai([sys.executable, "-m", "avdesk", "bereken", CASUS, "--json", "--vandaag", "2024-09-15"], cwd=ROOT)
    gelijk = bevroren.returncode == 0 and json.loads(bevroren.stdout) == json.loads(bron.stdout)
    check("bereken gelijk aan de broncode", gelijk and b'"totaal_compensatie": 716.00' in bevroren.stdout,
          bevroren.stderr.decode()[-500:])
    r = draai([exe, "bereken", ROOT / "tests" / "scenarios" / "bestaat-niet.json"])
    check("foute invoer: exit 2, Nederlands", r.returncode == 2 and "bestaat niet" in r.stderr.decode())
    with tempfile.TemporaryDirectory() as tmp:
        env = {"AVDESK_DATA": f"{tmp}/data", "AVDESK_WACHTWOORD": "rooktest-wachtwoord",
               "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "QT_QPA_PLATFORM": "offscreen"}
        r = draai([exe, "import", CASUS], env)
        check("versleutelde opslag: import", r.returncode == 0 and r.stdout.strip() == b"1", r.stderr.decode()[-500:])
        r = draai([exe, "dossiers"], env)
        check("versleutelde opslag: openen", r.returncode == 0 and b"Martin en Hanna" in r.stdout)
        inhoud = b"".join(p.read_bytes() for p in Path(tmp, "data").iterdir())
        check("versleutelde opslag: geen namen in het bestand", b"Hanna" not in inhoud and b"123456782" not in inhoud)
        r = draai([exe, "_sleutelhaler", f"{tmp}/data"], env)   # wachtwoordmodus: niets, en geen argparse-fout (2)
        check("sleutelhaler bereikbaar in de bundel", r.returncode == 1 and r.stdout == b"" and r.stderr == b"")
        r = draai([exe, "dossiers"], {**env, "AVDESK_WACHTWOORD": "fout"})
        check("versleutelde opslag: fout wachtwoord", r.returncode == 2 and "klopt niet" in r.stderr.decode())
        r = draai([exe, "pdf", "--dossier", "1", "--map", f"{tmp}/pdf"], env)
        pdfs = sorted(p.name for p in Path(tmp, "pdf").glob("*.pdf")) if r.returncode == 0 else []
        check("PDF's uit het dossier", len(pdfs) == 2 and all(p.endswith(".pdf") for p in pdfs), r.stderr.decode()[-500:])
        # Team Inkomen: de lijst als XLSX (openpyxl), ontvangen, en de concept beschikking (docxtpl + sjabloon).
        gemeente = {**env, "AVDESK_DATA": f"{tmp}/gemeente"}
        from openpyxl import Workbook
        boek = Workbook()
        boek.active.append(["BSN"])
        boek.active.append([123456782])
        boek.save(f"{tmp}/lijst.xlsx")
        r = draai([exe, "doelgroeplijst", "importeer", f"{tmp}/lijst.xlsx", "--jaar", "2024"], gemeente)
        check("doelgroepselectielijst uit XLSX", r.returncode == 0 and b"is ingelezen: 1 BSN" in r.stdout,
              r.stderr.decode()[-500:])
        stukken = sorted(Path(tmp, "pdf").glob("*.pdf"), key=lambda p: "aanvraag" in p.name)
        r = draai([exe, "ontvang", *stukken], gemeente)
        check("ontvang: berekening en aanvraag", r.returncode == 0 and b"Op de doelgroepselectielijst 2024" in r.stdout,
              (r.stdout + r.stderr).decode()[-800:])
        r = draai([exe, "beschikking", "--dossier", "1", "--map", f"{tmp}/brief"], gemeente)
        brieven = list(Path(tmp, "brief").glob("*.docx")) if r.returncode == 0 else []
        check("concept beschikking (.docx)", len(brieven) == 1 and brieven[0].read_bytes()[:2] == b"PK",
              r.stderr.decode()[-800:])
        r = draai([exe], {**env, "AVDESK_METEN": "1"})
        check("venster start offscreen en sluit netjes", r.returncode == 0 and b"Traceback" not in r.stderr,
              r.stderr.decode()[-800:])
    verkeerd = [str(p.relative_to(bundel)) for p in bundel.rglob("*")
                if any(deel in VERBODEN for deel in p.relative_to(bundel).parts)]
    check("geen tests, caches of screenshots in de bundel", not verkeerd, ", ".join(verkeerd[:5]))
    nl = list(bundel.rglob("qtbase_nl.qm"))
    check("Nederlandse Qt-vertaling aanwezig", bool(nl))
    return uit


def metingen(bundel: Path) -> str:
    exe = programma(bundel)
    grootte = sum(p.stat().st_size for p in bundel.rglob("*") if p.is_file() and not p.is_symlink())
    venv = Path(sys.executable).with_name("avdesk")

    def start(cmd, env=None, keer=7):
        tijden = []
        for _ in range(keer):
            t = time.perf_counter()
            draai(cmd, env)
            tijden.append(time.perf_counter() - t)
        return statistics.median(tijden)
    with tempfile.TemporaryDirectory() as tmp:
        env = {"AVDESK_DATA": tmp, "AVDESK_WACHTWOORD": "meting", "QT_QPA_PLATFORM": "offscreen", "AVDESK_METEN": "1",
               "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
        draai([exe, "import", CASUS], env)
        regels = [f"bundelgrootte: {grootte / 1e6:.0f} MB"]
        for naam, args, e in (("--version", ["--version"], None), ("venster tot dossierlijst", [], env)):
            b, v = start([exe, *args], e), start([venv, *args], e)
            regels.append(f"{naam}: bundel {b * 1000:.0f} ms, venv {v * 1000:.0f} ms, verhouding {b / v:.2f}x")
    return "\n".join(regels)


if __name__ == "__main__":
    bundel = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "dist" / "avdesk"
    fout = False
    for naam, gelukt, toelichting in controles(bundel):
        print(f"{'ok  ' if gelukt else 'FOUT'} {naam}" + ("" if gelukt or not toelichting else f": {toelichting}"))
        fout |= not gelukt
    print(metingen(bundel))
    sys.exit(1 if fout else 0)
