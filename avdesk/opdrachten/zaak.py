"""`avdesk zaaksysteem N [--proef]`: een afgehandeld ontvangen dossier overdragen aan het zaaksysteem van de
gemeente (ZGW API's; avdesk.gemeente.zaak). Optioneel en standaard uit; de PDF's en de beschikking hangen er niet
van af."""

from __future__ import annotations

import argparse
import sys
import textwrap

from .gemeen import _met_gemeente, _met_opslag, _opslag

BESCHRIJVING = (
    "Maakt in het zaaksysteem van de gemeente (ZGW API's: Zaken API en Documenten API) de zaak van ontvangen dossier "
    "N aan, met de ontvangen aanvraag en berekening en de beschikking als documenten (enkelvoudiginformatieobject, "
    "gekoppeld aan de zaak) en de aanvrager als rol (natuurlijk persoon, met BSN). Alleen als de instelling "
    "zaaksysteem aan staat; adressen, zaaktype, informatieobjecttype, roltype, RSIN's, client_id en secret zijn "
    "instellingen (zie `avdesk instellingen --help`). Na elke geslaagde stap onthoudt avdesk wat er is aangemaakt: "
    "opnieuw draaien na een storing maakt niets dubbel, en een dossier dat al is overgedragen, wordt niet nog eens "
    "verstuurd. Elk verzoek heeft een time-out (verbinden 5 s, antwoord 20 s; alles samen hooguit 90 s). "
    "--proef zegt wat er verstuurd zou worden, zonder het netwerk. Exitcodes: 0 overgedragen (of was het al; met "
    "--proef: het plan); 1 het zaaksysteem is niet bereikbaar, gaf geen antwoord binnen de tijd of weigerde (de "
    "melding zegt wat; wat al was aangemaakt, is onthouden); 2 het zaaksysteem staat uit, een instelling ontbreekt, "
    "het dossier heeft geen geldende versie of nog geen vastgelegd besluit, of de dossiers zijn niet te gebruiken; "
    "3 interne fout.")


@_met_opslag
@_met_gemeente
def cmd_zaaksysteem(args) -> int:
    from ..gemeente.zaak import draag_over
    with _opslag(maak=False) as o:
        uit = draag_over(o, args.dossier, proef=args.proef)
    print("\n".join(uit.regels), file=sys.stdout if uit.code == 0 else sys.stderr)
    return uit.code


def registreer(sub) -> None:
    p = sub.add_parser("zaaksysteem", help="draag een afgehandeld dossier over aan het zaaksysteem (ZGW API's)",
                       description=textwrap.fill(BESCHRIJVING, 100),
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("dossier", type=int, metavar="N", help="het nummer van het ontvangen dossier")
    p.add_argument("--proef", action="store_true", help="toon wat er verstuurd zou worden; verstuur niets")
    p.set_defaults(functie=cmd_zaaksysteem)
