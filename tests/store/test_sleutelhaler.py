"""De sleutelhaler: de sleutel uit de sleutelbos in een tweede proces, terwijl het venster opstart. Elke fout geeft
None, zodat het venster de sleutel zelf ophaalt met de gewone Nederlandse melding."""

import json
import os

import pytest

from avdesk.store import OpslagFout, sleutelhaler
from avdesk.store.opslag import Opslag

HULP = os.path.join(os.path.dirname(__file__), "..", "hulp")


@pytest.fixture
def bestand_keyring(tmp_path, monkeypatch):
    """Een sleutelbos die ook het hulpproces ziet (een bestand; alleen voor tests)."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "testkeyring.BestandKeyring")
    monkeypatch.setenv("AVDESK_TEST_KEYRING", str(tmp_path / "kr.json"))
    monkeypatch.setenv("PYTHONPATH", os.path.abspath(HULP))
    import keyring
    from testkeyring import BestandKeyring
    keyring.set_keyring(BestandKeyring())
    return tmp_path / "kr.json"


def test_haalt_de_sleutel_in_een_tweede_proces(tmp_path, bestand_keyring, monkeypatch):
    map_ = tmp_path / "d"
    with Opslag.open(map_) as o:
        verwacht = o._sleutel
        o.nieuw_dossier()
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    proces = sleutelhaler.start(map_)
    assert proces is not None
    assert sleutelhaler.ophalen(proces) == verwacht
    with Opslag.open(map_, sleutel=verwacht) as o:          # wat het venster ermee doet
        assert len(o.dossiers()) == 1


def test_geen_hulpproces_zonder_sleutelbos_of_tweede_kern(tmp_path, bestand_keyring, monkeypatch):
    Opslag.open(tmp_path / "ww", "een-wachtwoord").close()
    assert sleutelhaler.start(tmp_path / "ww") is None                   # wachtwoordmodus
    assert sleutelhaler.start(tmp_path / "bestaat-niet") is None         # eerste start
    (tmp_path / "kapot").mkdir()
    (tmp_path / "kapot" / "sleutel.json").write_text("[1, 2")
    assert sleutelhaler.start(tmp_path / "kapot") is None                # Opslag.open meldt dit zelf
    Opslag.open(tmp_path / "kr").close()
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert sleutelhaler.start(tmp_path / "kr") is None                   # een kern: niets te winnen
    assert sleutelhaler.ophalen(None) is None


def test_fout_in_het_hulpproces_geeft_none_en_de_gewone_melding(tmp_path, bestand_keyring, monkeypatch):
    map_ = tmp_path / "d"
    Opslag.open(map_).close()
    bestand_keyring.write_text(json.dumps({}))                         # sleutel weg uit de sleutelbos
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert sleutelhaler.ophalen(sleutelhaler.start(map_)) is None
    with pytest.raises(OpslagFout, match="staat niet \\(meer\\) in de sleutelbos"):
        Opslag.open(map_, sleutel=None)


def test_een_verkeerde_opgehaalde_sleutel_wordt_geweigerd(tmp_path, bestand_keyring):
    """Het venster controleert de sleutel van de sleutelhaler niet nog eens (dat deed het hulpproces, en hmac laden
    kost tijd); een sleutel die toch niet past, weigert SQLCipher met een Nederlandse melding, zonder schade."""
    map_ = tmp_path / "d"
    Opslag.open(map_).close()
    voor = (map_ / "avdesk.db").read_bytes()
    with pytest.raises(OpslagFout, match="de sleutel past niet of het bestand is beschadigd"):
        Opslag.open(map_, sleutel=bytes(32))
    assert (map_ / "avdesk.db").read_bytes() == voor


def test_verborgen_opdracht_van_de_bundel(tmp_path, bestand_keyring, avdesk_cli):
    """Het gebundelde programma heeft geen `python -m`: daar start het zichzelf met `_sleutelhaler MAP`."""
    map_ = tmp_path / "d"
    with Opslag.open(map_) as o:
        verwacht = o._sleutel
    r = avdesk_cli("_sleutelhaler", map_)
    assert r.returncode == 0 and bytes.fromhex(r.stdout.decode()) == verwacht and r.stderr == b""
    r = avdesk_cli("_sleutelhaler", tmp_path / "leeg")
    assert r.returncode == 1 and r.stdout == b"" and r.stderr == b""


@pytest.mark.traag
def test_venster_start_met_de_sleutelhaler(tmp_path, bestand_keyring, avdesk_cli):
    map_ = tmp_path / "d"
    with Opslag.open(map_) as o:
        o.nieuw_dossier()
    r = avdesk_cli(env={"AVDESK_DATA": str(map_), "AVDESK_METEN": "1", "QT_QPA_PLATFORM": "offscreen"})
    assert r.returncode == 0 and b"avdesk-klaar" in r.stdout, r.stderr.decode()[-800:]


@pytest.mark.parametrize("zonder_posix_spawn", [False, True], ids=["posix_spawn", "subprocess (Windows)"])
def test_hulpproces_wachttijd_en_exitcode(monkeypatch, zonder_posix_spawn):
    import sys
    if zonder_posix_spawn:
        monkeypatch.delattr(os, "posix_spawn", raising=False)
    assert sleutelhaler.Hulpproces([sys.executable, "-c", "print('ab' * 32)"]).wacht().strip() == b"ab" * 32
    assert sleutelhaler.Hulpproces([sys.executable, "-c", "print('ab'); raise SystemExit(1)"]).wacht() is None
    monkeypatch.setattr(sleutelhaler, "WACHTTIJD", 0.2)
    assert sleutelhaler.Hulpproces([sys.executable, "-c", "import time; time.sleep(30)"]).wacht() is None


@pytest.mark.traag
def test_wachtwoord_uit_de_omgeving_in_een_thread(tmp_path):
    map_ = tmp_path / "ww"
    with Opslag.open(map_, "het-wachtwoord") as o:
        verwacht = o._sleutel
    haler = sleutelhaler.start(map_, "het-wachtwoord")
    assert isinstance(haler, sleutelhaler.Afleiding)
    assert sleutelhaler.ophalen(haler) == verwacht
    assert sleutelhaler.ophalen(sleutelhaler.start(map_, "fout")) is None     # het venster meldt het zelf
    with pytest.raises(OpslagFout, match="Het wachtwoord klopt niet"):
        Opslag.open(map_, "fout", sleutel=None)
