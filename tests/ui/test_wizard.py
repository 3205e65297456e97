"""De wizard door de ogen van een raadsman: typen, op Volgende drukken, en op de laatste pagina precies de
bedragen van `avdesk bereken --json` zien. Plus de routes van stap 3, het bewaren van foute invoer en hervatten."""

import json
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from avdesk.core.berekening import bereken
from avdesk.core.casus import Casus, Persoon, casus_naar_dict, lees_casus
from avdesk.core.geld import euro
from avdesk.ui.hoofdscherm import Hoofdscherm
from avdesk.ui.wizard import AFRONDING, AvWizard

ROOT = Path(__file__).resolve().parents[2]


def cli_json(scenario: str) -> dict:
    r = subprocess.run([sys.executable, "-m", "avdesk", "bereken", str(ROOT / "tests/scenarios" / scenario), "--json"],
                       capture_output=True, check=True, cwd=ROOT)
    return json.loads(r.stdout, parse_float=Decimal)


def lege_casus(aanvraagdatum=date(2024, 9, 15)) -> Casus:
    return Casus(Persoon(None, None), Persoon(None, None), [], aanvraagdatum=aanvraagdatum)


def stap1(r, aanvrager, geb_a, partner, geb_p, aanvraagdatum):
    f = r.pagina.f
    r.typ(f.aanvrager_naam, aanvrager)
    r.typ(f.aanvrager_geboortedatum, geb_a)
    r.typ(f.partner_naam, partner)
    r.typ(f.partner_geboortedatum, geb_p)
    r.typ(f.aanvraagdatum, aanvraagdatum)
    r.vink(f.toestemming_mijntoeslagen)
    assert r.volgende() == 2, r.pagina.melding.text()


def periode(r, ed, ti_a, ti_p, huur, kinderen=(), ht=None, zt=None):
    p = ed.p
    r.typ(p.ti_aanvrager, ti_a)
    r.typ(p.ti_partner, ti_p)
    r.typ(p.kale_huur, huur)
    for naam, geb in kinderen:
        r.klik(p.mede_toevoegen)
        rij = p.medebewoners.rowCount() - 1
        r.typ(p.medebewoners.cellWidget(rij, 0), naam)
        r.typ(p.medebewoners.cellWidget(rij, 1), geb)
    if ht is not None:
        r.typ(p.ontvangen_ht, ht)
        r.typ(p.ontvangen_zt, zt)


def bron(r, ed, wie: int, soort: str, bedrag: str) -> None:
    """Een inkomensbron toevoegen: wie (0 aanvrager, 1 partner) en soort kiezen zoals met het toetsenbord, bedrag typen."""
    from avdesk.core.casus import INKOMENSSOORTEN
    r.klik(ed.p.ink_toevoegen)
    rij = ed.p.inkomen.rowCount() - 1
    for kolom, index in ((0, wie), (1, list(INKOMENSSOORTEN).index(soort))):
        combo = ed.p.inkomen.cellWidget(rij, kolom)
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
    r.typ(ed.p.inkomen.cellWidget(rij, 2), bedrag)


def afronding_bedragen(w) -> list[list[str]]:
    t = w.currentPage().f.samenvatting
    return [[t.item(r, k).text() for k in range(t.columnCount())] for r in range(t.rowCount())]


def bedragen(uitkomst: dict) -> list:
    """De geldbedragen per jaar (en het totaal) uit avdesk-berekening/1, om CLI en wizard te vergelijken."""
    return [[str(j[k]) for k in ("tekort", "compensatie_jaar", "eenmalig", "periodiek_per_maand")]
            + [[str(p["compensatie_periode"]) for p in j["perioden"]]] for j in uitkomst["jaren"]] \
        + [str(uitkomst["totaal_compensatie"])]


