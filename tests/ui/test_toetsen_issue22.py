"""Issue 22, punten 3-7 en 9 (de raadsman met alleen het toetsenbord): Enter is Volgende, stap 2 toont wat hij doet,
een exportmap die bestaat, labels die de aanvraag niet tegenspreken, F1-hulp met hele zinnen, en de kleinere punten.
Waar toetsen het punt zijn, drukt de test echte toetsen in bij het widget met de focus (Toetsenbord)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from toetsen import K, nieuw_dossier, stap1_typen

from avdesk.ui.wizard import AFRONDING


def focus():
    return QApplication.focusWidget()


def test_irene_en_sergio_2023_met_terugvordering_alleen_met_het_toetsenbord(qtbot, app, opslag):
    """De 2023-terugvorderingscasus van issue 22 (tests/scenarios/irene_sergio_2023.json met een terugvordering van
    € 600, geheel door de alleenverdienersproblematiek) van een nieuw dossier tot beide PDF's: stap 1 tot en met 11."""
    scherm, w, t = nieuw_dossier(qtbot, opslag)
    titels = [w.windowTitle()]
    w.currentIdChanged.connect(lambda _: titels.append(w.windowTitle()))
    stap1_typen(t, "Irene", "02031985", "123456782", "Sergio", "03041986", "01102024", "Lindelaan 12", "3131AB",
                "NL91ABNA0417164300")
    assert w.currentId() == 2, w.currentPage().melding.text()
    stap2 = w.currentPage()
    # 2023 toevoegen (de keuzelijst staat op het eerste jaar dat er nog niet is) en 2024 weghalen.
    gezien = []
    antwoord_in_dialoog(qtbot, t, K.Key_J, gezien)                  # "Toeslagjaar 2024 verwijderen?" Ja
    t.alt("r")                                                      # Getoond jaar verwijderen (2024, nog leeg)
    qtbot.waitUntil(lambda: stap2.editors == [])
    w.activateWindow()
    qtbot.waitUntil(lambda: focus() is stap2.f.jaar_keuze)
    t.alt("j")
    assert [ed.jaar.jaar for ed in stap2.editors] == [2023]
    ed = stap2.editor(2023)
    t.alt("a"), t.typ("23762"), t.alt("p"), t.typ("4322"), t.alt("k"), t.typ("720")
    t.alt("m"), t.typ("kind"), t.tab(), t.typ("12062015")
    t.alt("e")                                                      # naar de periodelijst: juli t/m december
    assert focus() is ed.f.perioden
    t.druk(K.Key_Down)
    assert ed.f.perioden.currentRow() == 1
    t.alt("k"), t.typ("575,03")
    t.enter()
    assert w.currentId() == 3, w.currentPage().melding.text()
    t.alt("b"), t.enter()
    assert w.currentId() == 4, w.currentPage().melding.text()
    t.enter(), t.enter(), t.enter(), t.enter()
    assert w.currentId() == 8, (w.currentId(), w.currentPage().melding.text())
    assert "Tekort 2023: € 996,00" in w.currentPage().f.vergelijking.text()
    t.enter()
    assert w.currentId() == 9, w.currentPage().melding.text()
    assert w.currentPage().f.jaren.tabText(0) == "Terugvordering 2022"
    t.druk(K.Key_Tab, Qt.KeyboardModifier.ControlModifier)          # naar het tabblad 2023
    assert w.currentPage().f.jaren.currentIndex() == 1
    t.alt("r"), t.typ("600"), t.alt("b")
    # Punt 9: de zijlijst volgt de terugvordering meteen (bij het verlaten van het veld), niet pas op de volgende pagina.
    zijlijst = [w.zijlijst.item(i).text() for i in range(w.zijlijst.count())]
    assert "11. Tekort hoger dan de terugvordering?" in zijlijst and not any("Stap 11" in r for r in zijlijst), zijlijst
    t.typ("01062024")
    t.enter()
    assert w.currentId() == 10, w.currentPage().melding.text()
    t.enter()
    assert w.currentId() == 11, w.currentPage().melding.text()
    t.enter()
    assert w.currentId() == AFRONDING, w.currentPage().melding.text()
    tabel = w.currentPage().f.samenvatting
    assert tabel.item(tabel.rowCount() - 1, 3).text() == "€ 996,00"
    # Punt 9: "stap n van m" springt niet terwijl de route bekend wordt: m pas vanaf de keuze van de route, en dan vast.
    assert titels[:3] == ["avdesk - stap 1: Uitnodigen en inloggen",
                          "avdesk - stap 2: Gegevens in MijnToeslagen controleren",
                          "avdesk - stap 3: Route: tekort, terugvordering of beide"], titels
    assert all(" van 12: " in titel for titel in titels[3:]), "\n".join(titels)
    t.alt("m")
    qtbot.waitUntil(lambda: {d["soort"] for d in opslag.documenten(w.dossier_id)} == {"aanvraag", "berekening"})
    assert opslag.dossier(w.dossier_id)["status"] == "aanvraag klaar"
    print(f"\nIrene en Sergio 2023 met alleen het toetsenbord: {t.aanslagen} toetsaanslagen")
    assert t.aanslagen <= 159            # 167 voor issue 22.3/22.4 (9x Shift+Tab naar de periodelijst)


