"""Geen kring van imports tussen avdesk-modules, ook niet via imports binnen een functie (die pas later zouden
breken): een module die een andere nodig heeft, mag niet ook door die andere nodig zijn."""

import ast
from pathlib import Path

PAKKET = Path(__file__).resolve().parents[2] / "avdesk"


def modulenaam(pad: Path) -> str:
    delen = list(pad.relative_to(PAKKET.parent).with_suffix("").parts)
    return ".".join(delen[:-1] if delen[-1] == "__init__" else delen)


def _alleen_draaiend(boom: ast.AST):
    """Alle knopen, behalve wat onder `if TYPE_CHECKING:` staat: die imports doet alleen een typecontrole, nooit het
    programma (een type-annotatie van Opslag in dossiers.py maakt geen kring)."""
    for knoop in ast.iter_child_nodes(boom):
        if isinstance(knoop, ast.If) and "TYPE_CHECKING" in ast.unparse(knoop.test):
            for rest in knoop.orelse:
                yield from _alleen_draaiend_met(rest)
            continue
        yield from _alleen_draaiend_met(knoop)


def _alleen_draaiend_met(knoop: ast.AST):
    yield knoop
    yield from _alleen_draaiend(knoop)


def imports(pad: Path) -> set[str]:
    naam = modulenaam(pad)
    pakket = naam if pad.name == "__init__.py" else naam.rsplit(".", 1)[0]
    uit = set()
    for knoop in _alleen_draaiend(ast.parse(pad.read_text(encoding="utf-8"))):
        if isinstance(knoop, ast.Import):
            uit |= {a.name for a in knoop.names if a.name.startswith("avdesk")}
        elif isinstance(knoop, ast.ImportFrom):
            basis = knoop.module or ""
            if knoop.level:
                onder = pakket.split(".")[: len(pakket.split(".")) - (knoop.level - 1)]
                basis = ".".join(onder + ([basis] if basis else []))
            if basis.startswith("avdesk"):
                # "from . import x" kan een submodule x zijn: tel die als doel als hij bestaat
                for a in knoop.names:
                    kandidaat = f"{basis}.{a.name}"
                    uit.add(kandidaat if kandidaat in MODULES else basis)
    return uit - {naam}


MODULES = {modulenaam(p) for p in PAKKET.rglob("*.py")}


def kringen(graaf: dict[str, set[str]] | None = None) -> list[list[str]]:
    if graaf is None:
        graaf = {modulenaam(p): {d for d in imports(p) if d in MODULES} for p in PAKKET.rglob("*.py")}
    gevonden, staat = [], {}

    def bezoek(m, pad):
        staat[m] = 1
        for d in sorted(graaf.get(m, ())):
            if d.startswith(m + "."):           # een pakket dat een eigen submodule importeert: geen kring
                continue
            if staat.get(d) == 1:
                gevonden.append(pad[pad.index(d):] + [d] if d in pad else [m, d])
            elif d not in staat:
                bezoek(d, pad + [d])
        staat[m] = 2

    for m in sorted(graaf):
        if m not in staat:
            bezoek(m, [m])
    return gevonden


def test_geen_importkringen():
    assert kringen() == []


def test_de_test_ziet_een_kring():
    """Zonder deze controle zou een fout in de graaf de test hierboven altijd groen maken."""
    assert kringen({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert kringen({"p": {"p.x"}, "p.x": {"p"}}) == []      # een pakket en zijn eigen submodule
    assert "avdesk.foutrapport" in imports(PAKKET / "cli.py")
    assert "avdesk.ui.app" in imports(PAKKET / "opdrachten" / "venster.py")    # een import binnen een functie telt mee
    assert "avdesk.core.casus" in imports(PAKKET / "store" / "dossiers.py")      # ook een import binnen een functie
    assert "avdesk.store.opslag" not in imports(PAKKET / "store" / "dossiers.py")  # maar niet onder TYPE_CHECKING