@pytest.mark.traag
def test_martin_en_hanna_door_de_wizard(qtbot, app, opslag, raadsman_voor):
    dossier = opslag.nieuw_dossier(lege_casus())
    w = AvWizard(opslag.casus(dossier), opslag, dossier)
    r = raadsman_voor(w)
    w.restart()
    # Voor de aanvraag zelf: BSN, adres en rekeningnummer, en toestemming om te delen.
    f = r.pagina.f
    r.typ(f.aanvrager_bsn, "123456782")
    r.typ(f.adres, "Lindelaan 12")
    r.typ(f.postcode, "3131 AB")
    r.typ(f.iban, "NL91ABNA0417164300")
    r.vink(f.toestemming_delen)
    stap1(r, "Martin", "15-07-1979", "Hanna", "17-05-1987", "15-09-2024")
    # Stap 2: toeslagjaar 2024 staat klaar met jan-jun en jul-dec.
    ed = r.pagina.editor(2024)
    # Inkomen per bron: Martin WW 27.000, Hanna niets; het toetsingsinkomen vult zich met de som.
    bron(r, ed, 0, "ww", "27.000")
    assert (ed.p.ti_aanvrager.text(), ed.p.ti_partner.text()) == ("27.000", "0")
    r.typ(ed.p.kale_huur, "660")
    for naam, geb in [("Daan", "01-03-2016"), ("Milo", "01-09-2018")]:
        r.klik(ed.p.mede_toevoegen)
        rij = ed.p.medebewoners.rowCount() - 1
        r.typ(ed.p.medebewoners.cellWidget(rij, 0), naam)
        r.typ(ed.p.medebewoners.cellWidget(rij, 1), geb)
    r.typ(ed.p.ontvangen_ht, "398")
    r.typ(ed.p.ontvangen_zt, "233")
    ed.f.perioden.setCurrentRow(1)                       # jul-dec neemt de gegevens van jan-jun over
    assert ed.p.ti_aanvrager.text() == "27.000" and ed.p.medebewoners.rowCount() == 2
    ed.f.wijziging_maand.setCurrentIndex(7)              # wijziging vanaf september (aanvullende bijstand)
    r.klik(ed.f.wijziging_toevoegen)
    assert [ed.f.perioden.item(i).text() for i in range(3)] == ["jan t/m jun 2024", "jul t/m aug 2024",
                                                                 "sep t/m dec 2024"]
    bron(r, ed, 0, "aanvullende_bijstand", "3.020")
    bron(r, ed, 1, "aanvullende_bijstand", "3.020")
    assert (ed.p.ti_aanvrager.text(), ed.p.ti_partner.text()) == ("30.020", "3.020")
    r.typ(ed.p.ontvangen_ht, "299")
    r.typ(ed.p.ontvangen_zt, "165")
    assert "€ 299,00 huurtoeslag" in ed.p.berekend_ht.text() and ed.p.s1.text() == ""   # MijnToeslagen klopt
    assert r.volgende() == 3
    assert r.pagina.f.route_tekort.isChecked()
    assert r.volgende() == 4
    for (_, veld, *_), netto in zip(r.pagina.velden, ("1.686", "1686", "1.975")):
        r.typ(veld, netto)
    assert "€ 148,04 per maand onder de bijstandsnorm" in r.pagina.f.signalen.text()
    assert r.volgende() == 5 and r.volgende() == 6 and r.volgende() == 7
    r.typ(r.pagina.vermogen_velden[0][1], "2.500")
    assert r.volgende() == AFRONDING                      # geen 2023: stap 8 vervalt
    verwacht = cli_json("martin_hanna_2024.json")
    (jaar,) = verwacht["jaren"]
    assert afronding_bedragen(w)[0] == ["2024", euro(jaar["tekort"]), "-", euro(jaar["compensatie_jaar"]),
                                        euro(jaar["eenmalig"]), "€ 171,00 (september 2024 t/m december 2024)"]
    assert afronding_bedragen(w)[-1][3] == euro(verwacht["totaal_compensatie"]) == "€ 716,00"
    # De casus van de wizard geeft tot op de cent dezelfde bedragen als `avdesk bereken --json` op het scenario.
    assert bedragen(bereken(lees_casus(casus_naar_dict(w.casus))).naar_json()) == bedragen(verwacht)
    assert r.velden <= 36, f"{r.velden} velden"       # 30 voor de berekening, 6 voor de aanvraag zelf
    print(f"\nMartin en Hanna: {r.velden} velden ingevuld")
    # Aanvraag en berekening in het dossier (versleuteld), met status 'aanvraag klaar'.
    w.currentPage().maak_pdfs()
    assert {d["soort"] for d in opslag.documenten(dossier)} == {"aanvraag", "berekening"}
    assert opslag.dossier(dossier)["status"] == "aanvraag klaar"


