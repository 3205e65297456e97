"""2027 en daarna (issue 24): een jaar met ontbrekende waarden wordt geweigerd met wat er ontbreekt, een beheerder
installeert een volledig bestand in de datamap (nooit in de installatie), 2028 en later zijn geweigerd met de reden,
en elke parameterset heeft een hash over alleen de waarden."""

import json
import re
import tomllib
from pathlib import Path

import pytest

from avdesk.core import params
from avdesk.core.parameterbestand import controleer, sjabloon

ROOT = Path(__file__).resolve().parents[2]
TESTBESTAND = ROOT / "tests" / "core" / "data" / "parameters_2027_TESTWAARDEN.toml"
PARAMS = ROOT / "resources" / "params"


@pytest.fixture
def datamap(tmp_path, monkeypatch):
    """Een eigen datamap voor dit proces en voor `avdesk ...` als los proces."""
    map_ = tmp_path / "data"
    monkeypatch.setenv("AVDESK_DATA", str(map_))
    return map_


@pytest.fixture
def cli(avdesk_cli, datamap):
    def run(*args, invoer=None):
        return avdesk_cli(*args, invoer=invoer, env={"AVDESK_DATA": str(datamap)})
    return run


def casus_2027(tmp_path, jaar=2027, tegemoetkoming=None) -> Path:
    """De Wtrap-casus van 2026, een jaar later."""
    tekst = (ROOT / "tests" / "scenarios" / "wtrap_2026.json").read_text(encoding="utf-8")
    d = json.loads(tekst.replace("2026-", f"{jaar}-").replace('"jaar": 2026', f'"jaar": {jaar}'))
    if tegemoetkoming is not None:
        d["jaren"][0]["wtrap"]["tegemoetkoming"] = tegemoetkoming
    pad = tmp_path / f"casus_{jaar}.json"
    pad.write_text(json.dumps(d), encoding="utf-8")
    return pad


def pdftekst(pdf: bytes) -> str:
    import shutil
    import subprocess
    assert shutil.which("pdftotext"), "pdftotext ontbreekt: installeer poppler-utils"
    r = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    return r.stdout.decode().replace("\xa0", " ")


def inhoud(map_: Path) -> dict:
    """Alles in de map behalve de TOML-cache (cache/toml.json, afgeleid en altijd weg te gooien)."""
    return {p.relative_to(map_).as_posix(): p.read_bytes() for p in map_.rglob("*")
            if p.is_file() and p.relative_to(map_).parts[0] != "cache"} if map_.exists() else {}


# ---------------------------------------------------------------- 2027 geweigerd, dan geïnstalleerd

def test_casus_2027_geweigerd_noemt_wat_ontbreekt_en_hoe_te_installeren(cli, tmp_path):
    r = cli("bereken", casus_2027(tmp_path))
    fout = r.stderr.decode()
    assert r.returncode == 2, fout
    assert "toeslagjaar 2027 kan nog niet worden berekend" in fout
    for naam in ("zorgtoeslag.standaardpremie", "huurtoeslag.maximale_huurgrens", "huurtoeslag.MP.basishuur",
                 "bijstand.netto_norm_gehuwden_H1", "bijstand.bruto_per_partner"):
        assert naam in fout, naam
    assert "avdesk parameters installeer" in fout and "avdesk parameters sjabloon 2027" in fout
    assert "wtrap.vaste_tegemoetkoming" not in fout        # dat bedrag vult de raadsman in
    assert "aow.leeftijd_jaren" not in fout                # 67: bekend en meegeleverd


def test_2027_meegeleverd_met_wat_al_zeker_is():
    p = params.parameterset(2027)
    assert not p.compleet and 2027 not in params.ondersteunde_jaren() and 2027 in params.parameterjaren()
    assert (p.waarde("aow.leeftijd_jaren"), p.waarde("aow.leeftijd_maanden")) == (67, 0)
    assert p["aow.leeftijd_jaren"].bron and p["aow.leeftijd_jaren"].bevestigd
    assert p.waarde("bijstand.afbouw_dubbele_ahk") is False and "36607" in (p["bijstand.afbouw_dubbele_ahk"].bron
                                                                          + p["bijstand.afbouw_dubbele_ahk"].noot)
    assert p.waarde("huurtoeslag.stelsel") == "vaste_basishuur"
    assert "wtrap.vaste_tegemoetkoming" in p.ontbrekend and "wtrap.vaste_tegemoetkoming" not in p.nodig
    with pytest.raises(params.ParameterFout, match="avdesk parameters installeer"):
        params.laad_jaar(2027)


