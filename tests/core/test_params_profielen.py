"""Beleidsprofielen als bestand (issue 24): een gemeente die niet de handreiking of MVS volgt, zet haar eigen
beleidsregel neer zonder release; een kapot profiel verandert niets; de uiterste aanvraagdatum van een eigen profiel
bereikt de berekening."""

import json
import tomllib
from pathlib import Path

import pytest

from avdesk.core.params import beleidsprofielen, laad_profiel
from avdesk.core.profielbestand import controleer, sjabloon

ROOT = Path(__file__).resolve().parents[2]
EIGEN = """id = "testgemeente-2024"
naam = "Testgemeente 2024"
uitvoerder = "Gemeente Testdorp"
bron = "Beleidsregels alleenverdieners Testdorp 2024 (testprofiel, geen echte gemeente)"
tekort_jaren = [2023, 2024]
terugvordering_jaren = [2022, 2023]
vermogensgrens = "bijstand"
uitbetaling = "eenmalig"
aanvraag_uiterlijk = 2024-06-30
bestaansminimumtoets = true
gemeente_naam = "Gemeente Testdorp"
gemeente_adres = "Postbus 1, 1234 AB Testdorp"
"""


@pytest.fixture
def datamap(tmp_path, monkeypatch):
    map_ = tmp_path / "data"
    monkeypatch.setenv("AVDESK_DATA", str(map_))
    return map_


@pytest.fixture
def cli(avdesk_cli, datamap):
    def run(*args):
        return avdesk_cli(*args, env={"AVDESK_DATA": str(datamap)})
    return run


def inhoud(map_: Path) -> dict:
    return {p.relative_to(map_).as_posix(): p.read_bytes() for p in map_.rglob("*") if p.is_file()} if map_.exists() else {}


def eigen_profiel(tmp_path, tekst=EIGEN) -> Path:
    pad = tmp_path / "profiel.toml"
    pad.write_text(tekst, encoding="utf-8")
    return pad


def test_eigen_profiel_installeren_tonen_en_gebruiken(cli, tmp_path, datamap):
    r = cli("profiel", "installeer", eigen_profiel(tmp_path))
    assert r.returncode == 0, r.stderr.decode()
    assert (datamap / "beleidsprofielen" / "testgemeente-2024.toml").is_file()
    assert not (ROOT / "resources" / "beleidsprofielen" / "testgemeente-2024.toml").exists()
    assert "testgemeente-2024" in beleidsprofielen()
    p = laad_profiel("testgemeente-2024")
    assert (p.eigen, p.vermogensgrens, p.uitbetaling, p.aanvraag_uiterlijk, p.gemeente_adres) == \
        (True, "bijstand", "eenmalig", "2024-06-30", "Postbus 1, 1234 AB Testdorp")
    r = cli("profiel", "toon", "testgemeente-2024")
    uit = r.stdout.decode()
    assert r.returncode == 0 and "uiterste aanvraagdatum: 30-06-2024" in uit and "eigen profiel" in uit
    assert "vermogensgrens voor de doelgroep: die van de bijstand" in uit
    assert cli("profiel", "verwijder", "testgemeente-2024").returncode == 0
    assert "testgemeente-2024" not in beleidsprofielen()


def _late_aanvraag(tmp_path):
    d = json.loads((ROOT / "tests" / "scenarios" / "martin_hanna_2024.json").read_text(encoding="utf-8"))
    assert d["aanvraagdatum"] == "2024-09-15"              # na 30-06-2024
    d["beleidsprofiel"] = "testgemeente-2024"
    pad = tmp_path / "laat.json"
    pad.write_text(json.dumps(d), encoding="utf-8")
    return pad


@pytest.mark.traag
def test_eigen_deadline_bereikt_de_berekening(cli, tmp_path):
    assert cli("profiel", "installeer", eigen_profiel(tmp_path)).returncode == 0
    r = cli("bereken", _late_aanvraag(tmp_path), "--json")
    assert r.returncode == 0, r.stderr.decode()
    uit = json.loads(r.stdout)
    assert uit["beleidsprofiel"] == "testgemeente-2024"
    # de uiterste datum van het eigen profiel komt als signaal (S11) in de berekening, met de datum
    assert any("30-06-2024" in t for t in _blokkerend(uit)), _blokkerend(uit)
    # zonder eigen profiel (handreiking, geen uiterste datum) geen signaal over de termijn
    d = json.loads(_late_aanvraag(tmp_path).read_text())
    d["beleidsprofiel"] = "handreiking-2024"
    (tmp_path / "op_tijd.json").write_text(json.dumps(d))
    assert not any("30-06-2024" in t for t in _blokkerend(json.loads(cli("bereken", tmp_path / "op_tijd.json",
                                                                             "--json").stdout)))


def _blokkerend(o) -> list[str]:
    if isinstance(o, dict):
        eigen = [o.get("tekst", "")] if o.get("blokkerend") is True else []
        return eigen + [t for v in o.values() for t in _blokkerend(v)]
    if isinstance(o, list):
        return [t for v in o for t in _blokkerend(v)]
    return []


def test_eigen_deadline_blokkeert_een_late_aanvraag(cli, tmp_path):
    assert cli("profiel", "installeer", eigen_profiel(tmp_path)).returncode == 0
    uit = json.loads(cli("bereken", _late_aanvraag(tmp_path), "--json").stdout)
    assert any("30-06-2024" in t for t in _blokkerend(uit)), _blokkerend(uit)


