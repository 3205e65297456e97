"""De opdrachten van `avdesk`: een module per opdracht(groep), elk met registreer(sub), dat zijn parsers toevoegt aan
de subparsers van `avdesk` (met set_defaults(functie=...)); cli.py bouwt alleen de parser en roept de functie aan.
Een nieuwe groep: een module hier en zijn naam in MODULES (de volgorde van `avdesk --help`). De modules worden pas
geladen als de parser wordt opgebouwd (niet bij het venster); gemeen.py heeft wat ze delen."""

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
    "zaak",
    "betaalopdracht",
    "archief",
)


def registreer(sub) -> None:
    for naam in MODULES:
        importlib.import_module(f"{__name__}.{naam}").registreer(sub)
