"""`avdesk parameters`: de parameters per toeslagjaar tonen, een sjabloon maken, een bestand controleren,
installeren in de datamap en weer verwijderen (core/parameterbestand.py doet het werk)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .gemeen import Melding, _fout, foutcode, melding, opdracht


def jaartal(tekst: str) -> int:
    if not (tekst.isascii() and tekst.isdigit() and len(tekst) == 4):
        raise argparse.ArgumentTypeError(f"{tekst!r} is geen jaartal (JJJJ)")
    return int(tekst)


def _overzicht() -> int:
    from ..core.params import LAATSTE_JAAR, NA_LAATSTE_JAAR, ParameterFout, parameterjaren, parameterset
    for jaar in parameterjaren():
        try:
            p = parameterset(jaar)
        except ParameterFout as e:
            print(f"{jaar}  onbruikbaar: {e}")
            continue
        niet = sum(1 for x in p.values() if not x.bevestigd)
        stand = (f"compleet, hash {p.hash}" if p.compleet else
                 f"nog niet te rekenen: {len(p.nodig)} waarden ontbreken (avdesk parameters sjabloon {jaar})")
        print(f"{jaar}  {stand}; {len(p)} waarden, {niet} niet bevestigd; {p.herkomst}")
    print(f"{LAATSTE_JAAR + 1} en later: niet ondersteund, {NA_LAATSTE_JAAR}.")
    return 0


@opdracht
def cmd_toon(args) -> int:
    from ..core.parameternamen import STATUS, parameternaam, parameterwaarde, statustekst
    from ..core.params import ParameterFout, bronsleutels, bronsoorten, parameterset
    if args.jaar is None:
        return _overzicht()
    with melding(f"Geen parameters voor {args.jaar}:", ParameterFout):
        p = parameterset(args.jaar)
    print(f"Parameters toeslagjaar {p.jaar} ({p.herkomst}), hash {p.hash}"
          + ("" if p.compleet else f"; nog niet te rekenen: {len(p.nodig)} waarden ontbreken"))
    for x in p.values():
        print(f"\n{parameternaam(x.naam)} = {parameterwaarde(x.naam, x.waarde)}")
        print(f"    {x.naam}; {statustekst(x, bronsleutels(), bronsoorten())}")
        print(f"    bron: {x.bron}")
        if x.noot:
            print(f"    noot: {x.noot}")
    for x in p.ontbrekend.values():
        print(f"\n{parameternaam(x.naam)}: ontbreekt nog")
        print(f"    {x.naam}; {STATUS['ontbreekt']}")
        if x.noot:
            print(f"    {x.noot}")
    return 0


@opdracht
def cmd_sjabloon(args) -> int:
    from ..core.parameterbestand import sjabloon
    from ..core.params import ParameterFout
    with melding(f"Geen sjabloon voor {args.jaar}:", ParameterFout):
        tekst = sjabloon(args.jaar)
    sys.stdout.write(tekst)
    return 0


def _verslag(verslag, kop: str) -> int:
    if verslag.fouten or verslag.ontbreekt:
        from ..core.parameternamen import parameternaam
        regels = list(verslag.fouten) + [f"{n} ({parameternaam(n)}): de waarde ontbreekt nog (status ontbreekt)"
                                         for n in verslag.ontbreekt]
        for o in verslag.opmerkingen:
            print(f"Let op: {o}", file=sys.stderr)
        return _fout(regels, kop)
    return 0


def cmd_controleer(args) -> int:
    from ..core.parameterbestand import controleer
    verslag = controleer(Path(args.bestand))
    if code := _verslag(verslag, f"Het parameterbestand {args.bestand} is nog niet te gebruiken:"):
        return code
    p = verslag.parameters
    niet = sum(1 for x in p.values() if not x.bevestigd)
    print(f"Het parameterbestand voor {p.jaar} is in orde: {len(p)} waarden, waarvan {niet} niet bevestigd "
          f"(die noemt signaal S8). Hash van de waarden: {p.hash}.")
    for o in verslag.opmerkingen:
        print(f"Let op: {o}")
    return 0


@opdracht
def cmd_installeer(args) -> int:
    from ..core.parameterbestand import InstallatieWeigering, controleer, installeer
    try:
        with melding("Niet geïnstalleerd:", OSError, regels=foutcode("de datamap is niet te beschrijven")):
            verslag, doel = installeer(Path(args.bestand), vervang=args.vervang)
    except InstallatieWeigering as e:
        verslag = controleer(Path(args.bestand))
        if verslag.fouten or verslag.ontbreekt:
            return _verslag(verslag, f"Niet geïnstalleerd ({e}); er is niets veranderd:")
        raise Melding([str(e)], "Niet geïnstalleerd; er is niets veranderd:") from None
    p = verslag.parameters
    print(f"Geïnstalleerd: de parameters van {p.jaar} (hash {p.hash}) in {doel}. Berekeningen over {p.jaar} "
          f"gebruiken vanaf nu dit bestand; terug naar de meegeleverde: avdesk parameters verwijder {p.jaar}.")
    for o in verslag.opmerkingen:
        print(f"Let op: {o}")
    return 0


@opdracht
def cmd_verwijder(args) -> int:
    from ..core.parameterbestand import InstallatieWeigering, verwijder
    from ..core.params import ParameterFout, parameterset
    with melding("Niet verwijderd:", OSError, regels=foutcode("het bestand is niet te verwijderen")), \
            melding("Niet verwijderd:", InstallatieWeigering):
        doel = verwijder(args.jaar)
    try:
        p = parameterset(args.jaar)
        nu = (f"nu gelden de meegeleverde parameters (hash {p.hash})" if p.compleet
              else f"{args.jaar} is nu niet meer te rekenen tot er een volledig bestand is geïnstalleerd")
    except ParameterFout:
        nu = f"{args.jaar} is nu niet meer te rekenen"
    print(f"Verwijderd: {doel}; {nu}.")
    return 0


def registreer(sub) -> None:
    pa = sub.add_parser(
        "parameters", help="de parameters per toeslagjaar tonen, controleren, installeren (een nieuw jaar)",
        description="De bedragen, percentages en grenzen per toeslagjaar, elk met bron en status. Een jaar waarvan "
                    "nog waarden ontbreken (2027) is pas te rekenen na 'avdesk parameters installeer'. Een "
                    "geïnstalleerd bestand staat in de datamap (AVDESK_DATA), nooit in de installatie, en gaat voor "
                    "het meegeleverde.")
    psub = pa.add_subparsers(dest="parameteropdracht", metavar="OPDRACHT", required=True)
    t = psub.add_parser("toon", help="elke waarde van een jaar met bron en status; zonder jaar: welke jaren er zijn",
                        description="Exitcodes: 0 getoond; 2 geen parameters voor dat jaar (met de reden).")
    t.add_argument("jaar", nargs="?", type=jaartal, help="het toeslagjaar (JJJJ)")
    t.set_defaults(functie=cmd_toon)
    s = psub.add_parser("sjabloon", help="alle parameters van een jaar als TOML op standaarduitvoer",
                        description="Bekende waarden met hun bron en status, de rest leeg met status \"ontbreekt\"; in "
                                    "commentaar de waarde van het vorige jaar. Exitcodes: 0 geschreven; 2 geen "
                                    "sjabloon voor dat jaar (met de reden, bijvoorbeeld 2028 en later).")
    s.add_argument("jaar", type=jaartal, help="het toeslagjaar (JJJJ)")
    s.set_defaults(functie=cmd_sjabloon)
    c = psub.add_parser("controleer", help="controleer een parameterbestand (schema, soorten, plausibel, bronnen)",
                        description="Elke parameter van het jaar aanwezig, van het goede soort, plausibel tegenover "
                                    "het vorige jaar (een verklaarde afwijking: afwijking = \"reden\"), met bron en "
                                    "status. Exitcodes: 0 in orde; 2 een fout of een waarde die nog ontbreekt (elke "
                                    "melding noemt het veld).")
    c.add_argument("bestand", help="het parameterbestand (.toml)")
    c.set_defaults(functie=cmd_controleer)
    i = psub.add_parser("installeer", help="controleer en installeer een parameterbestand in de datamap",
                        description="Alleen een bestand dat 'controleer' goedkeurt; bij een fout verandert er niets. "
                                    "Een jaar dat avdesk al meelevert (of dat al geïnstalleerd is) alleen met "
                                    "--vervang. Exitcodes: 0 geïnstalleerd; 2 niet geïnstalleerd (met de reden).")
    i.add_argument("bestand", help="het parameterbestand (.toml)")
    i.add_argument("--vervang", action="store_true", help="vervang een meegeleverd of eerder geïnstalleerd jaar")
    i.set_defaults(functie=cmd_installeer)
    v = psub.add_parser("verwijder", help="verwijder een geïnstalleerd parameterbestand (terug naar het meegeleverde)",
                        description="Exitcodes: 0 verwijderd; 2 voor dat jaar is geen eigen bestand geïnstalleerd.")
    v.add_argument("jaar", type=jaartal, help="het toeslagjaar (JJJJ)")
    v.set_defaults(functie=cmd_verwijder)
