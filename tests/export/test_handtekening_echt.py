"""De handtekeningen in een ontvangen aanvraag worden nagekeken, niet geteld (issue 20, punt 6): per veld geldig
(naam uit het certificaat), getekend maar daarna gewijzigd (en wat), ongeldig, of niet getekend. Aanvraag en
berekening horen bij elkaar door de vingerafdruk van de berekening op elke pagina van de aanvraag."""

import datetime
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from asn1crypto import keys as a_keys, x509 as a_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pypdf import PdfReader

from avdesk.core.casus import lees_casus
from avdesk.export import bewijs
from avdesk.export.documenten import maak_documenten
from avdesk.export.ontvangst import NietOntvangen, lees

ROOT = Path(__file__).resolve().parents[2]


def ondertekenaar(naam: str):
    """Een zelfondertekend testcertificaat met deze naam (common name), gemaakt in de test."""
    sleutel = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    onderwerp = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, naam)])
    nu = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(onderwerp).issuer_name(onderwerp).public_key(sleutel.public_key())
            .serial_number(7).not_valid_before(nu - datetime.timedelta(days=1))
            .not_valid_after(nu + datetime.timedelta(days=30)).sign(sleutel, hashes.SHA256()))
    a_cert = a_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))
    a_key = a_keys.PrivateKeyInfo.load(sleutel.private_bytes(serialization.Encoding.DER,
                                                             serialization.PrivateFormat.PKCS8,
                                                             serialization.NoEncryption()))
    return signers.SimpleSigner(signing_cert=a_cert, signing_key=a_key,
                                cert_registry=SimpleCertificateStore.from_certs([a_cert]))


def teken(pdf: bytes, veld: str, wie) -> bytes:
    uit = BytesIO()
    signers.sign_pdf(IncrementalPdfFileWriter(BytesIO(pdf)), signers.PdfSignatureMetadata(field_name=veld),
                     signer=wie, output=uit)
    return uit.getvalue()


@pytest.fixture(scope="module")
def martin():
    c = lees_casus((ROOT / "tests/scenarios/martin_hanna_2024.json").read_bytes())
    return maak_documenten(c, gemaakt=date(2024, 9, 20), dossier_id=12)


@pytest.fixture(scope="module")
def beide_getekend(martin):
    pdf = teken(martin["aanvraag"], "HandtekeningAanvrager", ondertekenaar("Martin Certificaathouder"))
    return teken(pdf, "HandtekeningPartner", ondertekenaar("Hanna Certificaathouder"))


def _status(uitkomst) -> dict:
    return {h["veld"]: h["status"] for h in uitkomst["handtekeningen"]}


def test_aanvraag_draagt_de_vingerafdruk_van_de_berekening(martin):
    bijlagen = PdfReader(BytesIO(martin["berekening"])).attachments
    afdruk = bewijs.vingerafdruk(bijlagen["avdesk-casus.json"][0], bijlagen["avdesk-berekening.json"][0])
    lezer = PdfReader(BytesIO(martin["aanvraag"]))
    for p in lezer.pages:
        assert f"vingerafdruk {afdruk}" in p.extract_text()
    assert f"avdeskvingerafdruk{afdruk}" in lezer.metadata["/Keywords"]


def test_beide_geldig_getekend(martin, beide_getekend):
    _, u = lees(martin["berekening"], beide_getekend)
    assert _status(u) == {"HandtekeningAanvrager": "geldig", "HandtekeningPartner": "geldig"}
    tekst = "\n".join(u["regels"])
    assert "geldig getekend door Martin Certificaathouder op" in tekst
    assert "geldig getekend door Hanna Certificaathouder op" in tekst
    assert "beoordeelt de gemeente" in tekst                  # vertrouwen in het certificaat: niet door avdesk
    assert not u["blokkerend"], u["blokkerend"]
    h = u["handtekeningen"][0]
    assert h["ondertekenaar"] == "Martin Certificaathouder" and h["datum"][:4].isdigit() and "T" in h["datum"]
    assert u["vingerafdruk"] == u["controle"]["regels"][0].split("vingerafdruk ")[1][:12]


