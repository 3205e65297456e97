"""Versies van een ontvangen aanvraag (issue 20, punt 3): een latere upload onder hetzelfde kenmerk wordt een versie
'ter beoordeling' naast de geldende, met haar verschillen in woorden; niets vervangt de geldende versie zonder dat de
medewerker haar vastzet; elke versie houdt haar eigen aanvraag; `beschikking --dossier` gebruikt de geldende versie."""

from datetime import date

import pytest
from gemeentehulp import documenten, een_docx, env, schrijf, scenario, tekst, vervalst

from avdesk.core.berekening import bereken
from avdesk.core.casus import lees_casus
from avdesk.core.geld import euro

GEMAAKT = date(2024, 9, 20)
BRIEF = "2024-10-01"


def _bedrag(d: dict) -> str:
    import json
    return euro(bereken(lees_casus(json.dumps(d)), GEMAAKT).totaal_compensatie)


def _hoger(d: dict) -> dict:
    """Dezelfde aanvraag met een veel lager ingevuld inkomen: meer compensatie."""
    import copy
    e = copy.deepcopy(d)
    for p in e["jaren"][0]["perioden"]:
        p["huur"]["kale_huur"] = 900
    return e


@pytest.mark.traag
def test_vervalste_casus_onder_hetzelfde_kenmerk_wordt_niet_toegekend(tmp_path, avdesk_cli):
    """De aanval uit het issue: de ingebedde casus veranderd, opnieuw ontvangen onder hetzelfde kenmerk."""
    e = env(tmp_path)
    d = scenario("martin_hanna_2024.json")
    echt = documenten(d, GEMAAKT)
    b1, a1 = schrijf(tmp_path / "echt", echt)
    assert avdesk_cli("ontvang", b1, a1, env=e).returncode == 0
    nep = vervalst(d, _hoger(d), GEMAAKT)
    assert _bedrag(_hoger(d)) != _bedrag(d)
    b2, a2 = schrijf(tmp_path / "nep", nep)
    r = avdesk_cli("ontvang", b2, a2, env=e)
    uit = r.stdout.decode()
    assert r.returncode == 1, uit + r.stderr.decode()            # de controle klopt niet
    assert "versie 2 van dossier 1" in uit and "Versie 2 staat ter beoordeling" in uit
    assert "Versie 1 blijft gelden" in uit
    # De beschikking komt uit de geldende versie: het bedrag van de echte berekening.
    r = avdesk_cli("beschikking", "--dossier", "1", "--map", tmp_path / "uit", "--vandaag", BRIEF, env=e)
    assert r.returncode == 0, r.stderr.decode()
    t = tekst(een_docx(tmp_path / "uit"))
    assert _bedrag(d) in t and _bedrag(_hoger(d)) not in t
    assert f"Concept toekenning: {_bedrag(d)}" in r.stderr.decode()
    # Ook vastgezet wordt de vervalste versie nooit een toekenning.
    r = avdesk_cli("ontvangen", "vastzetten", "1", "--versie", "2", env=e)
    assert r.returncode == 0 and "controle van deze versie klopt niet" in r.stderr.decode()
    for besluit in ([], ["--besluit", "toekenning"], ["--besluit", "gedeeltelijk"]):
        r = avdesk_cli("beschikking", "--dossier", "1", "--map", tmp_path / "uit2", "--vandaag", BRIEF, *besluit,
                       env=e)
        fout = r.stderr.decode()
        assert r.returncode == 2 and "klopt niet opnieuw gerekend" in fout, fout
        assert not (tmp_path / "uit2").exists()


