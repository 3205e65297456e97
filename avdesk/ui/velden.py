"""Invoervelden met controle ter plekke: de melding staat in het Nederlands direct onder het veld, en wat er
getypt is blijft staan (een fout gooit nooit invoer weg)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from ..core.casus import elfproef, iban_geldig
from ..core.geld import InvoerFout, datum, lees_bedrag, lees_datum
from ..core.tekens import tekenfout

FOUTSTIJL = "QLineEdit { border: 1px solid #b00020; }"


def eigenschap(obj, naam: str):
    """Een eigen (dynamische) Qt-eigenschap, None als hij niet gezet is. Nooit QObject.property() op een niet gezette
    eigenschap: PySide6 6.12 geeft dan None terug zonder er een referentie bij te tellen, zodat elke aanroep None een
    referentie afpakt; na een lange sessie gaf Python bij het afsluiten 'Fatal Python error: none_dealloc' (exit 134)."""
    from PySide6.QtCore import QByteArray
    return obj.property(naam) if QByteArray(naam.encode()) in obj.dynamicPropertyNames() else None


class Veldfout(Exception):
    pass


# Tekst die niet klopt, per onderdeel van de casus (periode, jaar, casus) en veld: (eigenaar, tekst, melding).
# Velden die opnieuw gevuld worden (een andere periode in dezelfde velden, een stap die opnieuw opgebouwd wordt)
# krijgen die tekst en de melding terug. Alleen in het geheugen, nooit in de opslag; leeg als de wizard sluit.
_CONCEPTEN: dict[tuple[int, str], tuple[object, str, str]] = {}


def koppel(veld: QLineEdit, eigenaar, sleutel: str, label: QLabel | None = None) -> None:
    """Het onderdeel van de casus waar het veld nu bij hoort; lees() onthoudt daar foute tekst, zet() zet hem terug."""
    veld._avdesk_concept = (eigenaar, sleutel, label)


def koppel_formulier(widget, eigenaar, voorvoegsel: str) -> None:
    """Koppel elk benoemd invoerveld van een formulier (met zijn _fout-label als dat er is)."""
    labels = {label.objectName(): label for label in widget.findChildren(QLabel)}
    for veld in widget.findChildren(QLineEdit):
        if naam := veld.objectName():
            koppel(veld, eigenaar, f"{voorvoegsel}.{naam}", labels.get(f"{naam}_fout"))


def heeft_concept(eigenaar, voorvoegsel: str = "") -> bool:
    return any(v[0] is eigenaar and k[1].startswith(voorvoegsel) for k, v in _CONCEPTEN.items())


def vergeet_concepten(eigenaar=None, voorvoegsel: str = "") -> None:
    """Vergeet foute tekst van een onderdeel (bijv. na het verwijderen van een rij), of alles (eigenaar None)."""
    for sleutel in [k for k, v in _CONCEPTEN.items()
                    if eigenaar is None or (v[0] is eigenaar and k[1].startswith(voorvoegsel))]:
        del _CONCEPTEN[sleutel]


def zonder_sneltoets(tekst: str) -> str:
    """'&Naam' -> 'Naam', '&&' -> '&': de tekst van een label zoals een schermlezer hem moet uitspreken."""
    return tekst.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":").strip()


def benoem(root) -> None:
    """Toegankelijke namen en beschrijvingen op een plek (EN 301 549 hfst. 11; issue 22), voor elk formulier dat
    geladen wordt (laden.Formulier) en elke dialoog: een veld heet naar zijn label (ook als het label in een ander
    vak staat, wat Qt zelf niet vindt); wat het label niet zegt (de vorm, bijv. dd-mm-jjjj, of de uitleg in de
    tooltip) staat in de beschrijving. Een naam die al gezet is, blijft."""
    from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTabBar, QTabWidget
    for tabs in root.findChildren(QTabWidget):
        if not tabs.tabBar().accessibleName():
            tabs.tabBar().setAccessibleName(f"Tabbladen {tabs.accessibleName()}".strip())
    for kop in root.findChildren(QHeaderView):
        if not kop.accessibleName():
            ouder = kop.parentWidget()
            kop.setAccessibleName(("Kolomkoppen" if kop.orientation() == Qt.Orientation.Horizontal else "Rijkoppen")
                                  + (f" van {ouder.accessibleName()}" if ouder and ouder.accessibleName() else ""))
    for tabs in root.findChildren(QTabBar):
        if not tabs.accessibleName():
            tabs.setAccessibleName("Tabbladen")
    for label in root.findChildren(QLabel):
        veld = label.buddy()
        if veld is not None and not veld.accessibleName() and label.text():
            veld.setAccessibleName(zonder_sneltoets(label.text()))
    for veld in root.findChildren(QWidget):
        if not isinstance(veld, (QLineEdit, QComboBox, QAbstractItemView)):
            continue
        if not veld.accessibleName() and veld.toolTip():
            veld.setAccessibleName(veld.toolTip().split("\n")[0])
        if not veld.accessibleDescription():
            veld.setAccessibleDescription(_beschrijving(veld))


def benoem_vensters(app) -> None:
    """Elk venster dat de focus krijgt (ook een dialoog die Qt zelf bouwt, zoals map kiezen) gaat door benoem(). Een
    signaal, geen filter op alle gebeurtenissen van de app (dat kost bij elke toets en muisbeweging Python)."""
    if getattr(app, "_avdesk_benoemd", False):
        return
    app._avdesk_benoemd = True

    def bij_venster(venster):
        for w in app.topLevelWidgets():
            if venster is not None and w.windowHandle() is venster:
                benoem(w)
    app.focusWindowChanged.connect(bij_venster)


def _beschrijving(veld, fout: str | None = None) -> str:
    """Wat een schermlezer na de naam voorleest: de fout (als die er is), de vorm uit de plaatshouder en de uitleg."""
    delen = [fout] if fout else []
    if (vorm := getattr(veld, "placeholderText", lambda: "")()):
        delen.append(f"Invullen als: {vorm}")
    uitleg = getattr(veld, "_avdesk_uitleg", None) or veld.toolTip()
    if uitleg and not (uitleg.startswith(veld.accessibleName()) and len(uitleg) < len(veld.accessibleName()) + 30):
        delen.append(uitleg)
    return "\n".join(delen)


def toon_fout(veld: QLineEdit, label: QLabel | None, tekst: str | None) -> None:
    if label is not None:
        label.setText(tekst or "")
        label.setVisible(bool(tekst))
    veld.setStyleSheet(FOUTSTIJL if tekst else "")
    # De gewone uitleg van het veld blijft; een fout komt ervoor (en gaat weer weg als het klopt).
    uitleg = getattr(veld, "_avdesk_uitleg", None)
    if uitleg is None:
        uitleg = veld._avdesk_uitleg = veld.toolTip()
    veld.setToolTip(f"{tekst}\n{uitleg}".strip() if tekst else uitleg)
    veld.setAccessibleDescription(_beschrijving(veld, tekst))     # de schermlezer hoort de fout ook
    veld.setProperty("ongeldig", bool(tekst))


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
            waarde = lees_datum(tekst, verleden=date.today())
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
        elif soort == "postcode":
            # Een Nederlandse postcode zoals PostNL hem schrijft: 3131ab wordt 3131 AB (bewaard en getoond).
            kaal = tekst.replace(" ", "")
            waarde = f"{kaal[:4]} {kaal[4:].upper()}" if (len(kaal) == 6 and kaal[:4].isdigit() and kaal[0] != "0"
                                                          and kaal[4:].isascii() and kaal[4:].isalpha()) else tekst
        elif soort == "email":
            if "@" not in tekst or "." not in tekst.split("@")[-1]:
                raise InvoerFout("dit is geen e-mailadres")
            waarde = tekst
        else:
            waarde = tekst
        if waarde and isinstance(waarde, str) and (teken := tekenfout(waarde)):
            wie = naam if naam and naam != "dit veld" else (veld.accessibleName() or "dit veld")
            raise InvoerFout(f"{wie} {teken}")
    except InvoerFout as e:
        melding = str(e)[0].upper() + str(e)[1:] + "."
        toon_fout(veld, label, melding)
        if (k := getattr(veld, "_avdesk_concept", None)) is not None:
            _CONCEPTEN[(id(k[0]), k[1])] = (k[0], veld.text(), melding)
        raise Veldfout(str(e)) from None
    toon_fout(veld, label, None)
    if (k := getattr(veld, "_avdesk_concept", None)) is not None:
        _CONCEPTEN.pop((id(k[0]), k[1]), None)
    if waarde is not None and soort in ("bedrag", "datum", "geboortedatum", "postcode") and not veld.hasFocus():
        # Opgemaakt zodra de raadsman het veld verlaat: 1686 wordt 1.686, 15071979 wordt 15-07-1979.
        if veld.text() != (tekst := als_tekst(waarde)):
            veld.setText(tekst)
    return waarde


def zet(veld: QLineEdit, waarde) -> None:
    """Toon een waarde in een veld zoals de gebruiker hem zou typen (1.234,56 en dd-mm-jjjj). Een fout getypte tekst
    gaat voor: bij een gekoppeld veld die van zijn onderdeel (met de melding), anders blijft wat er staat staan."""
    if (k := getattr(veld, "_avdesk_concept", None)) is not None:
        if (concept := _CONCEPTEN.get((id(k[0]), k[1]))) is not None:
            veld.setText(concept[1])
            toon_fout(veld, k[2], concept[2])
            return
        toon_fout(veld, k[2], None)         # het veld toont nu een ander onderdeel: de oude melding hoort er niet bij
    elif eigenschap(veld, "ongeldig"):
        return
    tekst = als_tekst(waarde)
    if veld.text() != tekst:
        veld.setText(tekst)


def als_tekst(waarde) -> str:
    """Een waarde zoals de raadsman hem zou typen: 1.234,56 (zonder ,00) en dd-mm-jjjj."""
    if waarde is None:
        return ""
    if isinstance(waarde, Decimal):
        tekst = f"{waarde:,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
        return tekst[:-3] if tekst.endswith(",00") else tekst
    if isinstance(waarde, date):
        return datum(waarde)
    return str(waarde)
