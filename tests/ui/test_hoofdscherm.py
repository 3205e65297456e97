"""Hoofdscherm, formulieren en screenshots: zoeken terwijl je typt, verwijderen met bevestiging, en elke .ui laadt."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from avdesk.core.casus import lees_casus
from avdesk.ui.hoofdscherm import Hoofdscherm
from avdesk.ui.laden import Formulier, formulieren_map

ROOT = Path(__file__).resolve().parents[2]


def casus(naam):
    return lees_casus((ROOT / "tests" / "scenarios" / naam).read_bytes())


def test_zoeken_terwijl_je_typt(qtbot, app, opslag):
    for n in ("martin_hanna_2024.json", "irene_sergio_2023.json", "jerry_anton_2024.json"):
        opslag.nieuw_dossier(casus(n))
    scherm = Hoofdscherm(opslag)
    qtbot.addWidget(scherm)
    assert scherm.proxy.rowCount() == 3
    assert scherm.proxy.index(0, 1).data() == "Jerry"        # laatst gewijzigd bovenaan
    qtbot.keyClicks(scherm.f.zoek, "serg")
    qtbot.waitUntil(lambda: scherm.proxy.rowCount() == 1, timeout=2000)
    assert scherm.proxy.index(0, 2).data() == "Sergio"
    assert scherm.statusBar().currentMessage() == "1 dossier(s) gevonden"


def test_sorteren_en_sneltoetsen_zonder_qt_naamruimte(qtbot, app, opslag):
    """Het hoofdscherm gebruikt rolnummers en een .ui-eigenschap in plaats van Qt.*-enums (sneller starten)."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QKeySequence

    from avdesk.ui.hoofdscherm import ROL_DOSSIER, ROL_SORTEER
    assert (ROL_SORTEER, ROL_DOSSIER) == (Qt.ItemDataRole.UserRole.value, Qt.ItemDataRole.UserRole.value + 1)
    for n in ("martin_hanna_2024.json", "irene_sergio_2023.json", "jerry_anton_2024.json"):
        opslag.nieuw_dossier(casus(n))
    scherm = Hoofdscherm(opslag)
    qtbot.addWidget(scherm)
    kop = scherm.f.tabel.horizontalHeader()
    assert not kop.isSortIndicatorShown()
    assert scherm.f.tabel.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    assert scherm.gekozen() == opslag.dossiers()[0]["id"]
    scherm.show()
    klik = QPoint(kop.sectionViewportPosition(1) + 5, kop.height() // 2)      # een klik op de kop "Aanvrager"
    qtbot.mouseClick(kop.viewport(), Qt.MouseButton.LeftButton, pos=klik)
    assert kop.isSortIndicatorShown()
    namen = [scherm.proxy.index(i, 1).data() for i in range(3)]
    assert sorted(namen) in (namen, namen[::-1]) and namen != [d["aanvrager_naam"] for d in opslag.dossiers()]
    sneltoetsen = {a.text(): a.shortcut() for a in scherm.actions()}
    assert sneltoetsen["Openen"] == QKeySequence(Qt.Key.Key_Return)


def test_verwijderen_vraagt_bevestiging(qtbot, app, opslag, monkeypatch):
    d = opslag.nieuw_dossier(casus("bosveld_2022.json"))
    scherm = Hoofdscherm(opslag)
    qtbot.addWidget(scherm)
    vragen = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: vragen.append(a[2]) or QMessageBox.StandardButton.No)
    scherm.verwijderen()
    assert opslag.dossiers() and "Bosveld" in vragen[0] and "niet ongedaan" in vragen[0]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    scherm.verwijderen()
    assert opslag.dossiers() == [] and scherm.proxy.rowCount() == 0
    assert opslag.auditlog()[0] == {**opslag.auditlog()[0], "actie": "dossier verwijderd", "dossier_id": d}


def test_nieuw_dossier_neemt_instellingen_over(qtbot, app, opslag):
    from avdesk.store.instellingen import schrijf
    schrijf(opslag, {"raadsman_naam": "R. de Vries", "organisatie_naam": "Raadslieden Noord",
                     "beleidsprofiel": "mvs-2025"})
    scherm = Hoofdscherm(opslag)
    qtbot.addWidget(scherm)
    scherm.nieuw()
    c = scherm.wizard.casus
    assert (c.raadsman.naam, c.raadsman.organisatie, c.beleidsprofiel) == ("R. de Vries", "Raadslieden Noord", "mvs-2025")
    scherm.wizard.reject()


