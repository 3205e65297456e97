"""De PDF's: namen, elk compensatiebedrag uit de berekening, totalen, twee lege handtekeningvelden,
alle lettertypen ingebed, 'pagina x van y' en een gelabelde grafiek."""

import shutil
import subprocess
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from avdesk.core.berekening import bereken
from avdesk.core.casus import lees_casus
from avdesk.core.geld import euro
from avdesk.export.aanvraag_pdf import aanvraag_pdf
from avdesk.export.documenten import maak_documenten

ROOT = Path(__file__).resolve().parents[2]
CASUSSEN = ["martin_hanna_2024.json", "irene_sergio_2023.json", "drie_jaren.json", "wtrap_2026.json"]


def pdftekst(pdf: bytes) -> str:
    assert shutil.which("pdftotext"), "pdftotext ontbreekt: installeer poppler-utils (.ci/run doet dat)"
    r = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True)
    return r.stdout.decode().replace("\xa0", " ")


@pytest.fixture(scope="module", params=CASUSSEN)
def documenten(request):
    c = lees_casus((ROOT / "tests" / "scenarios" / request.param).read_bytes())
    b = bereken(c)
    docs = maak_documenten(c, b)
    if "aanvraag" not in docs:          # casus zonder toestemming, BSN, adres of IBAN: de opmaak zelf wel testen
        docs["aanvraag"] = aanvraag_pdf(c, b)
    return c, b.naar_json(), docs, pdftekst(docs["aanvraag"]), pdftekst(docs["berekening"])


def bedragen(uitkomst: dict, alleen_jaren: bool = False) -> set[str]:
    """Elk compensatiebedrag uit avdesk-berekening/1, opgemaakt als € 1.234,56."""
    uit = {euro(Decimal(str(uitkomst["totaal_compensatie"])))}
    for j in uitkomst["jaren"]:
        for k in ("compensatie_jaar", "eenmalig"):
            uit.add(euro(Decimal(str(j[k]))))
        if j["periodiek"]:
            uit.add(euro(Decimal(str(j["periodiek_per_maand"]))))
        if j["terugvordering"]:
            uit.add(euro(Decimal(str(j["terugvordering"]["alleenverdieners"]))))
        if alleen_jaren:
            continue
        uit.add(euro(Decimal(str(j["tekort"]))))
        for p in j["perioden"]:
            uit.add(euro(Decimal(str(p["compensatie_periode"]))))
            uit |= {euro(Decimal(str(v))) for v in p["compensatie_per_maand"].values()}
    return uit


def test_namen_in_beide(documenten):
    c, _, _, aanvraag, berekening = documenten
    for tekst in (aanvraag, berekening):
        assert c.aanvrager.naam in tekst and c.partner.naam in tekst


def test_elk_compensatiebedrag_in_de_berekening(documenten):
    _, uitkomst, _, _, berekening = documenten
    ontbreekt = {b for b in bedragen(uitkomst) if b not in berekening}
    assert not ontbreekt


def test_jaarbedragen_en_totaal_in_de_aanvraag(documenten):
    _, uitkomst, _, aanvraag, _ = documenten
    assert not {b for b in bedragen(uitkomst, alleen_jaren=True) if b not in aanvraag}


def test_twee_lege_handtekeningvelden(documenten):
    _, _, docs, aanvraag, _ = documenten
    velden = PdfReader(BytesIO(docs["aanvraag"])).get_fields()
    sig = {naam: v for naam, v in velden.items() if v.get("/FT") == "/Sig"}
    assert set(sig) == {"HandtekeningAanvrager", "HandtekeningPartner"}
    assert all(v.get("/V") is None for v in sig.values())      # leeg: nog niet getekend
    assert "Handtekening aanvrager" in aanvraag and "Handtekening partner" in aanvraag


def _lettertypen(pdf: bytes):
    for pagina in PdfReader(BytesIO(pdf)).pages:
        fonts = (pagina.get("/Resources") or {}).get("/Font") or {}
        for f in fonts.values():
            f = f.get_object()
            if f.get("/Subtype") == "/Type0":
                f = f["/DescendantFonts"][0].get_object()
            yield f.get("/BaseFont"), f.get("/FontDescriptor")


def test_alle_lettertypen_ingebed(documenten):
    _, _, docs, _, _ = documenten
    for pdf in docs.values():
        gezien = list(_lettertypen(pdf))
        assert gezien
        for naam, beschrijving in gezien:
            assert beschrijving is not None, naam
            d = beschrijving.get_object()
            assert any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")), naam


def test_paginanummers_versie_en_vertrouwelijk(documenten):
    _, _, docs, aanvraag, berekening = documenten
    for pdf, tekst in ((docs["aanvraag"], aanvraag), (docs["berekening"], berekening)):
        n = len(PdfReader(BytesIO(pdf)).pages)
        assert f"pagina {n} van {n}" in tekst and "pagina 1 van" in tekst
        assert tekst.count("Vertrouwelijk: bevat persoonsgegevens") == n
        assert tekst.count("avdesk 0.1.0") == n