# ---------------------------------------------------------------- punt 3: Enter is Volgende, ook als Terug de focus heeft

def test_enter_op_terug_gaat_vooruit_niet_terug(qtbot, app, opslag):
    from PySide6.QtWidgets import QWizard
    from toetsen import Toetsenbord, wizard_bij
    w = wizard_bij(qtbot, opslag, "martin_hanna_2024.json", "tekort", 7)
    t = Toetsenbord(qtbot)
    terug = w.button(QWizard.WizardButton.BackButton)
    vermogen = w.currentPage().vermogen_velden[0][1]
    vermogen.setFocus()
    qtbot.waitUntil(lambda: focus() is vermogen)
    for _ in range(10):                      # Tab uit "Vermogen": de eerste knop daarna is "< Terug"
        t.tab()
        if focus() is terug:
            break
    assert focus() is terug
    t.enter()
    assert w.currentId() == AFRONDING, w.currentId()
    # Terug met zijn eigen sneltoets en met Spatie op de knop blijft terug.
    t.alt("t")
    assert w.currentId() == 7
    terug.setFocus()
    t.druk(K.Key_Space)
    qtbot.waitUntil(lambda: w.currentId() == 6)


def test_na_jaar_toevoegen_staat_de_focus_in_het_nieuwe_jaar_en_enter_gaat_niet_terug(qtbot, app, opslag):
    from PySide6.QtWidgets import QWizard
    from toetsen import Toetsenbord, wizard_bij
    w = wizard_bij(qtbot, opslag, "martin_hanna_2024.json", "tekort", 2)
    t = Toetsenbord(qtbot)
    stap2 = w.currentPage()
    stap2.f.jaar_keuze.setFocus()
    t.druk(K.Key_Home)                       # het eerste jaar van de keuzelijst: 2023
    t.alt("j")
    assert [ed.jaar.jaar for ed in stap2.editors] == [2023, 2024]
    assert focus() is stap2.editor(2023).p.ink_toevoegen
    assert focus() is not w.button(QWizard.WizardButton.BackButton)
    w.button(QWizard.WizardButton.BackButton).setFocus()
    t.enter()
    assert w.currentId() == 2                # Volgende weigert (2023 is leeg), maar niet terug naar stap 1
    assert "2023 is nog leeg" in stap2.melding.text()


# ---------------------------------------------------------------- punt 4: stap 2 laat zien wat hij doet

def antwoord_in_dialoog(qtbot, t, toets, gezien: list):
    """Druk over 150 ms een toets in bij de modale dialoog die dan open staat (QMessageBox.question blokkeert)."""
    from PySide6.QtCore import QTimer

    def druk():
        d = QApplication.activeModalWidget()
        gezien.append((d.windowTitle(), d.text(), [b.text() for b in d.buttons()]) if d else None)
        if d is not None:
            qtbot.keyClick(d, toets)
            t.aanslagen += 1
    QTimer.singleShot(150, druk)


