"""Schijf vol (issue 21): op een kleine tmpfs (2 MB), bij verschillende hoeveelheden vrije ruimte. Elke melding noemt
de volle schijf ("de schijf is vol"), nooit een verkeerde oorzaak (verkeerde sleutel, beschadigd bestand, `backup
--red`) of een interne fout; na een melding is er niets veranderd en staat er geen leeg of half bestand."""

import errno
import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from avdesk.core.casus import lees_casus
from avdesk.store.opslag import Opslag, lees_backup

ROOT = Path(__file__).resolve().parents[2]
MH = lees_casus((ROOT / "tests" / "scenarios" / "martin_hanna_2024.json").read_bytes())
WW, BW = "geheim-wachtwoord", "backup-wachtwoord"
VRIJ = (0, 8 * 1024, 40 * 1024, 160 * 1024, 600 * 1024)        # bytes vrij na het vullen
VERKEERD = ("sleutel past niet", "backup --red", "interne fout", "Traceback", "beschadigd")
RUNS = []


@pytest.fixture
def vol(tmp_path):
    pad = tmp_path / "vol"
    pad.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(pad)], capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"een kleine tmpfs aankoppelen mag hier niet (mount: {r.stderr.decode().strip()[:80]}); "
                    f"deze test heeft root of een loop-bestand nodig")
    yield pad
    subprocess.run(["umount", "-l", str(pad)], capture_output=True)


def _vul(map_: Path, vrij: int) -> Path:
    """Vul het bestandssysteem tot er `vrij` bytes over zijn."""
    vuller = map_ / "vuller"
    with open(vuller, "wb") as f:
        try:
            while True:
                f.write(b"\xaa" * 16384)
                f.flush()
        except OSError as e:
            assert e.errno == errno.ENOSPC
    grootte = vuller.stat().st_size
    os.truncate(vuller, max(0, grootte - vrij))
    return vuller


def _cli(*args, env: dict):
    r = subprocess.run([sys.executable, "-m", "avdesk", *map(str, args)], capture_output=True, cwd=ROOT, timeout=120,
                       env={**os.environ, **env})
    fout = r.stderr.decode()
    for v in VERKEERD:
        assert v not in fout, f"{args}: {fout}"
    assert r.returncode in (0, 2), fout
    if r.returncode == 2:
        assert "schijf is vol" in fout.lower(), f"{args}: {fout}"
    RUNS.append((args[0], r.returncode))
    return r


def _inhoud(map_: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(map_.iterdir())
            if p.is_file() and p.name != "vuller" and not p.name.endswith("-shm")}


def _aantal(map_: Path) -> int:
    with Opslag.open(map_, WW, maak=False) as o:
        return len(o.dossiers())


@pytest.mark.parametrize("vrij", VRIJ)
@pytest.mark.traag
def test_backup_naar_een_volle_schijf(tmp_path, vol, vrij):
    data = tmp_path / "data"
    with Opslag.open(data, WW) as o:
        d = o.nieuw_dossier(MH)
        o.bewaar_document(d, "aanvraag", "a.pdf", os.urandom(300_000))
    env = {"AVDESK_DATA": str(data), "AVDESK_WACHTWOORD": WW, "AVDESK_BACKUP_WACHTWOORD": BW}
    _vul(vol, vrij)
    r = _cli("backup", vol / "b.avdesk", env=env)
    rest = sorted(p.name for p in vol.iterdir() if p.name != "vuller")
    if r.returncode == 0:
        assert rest == ["b.avdesk"] and lees_backup(vol / "b.avdesk", alleen_kop=True)
    else:
        assert rest == [] and "niet gemaakt" in r.stderr.decode()
        with Opslag.open(data, WW) as o:          # geen regel 'back-up gemaakt'
            assert o.auditlog(1)[0]["actie"] == "document gemaakt: aanvraag"
    assert not any(p.name.startswith(("backup", ".backup")) for p in data.iterdir())


