"""De opdrachtregel: `avdesk` (venster), `avdesk bereken CASUS.json [--json]`.

Zonder Qt-import voor alles behalve het venster: `bereken` moet snel starten en zonder scherm werken."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import InstallatieFout, __version__
from .foutrapport import foutrapport
from .opdrachten.gemeen import BUITEN_AVDESK, _fout, _met_opslag, _opslag, _wachtwoord, _wachtwoord_uit_omgeving  # noqa: F401


def _lees(pad: str):
    from .core.casus import CasusFout, lees_casus
    from .core.params import ParameterFout
    from .core.invoergrenzen import MAX_BESTAND
    try:
        # Niet meer lezen dan de grens (plus een byte): een bestand van 50 MB kost dan geen 50 MB geheugen.
        if pad == "-":
            data = sys.stdin.buffer.read(MAX_BESTAND + 1)
        else:
            with open(pad, "rb") as f:
                data = f.read(MAX_BESTAND + 1)
    except FileNotFoundError:
        raise CasusFout([f"Het bestand {pad} bestaat niet."]) from None
    except IsADirectoryError:
        raise CasusFout([f"{pad} is een map, geen casusbestand."]) from None
    except PermissionError:
        raise CasusFout([f"Geen toegang tot het bestand {pad}."]) from None
    except OSError as e:
        raise CasusFout([f"Het bestand {pad} kan niet worden gelezen (foutcode {e.errno})."]) from None
    try:
        return lees_casus(data)
    except ParameterFout as e:
        raise CasusFout([str(e)]) from None


def cmd_bereken(args) -> int:
    from datetime import date

    from .core.berekening import bereken
    from .core.casus import CasusFout
    from .core.geld import json_tekst
    from .core.params import ParameterFout
    vandaag = None
    if args.vandaag:                # eerst en apart: alleen een fout hier is een fout in --vandaag
        try:
            if len(args.vandaag) != 10:
                raise ValueError
            vandaag = date.fromisoformat(args.vandaag)
        except ValueError:
            return _fout([f"--vandaag {args.vandaag!r} is geen datum (JJJJ-MM-DD)"], "Ongeldige optie:")
        if not 1900 <= vandaag.year <= 2100:
            return _fout([f"--vandaag {args.vandaag!r} ligt niet tussen 1900 en 2100"], "Ongeldige optie:")
    try:
        casus = _lees(args.casus)
        uitkomst = bereken(casus, vandaag)
    except CasusFout as e:
        naam = "op standaardinvoer" if args.casus == "-" else args.casus
        return _fout(e.fouten, f"De casus {naam} bevat fouten:")
    except ParameterFout as e:
        return _fout([str(e)], "De berekening kan niet worden gemaakt:")
    for w in casus.waarschuwingen:
        print(f"Let op: {w}", file=sys.stderr)
    if args.json:
        print(json_tekst(uitkomst.naar_json()))
    else:
        from .core.samenvatting import samenvatting
        print(samenvatting(casus, uitkomst))
    return 0


@_met_opslag
def cmd_dossiers(args) -> int:
    from .core.geld import datum
    from datetime import date
    with _opslag() as o:
        rijen = o.dossiers(args.zoek or "", limiet=args.aantal)
    if not rijen:
        print("Geen dossiers gevonden.")
    for r in rijen:
        namen = " en ".join(n for n in (r["aanvrager_naam"], r["partner_naam"]) if n) or "(nog geen namen)"
        print(f"{r['id']:>6}  {namen:<40} {r['status']:<16} {datum(date.fromisoformat(r['gewijzigd'][:10]))}")
    return 0


KOPIE_DAGEN = 30          # na zoveel dagen herinnert `verlopen` eraan een voor-herstel-kopie te verwijderen


@_met_opslag
def cmd_verlopen(_args) -> int:
    from datetime import date
    from .core.geld import datum
    with _opslag(maak=False) as o:
        from .store import lijsten
        from .store.bestanden import ruim_resten
        ruim_resten(o.map, wacht=True)       # een rest van een afgebroken herstel of back-up houdt geen dossier vast
        rijen = o.verlopen_dossiers()
        kopieen = o.verlopen_in_kopieen()
        oude_lijsten = lijsten.verlopen(o)
    print("Geen dossiers buiten de bewaartermijn." if not rijen else "\n".join(r["herinnering"] for r in rijen))
    for r in oude_lijsten:
        print(r["herinnering"])
    for k in kopieen:
        oud = (date.today() - k["gemaakt"]).days
        if k["aantal"] is None:
            print(f"De bewaarde kopie {k['kopie']} is niet te openen; verwijder hem als hij niet meer nodig is.")
        elif k["verlopen"] or oud > KOPIE_DAGEN:
            buiten = (f"; {len(k['verlopen'])} daarvan buiten de bewaartermijn (dossier "
                      f"{', '.join(map(str, k['verlopen']))})" if k["verlopen"] else "")
            print(f"De bewaarde kopie {k['kopie']} (van voor het terugzetten op {datum(k['gemaakt'])}) bevat "
                  f"{k['aantal']} dossiers{buiten}: verwijder de kopie als die niet meer nodig is.")
    return 0


@_met_opslag
def cmd_verwijder(args) -> int:
    from .store import OpslagFout
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


@_met_opslag
def cmd_audit(args) -> int:
    """De auditlog (handeling, tijd, gebruiker, dossiernummer; nooit een naam); --controleer loopt de keten na."""
    kop = None
    if args.backup:
        from .store import OpslagFout
        from .store.opslag import lees_backup
        kop = lees_backup(Path(args.backup), alleen_kop=True)[0].get("audit")
        if not isinstance(kop, dict) or not isinstance(kop.get("volgnr"), int):
            raise OpslagFout(f"De back-up {args.backup} bevat geen auditkop (gemaakt met een oudere versie van avdesk).")
    with _opslag(maak=False) as o:
        if not (args.controleer or kop):
            rijen = o.auditlog(args.aantal)
            if not rijen:
                print("De auditlog is leeg.")
            for r in rijen:
                dossier = f"dossier {r['dossier_id']}" if r["dossier_id"] is not None else "-"
                print(f"{r['volgnr']:>7}  {r['tijd']}  {r['gebruiker']:<12} {dossier:<14} {r['actie']}")
            return 0
        problemen = o.audit_problemen(kop)
        aantal = o.audit_kop()[0]
    if problemen:
        vanaf = f" vanaf regel {problemen[0][0]}" if problemen[0][0] > 0 else ""
        print(f"De auditlog klopt niet{vanaf} ({len(problemen)} probleem/problemen):", file=sys.stderr)
        for _, p in problemen[:200]:
            print(f"  - {p}", file=sys.stderr)
        if len(problemen) > 200:
            print(f"  - en nog {len(problemen) - 200} problemen", file=sys.stderr)
        return 1
    tegen = f", en bevat de laatste regel ({kop['volgnr']}) van de back-up ongewijzigd" if kop else ""
    print(f"De auditlog klopt: {aantal} regels, de keten (HMAC met de sleutel van deze opslag) is ongebroken en "
          f"sluit aan op de bewaarde kop{tegen}.")
    return 0


@_met_opslag
def cmd_backup(args) -> int:
    from .store import OpslagFout
    from .store.opslag import controleer_wachtwoord
    wachtwoord = _wachtwoord("AVDESK_BACKUP_WACHTWOORD", "Wachtwoord voor de back-up: ")
    if not wachtwoord:
        raise OpslagFout("Geef een wachtwoord voor de back-up (of zet AVDESK_BACKUP_WACHTWOORD).")
    controleer_wachtwoord(wachtwoord, "voor de back-up een wachtwoord")
    if not args.red:
        with _opslag(maak=False) as o:
            o.maak_backup(Path(args.bestand), wachtwoord)
        print(f"Back-up gemaakt: {args.bestand} (versleuteld; bewaar het wachtwoord apart).")
        return 0
    with _opslag(maak=False) as o:
        u = o.red_backup(Path(args.bestand), wachtwoord)
    nummers = lambda ids: ", ".join(map(str, ids))  # noqa: E731
    print(f"Back-up gemaakt van wat nog te lezen is: {args.bestand} (versleuteld; bewaar het wachtwoord apart). "
          f"{len(u['gered'])} dossier(s) gered" + (f": {nummers(u['gered'])}." if u["gered"] else "."))
    regels = []
    if u["verloren"]:
        regels.append(f"niet te redden (de gegevens van het dossier zelf zijn onleesbaar): dossier "
                      f"{nummers(u['verloren'])}")
    for d, wat in u["onvolledig"].items():
        regels.append(f"dossier {d} is gered, maar zonder {' en '.join(wat)} (onleesbaar); "
                      f"maak PDF's zo nodig opnieuw met avdesk pdf --dossier {d} --opnieuw")
    if u["onbekend"]:
        regels.append("ook onleesbaar, van een onbekend dossier: een deel van de tabel(len) " + ", ".join(u["onbekend"]))
    regels_audit, volledig = u["audit"]
    if not volledig:
        regels.append(f"de auditlog is gered tot en met regel {regels_audit}; de regels daarna zijn onleesbaar")
    if not regels:
        print("Alle dossiers zijn volledig gered. Zet de back-up terug met avdesk herstel "
              f"{args.bestand}.")
        return 0
    _fout(regels, "Niet alles was te redden:")
    print(f"Zet de back-up terug met avdesk herstel {args.bestand}; de beschadigde dossiers blijven daarbij naast "
          f"de nieuwe bewaard (avdesk.db.voor-herstel-*).", file=sys.stderr)
    return 1


@_met_opslag
def cmd_herstel(args) -> int:
    from .store import OpslagFout
    from .store.opslag import herstel_backup
    wachtwoord = _wachtwoord("AVDESK_BACKUP_WACHTWOORD", "Wachtwoord van de back-up: ")
    if not wachtwoord:
        raise OpslagFout("Geef het wachtwoord van de back-up (of zet AVDESK_BACKUP_WACHTWOORD).")
    verslag: dict = {}
    pad = herstel_backup(Path(args.bestand), wachtwoord, None, _wachtwoord_uit_omgeving(), verslag=verslag)
    print(f"Back-up teruggezet in {pad}; de vorige dossiers staan ernaast als avdesk.db.voor-herstel-*.")
    if opnieuw := verslag.get("opnieuw_verwijderd"):
        print(f"{len(opnieuw)} dossier(s) uit de back-up waren hier al verwijderd en zijn opnieuw verwijderd (AVG): "
              f"dossier {', '.join(map(str, opnieuw))}.")
    return 0


@_met_opslag
def cmd_import(args) -> int:
    from .core.casus import CasusFout
    try:
        casus = _lees(args.casus)
    except CasusFout as e:
        return _fout(e.fouten, f"De casus {args.casus} bevat fouten:")
    with _opslag() as o:
        dossier_id = o.nieuw_dossier(casus)
    print(dossier_id)
    return 0


@_met_opslag
def cmd_export(args) -> int:
    from .core.geld import json_tekst
    with _opslag(maak=False) as o:
        print(json_tekst(o.inzage_export(args.id)))
    return 0




def cmd_pdf(args) -> int:
    from datetime import date

    from .store import OpslagFout
    from .store.sleutel import schrijf_atomair
    if (args.casus is None) == (args.dossier is None):
        return _fout(["geef een casusbestand of --dossier NUMMER (een van beide)"], "Ongeldige opdracht:")
    try:
        from .export.documenten import bestandsnaam, ontbrekend_voor_aanvraag, vrij_pad
        if args.casus is not None:
            from .core.casus import CasusFout
            from .export.documenten import maak_documenten
            try:
                casus = _lees(args.casus)
            except CasusFout as e:
                return _fout(e.fouten, f"De casus {args.casus} bevat fouten:")
            vandaag = date.today()
            bestanden = {soort: (bestandsnaam(soort, vandaag), inhoud)
                         for soort, inhoud in maak_documenten(casus, gemaakt=vandaag).items()}
        else:
            from .export.documenten import maak_en_bewaar
            with _opslag(maak=False) as o:
                casus = o.casus(args.dossier)
                bestanden = o.laatste_documenten(args.dossier)
                if args.opnieuw or not bestanden:
                    bestanden = maak_en_bewaar(o, args.dossier)
        ontbreekt = ontbrekend_voor_aanvraag(casus)
        if ontbreekt:
            bestanden.pop("aanvraag", None)
        doelmap = Path(args.map)
        geschreven: list[Path] = []
        try:
            doelmap.mkdir(parents=True, exist_ok=True)
            for naam, inhoud in bestanden.values():
                pad = vrij_pad(doelmap, naam)           # nooit een bestaand bestand vervangen
                geschreven.append(pad)
                schrijf_atomair(pad, inhoud)
        except OSError:
            for pad in geschreven:                      # alles of niets: geen leeg, half of los bestand
                pad.unlink(missing_ok=True)
            raise
        for pad in geschreven:
            print(pad)
    except OpslagFout as e:
        return _fout([str(e)], "De dossiers kunnen niet worden gebruikt:")
    except OSError as e:
        from .store.db import is_schijf_vol
        bewaard = (f"; de PDF's zijn wel versleuteld in dossier {args.dossier} bewaard (avdesk pdf --dossier "
                   f"{args.dossier} --map ANDERE_MAP zet ze later in een map)") if args.dossier is not None else ""
        if is_schijf_vol(e, Path(args.map) if Path(args.map).is_dir() else None):
            return _fout([f"de schijf is vol: er staat geen PDF in {args.map} (ook geen leeg of half bestand)"
                          f"{bewaard}"], "De PDF's zijn niet in de map gezet:")
        return _fout([f"kan niet schrijven in {args.map} (foutcode {e.errno}); er staat geen PDF in de map{bewaard}"],
                     "De PDF's zijn niet in de map gezet:")
    except Exception as e:
        from reportlab.platypus.doctemplate import LayoutError
        if not isinstance(e, LayoutError):
            raise
        return _fout(["een tekst in de casus past niet op de pagina (bijvoorbeeld een heel lang woord zonder "
                      "spaties); kort die tekst in"], "De PDF's zijn niet gemaakt:")
    print(BUITEN_AVDESK, file=sys.stderr)
    if ontbreekt:
        _fout(ontbreekt, "Er is geen aanvraag gemaakt, want dit ontbreekt nog:")
        print("De berekening is wel gemaakt, met 'concept' op elke pagina.", file=sys.stderr)
        return 2
    return 0


def cmd_controleer(args) -> int:
    from .export.controle import controleer
    from .export.pdflezen import PdfFout, lees_bestand
    try:
        pdf = lees_bestand(args.pdf, "berekening")
    except OSError as e:
        return _fout([f"{args.pdf} kan niet worden gelezen (foutcode {e.errno})"], "Controle niet gedaan:")
    except PdfFout as e:
        return _fout([str(e)], "Controle niet gedaan:")
    code, regels = controleer(pdf)
    print("\n".join(regels), file=sys.stdout if code == 0 else sys.stderr)
    return code


def cmd_venster(_args) -> int:
    from .store import sleutelhaler
    from .store.paden import datamap
    # De sleutel ophalen terwijl Qt laadt (daarom eerst, voor de Qt-import).
    haler = sleutelhaler.start(datamap(), os.environ.get("AVDESK_WACHTWOORD") or None)
    from .ui.app import main as ui_main
    return ui_main(haler)


def cmd_screenshots(args) -> int:
    from .ui.screenshots import maak
    scherm = None
    if args.scherm:
        try:
            scherm = tuple(int(x) for x in args.scherm.lower().split("x"))
            assert len(scherm) == 2 and min(scherm) >= 320
        except (ValueError, AssertionError):
            print(f"--scherm: schrijf breedte x hoogte in pixels, bijvoorbeeld 1366x768 (niet '{args.scherm}')",
                  file=sys.stderr)
            return 2
    for pad in maak(Path(args.map), args.schaal, scherm):
        print(pad)
    return 0


# argparse spreekt Engels; deze vertalingen maken hulp- en foutteksten Nederlands (de OS-locale ontbreekt vaak).
_NL = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "expected one argument": "verwacht een waarde",
}


def _vertaal(tekst: str) -> str:
    return _NL.get(tekst, tekst)


def positief(tekst: str) -> int:
    """Een geheel getal groter dan nul (--aantal)."""
    try:
        n = int(tekst)
    except ValueError:
        n = 0
    if n <= 0:
        raise argparse.ArgumentTypeError(f"{tekst!r} is geen geheel getal groter dan nul")
    return n


def parser(alleen: str | None = None) -> argparse.ArgumentParser:
    """`alleen`: de gevraagde opdracht; dan worden de opdrachten van avdesk/opdrachten/ alleen geladen als het er een
    van hen is (zie opdrachten.registreer). Zonder: de hele parser (--help, een onbekende opdracht)."""
    argparse._ = _vertaal
    p = argparse.ArgumentParser(prog="avdesk", description="avdesk: compensatie alleenverdienersproblematiek.")
    p.add_argument("--version", action="version", version=f"avdesk {__version__}", help="toon het versienummer en stop")
    sub = p.add_subparsers(dest="opdracht", metavar="OPDRACHT")
    b = sub.add_parser("bereken", help="reken een casus (avdesk-casus/1) door en toon de uitkomst")
    b.add_argument("casus", help="pad naar het casusbestand (JSON), of - voor standaardinvoer")
    b.add_argument("--json", action="store_true", help="uitkomst als avdesk-berekening/1 (JSON)")
    b.add_argument("--vandaag", help="peildatum voor de bezwaartermijn (JJJJ-MM-DD); standaard vandaag")
    b.set_defaults(functie=cmd_bereken)
    d = sub.add_parser("dossiers", help="toon de dossiers (nummer, namen, status, laatste wijziging)")
    d.add_argument("zoek", nargs="?", help="zoek op (een deel van) een naam")
    d.add_argument("--aantal", type=positief, default=50, help="hoeveel dossiers (standaard 50)")
    d.set_defaults(functie=cmd_dossiers)
    v = sub.add_parser("verlopen", help="dossiers buiten de bewaartermijn (AVG)")
    v.set_defaults(functie=cmd_verlopen)
    au = sub.add_parser("audit", help="toon de auditlog (handeling, tijd, gebruiker, dossiernummer; nooit een naam)",
                        description="Toon de auditlog, nieuwste eerst. Met --controleer: loop de keten na (HMAC met "
                                    "de sleutel van deze opslag) en vergelijk met de kop in audit-kop.json; elke "
                                    "ontbrekende regel (ook aan het eind), gewijzigde of teruggedateerde regel en een "
                                    "herberekende keten wordt genoemd. Exitcodes: 0 de log klopt; 1 er ontbreken "
                                    "regels of er is iets gewijzigd (per probleem een regel op stderr); 2 de dossiers "
                                    "zijn niet te openen; 3 interne fout.")
    au.add_argument("--controleer", action="store_true",
                    help="controleer de keten (exit 0: klopt, 1: ontbrekende of gewijzigde regels, elk genoemd)")
    au.add_argument("--backup", metavar="BESTAND",
                    help="controleer ook tegen de auditkop in deze back-up (toont een herschreven geschiedenis)")
    au.add_argument("--aantal", type=positief, default=100, help="hoeveel regels tonen (standaard 100)")
    au.set_defaults(functie=cmd_audit)
    vw = sub.add_parser("verwijder", help="verwijder een dossier (AVG), ook uit de kopieen die avdesk bewaart",
                        description="Wis een dossier met alle versies, berekeningen en documenten, ook uit de "
                                    "kopieen die `herstel` bewaart (avdesk.db.voor-herstel-*) en uit de resten van een "
                                    "afgebroken herstel of back-up. avdesk onthoudt het nummer (met een HMAC, zonder "
                                    "persoonsgegevens): zet u later een oudere back-up terug, dan wordt het dossier "
                                    "opnieuw verwijderd. Kan niet ongedaan worden.")
    vw.add_argument("id", type=int, help="dossiernummer")
    vw.add_argument("--ja", action="store_true", help="niet om bevestiging vragen (nodig zonder terminal)")
    vw.set_defaults(functie=cmd_verwijder)
    bk = sub.add_parser(
        "backup", help="maak een versleutelde back-up van alle dossiers (--red: wat nog leesbaar is)",
        description="Maak een versleutelde back-up met een eigen wachtwoord van minstens 8 tekens "
                    "(AVDESK_BACKUP_WACHTWOORD). Een "
                    "beschadigd dossierbestand geeft geen gewone back-up; --red bewaart dan elk dossier dat nog te "
                    "lezen is en noemt de nummers van de dossiers die niet (volledig) te redden zijn. Exitcodes: 0 "
                    "alles gered; 1 (alleen met --red) niet alles gered, de rest staat in de back-up; 2 foute "
                    "invoer (wachtwoord te kort, map bestaat niet), de schijf is vol of de dossiers zijn niet te "
                    "openen; 3 interne fout.")
    bk.add_argument("bestand", help="doelbestand")
    bk.add_argument("--red", action="store_true",
                    help="red uit een beschadigd dossierbestand alles wat nog te lezen is (exit 1 als er iets "
                         "verloren is, met de dossiernummers)")
    bk.set_defaults(functie=cmd_backup)
    h = sub.add_parser(
        "herstel", help="zet een back-up terug (de huidige dossiers blijven ernaast bewaard)",
        description="Zet een back-up terug in een nieuwe opslag: alleen de tabellen en kolommen van avdesk, rij voor "
                    "rij gecontroleerd zoals bij import. Een back-up met een tabel, index, trigger of view die niet van "
                    "avdesk is, of met een auditketen die niet klopt, wordt niet teruggezet. Het terugzetten komt in "
                    "de auditlog; dossiers die hier na de back-up zijn verwijderd, worden opnieuw verwijderd. De "
                    "vorige dossiers blijven ernaast als avdesk.db.voor-herstel-*. Exitcodes: 0 teruggezet; 2 niet "
                    "teruggezet (wachtwoord, vreemde of beschadigde back-up, schijf vol; er is niets gewijzigd); 3 "
                    "interne fout.")
    h.add_argument("bestand", help="back-upbestand")
    h.set_defaults(functie=cmd_herstel)
    pd = sub.add_parser(
        "pdf", help="maak de aanvraag en de berekening (PDF) in een map",
        description="Maakt avdesk-[DOSSIER-]aanvraag-JJJJ-MM-DD.pdf en avdesk-[DOSSIER-]berekening-JJJJ-MM-DD.pdf. "
                    "Een bestaand bestand wordt nooit vervangen: de nieuwe krijgt -2, -3, ... Ontbreekt de "
                    "toestemming, een naam, een BSN, het adres of het IBAN, dan komt er geen aanvraag maar wel de "
                    "berekening, met 'concept' op elke pagina. Exitcodes: 0 beide gemaakt; 2 fout in de invoer of "
                    "aanvraag niet gemaakt (wat ontbreekt staat in de melding); 3 interne fout.")
    pd.add_argument("casus", nargs="?", help="casusbestand (JSON)")
    pd.add_argument("--dossier", type=int, help="in plaats van een casusbestand: een bewaard dossier")
    pd.add_argument("--map", required=True, help="map waarin de PDF's komen")
    pd.add_argument("--opnieuw", action="store_true", help="bij --dossier: maak nieuwe PDF's van de nieuwste versie")
    pd.set_defaults(functie=cmd_pdf)
    ct = sub.add_parser(
        "controleer", help="controleer een berekening-PDF: rekent opnieuw en leest het papier",
        description="Leest de casus en de berekening die in de berekening-PDF zijn ingebed, rekent de casus opnieuw "
                    "met de parameters van deze avdesk (op de peildatum van de berekening) en vergelijkt. Daarna de "
                    "tekst van elke pagina: de bedragen op pagina 1, totalen, eenmalig en periodiek, rekeningnummer "
                    "en tenaamstelling, de namen, en de vingerafdruk in de voettekst van elke pagina. JavaScript, "
                    "acties die iets starten of openen, en lagen over de pagina's heen maken de PDF verdacht. "
                    "Grenzen: 20 MB per bestand, 16 MB per uitgepakte stroom, 500 pagina's. Exitcodes: 0 klopt (een "
                    "andere parameterversie met dezelfde cijfers is een opmerking); 1 verschil (wat verschilt, in het "
                    "Nederlands, met beide parameterversies als die verschillen) of verdacht; 2 geen avdesk-"
                    "berekening, onleesbaar, ongeldige ingebedde gegevens of over een grens; 3 interne fout.")
    ct.add_argument("pdf", help="de berekening (PDF)")
    ct.set_defaults(functie=cmd_controleer)
    sc = sub.add_parser("screenshots", help="maak van elke pagina van de demo (Martin en Hanna) een PNG")
    sc.add_argument("map", help="map voor de PNG-bestanden")
    sc.add_argument("--schaal", type=float, default=1.0, help="schermschaal, bijv. 1.5 voor 150%%")
    sc.add_argument("--scherm", metavar="BxH", help="een scherm van B x H fysieke pixels, bijv. 1366x768; met --schaal "
                    "1.5 is 1920x1080 een scherm van 1280x720; elk venster zoals het daar staat, nooit groter")
    sc.set_defaults(functie=cmd_screenshots)
    i = sub.add_parser("import", help="controleer een casus (zoals bereken) en bewaar hem als nieuw dossier")
    i.add_argument("casus", help="pad naar het casusbestand (JSON)")
    i.set_defaults(functie=cmd_import)
    e = sub.add_parser("export", help="schrijf de casus van een dossier als JSON naar standaarduitvoer")
    e.add_argument("id", type=int, help="dossiernummer")
    e.set_defaults(functie=cmd_export)
    from .opdrachten import registreer
    registreer(sub, alleen)     # de opdrachten met een eigen module (avdesk/opdrachten/)
    # Elke opdracht noemt zijn exitcodes; waar hij geen eigen heeft, gelden de gewone.
    for naam, opdracht in sub.choices.items():
        if "xitcode" not in (opdracht.description or ""):
            opdracht.description = ((opdracht.description or sub_hulp(sub, naam)) + " " + GEWONE_EXITCODES).strip()
    p.epilog = ("Zonder opdracht opent avdesk het venster. " + GEWONE_EXITCODES
                + " Sommige opdrachten kennen ook 1 (zie hun --help).")
    return p


GEWONE_EXITCODES = ("Exitcodes: 0 gelukt; 2 foute invoer of een melding (in het Nederlands, met wat er mis is); "
                    "3 een interne fout (een regel zonder persoonsgegevens); 130 onderbroken.")


def sub_hulp(sub, naam: str) -> str:
    """De korte hulptekst van een opdracht (wat in `avdesk --help` achter de naam staat), als zin."""
    tekst = next((a.help for a in sub._choices_actions if a.dest == naam), "") or ""
    return (tekst[:1].upper() + tekst[1:] + ".") if tekst else ""




def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_sleutelhaler"]:            # hulpproces van het gebundelde venster (zie store/sleutelhaler)
        from .store.sleutelhaler import main as sleutelhaler
        return sleutelhaler(argv[1:])
    args = None                                  # zonder argumenten: het venster, zonder argparse op te bouwen
    if argv:
        try:
            args = parser(argv[0]).parse_args(argv)
        except SystemExit as e:
            return int(e.code or 0) if e.code in (0, None) else 2
    try:
        if args is None or args.opdracht is None:
            return cmd_venster(args)
        return args.functie(args)
    except KeyboardInterrupt:
        return 130
    except InstallatieFout as e:  # avdesk zelf is onvolledig (geen resources/ of forms/): zeg dat, met het pad
        print(e, file=sys.stderr)
        return 2
    except Exception as e:       # een fout die avdesk niet verwachtte: netjes melden, zonder gegevens
        print("Er ging iets mis in avdesk (een interne fout). Uw gegevens zijn niet gewijzigd. Meld dit met de "
              f"volgende regel aan de beheerder:\n  {foutrapport(e)}", file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