def test_jaar_verwijderen_vraagt_het_escape_is_nee(qtbot, app, opslag):
    from toetsen import Toetsenbord, wizard_bij
    w = wizard_bij(qtbot, opslag, "martin_hanna_2024.json", "tekort", 2)
    t = Toetsenbord(qtbot)
    stap2 = w.currentPage()
    gezien = []
    antwoord_in_dialoog(qtbot, t, K.Key_Escape, gezien)
    t.alt("r")
    qtbot.waitUntil(lambda: bool(gezien))
    titel, tekst, knoppen = gezien[0]
    assert titel == "Jaar verwijderen" and "Toeslagjaar 2024 verwijderen?" in tekst
    assert sorted(k.replace("&", "") for k in knoppen) == ["Ja", "Nee"]
    assert [ed.jaar.jaar for ed in stap2.editors] == [2024]            # Escape: niets weg
    w.activateWindow()                       # offscreen komt de activering na een modale dialoog niet vanzelf terug
    qtbot.waitUntil(lambda: focus() is not None)
    antwoord_in_dialoog(qtbot, t, K.Key_J, gezien)                     # J: de sneltoets van "Ja"
    t.alt("r")
    qtbot.waitUntil(lambda: len(gezien) == 2)
    qtbot.waitUntil(lambda: stap2.editors == [])
    assert all(j.jaar != 2024 or not j.perioden for j in w.casus.jaren)


def test_wijziging_toevoegen_toont_de_nieuwe_periode_met_focus(qtbot, app, opslag):
    from toetsen import Toetsenbord, wizard_bij
    w = wizard_bij(qtbot, opslag, "martin_hanna_2024.json", "tekort", 2)
    t = Toetsenbord(qtbot)
    pagina = w.currentPage()
    ed = pagina.editor(2024)
    ed.f.wijziging_maand.setCurrentIndex(ed.f.wijziging_maand.findText("november"))
    t.alt("z")                                           # onderaan: zorgtoeslag, de periodelijst is uit beeld
    vlak = pagina.vlak
    qtbot.waitUntil(lambda: vlak.verticalScrollBar().value() > 0)
    assert ed.findChildren(type(vlak)) == [], "een schuifvlak in het schuifvlak"
    voor = ed.f.perioden.count()
    t.alt("w")
    assert ed.f.perioden.count() == voor + 1
    nieuw = ed.f.perioden.currentRow()
    assert ed.f.perioden.item(nieuw).text().startswith("nov t/m")
    assert focus() is ed.f.perioden
    # Het item staat in het zichtbare deel van het schuifvlak van de pagina.
    rect = ed.f.perioden.visualItemRect(ed.f.perioden.item(nieuw))
    midden = ed.f.perioden.viewport().mapTo(vlak.viewport(), rect.center())
    assert vlak.viewport().rect().contains(midden), (midden, vlak.viewport().rect())


def test_de_periodelijst_heeft_een_sneltoets(qtbot, app, opslag):
    from toetsen import Toetsenbord, wizard_bij
    w = wizard_bij(qtbot, opslag, "martin_hanna_2024.json", "tekort", 2)
    t = Toetsenbord(qtbot)
    ed = w.currentPage().editor(2024)
    t.alt("z")
    t.alt("e")
    assert focus() is ed.f.perioden
    t.druk(K.Key_Down)
    assert ed.f.perioden.currentRow() == 1


# ---------------------------------------------------------------- punt 9: kleinere punten

