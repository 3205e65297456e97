"""De instellingen van avdesk met hun standaardwaarden, op een plek (versleuteld in de opslag bewaard).

Organisatie en raadsman komen op de aanvraag; het beleidsprofiel en de bewaartermijn sturen de berekening en de AVG."""

from __future__ import annotations

from pathlib import Path

STANDAARD = {
    "organisatie_naam": "",
    "organisatie_adres": "",
    "raadsman_naam": "",
    "raadsman_telefoon": "",
    "raadsman_email": "",
    "beleidsprofiel": "handreiking-2024",
    "exportmap": str(Path.home() / "Documents"),
    "bewaartermijn_maanden": "24",
}


def lees(opslag) -> dict[str, str]:
    return {k: opslag.instelling(k, v) for k, v in STANDAARD.items()}


def schrijf(opslag, waarden: dict[str, str]) -> None:
    for k, v in waarden.items():
        if k not in STANDAARD:
            raise KeyError(k)
        if opslag.instelling(k, STANDAARD[k]) != v:
            opslag.zet_instelling(k, v)
