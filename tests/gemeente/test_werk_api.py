"""De functies die het venster gebruikt (avdesk.gemeente.werk), zonder opdrachtregel: dezelfde uitkomsten."""

from datetime import date, datetime

import pytest
from gemeentehulp import documenten, een_docx, scenario, tekst, vervalst

from avdesk.gemeente import werk
from avdesk.store.opslag import Opslag


@pytest.fixture
def opslag(tmp_path):
    with Opslag.open(tmp_path / "gemeente", "geheim-ww") as o:
        yield o


@pytest.mark.traag
def test_ontvang_versies_voorstel_beschikking(tmp_path, opslag):
    d = scenario("martin_hanna_2024.json")
    docs = documenten(d, date(2024, 9, 20))
    o1 = werk.ontvang(opslag, ("b.pdf", docs["berekening"]), ("a.pdf", docs["aanvraag"]))
    assert (o1.dossier, o1.versie, o1.nieuw_dossier, o1.al_ontvangen, o1.code) == (1, 1, True, False, 0)
    assert o1.status == "geldend" and any("Ontvangen als dossier 1" in r for r in o1.regels)
    # Alleen het IBAN in de ingebedde casus veranderd: de bedragen blijven gelijk, maar de versie staat ter
    # beoordeling en zegt wat er anders is; de beschikking betaalt naar de rekening van de geldende versie.
    ander = {**d, "aanvrager": {**d["aanvrager"], "iban": "NL02ABNA0123456789"}}
    nep = vervalst(d, ander, date(2024, 9, 20))
    o2 = werk.ontvang(opslag, ("b2.pdf", nep["berekening"]), ("a2.pdf", nep["aanvraag"]))
    assert (o2.dossier, o2.versie, o2.status) == (1, 2, "ter beoordeling")
    v1, v2 = werk.versies(opslag, 1)
    assert (v1.status, v1.controle_code, v1.verschillen, v1.heeft_aanvraag) == ("geldend", 0, [], True)
    assert v2.status == "ter beoordeling" and isinstance(v2.ontvangen, datetime)
    assert any("iban" in x and "NL02ABNA0123456789" in x for x in v2.verschillen), v2.verschillen
    assert any("rekeningnummer (IBAN) is anders" in x for x in v2.opmerkingen)
    vs = werk.voorstel(opslag, dossier=1)
    assert vs.besluit == "toekenning" and vs.blokkades == []
    uit = werk.beschikking(opslag, dossier=1, doelmap=tmp_path / "uit", vandaag=date(2024, 10, 1))
    assert uit.besluit == "toekenning" and uit.samenvatting == "Concept toekenning: € 716,00" and uit.pad.exists()
    t = tekst(een_docx(tmp_path / "uit"))
    assert "NL91ABNA0417164300" in t and "NL02ABNA0123456789" not in t
    # Een veranderde huur: de controle klopt niet; ook vastgezet geeft dat geen toekenning.
    hoger = {**d, "jaren": [{**d["jaren"][0], "perioden": [{**p, "huur": {**p["huur"], "kale_huur": 900}}
                                                           for p in d["jaren"][0]["perioden"]]}]}
    nep = vervalst(d, hoger, date(2024, 9, 20))
    o3 = werk.ontvang(opslag, ("b3.pdf", nep["berekening"]), ("a3.pdf", nep["aanvraag"]))
    assert (o3.versie, o3.status, o3.code) == (3, "ter beoordeling", 1)
    assert werk.vastzetten(opslag, 1, 3).status == "geldend"
    assert [v.status for v in werk.versies(opslag, 1)] == ["vervangen", "vervangen", "geldend"]
    vs = werk.voorstel(opslag, dossier=1)
    assert vs.besluit is None and any("klopt niet opnieuw gerekend" in x for x in vs.blokkades)
    with pytest.raises(werk.GemeenteFout) as e:
        werk.beschikking(opslag, dossier=1, doelmap=tmp_path / "uit2", vandaag=date(2024, 10, 1))
    assert e.value.kop == "Geen beschikking gemaakt:" and not (tmp_path / "uit2").exists()
    af = werk.beschikking(opslag, dossier=1, besluit="afwijzing", reden="De berekening is veranderd.",
                          doelmap=tmp_path / "uit3", vandaag=date(2024, 10, 1))
    assert af.samenvatting == "Concept afwijzing"
    assert "NL91ABNA0417164300" not in tekst(af.pad) and "€" not in tekst(af.pad).split("Beste ")[1]
    herc = werk.controleer_opnieuw(opslag, 1)
    assert herc.versie == 3 and herc.code == 1


def test_losse_pdf_zonder_opslag(tmp_path):
    docs = documenten(scenario("martin_hanna_2024.json"), date(2024, 9, 20))
    assert werk.voorstel(None, pdf=docs["berekening"]).besluit == "toekenning"
    uit = werk.beschikking(None, pdf=docs["berekening"], doelmap=tmp_path, vandaag=date(2024, 10, 1))
    assert uit.samenvatting == "Concept toekenning: € 716,00" and uit.let_op
    with pytest.raises(werk.GemeenteFout):
        werk.beschikking(None, pdf=b"%PDF-1.4 geen avdesk", doelmap=tmp_path, vandaag=date(2024, 10, 1))
    with pytest.raises(werk.GemeenteFout):
        werk.beschikking(None, doelmap=tmp_path)