def test_stap8_noemt_de_juiste_herkomst_van_de_beschikkingsdatum(qtbot, app, opslag):
    from datetime import date
    from decimal import Decimal

    from avdesk.core.casus import Terugvordering
    from toetsen import wizard_bij
    w = wizard_bij(qtbot, opslag, "irene_sergio_2023.json", "beide", 8)
    label = w.currentPage().f.label_datum_beschikking
    assert label.text() == "Datum definitieve beschikking 2023 (in te vullen in stap 2 of 9)"
    j = w.casus.jaren[0]
    j.datum_definitieve_beschikking = date(2024, 6, 1)
    w.currentPage().laad()
    assert label.text() == "Datum definitieve beschikking 2023 (uit stap 2)"
    j.terugvordering = Terugvordering(bedrag=Decimal(600), datum_definitieve_beschikking=date(2024, 6, 1))
    w.currentPage().laad()
    assert label.text() == "Datum definitieve beschikking 2023 (uit stap 9, de terugvordering)"


# ---------------------------------------------------------------- punt 6: labels die de aanvraag niet tegenspreken

def test_stap1_zegt_wat_de_aanvraag_nodig_heeft(qtbot, app, opslag):
    from avdesk.core.casus import lees_casus
    from avdesk.export.documenten import ontbrekend_voor_aanvraag
    from toetsen import wizard_bij
    w = wizard_bij(qtbot, opslag, "martin_hanna_2024.json", "tekort", 1)
    f = w.currentPage().f
    teksten = {lbl.objectName(): lbl.text().replace("&", "") for lbl in f.widget.findChildren(type(f.kop_15))}
    assert not any("niet verplicht" in t for t in teksten.values()), teksten
    assert teksten["label_aanvrager_bsn"] == "BSN (nodig voor de aanvraag)"
    assert teksten["label_iban"] == "IBAN (nodig voor de aanvraag)"
    assert teksten["label_adres"] == "Adres (nodig voor de aanvraag)"
    assert "nodig voor de aanvraag, niet voor de berekening" in teksten["kop_15"]
    # En dat klopt: zonder BSN, adres of IBAN geen aanvraag (export/documenten.py).
    c = lees_casus(b'{"formaat": "avdesk-casus/1", "aanvrager": {"naam": "A"}, "partner": {"naam": "B"}, "jaren": []}',
                   concept=True)
    c.aanvraag.toestemming_delen = True
    ontbreekt = " ".join(ontbrekend_voor_aanvraag(c))
    assert "BSN" in ontbreekt and "adres" in ontbreekt and "IBAN" in ontbreekt


# ---------------------------------------------------------------- punt 7: F1-hulp met hele zinnen

def test_f1_hulp_alineas_alleen_bij_een_lege_regel(qtbot, app, opslag):
    import re

    from PySide6.QtGui import QTextDocument

    from avdesk.ui.hulp import hulpteksten
    from toetsen import Toetsenbord, wizard_bij
    w = wizard_bij(qtbot, opslag, "martin_hanna_2024.json", "tekort", 2)
    t = Toetsenbord(qtbot)
    t.druk(K.Key_F1)
    vak = w.hulpvenster
    assert vak.isVisible()
    doc = QTextDocument()
    doc.setHtml(vak.text())
    alineas = [a for a in doc.toPlainText().split("\n") if a.strip()]
    # De zin die in resources/hulp.toml over twee regels staat, staat heel in een alinea.
    assert any("het inkomen van beide partners per bron, of zij toeslagpartners zijn, de huur" in a for a in alineas), \
        alineas
    bron = [" ".join(b.split()) for b in re.split(r"\n\s*\n", hulpteksten()["2"]["tekst"].strip())]
    assert alineas[1:-1] == bron                 # titel, de alinea's van de bron, de paragraaf van de handreiking
    vak.close()


# ---------------------------------------------------------------- punt 5: de exportmap bestaat en wordt onthouden