def test_testbestand_2027_installeert_rekent_en_staat_als_niet_bevestigd_op_de_pdf(cli, tmp_path, datamap):
    """Het testbestand (uit het sjabloon, met testwaarden) installeert, rekent als elk jaar, en de PDF noemt zijn
    waarden niet bevestigd en de hash van het jaar."""
    assert "TESTWAARDEN, GEEN ECHTE PARAMETERS" in TESTBESTAND.read_text(encoding="utf-8")
    voor = inhoud(PARAMS)
    r = cli("parameters", "installeer", TESTBESTAND)
    assert r.returncode == 0, r.stderr.decode()
    assert inhoud(PARAMS) == voor                            # nooit in de installatie
    assert (datamap / "parameters" / "2027.toml").read_bytes() == TESTBESTAND.read_bytes()
    hash_ = re.search(r"hash ([0-9a-f]{12})", r.stdout.decode()).group(1)

    r = cli("bereken", casus_2027(tmp_path, tegemoetkoming=1150), "--json")
    assert r.returncode == 0, r.stderr.decode()
    uit = json.loads(r.stdout)
    (jaar,) = uit["jaren"]
    assert jaar["parameterhash"] == hash_
    assert jaar["perioden"] and jaar["tekort"] > 0
    assert jaar["wtrap"]["tegemoetkoming"] == 1150 and jaar["compensatie_jaar"] == 1150
    (s8,) = [s for s in jaar["signalen"] if s["code"] == "S8"]
    assert "Zorgtoeslag: standaardpremie 2027 = € 2.183,00 (onzeker)" in s8["tekst"].replace("\xa0", " ")
    # ook wat niet in het rekenspoor staat: de vermogensgrens (niet overschreden) is gelezen
    assert "Zorgtoeslag: vermogensgrens met partner 2027" in s8["tekst"]

    from avdesk.core.berekening import bereken
    from avdesk.core.casus import lees_casus
    from avdesk.export.documenten import maak_documenten
    c = lees_casus(casus_2027(tmp_path, tegemoetkoming=1150).read_bytes())
    b = bereken(c)
    tekst = pdftekst(maak_documenten(c, b)["berekening"])
    bijlage = tekst.split("Gebruikte parameters", 1)[1].split("Bijlage: rekenspoor", 1)[0]
    assert hash_ in bijlage and "eigen parameterbestand" in bijlage
    assert "TESTWAARDE, geen echte bron" in bijlage and "onzeker" in bijlage
    rijen = [r for r in bijlage.splitlines() if "€ 2.183,00" in r]          # de standaardpremie (testwaarde)
    assert rijen and all("onzeker" in r and "bevestigd" not in r for r in rijen), rijen


@pytest.mark.traag
def test_verwijder_zet_het_meegeleverde_terug(cli, datamap):
    assert cli("parameters", "installeer", TESTBESTAND).returncode == 0
    r = cli("parameters", "verwijder", "2027")
    assert r.returncode == 0 and not (datamap / "parameters" / "2027.toml").exists()
    assert "niet meer te rekenen" in r.stdout.decode()
    r = cli("parameters", "verwijder", "2027")
    assert r.returncode == 2 and "geen eigen parameterbestand" in r.stderr.decode()


@pytest.mark.traag
def test_meegeleverd_jaar_alleen_met_vervang(cli, tmp_path, datamap):
    kopie = tmp_path / "2026.toml"
    tekst = (PARAMS / "2026.toml").read_text(encoding="utf-8")
    kopie.write_text(tekst.replace("waarde = 2119,", "waarde = 2120,"), encoding="utf-8")
    r = cli("parameters", "installeer", kopie)
    assert r.returncode == 2 and "--vervang" in r.stderr.decode() and "er is niets veranderd" in r.stderr.decode()
    assert inhoud(datamap) == {}
    r = cli("parameters", "installeer", kopie, "--vervang")
    assert r.returncode == 0, r.stderr.decode()
    assert params.laad_jaar(2026).waarde("zorgtoeslag.standaardpremie") == 2120
    assert params.laad_jaar(2026).eigen
    assert cli("parameters", "verwijder", "2026").returncode == 0
    assert params.laad_jaar(2026).waarde("zorgtoeslag.standaardpremie") == 2119