def test_elk_formulier_laadt_en_de_tabvolgorde_klopt(app):
    for ui in sorted(formulieren_map().glob("*.ui")):
        f = Formulier(ui.stem)
        namen = {e.get("name") for e in ET.parse(ui).iter("widget")}
        for tab in ET.parse(ui).iter("tabstop"):
            assert tab.text in namen and f.heeft(tab.text), f"{ui.name}: tabstop {tab.text}"
        for label in ET.parse(ui).iter("widget"):
            buddy = label.find("property[@name='buddy']/cstring")
            if buddy is not None:
                assert buddy.text in namen, f"{ui.name}: buddy {buddy.text}"


def test_formulieren_zonder_designer_plugins(app):
    """De lader laadt geen Designer-plugins (QtWebEngine, QtQuick): die kostten bij elke start 10-20 ms."""
    from PySide6.QtCore import QCoreApplication

    from avdesk.ui.laden import lader
    paden = QCoreApplication.libraryPaths()
    assert lader().pluginPaths() == [] and lader() is lader()
    assert QCoreApplication.libraryPaths() == paden          # de paden staan weer zoals ze waren
    Formulier("hoofdscherm")
    kaarten = Path("/proc/self/maps")
    if kaarten.exists():
        geladen = kaarten.read_text()
        assert "WebEngine" not in geladen and "libQt6Quick" not in geladen


@pytest.mark.traag
def test_screenshots(tmp_path, avdesk_cli):
    r = avdesk_cli("screenshots", tmp_path)
    assert r.returncode == 0, r.stderr.decode()[-2000:]
    namen = sorted(p.name for p in tmp_path.glob("*.png"))
    for n in range(1, 12):
        assert any(x.startswith(f"{n:02d}-stap{n}") for x in namen), n
    assert {"12-afronding-met-pdf.png", "00-dossiers.png", "13-wtrap.png"} <= set(namen)
    assert all(p.stat().st_size > 5000 for p in tmp_path.glob("*.png"))


def test_bewaartermijn_herinnering_op_het_hoofdscherm(qtbot, app, opslag):
    d = opslag.nieuw_dossier(casus("bosveld_2022.json"))
    opslag.conn.execute("UPDATE dossiers SET gewijzigd = '2020-01-01T09:00:00' WHERE id = ?", (d,))
    scherm = Hoofdscherm(opslag)
    qtbot.addWidget(scherm)
    assert "1 dossier(s) vallen buiten de bewaartermijn van 24 maanden" in scherm.f.melding.text()


@pytest.mark.traag
def test_instellingen_bewaren(qtbot, app, opslag):
    from avdesk.store.instellingen import lees
    from avdesk.ui.instellingen import InstellingenDialoog
    d = InstellingenDialoog(opslag)
    qtbot.addWidget(d)
    d.f.raadsman_naam.setText("R. de Vries")
    d.f.bewaartermijn.setValue(12)
    d.f.beleidsprofiel.setCurrentIndex(d.profielen.index("mvs-2025"))
    d.f.wachtwoord.setText("kort")
    d.f.wachtwoord2.setText("kort")
    d.accept()
    assert "minstens 8 tekens" in d.f.wachtwoord_fout.text() and lees(opslag)["raadsman_naam"] == ""
    d.f.wachtwoord.setText("een nieuw wachtwoord")
    d.f.wachtwoord2.setText("een nieuw wachtwoord")
    d.accept()
    w = lees(opslag)
    assert (w["raadsman_naam"], w["bewaartermijn_maanden"], w["beleidsprofiel"]) == ("R. de Vries", "12", "mvs-2025")
    from avdesk.store.opslag import Opslag
    Opslag.open(opslag.map, "een nieuw wachtwoord").close()      # het nieuwe wachtwoord werkt


def afronding_met_pdfs(qtbot, opslag):
    """De afrondingspagina van Martin en Hanna, met aanvraag en berekening al in het dossier."""
    from avdesk.ui.wizard import AFRONDING, AvWizard
    c = casus("martin_hanna_2024.json")
    c.aanvraag.route = "tekort"
    d = opslag.nieuw_dossier(c)
    w = AvWizard(opslag.casus(d), opslag, d)
    qtbot.addWidget(w)
    w.hervat(AFRONDING)
    pagina = w.currentPage()
    pagina.maak_pdfs()
    return pagina


