"""Wat privé is (een naam met _), blijft in zijn eigen deelpakket: geen module importeert een _naam uit een ander
deelpakket of leest er een via de module (lijsten._datum), en buiten avdesk/store raakt niemand een privé-attribuut
van de opslag (opslag._sleutel, o._audit): daarvoor heeft Opslag publieke namen (sleutel, audit)."""

import ast
from pathlib import Path

from test_importcirkels import MODULES, PAKKET, modulenaam


def deelpakket(module: str) -> str:
    delen = module.split(".")
    return delen[1] if len(delen) > 2 or (len(delen) == 2 and f"{module}.x" not in MODULES) else module


def _absoluut(pad: Path, knoop: ast.ImportFrom) -> str:
    naam = modulenaam(pad)
    pakket = naam if pad.name == "__init__.py" else naam.rsplit(".", 1)[0]
    basis = knoop.module or ""
    if knoop.level:
        onder = pakket.split(".")[: len(pakket.split(".")) - (knoop.level - 1)]
        basis = ".".join(onder + ([basis] if basis else []))
    return basis


def overtredingen(pad: Path, bron: str | None = None) -> list[str]:
    naam = modulenaam(pad)
    eigen = naam.split(".")[1] if naam.count(".") else ""
    boom = ast.parse(bron if bron is not None else pad.read_text(encoding="utf-8"))
    uit, modules = [], {}                  # lokale naam -> avdesk-module
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.ImportFrom):
            basis = _absoluut(pad, knoop)
            if not basis.startswith("avdesk"):
                continue
            ander = basis.count(".") and basis.split(".")[1] != eigen
            for a in knoop.names:
                volledig = f"{basis}.{a.name}"
                if volledig in MODULES:
                    modules[a.asname or a.name] = volledig
                elif a.name.startswith("_") and ander:
                    uit.append(f"{naam}: importeert {a.name} uit {basis}")
        elif isinstance(knoop, ast.Import):
            for a in knoop.names:
                if a.name.startswith("avdesk") and a.asname:
                    modules[a.asname] = a.name
    for knoop in ast.walk(boom):
        if not (isinstance(knoop, ast.Attribute) and knoop.attr.startswith("_") and not knoop.attr.startswith("__")):
            continue
        v = knoop.value
        if isinstance(v, ast.Name) and v.id in modules and modules[v.id].split(".")[1] != eigen:
            uit.append(f"{naam}: leest {v.id}.{knoop.attr} ({modules[v.id]})")
        laatste = v.id if isinstance(v, ast.Name) else v.attr if isinstance(v, ast.Attribute) else ""
        if eigen != "store" and (laatste in ("o", "opslag", "kopie_opslag") or laatste.endswith("opslag")):
            uit.append(f"{naam}: leest {laatste}.{knoop.attr} (privé in de opslag)")
    return uit


def test_niets_privé_over_de_grens_van_een_deelpakket():
    fout = [f for p in sorted(PAKKET.rglob("*.py")) for f in overtredingen(p)]
    assert fout == []


def test_de_test_ziet_het():
    """Zonder dit zou een fout in overtredingen() de test hierboven altijd groen maken."""
    pad = PAKKET / "opdrachten" / "voorbeeld.py"
    bron = ("from ..store import lijsten\nfrom ..store.gedeeld import _nu\nfrom .gemeen import _fout\n"
            "x = lijsten._datum('2024')\ny = self.opslag._sleutel\nz = o._audit\nw = self.opslag.sleutel\n")
    assert sorted(overtredingen(pad, bron)) == sorted([
        "avdesk.opdrachten.voorbeeld: importeert _nu uit avdesk.store.gedeeld",
        "avdesk.opdrachten.voorbeeld: leest lijsten._datum (avdesk.store.lijsten)",
        "avdesk.opdrachten.voorbeeld: leest opslag._sleutel (privé in de opslag)",
        "avdesk.opdrachten.voorbeeld: leest o._audit (privé in de opslag)"])
    # binnen de opslag mag het wel
    assert overtredingen(PAKKET / "store" / "voorbeeld.py", "z = o._sleutel\n") == []