# ---------------------------------------------------------------- kapotte bestanden

def _met(regel_oud: str, regel_nieuw: str) -> str:
    tekst = TESTBESTAND.read_text(encoding="utf-8")
    assert regel_oud in tekst, regel_oud
    return tekst.replace(regel_oud, regel_nieuw, 1)


KAPOT = [
    ("geen_toml", lambda: "jaar = 2027\n[zorgtoeslag\n", "geen geldige TOML op regel 2"),
    ("tekst_waar_een_getal_hoort", lambda: _met("waarde = 2183,", 'waarde = "twee",'),
     "zorgtoeslag.standaardpremie (Zorgtoeslag: standaardpremie): moet een getal zijn"),
    ("percentage_als_procent", lambda: _met("pct_boven_drempel = { waarde = 0.1373", "pct_boven_drempel = { waarde = 13.73"),
     "zorgtoeslag.pct_boven_drempel"),
    ("onplausibel_tegen_vorig_jaar", lambda: _met("waarde = 2183,", "waarde = 21830,"),
     "zorgtoeslag.standaardpremie (Zorgtoeslag: standaardpremie): 21830 ligt ver van 2026"),
    ("zonder_bron", lambda: _met('waarde = 2183, status = "onzeker", bron = "TESTWAARDE, geen echte bron: de waarde van 2026 plus 3%"',
                                 'waarde = 2183, status = "onzeker", bron = ""'),
     "zorgtoeslag.standaardpremie (Zorgtoeslag: standaardpremie): bron ontbreekt"),
    ("onbekende_status", lambda: _met('waarde = 2183, status = "onzeker"', 'waarde = 2183, status = "zeker"'),
     "status 'zeker' bestaat niet"),
    ("onbekende_parameter", lambda: _met("[zorgtoeslag]\n", "[zorgtoeslag]\nstandaardpremi = { waarde = 1, status = \"onzeker\", bron = \"x\" }\n"),
     "zorgtoeslag.standaardpremi: onbekende parameter voor 2027"),
    ("parameter_weg", lambda: re.sub(r"\nstandaardpremie = .*", "", TESTBESTAND.read_text(encoding="utf-8")),
     "zorgtoeslag.standaardpremie (Zorgtoeslag: standaardpremie): ontbreekt in het bestand"),
    ("onbekende_tekst", lambda: _met('waarde = "jaarbedrag_afronden_maand_afkappen"', 'waarde = "naar_boven"'),
     "zorgtoeslag.afronding (Zorgtoeslag: afronding): 'naar_boven' kent avdesk niet"),
    ("nog_een_lege_waarde", lambda: _met("waarde = 2183, status = \"onzeker\"", "waarde = \"\", status = \"ontbreekt\""),
     "zorgtoeslag.standaardpremie (Zorgtoeslag: standaardpremie): de waarde ontbreekt nog"),
    ("grenzen_in_verkeerde_volgorde", lambda: _met("aftoppingsgrens_1_2 = { waarde = 734.41", "aftoppingsgrens_1_2 = { waarde = 800.0"),
     "huurtoeslag.aftoppingsgrens_1_2 (Huurtoeslag: aftoppingsgrens 1 of 2 personen) is hoger dan"),
    ("jaar_2028", lambda: TESTBESTAND.read_text(encoding="utf-8").replace("jaar = 2027", "jaar = 2028"),
     "vanaf 2028 lost de Belastingdienst de alleenverdienersproblematiek zelf op"),
    ("leeg", lambda: "", "jaar ontbreekt"),
]


