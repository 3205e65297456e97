"""Een besluit vastleggen (issue 25): soort, datum, medewerker, bedragen per jaar en kostensoort, betalingen, redenen;
een vastgelegd besluit verandert niet, een nieuw vervangt het en beide blijven bewaard."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from gemeentehulp import documenten, env, scenario, schrijf

from avdesk.gemeente import besluit, werk
from avdesk.store import besluiten
from avdesk.store.db import dbapi2
from avdesk.store.opslag import Opslag


@pytest.fixture
def opslag(tmp_path):
    with Opslag.open(tmp_path / "gemeente", "geheim-ww") as o:
        yield o


def ontvang_martin(o) -> int:
    docs = documenten(scenario("martin_hanna_2024.json"), date(2024, 9, 20))
    return werk.ontvang(o, ("b.pdf", docs["berekening"]), ("a.pdf", docs["aanvraag"])).dossier


def test_toekenning_vastgelegd_met_bedragen_kostensoorten_en_maanden(tmp_path, opslag):
    d = ontvang_martin(opslag)
    opslag.zet_instelling("medewerker", "A. de Boer")
    assert besluit.laatste_besluit(opslag, d) is None
    werk.beschikking(opslag, dossier=d, doelmap=tmp_path / "c", vandaag=date(2024, 10, 1))     # een concept
    assert besluit.laatste_besluit(opslag, d) is None
    uit = werk.beschikking(opslag, dossier=d, doelmap=tmp_path / "v", vandaag=date(2024, 10, 1), vastleggen=True)
    b = besluit.laatste_besluit(opslag, d)
    assert uit.vastgelegd.id == b.id and uit.pad.name == b.brief
    assert (b.soort, b.datum, b.medewerker, b.kenmerk) == ("toekenning", date(2024, 10, 1), "A. de Boer",
                                                           "AV-12-20240915-658722")
    assert b.bedragen == {2024: Decimal("716")} and b.totaal == Decimal("716")
    assert b.kostensoorten[2024] == {"huurkosten": Decimal("408"), "zorgpremie": Decimal("308"), "overig": Decimal(0)}
    assert [(x.soort, x.datum, x.bedrag) for x in b.betalingen] == [
        ("eenmalig", date(2024, 10, 1), Decimal("32")), ("periodiek", date(2024, 9, 1), Decimal("171")),
        ("periodiek", date(2024, 10, 1), Decimal("171")), ("periodiek", date(2024, 11, 1), Decimal("171")),
        ("periodiek", date(2024, 12, 1), Decimal("171"))]
    assert sum(x.bedrag for x in b.betalingen) == Decimal("716")
    assert (b.iban, b.tenaamstelling) == ("NL91ABNA0417164300", "Martin") and b.betaalbaar
    log = [r["actie"] for r in opslag.auditlog(20)]
    assert "besluit vastgelegd: toekenning" in log
    assert not any("Martin" in x or "716" in x or "NL91" in x or "de Boer" in x for x in log)
    with pytest.raises(dbapi2.DatabaseError, match="niet gewijzigd"):
        with opslag.transactie():
            opslag.conn.execute("UPDATE besluiten SET soort = 'afwijzing'")


def test_nieuw_besluit_vervangt_het_vorige_en_beide_blijven(tmp_path, opslag):
    d = ontvang_martin(opslag)
    eerste = werk.beschikking(opslag, dossier=d, doelmap=tmp_path, vandaag=date(2024, 10, 1), vastleggen=True)
    tweede = werk.beschikking(opslag, dossier=d, besluit="afwijzing", reden="De inkomsten zijn anders.",
                              doelmap=tmp_path, vandaag=date(2024, 10, 2), vastleggen=True)
    b = besluit.laatste_besluit(opslag, d)
    assert b.id == tweede.vastgelegd.id and b.vervangt == eerste.vastgelegd.id and b.eerdere == [eerste.vastgelegd.id]
    assert b.soort == "afwijzing" and not b.betaalbaar and b.betalingen == [] and b.iban == ""
    assert b.bedragen == {2024: Decimal(0)} and "De inkomsten zijn anders." in b.reden
    assert b.medewerker == opslag.gebruiker                        # zonder instelling: de loginnaam
    alle = besluit.alle_besluiten(opslag, d)
    assert [x.soort for x in alle] == ["toekenning", "afwijzing"] and alle[0].totaal == Decimal("716")
    assert len(besluiten.besluiten(opslag, d)) == 2


def test_vastleggen_op_de_opdrachtregel_en_in_het_overzicht(tmp_path, avdesk_cli):
    b, a = schrijf(tmp_path / "in", documenten(scenario("martin_hanna_2024.json"), date(2024, 9, 20)))
    e = env(tmp_path)
    assert avdesk_cli("ontvang", b, a, env=e).returncode in (0, 1)
    r = avdesk_cli("beschikking", "--dossier", "1", "--map", tmp_path / "uit", "--vandaag", "2024-10-01",
                   "--vastleggen", env=e)
    assert r.returncode == 0, r.stderr.decode()
    assert "Besluit 1 vastgelegd: toekenning, € 716,00." in r.stdout.decode()
    r = avdesk_cli("ontvangen", "--csv", env=e)
    (rij,) = list(csv.DictReader(io.StringIO(r.stdout.decode("utf-8-sig")), delimiter=";"))
    assert rij["Besluit"] == "toekenning" and rij["Bedrag 2024"] == "716,00" and rij["Besluit vastgelegd"] != "-"
    assert rij["Beschikking"] == "vastgelegd toekenning 1 oktober 2024" or rij["Beschikking"].startswith("vastgelegd")
    # Een losse PDF heeft geen dossier om in vast te leggen: exit 2, geen brief.
    r = avdesk_cli("beschikking", b, "--map", tmp_path / "los", "--vandaag", "2024-10-01", "--vastleggen", env=e)
    assert r.returncode == 2 and "alleen in een ontvangen dossier" in r.stderr.decode()
    assert not (tmp_path / "los").exists()
