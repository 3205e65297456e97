"""De richting van de imports tussen de lagen: core <- store <- export <- gemeente <- ui <- opdrachten en cli.

Een laag importeert alleen lagen onder zich (core niets, store alleen core, export core en store, enz.), statisch
gelezen met ast, ook imports binnen een functie (die pas later zouden breken). Het pakket zelf (avdesk/__init__.py:
versie, installatiemap) en avdesk/foutrapport.py zijn de grond: iedereen mag ze importeren, zij importeren geen laag.

`python tests/structuur/test_importrichting.py` drukt de graaf tussen de lagen af (aantal imports per paar)."""

from collections import Counter
from functools import cache

from test_importcirkels import MODULES, PAKKET, imports, modulenaam

LAGEN = ("grond", "core", "store", "export", "gemeente", "ui", "opdrachten")
GROND = {"avdesk", "avdesk.foutrapport"}

# Bekende uitzonderingen, elk met zijn reden; ze staan hier om te verdwijnen (de test faalt als er een niet meer
# voorkomt, zodat de lijst alleen kleiner wordt).
BEKEND: set[tuple[str, str]] = set()    # leeg sinds issue 23: de datamap staat in core, de sjabloonkeuring meldt zich


def laag(module: str) -> str:
    if module in GROND:
        return "grond"
    if module in ("avdesk.cli", "avdesk.__main__"):           # de ingangen: de bovenste laag
        return "opdrachten"
    return module.split(".")[1]


@cache                   # een keer de bron lezen voor alle tests hieronder
def graaf() -> dict[str, set[str]]:
    return {modulenaam(p): {d for d in imports(p) if d in MODULES} for p in PAKKET.rglob("*.py")}


def verkeerd(g: dict[str, set[str]]) -> set[tuple[str, str]]:
    """Elke import van een module naar een laag boven de zijne (in de grond: alleen naar het pakket zelf)."""
    uit = set()
    for m, doelen in g.items():
        for d in doelen:
            van, naar = LAGEN.index(laag(m)), LAGEN.index(laag(d))
            if naar > van or (naar == van == 0 and d != "avdesk"):
                uit.add((m, d))
    return uit


def lagengraaf(g: dict[str, set[str]]) -> Counter:
    return Counter((laag(m), laag(d)) for m, doelen in g.items() for d in doelen if laag(m) != laag(d))


def test_elke_laag_kent_alleen_de_lagen_eronder():
    fout = verkeerd(graaf()) - BEKEND
    assert not fout, "imports tegen de richting core <- store <- export <- gemeente <- ui <- opdrachten in:\n" + \
        "\n".join(f"  {m} -> {d}" for m, d in sorted(fout))


def test_bekende_uitzonderingen_bestaan_nog():
    """Een opgeloste uitzondering gaat uit BEKEND, anders zou hij ongemerkt terug kunnen komen."""
    assert BEKEND <= verkeerd(graaf())


def test_elke_module_heeft_een_laag():
    assert {laag(m) for m in MODULES} <= set(LAGEN)


def test_de_test_ziet_een_verkeerde_richting():
    """Zonder dit zou een fout in laag() of verkeerd() de test hierboven altijd groen maken."""
    g = {"avdesk.core.x": {"avdesk.store.y", "avdesk"}, "avdesk.store.y": {"avdesk.core.x"},
         "avdesk.ui.z": {"avdesk.gemeente.w", "avdesk.foutrapport"}, "avdesk.gemeente.w": {"avdesk.ui.z"},
         "avdesk.export.v": {"avdesk.cli"}, "avdesk.cli": {"avdesk.ui.z"}, "avdesk.foutrapport": {"avdesk.core.x"}}
    assert verkeerd(g) == {("avdesk.core.x", "avdesk.store.y"), ("avdesk.gemeente.w", "avdesk.ui.z"),
                           ("avdesk.export.v", "avdesk.cli"), ("avdesk.foutrapport", "avdesk.core.x")}
    # een import binnen een functie telt mee (cmd_venster importeert de ui pas als het venster opent)
    assert ("avdesk.opdrachten.venster", "avdesk.ui.app") in {(m, d) for m, ds in graaf().items() for d in ds}


if __name__ == "__main__":
    for (van, naar), n in sorted(lagengraaf(graaf()).items(), key=lambda x: (LAGEN.index(x[0][0]), LAGEN.index(x[0][1]))):
        print(f"{van:>10} -> {naar:<10} {n:>3}")
    for m, d in sorted(verkeerd(graaf())):
        print(f"tegen de richting: {m} -> {d}")
