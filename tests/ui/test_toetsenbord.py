"""Martin en Hanna (tests/scenarios/martin_hanna_2024.json) van een nieuw dossier tot beide PDF's, alleen met het
toetsenbord: elke toets gaat naar het widget met de focus (Tab, Alt+sneltoets, Enter, letters en cijfers), geen muis
en geen directe aanroepen. De test telt de toetsaanslagen (hooguit 187; het doel was 200) en controleert de uitkomst."""

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from toetsen import Toetsenbord, nieuw_dossier, stap1_typen, wizard_bij

from avdesk.ui.wizard import AFRONDING, WTRAP


@pytest.mark.traag
def test_martin_en_hanna_alleen_met_het_toetsenbord(qtbot, app, opslag):
    scherm, w, t = nieuw_dossier(qtbot, opslag)                      # Ctrl+N: nieuw dossier
    # Stap 1: de focus staat op Naam.
    t.typ("Martin"), t.tab(), t.typ("15071979"), t.tab(), t.typ("123456782"), t.tab()
    t.typ("Hanna"), t.tab(), t.typ("17051987")
    t.alt("a"), t.typ("15092024")                                  # aanvraagdatum (stond op vandaag)
    t.alt("e"), t.typ("Lindelaan 12"), t.tab(), t.typ("3131AB")
    t.alt("i"), t.typ("NL91ABNA0417164300")
    t.alt("j"), t.alt("k")                                          # toestemming MijnToeslagen en delen
    f1 = w.currentPage().f
    assert f1.aanvrager_geboortedatum.text() == "15-07-1979"        # opgemaakt bij het verlaten van het veld
    t.enter()
    assert w.currentId() == 2, w.currentPage().melding.text()
    # Stap 2: de focus staat op "Inkomensbron toevoegen".
    ed = w.currentPage().editor(2024)
    assert QApplication.focusWidget() is ed.p.ink_toevoegen
    t.alt("i"), t.tab(), t.typ("27000")                             # Martin (aanvrager), WW
    t.alt("k"), t.typ("660")
    for naam, geboren in (("Daan", "01032016"), ("Milo", "01092018")):
        t.alt("m"), t.typ(naam), t.tab(), t.typ(geboren)            # een nieuwe rij krijgt de focus
    t.alt("h"), t.typ("398"), t.tab(), t.typ("233")
    assert (ed.p.ti_aanvrager.text(), ed.p.ti_partner.text(), ed.p.medebewoners.rowCount()) == ("27.000", "0", 2)
    assert ed.p.medebewoners.cellWidget(1, 3).isChecked()           # Milo is een kind (uit de geboortedatum)
    t.alt("w")                                                      # wijziging vanaf september
    assert [ed.f.perioden.item(i).text() for i in range(3)] == ["jan t/m jun 2024", "jul t/m aug 2024",
                                                                "sep t/m dec 2024"]
    t.alt("i"), t.typ("a"), t.tab(), t.typ("3020")                  # Hanna (partner): aanvullende bijstand
    t.alt("i"), t.typ("a"), t.tab(), t.typ("3020")                  # Martin (aanvrager): aanvullende bijstand
    t.alt("h"), t.typ("299"), t.tab(), t.typ("165")
    assert (ed.p.ti_aanvrager.text(), ed.p.ti_partner.text()) == ("30.020", "3.020")
    t.enter()
    assert w.currentId() == 3, w.currentPage().melding.text()
    t.enter()                                                       # route: tekort staat klaar
    assert w.currentId() == 4
    t.typ("1686"), t.tab(), t.typ("1686"), t.tab(), t.typ("1975")
    assert w.currentPage().velden[1][1].text() == "1.686"           # opgemaakt bij het verlaten
    t.enter()
    assert w.currentId() == 5, w.currentPage().melding.text()
    t.enter(), t.enter()
    assert w.currentId() == 7
    t.typ("2500"), t.enter()
    assert w.currentId() == AFRONDING, w.currentPage().melding.text()
    tabel = w.currentPage().f.samenvatting
    assert tabel.item(tabel.rowCount() - 1, 3).text() == "€ 716,00"       # totaal, zoals de handreiking
    t.alt("m")                                                      # maak aanvraag en berekening
    qtbot.waitUntil(lambda: {d["soort"] for d in opslag.documenten(w.dossier_id)} == {"aanvraag", "berekening"})
    assert opslag.dossier(w.dossier_id)["status"] == "aanvraag klaar"
    c = opslag.casus(w.dossier_id)
    assert (c.aanvrager.naam, c.partner.naam, c.aanvraagdatum, c.aanvrager.bsn) == ("Martin", "Hanna",
                                                                                   date(2024, 9, 15), "123456782")
    print(f"\nMartin en Hanna met alleen het toetsenbord: {t.aanslagen} toetsaanslagen")
    assert t.aanslagen <= 187


