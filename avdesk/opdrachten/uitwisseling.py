"""`avdesk import CASUS.json` (controleren en bewaren als nieuw dossier) en `avdesk export ID` (de casus als JSON)."""

from __future__ import annotations

from .gemeen import _casus, _met_opslag, _opslag


@_met_opslag
def cmd_import(args) -> int:
    casus = _casus(args.casus)
    with _opslag() as o:
        dossier_id = o.nieuw_dossier(casus)
    print(dossier_id)
    return 0


@_met_opslag
def cmd_export(args) -> int:
    from ..core.geld import json_tekst
    with _opslag(maak=False) as o:
        print(json_tekst(o.inzage_export(args.id)))
    return 0


def registreer(sub) -> None:
    i = sub.add_parser("import", help="controleer een casus (zoals bereken) en bewaar hem als nieuw dossier")
    i.add_argument("casus", help="pad naar het casusbestand (JSON)")
    i.set_defaults(functie=cmd_import)
    e = sub.add_parser("export", help="schrijf de casus van een dossier als JSON naar standaarduitvoer")
    e.add_argument("id", type=int, help="dossiernummer")
    e.set_defaults(functie=cmd_export)
