"""Gebruikerstekst is nooit opmaak: elk tekstveld van de casus krijgt '<', '&', tags, aanhalingstekens, emoji en
heel lange namen, en beide PDF's drukken het letterlijk af; `avdesk pdf` slaagt (exitcode 0, nooit 3)."""

import json
import re
from pathlib import Path

import pytest

from avdesk.core.casus import lees_casus
from avdesk.export.documenten import maak_documenten

from pdfhulp import pdftekst

ROOT = Path(__file__).resolve().parents[2]

VIJANDIG = ["<Oost>", "A&B", "<b>vet</b>", "<img src='/etc/passwd'/>", '<a href="https://x.nl">klik</a>',
            "<font size=40>groot</font>", "\"aanhalingstekens\" en 'enkele'", "&amp; &lt; &#60;", "x > y < z",
            "café 😀 ☃"]
LANG = ("Wilhelmina Johanna " + "van den Berghe" * 13 + " Achternaam")[:200]     # 200 tekens (de grens); pdftotext plakt afbreekstreepjes weg
ONBREEKBAAR = "Ab" * 40                                                # 80 tekens zonder spatie


def vijandige_casus(i: int = 0) -> dict:
    """drie_jaren.json met in elk tekstveld vijandige tekst (i kiest welke tekst waar staat)."""
    d = json.loads((ROOT / "tests/scenarios/drie_jaren.json").read_text())
    v = lambda k: VIJANDIG[(i + k) % len(VIJANDIG)]          # noqa: E731
    d["aanvrager"].update(naam=f"Martin {v(0)}", adres=f"Lindelaan {v(1)}", postcode="3131 AB", woonplaats=v(2),
                          telefoon=v(3))
    d["partner"].update(naam=f"Hanna {v(4)}", adres=v(5), woonplaats=v(6), bsn="111222333",
                        iban="NL91ABNA0417164300")
    d["raadsman"] = {"naam": v(7), "organisatie": v(8), "adres": v(9), "telefoon": v(0), "email": "r&d@example.nl"}
    d["aanvraag"].update(plaats=v(1), gemeente=f"Gemeente {v(2)}")
    for j in d["jaren"]:
        for per in j["perioden"]:
            per["medebewoners"][0]["naam"] = v(3)
            per["handmatig"] = [{"toeslag": "kindgebonden_budget", "werkelijk": 10, "referentie": 20,
                                 "motivering": f"motivering {v(4)}"}]
        if tv := j.get("terugvordering"):
            tv.update(deel_alleenverdieners=100, motivering=f"deels {v(5)}", andere_oorzaken=[f"oorzaak {v(6)}"])
    return d


def _plat(tekst: str) -> str:
    return re.sub(r"\s+", "", tekst)


@pytest.mark.parametrize("i", [0, 3, 6])
@pytest.mark.traag
def test_elke_tekst_letterlijk_in_beide_pdfs(i):
    d = vijandige_casus(i)
    c = lees_casus(json.dumps(d))
    docs = maak_documenten(c)
    aanvraag, berekening = (_plat(pdftekst(docs[k])) for k in ("aanvraag", "berekening"))
    for t in VIJANDIG:
        assert _plat(t) in aanvraag + berekening, t
    for soort, tekst in (("aanvraag", aanvraag), ("berekening", berekening)):
        for naam in (c.aanvrager.naam, c.partner.naam):
            assert _plat(naam) in tekst, (soort, naam)
    assert "A&B;" not in aanvraag + berekening
    for pdf in docs.values():             # geen link, geen afbeelding in de PDF
        assert b"/URI" not in pdf and b"/Subtype /Image" not in pdf


@pytest.mark.traag
def test_lange_namen_breken_af_in_het_handtekeningvak(tmp_path):
    d = vijandige_casus()
    d["aanvrager"]["naam"], d["partner"]["naam"] = LANG, ONBREEKBAAR
    c = lees_casus(json.dumps(d))
    docs = maak_documenten(c)
    tekst = _plat(pdftekst(docs["aanvraag"], layout=False))       # zonder -layout: de kolommen niet door elkaar
    assert _plat(LANG) in tekst and ONBREEKBAAR in tekst
    from pypdf import PdfReader
    from io import BytesIO
    r = PdfReader(BytesIO(docs["aanvraag"]))
    velden = [a.get_object() for p in r.pages for a in (p.get("/Annots") or [])]
    rects = [[float(x) for x in v["/Rect"]] for v in velden if v.get("/FT") == "/Sig"]
    assert len(rects) == 2
    (a0, _, a2, _), (b0, _, b2, _) = sorted(rects)
    assert a2 < b0                             # de velden overlappen niet
    assert b2 < 595 - 18 * 2.83                # en blijven binnen de marge


@pytest.mark.traag
def test_cli_pdf_met_vijandige_tekst_slaagt(tmp_path, avdesk_cli):
    pad = tmp_path / "casus.json"
    d = vijandige_casus()
    d["aanvrager"]["naam"] = LANG
    pad.write_text(json.dumps(d, ensure_ascii=False))
    r = avdesk_cli("pdf", pad, "--map", tmp_path / "uit")
    assert r.returncode == 0, r.stderr.decode()
    assert len(list((tmp_path / "uit").glob("*.pdf"))) == 2


