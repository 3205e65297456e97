"""Een afgehandeld dossier naar het zaaksysteem (ZGW API's, issue 25): tegen een loopback-testserver die elk verzoek
en elk antwoord met openapi-core valideert tegen de gepubliceerde specificaties (Zaken API 1.5.1, Documenten API
1.5.0) en het JWT controleert."""

import base64
import json
import re
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


@pytest.fixture(autouse=True)
def geen_proxy(monkeypatch):
    """avdesk volgt een proxy uit de omgeving; de testserver staat op de loopback."""
    for naam in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(naam, raising=False)
        monkeypatch.delenv(naam.lower(), raising=False)


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
    """Martin en Hanna ontvangen, met een vastgelegde toekenning: een afgehandeld dossier."""
    if not _DOCS:
        _DOCS.update(documenten(scenario("martin_hanna_2024.json"), date(2024, 9, 20)))
    d = werk.ontvang(o, ("b.pdf", _DOCS["berekening"]), ("a.pdf", _DOCS["aanvraag"])).dossier
    werk.beschikking(o, dossier=d, doelmap=tmp_path / "uit", vandaag=date(2024, 10, 1), vastleggen=True)
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
    stand = zaaksysteem.stand(opslag, d)
    assert stand["zaak"] == z["url"]
    assert BSN_AANVRAGER not in json.dumps(stand) and server.secret not in json.dumps(stand)
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


def _dicht_adres() -> str:
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    poort = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{poort}/zaken/api/v1"


def test_onbereikbaar_binnen_de_tijd_en_niets_vastgelegd(tmp_path, opslag, server):
    d = _afgehandeld(tmp_path, opslag)
    _instellen(opslag, server, zaaksysteem_zaken_api=_dicht_adres())
    begin = time.monotonic()
    uit = zaak.draag_over(opslag, d)
    assert time.monotonic() - begin < 10
    assert uit.code == 1 and uit.zaak is None and uit.nieuw == []
    tekst = "\n".join(uit.regels)
    assert "niet bereikbaar" in tekst and "niets dubbel" in tekst and server.secret not in tekst
    assert zaaksysteem.stand(opslag, d).get("zaak") is None
    # De PDF-route hangt er niet van af: de beschikking kan gewoon.
    assert werk.beschikking(opslag, dossier=d, doelmap=tmp_path / "uit2", vandaag=date(2024, 10, 3)).pad.exists()


@pytest.mark.parametrize("resource", ["zaken", "enkelvoudiginformatieobjecten", "zaakinformatieobjecten", "rollen"])
def test_geen_antwoord_binnen_de_tijd_dan_niets_dubbel(tmp_path, opslag, server, resource):
    """De server maakt het object maar antwoordt te laat: de herhaling zoekt het eerst op (zaak en document op de
    identificatie van avdesk, koppeling op zaak en document, rol op zaak en soort) en maakt het niet nog eens."""
    d = _afgehandeld(tmp_path, opslag)
    _instellen(opslag, server)
    server.traag[("POST", resource)] = 2.0
    uit = zaak.draag_over(opslag, d, timeout=httpx.Timeout(0.5))
    assert uit.code == 1 and "geen antwoord binnen de tijd" in "\n".join(uit.regels)
    assert "overgedragen" not in zaaksysteem.stand(opslag, d)
    tweede = zaak.draag_over(opslag, d)
    assert tweede.code == 0, tweede.regels
    assert [len(server.objecten[r]) for r in ("zaken", "enkelvoudiginformatieobjecten", "zaakinformatieobjecten",
                                             "rollen")] == [1, 3, 3, 1]
    zoek = [v for v in server.verzoeken if v["methode"] == "GET"]
    assert [v["resource"] for v in zoek] == [resource]
    assert BSN_AANVRAGER not in str(zoek[0]["query"])             # geen BSN in een adres (serverlogs)
    assert tweede.zaak == server.objecten["zaken"][0]["url"] and server.fouten == []