@pytest.mark.parametrize("naam,maak,melding", KAPOT, ids=[k[0] for k in KAPOT])
@pytest.mark.traag
def test_kapot_bestand_geweigerd_en_er_verandert_niets(cli, tmp_path, datamap, naam, maak, melding):
    assert cli("parameters", "installeer", TESTBESTAND).returncode == 0
    voor, voor_installatie = inhoud(datamap), inhoud(PARAMS)
    kapot = tmp_path / f"{naam}.toml"
    kapot.write_text(maak(), encoding="utf-8")
    r = cli("parameters", "controleer", kapot)
    assert r.returncode == 2 and melding in r.stderr.decode(), r.stderr.decode()
    r = cli("parameters", "installeer", kapot, "--vervang")
    assert r.returncode == 2 and "er is niets veranderd" in r.stderr.decode() and melding in r.stderr.decode()
    assert inhoud(datamap) == voor and inhoud(PARAMS) == voor_installatie


def test_geen_utf8_en_te_groot(tmp_path):
    (tmp_path / "a.toml").write_bytes(b"jaar = 2027\n# \xff\xfe\n")
    assert "geen UTF-8" in controleer(tmp_path / "a.toml").fouten[0]
    (tmp_path / "b.toml").write_bytes(b"# " + b"x" * 600_000)
    assert "groter dan" in controleer(tmp_path / "b.toml").fouten[0]
    assert "bestaat niet" in controleer(tmp_path / "c.toml").fouten[0]


# ---------------------------------------------------------------- 2028 en later

@pytest.mark.traag
def test_2028_geweigerd_met_de_reden_en_de_bron(cli, tmp_path):
    r = cli("bereken", casus_2027(tmp_path, jaar=2028))
    fout = r.stderr.decode()
    assert r.returncode == 2
    assert "toeslagjaar 2028 wordt niet ondersteund: vanaf 2028 lost de Belastingdienst" in fout
    assert "Belastingplan 2025, memorie van toelichting, § 5.15 'Fiscale oplossing eenverdieners'" in fout
    for opdracht in (("parameters", "sjabloon", "2028"), ("parameters", "toon", "2031")):
        r = cli(*opdracht)
        assert r.returncode == 2 and "Belastingdienst" in r.stderr.decode() and "§ 5.15" in r.stderr.decode()
    with pytest.raises(params.ParameterFout, match="5.15"):
        params.laad_jaar(2028)


# ---------------------------------------------------------------- sjabloon, toon, controle van de meegeleverde jaren

@pytest.mark.traag
def test_sjabloon_2027_heeft_elke_parameter_bekend_met_bron_rest_ontbreekt():
    tekst = sjabloon(2027)
    data = tomllib.loads(tekst)
    from avdesk.core.parameterbestand import regels, schema
    gegeven = dict(regels(data))
    assert set(gegeven) == set(schema(2027)) and data["jaar"] == 2027
    assert gegeven["aow.leeftijd_jaren"]["waarde"] == 67 and gegeven["aow.leeftijd_jaren"]["bron"]
    assert gegeven["zorgtoeslag.standaardpremie"] == {"waarde": "", "status": "ontbreekt", "bron": "",
                                                      "noot": gegeven["zorgtoeslag.standaardpremie"]["noot"]}
    assert "# Zorgtoeslag: standaardpremie; 2026: € 2.119,00" in tekst.replace("\xa0", " ")


@pytest.mark.parametrize("jaar", [2022, 2023, 2024, 2025, 2026])
@pytest.mark.traag
def test_sjabloon_van_een_meegeleverd_jaar_is_dat_jaar(jaar, tmp_path):
    pad = tmp_path / f"{jaar}.toml"
    pad.write_text(sjabloon(jaar), encoding="utf-8")
    v = controleer(pad)
    assert v.in_orde, v.fouten
    assert v.parameters.hash == params.laad_jaar(jaar).hash


@pytest.mark.parametrize("jaar", [2022, 2023, 2024, 2025, 2026])
@pytest.mark.traag
def test_meegeleverde_jaren_doorstaan_de_controle(jaar):
    v = controleer(PARAMS / f"{jaar}.toml")
    assert v.in_orde, v.fouten


