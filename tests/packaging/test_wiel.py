"""avdesk als gewoon Python-pakket: het wiel bevat alles wat avdesk tijdens het draaien leest, en werkt los van de
checkout (issue 11).

Eén keer per sessie: de bestanden die git ziet worden naar een tijdelijke map gekopieerd (zo blijft build/ in de
checkout leeg en telt geen oude build/lib mee), daar bouwt `pip wheel --no-deps --no-build-isolation` het wiel en
een sdist, en het wiel gaat met --no-deps in een nieuwe venv die via een .pth-bestand de pakketten van de
testomgeving ziet (PySide6 enz.), maar niet de checkout: .pth-bestanden in die site-packages (ook die van de
editable install) worden niet uitgevoerd, want die map komt er via een .pth-regel bij en niet als sitemap."""

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.traag          # het wiel en de sdist bouwen en installeren

ROOT = Path(__file__).resolve().parents[2]
SCENARIO = ROOT / "tests" / "scenarios" / "martin_hanna_2024.json"

# Bewust niet in wiel en sdist, met de reden. Al het andere onder resources/ en forms/ in git moet erin.
UITGESLOTEN = {
    "resources/screenshots/": "de plaatjes van de README (ruim 0,7 MB); avdesk leest ze niet tijdens het draaien",
}


def _uitgesloten(pad: str) -> bool:
    return any(pad.startswith(u) for u in UITGESLOTEN)


if subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=ROOT, capture_output=True).returncode != 0:
    # Uit een bronarchief (sdist, git archive) is er geen lijst van wat git bijhoudt om tegen te controleren.
    pytest.skip("geen git-checkout: de inhoudscontrole van het wiel vergelijkt met git ls-files",
                allow_module_level=True)


def _git(*args: str) -> list[str]:
    uit = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, check=True).stdout
    return [p for p in uit.decode().split("\0") if p]


def _draai(*args, cwd: Path, env: dict | None = None, timeout: int = 180) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


@pytest.fixture(scope="module")
def bouw(tmp_path_factory):
    """Bouw wiel en sdist uit een kopie van wat git ziet (bijgehouden en nieuwe, niet-genegeerde bestanden)."""
    tmp = tmp_path_factory.mktemp("wiel")
    bron = tmp / "bron"
    for pad in _git("ls-files", "-z", "--cached", "--others", "--exclude-standard"):
        if (ROOT / pad).is_file():           # een verwijderd maar nog bijgehouden bestand telt niet
            (bron / pad).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / pad, bron / pad)
    dist = tmp / "dist"
    r = _draai(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index",
               "-w", dist, ".", cwd=bron)
    assert r.returncode == 0, r.stderr.decode()[-3000:]
    r = _draai(sys.executable, "-c", f"from setuptools import build_meta; build_meta.build_sdist({str(dist)!r})",
               cwd=bron)
    assert r.returncode == 0, r.stderr.decode()[-3000:]
    (wiel,) = dist.glob("avdesk-*.whl")
    (sdist,) = dist.glob("avdesk-*.tar.gz")
    return wiel, sdist


