"""`avdesk controleer` leest het papier (issue 20, punt 5): de tekst van elke pagina wordt vergeleken met de
opnieuw gerekende berekening. Elke aanval hieronder laat de ingebedde gegevens echt, en verandert alleen wat een
mens ziet; elke klasse moet exit 1 geven met in het Nederlands wat er verschilt.

De vervalste PDF's worden hier gemaakt, uit een echte (drie_jaren: € 716,00 in 2024, totaal € 2.612,00)."""

import json
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject, TextStringObject
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas as rl_canvas

from avdesk.core.casus import lees_casus
from avdesk.export import bewijs, controle
from avdesk.export.documenten import maak_documenten

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def echt():
    c = lees_casus((ROOT / "tests/scenarios/drie_jaren.json").read_bytes())
    return maak_documenten(c, gemaakt=date(2024, 9, 20))["berekening"]


def _schrijf(schrijver: PdfWriter) -> bytes:
    uit = BytesIO()
    schrijver.write(uit)
    return uit.getvalue()


def _laag(tekst: str, x=300, y=400, wit=True) -> bytes:
    """Een pagina (reportlab) met een wit vlak en een bedrag erop: wat een vervalser over pagina 1 legt."""
    buf = BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A4)
    if wit:
        c.setFillColorRGB(1, 1, 1)
        c.rect(x - 5, y - 3, 120, 14, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(x, y, tekst)
    c.save()
    return buf.getvalue()


def _controleer(pdf: bytes, tmp_path, avdesk_cli, naam="vervalst.pdf"):
    pad = tmp_path / naam
    pad.write_bytes(pdf)
    r = avdesk_cli("controleer", pad)
    return r.returncode, r.stderr.decode() + r.stdout.decode()


def test_echt_klopt_en_noemt_de_paginas(echt, tmp_path, avdesk_cli):
    code, tekst = _controleer(echt, tmp_path, avdesk_cli, "echt.pdf")
    assert code == 0, tekst
    assert "vingerafdruk" in tekst and "op elke pagina" in tekst


def test_overlay_samengevoegd_op_pagina_1(echt, tmp_path, avdesk_cli):
    """Het bedrag over de pagina heen getekend en met de pagina samengevoegd (een inhoudsstroom)."""
    schrijver = PdfWriter(clone_from=PdfReader(BytesIO(echt)))
    schrijver.pages[0].merge_page(PdfReader(BytesIO(_laag("€ 1.716,00"))).pages[0])
    code, tekst = _controleer(_schrijf(schrijver), tmp_path, avdesk_cli)
    assert code == 1, tekst
    assert "Op pagina 1 staan bedragen die deze berekening niet geeft: € 1.716,00" in tekst


def test_overlay_als_extra_inhoudsstroom(echt, tmp_path, avdesk_cli):
    """Een tweede inhoudsstroom achter de eerste (zo voegen veel PDF-programma's 'tekst toevoegen' toe)."""
    schrijver = PdfWriter(clone_from=PdfReader(BytesIO(echt)))
    pagina = schrijver.pages[0]
    stroom = DecodedStreamObject()
    stroom.set_data(b"q 1 1 1 rg 300 400 80 12 re f Q")         # alleen een wit vlak: geen tekst
    eerste = pagina[NameObject("/Contents")]
    pagina[NameObject("/Contents")] = ArrayObject([eerste, schrijver._add_object(stroom)])
    code, tekst = _controleer(_schrijf(schrijver), tmp_path, avdesk_cli)
    assert code == 1, tekst
    assert "pagina 1: 2 lagen inhoud" in tekst


def test_overlay_als_aantekening(echt, tmp_path, avdesk_cli):
    """Een FreeText-aantekening met een ander bedrag: pypdf's tekst ziet hem niet, de structuur wel."""
    from pypdf.annotations import FreeText
    schrijver = PdfWriter(clone_from=PdfReader(BytesIO(echt)))
    schrijver.add_annotation(0, FreeText(text="€ 1.716,00", rect=(300, 400, 420, 414), font_color="000000",
                                         background_color="ffffff", border_color=None))
    code, tekst = _controleer(_schrijf(schrijver), tmp_path, avdesk_cli)
    assert code == 1, tekst
    assert "pagina 1: een aantekening (FreeText)" in tekst


def test_overlay_als_plaatje_of_formulier(echt, tmp_path, avdesk_cli):
    """Het bedrag als formulier-XObject over de pagina (tekent wat het wil, zonder tekst op de pagina zelf)."""
    schrijver = PdfWriter(clone_from=PdfReader(BytesIO(echt)))
    laag = PdfReader(BytesIO(_laag("€ 1.716,00"))).pages[0]
    schrijver.pages[0].merge_transformed_page(laag, (1, 0, 0, 1, 0, 0), over=True, expand=False)
    form = DecodedStreamObject()
    form.set_data(b"q 1 1 1 rg 0 0 80 12 re f Q")
    form.update({NameObject("/Type"): NameObject("/XObject"), NameObject("/Subtype"): NameObject("/Form"),
                 NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(80), FloatObject(12)])})
    bronnen = schrijver.pages[0][NameObject("/Resources")]
    bronnen[NameObject("/XObject")] = DictionaryObject({NameObject("/Fm9"): schrijver._add_object(form)})
    code, tekst = _controleer(_schrijf(schrijver), tmp_path, avdesk_cli)
    assert code == 1, tekst
    assert "XObject" in tekst and "€ 1.716,00" in tekst