@pytest.mark.traag
def test_echte_nieuwe_versie_pas_na_vastzetten(tmp_path, avdesk_cli):
    e = env(tmp_path)
    d = scenario("martin_hanna_2024.json")
    b1, a1 = schrijf(tmp_path / "v1", documenten(d, GEMAAKT))
    assert avdesk_cli("ontvang", b1, a1, env=e).returncode == 0
    nieuw = _hoger(d)
    b2, a2 = schrijf(tmp_path / "v2", documenten(nieuw, date(2024, 9, 27)))
    r = avdesk_cli("ontvang", b2, a2, env=e)
    uit = r.stdout.decode()
    assert r.returncode == 0, uit + r.stderr.decode()
    assert "Versie 2 staat ter beoordeling" in uit
    assert "In de casus: 2024, januari 2024 t/m augustus 2024, huur, kale huur: € 900,00 in deze versie" in uit
    r = avdesk_cli("ontvangen", "versies", "1", env=e)
    uit = r.stdout.decode()
    assert r.returncode == 0, r.stderr.decode()
    assert "Versie 1 (geldend)" in uit and "Versie 2 (ter beoordeling)" in uit and "met aanvraag" in uit
    assert f"compensatie over het jaar: {_bedrag(nieuw)} in deze versie, {_bedrag(d)} in de geldende" in uit
    r = avdesk_cli("beschikking", "--dossier", "1", "--map", tmp_path / "a", "--vandaag", BRIEF, env=e)
    assert r.returncode == 0 and _bedrag(d) in tekst(een_docx(tmp_path / "a"))
    r = avdesk_cli("ontvangen", "vastzetten", "1", env=e)            # zonder --versie: de nieuwste
    assert r.returncode == 0 and "Versie 2 van dossier 1 is vastgezet" in r.stdout.decode()
    uit = avdesk_cli("ontvangen", "versies", "1", env=e).stdout.decode()
    assert "Versie 1 (vervangen)" in uit and "Versie 2 (geldend)" in uit
    r = avdesk_cli("beschikking", "--dossier", "1", "--map", tmp_path / "b", "--vandaag", BRIEF, env=e)
    assert r.returncode == 0 and _bedrag(nieuw) in tekst(een_docx(tmp_path / "b"))
    log = avdesk_cli("audit", env=e).stdout.decode()
    assert "versie 2 vastgezet" in log and "Martin" not in log
    # Terug naar versie 1 kan ook, met een daad van de medewerker.
    assert avdesk_cli("ontvangen", "vastzetten", "1", "--versie", "1", env=e).returncode == 0
    assert "Versie 1 (geldend)" in avdesk_cli("ontvangen", "versies", "1", env=e).stdout.decode()


@pytest.mark.traag
def test_elke_versie_houdt_haar_aanvraag(tmp_path, avdesk_cli):
    e = env(tmp_path)
    d = scenario("martin_hanna_2024.json")
    v1 = documenten(d, GEMAAKT)
    b1, a1 = schrijf(tmp_path / "v1", v1)
    assert avdesk_cli("ontvang", b1, a1, env=e).returncode == 0
    v2 = documenten(_hoger(d), date(2024, 9, 27))
    b2, a2 = schrijf(tmp_path / "v2", v2)
    assert avdesk_cli("ontvang", b2, a2, env=e).returncode == 0
    # Alleen de berekening opnieuw (zonder aanvraag): ook een eigen versie, zonder aanvraag.
    b3, _ = schrijf(tmp_path / "v3", {"berekening": documenten(d, date(2024, 9, 30))["berekening"]})
    assert avdesk_cli("ontvang", b3, env=e).returncode == 0
    from avdesk.store import ontvangen
    from avdesk.store.opslag import Opslag
    with Opslag.open(tmp_path / "gemeente", "geheim-ww", maak=False) as o:
        assert ontvangen.stukken(o, 1, 1)["ontvangen aanvraag"][1] == v1["aanvraag"]
        assert ontvangen.stukken(o, 1, 2)["ontvangen aanvraag"][1] == v2["aanvraag"]
        assert ontvangen.stukken(o, 1, 2)["ontvangen berekening"][1] == v2["berekening"]
        assert "ontvangen aanvraag" not in ontvangen.stukken(o, 1, 3)
        assert ontvangen.stukken(o, 1)["ontvangen berekening"][1] == v1["berekening"]     # de geldende
        (rij,) = ontvangen.ontvangen_dossiers(o)
        assert rij["geldende_versie"] == 1 and rij["ter_beoordeling"] == 2
    uit = avdesk_cli("ontvangen", "versies", "1", env=e).stdout.decode()
    assert "Versie 3 (ter beoordeling)" in uit and "zonder aanvraag" in uit and "Deze versie heeft geen aanvraag" in uit
    # Dezelfde stukken nog eens: geen nieuwe versie.
    r = avdesk_cli("ontvang", b2, a2, env=e)
    assert "deze stukken waren er al (versie 2)" in r.stdout.decode()


