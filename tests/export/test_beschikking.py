"""`avdesk beschikking` (issue 17): een concept beschikking als Word-bestand, uit het standaardsjabloon of een eigen
sjabloon van de gemeente; een sjabloon met een onbekend veld geeft een Nederlandse melding en geen document."""

import json
import shutil
import subprocess
from datetime import date
from pathlib import Path

import docx
import pytest

from avdesk.core.casus import lees_casus
from avdesk.export.documenten import maak_documenten

ROOT = Path(__file__).resolve().parents[2]
SCEN = ROOT / "tests" / "scenarios"


def tekst(pad: Path) -> str:
    d = docx.Document(str(pad))
    delen = [p.text for p in d.paragraphs]
    delen += [p.text for s in d.sections for p in s.footer.paragraphs]
    return "\n".join(delen)


def _env(tmp_path) -> dict:
    return {"AVDESK_DATA": str(tmp_path / "gemeente"), "AVDESK_WACHTWOORD": "geheim-ww"}


@pytest.fixture(scope="module")
def martin_pdf(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("martin")
    c = lees_casus((SCEN / "martin_hanna_2024.json").read_bytes())
    docs = maak_documenten(c, gemaakt=date(2024, 9, 20), dossier_id=12)
    (map_ / "berekening.pdf").write_bytes(docs["berekening"])
    (map_ / "aanvraag.pdf").write_bytes(docs["aanvraag"])
    return map_ / "berekening.pdf"


def test_martin_en_hanna_2024(tmp_path, martin_pdf, avdesk_cli):
    r = avdesk_cli("beschikking", martin_pdf, "--map", tmp_path / "uit", env=_env(tmp_path))
    assert r.returncode == 0, r.stderr.decode()
    (pad,) = (tmp_path / "uit").glob("*.docx")
    assert pad.name.startswith("avdesk-beschikking-AV-12-20240915-658722-") and str(pad) in r.stdout.decode()
    t = tekst(pad)                                   # opent in python-docx zonder fouten
    assert "€ 716,00" in t and "artikel 35 Participatiewet" in t
    assert "bezwaarschrift" in t and "binnen zes weken" in t and "6:7" in t
    assert "€ 32,00 in één keer, voor januari 2024 tot en met augustus 2024" in t
    assert "€ 171,00 per maand, over september 2024 tot en met december 2024 (4 maanden)" in t
    assert "€ 408,00 voor uw huurkosten en € 308,00 voor uw zorgpremie" in t
    assert "In deze maanden kreeg u aanvullende bijstand" in t             # de toets aan het bestaansminimum
    assert "bruto € 12.124,00 per persoon per jaar" in t                  # het referentiehuishouden
    assert "Handreiking handelingsperspectief alleenverdienersproblematiek" in t
    assert "Beste Martin en Hanna," in t and "Lindelaan 12" in t and "Kenmerk AV-12-20240915-658722" in t
    assert "{{" not in t and "{%" not in t


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice (soffice) is niet geïnstalleerd")
def test_opent_in_libreoffice(tmp_path, martin_pdf, avdesk_cli):
    avdesk_cli("beschikking", martin_pdf, "--map", tmp_path, env=_env(tmp_path))
    (pad,) = tmp_path.glob("*.docx")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(pad)], capture_output=True, timeout=120, check=True)
    pdf = pad.with_suffix(".pdf")
    uit = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True).stdout.decode()
    assert "€ 716,00" in uit and "bezwaarschrift" in uit


def _sjabloon(pad: Path, *regels: str) -> Path:
    d = docx.Document()
    for r in regels:
        d.add_paragraph(r)
    d.save(str(pad))
    return pad


@pytest.mark.traag
def test_eigen_sjabloon_met_onbekend_veld(tmp_path, martin_pdf, avdesk_cli):
    sj = _sjabloon(tmp_path / "huisstijl.docx", "{{ gemeente }}", "Beste {{ aan_naam }},", "{{ klantnummer }}")
    r = avdesk_cli("beschikking", martin_pdf, "--map", tmp_path / "uit", "--sjabloon", sj, env=_env(tmp_path))
    fout = r.stderr.decode()
    assert r.returncode == 2 and "Geen beschikking gemaakt" in fout
    assert "gebruikt een veld dat avdesk niet kent: {{ klantnummer }}" in fout and "er is geen beschikking gemaakt" in fout
    assert "Traceback" not in fout and not list(tmp_path.rglob("*beschikking*.docx"))
    # Een onbekend veld per jaar (j.iets) vindt avdesk bij het invullen.
    sj2 = _sjabloon(tmp_path / "jaar.docx", "{%p for j in jaren %}", "{{ j.kostenplaats }}", "{%p endfor %}")
    r = avdesk_cli("beschikking", martin_pdf, "--map", tmp_path / "uit", "--sjabloon", sj2, env=_env(tmp_path))
    assert r.returncode == 2 and "kostenplaats" in r.stderr.decode() and "niet kent" in r.stderr.decode()
    kapot = tmp_path / "kapot.docx"
    kapot.write_bytes(b"geen word")
    r = avdesk_cli("beschikking", martin_pdf, "--map", tmp_path / "uit", "--sjabloon", kapot, env=_env(tmp_path))
    assert r.returncode == 2 and "geen Word-bestand" in r.stderr.decode()
    assert not list(tmp_path.rglob("*beschikking*.docx"))