@pytest.mark.parametrize("vrij", VRIJ)
@pytest.mark.traag
def test_herstel_op_een_volle_schijf(tmp_path, vol, vrij):
    ander = tmp_path / "ander"
    with Opslag.open(ander, WW) as o:
        d = o.nieuw_dossier(MH)
        o.bewaar_document(d, "aanvraag", "a.pdf", os.urandom(250_000))
        o.maak_backup(tmp_path / "b.avdesk", BW)
    data = vol / "data"
    with Opslag.open(data, WW) as o:
        o.nieuw_dossier(MH)
    env = {"AVDESK_DATA": str(data), "AVDESK_WACHTWOORD": WW, "AVDESK_BACKUP_WACHTWOORD": BW}
    voor = _inhoud(data)
    vuller = _vul(vol, vrij)
    r = _cli("herstel", tmp_path / "b.avdesk", env=env)
    if r.returncode == 2:
        assert "niet teruggezet" in r.stderr.decode()
        assert _inhoud(data) == voor
    vuller.unlink()
    assert _aantal(data) == 1
    if r.returncode == 0:
        with Opslag.open(data, WW) as o:
            assert len(o.documenten(1)) == 1


@pytest.mark.parametrize("vrij", VRIJ)
@pytest.mark.traag
def test_import_in_een_opslag_op_een_volle_schijf(tmp_path, vol, vrij):
    data = vol / "data"
    with Opslag.open(data, WW) as o:
        o.nieuw_dossier(MH)
    env = {"AVDESK_DATA": str(data), "AVDESK_WACHTWOORD": WW}
    vuller = _vul(vol, vrij)
    r = _cli("import", "tests/scenarios/martin_hanna_2024.json", env=env)
    if r.returncode == 2:
        assert "niet opgeslagen" in r.stderr.decode() or "niets gewijzigd" in r.stderr.decode()
    vuller.unlink()
    assert _aantal(data) == (2 if r.returncode == 0 else 1)
    with Opslag.open(data, WW) as o:
        assert o.audit_problemen() == []


@pytest.mark.parametrize("vrij", VRIJ)
@pytest.mark.traag
def test_nieuwe_opslag_op_een_volle_schijf(vol, vrij):
    data = vol / "nieuw"
    _vul(vol, vrij)
    r = _cli("import", "tests/scenarios/martin_hanna_2024.json", env={"AVDESK_DATA": str(data),
                                                                       "AVDESK_WACHTWOORD": WW})
    if r.returncode == 2:
        assert not data.exists() or not any(p.name in ("sleutel.json", "avdesk.db") for p in data.iterdir()), \
            list(data.iterdir())


@pytest.mark.parametrize("vrij", VRIJ)
@pytest.mark.traag
def test_pdf_dossier_naar_een_volle_schijf(tmp_path, vol, vrij):
    data = tmp_path / "data"
    with Opslag.open(data, WW) as o:
        o.nieuw_dossier(MH)
    env = {"AVDESK_DATA": str(data), "AVDESK_WACHTWOORD": WW}
    _vul(vol, vrij)
    r = _cli("pdf", "--dossier", "1", "--map", vol / "pdf", env=env)
    fout = r.stderr.decode()
    pdfs = sorted(p.name for p in (vol / "pdf").iterdir()) if (vol / "pdf").exists() else []
    if r.returncode == 2 and "schijf is vol" in fout:
        assert pdfs == [], pdfs                                     # geen leeg of half bestand
        assert "niets opgeslagen" not in fout and "wel versleuteld in dossier 1 bewaard" in fout, fout
    else:
        assert all((vol / "pdf" / n).stat().st_size > 1000 for n in pdfs)


@pytest.mark.parametrize("vrij", VRIJ)
@pytest.mark.traag
def test_pdf_dossier_met_de_opslag_op_een_volle_schijf(tmp_path, vol, vrij):
    data = vol / "data"
    with Opslag.open(data, WW) as o:
        o.nieuw_dossier(MH)
    env = {"AVDESK_DATA": str(data), "AVDESK_WACHTWOORD": WW}
    vuller = _vul(vol, vrij)
    r = _cli("pdf", "--dossier", "1", "--map", tmp_path / "pdf", env=env)
    pdfs = sorted(p.name for p in (tmp_path / "pdf").iterdir()) if (tmp_path / "pdf").exists() else []
    vuller.unlink()
    with Opslag.open(data, WW) as o:
        bewaard = o.documenten(1)
    if r.returncode == 2:
        assert pdfs == [] and bewaard == []
    else:
        assert len(pdfs) == len(bewaard) >= 1


@pytest.fixture(scope="module", autouse=True)
def _telling():
    yield
    if RUNS:
        from collections import Counter
        print(f"\nschijf vol: {len(RUNS)} runs, (opdracht, exitcode): {dict(Counter(RUNS))}")
