"""De status volgt de gegevens: wie na het maken van de PDF's een bedrag wijzigt, ziet de PDF's op de afrondingspagina
als verouderd (met de knop om ze opnieuw te maken) en het dossier gaat terug van "aanvraag klaar" naar "in
behandeling"; opnieuw maken zet "aanvraag klaar" terug. Martin en Hanna (tests/scenarios/martin_hanna_2024.json)."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from avdesk.core.casus import lees_casus
from avdesk.ui.hoofdscherm import Hoofdscherm
from avdesk.ui.pdfvoorbeeld import verouderd
from avdesk.ui.wizard import AFRONDING, AvWizard

ROOT = Path(__file__).resolve().parents[2]


def martin_en_hanna():
    c = lees_casus((ROOT / "tests/scenarios/martin_hanna_2024.json").read_bytes())
    c.aanvraag.route = "tekort"
    c.aanvraag.toestemming_mijntoeslagen = True
    c.aanvraag.toestemming_delen = True
    return c


def status(opslag, dossier) -> str:
    return opslag.dossier(dossier)["status"]


def afronding_staat(w) -> tuple[bool, str]:
    """(staat 'verouderd' in beeld, tekst van de maakknop zonder &)."""
    f = w.currentPage().f
    return f.verouderd.isVisibleTo(w), f.maak_pdfs.text().replace("&", "")


def totaal(w) -> str:
    t = w.currentPage().f.samenvatting
    return t.item(t.rowCount() - 1, 3).text()


@pytest.mark.traag
def test_wijziging_na_de_pdfs_maakt_ze_verouderd_en_zet_de_status_terug(qtbot, app, opslag, raadsman_voor):
    dossier = opslag.nieuw_dossier(martin_en_hanna())
    w = AvWizard(opslag.casus(dossier), opslag, dossier)
    r = raadsman_voor(w)
    w.hervat(AFRONDING)
    assert w.currentId() == AFRONDING
    assert afronding_staat(w) == (False, "Maak aanvraag en berekening")
    assert totaal(w) == "€ 716,00"
    w.currentPage().maak_pdfs()
    assert status(opslag, dossier) == "aanvraag klaar"
    assert afronding_staat(w) == (False, "Maak aanvraag en berekening")
    assert not verouderd(opslag.laatste_documenten(dossier), w.casus)

    # Terug naar stap 4: het netto-inkomen van september t/m december wordt 1.800 in plaats van 1.975.
    w.ga_naar(4)
    assert w.currentId() == 4
    (_, veld, *_), = [v for v in r.pagina.velden if v[0].van.month == 9]
    r.typ(veld, "1800")
    assert status(opslag, dossier) == "in behandeling"      # meteen, niet pas op de afrondingspagina
    assert w.bewaar() is None and opslag.casus(dossier) == w.casus

    while w.currentId() != AFRONDING:
        vorige = w.currentId()
        w.next()
        assert w.currentId() != vorige, r.pagina.melding.text()
    assert afronding_staat(w) == (True, "Maak aanvraag en berekening opnieuw")
    assert "Verouderd" in w.currentPage().f.verouderd.text()
    assert w.focusWidget() is w.currentPage().f.maak_pdfs                  # Enter maakt ze opnieuw
    assert status(opslag, dossier) == "in behandeling"
    assert verouderd(opslag.laatste_documenten(dossier), w.casus)

    w.currentPage().maak_pdfs()
    assert status(opslag, dossier) == "aanvraag klaar"
    assert afronding_staat(w) == (False, "Maak aanvraag en berekening")
    assert not verouderd(opslag.laatste_documenten(dossier), w.casus)
    assert len([d for d in opslag.documenten(dossier) if d["soort"] == "berekening"]) == 2   # de oude blijft bewaard


@pytest.mark.traag
def test_heropenen_na_een_wijziging_toont_verouderd_in_de_lijst_en_op_de_afronding(qtbot, app, opslag):
    """Wijzigen, de wizard sluiten en het dossier later weer openen: de dossierlijst zegt 'in behandeling' en de
    afrondingspagina kent de oude PDF's nog als verouderd."""
    from conftest import Raadsman
    dossier = opslag.nieuw_dossier(martin_en_hanna())
    scherm = Hoofdscherm(opslag)
    qtbot.addWidget(scherm)
    w = scherm.open_wizard(dossier)
    w.ga_naar(AFRONDING)
    assert w.currentId() == AFRONDING
    w.currentPage().maak_pdfs()
    w.reject()
    assert scherm.model.item(0, 3).text() == "aanvraag klaar"

    w = scherm.open_wizard(dossier)                         # hervat op de afrondingspagina
    assert w.currentId() == AFRONDING and afronding_staat(w) == (False, "Maak aanvraag en berekening")
    w.ga_naar(7)
    r = Raadsman(qtbot, w)
    r.typ(r.pagina.vermogen_velden[0][1], "3.000")           # vermogen 2024: 2.500 -> 3.000
    w.reject()
    assert status(opslag, dossier) == "in behandeling"
    assert scherm.model.item(0, 3).text() == "in behandeling"

    w = scherm.open_wizard(dossier)                         # verder bij stap 7, waar hij stopte
    assert w.currentId() == 7
    w.next()
    assert w.currentId() == AFRONDING
    assert afronding_staat(w) == (True, "Maak aanvraag en berekening opnieuw")
    w.currentPage().maak_pdfs()
    w.reject()
    assert scherm.model.item(0, 3).text() == "aanvraag klaar"