@pytest.mark.traag
def test_opslaan_als_schrijft_beide_pdfs(qtbot, app, opslag, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox
    pagina = afronding_met_pdfs(qtbot, opslag)
    meldingen = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: meldingen.append(a[2]))
    pagina.opslaan_als()
    from datetime import date
    vandaag = date.today().isoformat()
    namen = sorted(p.name for p in tmp_path.glob("*.pdf"))
    assert namen == [f"avdesk-{pagina.w.dossier_id}-{s}-{vandaag}.pdf" for s in ("aanvraag", "berekening")]
    assert "niet versleuteld" in meldingen[0]
    pagina.opslaan_als()                         # nog eens: niets vervangen, de tweede krijgt -2
    assert len(list(tmp_path.glob(f"*-{vandaag}-2.pdf"))) == 2


@pytest.mark.traag
def test_afdrukken(qtbot, app, opslag, tmp_path):
    """Afdrukken naar een PDF-printer: alle pagina's van aanvraag en berekening, zonder tijdelijke bestanden."""
    from io import BytesIO

    from pypdf import PdfReader
    from PySide6.QtPrintSupport import QPrinter
    pagina = afronding_met_pdfs(qtbot, opslag)
    verwacht = sum(len(PdfReader(BytesIO(inhoud)).pages) for _, inhoud in pagina.documenten.values())
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "afdruk.pdf"))
    assert pagina.druk_af(printer) == verwacht
    assert len(PdfReader(str(tmp_path / "afdruk.pdf")).pages) == verwacht


def test_wachtwoordvraag_bij_het_starten(app, tmp_path, monkeypatch):
    """Zonder veilige sleutelbos vraagt het venster het wachtwoord; een fout wachtwoord geeft een melding en een
    nieuwe poging, annuleren opent niets."""
    from PySide6.QtWidgets import QDialog

    from avdesk.store.opslag import Opslag
    from avdesk.ui.app import open_opslag
    from avdesk.ui.wachtwoord import WachtwoordDialoog
    Opslag.open(tmp_path / "d", "het-goede-wachtwoord").close()
    monkeypatch.setenv("AVDESK_DATA", str(tmp_path / "d"))
    pogingen, meldingen = iter(["fout-wachtwoord", "het-goede-wachtwoord"]), []

    def typ_en_ok(dialoog):
        meldingen.append(dialoog.f.wachtwoord_fout.text() if dialoog.f.wachtwoord_fout.isVisibleTo(dialoog) else "")
        dialoog.f.wachtwoord.setText(next(pogingen))
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(WachtwoordDialoog, "exec", typ_en_ok)
    opslag = open_opslag()
    assert opslag is not None and meldingen == ["", "Het wachtwoord klopt niet."]
    opslag.close()
    monkeypatch.setattr(WachtwoordDialoog, "exec", lambda d: QDialog.DialogCode.Rejected)
    assert open_opslag() is None


@pytest.mark.traag
def test_elk_venster_past_op_een_laptop(tmp_path, avdesk_cli):
    """1366x768 op 100% en 1920x1080 op 150% (1280x720 logisch): elk venster (stappen, afronding, dossierlijst,
    instellingen) zoals het daar staat, en geen PNG groter dan het scherm min de titelbalk."""
    from PIL import Image
    for naam, args, (b, h) in (("laptop", ["--scherm", "1366x768"], (1366, 768)),
                               ("hoog", ["--scherm", "1920x1080", "--schaal", "1.5"], (1920, 1080))):
        r = avdesk_cli("screenshots", tmp_path / naam, *args)
        assert r.returncode == 0, r.stderr.decode()[-2000:]
        pngs = list((tmp_path / naam).glob("*.png"))
        assert len(pngs) >= 16
        for png in pngs:
            breedte, hoogte = Image.open(png).size
            titelbalk = 40 * (1.5 if "--schaal" in args else 1)          # fysieke pixels
            assert breedte <= b and hoogte <= h - titelbalk, (naam, png.name, breedte, hoogte)

