"""Het gemeentevenster alleen met het toetsenbord, op een laptop van 1366x768 en op 1920x1080 bij 150% (issue 20,
'Must show'): een getekend paar ontvangen, een lijst inlezen (en vervangen na bevestiging), controleren, een versie
vastzetten, en een toekenning, een afwijzing met reden en een buiten behandeling beslissen. De wandeling zelf staat
in gemeente_wandeling.py en draait als eigen proces (het scherm moet er zijn voordat Qt start); het venster komt
van de echte start (avdesk.ui.app.start) in de werkwijze die `avdesk instellingen` zette. De schermafdrukken komen
in de tijdelijke map (AVDESK_AFDRUKKEN=map bewaart ze daar)."""

import datetime
import json
import os
import shutil
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _ondertekenaar(naam: str):
    from asn1crypto import keys as a_keys, x509 as a_x509
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore
    sleutel = ec.generate_private_key(ec.SECP256R1())
    onderwerp = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, naam)])
    nu = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(onderwerp).issuer_name(onderwerp).public_key(sleutel.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(nu - datetime.timedelta(days=1))
            .not_valid_after(nu + datetime.timedelta(days=30)).sign(sleutel, hashes.SHA256()))
    a_cert = a_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    a_key = a_keys.PrivateKeyInfo.load(sleutel.private_bytes(serialization.Encoding.DER,
                                                             serialization.PrivateFormat.PKCS8,
                                                             serialization.NoEncryption()))
    return signers.SimpleSigner(signing_cert=a_cert, signing_key=a_key,
                                cert_registry=SimpleCertificateStore.from_certs([a_cert]))


def _teken(pdf: bytes) -> bytes:
    """Beide handtekeningvelden van de aanvraag, na elkaar (incrementeel), zoals aanvrager en partner dat doen."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    for veld, naam in (("HandtekeningAanvrager", "Martin"), ("HandtekeningPartner", "Hanna")):
        uit = BytesIO()
        signers.sign_pdf(IncrementalPdfFileWriter(BytesIO(pdf)), signers.PdfSignatureMetadata(field_name=veld),
                         signer=_ondertekenaar(naam), output=uit)
        pdf = uit.getvalue()
    return pdf


@pytest.fixture(scope="module")
def stukken(tmp_path_factory):
    """De stukken die de raadsman stuurt (getekend paar, later een gewijzigde berekening) en twee lijsten 2024."""
    from datetime import date

    from avdesk.core.casus import lees_casus
    from avdesk.export.documenten import maak_documenten
    map_ = tmp_path_factory.mktemp("stukken")
    ruw = json.loads((ROOT / "tests/scenarios/martin_hanna_2024.json").read_text())
    docs = maak_documenten(lees_casus(json.dumps(ruw).encode()), gemaakt=date(2024, 9, 20), dossier_id=12)
    (map_ / "berekening.pdf").write_bytes(docs["berekening"])
    (map_ / "aanvraag.pdf").write_bytes(_teken(docs["aanvraag"]))
    ruw["jaren"][0]["perioden"][0]["netto_inkomen_per_maand"] = 1586.0         # de raadsman corrigeert
    docs2 = maak_documenten(lees_casus(json.dumps(ruw).encode()), gemaakt=date(2024, 9, 20), dossier_id=12)
    (map_ / "berekening2.pdf").write_bytes(docs2["berekening"])
    (map_ / "doelgroeplijst-2024.csv").write_text("BSN;Jaar\n123456782;2024\n111111110;2024\n111111122;2024\n"
                                                  "111111134;2024\n111111146;2024\n")
    (map_ / "doelgroeplijst-2024-nieuw.csv").write_text("BSN;Jaar\n123456782;2024\n111111158;2024\n"
                                                        "111111171;2024\n")
    return map_


def _scherm(map_: Path, breedte: int, hoogte: int) -> str:
    config = map_ / "scherm.json"
    config.write_text(json.dumps({"screens": [{"name": "avdesk", "x": 0, "y": 0, "width": breedte, "height": hoogte,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    return f"offscreen:configfile={config}"


@pytest.mark.parametrize("scherm, schaal", [((1366, 768), None), ((1920, 1080), "1.5")], ids=["1366x768", "150%"])
@pytest.mark.traag
def test_gemeente_met_alleen_het_toetsenbord(tmp_path, stukken, avdesk_cli, scherm, schaal):
    werk = tmp_path / "stukken"
    shutil.copytree(stukken, werk)
    (werk / "brieven").mkdir()                           # de map voor de brieven (de medewerker kiest een bestaande)
    env = {**os.environ, "AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": "wandeling-wachtwoord"}
    for sleutel, waarde in (("werkwijze", "gemeente"), ("exportmap", str(werk))):
        r = avdesk_cli("instellingen", sleutel, waarde, env=env)
        assert r.returncode == 0, r.stderr.decode()
    afdrukken = Path(os.environ.get("AVDESK_AFDRUKKEN") or tmp_path / "afdrukken") / (
        f"{scherm[0]}x{scherm[1]}" + (f"-{schaal}" if schaal else ""))
    afdrukken.mkdir(parents=True, exist_ok=True)
    env["QT_QPA_PLATFORM"] = _scherm(tmp_path, *scherm)
    if schaal:
        env["QT_SCALE_FACTOR"] = schaal
    r = subprocess.run([sys.executable, str(Path(__file__).with_name("gemeente_wandeling.py")), str(werk),
                        str(afdrukken)], capture_output=True, text=True, timeout=300, cwd=ROOT, env=env)
    assert r.returncode == 0, (r.stdout[-3000:], r.stderr[-6000:])
    assert "Traceback" not in r.stderr, r.stderr[-6000:]
    pngs = sorted(afdrukken.glob("*.png"))
    assert len(pngs) >= 14
    from PIL import Image
    for png in pngs:                                     # elk venster past op het scherm (min de titelbalk)
        b, h = Image.open(png).size
        assert b <= scherm[0] and h <= scherm[1] - 40 * float(schaal or 1), (png.name, b, h)