# ---------------------------------------------------------------- rechts naar links (issue 20, punt 7)

# pdftotext zet zelf richtingstekens (U+202A-U+202E) om wat het als rechts-naar-links herkent; die tellen niet mee.
_PDF_RICHTING = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f]")

RTL_NAMEN = {"aanvrager": "שרה כהן", "partner": "فاطمة الزهراء"}


def _logisch(tekst: str) -> str:
    """Arabisch staat in verbonden vorm (presentatievormen) op papier; NFKC maakt er de gewone letters van."""
    import unicodedata
    return _plat(unicodedata.normalize("NFKC", _PDF_RICHTING.sub("", tekst)))


@pytest.mark.parametrize("layout", [True, False])
@pytest.mark.traag
def test_hebreeuwse_en_arabische_namen_in_de_goede_volgorde(layout):
    d = json.loads((ROOT / "tests/scenarios/drie_jaren.json").read_text())
    d["aanvrager"]["naam"], d["partner"]["naam"] = RTL_NAMEN["aanvrager"], RTL_NAMEN["partner"]
    d["aanvrager"]["woonplaats"] = "תל אביב"
    c = lees_casus(json.dumps(d, ensure_ascii=False))
    docs = maak_documenten(c)
    for soort in ("aanvraag", "berekening"):
        tekst = _logisch(pdftekst(docs[soort], layout=layout))
        for naam in RTL_NAMEN.values():
            assert _plat(naam) in tekst, (soort, naam)
            assert _plat(naam[::-1]) not in tekst, (soort, naam)      # niet achterstevoren
    assert _plat("תל אביב") in _logisch(pdftekst(docs["aanvraag"], layout=layout))


def test_richtingsteken_uit_oude_gegevens_valt_weg_en_ontbrekend_teken_wordt_code():
    """Vangnet in de opmaak voor tekst die niet langs de invoercontrole kwam: nooit een leeg vakje."""
    from avdesk.export.opmaak import veilig
    assert veilig("Sara\u202elive") == "Saralive"
    assert veilig("Huis 🏛️") .startswith("Huis [U+1F3DB]")
    assert veilig("café 😀") == "café 😀"
    assert veilig("<b>שרה</b>") == "&lt;b&gt;הרש&lt;/b&gt;"         # visuele volgorde, en nog steeds geen opmaak


def test_ontvangen_pdf_met_richtingsteken_in_de_ingebedde_casus_geweigerd():
    """De ingebedde casus van een ontvangen berekening gaat door lees_casus: het teken wordt geweigerd, met het veld."""
    from avdesk.core.casus import CasusFout
    d = json.loads((ROOT / "tests/scenarios/drie_jaren.json").read_text())
    d["aanvrager"]["naam"] = "Martin\u202e"
    with pytest.raises(CasusFout) as e:
        lees_casus(json.dumps(d).encode())
    assert "aanvrager.naam" in str(e.value) and "U+202E" in str(e.value)


@pytest.mark.traag
def test_ontvang_noemt_het_veld_van_het_geweigerde_teken(monkeypatch):
    """ontvang: de ingebedde casus met een richtingsteken wordt niet ontvangen, en de melding noemt veld en teken."""
    from datetime import date

    import avdesk.export.controle as controle
    from avdesk.core.casus import lees_casus
    from avdesk.export.documenten import maak_documenten
    from avdesk.export.ontvangst import NietOntvangen, lees
    echt = maak_documenten(lees_casus((ROOT / "tests/scenarios/martin_hanna_2024.json").read_bytes()),
                           gemaakt=date(2024, 9, 20), dossier_id=12)["berekening"]
    d = json.loads((ROOT / "tests/scenarios/drie_jaren.json").read_text())
    d["partner"]["naam"] = "Hanna\u2066x\u2069"
    ingebed = controle.lees_bewijs(echt)[1]                # de echte berekening; alleen de casus is vijandig
    monkeypatch.setattr(controle, "lees_bewijs", lambda pdf: (json.dumps(d).encode(), ingebed, None))
    with pytest.raises(NietOntvangen) as e:
        lees(echt, None)
    assert "partner.naam" in str(e.value) and "U+2066" in str(e.value)


def test_arabisch_verbonden_en_in_de_goede_volgorde():
    """Op papier de verbonden vormen (begin, midden, eind) in visuele volgorde; terug naar logisch met NFKC."""
    import unicodedata
    from avdesk.export.opmaak import arabisch_verbonden, drukvolgorde
    naam = "فاطمة الزهراء"
    vorm = arabisch_verbonden(naam)
    assert vorm != naam and unicodedata.normalize("NFKC", vorm) == naam
    assert [unicodedata.decomposition(c).split()[0] for c in vorm.split()[0]] == [
        "<initial>", "<final>", "<initial>", "<medial>", "<final>"]            # ف ا ط م ة
    assert unicodedata.normalize("NFKC", arabisch_verbonden("سلام")) == "سلام"   # lam-alef als ligatuur
    assert len(arabisch_verbonden("سلام")) == 3
    visueel = drukvolgorde(naam).replace("\u00a0", " ")
    assert visueel == vorm[::-1]                                                # rechts naar links getekend
