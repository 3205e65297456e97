"""Hoort het huishouden bij de doelgroep (handreiking, "Kenmerken betrokken huishoudens"; REKENMODEL §9, S5)?

Wat de gegevens beslissen, wordt berekend: AOW-leeftijd (ook als die midden in een periode valt), toeslagpartners,
vermogen tegen de grens van het beleidsprofiel, en, als het inkomen per bron is ingevuld, of een partner een
uitkering van UWV, SVB of een private verzekeraar heeft. Een minstverdienende partner die voor 1963 is geboren is
een open vraag (heffingskorting), geen afwijzing. Onbekende gegevens zijn nooit een reden om af te wijzen."""

from __future__ import annotations

from datetime import date
from .model import Tupel

from .casus import Casus, Jaar, Persoon
from .geld import euro, maand_label, volgende_maand
from .params import Beleidsprofiel, Jaarparameters, Parameter
from .spoor import Stap, stap
from .toeslagen.huurtoeslag import aow_leeftijd_bereikt

# Uitkeringen van UWV, SVB of een private verzekeraar (en IOAW/IOAZ: geen Participatiewet) tellen voor de doelgroep
# en voor de Wtrap-vraag "inkomen uit een uitkering die geen Participatiewet-uitkering is".
UITKERINGEN = frozenset({"ww", "wia", "wao", "wajong", "ziektewet", "toeslagenwet", "particuliere_uitkering", "anw",
                         "ioaw", "ioaz"})
# Met een van deze bronnen zit het huishouden per definitie op bijstandsniveau (REKENMODEL §4).
BIJSTANDSNIVEAU = frozenset({"aanvullende_bijstand", "ioaw", "ioaz"})


class Doelgroep(Tupel):
    niet_voldaan: list[str]     # wat de gegevens laten zien (blokkeert de toekenning)
    open_punten: list[str]      # nog na te gaan; geen afwijzing


def minstverdienende(c: Casus, j: Jaar) -> Persoon:
    """De partner met het laagste toetsingsinkomen (eerste periode); bij gelijk inkomen de jongste."""
    if not j.perioden:
        return max((c.aanvrager, c.partner), key=lambda x: x.geboortedatum)
    per = j.perioden[0]
    kandidaten = [(per.toetsingsinkomen_aanvrager, c.aanvrager), (per.toetsingsinkomen_partner, c.partner)]
    return min(kandidaten, key=lambda x: (x[0], -x[1].geboortedatum.toordinal()))[1]


def aow_bereikt(c: Casus, j: Jaar, p: Jaarparameters) -> str | None:
    """"Martin bereikt de AOW-leeftijd in april 2022" als een partner die leeftijd heeft in een maand van de perioden
    (zonder perioden: in een maand van het jaar), anders None."""
    maanden = [(per.van, per.tot_en_met) for per in j.perioden] or [(date(j.jaar, 1, 1), date(j.jaar, 12, 1))]
    for x, wie in ((c.aanvrager, "de aanvrager"), (c.partner, "de partner")):
        for van, tem in maanden:
            if aow_leeftijd_bereikt(x.geboortedatum, tem, p):
                m = van
                while not aow_leeftijd_bereikt(x.geboortedatum, m, p):
                    m = volgende_maand(m)
                return f"{x.naam or wie} heeft de AOW-leeftijd " + (
                    f"vanaf {maand_label(m)}" if m > date(j.jaar, 1, 1) else f"in {j.jaar}")
    return None


def heeft_uitkering(j: Jaar) -> bool | None:
    """Heeft een partner in een periode een uitkering van UWV, SVB of een private verzekeraar (of IOAW/IOAZ)?
    None als het inkomen per bron niet in elke periode is ingevuld."""
    if any(u.soort in UITKERINGEN for per in j.perioden for bronnen in per.inkomen.values() for u in bronnen):
        return True
    if j.perioden and all(per.inkomen for per in j.perioden):
        return False
    return None


def vermogensgrens(profiel: Beleidsprofiel, p: Jaarparameters) -> Parameter:
    return p[{"huurtoeslag": "huurtoeslag.vermogensgrens_partners",
              "zorgtoeslag": "zorgtoeslag.vermogensgrens_met_partner",
              "bijstand": "bijstand.vermogensgrens_gehuwden"}[profiel.vermogensgrens]]


def toets_doelgroep(c: Casus, j: Jaar, p: Jaarparameters, profiel: Beleidsprofiel, spoor: list[Stap]) -> Doelgroep:
    """De doelgroeptoets voor bijzondere bijstand (2022-2024)."""
    niet, open_ = [], []
    minst = minstverdienende(c, j)
    if minst.geboortedatum.year < 1963:
        open_.append(f"de minstverdienende partner is geboren in {minst.geboortedatum.year} (voor 1963): ga na of "
                     "die in aanmerking komt voor de algemene heffingskorting")
    if aow := aow_bereikt(c, j, p):
        niet.append(aow)
    if not c.toeslagpartners:
        niet.append("de partners zijn geen toeslagpartners")
    grens = vermogensgrens(profiel, p)
    spoor.append(stap("doelgroep.vermogensgrens", f"Vermogensgrens volgens beleidsprofiel ({profiel.vermogensgrens})", grens.waarde, profiel.bron,
                      (grens,), (("vermogen", j.vermogen),)))
    if j.vermogen is None:
        open_.append("het vermogen is niet ingevuld: toets het aan de grens van " + euro(grens.waarde))
    elif j.vermogen > grens.waarde:
        niet.append(f"het vermogen ({euro(j.vermogen)}) ligt boven de grens van {euro(grens.waarde)}")
    if heeft_uitkering(j) is False:
        niet.append("geen van beide partners heeft een uitkering van UWV, SVB of een private verzekeraar")
    return Doelgroep(niet, open_)
