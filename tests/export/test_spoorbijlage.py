"""De rekenspoorbijlage van berekening.pdf drukt het hele spoor af (issue 23): elke stap van elke periode en elk
jaar, met zijn bedrag, invoer en parameters; en het blad zelf neemt de regel van het bestaansminimum uit het spoor."""

import re
from datetime import date
from functools import cache
from decimal import Decimal
from pathlib import Path

import pytest

from avdesk.core.berekening import alle_stappen, bereken
from avdesk.core.casus import lees_casus
from avdesk.export.berekening_pdf import berekening_pdf
from avdesk.export.opmaak import eu
from avdesk.export.spoorbijlage import waarde_tekst

from pdfhulp import pdftekst  # tests/hulp

ROOT = Path(__file__).resolve().parents[2]


@cache
def _pdf(naam: str):
    c = lees_casus((ROOT / "tests" / "scenarios" / f"{naam}.json").read_bytes())
    b = bereken(c, date(2026, 12, 3))
    tekst = pdftekst(berekening_pdf(c, b, date(2026, 12, 3)))
    return naam, b, tekst, tekst.split("Bijlage: rekenspoor", 1)[1]


@pytest.fixture(params=["martin_hanna_2024", "stap11_terugvordering_hoger_2023", "wtrap_2026"])
def bijlage(request):
    return _pdf(request.param)


def test_elke_stap_staat_in_de_bijlage(bijlage):
    _, b, _, tekst = bijlage
    stappen = [st for jb in b.jaren for st in alle_stappen(jb.perioden, jb.spoor)]
    for jb in b.jaren:
        assert f"{jb.jaar}: het jaar" in tekst
    for st in stappen:
        if st.bedrag is not None:
            assert eu(st.bedrag).replace("\xa0", " ") in tekst, st
    assert tekst.count("invoer:") == sum(1 for st in stappen if st.invoer)
    assert tekst.count("parameters:") == sum(1 for st in stappen if st.parameters)


def test_bestaansminimum_in_de_woorden_van_het_spoor():
    _, _, tekst, _ = _pdf("martin_hanna_2024")
    regel = re.sub(r"\s+", " ", tekst)
    assert ("Bestaansminimum per maand € 2.469,04 = netto bijstandsnorm € 1.834,04 + toeslagen bij alleen bijstand "
            "€ 635,00") in regel
    assert "Huishoudinkomen per maand € 2.317,00 = netto-inkomen € 1.686,00 + werkelijke toeslagen € 631,00" in regel


def test_waarde_tekst():
    assert waarde_tekst(Decimal("1234.5")) == "€\xa01.234,50"
    assert waarde_tekst(None) == "niet ingevuld" and waarde_tekst(True) == "ja"
    assert waarde_tekst({"huurtoeslag": Decimal(3)}) == "huurtoeslag €\xa03,00"
    assert waarde_tekst((date(2024, 1, 1), date(2024, 6, 1), 6, Decimal(4))) == "januari 2024 t/m juni 2024: 6 x €\xa04,00"
    assert waarde_tekst("EPO") == "EPO" and waarde_tekst(3) == "3"


def test_naam_en_label_van_een_stap():
    """Stap.naam: wat de stap uitrekent, zonder formule of kanttekening; Stap.label zet de kanttekening erbij als er
    een bedrag staat (zonder bedrag zegt de kolom 'niet berekend' het al)."""
    from decimal import Decimal

    from avdesk.core.spoor import stap
    s = stap("stap11.laagste", "Het laagste van (1) en (2): nul, het beleidsprofiel vergoedt geen tekort over dit jaar",
             Decimal(0), "Handreiking stap 11")
    assert s.naam == "Het laagste van (1) en (2)"
    assert s.label == "Het laagste van (1) en (2) (nul, het beleidsprofiel vergoedt geen tekort over dit jaar)"
    f = stap("stap11.verschil_toeslagen", "(1) Verschil in toeslagen over het jaar = som van maanden x verschil",
             Decimal(996), "")
    assert f.naam == f.label == "(1) Verschil in toeslagen over het jaar"
    n = stap("stap11.tekort_bestaansminimum", "(2) Tekort tot het bestaansminimum over het jaar: niet berekend", None, "")
    assert n.label == n.naam == "(2) Tekort tot het bestaansminimum over het jaar"