KAPOT = [
    ("onbekend_veld", EIGEN + 'kleur = "rood"\n', "onbekend veld kleur"),
    ("foute_datum", EIGEN.replace("aanvraag_uiterlijk = 2024-06-30", 'aanvraag_uiterlijk = "30-06-2024"'),
     "aanvraag_uiterlijk '30-06-2024' is geen datum"),
    ("jaar_buiten", EIGEN.replace("tekort_jaren = [2023, 2024]", "tekort_jaren = [2023, 2031]"),
     "tekort_jaren: 2031 valt buiten 2022-2027"),
    ("grens", EIGEN.replace('vermogensgrens = "bijstand"', 'vermogensgrens = "eigen"'), "vermogensgrens moet"),
    ("id", EIGEN.replace('id = "testgemeente-2024"', 'id = "Test Gemeente"'), "id 'Test Gemeente'"),
    ("naam_leeg", EIGEN.replace('naam = "Testgemeente 2024"', 'naam = ""'), "naam ontbreekt of is leeg"),
    ("sjabloon_weg", EIGEN + 'beschikking_sjabloon = "/bestaat/niet.docx"\n', "beschikking_sjabloon '/bestaat/niet.docx' bestaat niet"),
    ("sjabloon_relatief", EIGEN + 'beschikking_sjabloon = "brief.docx"\n', "geef het volledige pad"),
    ("geen_toml", "id = \n", "geen geldige TOML op regel 1"),
    ("toets", EIGEN.replace("bestaansminimumtoets = true", 'bestaansminimumtoets = "ja"'), "bestaansminimumtoets moet true of false"),
]


@pytest.mark.parametrize("naam,tekst,melding", KAPOT, ids=[k[0] for k in KAPOT])
@pytest.mark.traag
def test_kapot_profiel_geweigerd_en_er_verandert_niets(cli, tmp_path, datamap, naam, tekst, melding):
    assert cli("profiel", "installeer", eigen_profiel(tmp_path)).returncode == 0
    voor = inhoud(datamap)
    kapot = tmp_path / "kapot.toml"
    kapot.write_text(tekst, encoding="utf-8")
    r = cli("profiel", "controleer", kapot)
    assert r.returncode == 2 and melding in r.stderr.decode(), r.stderr.decode()
    r = cli("profiel", "installeer", kapot, "--vervang")
    assert r.returncode == 2 and "er is niets veranderd" in r.stderr.decode()
    assert inhoud(datamap) == voor


@pytest.mark.traag
def test_meegeleverd_profiel_alleen_met_vervang(cli, tmp_path, datamap):
    eigen = EIGEN.replace('id = "testgemeente-2024"', 'id = "handreiking-2024"')
    r = cli("profiel", "installeer", eigen_profiel(tmp_path, eigen))
    assert r.returncode == 2 and "--vervang" in r.stderr.decode() and inhoud(datamap) == {}
    assert cli("profiel", "installeer", eigen_profiel(tmp_path, eigen), "--vervang").returncode == 0
    assert laad_profiel("handreiking-2024").vermogensgrens == "bijstand"
    assert cli("profiel", "verwijder", "handreiking-2024").returncode == 0
    assert laad_profiel("handreiking-2024").vermogensgrens == "huurtoeslag"
    r = cli("profiel", "verwijder", "handreiking-2024")
    assert r.returncode == 2 and "hoort bij de installatie" in r.stderr.decode()


def test_beschikkingssjabloon_wordt_nagegaan_met_de_controle_van_de_beschikking(tmp_path, monkeypatch):
    """Bestaat avdesk.export.beschikking.controleer_sjabloon (een andere tak), dan roept de controle hem aan."""
    import avdesk.export.beschikking as beschikking
    sjabloon_pad = tmp_path / "brief.docx"
    sjabloon_pad.write_bytes(b"geen echte docx")
    gezien = []

    def nep(pad):
        gezien.append(Path(pad))
        return ["het veld {{ onbekend }} kent avdesk niet"]
    monkeypatch.setattr(beschikking, "controleer_sjabloon", nep, raising=False)
    _, fouten = controleer(eigen_profiel(tmp_path, EIGEN + f'beschikking_sjabloon = "{sjabloon_pad}"\n'))
    assert gezien == [sjabloon_pad] and fouten == ["beschikking_sjabloon: het veld {{ onbekend }} kent avdesk niet"]


def test_sjabloon_is_geldig_en_noemt_elk_veld():
    from avdesk.core.profielschema import VELDEN
    d = tomllib.loads(sjabloon(laad_profiel("mvs-2025")))
    assert set(d) == set(VELDEN) and d["aanvraag_uiterlijk"] == "2025-12-31" and d["id"] == "mvs-2025-eigen"
    assert set(tomllib.loads(sjabloon())) == set(VELDEN)


def test_meegeleverde_profielen_doorstaan_de_controle():
    for pad in (ROOT / "resources" / "beleidsprofielen").glob("*.toml"):
        profiel, fouten = controleer(pad)
        assert not fouten and profiel.id == pad.stem, fouten


def test_beschikking_neemt_naam_en_adres_uit_het_profiel(tmp_path, datamap, scenario):
    from avdesk.core.berekening import bereken
    from avdesk.core.profielbestand import installeer
    from avdesk.export.beschikking import context
    installeer(eigen_profiel(tmp_path))
    c = scenario("martin_hanna_2024.json")
    c.beleidsprofiel = "testgemeente-2024"
    c.aanvraag.gemeente = ""
    ctx = context(c, bereken(c), "AV-TEST")
    assert ctx["gemeente"] == "Gemeente Testdorp" and ctx["gemeente_adres"] == "Postbus 1, 1234 AB Testdorp"
    ctx = context(c, bereken(c), "AV-TEST", gemeente={"gemeente_naam": "Uit de instellingen"})
    assert ctx["gemeente"] == "Uit de instellingen"
