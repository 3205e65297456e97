"""`avdesk pdf`: uit een casusbestand naar een map, of uit een dossier (en dan ook versleuteld in het dossier)."""

import hashlib

from avdesk.store.opslag import Opslag


def test_pdf_uit_casus(tmp_path, avdesk_cli):
    r = avdesk_cli("pdf", "tests/scenarios/martin_hanna_2024.json", "--map", tmp_path / "uit")
    assert r.returncode == 0, r.stderr.decode()
    assert sorted(p.name for p in (tmp_path / "uit").iterdir()) == ["aanvraag.pdf", "berekening.pdf"]
    assert "niet versleuteld" in r.stderr.decode()
    assert (tmp_path / "uit" / "aanvraag.pdf").read_bytes().startswith(b"%PDF")


def test_pdf_uit_dossier_wordt_in_het_dossier_bewaard(tmp_path, avdesk_cli):
    env = {"AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": "geheim"}
    assert avdesk_cli("import", "tests/scenarios/irene_sergio_2023.json", env=env).returncode == 0
    r = avdesk_cli("pdf", "--dossier", "1", "--map", tmp_path / "uit", env=env)
    assert r.returncode == 0, r.stderr.decode()
    with Opslag.open(tmp_path / "d", "geheim") as o:
        docs = o.documenten(1)
        assert sorted(d["soort"] for d in docs) == ["aanvraag", "berekening"]
        for d in docs:
            geschreven = (tmp_path / "uit" / d["bestandsnaam"]).read_bytes()
            assert hashlib.sha256(geschreven).hexdigest() == d["sha256"]
        assert "document gemaakt: aanvraag" in [a["actie"] for a in o.auditlog()]
    # Nog eens: dezelfde (bewaarde) documenten, geen nieuwe
    assert avdesk_cli("pdf", "--dossier", "1", "--map", tmp_path / "uit2", env=env).returncode == 0
    with Opslag.open(tmp_path / "d", "geheim") as o:
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
