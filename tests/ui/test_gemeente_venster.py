"""Het gemeentevenster in dit proces (issue 20): sneltoetsen uniek per dialoog, PDF's op de lijst slepen, de lijst
vernieuwt na `avdesk ontvang` in een terminal zodra het venster weer actief is, een lijst van een ander jaar wordt
geweigerd zonder iets in te lezen, en de gemeentevelden in de instellingen (met dezelfde controles als
`avdesk instellingen`)."""

import re
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox, QStackedWidget, QTabWidget

from avdesk.core.casus import lees_casus
from avdesk.export.documenten import maak_documenten
from avdesk.store import lijsten

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def pdfs(tmp_path):
    c = lees_casus((ROOT / "tests/scenarios/martin_hanna_2024.json").read_bytes())
    docs = maak_documenten(c, gemaakt=date(2024, 9, 20), dossier_id=12)
    (tmp_path / "b.pdf").write_bytes(docs["berekening"])
    (tmp_path / "a.pdf").write_bytes(docs["aanvraag"])
    return tmp_path / "a.pdf", tmp_path / "b.pdf"


def _zichtbaar(w, venster) -> bool:
    """Zichtbaar in dit venster, ook op een tabblad dat nu niet voor ligt (de sneltoetsen tellen voor de hele dialoog)."""
    while w is not None and w is not venster:
        if w.isHidden() and not isinstance(w.parentWidget(), QStackedWidget):
            return False
        w = w.parentWidget()
    return True


def sneltoetsen(venster) -> list[str]:
    """De Alt-letters van alles wat zichtbaar is in dit venster (knoppen, labels met buddy, tabbladen)."""
    letters = []
    teksten = [w.text() for w in venster.findChildren(QAbstractButton) if _zichtbaar(w, venster)]
    teksten += [w.text() for w in venster.findChildren(QLabel) if w.buddy() is not None and _zichtbaar(w, venster)]
    for tabs in venster.findChildren(QTabWidget):
        teksten += [tabs.tabText(i) for i in range(tabs.count())]
    for t in teksten:
        if m := re.search(r"&([^&\s])", t.replace("&&", "")):
            letters.append(m.group(1).lower())
    return letters


def _uniek(venster):
    letters = sneltoetsen(venster)
    dubbel = sorted({x for x in letters if letters.count(x) > 1})
    assert not dubbel, (type(venster).__name__, dubbel, letters)
    return letters


@pytest.mark.traag
def test_sneltoetsen_uniek_per_dialoog(qtbot, app, opslag, pdfs):
    from avdesk.gemeente import werk
    from avdesk.store.instellingen import schrijf
    from avdesk.ui.gemeente import GemeenteScherm
    from avdesk.ui.gemeente_lijst import LijstDialoog
    from avdesk.ui.instellingen import InstellingenDialoog
    a, b = pdfs
    werk.ontvang(opslag, ("b.pdf", b.read_bytes()), ("a.pdf", a.read_bytes()))
    scherm = GemeenteScherm(opslag)
    qtbot.addWidget(scherm)
    assert set(_uniek(scherm)) >= {"z", "o", "v", "l", "i"}
    d = scherm.openen()
    qtbot.addWidget(d)
    d.besluit.setCurrentIndex(d.besluit.findData("buiten behandeling"))      # alle velden zichtbaar
    assert set(_uniek(d)) >= {"c", "v", "s", "o", "l", "z", "b", "r", "h", "w", "k", "m", "u", "g", "a"}
    lijst = LijstDialoog(opslag)
    qtbot.addWidget(lijst)
    assert set(_uniek(lijst)) >= {"b", "k", "j", "a", "t", "i", "n"}
    schrijf(opslag, {"modus": "gemeente"})
    inst = InstellingenDialoog(opslag)
    qtbot.addWidget(inst)
    assert set(_uniek(inst)) >= {"g", "f", "s", "c", "i", "j", "p"}


def _drop(scherm, paden):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paden])
    e = QDropEvent(QPointF(20, 60), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                   Qt.KeyboardModifier.NoModifier)
    scherm.dropEvent(e)
    return e


@pytest.mark.traag
def test_slepen_van_een_of_twee_pdfs(qtbot, app, opslag, pdfs, tmp_path, monkeypatch):
    from avdesk.ui.gemeente import GemeenteScherm
    meldingen = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _o, titel, tekst, *a: meldingen.append(tekst))
    scherm = GemeenteScherm(opslag)
    qtbot.addWidget(scherm)
    assert scherm.acceptDrops()
    (tmp_path / "lijst.csv").write_text("123456782\n")
    e = _drop(scherm, [tmp_path / "lijst.csv"])                 # geen PDF: niet aangenomen, niets ontvangen
    assert not e.isAccepted() and scherm.model.rowCount() == 0
    a, b = pdfs
    _drop(scherm, [a])                                          # alleen de aanvraag: zegt dat de berekening mist
    assert meldingen and "geen berekening van avdesk" in meldingen[-1] and scherm.model.rowCount() == 0
    _drop(scherm, [a, b])                                       # de aanvraag eerst: avdesk ziet zelf welke welke is
    assert scherm.model.rowCount() == 1 and scherm.dialoog is not None
    assert "Ontvangen als dossier" in scherm.dialoog.controle.toPlainText()
    assert "Aanvraag: hoort bij deze berekening (vingerafdruk" in scherm.dialoog.controle.toPlainText()


