"""`avdesk instellingen [SLEUTEL [WAARDE]]` (issue 20, punt 2): tonen, een tonen, zetten; dezelfde controles als het
venster; onbekende sleutel of ongeldige waarde: Nederlandse melding en exitcode 2, niets gewijzigd; persoonsgegevens
worden nooit getoond."""

import pytest

from avdesk.store.instellingen import InstellingFout, controleer, lees, schrijf


@pytest.fixture
def env(tmp_path):
    return {"AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": "instellingen-test"}


@pytest.mark.traag
def test_werkwijze_heen_en_terug(avdesk_cli, env):
    r = avdesk_cli("instellingen", "werkwijze", env=env)
    assert (r.returncode, r.stdout.decode().strip()) == (0, "raadsman")
    r = avdesk_cli("instellingen", "werkwijze", "Gemeente", env=env)
    assert r.returncode == 0 and "werkwijze is nu gemeente" in r.stdout.decode()
    assert avdesk_cli("instellingen", "werkwijze", env=env).stdout.decode().strip() == "gemeente"
    assert avdesk_cli("instellingen", "modus", env=env).stdout.decode().strip() == "gemeente"   # de bewaarde naam
    assert avdesk_cli("instellingen", "werkwijze", "raadsman", env=env).returncode == 0
    alles = avdesk_cli("instellingen", env=env).stdout.decode()
    assert "werkwijze" in alles and "raadsman" in alles and "modus" not in alles


@pytest.mark.parametrize("args, melding", [
    (("werkwijze", "beide"), "De werkwijze is 'raadsman' of 'gemeente', niet 'beide'."),
    (("werkwijze", ""), "De werkwijze is 'raadsman' of 'gemeente'"),
    (("kleur",), "Er is geen instelling 'kleur'."),
    (("kleur", "rood"), "Er is geen instelling 'kleur'."),
    (("bewaartermijn", "0"), "van 1 tot en met 240"),
    (("bewaartermijn", "12a"), "van 1 tot en met 240"),
    (("beleidsprofiel", "../../etc/passwd"), "Er is geen beleidsprofiel"),
    (("doelgroeplijst_bewaren_tot", "31-02-2028"), "is geen datum"),
    (("gemeente_naam", "Gemeente \u202eevil"), "stuurteken"),
    (("gemeente_naam", "x" * 301), "te lang"),
    (("beschikking_sjabloon", "/bestaat/niet.docx"), "bestaat niet"),
    (("beschikking_sjabloon", "/etc/hostname"), "(.docx)"),
])
@pytest.mark.traag
def test_fout_geeft_exit_2_en_wijzigt_niets(avdesk_cli, env, args, melding):
    voor = avdesk_cli("instellingen", env=env).stdout
    r = avdesk_cli("instellingen", *args, env=env)
    assert r.returncode == 2, r.stderr.decode()
    assert melding in r.stderr.decode() and "Traceback" not in r.stderr.decode()
    assert avdesk_cli("instellingen", env=env).stdout == voor


@pytest.mark.traag
def test_datum_en_persoonsgegevens(avdesk_cli, env):
    r = avdesk_cli("instellingen", "doelgroeplijst_bewaren_tot", "30-06-2029", env=env)
    assert r.returncode == 0 and "30-06-2029" in r.stdout.decode()
    assert avdesk_cli("instellingen", "doelgroeplijst_bewaren_tot", env=env).stdout.decode().strip() == "30-06-2029"
    r = avdesk_cli("instellingen", "beschikking_ondertekening", "-", invoer=b"Fatima Geheimnaam, teamleider\n",
                   env=env)
    assert r.returncode == 0 and "Geheimnaam" not in r.stdout.decode() + r.stderr.decode()
    r = avdesk_cli("instellingen", "raadsman_email", "jan.geheim@example.nl", env=env)
    assert r.returncode == 0 and "geheim" not in r.stdout.decode()
    alles = avdesk_cli("instellingen", env=env).stdout.decode()
    assert "Geheimnaam" not in alles and "geheim" not in alles and "(ingevuld; niet getoond)" in alles
    assert "geheim" not in avdesk_cli("instellingen", "raadsman_email", env=env).stdout.decode()
    r = avdesk_cli("instellingen", "raadsman_email", "", env=env)                 # leegmaken mag
    assert r.returncode == 0
    assert avdesk_cli("instellingen", "raadsman_email", env=env).stdout.decode().strip() == "(leeg)"


def test_hulp_noemt_exitcodes_en_sleutels(avdesk_cli):
    uit = avdesk_cli("instellingen", "--help").stdout.decode()
    assert "Exitcodes: 0 gelukt; 2" in uit and "werkwijze" in uit and "beschikking_sjabloon" in uit


def test_het_venster_gebruikt_dezelfde_controle(opslag_leeg):
    with pytest.raises(InstellingFout):
        schrijf(opslag_leeg, {"modus": "beide"})
    with pytest.raises(InstellingFout):
        schrijf(opslag_leeg, {"organisatie_naam": "Goed", "bewaartermijn_maanden": "999"})
    assert lees(opslag_leeg)["organisatie_naam"] == ""          # niets half bewaard
    assert controleer("modus", " GEMEENTE ") == "gemeente"


@pytest.fixture
def opslag_leeg(tmp_path):
    from avdesk.store.opslag import Opslag
    o = Opslag.open(tmp_path / "o", "testwachtwoord")
    yield o
    o.close()
