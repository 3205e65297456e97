"""De betaalopdracht (issue 25): elke vastgelegde, nog niet betaalde betaling precies een keer, als SEPA-bestand
(pain.001.001.03, gevalideerd tegen het schema) en als CSV; niets voor een afwijzing of een besluit dat niet is
vastgelegd."""

import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import sepaxml
import xmlschema
from gemeentehulp import documenten, env, scenario, schrijf

from avdesk.gemeente import betalen, werk
from avdesk.store.opslag import Opslag

XSD = Path(sepaxml.__file__).parent / "schemas" / "pain.001.001.03.xsd"
NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}
REKENING = {"betaal_iban": "NL20INGB0001234567", "betaal_bic": "INGBNL2A", "betaal_naam": "Gemeente Vlaardingen"}


def _ontvang(o, naam: str, dossier_id: int) -> int:
    from test_overzicht import aanvraagbaar
    docs = documenten(aanvraagbaar(naam), date(2024, 9, 20), dossier_id=dossier_id)
    return werk.ontvang(o, ("b.pdf", docs["berekening"]), ("a.pdf", docs["aanvraag"])).dossier


@pytest.fixture
def drie(tmp_path):
    """Martin en Hanna vastgelegd toegekend; Irene en Sergio alleen een concept; Jerry en Anton vastgelegd afgewezen."""
    with Opslag.open(tmp_path / "gemeente", "geheim-ww") as o:
        for k, v in REKENING.items():
            o.zet_instelling(k, v)
        mh, ir, ja = (_ontvang(o, n, i) for n, i in (("martin_hanna_2024.json", 11), ("irene_sergio_2023.json", 12),
                                                    ("jerry_anton_2024.json", 13)))
        werk.beschikking(o, dossier=mh, doelmap=tmp_path / "br", vandaag=date(2024, 10, 1), vastleggen=True)
        werk.beschikking(o, dossier=ir, doelmap=tmp_path / "br", vandaag=date(2024, 10, 1))
        werk.beschikking(o, dossier=ja, besluit="afwijzing", reden="Geen alleenverdiener.", doelmap=tmp_path / "br",
                         vandaag=date(2025, 3, 1), vastleggen=True)
    return tmp_path


def _sepa(pad: Path) -> list[dict]:
    xmlschema.XMLSchema(str(XSD)).validate(str(pad))             # gooit een fout als het niet klopt met het schema
    boom = ET.parse(pad)
    uit = []
    for pmt in boom.getroot().iterfind(".//p:PmtInf", NS):
        wanneer = pmt.findtext("p:ReqdExctnDt", namespaces=NS)
        for tx in pmt.iterfind("p:CdtTrfTxInf", NS):
            uit.append({"datum": wanneer, "bedrag": Decimal(tx.findtext("p:Amt/p:InstdAmt", namespaces=NS)),
                        "iban": tx.findtext("p:CdtrAcct/p:Id/p:IBAN", namespaces=NS),
                        "naam": tx.findtext("p:Cdtr/p:Nm", namespaces=NS),
                        "omschrijving": tx.findtext("p:RmtInf/p:Ustrd", namespaces=NS)})
    return uit


def test_martin_en_hanna_een_keer_betaald(drie, avdesk_cli):
    e = env(drie)
    r = avdesk_cli("betaalopdracht", "--map", drie / "bank", env=e)
    assert r.returncode == 0, r.stderr.decode()
    (xml,) = (drie / "bank").glob("*.xml")
    regels = _sepa(xml)
    assert sum(x["bedrag"] for x in regels) == Decimal("716.00")
    assert {x["iban"] for x in regels} == {"NL91ABNA0417164300"} and {x["naam"] for x in regels} == {"Martin"}
    assert all(x["omschrijving"].startswith("AV-11-20240915-658722 ") for x in regels)
    assert sorted(x["bedrag"] for x in regels) == [Decimal("32.00")] + [Decimal("171.00")] * 4
    (c,) = (drie / "bank").glob("*.csv")
    assert c.read_bytes().startswith(b"\xef\xbb\xbf")
    rijen = list(csv.DictReader(io.StringIO(c.read_text("utf-8-sig")), delimiter=";"))
    assert sum(Decimal(x["Bedrag"].replace(".", "").replace(",", ".")) for x in rijen) == Decimal("716")
    assert {x["Dossier"] for x in rijen} == {"1"} and {x["IBAN"] for x in rijen} == {"NL91ABNA0417164300"}
    assert "september 2024" in {x["Maand"] for x in rijen}
    # Het overzicht zegt wat er betaald is.
    o = list(csv.DictReader(io.StringIO(avdesk_cli("ontvangen", "--csv", env=e).stdout.decode("utf-8-sig")),
                            delimiter=";"))
    assert {x["Dossier"]: x["Betaald"] for x in o} == {"1": "716,00", "2": "", "3": ""}
    # Een tweede run betaalt niets (en schrijft niets).
    r = avdesk_cli("betaalopdracht", "--map", drie / "bank2", env=e)
    assert r.returncode == 1 and "niets te betalen" in r.stdout.decode() and not (drie / "bank2").exists()
    # Bewust herhalen: dezelfde betalingen, een nieuw bestand.
    r = avdesk_cli("betaalopdracht", "--map", drie / "bank3", "--opnieuw", "1", env=e)
    assert r.returncode == 0, r.stderr.decode()
    (xml3,) = (drie / "bank3").glob("*.xml")
    assert sorted(x["bedrag"] for x in _sepa(xml3)) == sorted(x["bedrag"] for x in regels)
    with Opslag.open(drie / "gemeente", "geheim-ww") as o:
        log = [x["actie"] for x in o.auditlog(50)]
    assert any(x.startswith("betaalopdracht 1 gemaakt: 5 betalingen (avdesk-betaalopdracht-1-") for x in log)
    assert any(x.startswith("betaalopdracht 1 opnieuw geschreven") for x in log)
    for x in log:
        assert not any(geheim in x for geheim in ("Martin", "NL91", "716", "171", "123456782"))


