"""De teksten van de brief tegen de cijfers van de berekening (issue 20, punt 7): de motivering zegt wat er betaald
wordt en waarom, en spreekt de bedragen nooit tegen; Wtrap-documenten spreken van de vaste tegemoetkoming (niets
terugvragen, geen voettekst 'aanvraag bijzondere bijstand')."""

import json
import re
from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from gemeentehulp import SCEN, een_docx, env, schrijf, tekst

from avdesk.core.berekening import bereken
from avdesk.core.casus import lees_casus
from avdesk.core.geld import euro
from avdesk.export.documenten import maak_documenten

BEDRAG = r"€ (-?[\d.]+,\d\d)"


def _getal(tekst_: str) -> Decimal:
    return Decimal(tekst_.replace(".", "").replace(",", "."))


def _brief(tmp_path, avdesk_cli, naam: str, gemaakt: date, vandaag: str, d: dict | None = None):
    d = d or json.loads((SCEN / naam).read_text())
    c = lees_casus(json.dumps(d))
    b = bereken(c, gemaakt)
    docs = maak_documenten(c, b, gemaakt)
    pdf, _ = schrijf(tmp_path / "in", docs)
    r = avdesk_cli("beschikking", pdf, "--map", tmp_path / "uit", "--vandaag", vandaag, env=env(tmp_path))
    assert r.returncode == 0, r.stderr.decode()
    return b, tekst(een_docx(tmp_path / "uit")), docs


def _uitleg(t: str, jaar: int) -> str:
    begin = t.index(f"Uitleg over {jaar}")
    rest = t[begin + 10:]
    einde = min([i for i in (rest.find("Uitleg over "), rest.find("Wanneer krijgt u"), rest.find("Bent u het niet"))
                 if i >= 0])
    return rest[:einde]


def _controleer_tegen_cijfers(b, t: str) -> None:
    """Elke zin met een bedrag dat betaald wordt, klopt met de berekening."""
    assert f"{euro(b.totaal_compensatie)} in totaal" in t
    assert "€ 0,00 al vergoed" not in t
    for jb in b.jaren:
        uitleg = _uitleg(t, jb.jaar)
        m = re.search(rf"Over {jb.jaar} krijgt u dus {BEDRAG}(?:[: ](.*?))?\.\n", uitleg + "\n")
        assert m, uitleg
        assert _getal(m.group(1)) == jb.compensatie_jaar
        delen = [_getal(x) for x in re.findall(BEDRAG + r" voor (?:de terugvordering|het tekort)", m.group(0))]
        if delen:
            assert sum(delen) == jb.compensatie_jaar, m.group(0)
        vergoed_per_maand = re.findall(r"(?:vergoeden we het hele verschil|We vergoeden niet meer dan dat tekort|We "
                                       r"vergoeden het hele verschil): " + BEDRAG + " per maand", uitleg)
        if jb.stap11 is not None or jb.jaar not in b.profiel.tekort_jaren:
            assert not vergoed_per_maand, uitleg             # dan beslist het jaar, of wordt er geen tekort betaald
        else:
            per_periode = [pb.compensatie_totaal for pb in jb.perioden if pb.verschil_totaal > 0
                           and pb.toets != "boven_bestaansminimum"]
            assert [_getal(x) for x in vergoed_per_maand] == per_periode
        if jb.stap11 is not None:
            s = jb.stap11
            if jb.jaar in b.profiel.tekort_jaren:
                assert f"het verschil in toeslagen over het jaar is {euro(s.tekort_toeslagen)}" in uitleg
                assert f"Het laagste van die twee telt: {euro(s.laagste)}" in uitleg or s.tekort_bestaansminimum is None
                assert (f"{euro(s.extra)} hoger dan de terugvordering" in uitleg) == (s.extra > 0)


@pytest.mark.traag
def test_mvs_irene_en_sergio_2023(tmp_path, avdesk_cli):
    """Het voorbeeld uit het issue: onder MVS stond er 'we vergoeden het hele verschil: € 83,00 per maand', dan werd
    € 680 betaald en 'was € 0,00 al vergoed met de terugvordering'."""
    b, t, _ = _brief(tmp_path, avdesk_cli, "irene_sergio_2023_mvs.json", date(2025, 6, 10), "2025-07-01")
    (jb,) = b.jaren
    # MVS vergoedt over 2023 geen tekort: geen stap 11 (REKENMODEL §6), alleen de terugvordering
    assert b.profiel.id == "mvs-2025" and jb.compensatie_jaar == Decimal("680") and jb.stap11 is None
    _controleer_tegen_cijfers(b, t)
    uitleg = _uitleg(t, 2023)
    assert "Dat is € 83,00 per maand minder." in uitleg
    assert "vergoeden we" not in uitleg.split("Dienst Toeslagen")[0]          # de perioden: geen toezegging
    assert "Volgens onze regels vergoeden we over 2023 geen tekort aan toeslagen" in uitleg
    assert "Over 2023 krijgt u dus € 680,00 voor de terugvordering." in uitleg