def test_storing_halverwege_en_daarna_verder(tmp_path, opslag, server):
    d = _afgehandeld(tmp_path, opslag)
    _instellen(opslag, server)
    server.storing[("POST", "enkelvoudiginformatieobjecten")] = [0, 500]
    uit = zaak.draag_over(opslag, d)
    assert uit.code == 1 and "storing (HTTP 500)" in "\n".join(uit.regels), uit.regels
    stand = zaaksysteem.stand(opslag, d)
    assert stand["zaak"] and sum(bool(x.get("url")) for x in stand["documenten"].values()) == 1
    assert "rol" not in stand and "overgedragen" not in stand
    # Het tweede document was begonnen (identificatie bewaard): de herhaling zoekt het eerst op, en maakt het dan.
    tweede = zaak.draag_over(opslag, d)
    assert tweede.code == 0, tweede.regels
    assert [len(server.objecten[r]) for r in ("zaken", "enkelvoudiginformatieobjecten", "zaakinformatieobjecten",
                                             "rollen")] == [1, 3, 3, 1]
    assert server.fouten == []


def test_verkeerd_secret_wordt_geweigerd(tmp_path, opslag, server):
    d = _afgehandeld(tmp_path, opslag)
    _instellen(opslag, server, zaaksysteem_secret="dit-is-niet-het-secret-van-de-gemeente")
    uit = zaak.draag_over(opslag, d)
    tekst = "\n".join(uit.regels)
    assert uit.code == 1 and "weigert de toegang (HTTP 403)" in tekst and "zaaksysteem_secret" in tekst
    assert "dit-is-niet-het-secret" not in tekst and server.objecten["zaken"] == []


def test_uit_onvolledig_of_zonder_besluit(tmp_path, opslag, server):
    d = _afgehandeld(tmp_path, opslag)
    with pytest.raises(werk.GemeenteFout) as e:
        zaak.draag_over(opslag, d)
    assert "staat uit" in " ".join(e.value.regels)
    instellingen.zet(opslag, "zaaksysteem", "aan")
    with pytest.raises(werk.GemeenteFout) as e:
        zaak.draag_over(opslag, d)
    assert "zaaksysteem_zaken_api" in " ".join(e.value.regels) and "zaaksysteem_secret" in " ".join(e.value.regels)
    _instellen(opslag, server)
    docs = documenten(scenario("martin_hanna_2024.json"), date(2024, 9, 21), dossier_id=13)
    zonder = werk.ontvang(opslag, ("b2.pdf", docs["berekening"]), ("a2.pdf", docs["aanvraag"])).dossier
    assert zonder != d
    with pytest.raises(werk.GemeenteFout) as e:
        zaak.draag_over(opslag, zonder)
    assert "nog geen besluit" in " ".join(e.value.regels)
    # Een concept beschikking is nog geen besluit: pas een vastgelegd besluit gaat naar het zaaksysteem.
    werk.beschikking(opslag, dossier=zonder, doelmap=tmp_path / "concept", vandaag=date(2024, 10, 1))
    with pytest.raises(werk.GemeenteFout) as e:
        zaak.draag_over(opslag, zonder)
    assert "nog geen besluit vastgelegd" in " ".join(e.value.regels)
    assert server.verzoeken == []
    fout = {"zaaksysteem_bronorganisatie": "123456789", "zaaksysteem_verantwoordelijke": "12345678",
            "zaaksysteem_zaken_api": "http://zaken.example.nl/api/v1",
            "zaaksysteem_zaaktype": "https://u:p@catalogi.example.nl/zt/1", "zaaksysteem": "ja"}
    voor = instellingen.lees(opslag)
    for sleutel, waarde in fout.items():
        with pytest.raises(instellingen.InstellingFout):
            instellingen.zet(opslag, sleutel, waarde)
    assert instellingen.lees(opslag) == voor
    assert instellingen.zet(opslag, "zaaksysteem_verantwoordelijke", "002220647")[1] == "002220647"
    assert instellingen.zet(opslag, "zaaksysteem_zaken_api", "https://zaken.example.nl/api/v1/")[1] == \
        "https://zaken.example.nl/api/v1"