def _eigen_paginas(echt: bytes, regels_per_pagina: list[list[str]], met_afdruk=True) -> bytes:
    """Nieuwe pagina's (reportlab) met de echte ingebedde casus en berekening eronder en dezelfde /Keywords."""
    lezer = PdfReader(BytesIO(echt))
    bijlagen = {k: v[0] for k, v in lezer.attachments.items()}
    afdruk = bewijs.vingerafdruk(bijlagen["avdesk-casus.json"], bijlagen["avdesk-berekening.json"])
    buf = BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=A4)
    for regels in regels_per_pagina:
        y = 800
        for r in regels:
            c.setFont("Helvetica", 9)
            c.drawString(50, y, r)
            y -= 12
        if met_afdruk:
            c.drawString(300, 20, f"kenmerk AV-20240915-000000 · vingerafdruk {afdruk}")
        c.showPage()
    c.save()
    schrijver = PdfWriter(clone_from=PdfReader(BytesIO(buf.getvalue())))
    for naam, inhoud in bijlagen.items():
        schrijver.add_attachment(naam, inhoud)
    schrijver.add_metadata({"/Keywords": lezer.metadata["/Keywords"]})
    return _schrijf(schrijver)


def _echte_teksten(echt: bytes) -> list[list[str]]:
    return [p.extract_text().replace("\xa0", " ").splitlines() for p in PdfReader(BytesIO(echt)).pages]


@pytest.mark.traag
def test_andere_paginas_boven_echte_gegevens(echt, tmp_path, avdesk_cli):
    """De pagina's tonen € 9.716,00 en een andere rekeninghouder; de ingebedde gegevens zijn echt."""
    paginas = _echte_teksten(echt)
    vals = [[r.replace("€ 716,00", "€ 9.716,00").replace("ten name van Martin", "ten name van J. Jansen")
             .replace("NL91ABNA0417164300", "NL44RABO0123456789") for r in p] for p in paginas]
    code, tekst = _controleer(_eigen_paginas(echt, vals), tmp_path, avdesk_cli)
    assert code == 1, tekst                      # echte gegevens onder pagina's die iets anders zeggen: 1, niet 2
    assert "€ 9.716,00" in tekst
    assert "2024, compensatie: op papier € 9.716,00, berekend € 716,00" in tekst
    assert "Rekeningnummer, tenaamstelling of totaal" in tekst and "NL91ABNA0417164300 ten name van Martin" in tekst


@pytest.mark.parametrize("wat,van,naar,melding", [
    ("naam aanvrager", "Martin (geboren 15-07-1979)", "Maarten (geboren 15-07-1979)", "Naam van de aanvrager"),
    ("naam partner", "Hanna (geboren 17-05-1987)", "Hannie (geboren 17-05-1987)", "Naam van de partner"),
    ("totaal", "€ 2.612,00", "€ 2.512,00", "Totaal"),
    ("eenmalig", "€ 32,00", "€ 716,00", "2024, eenmalig: op papier € 716,00, berekend € 32,00"),
    ("periodiek", "€ 171,00 per maand", "€ 17,00 per maand", "2024, periodiek"),
    ("ander bestaand bedrag", "€ 996,00 (huurkosten", "€ 900,00 (huurkosten", "2023, compensatie"),
])
@pytest.mark.traag
def test_elk_veld_van_pagina_1_telt(echt, tmp_path, avdesk_cli, wat, van, naar, melding):
    paginas = _echte_teksten(echt)
    alles = "\n".join("\n".join(p) for p in paginas)
    assert van in alles, wat
    vals = [[r.replace(van, naar) for r in p] for p in paginas]
    code, tekst = _controleer(_eigen_paginas(echt, vals), tmp_path, avdesk_cli)
    assert code == 1, tekst
    assert melding in tekst


