"""`avdesk pdf`: uit een casusbestand naar een map, of uit een dossier (en dan ook versleuteld in het dossier)."""

import hashlib
from datetime import date

import pytest
from pdfhulp import pdftekst

from avdesk.store.opslag import Opslag


@pytest.mark.traag
def test_pdf_uit_casus(tmp_path, avdesk_cli):
    r = avdesk_cli("pdf", "tests/scenarios/martin_hanna_2024.json", "--map", tmp_path / "uit")
    assert r.returncode == 0, r.stderr.decode()
    vandaag = date.today().isoformat()
    namen = [f"avdesk-aanvraag-{vandaag}.pdf", f"avdesk-berekening-{vandaag}.pdf"]
    assert sorted(p.name for p in (tmp_path / "uit").iterdir()) == namen
    assert "niet versleuteld" in r.stderr.decode()
    assert (tmp_path / "uit" / namen[0]).read_bytes().startswith(b"%PDF")
    # Nog eens in dezelfde map: niets wordt vervangen, de nieuwe krijgen -2
    oud = {n: (tmp_path / "uit" / n).read_bytes() for n in namen}
    r = avdesk_cli("pdf", "tests/scenarios/martin_hanna_2024.json", "--map", tmp_path / "uit")
    assert r.returncode == 0, r.stderr.decode()
    assert sorted(p.name for p in (tmp_path / "uit").iterdir()) == sorted(
        namen + [f"avdesk-aanvraag-{vandaag}-2.pdf", f"avdesk-berekening-{vandaag}-2.pdf"])
    assert all((tmp_path / "uit" / n).read_bytes() == inhoud for n, inhoud in oud.items())


def test_zonder_toestemming_of_bsn_geen_aanvraag_wel_concept(tmp_path, avdesk_cli):
    r = avdesk_cli("pdf", "tests/scenarios/irene_sergio_2023.json", "--map", tmp_path / "uit")
    assert r.returncode == 2, r.stderr.decode()
    fout = r.stderr.decode()
    assert "Er is geen aanvraag gemaakt" in fout
    for stuk in ("toestemming", "burgerservicenummer (BSN) van de aanvrager", "adres van de aanvrager", "IBAN"):
        assert stuk in fout, stuk
    (pdf,) = (tmp_path / "uit").iterdir()
    assert pdf.name.startswith("avdesk-berekening-")
    tekst = pdftekst(pdf.read_bytes())
    n = tekst.count("pagina ")
    assert tekst.count("CONCEPT: nog geen aanvraag") == n >= 1
    assert "Concept: er is nog geen aanvraag gemaakt" in tekst


@pytest.mark.traag
def test_pdf_uit_dossier_wordt_in_het_dossier_bewaard(tmp_path, avdesk_cli):
    env = {"AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": "geheim-ww"}
    assert avdesk_cli("import", "tests/scenarios/martin_hanna_2024.json", env=env).returncode == 0
    r = avdesk_cli("pdf", "--dossier", "1", "--map", tmp_path / "uit", env=env)
    assert r.returncode == 0, r.stderr.decode()
    with Opslag.open(tmp_path / "d", "geheim-ww") as o:
        docs = o.documenten(1)
        assert sorted(d["soort"] for d in docs) == ["aanvraag", "berekening"]
        for d in docs:
            geschreven = (tmp_path / "uit" / d["bestandsnaam"]).read_bytes()
            assert hashlib.sha256(geschreven).hexdigest() == d["sha256"]
        assert "document gemaakt: aanvraag" in [a["actie"] for a in o.auditlog()]
        assert sorted(d["bestandsnaam"] for d in docs) == [f"avdesk-1-{s}-{date.today().isoformat()}.pdf"
                                                          for s in ("aanvraag", "berekening")]
    # Nog eens: dezelfde (bewaarde) documenten, geen nieuwe
    assert avdesk_cli("pdf", "--dossier", "1", "--map", tmp_path / "uit2", env=env).returncode == 0
    with Opslag.open(tmp_path / "d", "geheim-ww") as o:
        assert len(o.documenten(1)) == 2


def test_pdf_fouten(tmp_path, avdesk_cli):
    r = avdesk_cli("pdf", "--map", tmp_path)
    assert r.returncode == 2 and "een van beide" in r.stderr.decode()
    slecht = tmp_path / "x.json"
    slecht.write_text("{}")
    r = avdesk_cli("pdf", slecht, "--map", tmp_path / "uit")
    assert r.returncode == 2 and "formaat" in r.stderr.decode() and not (tmp_path / "uit").exists()
    r = avdesk_cli("pdf", "--dossier", "5", "--map", tmp_path / "uit",
                   env={"AVDESK_DATA": str(tmp_path / "leeg"), "AVDESK_WACHTWOORD": "x"})
    assert r.returncode == 2 and "nog geen dossiers" in r.stderr.decode()