def test_proef_verstuurt_niets(tmp_path, opslag, server):
    d = _afgehandeld(tmp_path, opslag)
    _instellen(opslag, server)
    uit = zaak.draag_over(opslag, d, proef=True)
    assert uit.code == 0 and server.verzoeken == [] and "Proef" in uit.regels[0]
    tekst = "\n".join(uit.regels)
    assert sum("- document " in r for r in uit.regels) == 3 and BSN_AANVRAGER not in tekst
    assert len(re.findall(r"\(\d{1,3}(?:\.\d{3})* bytes, application/pdf\)", tekst)) == 2, tekst


def test_secret_niet_in_instellingen_of_audit(tmp_path, opslag):
    """Wachtwoordmodus: het secret versleuteld in de opslag (tabel geheimen), niet bij de instellingen."""
    instellingen.zet(opslag, "zaaksysteem_secret", "s3cr3t-van-de-gemeente")
    assert instellingen.lees(opslag)["zaaksysteem_secret"] == "s3cr3t-van-de-gemeente"
    assert instellingen.toon("zaaksysteem_secret", "s3cr3t-van-de-gemeente") == "(ingevuld; niet getoond)"
    rijen = opslag.conn.execute("SELECT sleutel, waarde FROM instellingen").fetchall()
    assert all("s3cr3t" not in w for _, w in rijen)
    assert "s3cr3t" not in " ".join(r["actie"] for r in opslag.auditlog(100))


def test_secret_in_de_sleutelbos(tmp_path, geheugen_keyring):
    """Sleutelbosmodus (zoals de databasesleutel): het secret staat in de sleutelbos, niet in de opslag."""
    with Opslag.open(tmp_path / "kr") as o:
        instellingen.zet(o, "zaaksysteem_secret", "s3cr3t-in-de-sleutelbos")
        assert instellingen.lees(o)["zaaksysteem_secret"] == "s3cr3t-in-de-sleutelbos"
        assert o.conn.execute("SELECT count(*) FROM geheimen WHERE naam = 'zaaksysteem_secret'").fetchone()[0] == 0
    assert "s3cr3t-in-de-sleutelbos" in geheugen_keyring.sleutels.values()


def test_opdrachtregel(tmp_path, server, avdesk_cli):
    """`avdesk instellingen zaaksysteem_secret -` en `avdesk zaaksysteem N [--proef]`, als los proces."""
    from gemeentehulp import env
    omgeving = env(tmp_path)
    with Opslag.open(tmp_path / "gemeente", "geheim-ww") as o:
        d = _afgehandeld(tmp_path, o)
    r = avdesk_cli("zaaksysteem", d, env=omgeving)
    assert r.returncode == 2 and "staat uit" in r.stderr.decode()
    with Opslag.open(tmp_path / "gemeente", "geheim-ww") as o:
        _instellen(o, server, zaaksysteem_secret="")
    r = avdesk_cli("instellingen", "zaaksysteem_secret", "-", invoer=server.secret.encode() + b"\n", env=omgeving)
    assert r.returncode == 0 and server.secret not in r.stdout.decode() + r.stderr.decode()
    r = avdesk_cli("instellingen", env=omgeving)
    assert r.returncode == 0 and server.secret not in r.stdout.decode()
    assert "zaaksysteem_secret" in r.stdout.decode() and "(ingevuld; niet getoond)" in r.stdout.decode()
    r = avdesk_cli("zaaksysteem", d, "--proef", env=omgeving)
    assert r.returncode == 0 and server.verzoeken == [] and "Proef" in r.stdout.decode()
    r = avdesk_cli("zaaksysteem", d, env=omgeving)
    uit = r.stdout.decode() + r.stderr.decode()
    assert r.returncode == 0, uit
    assert "is overgedragen aan het zaaksysteem" in uit and BSN_AANVRAGER not in uit and server.secret not in uit
    assert len(server.objecten["zaken"]) == 1 and server.fouten == []
    r = avdesk_cli("zaaksysteem", d, env=omgeving)
    assert r.returncode == 0 and "al overgedragen" in r.stdout.decode() and len(server.objecten["zaken"]) == 1
    r = avdesk_cli("audit", "--aantal", "200", env=omgeving)
    assert "zaaksysteem: zaak aangemaakt" in r.stdout.decode()
    assert BSN_AANVRAGER not in r.stdout.decode() and server.secret not in r.stdout.decode()
    # Onbereikbaar: exit 1 met een Nederlandse melding.
    with Opslag.open(tmp_path / "gemeente", "geheim-ww") as o:
        d2 = werk.ontvang(o, ("b.pdf", documenten(scenario("martin_hanna_2024.json"), date(2024, 9, 22),
                                                    dossier_id=14)["berekening"])).dossier
        werk.beschikking(o, dossier=d2, doelmap=tmp_path / "uit3", vandaag=date(2024, 10, 1), vastleggen=True)
        instellingen.zet(o, "zaaksysteem_documenten_api", _dicht_adres().replace("zaken", "documenten"))
    r = avdesk_cli("zaaksysteem", d2, env=omgeving)
    assert r.returncode == 1 and "niet bereikbaar" in r.stderr.decode(), r.stderr.decode()
    r = avdesk_cli("zaaksysteem", "99", env=omgeving)
    assert r.returncode == 2 and "Dossier 99 bestaat niet" in r.stderr.decode()
    r = avdesk_cli("zaaksysteem", "--help", env=omgeving)
    assert r.returncode == 0 and "Exitcodes" in r.stdout.decode()


