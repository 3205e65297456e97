"""Een leeftijdsgrens midden in een periode (kostendeler op 27, jongeren 23, kind 18, AOW) splitst de berekening op
de eerste maand waarin die grens geldt: de rekenkern rekent elke maand met de situatie op de eerste dag. Uitkomst:
precies wat de raadsman krijgt als hij de periode daar zelf splitst."""

import copy
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from avdesk.core.berekening import bereken, splits_op_leeftijden
from avdesk.core.casus import lees_casus
from avdesk.core.params import laad_jaar

ROOT = Path(__file__).resolve().parents[2]


def casus_met_zoon(geboren: str, handmatig_splitsen: str | None = None):
    """Martin en Hanna 2024 (tweede periode september-december), met een inwonende zoon zonder inkomen."""
    d = json.loads((ROOT / "tests/scenarios/martin_hanna_2024.json").read_text())
    for per in d["jaren"][0]["perioden"]:
        per["medebewoners"].append({"naam": "Joost", "geboortedatum": geboren})
    if handmatig_splitsen:
        perioden = d["jaren"][0]["perioden"]
        eerste = perioden[0]
        tweede = copy.deepcopy(eerste)
        eerste["tot_en_met"] = f"2024-{int(handmatig_splitsen) - 1:02d}"
        tweede["van"] = f"2024-{handmatig_splitsen}"
        perioden.insert(1, tweede)
    return lees_casus(json.dumps(d).encode())


def test_zoon_wordt_27_midden_in_een_periode():
    # Joost wordt 27 op 15-03-2024: kostendeler vanaf 1 april. De periode januari-augustus splitst daar.
    auto = bereken(casus_met_zoon("1997-03-15"), date(2024, 9, 15))
    zelf = bereken(casus_met_zoon("1997-03-15", handmatig_splitsen="04"), date(2024, 9, 15))
    assert [(p.van, p.tot_en_met, p.kostendelers) for p in auto.jaren[0].perioden] == [
        (date(2024, 1, 1), date(2024, 3, 1), 0), (date(2024, 4, 1), date(2024, 6, 1), 1),
        (date(2024, 7, 1), date(2024, 8, 1), 1), (date(2024, 9, 1), date(2024, 12, 1), 1)]
    assert auto.totaal_compensatie == zelf.totaal_compensatie
    assert [p.compensatie_periode for p in auto.jaren[0].perioden] == \
        [p.compensatie_periode for p in zelf.jaren[0].perioden]
    # Zonder splitsen zou januari-maart met de kostendelersnorm gerekend zijn, of april-augustus zonder.
    assert auto.jaren[0].perioden[0].bruto_bijstand_per_partner != auto.jaren[0].perioden[1].bruto_bijstand_per_partner
    assert any("wordt gesplitst" in t and "01-04-2024" in t for t in auto.jaren[0].toelichting)


def test_geen_splitsing_zonder_grens_en_op_de_eerste_van_de_maand():
    b = bereken(casus_met_zoon("1990-06-01"), date(2024, 9, 15))        # al jaren 27+
    assert len(b.jaren[0].perioden) == 3                                 # jan-jun, jul-aug (1 juli), sep-dec
    assert not any("gesplitst" in t for t in b.jaren[0].toelichting)
    c = casus_met_zoon("1997-05-01")              # 27 op 1 mei: vanaf mei, niet vanaf juni
    p = laad_jaar(2024)
    per = c.jaren[0].perioden[0]
    assert splits_op_leeftijden(c, per, per.van, date(2024, 6, 1), p) == [
        (date(2024, 1, 1), date(2024, 4, 1)), (date(2024, 5, 1), date(2024, 6, 1))]


def test_aow_leeftijd_van_een_partner_midden_in_het_jaar():
    c = casus_met_zoon("2010-01-01")
    c.aanvrager.geboortedatum = date(1957, 5, 20)        # AOW-leeftijd 67 in 2024: bereikt op 20-05-2024
    p = laad_jaar(2024)
    per = c.jaren[0].perioden[0]
    delen = splits_op_leeftijden(c, per, per.van, date(2024, 6, 1), p)
    assert delen == [(date(2024, 1, 1), date(2024, 5, 1)), (date(2024, 6, 1), date(2024, 6, 1))]
    assert Decimal(bereken(c, date(2024, 9, 15)).totaal_compensatie) >= 0


def test_grens_die_niets_verandert_splitst_niet():
    """Een kind wordt 18 bij ouders van 40 en een medebewoner wordt 23 terwijl niet iedereen jonger is: de bedragen
    blijven gelijk, dus de perioden komen eruit zoals ze erin gingen (alleen 1 juli splitst)."""
    kind18 = bereken(casus_met_zoon("2006-03-15"), date(2024, 9, 15))          # 18 op 15-03-2024, zonder inkomen
    assert [(p.van, p.tot_en_met) for p in kind18.jaren[0].perioden] == [
        (date(2024, 1, 1), date(2024, 6, 1)), (date(2024, 7, 1), date(2024, 8, 1)), (date(2024, 9, 1), date(2024, 12, 1))]
    assert not any("gesplitst" in t for t in kind18.jaren[0].toelichting)
    jong23 = bereken(casus_met_zoon("2001-04-10"), date(2024, 9, 15))          # 23 op 10-04-2024
    assert len(jong23.jaren[0].perioden) == 3 and not any("gesplitst" in t for t in jong23.jaren[0].toelichting)