@pytest.mark.traag
def test_alleen_bekijken_laat_de_status_staan(qtbot, app, opslag, raadsman_voor):
    """Door de stappen bladeren zonder iets te wijzigen maakt de PDF's niet verouderd."""
    dossier = opslag.nieuw_dossier(martin_en_hanna())
    w = AvWizard(opslag.casus(dossier), opslag, dossier)
    raadsman_voor(w)
    w.hervat(AFRONDING)
    w.currentPage().maak_pdfs()
    w.ga_naar(2)
    w.ga_naar(AFRONDING)
    assert w.currentId() == AFRONDING
    assert afronding_staat(w) == (False, "Maak aanvraag en berekening")
    assert status(opslag, dossier) == "aanvraag klaar"



@pytest.mark.parametrize("hoe", ["alt_v", "automatisch_bewaren"])
@pytest.mark.traag
def test_een_wijziging_die_bewaard_wordt_zet_de_status_terug(qtbot, app, opslag, raadsman_voor, hoe):
    """Een raadsman typt in stap 4 een nieuw netto-inkomen en drukt meteen Alt+V (de knop neemt de focus niet, dus
    geen editingFinished), of laat het veld staan tot de wizard na 30 seconden zelf bewaart. De wijziging staat dan in
    het dossier; de PDF's kloppen niet meer, dus de status mag geen "aanvraag klaar" meer zijn, ook als de wizard
    daarna sluit zonder de afrondingspagina."""
    dossier = opslag.nieuw_dossier(martin_en_hanna())
    w = AvWizard(opslag.casus(dossier), opslag, dossier)
    r = raadsman_voor(w)
    w.hervat(AFRONDING)
    w.currentPage().maak_pdfs()
    w.ga_naar(4)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    (_, veld, *_), = [v for v in r.pagina.velden if v[0].van.month == 9]
    veld.setFocus()
    veld.selectAll()
    qtbot.keyClicks(veld, "1800")
    if hoe == "alt_v":
        qtbot.keyClick(veld, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
        qtbot.wait(130)                                     # animateClick
        assert w.currentId() == 5
    else:
        w.autosave()                                        # de timer van 30 seconden
    assert opslag.casus(dossier).jaren[0].perioden[-1].netto_inkomen_per_maand == 1800   # staat in het dossier
    assert status(opslag, dossier) == "in behandeling"     # meteen: avdesk kan hierna vallen of gesloten worden
    w.reject()
    assert status(opslag, dossier) == "in behandeling"
