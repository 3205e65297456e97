"""Eén IBAN-controle (issue 23): de casuslezer, de instellingen, het venster, de ontvangst van een aanvraag en de
betaalopdracht gebruiken allemaal core.casuscontrole.iban_geldig. Vroeger had export/ontvangst een eigen iban_klopt
die korte nummers (12-14 tekens, geen land heeft er zo een; het kortste is Noorwegen met 15) weigerde, terwijl de
casuslezer ze aannam."""

import pytest

from avdesk.core.casus import iban_geldig
from avdesk.export import ontvangst

KORT = ["NL82ABNA0417", "NL61ABNA041716"]            # mod 97 klopt, maar 12 en 14 tekens
GOED = ["NO9386011117947", "NL91ABNA0417164300", "NL45ABNA04171643"]


@pytest.mark.parametrize("iban", KORT)
def test_te_kort_is_geen_iban(iban):
    assert not iban_geldig(iban)


@pytest.mark.parametrize("iban", GOED)
def test_geldig(iban):
    assert iban_geldig(iban)


@pytest.mark.parametrize("iban", KORT + GOED + ["NL91ABNA0417164301", "nl91abna0417164300"])
def test_ontvangst_telt_wat_de_casuslezer_aanneemt(iban):
    assert (ontvangst._ibans(f"Rekeningnummer: {iban}.") == [iban]) == iban_geldig(iban)


def test_geen_tweede_controle():
    assert not hasattr(ontvangst, "iban_klopt")
