"""Een sjabloon van buiten voert geen code uit (issue 21, punt 1): de payloads uit het issue worden elk geweigerd met
een Nederlandse melding die zegt wat niet mag, exit 2, binnen seconden en met begrensd geheugen; waarden van velden
zijn gegevens en worden nooit als sjabloon gelezen."""

import json
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import docx
import pytest

from avdesk.core.casus import lees_casus
from avdesk.export.beschikking import controleer_sjabloon, standaard_sjabloon
from avdesk.export.documenten import maak_documenten

ROOT = Path(__file__).resolve().parents[2]
SCEN = ROOT / "tests" / "scenarios"
GEHEUGEN = 1024 * 1024 * 1024           # 1 GB adresruimte voor het hele proces


@pytest.fixture(scope="module")
def martin_pdf(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("martin")
    docs = maak_documenten(lees_casus((SCEN / "martin_hanna_2024.json").read_bytes()), gemaakt=date(2024, 9, 20),
                           dossier_id=12)
    (map_ / "berekening.pdf").write_bytes(docs["berekening"])
    return map_ / "berekening.pdf"


def _sjabloon(pad: Path, *regels: str, voettekst: str | None = None) -> Path:
    d = docx.Document()
    for r in regels:
        d.add_paragraph(r)
    if voettekst:
        d.sections[0].footer.paragraphs[0].text = voettekst
    d.save(str(pad))
    return pad


def _begrensd():
    resource.setrlimit(resource.RLIMIT_AS, (GEHEUGEN, GEHEUGEN))


def _beschikking(tmp_path, *args, env=None):
    """`avdesk beschikking` als los proces met 1 GB adresruimte; (returncode, stdout, stderr, seconden)."""
    import os
    begin = time.monotonic()
    r = subprocess.run([sys.executable, "-m", "avdesk", "beschikking", *map(str, args)], capture_output=True,
                       cwd=ROOT, timeout=60, preexec_fn=_begrensd,
                       env={**os.environ, "AVDESK_DATA": str(tmp_path / "gemeente"), "AVDESK_WACHTWOORD": "geheim-ww",
                            **(env or {})})
    return r.returncode, r.stdout.decode(), r.stderr.decode(), time.monotonic() - begin


PAYLOADS = {
    "cycler": ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "een verborgen eigenschap van Python"),
    "lipsum": ("{{ lipsum.__globals__['os'].popen('id').read() }}", "'__globals__' (een verborgen eigenschap"),
    "subclasses": ("{% for c in ''.__class__.__mro__[1].__subclasses__() %}{{ c }}{% endfor %}", "een verborgen eigenschap van Python"),
    "range": ("{% for i in range(10**8) %}{% endfor %}", "'**'"),
    "vermenigvuldigen": ("{{ 'A' * 2000000000 }}", "'*'"),
    "grote_range": ("{% for i in range(100000000) %}x{% endfor %}", "range(...) met meer dan 1.000 stappen"),
    "geneste_range": ("{% for a in range(1000) %}{% for b in range(1000) %}{% endfor %}{% endfor %}",
                      "herhaalt te vaak"),
    "methode": ("{{ gemeente.upper() }}", "een functie-aanroep"),
    "set": ("{% set x = gemeente %}{{ x }}", "{% set %}"),
    "vervang": ("{{ gemeente|replace('', gemeente) }}", "het filter '|replace'"),
    "format": ("{{ '%999999999s'|format(1) }}", "het filter '|format'"),
    "modulo": ("{{ '%999999999s' % 1 }}", "'%'"),
    "attr": ("{{ gemeente|attr('__class__') }}", "het filter '|attr'"),
    "include": ("{% include 'x' %}", "{% include %}"),
    "macro": ("{% macro m() %}x{% endmacro %}", "{% macro %}"),
    "namespace": ("{{ namespace }}", "niet kent"),
}


@pytest.mark.parametrize("naam", sorted(PAYLOADS))
@pytest.mark.traag
def test_payload_geweigerd(tmp_path, martin_pdf, naam):
    payload, construct = PAYLOADS[naam]
    sj = _sjabloon(tmp_path / f"{naam}.docx", "Beste {{ aan_naam }},", payload)
    code, uit, fout, duur = _beschikking(tmp_path, martin_pdf, "--map", tmp_path / "uit", "--sjabloon", sj,
                                         "--vandaag", "2024-10-01")
    assert code == 2, (uit, fout)
    assert "Geen beschikking gemaakt" in fout and construct in fout, fout
    assert "uid=" not in uit + fout and "Traceback" not in fout and "interne fout" not in fout
    assert duur < 20, duur
    assert not list(tmp_path.rglob("*beschikking*.docx"))
    assert controleer_sjabloon(sj) and construct in controleer_sjabloon(sj)[0]


def test_payload_in_de_voettekst(tmp_path, martin_pdf):
    sj = _sjabloon(tmp_path / "voet.docx", "{{ gemeente }}", voettekst="{{ lipsum.__globals__ }}")
    code, _, fout, _ = _beschikking(tmp_path, martin_pdf, "--map", tmp_path / "uit", "--sjabloon", sj,
                                    "--vandaag", "2024-10-01")
    assert code == 2 and "'__globals__'" in fout