@pytest.mark.traag
def test_eigen_sjabloon_via_instelling(tmp_path, martin_pdf, avdesk_cli):
    sj = _sjabloon(tmp_path / "huisstijl.docx", "HUISSTIJL {{ gemeente }}", "{{ onderwerp }}: {{ totaal }}",
                   "{%p for j in jaren %}", "{{ j.jaar }} {{ j.bedrag }} {{ j.grondslag }}", "{%p endfor %}")
    from avdesk.store.opslag import Opslag
    with Opslag.open(tmp_path / "gemeente", "geheim-ww") as o:
        o.zet_instelling("beschikking_sjabloon", str(sj))
        o.zet_instelling("gemeente_naam", "Gemeente Leiderdorp")
        o.zet_instelling("beleidsregel", "de Beleidsregels bijzondere bijstand alleenverdieners Leiderdorp 2024")
    r = avdesk_cli("beschikking", martin_pdf, "--map", tmp_path / "uit", env=_env(tmp_path))
    assert r.returncode == 0, r.stderr.decode()
    t = tekst(next((tmp_path / "uit").glob("*.docx")))
    assert "HUISSTIJL Gemeente Leiderdorp" in t and "U krijgt bijzondere bijstand voor alleenverdieners: € 716,00" in t
    assert "2024 € 716,00 artikel 35 Participatiewet (bijzondere bijstand), met de Beleidsregels" in t


def test_buiten_behandeling(tmp_path, martin_pdf, avdesk_cli):
    r = avdesk_cli("beschikking", martin_pdf, "--map", tmp_path, "--besluit", "buiten-behandeling",
                   "--hersteltermijn", "2024-10-15", "--ontbrak", "de loonstroken van augustus 2024",
                   env=_env(tmp_path))
    assert r.returncode == 0, r.stderr.decode()
    t = tekst(next(tmp_path.glob("*.docx")))
    assert "We nemen uw aanvraag niet in behandeling" in t and "artikel 4:5" in t and "15-10-2024" in t
    assert "de loonstroken van augustus 2024" in t and "€ 716,00" not in t
    r = avdesk_cli("beschikking", martin_pdf, "--map", tmp_path, "--hersteltermijn", "15-10-2024", env=_env(tmp_path))
    assert r.returncode == 2 and "geen datum" in r.stderr.decode()


@pytest.mark.traag
def test_namen_met_tekens_die_xml_breken(tmp_path, avdesk_cli):
    d = json.loads((SCEN / "martin_hanna_2024.json").read_text())
    d["aanvrager"]["naam"] = "Martin & <Zoon> \"de\" 'Jong'"
    docs = maak_documenten(lees_casus(json.dumps(d)), gemaakt=date(2024, 9, 20))
    (tmp_path / "b.pdf").write_bytes(docs["berekening"])
    r = avdesk_cli("beschikking", tmp_path / "b.pdf", "--map", tmp_path / "uit", env=_env(tmp_path))
    assert r.returncode == 0, r.stderr.decode()
    assert "Beste Martin & <Zoon> \"de\" 'Jong' en Hanna," in tekst(next((tmp_path / "uit").glob("*.docx")))


@pytest.mark.traag
def test_zelfmelder_op_de_lijst_wordt_afwijzing(tmp_path, avdesk_cli):
    from test_ontvang import _wtrap_casus
    c = lees_casus(json.dumps(_wtrap_casus()))
    docs = maak_documenten(c, gemaakt=date(2027, 2, 10))
    (tmp_path / "b.pdf").write_bytes(docs["berekening"])
    (tmp_path / "a.pdf").write_bytes(docs["aanvraag"])
    env = _env(tmp_path)
    (tmp_path / "lijst.csv").write_text("12345672\n")
    assert avdesk_cli("doelgroeplijst", "importeer", tmp_path / "lijst.csv", "--jaar", "2026", env=env).returncode == 0
    assert avdesk_cli("ontvang", tmp_path / "b.pdf", tmp_path / "a.pdf", env=env).returncode == 1
    # Zonder --besluit kiest avdesk geen afwijzing (issue 20): exit 2, met de reden en hoe te beslissen.
    r = avdesk_cli("beschikking", "--dossier", "1", "--map", tmp_path / "uit", "--vandaag", "2027-03-01", env=env)
    assert r.returncode == 2 and "Op de doelgroepselectielijst 2026 (partner)" in r.stderr.decode()
    assert "--besluit afwijzing --reden" in r.stderr.decode() and not (tmp_path / "uit").exists()
    r = avdesk_cli("beschikking", "--dossier", "1", "--map", tmp_path / "uit", "--vandaag", "2027-03-01",
                   "--besluit", "afwijzing", env=env)
    assert r.returncode == 0, r.stderr.decode()
    t = tekst(next((tmp_path / "uit").glob("*.docx")))
    assert "U krijgt geen vaste tegemoetkoming voor alleenverdieners" in t and "Twee keer kan niet" in t
    assert "artikel 78gg" in t and "Blokkeert: Op de doelgroepselectielijst 2026 (partner)" in t
    from avdesk.store import ontvangen
    from avdesk.store.opslag import Opslag
    with Opslag.open(tmp_path / "gemeente", "geheim-ww", maak=False) as o:
        (d,) = ontvangen.ontvangen_dossiers(o)
        assert d["beschikking"].startswith("concept afwijzing")
        assert any(x["soort"] == "beschikking (concept)" for x in o.documenten(1))
