"""`avdesk dossiers`, `avdesk import`, `avdesk export` met AVDESK_DATA en AVDESK_WACHTWOORD; fouten geven exit 2."""

import json

import pytest


@pytest.mark.traag
def test_import_lijst_export(tmp_path, avdesk_cli):
    env = {"AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": "geheim-ww"}
    r = avdesk_cli("import", "tests/scenarios/martin_hanna_2024.json", env=env)
    assert r.returncode == 0 and r.stdout.strip() == b"1", r.stderr.decode()
    r = avdesk_cli("dossiers", env=env)
    assert r.returncode == 0 and b"Martin en Hanna" in r.stdout and b"in behandeling" in r.stdout
    r = avdesk_cli("export", "1", env=env)
    casus = json.loads(r.stdout)
    assert casus["formaat"] == "avdesk-casus/1" and casus["aanvrager"]["bsn"] == "123456782"
    # Wat geexporteerd is, rekent hetzelfde als het origineel.
    uit = tmp_path / "terug.json"
    uit.write_bytes(r.stdout)
    a = avdesk_cli("bereken", uit, "--json").stdout
    b = avdesk_cli("bereken", "tests/scenarios/martin_hanna_2024.json", "--json").stdout
    assert json.loads(a)["totaal_compensatie"] == json.loads(b)["totaal_compensatie"]


def test_import_foute_casus_slaat_niets_op(tmp_path, avdesk_cli):
    env = {"AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": "geheim-ww"}
    slecht = tmp_path / "slecht.json"
    slecht.write_text('{"formaat": "avdesk-casus/1"}')
    r = avdesk_cli("import", slecht, env=env)
    assert r.returncode == 2 and b"aanvrager: ontbreekt" in r.stderr
    assert not (tmp_path / "d").exists()


@pytest.mark.traag
def test_fouten_exit_2(tmp_path, avdesk_cli):
    env = {"AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": "geheim-ww"}
    avdesk_cli("import", "tests/scenarios/bosveld_2022.json", env=env)
    r = avdesk_cli("dossiers", env={**env, "AVDESK_WACHTWOORD": "anders"})
    assert r.returncode == 2 and "Het wachtwoord klopt niet." in r.stderr.decode()
    r = avdesk_cli("dossiers", env={"AVDESK_DATA": env["AVDESK_DATA"]})
    assert r.returncode == 2 and "beveiligd met een wachtwoord" in r.stderr.decode()
    db = tmp_path / "d" / "avdesk.db"
    db.write_bytes(db.read_bytes()[:5000])
    r = avdesk_cli("dossiers", env=env)
    assert r.returncode == 2 and b"Traceback" not in r.stderr
    assert "kan niet worden geopend" in r.stderr.decode() or "is beschadigd" in r.stderr.decode()
    r = avdesk_cli("export", "99", env={"AVDESK_DATA": str(tmp_path / "leeg")})
    assert r.returncode == 2 and "nog geen dossiers" in r.stderr.decode()


def test_zonder_sleutelbos_en_wachtwoord_geen_database(tmp_path, avdesk_cli):
    # De subprocessen hebben de 'fail'-sleutelbos: avdesk vraagt om een wachtwoord in plaats van onversleuteld te werken.
    r = avdesk_cli("dossiers", env={"AVDESK_DATA": str(tmp_path / "d")})
    assert r.returncode == 2 and "geen veilige sleutelbos" in r.stderr.decode()
    assert not (tmp_path / "d" / "avdesk.db").exists()