def test_secret_blijft_na_wissel_van_modus(tmp_path, geheugen_keyring):
    """Van sleutelbos naar wachtwoord (de instellingen van het venster): het secret blijft te vinden, en een nieuw
    komt dan versleuteld in de opslag, niet meer in de sleutelbos."""
    from avdesk.store.sleutel import Sleutelbeheer
    with Opslag.open(tmp_path / "kr") as o:
        instellingen.zet(o, "zaaksysteem_secret", "eerst-in-de-sleutelbos")
        Sleutelbeheer(tmp_path / "kr").naar_wachtwoord(o._sleutel, "een-goed-wachtwoord")
        assert instellingen.lees(o)["zaaksysteem_secret"] == "eerst-in-de-sleutelbos"
        instellingen.zet(o, "zaaksysteem_secret", "daarna-in-de-opslag")
        assert instellingen.lees(o)["zaaksysteem_secret"] == "daarna-in-de-opslag"
        assert o.conn.execute("SELECT count(*) FROM geheimen WHERE naam = 'zaaksysteem_secret'").fetchone()[0] == 1
    assert not any("zaaksysteem" in naam for _, naam in geheugen_keyring.sleutels)


def test_http_laag_omleiding_te_groot_en_geschoonde_melding():
    """Verbinding met een nep-transport: geen omleiding volgen, een te groot antwoord niet lezen, en wat de server
    terugzegt zonder BSN of secret in de melding."""
    from avdesk.gemeente.zgw import MAX_ANTWOORD, Verbinding, ZaaksysteemFout

    def antwoord(request):
        pad = request.url.path
        if pad.endswith("/om"):
            return httpx.Response(302, headers={"Location": "https://elders.example.nl/"})
        if pad.endswith("/groot"):
            return httpx.Response(200, content=b"[" + b"0," * MAX_ANTWOORD + b"0]")
        return httpx.Response(400, json={"title": "Ongeldig", "invalidParams": [
            {"name": "betrokkeneIdentificatie.inpBsn", "reason": f"{BSN_AANVRAGER} bestaat niet; token geheim-123"}]})
    with Verbinding("c", "geheim-123", "u", "u", transport=httpx.MockTransport(antwoord)) as v:
        for pad, verwacht in (("om", "stuurt door"), ("groot", "groter dan"), ("rollen", "weigert het verzoek")):
            with pytest.raises(ZaaksysteemFout) as e:
                v.post(f"https://zaken.example.nl/api/v1/{pad}", {})
            tekst = " ".join(e.value.regels)
            assert verwacht in tekst and e.value.code == 1
    assert BSN_AANVRAGER not in tekst and "geheim-123" not in tekst and "[nummer] bestaat niet" in tekst