@pytest.mark.parametrize("naam", ["drie_jaren.json", "martin_hanna_2024.json", "jerry_anton_2024.json",
                                  "oma_kostendelers_2024.json", "bosveld_2022.json"])
@pytest.mark.traag
def test_handreiking_brieven_tegen_de_cijfers(tmp_path, avdesk_cli, naam):
    from datetime import timedelta
    d = json.loads((SCEN / naam).read_text())
    aanvraag = date.fromisoformat(d["aanvraagdatum"])
    gemaakt, vandaag = aanvraag + timedelta(days=5), (aanvraag + timedelta(days=20)).isoformat()
    m = json.loads((SCEN / "martin_hanna_2024.json").read_text())
    for sleutel in ("bsn", "adres", "postcode", "woonplaats", "iban"):         # wat de aanvraag nodig heeft
        d["aanvrager"].setdefault(sleutel, m["aanvrager"][sleutel])
    d.setdefault("aanvraag", {**m["aanvraag"], "bewijs": {}})
    d.setdefault("raadsman", m["raadsman"])
    b, t, _ = _brief(tmp_path, avdesk_cli, naam, gemaakt, vandaag, d)
    _controleer_tegen_cijfers(b, t)


@pytest.mark.traag
def test_stap11_met_extra_tekort(tmp_path, avdesk_cli):
    b, t, _ = _brief(tmp_path, avdesk_cli, "drie_jaren.json", date(2024, 9, 20), "2024-10-01")
    jb = next(j for j in b.jaren if j.stap11 is not None)
    assert jb.stap11.extra > 0
    assert (f"Over {jb.jaar} krijgt u dus {euro(jb.compensatie_jaar)}: {euro(jb.stap11.terugvordering)} voor de "
            f"terugvordering en {euro(jb.stap11.extra)} voor het tekort dat daarboven uitkomt.") in t


@pytest.mark.traag
def test_inlichtingenplicht_zolang_er_bijstand_betaald_wordt(tmp_path, avdesk_cli):
    b, t, _ = _brief(tmp_path, avdesk_cli, "martin_hanna_2024.json", date(2024, 9, 20), "2024-10-01")
    assert "Wat moet u aan ons doorgeven?" in t and "inlichtingenplicht" in t and "Artikel 17 Participatiewet (inlichtingenplicht)" in t
    assert "U krijgt een bedrag per maand." in t
    # Ook als de maanden al voorbij zijn: het geld komt nog (een keer).
    (tmp_path / "uit").rename(tmp_path / "uit1")
    r = avdesk_cli("beschikking", tmp_path / "in" / "berekening.pdf", "--map", tmp_path / "uit", "--vandaag",
                   "2026-03-01", env=env(tmp_path))
    assert r.returncode == 0
    t = tekst(een_docx(tmp_path / "uit"))
    assert "U krijgt de bijzondere bijstand na deze brief." in t and "Artikel 17 Participatiewet (inlichtingenplicht)" in t


def _wtrap() -> dict:
    d = json.loads((SCEN / "wtrap_2026.json").read_text())
    d["aanvrager"].update({"bsn": "111222333", "adres": "Dorpsstraat 1", "postcode": "2351 AA",
                           "woonplaats": "Leiderdorp", "iban": "NL91ABNA0417164300"})
    d["partner"]["bsn"] = "012345672"
    return d


@pytest.mark.traag
def test_wtrap_spreekt_van_de_vaste_tegemoetkoming(tmp_path, avdesk_cli):
    from pypdf import PdfReader
    b, t, docs = _brief(tmp_path, avdesk_cli, "", date(2027, 2, 10), "2027-03-01", _wtrap())
    assert "bijzondere bijstand" not in t.split("Bent u het niet eens")[0].replace(
        "Voor het verschil kunt u bijzondere bijstand aanvragen", "")
    assert "U krijgt de vaste tegemoetkoming voor alleenverdieners: € 1.100,00" in t
    assert "We vragen niets terug." in t and "inlichtingenplicht" not in t
    for soort, pdf in docs.items():
        lezer = PdfReader(BytesIO(pdf))
        inhoud = "\n".join(p.extract_text() for p in lezer.pages)
        assert "terugvragen" not in inhoud, soort
        assert "aanvraag bijzondere bijstand" not in inhoud.lower(), soort
        assert "bijzondere bijstand" not in (lezer.metadata.title or "").lower() + (lezer.metadata.subject or "").lower()
    aanvraag = "\n".join(p.extract_text() for p in PdfReader(BytesIO(docs["aanvraag"])).pages)
    assert "blijft de tegemoetkoming over dat jaar gelden" in " ".join(aanvraag.split())


def test_bijstand_aanvraag_houdt_de_inlichtingenplicht(tmp_path):
    from pypdf import PdfReader
    c = lees_casus((SCEN / "martin_hanna_2024.json").read_bytes())
    docs = maak_documenten(c, gemaakt=date(2024, 9, 20))
    aanvraag = " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(docs["aanvraag"])).pages).split())
    assert "inlichtingenplicht, artikel 17 Participatiewet" in aanvraag and "bijstand terugvragen" in aanvraag