def test_berekening_inhoud(documenten):
    c, uitkomst, _, _, berekening = documenten
    if any(j["perioden"] for j in uitkomst["jaren"]):
        assert "Verschil in toeslagen en compensatie per maand" in berekening     # grafiek met titel
        assert "verschil in toeslagen" in berekening and "compensatie" in berekening   # legenda
    assert "Gebruikte parameters" in berekening and "Bijlage: rekenspoor" in berekening
    for j in uitkomst["jaren"]:
        for s in j["signalen"] + [s for p in j["perioden"] for s in p["signalen"]]:
            assert s["code"] in berekening


def test_aanvraag_inhoud():
    c = lees_casus((ROOT / "tests/scenarios/martin_hanna_2024.json").read_bytes())
    tekst = pdftekst(maak_documenten(c)["aanvraag"])
    for stuk in ("Aan: Gemeente Vlaardingen, team Inkomen", "naar Gemeente Vlaardingen te sturen",
                 "123456782", "NL91ABNA0417164300", "15-07-1979", "R. de Vries", "Sociaal Raadslieden Voorbeeldstad",
                 "inlichtingenplicht", "Plaats: Vlaardingen", "Datum: 15-09-2024", "☒ Kopie van een identiteitsbewijs",
                 "☐ Jaaropgaven", "te hoge eigen huurkosten", "zorgpremie"):
        assert stuk in tekst, stuk


@pytest.mark.traag
def test_derde_jaar_terugvordering_in_berekening():
    c = lees_casus((ROOT / "tests/scenarios/drie_jaren.json").read_bytes())
    tekst = pdftekst(maak_documenten(c)["berekening"])
    assert "Terugvordering (stap 9)" in tekst and "Stap 11" in tekst


def test_bronnen_in_het_nederlands_met_sleutels(documenten):
    _, _, _, _, berekening = documenten
    assert "Bronnen" in berekening and "De verwijzingen [bron n]" in berekening and "[bron " in berekening
    parameters = berekening.split("Gebruikte parameters", 1)[1].split("Bijlage: rekenspoor", 1)[0]
    import re
    assert not re.search(r"\bS[0-9]+:", parameters)            # bronnen zijn nooit te verwarren met S1-S8
    assert "E-" not in parameters and "e-0" not in parameters    # geen 2,444900E-7
    for engels in (" not read", "verified by", "secondary", " the "):
        assert engels not in berekening, engels


def test_wtrap_aanvraag_en_inkomenstoets():
    c = lees_casus((ROOT / "tests/scenarios/wtrap_2026.json").read_bytes())
    docs = maak_documenten(c)
    aanvraag, berekening = pdftekst(aanvraag_pdf(c, bereken(c))), pdftekst(docs["berekening"])
    assert "Aanvraag tegemoetkoming alleenverdienersproblematiek (Wtrap)" in aanvraag
    assert "Voorwaarden vaste tegemoetkoming 2026" in aanvraag and "☒ fiscaal partners" in aanvraag
    assert "vaste tegemoetkoming Wtrap" in aanvraag and "€ 1.100,00" in aanvraag
    assert "Inkomenstoets" in berekening and "€ 30.120,00" in berekening and "€ 32.267,52" in berekening


def test_stap11_met_de_namen_uit_het_spoor():
    """Stap 11 in de berekenings-PDF: de drie getallen met de naam die het rekenspoor ze geeft (issue 23), zodat PDF,
    wizard en spoorbijlage hetzelfde zeggen; ook als (2) niet te berekenen is."""
    from avdesk.core.casus import Terugvordering
    from avdesk.core.spoor import zoek
    from avdesk.core.spoorsleutels import STAP11
    from avdesk.export.berekening_pdf import berekening_pdf
    c = lees_casus((ROOT / "tests/scenarios/irene_sergio_2023.json").read_bytes())
    eerste, tweede = c.jaren[0].perioden
    c.jaren[0].terugvordering = Terugvordering(voorschot={"huurtoeslag": Decimal(3000)},
                                               definitief={"huurtoeslag": Decimal(2800)})
    c.aanvraag.route = "beide"
    for netto, twee in ((Decimal(2050), "€ 372,60"), (None, "niet berekend")):
        eerste.netto_inkomen_per_maand = tweede.netto_inkomen_per_maand = netto
        if netto is not None:
            tweede.netto_inkomen_per_maand = Decimal(1500)
        b = bereken(c)
        (jb,) = b.jaren
        tekst = " ".join(pdftekst(berekening_pdf(c, b)).split())
        stappen = [zoek(jb.spoor, k) for k in STAP11]
        assert [s.naam for s in stappen] == ["(1) Verschil in toeslagen over het jaar",
                                             "(2) Tekort tot het bestaansminimum over het jaar", "Het laagste van (1) en (2)"]
        for s, bedrag in zip(stappen, ("€ 996,00", twee, euro(jb.stap11.laagste))):
            assert f"{s.naam} {bedrag}" in tekst, (s.naam, bedrag)
