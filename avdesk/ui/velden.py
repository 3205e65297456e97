"""Invoervelden met controle ter plekke: de melding staat in het Nederlands direct onder het veld, en wat er
getypt is blijft staan (een fout gooit nooit invoer weg)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtWidgets import QLabel, QLineEdit

from ..core.casus import elfproef, iban_geldig
from ..core.geld import InvoerFout, datum, lees_bedrag, lees_datum

FOUTSTIJL = "QLineEdit { border: 1px solid #b00020; }"


class Veldfout(Exception):
    pass


def toon_fout(veld: QLineEdit, label: QLabel | None, tekst: str | None) -> None:
    if label is not None:
        label.setText(tekst or "")
        label.setVisible(bool(tekst))
    veld.setStyleSheet(FOUTSTIJL if tekst else "")
    veld.setToolTip(tekst or "")


def lees(veld: QLineEdit, label: QLabel | None, soort: str, *, verplicht: bool = False, naam: str = "dit veld"):
    """Lees en controleer een veld. Geeft de waarde (of None bij leeg) en toont een eventuele fout.
    Gooit Veldfout bij een fout; de getypte tekst blijft in het veld staan."""
    tekst = veld.text().strip()
    try:
        if not tekst:
            if verplicht:
                raise InvoerFout(f"vul {naam} in")
            waarde = None
        elif soort == "bedrag":
            waarde = lees_bedrag(tekst)
        elif soort == "datum":
            waarde = lees_datum(tekst)
            if waarde and not date(1900, 1, 1) <= waarde <= date(2100, 1, 1):
                raise InvoerFout("deze datum ligt te ver weg")
        elif soort == "geboortedatum":
            waarde = lees_datum(tekst)
            if waarde and not date(1900, 1, 1) <= waarde <= date.today():
                raise InvoerFout("een geboortedatum ligt tussen 1900 en vandaag")
        elif soort == "bsn":
            if not (len(tekst) == 9 and tekst.isdigit()):
                raise InvoerFout("een BSN heeft 9 cijfers")
            if not elfproef(tekst):
                raise InvoerFout("dit BSN klopt niet (elfproef); kijk het nog eens na")
            waarde = tekst
        elif soort == "iban":
            waarde = tekst.replace(" ", "").upper()
            if not iban_geldig(waarde):
                raise InvoerFout("dit rekeningnummer klopt niet (controlegetal)")
        elif soort == "email":
            if "@" not in tekst or "." not in tekst.split("@")[-1]:
                raise InvoerFout("dit is geen e-mailadres")
            waarde = tekst
        else:
            waarde = tekst
    except InvoerFout as e:
        toon_fout(veld, label, str(e)[0].upper() + str(e)[1:] + ".")
        raise Veldfout(str(e)) from None
    toon_fout(veld, label, None)
    return waarde


def zet(veld: QLineEdit, waarde) -> None:
    """Toon een waarde in een veld zoals de gebruiker hem zou typen (1.234,56 en dd-mm-jjjj)."""
    if waarde is None:
        tekst = ""
    elif isinstance(waarde, Decimal):
        tekst = f"{waarde:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
        if tekst.endswith(",00"):
            tekst = tekst[:-3]
    elif isinstance(waarde, date):
        tekst = datum(waarde)
    else:
        tekst = str(waarde)
    if veld.text() != tekst:
        veld.setText(tekst)
