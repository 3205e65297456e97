"""Het lege handtekeningveld in de aanvraag is echt te ondertekenen: pyHanko tekent het met een testcertificaat
en de handtekening is daarna intact (integriteit en dekking van het document)."""

import datetime
from io import BytesIO
from pathlib import Path

from asn1crypto import keys as a_keys, x509 as a_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from avdesk.core.casus import lees_casus
from avdesk.export.documenten import maak_documenten

ROOT = Path(__file__).resolve().parents[2]


def maak_ondertekenaar():
    sleutel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    naam = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Testaanvrager")])
    nu = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(naam).issuer_name(naam).public_key(sleutel.public_key())
            .serial_number(1).not_valid_before(nu - datetime.timedelta(days=1))
            .not_valid_after(nu + datetime.timedelta(days=30)).sign(sleutel, hashes.SHA256()))
    a_cert = a_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    a_key = a_keys.PrivateKeyInfo.load(sleutel.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                                             serialization.NoEncryption()))
    return signers.SimpleSigner(signing_cert=a_cert, signing_key=a_key,
                                cert_registry=SimpleCertificateStore.from_certs([a_cert]))


def test_aanvrager_kan_digitaal_tekenen():
    c = lees_casus((ROOT / "tests/scenarios/martin_hanna_2024.json").read_bytes())
    pdf = maak_documenten(c)["aanvraag"]
    ondertekenaar = maak_ondertekenaar()
    uit = BytesIO()
    signers.sign_pdf(IncrementalPdfFileWriter(BytesIO(pdf)),
                     signers.PdfSignatureMetadata(field_name="HandtekeningAanvrager"),
                     signer=ondertekenaar, output=uit)
    lezer = PdfFileReader(BytesIO(uit.getvalue()))
    (handtekening,) = lezer.embedded_signatures
    assert handtekening.field_name == "HandtekeningAanvrager"
    status = validate_pdf_signature(handtekening, ValidationContext(trust_roots=[ondertekenaar.signing_cert]))
    assert status.intact and status.valid and status.trusted
    assert status.coverage.name == "ENTIRE_FILE"


def test_beide_velden_na_elkaar_te_tekenen():
    """Eerst de aanvrager, dan de partner (incrementeel): beide handtekeningen blijven geldig."""
    c = lees_casus((ROOT / "tests/scenarios/drie_jaren.json").read_bytes())
    pdf = maak_documenten(c)["aanvraag"]
    ondertekenaar = maak_ondertekenaar()
    for veld in ("HandtekeningAanvrager", "HandtekeningPartner"):
        uit = BytesIO()
        signers.sign_pdf(IncrementalPdfFileWriter(BytesIO(pdf)), signers.PdfSignatureMetadata(field_name=veld),
                         signer=ondertekenaar, output=uit)
        pdf = uit.getvalue()
    lezer = PdfFileReader(BytesIO(pdf))
    assert [h.field_name for h in lezer.embedded_signatures] == ["HandtekeningAanvrager", "HandtekeningPartner"]
    for h in lezer.embedded_signatures:
        status = validate_pdf_signature(h, ValidationContext(trust_roots=[ondertekenaar.signing_cert]))
        assert status.intact and status.valid
    assert lezer.embedded_signatures[-1].coverage.name == "ENTIRE_FILE"
