"""`avdesk ontvang` (issue 17): het team Inkomen neemt berekening en aanvraag op, controleert ze opnieuw, vergelijkt
de kenmerken, kijkt naar de handtekeningvelden en zoekt beide partners op in de doelgroepselectielijst per jaar."""

import json
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest

from avdesk.core.casus import lees_casus
from avdesk.export.documenten import maak_documenten
from avdesk.export.pdflezen import handtekeningen, kenmerk

ROOT = Path(__file__).resolve().parents[2]
SCEN = ROOT / "tests" / "scenarios"
ZELFMELDER_BSN = "111222333"
PARTNER_BSN = "012345672"


def _env(tmp_path) -> dict:
    return {"AVDESK_DATA": str(tmp_path / "gemeente"), "AVDESK_WACHTWOORD": "geheim-ww"}


def _schrijf(tmp_path, naam: str, docs: dict) -> tuple[Path, Path | None]:
    map_ = tmp_path / naam
    map_.mkdir()
    (map_ / "berekening.pdf").write_bytes(docs["berekening"])
    if "aanvraag" in docs:
        (map_ / "aanvraag.pdf").write_bytes(docs["aanvraag"])
        return map_ / "berekening.pdf", map_ / "aanvraag.pdf"
    return map_ / "berekening.pdf", None


def _wtrap_casus(partner_bsn: str | None = PARTNER_BSN) -> dict:
    d = json.loads((SCEN / "wtrap_2026.json").read_text())
    d["aanvrager"].update({"bsn": ZELFMELDER_BSN, "adres": "Dorpsstraat 1", "postcode": "2351 AA",
                           "woonplaats": "Leiderdorp", "iban": "NL91ABNA0417164300"})
    if partner_bsn:
        d["partner"]["bsn"] = partner_bsn
    return d


@pytest.fixture(scope="module")
def martin():
    c = lees_casus((SCEN / "martin_hanna_2024.json").read_bytes())
    return maak_documenten(c, gemaakt=date(2024, 9, 20), dossier_id=12)


def test_kenmerk_en_lege_handtekeningvelden_gelezen(martin):
    assert kenmerk(martin["aanvraag"]) == kenmerk(martin["berekening"]) == "AV-12-20240915-658722"
    assert handtekeningen(martin["aanvraag"]) == {"HandtekeningAanvrager": False, "HandtekeningPartner": False}


def test_getekend_veld_herkend(martin):
    from test_handtekening import maak_ondertekenaar
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    uit = BytesIO()
    signers.sign_pdf(IncrementalPdfFileWriter(BytesIO(martin["aanvraag"])),
                     signers.PdfSignatureMetadata(field_name="HandtekeningAanvrager"),
                     signer=maak_ondertekenaar(), output=uit)
    getekend = uit.getvalue()
    assert handtekeningen(getekend) == {"HandtekeningAanvrager": True, "HandtekeningPartner": False}
    assert kenmerk(getekend) == "AV-12-20240915-658722"


@pytest.mark.traag
def test_ontvang_martin_en_hanna(tmp_path, martin, avdesk_cli):
    b, a = _schrijf(tmp_path, "in", martin)
    r = avdesk_cli("ontvang", b, a, env=_env(tmp_path))
    uit = r.stdout.decode()
    assert r.returncode == 0, r.stderr.decode() + uit
    assert "Ontvangen als dossier 1 (kenmerk AV-12-20240915-658722)" in uit
    assert "Berekening: klopt" in uit and "Aanvraag: hoort bij deze berekening (vingerafdruk" in uit
    assert "handtekeningveld is leeg" in uit and "Doelgroepselectielijst 2024: niet ingelezen" in uit
    from avdesk.store import ontvangen
    from avdesk.store.opslag import Opslag
    with Opslag.open(tmp_path / "gemeente", "geheim-ww", maak=False) as o:
        (d,) = ontvangen.ontvangen_dossiers(o)
        assert d["kenmerk"] == "AV-12-20240915-658722" and d["aanvrager_naam"] == "Martin"
        assert d["uitkomst"]["controle"]["code"] == 0
        assert ontvangen.stukken(o, 1)["ontvangen berekening"][1] == martin["berekening"]
        assert ontvangen.stukken(o, 1)["ontvangen aanvraag"][1] == martin["aanvraag"]
        assert o.casus(1).partner.naam == "Hanna"
        log = json.dumps(o.auditlog(), ensure_ascii=False)
    assert "123456782" not in log and "Martin" not in log
    # Dezelfde stukken nog eens: geen nieuwe versie.
    r = avdesk_cli("ontvang", b, a, env=_env(tmp_path))
    assert r.returncode == 0 and "al eerder ontvangen" in r.stdout.decode()


@pytest.mark.traag
def test_gecorrigeerde_berekening_wordt_nieuwe_versie(tmp_path, martin, avdesk_cli):
    b, a = _schrijf(tmp_path, "in", martin)
    assert avdesk_cli("ontvang", b, a, env=_env(tmp_path)).returncode == 0
    d = json.loads((SCEN / "martin_hanna_2024.json").read_text())
    d["jaren"][0]["perioden"][0]["huur"]["kale_huur"] = 650.0          # gecorrigeerde huur, zelfde kenmerk
    nieuw = maak_documenten(lees_casus(json.dumps(d)), gemaakt=date(2024, 9, 27), dossier_id=12)
    b2, a2 = _schrijf(tmp_path, "in2", nieuw)
    r = avdesk_cli("ontvang", b2, a2, env=_env(tmp_path))
    assert r.returncode == 0, r.stderr.decode()
    assert "eerder ontvangen: de nieuwe berekening is versie 2 van dossier 1" in r.stdout.decode()
    from avdesk.store.opslag import Opslag
    with Opslag.open(tmp_path / "gemeente", "geheim-ww", maak=False) as o:
        assert [v["versie"] for v in o.versies(1)] == [1, 2]
        assert o.casus(1).jaren[0].perioden[0].huur.kale_huur == 650