@pytest.mark.traag
def test_bewijsstukken_voor_de_knop_in_de_tabvolgorde_en_met_sneltoets(qtbot, app, opslag):
    """Issue 22.1: de keuzes kwamen na "Maak aanvraag en berekening" en de PDF's; dezelfde toetsen vinkten de verkeerde
    stukken aan. Nu: Shift+Tab vanaf de knop gaat terug door de stukken, Alt+cijfer springt naar een stuk."""
    from avdesk.core.bewijs import bewijs_per_jaar
    w = wizard_bij(qtbot, opslag, "martin_hanna_2024.json", "tekort", AFRONDING)
    pagina = w.currentPage()
    t = Toetsenbord(qtbot)
    assert QApplication.focusWidget() is pagina.f.maak_pdfs
    stukken = [s["id"] for s, _ in bewijs_per_jaar(w.casus, 2024)]
    assert len(stukken) == 8
    begin = dict((s["id"], stand) for s, stand in bewijs_per_jaar(w.casus, 2024))
    assert (begin[stukken[0]], begin[stukken[1]], begin[stukken[7]]) != ("bijgevoegd", "volgt", "nvt")
    keuzes = pagina.bewijs.volgorde()
    # Tab-volgorde: vanaf de tabel door alle acht keuzes, dan de knop.
    pagina.f.samenvatting.setFocus()
    gezien = []
    for _ in range(9):
        t.tab()
        gezien.append(QApplication.focusWidget())
    assert gezien == [*keuzes, pagina.f.maak_pdfs]
    # Alt+1: het eerste stuk (identiteitsbewijs), b = bijgevoegd; Alt+8: het achtste, n = niet van toepassing.
    t.alt("1")
    assert QApplication.focusWidget() is keuzes[0]
    t.typ("b")
    t.alt("8")
    assert QApplication.focusWidget() is keuzes[7]
    t.typ("n")
    t.alt("2"), t.typ("v")
    t.alt("m")
    qtbot.waitUntil(lambda: {d["soort"] for d in opslag.documenten(w.dossier_id)} == {"aanvraag", "berekening"})
    standen = dict((s["id"], stand) for s, stand in bewijs_per_jaar(opslag.casus(w.dossier_id), 2024))
    assert (standen[stukken[0]], standen[stukken[1]], standen[stukken[7]]) == ("bijgevoegd", "volgt", "nvt")


@pytest.mark.traag
def test_wtrap_2026_alleen_met_het_toetsenbord(qtbot, app, opslag):
    """tests/scenarios/wtrap_2026.json van een nieuw dossier tot beide PDF's (issue 22: hooguit 170 aanslagen)."""
    scherm, w, t = nieuw_dossier(qtbot, opslag)
    stap1_typen(t, "Sanne", "02041978", "123456782", "Ruben", "23111982", "10022027", "Lindelaan 12", "3131AB",
                "NL91ABNA0417164300")
    assert w.currentId() == 2, w.currentPage().melding.text()
    ed = w.currentPage().editor(2026)
    t.alt("a"), t.typ("33000"), t.alt("p"), t.typ("0")
    t.alt("k"), t.typ("700")
    for naam, geboren in (("Lot", "05052015"), ("Bo", "08082019")):
        t.alt("m"), t.typ(naam), t.tab(), t.typ(geboren)
    assert ed.p.medebewoners.rowCount() == 2
    t.enter()                                                       # alleen Wtrap-jaren: geen stap 3
    assert w.currentId() == 4, w.currentPage().melding.text()
    for i, veld in enumerate(v[1] for v in w.currentPage().velden):
        if i:
            t.tab()
        assert QApplication.focusWidget() is veld
        t.typ("1900")
    t.enter()
    if w.currentId() == 5:
        t.enter()
    assert w.currentId() == WTRAP, w.currentPage().melding.text()
    f = w.currentPage().formulieren[2026]
    for vraag, letter in (("fiscale_partners", "f"), ("toeslagpartners", "l"), ("uitkering_geen_participatiewet", "u"),
                          ("woonachtig_in_gemeente", "w")):
        if not getattr(f, vraag).isChecked():
            t.alt(letter)
        assert getattr(f, vraag).isChecked(), vraag
    if f.vermogen.text() == "":
        t.alt("m"), t.typ("4000")
    t.enter()
    assert w.currentId() == AFRONDING, w.currentPage().melding.text()
    tabel = w.currentPage().f.samenvatting
    assert tabel.item(tabel.rowCount() - 1, 3).text() == "€ 1.100,00"
    t.alt("m")
    qtbot.waitUntil(lambda: {d["soort"] for d in opslag.documenten(w.dossier_id)} == {"aanvraag", "berekening"})
    assert not w.currentPage().f.verouderd.isVisibleTo(w), "net gemaakt en toch 'verouderd' (issue 22.2)"
    assert opslag.dossier(w.dossier_id)["status"] == "aanvraag klaar"
    print(f"\nwtrap_2026 met alleen het toetsenbord: {t.aanslagen} toetsaanslagen")
    assert t.aanslagen <= 170
