"""De wizard: een aanvraagdatum na vandaag geeft een waarschuwing onder het veld (S10, blokkeert niet); een teken voor
de tekstrichting of een teken dat de lettertypen missen wordt onder het veld geweigerd, met het teken (U+XXXX)."""

from datetime import date, timedelta

import pytest

from avdesk.core.casus import Casus, Persoon
from avdesk.ui.wizard import AvWizard


def nieuwe_wizard(raadsman_voor):
    w = AvWizard(Casus(Persoon(None, None), Persoon(None, None), [], aanvraagdatum=date(2024, 9, 15)))
    r = raadsman_voor(w)
    w.restart()
    return w, r


def vul_stap1(r, aanvraagdatum: str):
    f = r.pagina.f
    r.typ(f.aanvrager_naam, "Martin")
    r.typ(f.aanvrager_geboortedatum, "15-07-1979")
    r.typ(f.partner_naam, "Hanna")
    r.typ(f.partner_geboortedatum, "17-05-1987")
    r.typ(f.aanvraagdatum, aanvraagdatum)
    r.vink(f.toestemming_mijntoeslagen)


def test_aanvraagdatum_na_vandaag_waarschuwt_onder_het_veld(qtbot, app, raadsman_voor):
    w, r = nieuwe_wizard(raadsman_voor)
    morgen = date.today() + timedelta(days=1)
    vul_stap1(r, morgen.strftime("%d-%m-%Y"))
    f = r.pagina.f
    assert f.aanvraagdatum_fout.isVisibleTo(w)
    assert "Let op" in f.aanvraagdatum_fout.text() and morgen.strftime("%d-%m-%Y") in f.aanvraagdatum_fout.text()
    assert "na de dag van de berekening" in f.aanvraagdatum_fout.text()
    assert r.volgende() == 2                       # een open punt, geen fout
    assert w.casus.aanvraagdatum == morgen


def test_aanvraagdatum_vandaag_geen_waarschuwing(qtbot, app, raadsman_voor):
    w, r = nieuwe_wizard(raadsman_voor)
    vul_stap1(r, date.today().strftime("%d-%m-%Y"))
    assert not r.pagina.f.aanvraagdatum_fout.isVisibleTo(w)


@pytest.mark.parametrize("naam, teken", [("Sara\u202eevil", "U+202E"), ("\u2067שרה\u2069", "U+2067"),
                                         ("Hanna 🏛️", "U+1F3DB"), ("👩‍👩‍👧", "U+1F469")])
def test_wizardveld_weigert_richtingsteken_en_ontbrekend_teken(qtbot, app, raadsman_voor, naam, teken):
    w, r = nieuwe_wizard(raadsman_voor)
    vul_stap1(r, "15-09-2024")
    f = r.pagina.f
    f.partner_naam.setText(naam)
    f.partner_naam.editingFinished.emit()
    assert r.volgende() == 1                       # niet verder
    assert f.partner_naam_fout.isVisibleTo(w)
    assert teken in f.partner_naam_fout.text() and "naam van de partner" in f.partner_naam_fout.text()
    assert f.partner_naam.text() == naam           # wat getypt is, blijft staan


def test_wizardveld_hebreeuws_en_arabisch_mogen(qtbot, app, raadsman_voor):
    w, r = nieuwe_wizard(raadsman_voor)
    vul_stap1(r, "15-09-2024")
    f = r.pagina.f
    f.partner_naam.setText("فاطمة الزهراء")
    f.aanvrager_naam.setText("דוד כהן")
    for veld in (f.partner_naam, f.aanvrager_naam):
        veld.editingFinished.emit()
    assert r.volgende() == 2
    assert (w.casus.aanvrager.naam, w.casus.partner.naam) == ("דוד כהן", "فاطمة الزهراء")