@pytest.mark.traag
def test_eerste_versie_die_klopt_geldt(tmp_path, avdesk_cli):
    """Eerst een vervalste, dan de echte: de echte geldt (de eerste die klopt), zonder vastzetten."""
    e = env(tmp_path)
    d = scenario("martin_hanna_2024.json")
    b1, a1 = schrijf(tmp_path / "nep", vervalst(d, _hoger(d), GEMAAKT))
    assert avdesk_cli("ontvang", b1, a1, env=e).returncode == 1
    r = avdesk_cli("beschikking", "--dossier", "1", "--map", tmp_path / "x", "--vandaag", BRIEF,
                   "--besluit", "afwijzing", "--reden", "x", env=e)
    assert r.returncode == 2 and "nog geen geldende versie" in r.stderr.decode()
    uit = avdesk_cli("ontvangen", "versies", "1", env=e).stdout.decode()
    assert "Versie 1 (ter beoordeling)" in uit and "de controle klopt niet" in uit and "nog geen geldende" in uit
    b2, a2 = schrijf(tmp_path / "echt", documenten(d, date(2024, 9, 21)))
    r = avdesk_cli("ontvang", b2, a2, env=e)
    assert r.returncode == 0 and "Versie 2 is de geldende versie" in r.stdout.decode()
    uit = avdesk_cli("ontvangen", "versies", "1", env=e).stdout.decode()
    assert "Versie 1 (vervangen)" in uit and "Versie 2 (geldend)" in uit


@pytest.mark.traag
def test_versies_van_een_onbekend_dossier(tmp_path, avdesk_cli):
    e = env(tmp_path)
    d = scenario("martin_hanna_2024.json")
    b1, a1 = schrijf(tmp_path / "v1", documenten(d, GEMAAKT))
    assert avdesk_cli("ontvang", b1, a1, env=e).returncode == 0
    r = avdesk_cli("ontvangen", "versies", "7", env=e)
    assert r.returncode == 2 and "Dossier 7 bestaat niet" in r.stderr.decode()
    r = avdesk_cli("ontvangen", "vastzetten", "1", "--versie", "5", env=e)
    assert r.returncode == 2 and "geen versie 5" in r.stderr.decode()
    r = avdesk_cli("ontvangen", "vastzetten", "1", "--versie", "x", env=e)
    assert r.returncode == 2 and "Traceback" not in r.stderr.decode()