def test_naam_komt_uit_het_certificaat_niet_uit_het_label(martin):
    """Het veld heet 'Handtekening aanvrager: Martin'; wie het certificaat heeft, is iemand anders."""
    pdf = teken(martin["aanvraag"], "HandtekeningAanvrager", ondertekenaar("Iemand Anders"))
    _, u = lees(martin["berekening"], pdf)
    (h,) = [x for x in u["handtekeningen"] if x["status"] == "geldig"]
    assert h["ondertekenaar"] == "Iemand Anders" and "Iemand Anders" in h["tekst"] and "Martin" not in h["tekst"]


def test_leeg_veld_is_let_op_niet_blokkerend(martin):
    pdf = teken(martin["aanvraag"], "HandtekeningAanvrager", ondertekenaar("Martin"))
    _, u = lees(martin["berekening"], pdf)
    assert _status(u) == {"HandtekeningAanvrager": "geldig", "HandtekeningPartner": "niet_getekend"}
    assert any("niet getekend" in x and "met de pen" in x for x in u["let_op"])
    assert not u["blokkerend"]


def _iban_erover(pdf: bytes, iban: bytes) -> bytes:
    """Na het tekenen een incrementele update: een wit vlak en een ander rekeningnummer over pagina 1."""
    w = IncrementalPdfFileWriter(BytesIO(pdf))
    pagina = w.root["/Pages"].raw_get("/Kids")[0].get_object()
    laag = w.add_object(generic.StreamObject(
        stream_data=b"q 1 1 1 rg 200 600 150 12 re f Q BT /F9 9 Tf 200 602 Td (" + iban + b") Tj ET"))
    pagina["/Contents"] = generic.ArrayObject([pagina.raw_get("/Contents"), laag])
    letter = w.add_object(generic.DictionaryObject({generic.NameObject("/Type"): generic.NameObject("/Font"),
                                                    generic.NameObject("/Subtype"): generic.NameObject("/Type1"),
                                                    generic.NameObject("/BaseFont"): generic.NameObject("/Helvetica")}))
    bronnen = generic.DictionaryObject(pagina["/Resources"])
    letters = generic.DictionaryObject(bronnen["/Font"])
    letters[generic.NameObject("/F9")] = letter
    bronnen[generic.NameObject("/Font")] = letters
    pagina[generic.NameObject("/Resources")] = bronnen
    w.update_container(pagina)
    uit = BytesIO()
    w.write(uit)
    return uit.getvalue()


@pytest.mark.traag
def test_iban_veranderd_nadat_beiden_tekenden(martin, beide_getekend, tmp_path, avdesk_cli):
    vals = _iban_erover(beide_getekend, b"NL44RABO0123456789")
    _, u = lees(martin["berekening"], vals)
    assert _status(u) == {"HandtekeningAanvrager": "gewijzigd_na_tekenen", "HandtekeningPartner": "gewijzigd_na_tekenen"}
    blok = "\n".join(u["blokkerend"])
    assert "maar daarna gewijzigd: pagina 1" in blok or "maar daarna gewijzigd: de inhoud van pagina 1" in blok
    assert "Het rekeningnummer op de aanvraag verschilt van de berekening: op de aanvraag staat NL44RABO0123456789" in blok
    # en door de opdracht: exit 1, nooit 'geldig'
    (tmp_path / "b.pdf").write_bytes(martin["berekening"])
    (tmp_path / "a.pdf").write_bytes(vals)
    r = avdesk_cli("ontvang", tmp_path / "b.pdf", tmp_path / "a.pdf",
                   env={"AVDESK_DATA": str(tmp_path / "gemeente"), "AVDESK_WACHTWOORD": "geheim-ww"})
    uit = r.stdout.decode()
    assert r.returncode == 1, uit + r.stderr.decode()
    assert "geldig getekend" not in uit and "daarna gewijzigd" in uit