def test_latere_maanden_op_hun_datum_en_een_nieuw_besluit_betaalt_niet_dubbel(drie):
    with Opslag.open(drie / "gemeente", "geheim-ww") as o:
        uit = betalen.maak(o, drie / "bank", date(2024, 10, 15), vandaag=date(2024, 10, 14))
        datums = sorted((r.datum, r.bedrag) for r in uit.regels)
        assert datums == [(date(2024, 10, 15), Decimal(32)), (date(2024, 10, 15), Decimal(171)),
                          (date(2024, 10, 15), Decimal(171)), (date(2024, 11, 1), Decimal(171)),
                          (date(2024, 12, 1), Decimal(171))]
        assert {x["datum"] for x in _sepa(uit.xml)} == {"2024-10-15", "2024-11-01", "2024-12-01"}
        # Hetzelfde besluit nog eens vastgelegd (vervangt het vorige): alles is al betaald.
        werk.beschikking(o, dossier=1, doelmap=drie / "br", vandaag=date(2024, 10, 20), vastleggen=True)
        nog = betalen.maak(o, drie / "bank2", date(2024, 10, 21), vandaag=date(2024, 10, 21))
        assert nog.nummer is None and nog.regels == [] and not (drie / "bank2").exists()
        # Een afwijzing vervangt de toekenning: niets meer, en een melding dat er al betaald is.
        werk.beschikking(o, dossier=1, besluit="afwijzing", reden="Toch niet.", doelmap=drie / "br",
                         vandaag=date(2024, 10, 22), vastleggen=True)
        nog = betalen.maak(o, drie / "bank3", date(2024, 10, 23), vandaag=date(2024, 10, 23))
        assert nog.regels == [] and any("al betaald" in x for x in nog.let_op)


def test_zonder_rekening_van_de_gemeente_exit_2_met_de_namen(tmp_path, avdesk_cli):
    b, a = schrijf(tmp_path / "in", documenten(scenario("martin_hanna_2024.json"), date(2024, 9, 20)))
    e = env(tmp_path)
    avdesk_cli("ontvang", b, a, env=e)
    avdesk_cli("beschikking", "--dossier", "1", "--map", tmp_path / "br", "--vandaag", "2024-10-01", "--vastleggen",
               env=e)
    r = avdesk_cli("betaalopdracht", "--map", tmp_path / "bank", env=e)
    fout = r.stderr.decode()
    assert r.returncode == 2 and all(k in fout for k in REKENING) and not (tmp_path / "bank").exists()
    assert avdesk_cli("instellingen", "betaal_iban", "NL20INGB0001234568", env=e).returncode == 2   # mod 97
    for k, v in REKENING.items():
        assert avdesk_cli("instellingen", k, v, env=e).returncode == 0
    r = avdesk_cli("betaalopdracht", "--map", tmp_path / "bank", "--uitvoerdatum", "01-01-2020", env=e)
    assert r.returncode == 2 and "verleden" in r.stderr.decode()
    r = avdesk_cli("betaalopdracht", "--map", tmp_path / "bank", "--uitvoerdatum", "morgen", env=e)
    assert r.returncode == 2 and "geen datum" in r.stderr.decode()
    r = avdesk_cli("betaalopdracht", "--map", tmp_path / "bank", "--opnieuw", "7", env=e)
    assert r.returncode == 2 and "geen betaalopdracht 7" in r.stderr.decode()


def test_redden_neemt_besluiten_en_betalingen_mee(drie):
    """`avdesk backup --red` nam de tabellen van schema 3 en 5 niet mee: na herstel waren de ontvangen versies, de
    vastgelegde besluiten en wat er betaald is weg (en zou een nieuwe betaalopdracht alles opnieuw betalen)."""
    from avdesk.store import besluiten, betalingen
    from avdesk.store.db import dbapi2
    from avdesk.store.opslag import herstel_backup

    def stand(o):
        return ([besluiten.besluiten(o, d) for d in (1, 2, 3)], [betalingen.betaald(o, d) for d in (1, 2, 3)],
                betalingen.opdracht(o, 1), [[(v.versie, v.status) for v in werk.versies(o, d)] for d in (1, 2, 3)])

    with Opslag.open(drie / "gemeente", "geheim-ww") as o:
        betalen.maak(o, drie / "bank", date(2024, 10, 15), vandaag=date(2024, 10, 14))
        voor = stand(o)
        u = o.red_backup(drie / "gered.avdesk", "backup-ww")
    assert u["gered"] == [1, 2, 3] and not u["verloren"] and not u["onvolledig"]
    assert voor[0][0] and voor[1][0] and voor[2] is not None
    herstel_backup(drie / "gered.avdesk", "backup-ww", drie / "terug", "nieuw-ww")
    with Opslag.open(drie / "terug", "nieuw-ww") as o:
        assert stand(o) == voor
        assert betalen.maak(o, drie / "bank2", date(2024, 10, 15), vandaag=date(2024, 10, 14)).regels == []
        with pytest.raises(dbapi2.DatabaseError, match="een vastgelegd besluit wordt niet gewijzigd"):
            o.conn.execute("UPDATE besluiten SET soort = 'afwijzing'")