@pytest.mark.traag
def test_later_getekende_aanvraag_bij_dezelfde_berekening(tmp_path, avdesk_cli):
    """De raadsman stuurt de getekende aanvraag na: een versie ter beoordeling met dezelfde berekening."""
    from io import BytesIO

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    import sys
    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1] / "export"))
    from test_handtekening import maak_ondertekenaar
    e = env(tmp_path)
    docs = documenten(scenario("martin_hanna_2024.json"), GEMAAKT)
    b1, a1 = schrijf(tmp_path / "v1", docs)
    assert avdesk_cli("ontvang", b1, a1, env=e).returncode == 0
    uit = BytesIO()
    signers.sign_pdf(IncrementalPdfFileWriter(BytesIO(docs["aanvraag"])),
                     signers.PdfSignatureMetadata(field_name="HandtekeningAanvrager"),
                     signer=maak_ondertekenaar(), output=uit)
    (tmp_path / "getekend.pdf").write_bytes(uit.getvalue())
    r = avdesk_cli("ontvang", b1, tmp_path / "getekend.pdf", env=e)
    assert r.returncode == 0, r.stderr.decode()
    assert "versie 2 van dossier 1" in r.stdout.decode()
    assert "Dezelfde berekening als de geldende versie; alleen de aanvraag is een ander bestand" in r.stdout.decode()
    assert avdesk_cli("ontvangen", "vastzetten", "1", env=e).returncode == 0
    from avdesk.store import ontvangen
    from avdesk.store.opslag import Opslag
    with Opslag.open(tmp_path / "gemeente", "geheim-ww", maak=False) as o:
        assert ontvangen.stukken(o, 1)["ontvangen aanvraag"][1] == uit.getvalue()


@pytest.mark.traag
def test_ontvangen_met_een_oudere_avdesk(tmp_path):
    """Een opslag van voor de versies: de uitkomsten noemen hun documenten niet. De n-de berekening hoort dan bij
    versie n, met de aanvraag die ervoor binnenkwam."""
    import json

    from avdesk.core.casus import casus_naar_dict
    from avdesk.gemeente import werk
    from avdesk.store import ontvangen
    from avdesk.store.opslag import Opslag, _nu
    d = scenario("martin_hanna_2024.json")
    v1, v2 = documenten(d, GEMAAKT), documenten(_hoger(d), date(2024, 9, 27))
    with Opslag.open(tmp_path / "g", "geheim-ww") as o:
        with o.transactie():
            dossier = o.conn.execute("INSERT INTO dossiers (aangemaakt, gewijzigd, soort, kenmerk) VALUES (?, ?, "
                                     "'ontvangen', 'AV-12-20240915-658722')", (_nu(), _nu())).lastrowid
            for versie, casus, docs in ((1, d, v1), (2, _hoger(d), v2)):
                o.conn.execute("INSERT INTO casus_versies (dossier_id, versie, casus, opgeslagen) VALUES (?, ?, ?, ?)",
                               (dossier, versie, json.dumps(casus_naar_dict(lees_casus(json.dumps(casus))),
                                                            default=str), _nu()))
                for soort in (("berekening", "aanvraag") if versie == 1 else ("berekening",)):
                    o.conn.execute("INSERT INTO documenten (dossier_id, soort, bestandsnaam, inhoud, sha256, gemaakt) "
                                   "VALUES (?, ?, ?, ?, ?, ?)", (dossier, f"ontvangen {soort}", f"{soort}.pdf",
                                                                  docs[soort], "x", _nu()))
                uitkomst = {"kenmerk": "AV-12-20240915-658722", "controle": {"code": 0, "regels": []}, "regels": [],
                            "blokkerend": [], "let_op": [], "lijst": []}
                o.conn.execute("INSERT INTO ontvangsten (dossier_id, casus_versie, ontvangen, controle_code, uitkomst) "
                               "VALUES (?, ?, ?, 0, ?)", (dossier, versie, _nu(), json.dumps(uitkomst)))
        assert ontvangen.stukken(o, dossier, 1)["ontvangen berekening"][1] == v1["berekening"]
        assert ontvangen.stukken(o, dossier, 2)["ontvangen berekening"][1] == v2["berekening"]
        assert ontvangen.stukken(o, dossier, 2)["ontvangen aanvraag"][1] == v1["aanvraag"]
        assert [v.status for v in werk.versies(o, dossier)] == ["geldend", "ter beoordeling"]
        assert werk.controleer_opnieuw(o, dossier).versie == 1
        assert ontvangen.stukken(o, dossier, 2)["ontvangen berekening"][1] == v2["berekening"]    # nu gekoppeld
