"""De berekening-PDF bewijst zichzelf: casus en berekening zitten erin als ingebedde JSON, met een vingerafdruk op
elke pagina; `avdesk controleer` rekent opnieuw en vergelijkt."""

import json
import subprocess
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from avdesk.core.casus import lees_casus
from avdesk.export import bewijs
from avdesk.export.documenten import maak_documenten
from pdfhulp import pdftekst

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def drie_jaren():
    c = lees_casus((ROOT / "tests/scenarios/drie_jaren.json").read_bytes())
    return maak_documenten(c, gemaakt=date(2024, 9, 20))


def test_ingebed_en_vingerafdruk_op_elke_pagina(drie_jaren, tmp_path):
    pdf = drie_jaren["berekening"]
    pad = tmp_path / "b.pdf"
    pad.write_bytes(pdf)
    lijst = subprocess.run(["pdfdetach", "-list", str(pad)], capture_output=True, check=True).stdout.decode()
    assert "avdesk-casus.json" in lijst and "avdesk-berekening.json" in lijst
    bijlagen = PdfReader(BytesIO(pdf)).attachments
    casus = json.loads(bijlagen["avdesk-casus.json"][0])
    berekening = json.loads(bijlagen["avdesk-berekening.json"][0])
    assert casus["formaat"] == "avdesk-casus/1" and berekening["formaat"] == "avdesk-berekening/1"
    assert berekening["peildatum"] == "2024-09-20"
    afdruk = bewijs.vingerafdruk(bijlagen["avdesk-casus.json"][0], bijlagen["avdesk-berekening.json"][0])
    tekst = pdftekst(pdf)
    assert tekst.count(f"vingerafdruk {afdruk}") == len(PdfReader(BytesIO(pdf)).pages)


def test_controleer_onaangeroerd_klopt(drie_jaren, tmp_path, avdesk_cli):
    pad = tmp_path / "b.pdf"
    pad.write_bytes(drie_jaren["berekening"])
    r = avdesk_cli("controleer", pad)
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout.decode().startswith("klopt") and "peildatum 20-09-2024" in r.stdout.decode()


def _vervals(pdf: bytes, wijzig) -> bytes:
    """Vervang de ingebedde casus door een gewijzigde (zoals iemand met een PDF-programma zou doen)."""
    lezer = PdfReader(BytesIO(pdf))
    bijlagen = {k: v[0] for k, v in lezer.attachments.items()}
    casus = json.loads(bijlagen["avdesk-casus.json"])
    wijzig(casus)
    schrijver = PdfWriter(clone_from=lezer)
    del schrijver.root_object["/Names"]
    schrijver.add_attachment("avdesk-casus.json", json.dumps(casus, indent=2).encode())
    schrijver.add_attachment("avdesk-berekening.json", bijlagen["avdesk-berekening.json"])
    schrijver.add_metadata({"/Keywords": lezer.metadata["/Keywords"]})
    uit = BytesIO()
    schrijver.write(uit)
    return uit.getvalue()


def test_controleer_gewijzigde_huur_afgewezen(drie_jaren, tmp_path, avdesk_cli):
    def hogere_huur(casus):
        casus["jaren"][2]["perioden"][0]["huur"]["kale_huur"] = 760
    pad = tmp_path / "vervalst.pdf"
    pad.write_bytes(_vervals(drie_jaren["berekening"], hogere_huur))
    r = avdesk_cli("controleer", pad)
    fout = r.stderr.decode()
    assert r.returncode == 1, fout
    assert "De vingerafdruk klopt niet" in fout
    assert "2024, januari 2024 t/m juni 2024, bij alleen bijstand, huurtoeslag: € 399,00 -> € 423,00" in fout
    assert "compensatie over het jaar" in fout


def test_controleer_andere_pdf_exit_2(drie_jaren, tmp_path, avdesk_cli):
    vreemd = PdfWriter()
    vreemd.add_blank_page(200, 200)
    pad = tmp_path / "vreemd.pdf"
    with pad.open("wb") as f:
        vreemd.write(f)
    r = avdesk_cli("controleer", pad)
    assert r.returncode == 2 and "geen berekening van avdesk" in r.stderr.decode()
    (tmp_path / "aanvraag.pdf").write_bytes(drie_jaren["aanvraag"])
    r = avdesk_cli("controleer", tmp_path / "aanvraag.pdf")
    assert r.returncode == 2 and "zonder ingebedde casus en berekening" in r.stderr.decode()
    (tmp_path / "geen.pdf").write_text("hallo")
    r = avdesk_cli("controleer", tmp_path / "geen.pdf")
    assert r.returncode == 2 and "geen PDF" in r.stderr.decode()
