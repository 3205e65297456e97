"""Het overzicht van de ontvangen aanvragen (issue 25): `avdesk ontvangen [--csv]`, zonder BSN of naam tenzij gevraagd."""

import csv
import io
from datetime import date

from gemeentehulp import documenten, env, scenario

from avdesk.gemeente import overzicht, werk
from avdesk.store.opslag import Opslag

DRIE = ("martin_hanna_2024.json", "irene_sergio_2023.json", "jerry_anton_2024.json")
BSN = {"irene_sergio_2023.json": "111222333", "jerry_anton_2024.json": "999999990"}


def aanvraagbaar(naam: str) -> dict:
    """Het scenario met wat een aanvraag nodig heeft (BSN, adres, IBAN, toestemming), zoals de raadsman invult."""
    d = scenario(naam)
    if naam in BSN:
        m = scenario("martin_hanna_2024.json")
        d["aanvrager"] = {**{k: v for k, v in m["aanvrager"].items() if k not in ("naam", "geboortedatum")},
                          **d["aanvrager"], "bsn": BSN[naam]}
        d["aanvraag"] = {**m["aanvraag"], "bewijs": {}}
        d["raadsman"] = m["raadsman"]
    return d


def _drie_ontvangen(tmp_path) -> list[str]:
    kenmerken = []
    with Opslag.open(tmp_path / "gemeente", "geheim-ww") as o:
        for i, naam in enumerate(DRIE, start=1):
            docs = documenten(aanvraagbaar(naam), date(2024, 9, 20), dossier_id=10 + i)
            aanvraag = ("a.pdf", docs["aanvraag"]) if "aanvraag" in docs else None
            kenmerken.append(werk.ontvang(o, ("b.pdf", docs["berekening"]), aanvraag).uitkomst["kenmerk"])
    return kenmerken


def _bsns_en_namen() -> list[str]:
    uit = []
    for naam in DRIE:
        d = aanvraagbaar(naam)
        for wie in ("aanvrager", "partner"):
            uit += [x for x in (d[wie].get("bsn"), d[wie].get("naam")) if x]
    return uit


def test_overzicht_als_csv_zonder_persoonsgegevens(tmp_path, avdesk_cli):
    kenmerken = _drie_ontvangen(tmp_path)
    r = avdesk_cli("ontvangen", "--csv", env=env(tmp_path))
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout.startswith(b"\xef\xbb\xbf")                       # UTF-8 met BOM: Excel leest de euro's goed
    rijen = list(csv.DictReader(io.StringIO(r.stdout.decode("utf-8-sig")), delimiter=";"))
    assert len(rijen) == 3
    assert sorted(x["Kenmerk"] for x in rijen) == sorted(kenmerken)
    martin = next(x for x in rijen if x["Kenmerk"] == kenmerken[0])
    assert martin["Bedrag 2024"] == "716,00" and martin["Jaren"] == "2024"
    assert martin["Controle"].startswith(("klopt", "let op")) and martin["Advies"] == "toekenning"
    assert martin["Besluit"] == "-" and martin["Beschikking"] == "nog geen"
    assert martin["Ontvangen"] == date.today().strftime("%d-%m-%Y")
    assert "2024 " in martin["Doelgroepselectielijst"]
    irene = next(x for x in rijen if x["Kenmerk"] == kenmerken[1])
    assert irene["Jaren"] == "2023" and irene["Bedrag 2023"] and not irene["Bedrag 2024"]
    tekst = r.stdout.decode("utf-8-sig")
    for geheim in _bsns_en_namen():
        assert geheim not in tekst, geheim
    assert "BSN" not in tekst and "Aanvrager" not in tekst


def test_overzicht_met_persoonsgegevens_wordt_geaudit_zonder_ze(tmp_path, avdesk_cli):
    _drie_ontvangen(tmp_path)
    r = avdesk_cli("ontvangen", "--csv", "--met-persoonsgegevens", env=env(tmp_path))
    assert r.returncode == 0, r.stderr.decode()
    rijen = list(csv.DictReader(io.StringIO(r.stdout.decode("utf-8-sig")), delimiter=";"))
    assert {x["BSN aanvrager"] for x in rijen} >= {scenario(DRIE[0])["aanvrager"]["bsn"]}
    assert {x["Aanvrager"] for x in rijen} == {scenario(n)["aanvrager"]["naam"] for n in DRIE}
    with Opslag.open(tmp_path / "gemeente", "geheim-ww") as o:
        log = o.auditlog(5)
    assert log[0]["actie"] == "overzicht ontvangen aanvragen met persoonsgegevens (3 dossiers)"
    for regel in o_acties(tmp_path):
        for geheim in _bsns_en_namen():
            assert geheim not in regel


def o_acties(tmp_path) -> list[str]:
    with Opslag.open(tmp_path / "gemeente", "geheim-ww") as o:
        return [r["actie"] for r in o.auditlog(1000)]


def test_overzicht_als_tekst_kapt_niets_af_en_versies_werken_nog(tmp_path, avdesk_cli):
    kenmerken = _drie_ontvangen(tmp_path)
    r = avdesk_cli("ontvangen", env=env(tmp_path))
    assert r.returncode == 0, r.stderr.decode()
    uit = r.stdout.decode()
    for km in kenmerken:
        assert km in uit
    assert "€ 716,00" in uit and "3 ontvangen aanvragen." in uit
    kop = uit.splitlines()[0]
    for k in overzicht.KOPPEN:
        assert k in kop
    r = avdesk_cli("ontvangen", "versies", "1", env=env(tmp_path))          # het bestaande gedrag blijft
    assert r.returncode == 0 and "Versie 1 (geldend)" in r.stdout.decode()