def test_controle_op_de_achtergrond_meldt_een_beschadigde_pagina(qtbot, app, tmp_path):
    """Na het starten controleert een thread het hele bestand; een beschadigde pagina (een document van dossier 1,
    dat de lijst niet leest) geeft een niet-blokkerende melding die naar `avdesk backup --red` wijst."""
    import os

    from avdesk.store.opslag import Opslag
    map_ = tmp_path / "d"
    with Opslag.open(map_, "geheim") as o:
        d = o.nieuw_dossier(casus("martin_hanna_2024.json"))
        o.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        voor = (map_ / "avdesk.db").stat().st_size // 4096
        o.bewaar_document(d, "aanvraag", "a.pdf", os.urandom(100_000))
    db = map_ / "avdesk.db"
    data = bytearray(db.read_bytes())
    begin = (voor + 10) * 4096 + 300
    data[begin:begin + 50] = b"\x00" * 50
    db.write_bytes(data)
    opslag = Opslag.open(map_, "geheim")
    try:
        scherm = Hoofdscherm(opslag)
        qtbot.addWidget(scherm)
        assert scherm.proxy.rowCount() == 1                    # de lijst staat, de schade zit elders
        scherm.controleer_op_achtergrond().join(10)
        qtbot.waitUntil(lambda: scherm.schademelding is not None, timeout=3000)
        tekst = scherm.schademelding.text()
        assert "misschien niet meer te lezen" in tekst and "avdesk backup --red" in tekst
        assert "backup --red" in scherm.statusBar().currentMessage()
        scherm.schademelding.close()
    finally:
        opslag.close()


def test_controle_op_de_achtergrond_zonder_schade_zwijgt(qtbot, app, opslag):
    opslag.nieuw_dossier(casus("martin_hanna_2024.json"))
    scherm = Hoofdscherm(opslag)
    qtbot.addWidget(scherm)
    scherm.controleer_op_achtergrond().join(10)
    qtbot.wait(100)
    assert scherm.schademelding is None


def test_eerste_keer_vraagt_avdesk_de_raadsman_en_de_pdfs_noemen_hem(qtbot, app, opslag):
    from avdesk.export.documenten import maak_documenten
    from avdesk.store.instellingen import lees
    from pdfhulp import pdftekst
    gevraagd = []

    def vul_in(dialoog):
        gevraagd.append(dialoog.windowTitle())
        dialoog.velden["raadsman_naam"].setText("R. de Vries")
        dialoog.velden["organisatie_naam"].setText("Raadslieden <Noord> & Co")
        dialoog.accept()                                    # zonder telefoon of e-mail: nog niet goed
        assert dialoog.fout.isVisibleTo(dialoog) and dialoog.result() != dialoog.DialogCode.Accepted
        dialoog.velden["raadsman_email"].setText("raad@example.nl")
        dialoog.accept()
        return dialoog.result()

    scherm = Hoofdscherm(opslag)
    qtbot.addWidget(scherm)
    scherm._raadsman_dialoog = vul_in
    scherm.nieuw()
    scherm.wizard.reject()
    scherm.nieuw()                                          # de tweede keer niet meer
    scherm.wizard.reject()
    assert gevraagd == ["Wie bereidt de aanvragen voor?"]
    assert lees(opslag)["organisatie_naam"] == "Raadslieden <Noord> & Co"
    c = lees_casus((Path(__file__).resolve().parents[2] / "tests/scenarios/martin_hanna_2024.json").read_bytes())
    c.raadsman = scherm.wizard.casus.raadsman
    docs = maak_documenten(c)
    for soort in ("aanvraag", "berekening"):
        assert "Raadslieden <Noord> & Co" in pdftekst(docs[soort]) and "R. de Vries" in pdftekst(docs[soort])


def test_dossierlijst_compensatie_verouderd_na_een_wijziging(qtbot, app, opslag):
    """De kolom Compensatie toonde het bedrag van de laatste berekening ook als de casus daarna was gewijzigd."""
    from avdesk.export.documenten import maak_en_bewaar
    c = casus("martin_hanna_2024.json")
    c.aanvraag.route, c.aanvraag.toestemming_mijntoeslagen = "tekort", True
    d = opslag.nieuw_dossier(c)
    maak_en_bewaar(opslag, d)
    scherm = Hoofdscherm(opslag)
    qtbot.addWidget(scherm)
    kolom = [scherm.model.horizontalHeaderItem(k).text() for k in range(scherm.model.columnCount())].index("Compensatie")
    cel = scherm.model.item(0, kolom)
    assert (cel.text(), cel.toolTip()) == ("€ 716,00", "")
    opslag.bewaar_casus(d, c)                                       # niets gewijzigd: geen nieuwe versie
    scherm.vernieuw()
    assert scherm.model.item(0, kolom).text() == "€ 716,00"
    c.jaren[0].perioden[0].huur.kale_huur += 50
    opslag.bewaar_casus(d, c)
    scherm.vernieuw()
    cel = scherm.model.item(0, kolom)
    assert cel.text() == "€ 716,00 (oud)"
    assert "gewijzigd na de laatste berekening" in cel.toolTip()
    maak_en_bewaar(opslag, d)                                       # opnieuw berekend: niet meer oud
    scherm.vernieuw()
    assert not scherm.model.item(0, kolom).text().endswith("(oud)")
