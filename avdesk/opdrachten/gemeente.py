"""De opdrachten van het team Inkomen: `avdesk ontvang`, `avdesk ontvangen versies|vastzetten` en `avdesk beschikking`.

Dun: lezen wat er gevraagd is, avdesk.gemeente.werk aanroepen (dezelfde functies als het venster), tonen en de
exitcode teruggeven. Een GemeenteFout wordt een Nederlandse melding met exitcode 2."""

from __future__ import annotations

import sys
from pathlib import Path

from .gemeen import BUITEN_AVDESK, _fout, _met_gemeente, _met_opslag, _opslag

KOP_ONTVANG = "Niet ontvangen:"


def _lees_pdf(pad: str, kop: str) -> tuple[str, bytes]:
    from ..export.pdflezen import MAX_PDF       # één grens voor elke ontvangen PDF
    from ..gemeente.werk import GemeenteFout
    try:
        with open(pad, "rb") as f:
            data = f.read(MAX_PDF + 1)
    except FileNotFoundError:
        raise GemeenteFout([f"{pad} bestaat niet"], kop) from None
    except IsADirectoryError:
        raise GemeenteFout([f"{pad} is een map, geen PDF"], kop) from None
    except OSError as e:
        raise GemeenteFout([f"{pad} kan niet worden gelezen (foutcode {e.errno})"], kop) from None
    if len(data) > MAX_PDF:
        raise GemeenteFout([f"{pad} is te groot voor een berekening of aanvraag van avdesk"], kop)
    return Path(pad).name, data


@_met_opslag
@_met_gemeente
def cmd_ontvang(args) -> int:
    from ..gemeente import werk
    if args.dossier is not None:
        if args.berekening or args.aanvraag:
            return _fout(["geef PDF's of --dossier NUMMER (een van beide)"], "Ongeldige opdracht:")
        with _opslag(maak=False) as o:
            uit = werk.controleer_opnieuw(o, args.dossier)
        print("\n".join(uit.regels))
        return uit.code
    if not args.berekening:
        return _fout(["geef de berekening (PDF), en zo mogelijk de aanvraag"], "Ongeldige opdracht:")
    berekening = _lees_pdf(args.berekening, KOP_ONTVANG)
    aanvraag = _lees_pdf(args.aanvraag, KOP_ONTVANG) if args.aanvraag else None
    gelezen = werk.lees(berekening, aanvraag)          # eerst lezen: wat niet ontvangen kan, maakt geen opslag
    with _opslag() as o:
        uit = werk.ontvang(o, berekening, aanvraag, gelezen=gelezen)
    print("\n".join(uit.regels))
    return uit.code


def _versieregel(v) -> list[str]:
    from ..core.geld import datum
    wanneer = datum(v.ontvangen.date()) + v.ontvangen.strftime(" %H:%M") if v.ontvangen.year > 1 else "-"
    controle = {0: "de controle klopt", -1: "nog niet gecontroleerd"}.get(v.controle_code, "de controle klopt niet")
    uit = [f"Versie {v.versie} ({v.status}): ontvangen {wanneer}, {controle}, "
           + ("met aanvraag." if v.heeft_aanvraag else "zonder aanvraag.")]
    uit += [f"  {x}" for x in v.opmerkingen]
    if v.verschillen:
        uit.append("  Verschillen met de geldende versie:")
        uit += [f"    - {x}" for x in v.verschillen]
    elif v.status != "geldend":
        uit.append("  Geen verschil in de gegevens met de geldende versie.")
    return uit


@_met_opslag
@_met_gemeente
def cmd_ontvangen_versies(args) -> int:
    from ..gemeente import werk
    with _opslag(maak=False) as o:
        alle = werk.versies(o, args.dossier)
    for v in alle:
        print("\n".join(_versieregel(v)))
    if not any(v.status == "geldend" for v in alle):
        print(f"Er is nog geen geldende versie: zet er een vast met `avdesk ontvangen vastzetten {args.dossier} "
              f"--versie V`.")
    return 0


@_met_opslag
@_met_gemeente
def cmd_ontvangen_vastzetten(args) -> int:
    from ..gemeente import werk
    with _opslag(maak=False) as o:
        v = werk.vastzetten(o, args.dossier, args.versie)
    print(f"Versie {v.versie} van dossier {args.dossier} is vastgezet: zij is nu de geldende versie voor de "
          f"beschikking.")
    for x in v.opmerkingen:
        print(f"Let op: {x}", file=sys.stderr)
    return 0


def _datum(tekst: str | None, optie: str):
    from datetime import date

    from ..gemeente.werk import GemeenteFout
    if tekst is None:
        return None
    try:
        if len(tekst) != 10:
            raise ValueError
        return date.fromisoformat(tekst)
    except ValueError:
        raise GemeenteFout([f"{optie} {tekst!r} is geen datum (JJJJ-MM-DD)"], "Ongeldige optie:") from None