def test_opslaan_als_biedt_een_bestaande_map_en_daarna_de_laatst_gekozen(qtbot, app, opslag, monkeypatch, tmp_path):
    from pathlib import Path

    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QMessageBox

    from toetsen import wizard_bij
    docs = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
    w = wizard_bij(qtbot, opslag, "martin_hanna_2024.json", "tekort", AFRONDING)
    pagina = w.currentPage()
    pagina.maak_pdfs()
    aangeboden = []
    gekozen = tmp_path / "uitvoer"
    gekozen.mkdir()
    monkeypatch.setattr("avdesk.ui.stappen.afronding.kies_map", lambda ouder, titel, start: aangeboden.append(start)
                        or str(gekozen))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    pagina.opslaan_als()
    assert Path(aangeboden[0]).is_dir()
    assert aangeboden[0] == (str(docs) if docs.is_dir() else str(Path.home()))
    assert len(list(gekozen.glob("*.pdf"))) == 2
    pagina.opslaan_als()
    assert aangeboden[1] == str(gekozen)                           # onthouden in de instellingen van avdesk


def test_instellingen_bieden_geen_map_die_niet_bestaat(qtbot, app, opslag, tmp_path):
    from avdesk.ui.instellingen import InstellingenDialoog as Instellingen
    opslag.zet_instelling("exportmap", str(tmp_path / "Documents"))   # zoals een oude standaard: bestaat niet
    d = Instellingen(opslag)
    qtbot.addWidget(d)
    assert d.f.exportmap.text() == ""
    from pathlib import Path
    assert Path(d.f.exportmap.placeholderText().removeprefix("leeg: ")).is_dir()


def test_ctrl_n_en_escape_laat_geen_leeg_dossier_achter(qtbot, app, opslag):
    scherm, w, t = nieuw_dossier(qtbot, opslag)
    t.druk(K.Key_Escape)
    qtbot.waitUntil(lambda: not w.isVisible())
    assert opslag.dossiers() == []
    assert scherm.model.rowCount() == 0
    # Met een naam wel: dan is er iets om te bewaren.
    scherm, w, t = nieuw_dossier(qtbot, opslag)
    t.typ("Irene"), t.tab()
    t.druk(K.Key_Escape)
    qtbot.waitUntil(lambda: not w.isVisible())
    assert [d["aanvrager_naam"] for d in opslag.dossiers()] == ["Irene"]


def test_dossierlijst_onderscheidt_twee_dossiers_van_een_paar_en_zegt_wat_te_doen_als_hij_leeg_is(qtbot, app, opslag):
    from pathlib import Path

    from avdesk.core.casus import lees_casus
    from avdesk.export.documenten import maak_en_bewaar
    from avdesk.ui.hoofdscherm import Hoofdscherm
    scherm = Hoofdscherm(opslag)
    qtbot.addWidget(scherm)
    assert scherm.statusBar().currentMessage() == "Nog geen dossiers. Ctrl+N (of Alt+N): nieuw dossier."
    assert scherm.f.melding.isVisibleTo(scherm) and "Ctrl+N" in scherm.f.melding.text()
    map_ = Path(__file__).resolve().parents[1] / "scenarios"
    eerst = lees_casus((map_ / "martin_hanna_2024.json").read_bytes())
    eerst.aanvraag.route, eerst.aanvraag.toestemming_mijntoeslagen = "tekort", True
    tweede = lees_casus((map_ / "wtrap_2026.json").read_bytes())
    tweede.aanvrager, tweede.partner, tweede.aanvraag.route = eerst.aanvrager, eerst.partner, "wtrap"
    a = opslag.nieuw_dossier(eerst)
    opslag.nieuw_dossier(tweede)
    maak_en_bewaar(opslag, a)
    scherm.vernieuw()
    kop = [scherm.model.horizontalHeaderItem(k).text() for k in range(scherm.model.columnCount())]
    rijen = {scherm.model.item(r, 0).text(): [scherm.model.item(r, k).text() for k in range(len(kop))]
             for r in range(scherm.model.rowCount())}
    assert kop[3:7] == ["Status", "Jaren", "Route", "Compensatie"]
    assert rijen["1"][1:3] == rijen["2"][1:3]                       # dezelfde namen
    assert rijen["1"][4:7] == ["2024", "tekort", "€ 716,00"]
    assert rijen["2"][4:7] == ["2026", "Wtrap", ""]
    assert not scherm.f.melding.isVisibleTo(scherm)
    scherm.f.zoek.setText("niemand")                    # zoeken terwijl je typt (na 150 ms)
    qtbot.waitUntil(lambda: "Geen dossier gevonden bij 'niemand'" in scherm.statusBar().currentMessage())


