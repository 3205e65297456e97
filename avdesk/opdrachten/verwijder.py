"""`avdesk verwijder ID [--ja]`: een dossier overal wissen (AVG), ook uit de bewaarde kopieen."""

from __future__ import annotations

import sys

from .gemeen import _met_opslag, _opslag


@_met_opslag
def cmd_verwijder(args) -> int:
    from ..store import OpslagFout
    with _opslag(maak=False) as o:
        info = o.dossier(args.id)
        if not args.ja:
            if not sys.stdin.isatty():
                raise OpslagFout(f"Verwijderen kan niet ongedaan worden: bevestig met --ja (avdesk verwijder {args.id} "
                                 f"--ja).")
            namen = " en ".join(n for n in (info["aanvrager_naam"], info["partner_naam"]) if n) or "zonder namen"
            antwoord = input(f"Dossier {args.id} ({namen}) definitief verwijderen, met alle versies en documenten, "
                             f"ook uit de bewaarde kopieen? [j/N] ")
            if antwoord.strip().lower() not in ("j", "ja"):
                print("Niets verwijderd.")
                return 0
        uitkomst = o.verwijder_dossier(args.id)
    kopieen = ""
    if uitkomst["kopieen_gewist"]:
        kopieen += f"; ook gewist uit {uitkomst['kopieen_gewist']} bewaarde kopie(en)"
    if uitkomst["kopieen_verwijderd"]:
        kopieen += f"; {uitkomst['kopieen_verwijderd']} onleesbare kopie(en) verwijderd"
    print(f"Dossier {args.id} is verwijderd, met alle versies en documenten{kopieen}.")
    return 0


def registreer(sub) -> None:
    vw = sub.add_parser("verwijder", help="verwijder een dossier (AVG), ook uit de kopieen die avdesk bewaart",
                        description="Wis een dossier met alle versies, berekeningen en documenten, ook uit de "
                                    "kopieen die `herstel` bewaart (avdesk.db.voor-herstel-*) en uit de resten van een "
                                    "afgebroken herstel of back-up. avdesk onthoudt het nummer (met een HMAC, zonder "
                                    "persoonsgegevens): zet u later een oudere back-up terug, dan wordt het dossier "
                                    "opnieuw verwijderd. Kan niet ongedaan worden.")
    vw.add_argument("id", type=int, help="dossiernummer")
    vw.add_argument("--ja", action="store_true", help="niet om bevestiging vragen (nodig zonder terminal)")
    vw.set_defaults(functie=cmd_verwijder)