@_met_opslag
@_met_gemeente
def cmd_beschikking(args) -> int:
    """Een concept beschikking (.docx) uit een berekening-PDF of een ontvangen dossier."""
    from ..gemeente import werk
    from ..store.paden import datamap
    if (args.berekening is None) == (args.dossier is None):
        return _fout(["geef een berekening (PDF) of --dossier NUMMER (een van beide)"], "Ongeldige opdracht:")
    termijn = _datum(args.hersteltermijn, "--hersteltermijn")
    vandaag = _datum(args.vandaag, "--vandaag")
    besluit = werk.besluit_naam(args.besluit)
    kwargs = dict(besluit=besluit, reden=args.reden, doelmap=Path(args.map),
                  sjabloon=Path(args.sjabloon) if args.sjabloon else None, hersteltermijn=termijn,
                  ontbrak=args.ontbrak, vandaag=vandaag, vastleggen=args.vastleggen)
    if args.dossier is not None:
        with _opslag(maak=False) as o:
            uit = werk.beschikking(o, dossier=args.dossier, **kwargs)
    else:
        pdf = _lees_pdf(args.berekening, "Geen beschikking gemaakt:")[1]
        if (datamap() / "avdesk.db").exists():
            with _opslag(maak=False) as o:              # alleen voor de instellingen van de gemeente
                uit = werk.beschikking(o, pdf=pdf, **kwargs)
        else:
            uit = werk.beschikking(None, pdf=pdf, **kwargs)
    print(uit.pad)
    if uit.vastgelegd is not None:
        from ..gemeente.besluit import samenvatting
        print(samenvatting(uit.vastgelegd))
    for x in uit.let_op:
        print(f"Let op: {x}", file=sys.stderr)
    print(f"{uit.samenvatting}. Maak de brief af in Word of LibreOffice (de plekken met [ ] en het blok 'voor de "
          f"medewerker').", file=sys.stderr)
    print(BUITEN_AVDESK, file=sys.stderr)
    return 0


