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


def registreer(sub, alleen: str | None = None) -> None:
    """`alleen`: de gevraagde opdracht (het eerste argument). Staat die al in `sub` (een opdracht van cli.py), dan
    laadt dit geen enkele module, en heet een module zoals de opdracht, dan eerst alleen die: hun imports en parsers
    kostten `avdesk bereken` meer dan de berekening zelf (issue 23). Anders (en voor --help) alles."""
    if alleen is not None and alleen in sub.choices:
        return
    geladen = set()
    if alleen in MODULES:
        importlib.import_module(f"{__name__}.{alleen}").registreer(sub)
        if alleen in sub.choices:
            return
        geladen.add(alleen)
    for naam in MODULES:
        if naam not in geladen:
            importlib.import_module(f"{__name__}.{naam}").registreer(sub)