def test_toon_elke_waarde_met_bron_en_status_in_woorden(cli):
    r = cli("parameters", "toon", "2026")
    uit = r.stdout.decode().replace("\xa0", " ")
    assert r.returncode == 0
    assert f"hash {params.laad_jaar(2026).hash}" in uit
    assert "Zorgtoeslag: standaardpremie = € 2.119,00" in uit and "bron: B11: Regeling vaststelling" in uit
    assert "zorgtoeslag.standaardpremie; bevestigd door [bron 11]" in uit
    assert "zorgtoeslag.afronding; bevestigd door de maandtabellen zorgtoeslag 2026 van de Belastingdienst" in uit
    assert "onzeker (niet in een officiële bron teruggevonden; signaal S8)" in uit
    r = cli("parameters", "toon")
    assert "2027  nog niet te rekenen: 30 waarden ontbreken" in r.stdout.decode()
    assert "2028 en later: niet ondersteund" in r.stdout.decode()


# ---------------------------------------------------------------- hash over alleen de waarden

def test_hash_verandert_met_een_waarde_niet_met_bron_of_status(tmp_path):
    tekst = (PARAMS / "2026.toml").read_text(encoding="utf-8")
    basis = params.laad_jaar(2026).hash

    def hash_van(t):
        pad = tmp_path / "2026.toml"
        pad.write_text(t, encoding="utf-8")
        return params.lees_bestand(pad, 2026).hash
    assert hash_van(tekst) == basis
    assert hash_van(tekst.replace('bron = "B9, B10 (art. 20 Wht)"', 'bron = "verbeterde bron"')) == basis
    assert hash_van(tekst.replace('waarde = 0.65, status = "bevestigd"', 'waarde = 0.650, status = "onzeker"')) == basis
    assert hash_van(tekst.replace("waarde = 2119,", "waarde = 2119.0,")) == basis
    assert hash_van(tekst.replace("waarde = 2119,", "waarde = 2120,")) != basis
    assert len(basis) == 12 and len({params.laad_jaar(j).hash for j in range(2022, 2027)}) == 5


def test_elke_berekening_noemt_de_hash_per_jaar(scenario):
    from avdesk.core.berekening import bereken
    uit = bereken(scenario("drie_jaren.json")).naar_json()
    assert [j["parameterhash"] for j in uit["jaren"]] == [params.laad_jaar(j["jaar"]).hash for j in uit["jaren"]]


@pytest.mark.traag
def test_eigen_bestand_gaat_voor_en_de_cache_volgt_het_bestand(datamap, tmp_path):
    from avdesk.core.parameterbestand import installeer, verwijder
    assert 2027 not in params.ondersteunde_jaren()
    installeer(TESTBESTAND)
    assert 2027 in params.ondersteunde_jaren() and params.laad_jaar(2027).eigen
    verwijder(2027)
    assert 2027 not in params.ondersteunde_jaren()


@pytest.mark.traag
def test_vijandig_bestand_geeft_een_melding_geen_interne_fout(cli, tmp_path):
    gevallen = {
        "diep_lijst.toml": "jaar = 2027\na = " + "[" * 50000 + "]" * 50000 + "\n",
        "diep_tabel.toml": "jaar = 2027\n[" + ".".join(["a"] * 20000) + "]\nx = 1\n",
        "stuurtekens.toml": 'jaar = 2027\n[zorgtoeslag]\n"\\u001b[31mrood" = { waarde = 1, status = "onzeker", bron = "x" }\n'
                            'standaardpremie = { waarde = 2183, status = "onzeker", bron = "a\\u001b[2Jb" }\n',
    }
    gevallen["profiel_stuurtekens.toml"] = '"\u001b[2Jweg" = 1\n'
    for naam, tekst in gevallen.items():
        (tmp_path / naam).write_text(tekst, encoding="utf-8")
        for opdracht in ("parameters", "profiel"):
            r = cli(opdracht, "controleer", tmp_path / naam)
            fout = r.stderr.decode()
            assert r.returncode == 2 and "interne fout" not in fout, (naam, opdracht, fout)
            assert "\x1b" not in fout
    assert "bron bevat stuurtekens" in cli("parameters", "controleer", tmp_path / "stuurtekens.toml").stderr.decode()