def registreer(sub) -> None:
    from ..gemeente.werk import SPELLINGEN
    on = sub.add_parser(
        "ontvang", help="neem een ontvangen berekening (en aanvraag) op en controleer ze (team Inkomen)",
        description="Neemt de berekening-PDF (en de aanvraag-PDF) op als dossier van de soort 'ontvangen', met de "
                    "PDF's versleuteld als documenten, en controleert: rekent de ingebedde casus opnieuw (zoals "
                    "`avdesk controleer`), of aanvraag en berekening bij elkaar horen, de handtekeningen, en of "
                    "aanvrager of partner op de doelgroepselectielijst van elk jaar staat. Andere stukken onder "
                    "hetzelfde kenmerk (of met dezelfde vingerafdruk): een nieuwe versie 'ter beoordeling' van "
                    "hetzelfde dossier, met haar verschillen in woorden; de geldende versie blijft gelden tot u een "
                    "andere vastzet (`avdesk ontvangen vastzetten`). Zolang er niets is vastgezet, geldt de eerste "
                    "versie die klopt. Met --dossier N: controleer elke versie van dat dossier opnieuw. "
                    "Exitcodes: 0 opgenomen en niets blokkeert; 1 opgenomen, maar de berekening klopt niet of iets "
                    "blokkeert de toekenning (zie de melding); 2 niet opgenomen (geen berekening van avdesk, een "
                    "concept, onleesbaar, of de dossiers zijn niet te gebruiken); 3 interne fout.")
    on.add_argument("berekening", nargs="?", help="de berekening (PDF van avdesk)")
    on.add_argument("aanvraag", nargs="?", help="de aanvraag (PDF van avdesk)")
    on.add_argument("--dossier", type=int, help="controleer een ontvangen dossier opnieuw (bijv. na een nieuwe lijst)")
    on.set_defaults(functie=cmd_ontvang)

    from .overzicht import HULP, opties
    ov = sub.add_parser(
        "ontvangen", help="overzicht van de ontvangen aanvragen (ook als CSV); hun versies bekijken en er een "
                          "vastzetten (team Inkomen)",
        description=HULP + " OPDRACHT versies of vastzetten: de versies van een ontvangen dossier: welke geldt voor de "
                    "beschikking, welke ter beoordeling staat, en wat er anders is. Exitcodes: 0 gelukt; 2 geen "
                    "ontvangen dossier, geen versie met dat nummer, of de dossiers zijn niet te gebruiken; 3 interne "
                    "fout.")
    opties(ov)
    osub = ov.add_subparsers(dest="ontvangenopdracht", metavar="OPDRACHT", required=False)
    vs = osub.add_parser(
        "versies", help="toon de versies met hun status en hun verschillen met de geldende versie",
        description="Per versie: de status (geldend, ter beoordeling of vervangen), wanneer ontvangen, of de controle "
                    "klopt, of er een aanvraag bij zit, en de verschillen met de geldende versie in woorden. "
                    "Exitcodes: 0 gelukt; 2 geen ontvangen dossier of de dossiers zijn niet te gebruiken; 3 interne "
                    "fout.")
    vs.add_argument("dossier", type=int, help="dossiernummer")
    vs.set_defaults(functie=cmd_ontvangen_versies)
    vz = osub.add_parser(
        "vastzetten", help="zet een versie vast: die geldt voor de beschikking",
        description="Zet een versie vast (zonder --versie: de nieuwste). Alleen een vastgezette versie vervangt de "
                    "geldende; dit komt in de auditlog. Exitcodes: 0 vastgezet; 2 geen ontvangen dossier, geen "
                    "versie met dat nummer, of de dossiers zijn niet te gebruiken; 3 interne fout.")
    vz.add_argument("dossier", type=int, help="dossiernummer")
    vz.add_argument("--versie", type=int, help="het versienummer (standaard: de nieuwste)")
    vz.set_defaults(functie=cmd_ontvangen_vastzetten)

    bs = sub.add_parser(
        "beschikking", help="maak een concept beschikking (.docx) uit een berekening of een ontvangen dossier",
        description="Maakt een concept beschikking als Word-bestand (avdesk-beschikking-KENMERK-JJJJ-MM-DD.docx) om af "
                    "te maken. Bij --dossier: uit de geldende versie, nooit uit een latere upload die nog ter "
                    "beoordeling staat. Zonder --besluit stelt avdesk het besluit voor uit de berekening (toekenning "
                    "of gedeeltelijke toekenning), maar kiest nooit zelf een afwijzing. Geen toekenning zolang de "
                    "controle niet klopt, een blokkerend signaal staat of het huishouden voor een Wtrap-jaar op de "
                    "doelgroepselectielijst staat; een open vraag is geen afwijzing. Een afwijzing noemt geen bedrag "
                    "en geen rekening, en per jaar de reden: wat avdesk weet, en uw motivering (--reden). Het sjabloon: --sjabloon, anders de "
                    "instelling beschikking_sjabloon, anders het standaardsjabloon. Exitcodes: 0 gemaakt; 2 niet "
                    "gemaakt (met de reden: de controle klopt niet, iets blokkeert, geen besluit of reden gekozen, "
                    "de brief zou voor de aanvraag of in de hersteltermijn liggen, een sjabloon dat niet mag, geen berekening van avdesk, of "
                    "niet te schrijven, of --vastleggen zonder --dossier); 3 interne fout. Met --vastleggen legt avdesk "
                    "het besluit vast in het dossier; de medewerker is de instelling medewerker, anders de "
                    "loginnaam.")
    bs.add_argument("berekening", nargs="?", help="de berekening (PDF van avdesk)")
    bs.add_argument("--dossier", type=int, help="in plaats van een PDF: een ontvangen dossier (avdesk ontvang)")
    bs.add_argument("--map", required=True, help="map waarin het Word-bestand komt")
    bs.add_argument("--besluit", choices=sorted(k for k in SPELLINGEN if " " not in k), metavar="BESLUIT",
                    help="toekenning, gedeeltelijk, afwijzing of buiten-behandeling (standaard: het voorstel uit de "
                         "berekening; een afwijzing kiest avdesk nooit zelf)")
    bs.add_argument("--reden", help="uw motivering (bij een afwijzing, of voor de jaren die niet worden toegekend)")
    bs.add_argument("--vandaag", help="de datum van de brief (JJJJ-MM-DD); standaard vandaag; nooit voor de aanvraag")
    bs.add_argument("--hersteltermijn", help="bij buiten-behandeling: de laatste dag van de hersteltermijn (JJJJ-MM-DD)")
    bs.add_argument("--ontbrak", action="append", help="bij buiten-behandeling: wat ontbrak (mag vaker)")
    bs.add_argument("--sjabloon", help="eigen sjabloon (.docx met velden; zie de README)")
    bs.add_argument("--vastleggen", action="store_true",
                    help="bij --dossier: leg het besluit ook vast in het dossier (soort, datum, medewerker, bedragen "
                         "per jaar en kostensoort, betalingen, redenen); alleen een vastgelegde (gedeeltelijke) "
                         "toekenning kan worden betaald (avdesk betaalopdracht); een nieuw besluit vervangt het vorige, "
                         "beide blijven bewaard")
    bs.set_defaults(functie=cmd_beschikking)
