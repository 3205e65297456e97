"""Het rekenspoor met vaste sleutels (issue 23): elke stap van elke periode en elk jaar van elk scenario heeft een
sleutel uit avdesk/core/spoorsleutels.py, elke sleutel daar wordt door de kern gezet, en de stappen van het jaar en
de periode dragen de bedragen die de berekening teruggeeft (dan kan een document zijn uitleg uit het spoor nemen)."""

import re
from datetime import date
from pathlib import Path

import pytest

from avdesk.core.berekening import alle_stappen
from avdesk.core.periodeberekening import TOETSREGELS
from avdesk.core.spoor import zoek
from avdesk.core.spoorsleutels import SLEUTELS

from .verwacht import bereken_json, lees, scenario_namen

KERN = Path(__file__).resolve().parents[2] / "avdesk" / "core"


@pytest.fixture(scope="module")
def berekeningen():
    return {n: bereken_json(n, date.fromisoformat(str(lees(n)["peildatum"])))[1] for n in scenario_namen()}


def test_elke_stap_heeft_een_bekende_sleutel(berekeningen):
    onbekend, gezien = set(), set()
    for b in berekeningen.values():
        for jb in b.jaren:
            for st in alle_stappen(jb.perioden, jb.spoor):
                gezien.add(st.sleutel)
                if st.sleutel not in SLEUTELS:
                    onbekend.add((st.sleutel, st.omschrijving))
                assert isinstance(st.invoer, tuple) and all(len(x) == 2 for x in st.invoer), st
    assert not onbekend
    assert len(gezien) > 40       # de scenario's bereiken bijna alle sleutels (vermogen, 2026, stap 11, Wtrap)


def test_elke_sleutel_wordt_door_de_kern_gezet():
    bron = "".join(p.read_text(encoding="utf-8") for p in KERN.rglob("*.py") if p.name != "spoorsleutels.py")
    gezet = set(re.findall(r'stap\(\s*"([a-z0-9_.]+)"', bron))
    assert gezet == set(SLEUTELS), (gezet - set(SLEUTELS), set(SLEUTELS) - gezet)


def test_periode_en_jaar_staan_in_het_spoor(berekeningen):
    for naam, b in berekeningen.items():
        for jb in b.jaren:
            assert zoek(jb.spoor, "jaar.tekort").bedrag == jb.tekort, naam
            assert zoek(jb.spoor, "jaar.compensatie").bedrag == jb.compensatie_jaar, naam
            assert zoek(jb.spoor, "jaar.eenmalig").bedrag == jb.eenmalig, naam
            if jb.terugvordering_bedrag is not None:
                assert zoek(jb.spoor, "terugvordering.bedrag").bedrag == jb.terugvordering_bedrag, naam
            if jb.stap11 is not None:
                assert zoek(jb.spoor, "stap11.verschil_toeslagen").bedrag == jb.stap11.tekort_toeslagen, naam
                assert zoek(jb.spoor, "stap11.tekort_bestaansminimum").bedrag == jb.stap11.tekort_bestaansminimum
                assert zoek(jb.spoor, "stap11.laagste").bedrag == jb.stap11.laagste, naam
            if jb.wtrap is not None and jb.wtrap.tegemoetkoming is not None:
                w = zoek(jb.spoor, "wtrap.tegemoetkoming") or zoek(jb.spoor, "wtrap.tegemoetkoming.ingevuld")
                assert w.bedrag == jb.wtrap.tegemoetkoming, naam
            for pb in jb.perioden:
                bm = zoek(pb.spoor, "bestaansminimum.norm")
                assert bm.bedrag == pb.bestaansminimum == sum(w for _, w in bm.invoer), naam
                assert zoek(pb.spoor, "periode.verschil").bedrag == pb.verschil_totaal, naam
                toets = zoek(pb.spoor, "periode.toets_bestaansminimum")
                assert toets.omschrijving == TOETSREGELS[pb.toets] and toets.bedrag == pb.compensatie_totaal, naam
