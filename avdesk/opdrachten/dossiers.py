"""`avdesk dossiers [ZOEK] [--aantal N]`: de bewaarde dossiers met nummer, namen, status en laatste wijziging."""

from __future__ import annotations

from .gemeen import _met_opslag, _opslag, positief


@_met_opslag
def cmd_dossiers(args) -> int:
    from ..core.geld import datum
    from datetime import date
    with _opslag() as o:
        rijen = o.dossiers(args.zoek or "", limiet=args.aantal)
    if not rijen:
        print("Geen dossiers gevonden.")
    for r in rijen:
        namen = " en ".join(n for n in (r["aanvrager_naam"], r["partner_naam"]) if n) or "(nog geen namen)"
        print(f"{r['id']:>6}  {namen:<40} {r['status']:<16} {datum(date.fromisoformat(r['gewijzigd'][:10]))}")
    return 0


def registreer(sub) -> None:
    d = sub.add_parser("dossiers", help="toon de dossiers (nummer, namen, status, laatste wijziging)")
    d.add_argument("zoek", nargs="?", help="zoek op (een deel van) een naam")
    d.add_argument("--aantal", type=positief, default=50, help="hoeveel dossiers (standaard 50)")
    d.set_defaults(functie=cmd_dossiers)
