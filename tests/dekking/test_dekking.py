"""Regeldekking in de testsuite: elke regeltak (takken.py) wordt bereikt door ten minste een scenario waarvan de
verwachte cijfers kloppen en hun bron noemen; een onbereikte tak laat deze test falen."""

from datetime import date

import pytest

from .rapport import dekking
from .takken import TAKKEN, Ctx, wtrap_uitslag
from .verwacht import bereken_json


@pytest.fixture(scope="module")
def uitslag():
    return dekking()


def test_elke_tak_bereikt(uitslag):
    bereikt, mis = uitslag
    assert mis == {}
    assert [t for t, s in bereikt.items() if not s] == []


def test_takken_uniek():
    assert len({t.id for t in TAKKEN}) == len(TAKKEN)


def test_predicaat_kan_falen():
    """Een tak die elk scenario bereikt, zegt niets: martin_hanna_2024 bereikt de Wtrap- en stap 11-takken niet."""
    casus, b, js = bereken_json("martin_hanna_2024", date(2024, 9, 20))
    ctx = Ctx("martin_hanna_2024", casus, b, js)
    niet = {t.id for t in TAKKEN if not t.predicaat(ctx)}
    assert {"wtrap.alle_voldaan", "stap11.laagste_1", "ht.kkg.basishuur_boven", "sig.S11.blokkerend"} <= niet


def test_wtrap_uitslag_volgt_de_voorwaarden():
    casus, b, js = bereken_json("wtrap_2026", date(2027, 2, 10))
    assert set(wtrap_uitslag(b.jaren[0].wtrap).values()) == {"voldaan"}
