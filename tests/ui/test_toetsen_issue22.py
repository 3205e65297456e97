"""Issue 22, punten 3-7 en 9 (de raadsman met alleen het toetsenbord): Enter is Volgende, stap 2 toont wat hij doet,
een exportmap die bestaat, labels die de aanvraag niet tegenspreken, F1-hulp met hele zinnen, en de kleinere punten.
Waar toetsen het punt zijn, drukt de test echte toetsen in bij het widget met de focus (Toetsenbord)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from test_toetsenbord import K, nieuw_dossier, stap1_typen

from avdesk.ui.wizard import AFRONDING


def focus():
    return QApplication.focusWidget()


def test_irene_en_sergio_2023_met_terugvordering_alleen_met_het_toetsenbord(qtbot, app, opslag):
    """De 2023-terugvorderingscasus van issue 22 (tests/scenarios/irene_sergio_2023.json met een terugvordering van
    € 600, geheel door de alleenverdienersproblematiek) van een nieuw dossier tot beide PDF's: stap 1 tot en met 11."""
    scherm, w, t = nieuw_dossier(qtbot, opslag)
    stap1_typen(t, "Irene", "02031985", "123456782", "Sergio", "03041986", "01102024", "Lindelaan 12", "3131AB",
                "NL91ABNA0417164300")
    assert w.currentId() == 2, w.currentPage().melding.text()
    stap2 = w.currentPage()
    # 2023 toevoegen (de keuzelijst staat op het eerste jaar dat er nog niet is) en 2024 weghalen.
    t.alt("r")                                                      # Getoond jaar verwijderen (2024, nog leeg)
    assert [ed.jaar.jaar for ed in stap2.editors] == [], [ed.jaar.jaar for ed in stap2.editors]
    t.alt("j")
    assert [ed.jaar.jaar for ed in stap2.editors] == [2023]
    ed = stap2.editor(2023)
    t.alt("a"), t.typ("23762"), t.alt("p"), t.typ("4322"), t.alt("k"), t.typ("720")
    t.alt("m"), t.typ("kind"), t.tab(), t.typ("12062015")
    # Naar de periodelijst: Alt+A en dan terug met Shift+Tab tot de lijst de focus heeft.
    t.alt("a")
    n = 0
    while focus() is not ed.f.perioden and n < 30:
        t.druk(K.Key_Backtab)
        n += 1
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
    t.alt("r"), t.typ("600"), t.alt("b"), t.typ("01062024")
    t.enter()
    assert w.currentId() == 10, w.currentPage().melding.text()
    t.enter()
    assert w.currentId() == 11, w.currentPage().melding.text()
    t.enter()
    assert w.currentId() == AFRONDING, w.currentPage().melding.text()
    tabel = w.currentPage().f.samenvatting
    assert tabel.item(tabel.rowCount() - 1, 3).text() == "€ 996,00"
    t.alt("m")
    qtbot.waitUntil(lambda: {d["soort"] for d in opslag.documenten(w.dossier_id)} == {"aanvraag", "berekening"})
    assert opslag.dossier(w.dossier_id)["status"] == "aanvraag klaar"
    print(f"\nIrene en Sergio 2023 met alleen het toetsenbord: {t.aanslagen} toetsaanslagen")
