"""Opdrachten met een eigen module: een module per groep, elk met registreer(sub), dat zijn parsers toevoegt aan
de subparsers van `avdesk` (zoals de opdrachten van cli.py, met set_defaults(functie=...)). Een nieuwe groep: een module
hier en zijn naam in MODULES. De modules worden pas geladen als de parser wordt opgebouwd (niet bij het venster)."""

from __future__ import annotations

import importlib

MODULES: tuple[str, ...] = (
    "bereken",
    "dossiers",
    "verlopen",
    "audit",
    "verwijder",
    "backup",
    "pdf",
    "controleer",
    "venster",
    "uitwisseling",
    "parameters",
    "profiel",
    "instellingen",
    "gemeente",
    "doelgroeplijst",
)


def registreer(sub) -> None:
    for naam in MODULES:
        importlib.import_module(f"{__name__}.{naam}").registreer(sub)
