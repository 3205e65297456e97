"""`avdesk profiel`: beleidsprofielen tonen, een sjabloon maken, een profiel controleren, installeren in de datamap en
weer verwijderen (core/profielbestand.py doet het werk)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from .gemeen import _fout, foutcode, melding, opdracht


def _jaren(jaren) -> str:
    return ", ".join(map(str, jaren)) or "geen"


def beschrijving(p) -> list[str]:
    """Een profiel in woorden, voor `profiel toon` en `controleer`."""
    uiterlijk = date.fromisoformat(p.aanvraag_uiterlijk).strftime("%d-%m-%Y") if p.aanvraag_uiterlijk else "geen"
    return [
        f"{p.naam} ({p.id}; {'eigen profiel' if p.eigen else 'meegeleverd met avdesk'})",
        f"  uitvoerder: {p.uitvoerder}",
        f"  beleidsregel: {p.bron}",
        f"  tekort aan toeslagen vergoed over: {_jaren(p.tekort_jaren)}",
        f"  terugvordering vergoed over: {_jaren(p.terugvordering_jaren)}",
        f"  uitbetaling: {'eenmalig, en vanaf de aanvraagmaand per maand' if p.uitbetaling == 'eenmalig_en_periodiek' else 'eenmalig'}",
        f"  uiterste aanvraagdatum: {uiterlijk}",
        f"  toets aan het bestaansminimum: {'ja' if p.bestaansminimumtoets else 'nee (het volledige verschil in toeslagen)'}",
        f"  vermogensgrens voor de doelgroep: die van de {p.vermogensgrens}",
        f"  gemeente: {', '.join(x for x in (p.gemeente_naam, p.gemeente_adres) if x) or 'niet ingevuld'}",
        f"  sjabloon beschikking: {p.beschikking_sjabloon or 'het standaardsjabloon van avdesk'}",
    ]


def cmd_toon(args) -> int:
    from ..core.params import ParameterFout, beleidsprofielen, laad_profiel
    ids = [args.id] if args.id else beleidsprofielen()
    fouten = []
    for i, pid in enumerate(ids):
        try:
            p = laad_profiel(pid)
        except ParameterFout as e:
            fouten.append(str(e))
            continue
        if i:
            print()
        print("\n".join(beschrijving(p)))
    return _fout(fouten, "Niet te tonen:") if fouten else 0


@opdracht
def cmd_sjabloon(args) -> int:
    from ..core.params import ParameterFout, laad_profiel
    from ..core.profielbestand import sjabloon
    van = None
    if args.van:
        with melding("Geen sjabloon:", ParameterFout):
            van = laad_profiel(args.van)
    sys.stdout.write(sjabloon(van))
    return 0


def cmd_controleer(args) -> int:
    from ..core.profielbestand import controleer
    from ..export import beschikking  # noqa: F401 (meldt de keuring van een sjabloon, core/sjabloonkeuring)
    profiel, fouten = controleer(Path(args.bestand))
    if fouten:
        return _fout(fouten, f"Het beleidsprofiel {args.bestand} is niet te gebruiken:")
    print("Het beleidsprofiel is in orde:")
    print("\n".join(beschrijving(profiel)))
    return 0


@opdracht
def cmd_installeer(args) -> int:
    from ..core.profielbestand import ProfielFout, installeer
    from ..export import beschikking  # noqa: F401 (meldt de keuring van een sjabloon, core/sjabloonkeuring)
    with melding("Niet geïnstalleerd:", OSError, regels=foutcode("de datamap is niet te beschrijven")), \
            melding("Niet geïnstalleerd; er is niets veranderd:", ProfielFout, regels=lambda e: str(e).split("\n")):
        profiel, doel = installeer(Path(args.bestand), vervang=args.vervang)
    print(f"Geïnstalleerd: beleidsprofiel {profiel.id} ({profiel.naam}) in {doel}. Kies het in Instellingen, of zet "
          f"\"beleidsprofiel\": \"{profiel.id}\" in een casus.")
    return 0


@opdracht
def cmd_verwijder(args) -> int:
    from ..core.profielbestand import ProfielFout, verwijder
    with melding("Niet verwijderd:", OSError, regels=foutcode("het bestand is niet te verwijderen")), \
            melding("Niet verwijderd:", ProfielFout):
        doel = verwijder(args.id)
    print(f"Verwijderd: {doel}.")
    return 0


def registreer(sub) -> None:
    pr = sub.add_parser(
        "profiel", help="beleidsprofielen van gemeenten tonen, controleren, installeren",
        description="Een beleidsprofiel zegt welke jaren en soorten compensatie een gemeente betaalt, tot wanneer een "
                    "aanvraag kan, of ze aan het bestaansminimum toetst, welke vermogensgrens ze gebruikt, naam en "
                    "adres van de gemeente en haar sjabloon voor de beschikking. Een eigen profiel staat in de datamap "
                    "(AVDESK_DATA) en gaat voor een meegeleverd profiel met hetzelfde id.")
    psub = pr.add_subparsers(dest="profielopdracht", metavar="OPDRACHT", required=True)
    t = psub.add_parser("toon", help="een profiel in woorden; zonder id: alle profielen",
                        description="Exitcodes: 0 getoond; 2 het profiel bestaat niet of is onbruikbaar.")
    t.add_argument("id", nargs="?", help="het id van het profiel (bv. handreiking-2024)")
    t.set_defaults(functie=cmd_toon)
    s = psub.add_parser("sjabloon", help="een profiel als TOML met uitleg per veld, op standaarduitvoer",
                        description="Exitcodes: 0 geschreven; 2 het profiel van --van bestaat niet.")
    s.add_argument("--van", metavar="ID", help="begin met de waarden van dit profiel (bv. handreiking-2024)")
    s.set_defaults(functie=cmd_sjabloon)
    c = psub.add_parser("controleer", help="controleer een profiel (velden, jaren, datum, sjabloon)",
                        description="Exitcodes: 0 in orde; 2 een fout (elke melding noemt het veld).")
    c.add_argument("bestand", help="het profiel (.toml)")
    c.set_defaults(functie=cmd_controleer)
    i = psub.add_parser("installeer", help="controleer en installeer een profiel in de datamap",
                        description="Alleen een profiel dat 'controleer' goedkeurt; bij een fout verandert er niets. "
                                    "Een meegeleverd of al geïnstalleerd id alleen met --vervang. Exitcodes: 0 "
                                    "geïnstalleerd; 2 niet geïnstalleerd (met de reden).")
    i.add_argument("bestand", help="het profiel (.toml)")
    i.add_argument("--vervang", action="store_true", help="vervang een meegeleverd of eerder geïnstalleerd profiel")
    i.set_defaults(functie=cmd_installeer)
    v = psub.add_parser("verwijder", help="verwijder een eigen profiel",
                        description="Exitcodes: 0 verwijderd; 2 er is geen eigen profiel met dat id (een meegeleverd "
                                    "profiel blijft).")
    v.add_argument("id", help="het id van het profiel")
    v.set_defaults(functie=cmd_verwijder)