@pytest.mark.traag
def test_eigen_paginas_met_dezelfde_tekst_kloppen(echt, tmp_path, avdesk_cli):
    """De controle vergelijkt de tekst, niet de opmaak: dezelfde tekst op eigen pagina's is geen verschil (de
    test hierboven is dus echt de vervalsing die hij zegt te zijn)."""
    code, tekst = _controleer(_eigen_paginas(echt, _echte_teksten(echt)), tmp_path, avdesk_cli)
    assert code == 0, tekst


@pytest.mark.traag
def test_vingerafdruk_alleen_in_de_documentgegevens(echt, tmp_path, avdesk_cli):
    """Pagina's zonder vingerafdruk in de voettekst, de vingerafdruk alleen in /Keywords: exit 1."""
    paginas = [[r for r in p if "vingerafdruk" not in r] for p in _echte_teksten(echt)]
    pdf = _eigen_paginas(echt, paginas, met_afdruk=False)
    assert b"avdeskvingerafdruk" in pdf or "avdeskvingerafdruk" in str(PdfReader(BytesIO(pdf)).metadata)
    code, tekst = _controleer(pdf, tmp_path, avdesk_cli)
    assert code == 1, tekst
    assert "staat geen vingerafdruk in de voettekst" in tekst


def test_vingerafdruk_van_een_andere_berekening(echt, tmp_path, avdesk_cli):
    paginas = [[r.replace("vingerafdruk ", "vingerafdruk 0") for r in p] for p in _echte_teksten(echt)]
    code, tekst = _controleer(_eigen_paginas(echt, [[r[:-1] if "vingerafdruk 0" in r else r for r in p]
                                                    for p in paginas], met_afdruk=False), tmp_path, avdesk_cli)
    assert code == 1, tekst
    assert "De vingerafdruk klopt niet" in tekst


def _met(echt: bytes, wijzig) -> bytes:
    schrijver = PdfWriter(clone_from=PdfReader(BytesIO(echt)))
    wijzig(schrijver)
    return _schrijf(schrijver)


def _actie(schrijver, **velden):
    return schrijver._add_object(DictionaryObject({NameObject(k): v for k, v in velden.items()}))


@pytest.mark.parametrize("soort,wijzig,melding", [
    ("javascript-in-names", lambda w: w._root_object["/Names"].__setitem__(NameObject("/JavaScript"), DictionaryObject(
        {NameObject("/Names"): ArrayObject([TextStringObject("x"), _actie(
            w, **{"/S": NameObject("/JavaScript"), "/JS": TextStringObject("app.alert(1)")})])})), "JavaScript"),
    ("openaction-js", lambda w: w._root_object.__setitem__(NameObject("/OpenAction"), _actie(
        w, **{"/S": NameObject("/JavaScript"), "/JS": TextStringObject("app.alert(1)")})), "JavaScript"),
    ("launch", lambda w: w._root_object.__setitem__(NameObject("/OpenAction"), _actie(
        w, **{"/S": NameObject("/Launch"), "/F": TextStringObject("calc.exe")})), "een programma starten"),
    ("aa-op-pagina", lambda w: w.pages[0].__setitem__(NameObject("/AA"), DictionaryObject({NameObject("/O"): _actie(
        w, **{"/S": NameObject("/URI"), "/URI": TextStringObject("https://example.org/")})})), "/AA"),
    ("submitform", lambda w: w._root_object.__setitem__(NameObject("/OpenAction"), _actie(
        w, **{"/S": NameObject("/SubmitForm"), "/F": TextStringObject("https://example.org/")})), "SubmitForm"),
])
@pytest.mark.traag
def test_acties_maken_de_pdf_verdacht(echt, tmp_path, avdesk_cli, soort, wijzig, melding):
    code, tekst = _controleer(_met(echt, wijzig), tmp_path, avdesk_cli, f"{soort}.pdf")
    assert code == 1, tekst
    assert "Verdacht: deze PDF kan iets uitvoeren of starten" in tekst and melding in tekst