@pytest.mark.traag
def test_irene_en_sergio_door_de_wizard(qtbot, app, opslag, raadsman_voor, monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    dossier = opslag.nieuw_dossier(lege_casus(date(2024, 10, 1)))
    w = AvWizard(opslag.casus(dossier), opslag, dossier)
    r = raadsman_voor(w)
    w.restart()
    stap1(r, "Irene", "02-03-1985", "Sergio", "03-04-1986", "01-10-2024")
    stap2 = r.pagina
    stap2.f.jaar_keuze.setCurrentText("2023")
    r.klik(stap2.f.jaar_toevoegen)
    stap2.f.jaren.setCurrentIndex([ed.jaar.jaar for ed in stap2.editors].index(2024))
    # Een jaar verwijderen vraagt het altijd (issue 22.4); de raadsman zegt ja.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    r.klik(stap2.f.jaar_verwijderen)                      # 2024 niet nodig
    ed = stap2.editor(2023)
    periode(r, ed, "23.762", "4.322", "720", [("kind", "12-06-2015")])
    ed.f.perioden.setCurrentRow(1)
    r.typ(ed.p.kale_huur, "575,03")                       # huur vanaf 1 juli
    assert r.volgende() == 3 and r.volgende() == 4
    assert "niet ingevuld" in r.pagina.f.signalen.text()  # S3: bestaansminimum niet getoetst
    for _ in range(4):
        r.volgende()
    assert w.currentId() == 8                             # tekort 2023
    assert "Tekort 2023: € 996,00" in r.pagina.f.vergelijking.text()
    assert r.volgende() == AFRONDING
    verwacht = cli_json("irene_sergio_2023.json")
    assert afronding_bedragen(w)[0][3] == euro(verwacht["jaren"][0]["compensatie_jaar"]) == "€ 996,00"
    assert afronding_bedragen(w)[-1][3] == euro(verwacht["totaal_compensatie"])
    assert bedragen(bereken(lees_casus(casus_naar_dict(w.casus))).naar_json()) == bedragen(verwacht)


def casus_klaar(terugvordering: bool = True) -> Casus:
    c = lees_casus((ROOT / "tests/scenarios/drie_jaren.json").read_bytes())
    c.aanvraag.route = "tekort"
    c.aanvraag.toestemming_mijntoeslagen = True
    if not terugvordering:
        for j in c.jaren:
            j.terugvordering = None
        c.jaren = [j for j in c.jaren if j.perioden]
    return c


@pytest.mark.parametrize("route,verwacht", [
    ("tekort", [1, 2, 3, 4, 5, 6, 7, 8, AFRONDING]),
    ("terugvordering", [1, 2, 3, 9, 10, 11, AFRONDING]),
    ("beide", [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, AFRONDING]),
])
def test_routes_van_stap_3(qtbot, app, raadsman_voor, route, verwacht):
    w = AvWizard(casus_klaar())
    r = raadsman_voor(w)
    w.restart()
    bezocht = [w.currentId()]
    while w.currentId() != 3:
        bezocht.append(r.volgende())
    r.klik(getattr(r.pagina.f, f"route_{route}"))
    while w.currentId() != AFRONDING:
        vorige = w.currentId()
        bezocht.append(r.volgende())
        assert w.currentId() != vorige, r.pagina.melding.text()
    assert bezocht == verwacht
    # De uitkomst op de laatste pagina is die van de rekenkern voor dezelfde casus.
    assert afronding_bedragen(w)[-1][3] == euro(bereken(lees_casus(casus_naar_dict(w.casus))).totaal_compensatie)


def test_terugvordering_deels_vraagt_motivering(qtbot, app, raadsman_voor):
    c = casus_klaar()
    c.aanvraag.route = "terugvordering"
    w = AvWizard(c)
    r = raadsman_voor(w)
    w.hervat(10)
    assert w.currentId() == 10
    f = r.pagina.formulieren[2022]
    r.klik(f.deels)
    r.typ(f.bedrag, "600")
    assert r.volgende() == 10 and "motivering" in r.pagina.melding.text()
    f.motivering.setPlainText("Een deel komt door een niet doorgegeven loonsverhoging.")
    assert r.volgende() == 11
    assert next(j for j in w.casus.jaren if j.jaar == 2022).terugvordering.deel_alleenverdieners == Decimal(600)


def test_foute_invoer_blijft_staan(qtbot, app, raadsman_voor):
    w = AvWizard(lege_casus())
    r = raadsman_voor(w)
    w.restart()
    f = r.pagina.f
    r.typ(f.aanvrager_naam, "Martin")
    r.typ(f.aanvrager_geboortedatum, "15-13-1979")
    r.typ(f.aanvrager_bsn, "123456789")
    assert r.volgende() == 1                                # niet verder
    assert f.aanvrager_geboortedatum.text() == "15-13-1979" and f.aanvrager_bsn.text() == "123456789"
    assert f.aanvrager_geboortedatum_fout.isVisibleTo(w) and "bestaat niet" in f.aanvrager_geboortedatum_fout.text()
    assert "elfproef" in f.aanvrager_bsn_fout.text()
    assert "Vul de naam van de partner in." == f.partner_naam_fout.text()
    assert w.casus.aanvrager.naam == "Martin"               # wat wel klopt, is bewaard
    r.typ(f.aanvrager_geboortedatum, "15-07-1979")
    assert not f.aanvrager_geboortedatum_fout.isVisibleTo(w)


def test_foute_invoer_blijft_bij_wisselen_van_periode_en_stap(qtbot, app, raadsman_voor):
    """Een fout gooit nooit invoer weg, ook niet als dezelfde velden een andere periode tonen of de stap opnieuw
    geladen wordt (terug naar stap 1 en weer verder)."""
    w = AvWizard(lege_casus())
    r = raadsman_voor(w)
    w.restart()
    stap1(r, "Martin", "15-07-1979", "Hanna", "02-03-1982", "15-09-2024")
    ed = r.pagina.editor(2024)
    periode(r, ed, "24.000", "0", "650", kinderen=[("Sara", "31-02-2015")])
    r.typ(ed.p.ti_partner, "12,3,4")
    r.typ(ed.f.datum_beschikking, "40-04-2025")
    ed.f.perioden.setCurrentRow(1)                         # naar juli t/m december
    assert ed.p.ti_partner.text() != "12,3,4"
    ed.f.perioden.setCurrentRow(0)                         # en terug
    assert ed.p.ti_partner.text() == "12,3,4" and ed.p.ti_partner_fout.isVisibleTo(w)
    assert ed.p.medebewoners.cellWidget(0, 1).text() == "31-02-2015"
    assert ed.p.medebewoners.cellWidget(0, 0).text() == "Sara"
    w.back()                                               # naar stap 1: stap 2 wordt straks opnieuw opgebouwd
    r.typ(r.pagina.f.aanvrager_bsn, "12345")              # ook hier een fout, en toch terug naar stap 2
    w.next()
    assert w.currentId() == 1                              # de fout houdt stap 1 tegen
    r.pagina.f.aanvrager_bsn.clear()                      # de raadsman wist het foute BSN
    r.typ(r.pagina.f.aanvrager_bsn, "")
    assert r.volgende() == 2, r.pagina.melding.text()
    ed = r.pagina.editor(2024)
    assert ed.p.ti_partner.text() == "12,3,4" and "is geen bedrag" in ed.p.ti_partner_fout.text()
    assert ed.p.medebewoners.cellWidget(0, 1).text() == "31-02-2015"
    assert ed.f.datum_beschikking.text() == "40-04-2025"
    r.typ(ed.p.ti_partner, "0")                            # verbeterd: de oude tekst komt niet meer terug
    ed.f.perioden.setCurrentRow(1)
    ed.f.perioden.setCurrentRow(0)
    assert ed.p.ti_partner.text() == "0" and not ed.p.ti_partner_fout.isVisibleTo(w)
    w.back()
    r.typ(r.pagina.f.aanvrager_geboortedatum, "31-04-1979")
    w.ongedaan()                                           # de casus terug; de foute tekst blijft gewoon staan
    assert r.pagina.f.aanvrager_geboortedatum.text() == "31-04-1979"


@pytest.mark.parametrize("stap", [4, 7, 9])
def test_foute_invoer_blijft_in_opnieuw_opgebouwde_tabellen(qtbot, app, raadsman_voor, stap):
    """Stap 4 (netto per periode), 7 (vermogen per jaar) en 9 (per terugvorderingsjaar) bouwen hun velden opnieuw
    op bij elk bezoek; foute tekst komt terug, met de melding."""
    c = casus_klaar()
    c.aanvraag.route = "terugvordering" if stap == 9 else "tekort"
    w = AvWizard(c)
    r = raadsman_voor(w)
    w.hervat(stap)
    assert w.currentId() == stap

    def veld():
        if stap == 9:
            return r.pagina.formulieren[2022].bedrag
        tabel = r.pagina.f.netto if stap == 4 else r.pagina.f.vermogen
        return tabel.cellWidget(0, 1)
    r.typ(veld(), "1.2.3,4,5")
    assert r.volgende() == stap                              # de fout houdt de stap tegen
    w.back()
    w.next()                                                 # de vorige stap is in orde: weer hier
    assert w.currentId() == stap
    assert veld().text() == "1.2.3,4,5" and veld().property("ongeldig")
    assert "geen bedrag" in veld().toolTip()


def test_sluiten_en_heropenen_hervat_bij_dezelfde_stap(qtbot, app, opslag):
    from conftest import Raadsman
    scherm = Hoofdscherm(opslag)
    qtbot.addWidget(scherm)
    scherm._raadsman_dialoog = lambda dialoog: 0            # de vraag naar de raadsman: "Later"
    scherm.nieuw()
    w = scherm.wizard
    r = Raadsman(qtbot, w)
    stap1(r, "Fatima", "03-02-1980", "Mohamed", "09-11-1985", "15-09-2024")
    r.typ(r.pagina.editor(2024).p.ti_aanvrager, "25.000")
    w.reject()                                             # raadsman sluit de wizard halverwege
    assert opslag.dossier(scherm.gekozen())["wizard_stap"] == 2
    assert scherm.model.item(0, 1).text() == "Fatima"
    w2 = scherm.open_wizard(scherm.gekozen())
    assert w2.currentId() == 2
    assert w2.currentPage().editor(2024).p.ti_aanvrager.text() == "25.000"
    w2.back()
    assert w2.currentPage().f.partner_naam.text() == "Mohamed"


def test_ongedaan_maken(qtbot, app, raadsman_voor):
    w = AvWizard(lege_casus())
    r = raadsman_voor(w)
    w.restart()
    r.typ(r.pagina.f.aanvrager_naam, "Martin")
    r.typ(r.pagina.f.aanvrager_naam, "Martine")
    assert w.casus.aanvrager.naam == "Martine"
    w.ongedaan()
    assert w.casus.aanvrager.naam == "Martin" and r.pagina.f.aanvrager_naam.text() == "Martin"
    w.ongedaan()
    assert w.casus.aanvrager.naam is None


def test_qt_knoppen_nederlands(qtbot, app, raadsman_voor):
    w = AvWizard(lege_casus())
    raadsman_voor(w)
    assert w.button(QWizard.WizardButton.NextButton).text().replace("&", "") == "Volgende >"
    assert w.button(QWizard.WizardButton.CancelButton).text().replace("&", "") == "Annuleren"


def test_enter_is_volgende_en_s2_direct_zichtbaar(qtbot, app, raadsman_voor):
    from PySide6.QtCore import Qt
    c = casus_klaar()
    c.aanvraagdatum = date(2024, 9, 15)
    w = AvWizard(c)
    r = raadsman_voor(w)
    w.hervat(2)
    ed = r.pagina.editor(2024)
    # S2 telt vanaf de dag van de berekening (REKENMODEL §9: "less than 6 weeks ago"), niet vanaf de aanvraag.
    from datetime import timedelta
    beschikking = date.today() - timedelta(days=20)
    r.typ(ed.f.datum_beschikking, beschikking.strftime("%d-%m-%Y"))
    einde = (beschikking + timedelta(weeks=6)).strftime("%d-%m-%Y")
    assert f"bezwaartermijn loopt tot en met {einde}" in ed.f.datum_beschikking_fout.text()
    qtbot.keyClick(ed.p.ti_aanvrager, Qt.Key.Key_Return)      # Enter = Volgende
    assert w.currentId() == 3


def test_route_wtrap(qtbot, app, raadsman_voor):
    from avdesk.ui.wizard import WTRAP
    c = lees_casus((ROOT / "tests/scenarios/wtrap_2026.json").read_bytes())
    c.aanvraag.route = ""
    w = AvWizard(c)
    r = raadsman_voor(w)
    w.restart()
    bezocht = [1, r.volgende()]                # alleen Wtrap-jaren: geen keuze in stap 3 (issue 22)
    while w.currentId() != AFRONDING:
        vorige = w.currentId()
        bezocht.append(r.volgende())
        assert w.currentId() != vorige, r.pagina.melding.text()
        if w.currentId() == WTRAP:
            f = r.pagina.formulieren[2026]
            assert "voldoet aan de voorwaarden" in f.uitkomst.text() and "€ 1.100,00" in f.uitkomst.text()
            r.klik(f.woonachtig_in_gemeente)                      # uitvinken: nog niet beantwoord
            assert "nog niet vast te stellen" in f.uitkomst.text()
            assert "woonachtig in de gemeente? (vraag nog niet beantwoord)" in f.uitkomst.text()
            r.klik(f.woonachtig_in_gemeente)
            assert not f.geen_heffingskorting.isVisibleTo(f.widget)      # beide partners na 1962 geboren
    assert bezocht == [1, 2, 4, WTRAP, AFRONDING]
    assert afronding_bedragen(w)[0][3] == "€ 1.100,00"


def test_stap11_toont_1_2_en_het_laagste(qtbot, app, raadsman_voor):
    from avdesk.core.casus import Terugvordering
    c = lees_casus((ROOT / "tests/scenarios/irene_sergio_2023.json").read_bytes())
    eerste, tweede = c.jaren[0].perioden
    eerste.netto_inkomen_per_maand, tweede.netto_inkomen_per_maand = Decimal(2050), Decimal(1500)
    c.jaren[0].terugvordering = Terugvordering(voorschot={"huurtoeslag": Decimal(3000)},
                                               definitief={"huurtoeslag": Decimal(2800)})
    c.aanvraag.route = "beide"
    w = AvWizard(c)
    raadsman_voor(w)
    w.hervat(11)
    tekst = w.currentPage().f.stap11_tekst.text()
    # De namen uit het rekenspoor (Stap.naam), dezelfde als in de berekenings-PDF (issue 23).
    for stuk in ("(1) Verschil in toeslagen over het jaar: € 996,00", "(2) Tekort tot het bestaansminimum over het "
                 "jaar: € 372,60", "Het laagste van (1) en (2): € 372,60", "Compensatie 2023: € 372,60"):
        assert stuk in tekst, tekst


def test_stap5_zegt_waarom_een_periode_gesplitst_is(qtbot, app, raadsman_voor):
    c = lees_casus((ROOT / "tests/scenarios/martin_hanna_2024.json").read_bytes())
    eerste = c.jaren[0].perioden[0]
    eerste.medebewoners[0].geboortedatum = date(1997, 3, 15)     # Daan wordt 27 op 15-03-2024: kostendeler
    eerste.medebewoners[0].kind = False
    c.aanvraag.route = "tekort"
    w = AvWizard(c)
    raadsman_voor(w)
    w.hervat(5)
    f = w.currentPage().f
    assert f.splitsingen.isVisibleTo(w)
    assert "1 juli" in f.splitsingen.text() and "Daan bereikt 27 jaar (kostendeler)" in f.splitsingen.text()


def wizard_langs_route(route: str, raadsman_voor) -> AvWizard:
    """Een wizard aan het begin van een route die alle pagina's raakt: "beide" (2022-2024) of "wtrap" (2026)."""
    c = casus_klaar() if route == "beide" else lees_casus((ROOT / "tests/scenarios/wtrap_2026.json").read_bytes())
    c.aanvraag.route = route
    w = AvWizard(c)
    raadsman_voor(w)
    w.restart()
    return w


@pytest.mark.parametrize("route", ["beide", "wtrap"])
def test_f1_opent_de_hulp_bij_elke_pagina(qtbot, app, raadsman_voor, route):
    from avdesk.ui.hulp import hulpteksten
    from avdesk.ui.wizard import hulpsleutel
    w = wizard_langs_route(route, raadsman_voor)
    for pagina_id in w.route_stappen():
        w.ga_naar(pagina_id)
        assert w.currentId() == pagina_id
        qtbot.keyClick(w.currentPage(), Qt.Key.Key_F1)    # een toets die de pagina niet zelf gebruikt, gaat naar de wizard
        vak = w.hulpvenster
        h = hulpteksten()[hulpsleutel(pagina_id)]
        assert vak.isVisible() and h["titel"] in vak.text() and f"Handreiking: {h['paragraaf']}" in vak.text()
        vak.close()


def test_titel_zegt_stap_n_van_m_en_de_zijlijst_waarom_stappen_wegvallen(qtbot, app, raadsman_voor):
    c = lees_casus((ROOT / "tests/scenarios/martin_hanna_2024.json").read_bytes())
    c.aanvraag.route = "tekort"
    w = AvWizard(c)
    raadsman_voor(w)
    w.hervat(4)
    assert w.windowTitle() == "avdesk - stap 4 van 8: Netto-inkomen en bijstandsniveau"
    regels = [w.zijlijst.item(i).text() for i in range(w.zijlijst.count())]
    assert "Stap 8 valt weg: er zijn geen perioden in 2023." in regels
    assert "Stap 9-11 vallen weg: u koos alleen een tekort, geen terugvordering." in regels


def test_bewijsstukken_aanvinken_verandert_de_lijst_in_de_aanvraag(qtbot, app, raadsman_voor):
    from avdesk.export.documenten import maak_documenten
    from pdfhulp import pdftekst
    c = lees_casus((ROOT / "tests/scenarios/martin_hanna_2024.json").read_bytes())
    c.aanvraag.route = "tekort"
    w = AvWizard(c)
    raadsman_voor(w)
    w.hervat(AFRONDING)
    paneel = w.currentPage().bewijs
    for stuk, stand in (("woonsituatie", 2), ("identiteitsbewijs", 1)):     # niet van toepassing; volgt nog
        keuze = paneel.keuzes[(2024, stuk)]
        keuze.setCurrentIndex(stand)
        keuze.activated.emit(stand)
    assert "woonsituatie" in w.casus.aanvraag.bewijs_nvt[2024]
    assert "identiteitsbewijs" not in w.casus.aanvraag.bewijs[2024]
    tekst = " ".join(pdftekst(maak_documenten(w.casus)["aanvraag"]).split())
    assert "– Woonsituatie: wie woont er, met geboortedata (niet van toepassing)" in tekst
    assert "☐ Kopie van een identiteitsbewijs van aanvrager en partner" in tekst
    assert "☒ Bankpas of recent bankafschrift" in tekst


def test_datum_definitieve_beschikking_een_keer_invullen(qtbot, app, raadsman_voor):
    """Een feit, een plek: de datum uit stap 2 staat (alleen te lezen) in stap 8 en is de standaard in stap 9."""
    c = casus_klaar()
    c.aanvraag.route = "beide"
    j2023 = next(j for j in c.jaren if j.jaar == 2023)
    j2023.datum_definitieve_beschikking = date(2024, 8, 20)
    j2023.terugvordering.datum_definitieve_beschikking = None
    w = AvWizard(c)
    raadsman_voor(w)
    w.hervat(8)
    veld = w.currentPage().f.datum_beschikking
    assert veld.text() == "20-08-2024" and veld.isReadOnly()
    w.ga_naar(9)
    assert w.currentPage().formulieren[2023].datum_beschikking.text() == "20-08-2024"


@pytest.mark.parametrize("route", ["beide", "wtrap"])
def test_elk_invoerveld_heeft_een_tooltip(qtbot, app, raadsman_voor, route):
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit
    w = wizard_langs_route(route, raadsman_voor)
    zonder = []
    for pagina in w.route_stappen():
        w.ga_naar(pagina)
        assert w.currentId() == pagina, pagina
        for soort in (QLineEdit, QComboBox, QAbstractButton, QPlainTextEdit):
            for veld in w.currentPage().findChildren(soort):
                if veld.isVisibleTo(w) and veld.isEnabled() and not veld.toolTip():
                    if isinstance(veld, QLineEdit) and isinstance(veld.parent(), QComboBox):
                        continue                    # het tekstdeel van een keuzelijst
                    zonder.append((pagina, type(veld).__name__, veld.objectName(), getattr(veld, "text", str)()))
    assert zonder == [], "\n".join(map(str, zonder))


def test_namen_met_opmaak_staan_er_letterlijk(qtbot, app, raadsman_voor):
    c = lees_casus((ROOT / "tests/scenarios/martin_hanna_2024.json").read_bytes())
    c.aanvrager.naam = "<b>Martin</b> & <i>co</i>"
    c.aanvraag.route = "tekort"
    w = AvWizard(c)
    raadsman_voor(w)
    w.hervat(6)
    label = w.currentPage().f.toelichting
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert "<b>Martin</b> & <i>co</i> en Hanna ontvangen aanvullende bijstand" in label.text()


def test_stap6_neemt_de_regel_van_het_bestaansminimum_uit_het_spoor(qtbot, app, raadsman_voor):
    from avdesk.core.berekening import bereken
    from avdesk.core.spoor import zoek
    c = lees_casus((ROOT / "tests/scenarios/martin_hanna_2024.json").read_bytes())
    c.aanvraag.route = "tekort"
    w = AvWizard(c)
    raadsman_voor(w)
    w.hervat(6)
    tekst = w.currentPage().f.toelichting.text()
    pb = bereken(c).jaren[0].perioden[0]
    st = zoek(pb.spoor, "bestaansminimum.norm")
    assert st.omschrijving in tekst and st.grondslag[1:] in tekst     # de stap zelf, niet een eigen uitleg
    assert pb.toets_zin in tekst
