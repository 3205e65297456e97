"""Issue 22: de Wtrap als kortste route. tests/scenarios/wtrap_2026.json van een nieuw dossier tot beide PDF's, met de
contactgegevens die op een echte aanvraag staan, alleen met het toetsenbord (elke toets naar het widget met de focus).
De test telt de aanslagen (doel: hooguit 170) en leest de uitkomst van de berekening-PDF."""

import io
import re
from datetime import date

from PySide6.QtWidgets import QApplication

from toetsen import nieuw_dossier

from avdesk.ui.wizard import AFRONDING, WTRAP


def pdf_tekst(inhoud: bytes) -> str:
    from pypdf import PdfReader
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(inhoud)).pages))


def test_wtrap_2026_met_contactgegevens_alleen_met_het_toetsenbord(qtbot, app, opslag):
    scherm, w, t = nieuw_dossier(qtbot, opslag)
    # Stap 1: wie, de aanvraagdatum en wat op de aanvraag staat (adres, telefoon, e-mail, rekeningnummer).
    t.typ("Sanne"), t.tab(), t.typ("020478"), t.tab(), t.typ("123456782"), t.tab()
    t.typ("Ruben"), t.tab(), t.typ("231182")
    t.alt("a"), t.typ("100227")
    t.alt("e"), t.typ("Lindelaan 12"), t.tab(), t.typ("3131AB"), t.tab(), t.typ("Leiderdorp")
    t.tab(), t.typ("0612345678"), t.tab(), t.typ("sanne@example.nl"), t.tab(), t.typ("NL91ABNA0417164300")
    t.alt("j"), t.alt("k")                                          # toestemming MijnToeslagen en delen
    t.enter()
    assert w.currentId() == 2, w.currentPage().melding.text()
    ed = w.currentPage().editor(2026)
    assert [ed.f.perioden.item(i).text() for i in range(ed.f.perioden.count())] == ["jan t/m dec 2026"]
    assert QApplication.focusWidget() is ed.p.ink_toevoegen
    t.alt("i"), t.tab(), t.typ("33000")                             # Sanne (aanvrager): WW; Ruben heeft geen inkomen
    t.alt("k"), t.typ("700")
    for naam, geboren in (("Lot", "050515"), ("Bo", "080819")):     # ddmmjj: het veld maakt er dd-mm-jjjj van
        t.alt("m"), t.typ(naam), t.tab(), t.typ(geboren)
    assert (ed.p.ti_aanvrager.text(), ed.p.ti_partner.text(), ed.p.medebewoners.rowCount()) == ("33.000", "0", 2)
    t.enter()
    # Alleen Wtrap-jaren: geen keuze van de route (stap 3) en geen aparte stap 5.
    assert w.currentId() == 4, w.currentPage().melding.text()
    assert w.windowTitle().startswith("avdesk - stap 3 van 5:"), w.windowTitle()
    assert QApplication.focusWidget() is w.currentPage().velden[0][1] and len(w.currentPage().velden) == 1
    t.typ("1900"), t.enter()
    assert w.currentId() == WTRAP, w.currentPage().melding.text()
    f = w.currentPage().formulieren[2026]
    assert QApplication.focusWidget() is f.vermogen
    t.typ("4000")
    # Toeslagpartners komt uit stap 2, de uitkering uit het inkomen: die vraagt de pagina niet.
    assert f.toeslagpartners.isChecked() and f.uitkering_geen_participatiewet.isChecked()
    assert not f.uitkering_geen_participatiewet.isEnabled()
    t.alt("f"), t.alt("w")
    assert f.fiscale_partners.isChecked() and f.woonachtig_in_gemeente.isChecked()
    t.enter()
    assert w.currentId() == AFRONDING, w.currentPage().melding.text()
    tabel = w.currentPage().f.samenvatting
    assert tabel.item(tabel.rowCount() - 1, 3).text() == "€ 1.100,00"
    t.alt("m")
    qtbot.waitUntil(lambda: {d["soort"] for d in opslag.documenten(w.dossier_id)} == {"aanvraag", "berekening"})
    assert opslag.dossier(w.dossier_id)["status"] == "aanvraag klaar"
    docs = opslag.laatste_documenten(w.dossier_id)
    berekening = pdf_tekst(docs["berekening"][1])
    assert "1.100,00" in berekening and "CONCEPT" not in berekening
    aanvraag = pdf_tekst(docs["aanvraag"][1])
    for stuk in ("Sanne", "Ruben", "Lindelaan 12", "Leiderdorp", "0612345678", "sanne@example.nl"):
        assert stuk in aanvraag, stuk
    c = opslag.casus(w.dossier_id)
    assert (c.aanvrager.geboortedatum, c.partner.geboortedatum, c.aanvraagdatum, c.aanvraag.route) == (
        date(1978, 4, 2), date(1982, 11, 23), date(2027, 2, 10), "wtrap")
    j = c.jaren[0]
    assert (j.jaar, j.vermogen, j.perioden[0].netto_inkomen_per_maand) == (2026, 4000, 1900)
    assert [m.geboortedatum for m in j.perioden[0].medebewoners] == [date(2015, 5, 5), date(2019, 8, 8)]
    print(f"\nwtrap_2026 met contactgegevens, alleen met het toetsenbord: {t.aanslagen} toetsaanslagen")
    w.reject()                  # geen open venster met de focus achterlaten voor de volgende test
    scherm.close()
    QApplication.processEvents()
    assert t.aanslagen <= 170