@pytest.mark.traag
def test_backup_en_herstel_via_cli(tmp_path, avdesk_cli):
    env = {"AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": "geheim-ww", "AVDESK_BACKUP_WACHTWOORD": "backup-ww"}
    avdesk_cli("import", "tests/scenarios/irene_sergio_2023.json", env=env)
    r = avdesk_cli("backup", tmp_path / "b.avdesk", env=env)
    assert r.returncode == 0, r.stderr.decode()
    andere = {**env, "AVDESK_DATA": str(tmp_path / "andere")}
    r = avdesk_cli("herstel", tmp_path / "b.avdesk", env=andere)
    assert r.returncode == 0, r.stderr.decode()
    assert b"Irene en Sergio" in avdesk_cli("dossiers", env=andere).stdout
    r = avdesk_cli("herstel", tmp_path / "b.avdesk", env={**andere, "AVDESK_BACKUP_WACHTWOORD": "fout"})
    assert r.returncode == 2 and "Het wachtwoord klopt niet." in r.stderr.decode()
    assert avdesk_cli("verlopen", env=env).stdout.strip() == b"Geen dossiers buiten de bewaartermijn."


@pytest.mark.traag
def test_nieuwer_schema_en_ontbrekende_sleutelbos_via_cli(tmp_path, avdesk_cli):
    # Sleutelbos-modus in een subproces: een testsleutelbos in een bestand (alleen voor tests).
    kr = {"PYTHON_KEYRING_BACKEND": "testkeyring.BestandKeyring", "AVDESK_TEST_KEYRING": str(tmp_path / "kr.json"),
          "PYTHONPATH": "tests/hulp", "AVDESK_DATA": str(tmp_path / "d")}
    assert avdesk_cli("import", "tests/scenarios/bosveld_2022.json", env=kr).returncode == 0
    voor = (tmp_path / "d" / "avdesk.db").read_bytes()
    r = avdesk_cli("dossiers", env={**kr, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"})
    assert r.returncode == 2 and "geen veilige sleutelbos beschikbaar" in r.stderr.decode()
    # Schema van een nieuwere versie: met de sleutel uit de testsleutelbos het versienummer ophogen.
    import json as _json
    from avdesk.store.db import open_database
    sleutel = bytes.fromhex(next(iter(_json.loads((tmp_path / "kr.json").read_text()).values())))
    db = open_database(tmp_path / "d" / "avdesk.db", sleutel)
    db.execute("PRAGMA user_version = 7")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    voor = (tmp_path / "d" / "avdesk.db").read_bytes()
    r = avdesk_cli("dossiers", env=kr)
    assert r.returncode == 2 and "nieuwere versie van avdesk" in r.stderr.decode()
    assert (tmp_path / "d" / "avdesk.db").read_bytes() == voor


@pytest.mark.traag
def test_bewaarde_sleutelbos_zonder_detectie(tmp_path, avdesk_cli):
    """De sleutelbos die de sleutel bewaarde, staat in sleutel.json; een volgende start gebruikt die direct (geen
    trage detectie van alle backends). Zonder PYTHON_KEYRING_BACKEND vindt de detectie hier geen veilige backend,
    dus dit slaagt alleen via de bewaarde keuze."""
    import json as _json
    kr = {"PYTHON_KEYRING_BACKEND": "testkeyring.BestandKeyring", "AVDESK_TEST_KEYRING": str(tmp_path / "kr.json"),
          "PYTHONPATH": "tests/hulp", "AVDESK_DATA": str(tmp_path / "d")}
    assert avdesk_cli("import", "tests/scenarios/bosveld_2022.json", env=kr).returncode == 0
    assert _json.loads((tmp_path / "d" / "sleutel.json").read_text())["sleutelbos"] == "testkeyring:BestandKeyring"
    zonder = {k: v for k, v in kr.items() if k != "PYTHON_KEYRING_BACKEND"}
    import os
    env = {**os.environ, **zonder}
    env.pop("PYTHON_KEYRING_BACKEND", None)
    import subprocess
    import sys
    from pathlib import Path
    r = subprocess.run([sys.executable, "-m", "avdesk", "dossiers"], env=env, capture_output=True, timeout=60,
                       cwd=Path(__file__).resolve().parents[2])
    assert r.returncode == 0 and b"Bosveld" in r.stdout, r.stderr.decode()
