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
    # Team Inkomen (issue 17): tot wanneer een doelgroepselectielijst bewaard blijft (de laatste dag waarop
    # zelfmelders kunnen aanvragen; Leiderdorp: 31-12-2028 voor 2025-2027).
    "doelgroeplijst_bewaren_tot": "2028-12-31",
    # Het gemeenteprofiel voor de concept beschikking (leeg: uit de casus en het beleidsprofiel).
    "modus": "raadsman",                    # "raadsman" of "gemeente" (het venster)
    "gemeente_naam": "",
    "gemeente_afdeling": "",
    "gemeente_adres": "",
    "beleidsregel": "",                     # bv. "de Beleidsregels bijzondere bijstand alleenverdieners 2024"
    "beschikking_ondertekening": "",        # naam en functie onder de brief
    "beschikking_sjabloon": "",             # pad naar een eigen .docx-sjabloon; leeg: het standaardsjabloon
}


def lees(opslag) -> dict[str, str]:
    return {k: opslag.instelling(k, v) for k, v in STANDAARD.items()}


def schrijf(opslag, waarden: dict[str, str]) -> None:
    for k, v in waarden.items():
        if k not in STANDAARD:
            raise KeyError(k)
        if opslag.instelling(k, STANDAARD[k]) != v:
            opslag.zet_instelling(k, v)