def _met_v(pdf: bytes, v) -> bytes:
    """Het aanvragersveld met deze /V, incrementeel (zoals een ander programma het zou schrijven)."""
    w = IncrementalPdfFileWriter(BytesIO(pdf))
    for ref in w.root["/AcroForm"]["/Fields"]:
        veld = ref.get_object()
        if veld["/T"] == "HandtekeningAanvrager":
            veld[generic.NameObject("/V")] = v
            w.update_container(veld)
    uit = BytesIO()
    w.write(uit)
    return uit.getvalue()


@pytest.mark.parametrize("soort,v", [
    ("leeg woordenboek", generic.DictionaryObject()),
    ("alleen /Type /Sig", generic.DictionaryObject({generic.NameObject("/Type"): generic.NameObject("/Sig")})),
    ("rommel in /Contents", generic.DictionaryObject({
        generic.NameObject("/Type"): generic.NameObject("/Sig"),
        generic.NameObject("/ByteRange"): generic.ArrayObject([generic.NumberObject(0), generic.NumberObject(10),
                                                               generic.NumberObject(20), generic.NumberObject(30)]),
        generic.NameObject("/Contents"): generic.ByteStringObject(b"\x30\x03\x02\x01\x00")})),
])
def test_lege_of_kapotte_handtekening_is_nooit_getekend(martin, soort, v):
    _, u = lees(martin["berekening"], _met_v(martin["aanvraag"], v))
    status = _status(u)["HandtekeningAanvrager"]
    assert status in ("niet_getekend", "ongeldig"), soort
    assert not any("geldig getekend" in r for r in u["regels"])
    if status == "ongeldig":
        assert any("ongeldige handtekening" in x for x in u["blokkerend"])


def test_klein_bestand_met_alleen_het_kenmerk_is_geen_aanvraag(martin):
    """210 bytes met het goede kenmerk: geen aanvraag (niet te lezen: exit 2)."""
    km = "AV-12-20240915-658722"
    klein = (b"%PDF-1.4\n1 0 obj << /Keywords (avdeskkenmerk" + km.encode() + b") >> endobj\n"
             b"trailer << /Info 1 0 R >>\n%%EOF\n").ljust(210, b" ")
    assert len(klein) == 210
    with pytest.raises(NietOntvangen):
        lees(martin["berekening"], klein)


def test_echte_pdf_met_alleen_het_kenmerk_blokkeert(martin):
    """Een leesbare PDF met het kenmerk in de documentgegevens maar zonder vingerafdruk op de pagina's."""
    from pypdf import PdfWriter
    w = PdfWriter()
    w.add_blank_page(595, 842)
    w.add_metadata({"/Keywords": "avdeskkenmerkAV-12-20240915-658722"})
    uit = BytesIO()
    w.write(uit)
    _, u = lees(martin["berekening"], uit.getvalue())
    assert any("hoort niet bij deze berekening" in x and "geen vingerafdruk" in x for x in u["blokkerend"])


@pytest.mark.traag
def test_aanvraag_van_een_andere_berekening_met_hetzelfde_kenmerk(martin):
    """Hetzelfde kenmerk (zelfde personen en aanvraagdatum), maar een andere berekening (andere huur)."""
    import json
    d = json.loads((ROOT / "tests/scenarios/martin_hanna_2024.json").read_text())
    d["jaren"][0]["perioden"][0]["huur"]["kale_huur"] = 650.0
    ander = maak_documenten(lees_casus(json.dumps(d)), gemaakt=date(2024, 9, 20), dossier_id=12)
    _, u = lees(martin["berekening"], ander["aanvraag"])
    assert u["aanvraag_kenmerk"] == u["kenmerk"]
    assert any("hoort niet bij deze berekening" in x and "vingerafdruk" in x for x in u["blokkerend"])


def test_rekeningnummers_in_de_tekst():
    """Alleen echte rekeningnummers (mod 97) tellen, ook twee op een regel of in groepen van vier."""
    from avdesk.export.ontvangst import _ibans
    assert _ibans("NL91ABNA0417164300 NL44RABO0123456789") == ["NL91ABNA0417164300", "NL44RABO0123456789"]
    assert _ibans("IBAN NL91 ABNA 0417 1643 00 en NL02RABO0123456789 (controlecijfers fout)") == ["NL91ABNA0417164300"]