@pytest.mark.traag
def test_aanvraag_van_een_ander_kenmerk(tmp_path, martin, avdesk_cli):
    ander = maak_documenten(lees_casus((SCEN / "drie_jaren.json").read_bytes()), gemaakt=date(2024, 9, 20))
    b, _ = _schrijf(tmp_path, "in", {"berekening": martin["berekening"]})
    (tmp_path / "ander.pdf").write_bytes(ander["aanvraag"])
    r = avdesk_cli("ontvang", b, tmp_path / "ander.pdf", env=_env(tmp_path))
    assert r.returncode == 1
    assert "hoort niet bij deze berekening (kenmerk AV-12-20240915-658722)" in r.stdout.decode()


@pytest.mark.traag
def test_concept_geweigerd(tmp_path, avdesk_cli):
    d = json.loads((SCEN / "martin_hanna_2024.json").read_text())
    del d["aanvrager"]["iban"]
    docs = maak_documenten(lees_casus(json.dumps(d)), gemaakt=date(2024, 9, 20))
    assert "aanvraag" not in docs
    b, _ = _schrijf(tmp_path, "in", docs)
    r = avdesk_cli("ontvang", b, env=_env(tmp_path))
    fout = r.stderr.decode()
    assert r.returncode == 2 and "Niet ontvangen" in fout and "is een concept" in fout and "rekeningnummer" in fout
    assert not (tmp_path / "gemeente").exists()           # niets opgeslagen


def test_geen_avdesk_pdf(tmp_path, martin, avdesk_cli):
    b, a = _schrijf(tmp_path, "in", martin)
    r = avdesk_cli("ontvang", a, env=_env(tmp_path))           # de aanvraag als berekening
    assert r.returncode == 2 and "zonder ingebedde casus" in r.stderr.decode()
    (tmp_path / "x.pdf").write_bytes(b"geen pdf")
    r = avdesk_cli("ontvang", tmp_path / "x.pdf", env=_env(tmp_path))
    assert r.returncode == 2 and "geen PDF" in r.stderr.decode()


@pytest.mark.traag
def test_zelfmelder_op_de_lijst_gemarkeerd(tmp_path, avdesk_cli):
    """Een zelfmelder voor 2026 van wie de partner (de meestverdiener) op de lijst 2026 staat: blokkerend."""
    c = lees_casus(json.dumps(_wtrap_casus()))
    docs = maak_documenten(c, gemaakt=date(2027, 2, 10))
    b, a = _schrijf(tmp_path, "in", docs)
    env = _env(tmp_path)
    lijst = tmp_path / "lijst-2026.csv"
    lijst.write_text("BSN;gemeentecode\n12345672;0547\n123456782;0547\n")        # voorloopnul kwijt
    assert avdesk_cli("doelgroeplijst", "importeer", lijst, "--jaar", "2026", env=env).returncode == 0
    r = avdesk_cli("ontvang", b, a, env=env)
    uit = r.stdout.decode()
    assert r.returncode == 1, uit + r.stderr.decode()
    assert ("Op de doelgroepselectielijst 2026 (partner): de tegemoetkoming wordt ambtshalve toegekend; een "
            "zelfmeldersaanvraag voor 2026 is dan dubbel.") in uit
    assert "Nog niet toekennen" in uit
    log = avdesk_cli("audit", env=env).stdout.decode()
    assert "doelgroeplijst 2026 geraadpleegd (2 BSN's)" in log and PARTNER_BSN not in log and ZELFMELDER_BSN not in log


@pytest.mark.traag
def test_zelfmelder_niet_op_de_lijst_en_lijst_later(tmp_path, avdesk_cli):
    c = lees_casus(json.dumps(_wtrap_casus(partner_bsn=None)))
    b, a = _schrijf(tmp_path, "in", maak_documenten(c, gemaakt=date(2027, 2, 10)))
    env = _env(tmp_path)
    r = avdesk_cli("ontvang", b, a, env=env)
    assert r.returncode == 0 and "geen doelgroepselectielijst 2026 ingelezen" in r.stdout.decode()
    lijst = tmp_path / "lijst.csv"
    lijst.write_text("123456782\n")
    avdesk_cli("doelgroeplijst", "importeer", lijst, "--jaar", "2026", env=env)
    r = avdesk_cli("ontvang", "--dossier", "1", env=env)
    uit = r.stdout.decode()
    assert r.returncode == 0 and "Niet op de doelgroepselectielijst 2026: een zelfmelder" in uit
    assert "Alleen het BSN van de aanvrager is bekend" in uit
    # Na de lijst met de aanvrager erop: opnieuw controleren blokkeert.
    lijst.write_text(ZELFMELDER_BSN + "\n")
    assert avdesk_cli("doelgroeplijst", "importeer", lijst, "--jaar", "2026", "--vervang", env=env).returncode == 0
    r = avdesk_cli("ontvang", "--dossier", "1", env=env)
    assert r.returncode == 1 and "Op de doelgroepselectielijst 2026 (aanvrager)" in r.stdout.decode()
