"""Pagina 1 'Voor de beslisser', het invoerblad en de blokkerende signalen."""

import json
from pathlib import Path

from avdesk.core.casus import lees_casus
from avdesk.export.documenten import maak_documenten
from pdfhulp import pdftekst

ROOT = Path(__file__).resolve().parents[2]


def _tekst(d: dict) -> tuple[str, str]:
    docs = maak_documenten(lees_casus(json.dumps(d)))
    return pdftekst(docs["berekening"]), pdftekst(docs.get("aanvraag", b"")) if "aanvraag" in docs else ""


def test_invoer_van_martin_en_hanna_staat_op_de_berekening():
    d = json.loads((ROOT / "tests/scenarios/martin_hanna_2024.json").read_text())
    berekening, aanvraag = _tekst(d)
    pagina1 = berekening.split("\f")[0]
    assert "Voor de beslisser" in pagina1 and "januari 2024 t/m december 2024" in pagina1
    for stuk in ("15-07-1979", "17-05-1987", "kale huur € 660,00", "Invoer: wat is ingevuld", "WW",
                 "Vermogen op 1 januari 2024", "grens", "Kenmerk", "123456782"):
        assert stuk in berekening, stuk
    assert "2024-09 t/m" not in berekening and "2024-01 t/m" not in berekening      # maanden in woorden
    kenmerk = next(r for r in pagina1.splitlines() if r.strip().startswith("Kenmerk")).split()[1]
    assert kenmerk in aanvraag


def test_blokkerend_signaal_bovenaan_en_advies_nog_niet_toekennen():
    d = json.loads((ROOT / "tests/scenarios/martin_hanna_2024.json").read_text())
    for j in d["jaren"]:
        j["vermogen"] = 500000
    berekening, aanvraag = _tekst(d)
    pagina1 = berekening.split("\f")[0]
    assert "Nog niet toekennen." in pagina1 and "Advies: nog niet toekennen" in pagina1
    assert pagina1.index("Nog niet toekennen.") < pagina1.index("Compensatie")
    assert "Advies: toekennen" not in berekening
    assert "Nog op te lossen" in aanvraag
    s5 = [r for r in berekening.splitlines() if "Niet in de doelgroep volgens de ingevulde gegevens" in r]
    assert len(s5) == 1                                   # de signaaltekst een keer


def test_invoerblad_noemt_de_beschikking_van_de_bedragen():
    c = lees_casus((ROOT / "tests/scenarios/martin_hanna_2024.json").read_bytes())
    tekst = " ".join(pdftekst(maak_documenten(c)["berekening"]).split())
    assert "zorgtoeslag € 165,00 per maand (uit de voorschotbeschikking van 20-09-2024)" in tekst


def test_hardheidsclausule_aangevinkt_in_aanvraag_en_berekening():
    c = lees_casus((ROOT / "tests/scenarios/wtrap_2026.json").read_bytes())
    c.aanvrager.bsn = "123456782"
    c.aanvrager.extra.update({"adres": "Dorpsstraat 1", "postcode": "2351 AB", "iban": "NL91ABNA0417164300"})
    j = c.jaren[0]
    j.wtrap["woonachtig_in_gemeente"] = False
    j.wtrap_afwijken["woonachtig_in_gemeente"] = "verhuisd in januari <naar> de buurgemeente"
    docs = maak_documenten(c)
    for soort in ("aanvraag", "berekening"):
        tekst = " ".join(pdftekst(docs[soort]).split())
        assert "☒ afgeweken (hardheidsclausule): niet woonachtig in de gemeente." in tekst, soort
        assert "verhuisd in januari <naar> de buurgemeente" in tekst
