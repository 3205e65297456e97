"""Het archief (issue 25): een PDF/A-3-bestand per dossier met voorblad en de stukken ingebed; `avdesk controleer`
controleert de berekening erin."""

import io
from datetime import date
from pathlib import Path

from gemeentehulp import documenten, env, scenario, schrijf
from pypdf import PdfReader


def _archief(tmp_path, avdesk_cli, vastleggen=True) -> Path:
    b, a = schrijf(tmp_path / "in", documenten(scenario("martin_hanna_2024.json"), date(2024, 9, 20)))
    e = env(tmp_path)
    assert avdesk_cli("ontvang", b, a, env=e).returncode in (0, 1)
    if vastleggen:
        r = avdesk_cli("beschikking", "--dossier", "1", "--map", tmp_path / "br", "--vandaag", "2024-10-01",
                       "--vastleggen", env=e)
        assert r.returncode == 0, r.stderr.decode()
    r = avdesk_cli("archief", "1", "--map", tmp_path / "archief", env=e)
    assert r.returncode == 0, r.stderr.decode()
    (pad,) = (tmp_path / "archief").glob("*.pdf")
    assert r.stdout.decode().strip().endswith(pad.name)
    return pad


def test_archief_is_pdfa3_met_de_stukken_en_wordt_gecontroleerd(tmp_path, avdesk_cli):
    pad = _archief(tmp_path, avdesk_cli)
    assert pad.name == f"avdesk-archief-AV-12-20240915-658722-{date.today().isoformat()}.pdf"
    r = PdfReader(pad)
    xmp = r.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert "<pdfaid:part>3</pdfaid:part>" in xmp and "<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    (intent,) = r.trailer["/Root"]["/OutputIntents"]
    intent = intent.get_object()
    assert intent["/S"] == "/GTS_PDFA1" and intent["/DestOutputProfile"].get_object()["/N"] == 3
    assert intent["/DestOutputProfile"].get_object().get_data()[36:40] == b"acsp"         # een ICC-profiel
    bijlagen = {ef.name: ef for ef in r.attachment_list}
    assert set(bijlagen) == {"berekening.pdf", "aanvraag.pdf", "beschikking.docx"}
    assert {n: str(ef.associated_file_relationship) for n, ef in bijlagen.items()} == {
        "berekening.pdf": "/Source", "aanvraag.pdf": "/Source", "beschikking.docx": "/Supplement"}
    af = [x.get_object()["/F"] for x in r.trailer["/Root"]["/AF"]]
    assert sorted(af) == sorted(bijlagen)
    assert bijlagen["berekening.pdf"].content == (tmp_path / "in" / "berekening.pdf").read_bytes()
    assert bijlagen["aanvraag.pdf"].content == (tmp_path / "in" / "aanvraag.pdf").read_bytes()
    assert bijlagen["beschikking.docx"].content[:2] == b"PK"
    assert r.metadata.title == "Archief dossier 1 (AV-12-20240915-658722)"
    voorblad = "\n".join(p.extract_text() for p in r.pages)
    for zin in ("Versies", "Controleverslag", "Doelgroepselectielijst", "Besluit 1: toekenning, brief van 01-10-2024",
                "€ 716,00", "€ 408,00", "€ 308,00", "periodiek: december 2024", "Handtekening van"):
        assert zin in voorblad, zin
    assert all(f.get("/FontFile2") or f.get("/FontFile") or f.get("/FontFile3")
               for p in r.pages for f in _lettertypen(p))                # elk lettertype ingebed (PDF/A)
    c = avdesk_cli("controleer", pad)
    assert c.returncode == 0, c.stderr.decode()
    uit = c.stdout.decode()
    assert "Archief van avdesk" in uit and "klopt" in uit


def _lettertypen(pagina):
    uit = []
    for f in pagina["/Resources"]["/Font"].values():
        f = f.get_object()
        for d in f.get("/DescendantFonts", [f]):
            uit.append(d.get_object()["/FontDescriptor"].get_object())
    return uit


def test_archief_zonder_besluit_en_een_veranderd_archief(tmp_path, avdesk_cli):
    pad = _archief(tmp_path, avdesk_cli, vastleggen=False)
    voorblad = "\n".join(p.extract_text() for p in PdfReader(pad).pages)
    assert "geen besluit vastgelegd" in voorblad and "nog geen beschikking" in voorblad
    # Een archief met een andere berekening erin (de casus veranderd): controleer zegt verschil.
    from pypdf import PdfWriter
    from gemeentehulp import vervalst
    d = scenario("martin_hanna_2024.json")
    hoger = {**d, "jaren": [{**d["jaren"][0], "perioden": [{**p, "huur": {**p["huur"], "kale_huur": 900}}
                                                           for p in d["jaren"][0]["perioden"]]}]}
    nep = vervalst(d, hoger, date(2024, 9, 20))["berekening"]
    w = PdfWriter(clone_from=PdfReader(pad))
    for ef in list(w.attachment_list):
        if ef.name == "berekening.pdf":
            ef.content = nep
    buf = io.BytesIO()
    w.write(buf)
    (tmp_path / "nep.pdf").write_bytes(buf.getvalue())
    c = avdesk_cli("controleer", tmp_path / "nep.pdf")
    assert c.returncode == 1 and "Archief van avdesk" in c.stderr.decode()
    r = avdesk_cli("archief", "7", "--map", tmp_path / "x", env=env(tmp_path))
    assert r.returncode == 2 and not (tmp_path / "x").exists()
