"""Invoer en opmaak van bedragen en datums zoals een Nederlandse raadsman ze typt en leest."""

from datetime import date
from decimal import Decimal as D

import pytest

from avdesk.core.geld import InvoerFout, datum, euro, lees_bedrag, lees_datum


@pytest.mark.parametrize("tekst,bedrag", [
    ("660", D("660")), ("660,5", D("660.50")), ("660,50", D("660.50")), ("1.234,56", D("1234.56")),
    ("€ 1234.56", D("1234.56")), ("1.234", D("1234")), ("12.124", D("12124")), ("575.03", D("575.03")),
    ("  27 000 ", D("27000")), ("", None), ("0", D("0")),
])
def test_lees_bedrag(tekst, bedrag):
    assert lees_bedrag(tekst) == bedrag


@pytest.mark.parametrize("tekst,melding", [
    ("zeshonderd", "geen bedrag"), ("-5", "niet negatief"), ("1,2,3", "geen bedrag"), ("1,234", "twee cijfers"),
    ("1e12", "onwaarschijnlijk groot"),
])
def test_lees_bedrag_fout(tekst, melding):
    with pytest.raises(InvoerFout, match=melding):
        lees_bedrag(tekst)


def test_lees_datum():
    assert lees_datum("15-07-1979") == date(1979, 7, 15)
    assert lees_datum("1/2/2024") == date(2024, 2, 1)
    assert lees_datum("") is None
    for fout in ("31-02-2024", "2024-07-15", "15-07-79", "gisteren"):
        with pytest.raises(InvoerFout):
            lees_datum(fout)


def test_opmaak():
    assert euro(D("1234.5")) == "€ 1.234,50" and euro(D("-3")) == "€ -3,00" and euro(D("0.004")) == "€ 0,00"
    assert datum(date(2024, 9, 5)) == "05-09-2024"


def test_periode_label_een_functie():
    from datetime import date

    from avdesk.core.geld import periode_label
    assert periode_label(date(2024, 1, 1), date(2024, 6, 1)) == "januari 2024 t/m juni 2024"
    assert periode_label(date(2024, 9, 1), date(2024, 12, 1)) == "september 2024 t/m december 2024"
    assert periode_label(date(2024, 7, 1), date(2024, 12, 1), kort=True) == "jul t/m dec 2024"