@pytest.fixture(scope="module")
def venv(bouw, tmp_path_factory):
    """Een nieuwe venv met alleen het wiel; de afhankelijkheden komen via een .pth uit de testomgeving."""
    wiel, _ = bouw
    map_ = tmp_path_factory.mktemp("venv") / "v"
    r = _draai(sys.executable, "-m", "venv", "--without-pip", map_, cwd=map_.parent)
    assert r.returncode == 0, r.stderr.decode()
    python = map_ / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    site = Path(_draai(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                       cwd=map_).stdout.decode().strip())
    (site / "testomgeving.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    # pip komt uit de testomgeving maar installeert in de venv die hem draait; -I: de editable avdesk van de
    # testomgeving telt niet als 'al geïnstalleerd' (en wordt dus ook niet aangeraakt).
    r = _draai(python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", "-I", wiel, cwd=map_)
    assert r.returncode == 0, r.stderr.decode()[-3000:]
    return map_, python


@pytest.fixture
def buiten(tmp_path):
    """Een werkmap buiten de checkout, zonder PYTHONPATH: alleen het geïnstalleerde wiel telt."""
    assert ROOT not in tmp_path.parents
    return tmp_path


def _env() -> dict:
    return {"PYTHONPATH": "", "QT_QPA_PLATFORM": "offscreen", "AVDESK_RESOURCES": ""}


def test_avdesk_komt_uit_de_nieuwe_venv(venv, buiten):
    map_, python = venv
    r = _draai(python, "-c", "import avdesk; print(avdesk.__file__); print(avdesk.resources_map()); "
               "print(avdesk.gegevensmap('forms'))", cwd=buiten, env=_env())
    assert r.returncode == 0, r.stderr.decode()
    bestand, resources, forms = (Path(x) for x in r.stdout.decode().split("\n")[:3])
    for pad in (bestand, resources, forms):
        assert map_.resolve() in pad.resolve().parents, pad       # niet de checkout
    assert resources.name == "resources" and resources.parent == bestand.parent
    assert forms.name == "forms" and forms.parent == bestand.parent


def test_bereken_gelijk_aan_de_bron(venv, buiten):
    map_, _ = venv
    avdesk = map_ / "bin" / "avdesk"
    args = ("bereken", SCENARIO, "--json", "--vandaag", "2026-01-01")
    wiel = _draai(avdesk, *args, cwd=buiten, env=_env())
    assert wiel.returncode == 0, wiel.stderr.decode()
    bron = _draai(sys.executable, "-m", "avdesk", *args, cwd=ROOT, env=_env())
    assert bron.returncode == 0, bron.stderr.decode()
    assert wiel.stdout == bron.stdout
    # ook de leesbare samenvatting, en `python -m avdesk` in de venv doet hetzelfde als `avdesk`
    samenvatting = _draai(avdesk, "bereken", SCENARIO, "--vandaag", "2026-01-01", cwd=buiten, env=_env())
    via_m = _draai(map_ / "bin" / "python", "-m", "avdesk", "bereken", SCENARIO, "--vandaag", "2026-01-01",
                   cwd=buiten, env=_env())
    assert samenvatting.returncode == via_m.returncode == 0, samenvatting.stderr.decode() + via_m.stderr.decode()
    assert samenvatting.stdout == via_m.stdout and b"2024" in samenvatting.stdout


def test_screenshots_uit_het_wiel(venv, buiten):
    map_, _ = venv
    r = _draai(map_ / "bin" / "avdesk", "screenshots", "schermen", cwd=buiten, env=_env())
    assert r.returncode == 0, r.stderr.decode()[-2000:]
    pngs = sorted((buiten / "schermen").glob("*.png"))
    namen = {p.name for p in pngs}
    assert {"00-dossiers.png", "01-stap1.png", "12-afronding-met-pdf.png", "13-wtrap.png"} <= namen, namen
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and p.stat().st_size > 5000 for p in pngs)


def test_ontbrekende_parameters_in_de_installatie(venv, buiten):
    """Zonder parameterbestanden: een Nederlandse melding met het pad en exit 2, geen lege keuzelijst."""
    map_, _ = venv
    leeg = buiten / "leeg"
    leeg.mkdir()
    r = _draai(map_ / "bin" / "avdesk", "bereken", SCENARIO, cwd=buiten, env={**_env(), "AVDESK_RESOURCES": leeg})
    assert r.returncode == 2, r.stderr.decode()
    fout = r.stderr.decode()
    assert f"De parameterbestanden van avdesk ontbreken in deze installatie: {leeg / 'params'}" in fout
    assert "kies uit" not in fout and "kent de jaren" not in fout


def test_wiel_bevat_alle_resources_en_formulieren(bouw):
    """Elk bestand onder resources/ en forms/ in git staat in het wiel (onder avdesk/), behalve UITGESLOTEN; er staat
    niets in dat niet in git is. Zo kan een later toegevoegd bestand niet vergeten worden."""
    wiel, _ = bouw
    in_git = _git("ls-files", "-z", "resources", "forms")
    with zipfile.ZipFile(wiel) as z:
        in_wiel = {n.removeprefix("avdesk/") for n in z.namelist()
                   if n.startswith(("avdesk/resources/", "avdesk/forms/"))}
        code = {n for n in z.namelist() if n.endswith(".py")}
    verwacht = {p for p in in_git if not _uitgesloten(p)}
    assert verwacht - in_wiel == set(), "ontbreekt in het wiel"
    assert {p for p in in_wiel if _uitgesloten(p)} == set(), "bewust uitgesloten, toch in het wiel"
    assert in_wiel - set(in_git) == set(), "in het wiel maar niet in git (vergeten git add?)"
    assert any(_uitgesloten(p) for p in in_git), "UITGESLOTEN noemt een map die er niet meer is"
    # de code: elk .py-bestand van avdesk/ in git (een nieuw deelpakket moet in [tool.setuptools] packages)
    assert {p for p in _git("ls-files", "-z", "avdesk") if p.endswith(".py")} <= code


def test_sdist_bevat_alle_resources_en_formulieren(bouw):
    """Wie uit de sdist bouwt (pip install avdesk-x.tar.gz) krijgt hetzelfde: resources/ en forms/ gaan mee."""
    _, sdist = bouw
    with tarfile.open(sdist) as t:
        namen = {n.split("/", 1)[1] for n in t.getnames() if "/" in n}
    assert {p for p in _git("ls-files", "-z", "resources", "forms") if not _uitgesloten(p)} <= namen