def test_postcode_wordt_3131_AB_bij_het_verlaten_van_het_veld(qtbot, app, opslag):
    scherm, w, t = nieuw_dossier(qtbot, opslag)
    f = w.currentPage().f
    t.alt("c"), t.typ("3131ab"), t.tab()
    assert f.postcode.text() == "3131 AB"
    assert w.casus.aanvrager.extra["postcode"] == "3131 AB"
    t.alt("c"), t.typ("B-1000"), t.tab()                  # geen Nederlandse postcode: blijft zoals getypt
    assert f.postcode.text() == "B-1000"


def test_grafiek_toont_bedragen_bij_de_staven_en_een_ronde_as(qtbot, app, opslag):
    from decimal import Decimal

    from toetsen import wizard_bij
    w = wizard_bij(qtbot, opslag, "martin_hanna_2024.json", "tekort", 5)
    g = w.currentPage().grafiek
    qtbot.waitUntil(lambda: bool(g.jaren))
    assert g.as_waarden() == [Decimal(0), Decimal(50), Decimal(100), Decimal(150), Decimal(200)]   # niet 171/128/85/42
    fm = g.fontMetrics()
    labels = [tekst for _, tekst in g.waardelabels(60, 30, 150, fm)]
    assert any(tekst.startswith("€ 171,00") for tekst in labels), labels
    assert all(tekst.startswith("€ ") and "," in tekst for tekst in labels)
    g.grab()                                       # tekent zonder fout


def test_instellingen_zonder_lege_strook(qtbot, app, opslag):
    from avdesk.ui.instellingen import InstellingenDialoog
    d = InstellingenDialoog(opslag)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    # Tussen de keuze van de werkwijze en het kopje "Organisatie" geen strook waar de verborgen gemeentevelden stonden.
    onder_werkwijze = d.modus.mapTo(d, d.modus.rect().bottomLeft()).y()
    organisatie = d.f.organisatie_naam.mapTo(d, d.f.organisatie_naam.rect().topLeft()).y()
    assert organisatie - onder_werkwijze < 4 * d.fontMetrics().height(), (onder_werkwijze, organisatie)
    hoogte = d.height()
    d.modus.setCurrentIndex(1)                 # gemeente: de gemeentevelden erbij, het venster groeit mee
    assert d.gemeentevak.isVisible() and d.height() >= hoogte


def test_de_titel_van_de_raadsmandialoog_past(qtbot, app):
    from avdesk.ui.raadsman import RaadsmanDialoog
    d = RaadsmanDialoog({})
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    # De titelbalk heeft een groter (vet) lettertype en knoppen: de titel past ruim, ook op 150%.
    assert d.width() >= 2 * d.fontMetrics().horizontalAdvance("Wie bereidt de aanvragen voor?") + 120


def test_geen_pagina_heeft_een_schuifvlak_in_het_schuifvlak(qtbot, app, opslag):
    from PySide6.QtWidgets import QScrollArea

    from avdesk.ui.stappen import Stap
    from toetsen import wizard_bij
    w = wizard_bij(qtbot, opslag, "martin_hanna_2024.json", "tekort", 1)
    for pagina_id in w.pageIds():
        pagina = w.page(pagina_id)
        if isinstance(pagina, Stap):
            binnen = [s for s in pagina.vlak.widget().findChildren(QScrollArea)
                      if not s.inherits("QAbstractItemView") and s.objectName() != "pdfs"]
            assert binnen == [], (pagina_id, [s.objectName() for s in binnen])


def test_stap1_past_in_de_breedte(qtbot, app, opslag):
    from toetsen import wizard_bij
    w = wizard_bij(qtbot, opslag, "martin_hanna_2024.json", "tekort", 1)
    w.resize(900, 600)
    qtbot.wait(50)
    assert not w.currentPage().vlak.horizontalScrollBar().isVisible()