@pytest.mark.traag
def test_link_naar_een_website_is_verdacht(echt, tmp_path, avdesk_cli):
    """Een link (URI) opent bij een klik een webadres: avdesk zet er nooit een in een berekening, dus ook verdacht."""
    from pypdf.annotations import Link
    def link(w):
        w.add_annotation(0, Link(rect=(50, 50, 200, 70), url="https://example.org/phishing"))
    code, tekst = _controleer(_met(echt, link), tmp_path, avdesk_cli)
    assert code == 1, tekst
    assert "webadres" in tekst


def test_andere_parameterversie_zelfde_cijfers_is_een_opmerking(echt, monkeypatch):
    """Issue 24: een parameterupdate die de cijfers niet verandert, blokkeert de aanvraag niet."""
    import avdesk.core.params as params
    monkeypatch.setattr(params, "parameterversie", lambda: "ffff0000")
    code, regels = controle.controleer(echt)
    tekst = "\n".join(regels)
    oud = json.loads(PdfReader(BytesIO(echt)).attachments["avdesk-berekening.json"][0])["parameters"]["versie"]
    assert code == 0, tekst
    assert f"parameterversie {oud}" in tekst and "parameterversie ffff0000" in tekst and "alle cijfers gelijk" in tekst


def test_andere_parameterversie_andere_cijfers_is_een_verschil(echt, monkeypatch):
    import avdesk.core.berekening as berekening
    import avdesk.core.params as params
    echt_bereken = berekening.bereken

    def anders(c, peil=None):
        b = echt_bereken(c, peil)
        return b._replace(totaal_compensatie=b.totaal_compensatie + 1)
    monkeypatch.setattr(params, "parameterversie", lambda: "ffff0000")
    monkeypatch.setattr(berekening, "bereken", anders)
    code, regels = controle.controleer(echt)
    tekst = "\n".join(regels)
    assert code == 1, tekst
    assert "parameterversie ffff0000" in tekst and "Andere parameters" in tekst
    assert "totale compensatie: € 2.612,00 -> € 2.613,00" in tekst


@pytest.mark.parametrize("aanvrager, partner", [
    ("<b>Martin & Co</b> " + "x" * 60 + " שלום", "Hanna &amp; <i>van der Berg-Achternaamlang</i> مريم"),
    ("Ö" * 90, "Anna-" + "lang" * 20),
])
@pytest.mark.traag
def test_echte_pdf_met_lastige_namen_klopt(tmp_path, avdesk_cli, aanvrager, partner):
    """Een echte berekening met namen die over regels breken, midden in een woord, of rechts-naar-links zijn: het
    papier klopt (het uitlezen van zulke namen gaf eerst 'op de pagina's staat niet ...', exit 1)."""
    d = json.loads((ROOT / "tests/scenarios/martin_hanna_2024.json").read_text())
    d["aanvrager"]["naam"], d["partner"]["naam"] = aanvrager, partner
    pdf = maak_documenten(lees_casus(json.dumps(d).encode()), gemaakt=date(2024, 9, 20))["berekening"]
    code, tekst = _controleer(pdf, tmp_path, avdesk_cli, "echt.pdf")
    assert code == 0, tekst


def test_andere_rechts_naar_links_naam_valt_op():
    """De letters van een rechts-naar-links-naam tellen mee: staat op papier een andere naam dan in de casus, dan
    noemt de controle dat (ook als de Nederlandse letters gelijk zijn)."""
    from avdesk.core.berekening import bereken
    from avdesk.export.pdflezen import Gelezen
    d = json.loads((ROOT / "tests/scenarios/martin_hanna_2024.json").read_text())
    d["partner"]["naam"] = "Hanna مريم"
    c = lees_casus(json.dumps(d).encode())
    teksten = Gelezen(maak_documenten(c, gemaakt=date(2024, 9, 20))["berekening"], "berekening").teksten()
    d["partner"]["naam"] = "Hanna سارة"
    ander = lees_casus(json.dumps(d).encode())
    b = bereken(c, date(2024, 9, 20))
    assert not [r for r in controle.papier(teksten, c, b, {}) if "partner" in r]
    assert [r for r in controle.papier(teksten, ander, b, {}) if "partner" in r]