@pytest.mark.traag
def test_waarde_van_een_veld_is_geen_sjabloon(tmp_path, martin_pdf):
    """De naam van de gemeente en van de aanvrager met {{ ... }} erin: letterlijk in de brief, nooit uitgevoerd."""
    from avdesk.store.opslag import Opslag
    payload = "{{ cycler.__init__.__globals__.os.popen('id').read() }} {{ 7*7 }}"
    with Opslag.open(tmp_path / "gemeente", "geheim-ww") as o:
        o.zet_instelling("gemeente_naam", payload)
    d = json.loads((SCEN / "martin_hanna_2024.json").read_text())
    d["aanvrager"]["naam"] = "{% for i in range(10**8) %}{% endfor %}Martin"
    docs = maak_documenten(lees_casus(json.dumps(d)), gemaakt=date(2024, 9, 20))
    (tmp_path / "b.pdf").write_bytes(docs["berekening"])
    sj = _sjabloon(tmp_path / "s.docx", "{{ gemeente }}", "{{ aanhef }}", voettekst="{{ gemeente }}")
    for extra in ([], ["--sjabloon", sj]):
        code, uit, fout, duur = _beschikking(tmp_path, tmp_path / "b.pdf", "--map", tmp_path / "uit",
                                             "--vandaag", "2024-10-01", *extra)
        assert code == 0, fout
        assert duur < 20
    for pad in (tmp_path / "uit").glob("*.docx"):
        doc = docx.Document(str(pad))
        tekst = "\n".join([p.text for p in doc.paragraphs] + [p.text for p in doc.sections[0].footer.paragraphs])
        assert payload in tekst and "uid=" not in tekst and " 49" not in tekst
        assert "{% for i in range(10**8) %}{% endfor %}Martin" in tekst


def test_standaardsjabloon_en_een_goed_eigen_sjabloon_zijn_goed(tmp_path):
    assert controleer_sjabloon(standaard_sjabloon()) == []
    sj = _sjabloon(tmp_path / "goed.docx", "{{ gemeente|upper }}", "{%p for j in jaren %}",
                   "{{ loop.index }}. {{ j.kop }} {% if j.toegekend %}{{ j.bedrag }}{% endif %}",
                   "{%p for x in j.regels %}", "{{ x }}", "{%p endfor %}", "{%p endfor %}",
                   "{% for i in range(3) %}-{% endfor %}", "{{ juridisch_kader|join('; ') }}")
    assert controleer_sjabloon(sj) == []
    onbekend = _sjabloon(tmp_path / "onbekend.docx", "{%p for j in jaren %}", "{{ j.kostenplaats }}",
                         "{%p endfor %}")
    (melding,) = controleer_sjabloon(onbekend)
    assert "kostenplaats" in melding and "niet kent" in melding


@pytest.mark.traag
def test_zip_bom_als_sjabloon(tmp_path, martin_pdf):
    import zipfile
    sj = _sjabloon(tmp_path / "bom.docx", "{{ gemeente }}")
    with zipfile.ZipFile(sj, "a", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/media/bom.bin", b"\0" * (200 * 1024 * 1024))
    assert sj.stat().st_size < 2 * 1024 * 1024
    code, _, fout, duur = _beschikking(tmp_path, martin_pdf, "--map", tmp_path / "uit", "--sjabloon", sj,
                                       "--vandaag", "2024-10-01")
    assert code == 2 and "zip-bom" in fout and duur < 20


@pytest.mark.parametrize("bron", ["{{ cycler.__init__.__globals__ }}", "{{ ''.__class__.__mro__ }}",
                                  "{{ 'A' * 2000000000 }}", "{% for i in range(10**8) %}{% endfor %}",
                                  "{% for i in range(100000000) %}{% endfor %}", "{{ gemeente.upper() }}",
                                  "{% for a in jaren %}{% for b in range(1000) %}{% for c in range(1000) %}"
                                  "{% endfor %}{% endfor %}{% endfor %}"])
def test_ook_zonder_de_controle_vooraf_houdt_de_sandbox_het_tegen(monkeypatch, bron):
    """Laag 2 op zichzelf: als de controle vooraf iets zou missen, weigert de sandbox het tijdens het invullen."""
    from jinja2.exceptions import SecurityError, UndefinedError

    from avdesk.export import zandbak
    monkeypatch.setattr(zandbak._Controle, "template", lambda self, boom: None)
    env = zandbak.Zandbak({"gemeente", "jaren"}, {"jaren"})
    begin = time.monotonic()
    with pytest.raises((zandbak.NietToegestaan, SecurityError, UndefinedError)):
        env.from_string(bron).render(env.context({"gemeente": "x", "jaren": [{"jaar": 2024}]}))
    assert time.monotonic() - begin < 10


@pytest.mark.traag
def test_instelling_keurt_het_sjabloon_bij_het_kiezen(tmp_path, avdesk_cli):
    """Een vijandig sjabloon wordt al geweigerd als het in de instellingen wordt gekozen (niet pas bij de brief)."""
    env = {"AVDESK_DATA": str(tmp_path / "gemeente"), "AVDESK_WACHTWOORD": "geheim-ww"}
    kwaad = _sjabloon(tmp_path / "huisstijl.docx", "{{ cycler.__init__.__globals__.os.popen('id').read() }}")
    r = avdesk_cli("instellingen", "beschikking_sjabloon", str(kwaad), env=env)
    assert r.returncode == 2 and "uid=" not in r.stdout.decode() + r.stderr.decode()
    assert "sjabloon" in r.stderr.decode().lower()
    goed = tmp_path / "goed.docx"
    goed.write_bytes(standaard_sjabloon().read_bytes())
    assert avdesk_cli("instellingen", "beschikking_sjabloon", str(goed), env=env).returncode == 0
    assert avdesk_cli("instellingen", "beschikking_sjabloon", env=env).stdout.decode().strip().endswith("goed.docx")