@pytest.mark.traag
def test_lijst_vernieuwt_na_ontvang_op_de_opdrachtregel(qtbot, app, tmp_path, pdfs, avdesk_cli):
    from avdesk.store.opslag import Opslag
    from avdesk.ui.gemeente import GemeenteScherm
    env = {"AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": "vernieuw-test"}
    assert avdesk_cli("instellingen", "werkwijze", "gemeente", env=env).returncode == 0
    opslag = Opslag.open(tmp_path / "d", "vernieuw-test")
    try:
        scherm = GemeenteScherm(opslag)
        qtbot.addWidget(scherm)
        assert scherm.model.rowCount() == 0
        a, b = pdfs
        r = avdesk_cli("ontvang", b, a, env=env)
        assert r.returncode in (0, 1), r.stderr.decode()
        assert scherm.model.rowCount() == 0
        QApplication.sendEvent(scherm, QEvent(QEvent.Type.WindowActivate))    # terug in het venster
        assert scherm.model.rowCount() == 1 and scherm.zoek.text() == ""
        assert re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d", scherm.model.item(0, 8).text())
    finally:
        opslag.close()


def test_lijst_van_een_ander_jaar_wordt_geweigerd(qtbot, app, opslag, tmp_path):
    from avdesk.ui.gemeente_lijst import LijstDialoog
    (tmp_path / "lijst.csv").write_text("BSN;Jaar\n123456782;2024\n111111110;2024\n")
    d = LijstDialoog(opslag)
    qtbot.addWidget(d)
    d.bestand.setText(str(tmp_path / "lijst.csv"))
    d.jaar.setValue(2026)
    d.accept()
    assert "De lijst is niet ingelezen" in d.fout.text() and "2024" in d.fout.text()
    assert "123456782" not in d.fout.text()                     # nooit de inhoud van een cel
    assert lijsten.lijsten(opslag) == [] and d.result() == 0


def test_gemeentevelden_in_de_instellingen(qtbot, app, opslag, monkeypatch):
    from avdesk.store.instellingen import lees
    from avdesk.ui.instellingen import InstellingenDialoog
    meldingen = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _o, titel, tekst, *a: meldingen.append(tekst))
    d = InstellingenDialoog(opslag)
    qtbot.addWidget(d)
    assert not d.gemeentevak.isVisibleTo(d) and d.f.raadsman_naam.isVisibleTo(d)
    d.modus.setCurrentIndex(1)
    assert d.gemeentevak.isVisibleTo(d) and not d.f.raadsman_naam.isVisibleTo(d)
    d.gemeente["gemeente_naam"].setText("Gemeente Vlaardingen")
    d.gemeente["doelgroeplijst_bewaren_tot"].setText("31-02-2028")
    d.accept()
    assert meldingen and "is geen datum" in meldingen[-1]
    assert lees(opslag)["modus"] == "raadsman"                    # niets half bewaard
    d.gemeente["doelgroeplijst_bewaren_tot"].setText("30-06-2029")
    d.accept()
    w = lees(opslag)
    assert (w["modus"], w["gemeente_naam"], w["doelgroeplijst_bewaren_tot"]) == (
        "gemeente", "Gemeente Vlaardingen", "2029-06-30")
    assert InstellingenDialoog(opslag).gemeente["doelgroeplijst_bewaren_tot"].text() == "30-06-2029"


def test_betaalrekening_en_medewerker_in_de_instellingen(qtbot, app, opslag, monkeypatch):
    """De betaalopdracht vroeg om betaal_iban, betaal_bic en betaal_naam, en het vastleggen om de medewerker, maar die
    waren alleen met `avdesk instellingen` te zetten. Nu ook in het venster, met dezelfde controle (store/instellingen
    controleer): een IBAN waarvan mod 97 niet klopt wordt geweigerd, spaties en kleine letters worden weggewerkt."""
    from avdesk.store.instellingen import lees
    from avdesk.ui.instellingen import InstellingenDialoog
    meldingen = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _o, titel, tekst, *a: meldingen.append(tekst))
    d = InstellingenDialoog(opslag)
    qtbot.addWidget(d)
    d.modus.setCurrentIndex(1)
    for k in ("medewerker", "betaal_iban", "betaal_bic", "betaal_naam"):
        assert d.gemeente[k].isVisibleTo(d), k
    d.gemeente["medewerker"].setText("J. Jansen")
    d.gemeente["betaal_naam"].setText("Gemeente Vlaardingen")
    d.gemeente["betaal_bic"].setText("ingbnl2a")
    d.gemeente["betaal_iban"].setText("NL20 INGB 0001 2345 68")
    d.accept()
    assert meldingen and "geen geldig IBAN" in meldingen[-1]
    assert lees(opslag)["betaal_naam"] == "" and lees(opslag)["medewerker"] == ""      # niets half bewaard
    d.gemeente["betaal_iban"].setText("nl20 ingb 0001 2345 67")
    d.accept()
    w = lees(opslag)
    assert (w["medewerker"], w["betaal_naam"], w["betaal_bic"], w["betaal_iban"]) == (
        "J. Jansen", "Gemeente Vlaardingen", "INGBNL2A", "NL20INGB0001234567")
    assert InstellingenDialoog(opslag).gemeente["betaal_iban"].text() == "NL20INGB0001234567"
