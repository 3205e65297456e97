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
    "exportmap": "",                        # leeg: Documenten als die bestaat, anders de thuismap (startmap)
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
    # Team Inkomen in bulk (issue 25): wie een besluit vastlegt (leeg: de loginnaam) en de rekening van de gemeente
    # waarvan de betaalopdracht (SEPA) betaalt.
    "medewerker": "",
    "betaal_iban": "",
    "betaal_bic": "",
    "betaal_naam": "",
}

# Het zaaksysteem van de gemeente (ZGW API's, issue 25): standaard uit. Het secret van de client staat niet in de tabel
# instellingen maar waar de databasesleutel staat (store/zaaksysteem.py); lees() en schrijf() gaan daarlangs.
ZAAKSYSTEEM = {
    "zaaksysteem": "uit",                           # "aan" of "uit"
    "zaaksysteem_zaken_api": "",                    # basis-URL van de Zaken API, bv. https://.../zaken/api/v1
    "zaaksysteem_documenten_api": "",               # basis-URL van de Documenten API
    "zaaksysteem_zaaktype": "",                     # URL van het zaaktype (Catalogi API)
    "zaaksysteem_informatieobjecttype": "",         # URL van het informatieobjecttype
    "zaaksysteem_roltype": "",                      # URL van het roltype van de aanvrager
    "zaaksysteem_bronorganisatie": "",              # RSIN van de gemeente
    "zaaksysteem_verantwoordelijke": "",  # RSIN; leeg: de bronorganisatie
    "zaaksysteem_client_id": "",
    "zaaksysteem_secret": "",
}
STANDAARD.update(ZAAKSYSTEEM)
GEHEIM = "zaaksysteem_secret"


def lees(opslag) -> dict[str, str]:
    from . import zaaksysteem
    return {k: zaaksysteem.geheim(opslag) if k == GEHEIM else opslag.instelling(k, v) for k, v in STANDAARD.items()}


def schrijf(opslag, waarden: dict[str, str]) -> None:
    """Bewaar instellingen, elk eerst gecontroleerd (InstellingFout: niets bewaard); dezelfde regels als
    `avdesk instellingen SLEUTEL WAARDE`."""
    for k in waarden:
        if k not in STANDAARD:
            raise KeyError(k)
    waarden = {k: controleer(k, v) for k, v in waarden.items()}
    for k, v in waarden.items():
        if k == GEHEIM:
            from . import zaaksysteem
            zaaksysteem.zet_geheim(opslag, v)
        elif opslag.instelling(k, STANDAARD[k]) != v:
            opslag.zet_instelling(k, v)


# --- Controle per instelling: dezelfde regels voor het venster en `avdesk instellingen` (issue 20, punt 2). ---

class InstellingFout(ValueError):
    """Een onbekende instelling of een ongeldige waarde; de tekst is een Nederlandse zin voor de gebruiker."""


# De naam voor de gebruiker, waar die anders is dan de bewaarde sleutel.
NAMEN = {"werkwijze": "modus", "bewaartermijn": "bewaartermijn_maanden"}
GEBRUIKERSNAAM = {v: k for k, v in NAMEN.items()}
# Persoonsgegevens: `avdesk instellingen` toont ze niet (wel of ze ingevuld zijn).
PERSOONLIJK = frozenset({"raadsman_naam", "raadsman_telefoon", "raadsman_email", "beschikking_ondertekening",
                         "zaaksysteem_secret", "medewerker"})
WERKWIJZEN = ("raadsman", "gemeente")
MAX_TEKST = 300
# Bidi-stuurtekens (U+202A-U+202E, U+2066-U+2069) en andere onzichtbare tekens: een naam of adres moet zijn wat er staat.
_VERBODEN = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C, 0xFEFF}

OMSCHRIJVING = {
    "organisatie_naam": "naam van de organisatie (op de aanvraag)",
    "organisatie_adres": "adres van de organisatie (op de aanvraag)",
    "raadsman_naam": "naam van de raadsman (op de aanvraag)",
    "raadsman_telefoon": "telefoon van de raadsman",
    "raadsman_email": "e-mail van de raadsman",
    "beleidsprofiel": "beleidsprofiel van de berekening",
    "exportmap": "standaardmap voor Opslaan als en de beschikking (avdesk onthoudt hier de laatst gekozen map; leeg: "
                 "Documenten, of de thuismap als die er niet is)",
    "bewaartermijn_maanden": "bewaartermijn van een dossier in maanden (1 t/m 240)",
    "doelgroeplijst_bewaren_tot": "tot wanneer een doelgroepselectielijst bewaard blijft (dd-mm-jjjj)",
    "modus": "werkwijze van het venster: raadsman of gemeente",
    "gemeente_naam": "naam van de gemeente (op de beschikking)",
    "gemeente_afdeling": "afdeling (op de beschikking)",
    "gemeente_adres": "adres van de gemeente (op de beschikking)",
    "beleidsregel": "citeertitel van de beleidsregel (op de beschikking)",
    "beschikking_ondertekening": "naam en functie onder de beschikking",
    "beschikking_sjabloon": "eigen sjabloon voor de beschikking (.docx); leeg: het standaardsjabloon",
    "zaaksysteem": "dossiers overdragen aan het zaaksysteem (ZGW API's): aan of uit (standaard uit)",
    "zaaksysteem_zaken_api": "basis-URL van de Zaken API (https://...)",
    "zaaksysteem_documenten_api": "basis-URL van de Documenten API (https://...)",
    "zaaksysteem_zaaktype": "URL van het zaaktype in de Catalogi API",
    "zaaksysteem_informatieobjecttype": "URL van het informatieobjecttype voor de documenten",
    "zaaksysteem_roltype": "URL van het roltype van de aanvrager",
    "zaaksysteem_bronorganisatie": "RSIN van de gemeente (9 cijfers)",
    "zaaksysteem_verantwoordelijke": "RSIN van de verantwoordelijke organisatie; leeg: de bronorganisatie",
    "zaaksysteem_client_id": "client_id die de gemeente voor avdesk uitgaf",
    "zaaksysteem_secret": "secret bij die client_id (nooit getoond; zet het met - van standaardinvoer)",
    "medewerker": "wie een besluit vastlegt (leeg: de loginnaam)",
    "betaal_iban": "IBAN van de gemeente voor de betaalopdracht (SEPA)",
    "betaal_bic": "BIC van die rekening",
    "betaal_naam": "tenaamstelling van die rekening",
}


def sleutel(naam: str) -> str:
    """De bewaarde sleutel bij de naam die de gebruiker typt ('werkwijze' -> 'modus'); InstellingFout als die er niet is."""
    s = NAMEN.get(naam.strip().lower().replace("-", "_"), naam.strip().lower().replace("-", "_"))
    if s not in STANDAARD:
        raise InstellingFout(f"Er is geen instelling '{_veilig(naam)}'. Bekende instellingen: "
                             + ", ".join(naam_voor(k) for k in STANDAARD) + ".")
    return s


def naam_voor(s: str) -> str:
    return GEBRUIKERSNAAM.get(s, s)


def _veilig(tekst: str, lengte: int = 40) -> str:
    """Getypte tekst in een melding: alleen zichtbare tekens, ingekort."""
    schoon = "".join(t if t.isprintable() and ord(t) not in _VERBODEN else "?" for t in tekst)
    return schoon[:lengte] + ("…" if len(schoon) > lengte else "")


def controleer(s: str, waarde: str) -> str:
    """De waarde zoals hij bewaard wordt (zo nodig genormaliseerd), of InstellingFout met wat er mis is."""
    from datetime import date
    naam = naam_voor(s)
    waarde = waarde.strip()
    if len(waarde) > MAX_TEKST:
        raise InstellingFout(f"De waarde voor {naam} is te lang (hooguit {MAX_TEKST} tekens).")
    for t in waarde:
        if ord(t) in _VERBODEN or not t.isprintable():
            raise InstellingFout(f"De waarde voor {naam} bevat een onzichtbaar teken of stuurteken (bijvoorbeeld een "
                                 f"tekst-richtingsteken); typ de tekst opnieuw zonder dat teken.")
    if s.startswith("zaaksysteem"):
        return _zaaksysteem(s, waarde)
    if s == "modus":
        w = waarde.lower()
        if w not in WERKWIJZEN:
            raise InstellingFout(f"De werkwijze is 'raadsman' of 'gemeente', niet '{_veilig(waarde)}'.")
        return w
    if s == "beleidsprofiel":
        from ..core.params import beleidsprofielen
        if waarde not in beleidsprofielen():
            raise InstellingFout(f"Er is geen beleidsprofiel '{_veilig(waarde)}'. Kies uit: "
                                 + ", ".join(beleidsprofielen()) + ".")
        return waarde
    if s == "bewaartermijn_maanden":
        if not waarde.isdigit() or not 1 <= int(waarde) <= 240:
            raise InstellingFout(f"De bewaartermijn is een aantal maanden van 1 tot en met 240, niet "
                                 f"'{_veilig(waarde)}'.")
        return str(int(waarde))
    if s == "doelgroeplijst_bewaren_tot":
        d = None
        try:
            if len(waarde) == 10 and waarde[2] == "-" and waarde[5] == "-":        # dd-mm-jjjj
                d = date(int(waarde[6:]), int(waarde[3:5]), int(waarde[:2]))
            elif len(waarde) == 10:                                                 # jjjj-mm-dd
                d = date.fromisoformat(waarde)
        except ValueError:
            d = None
        if d is None or not 2000 <= d.year <= 2100:
            raise InstellingFout(f"'{_veilig(waarde)}' is geen datum: schrijf dd-mm-jjjj, bijvoorbeeld 31-12-2028.")
        return d.isoformat()
    if s == "exportmap" and waarde:
        if not Path(waarde).expanduser().is_dir():
            raise InstellingFout(f"De exportmap {_veilig(waarde, 120)} bestaat niet (of is geen map). Kies een map die "
                                 f"er is, of laat het veld leeg.")
        return str(Path(waarde).expanduser())
    if s == "betaal_iban" and waarde:
        from ..core.casus import iban_geldig
        iban = waarde.replace(" ", "").upper()
        if not iban_geldig(iban):
            raise InstellingFout(f"'{_veilig(waarde)}' is geen geldig IBAN (de controle mod 97 klopt niet).")
        return iban
    if s == "betaal_bic" and waarde:
        import re
        bic = waarde.replace(" ", "").upper()
        if not re.fullmatch(r"[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?", bic):
            raise InstellingFout(f"'{_veilig(waarde)}' is geen BIC (8 of 11 tekens, bijvoorbeeld BNGHNL2G).")
        return bic
    if s == "beschikking_sjabloon" and waarde:
        p = Path(waarde).expanduser()
        if p.suffix.lower() != ".docx":
            raise InstellingFout("Het sjabloon voor de beschikking is een Word-bestand (.docx).")
        if not p.is_file():
            raise InstellingFout(f"Het sjabloon {_veilig(waarde, 120)} bestaat niet (of is geen bestand).")
        # Een sjabloon van buiten wordt gekeurd als het gekozen wordt, niet pas bij de eerste brief (zandbak).
        from ..core.sjabloonkeuring import keur
        if fouten := keur(p):
            raise InstellingFout("Dit sjabloon kan avdesk niet gebruiken: " + " ".join(fouten))
        return str(p)
    return waarde


def startmap(opslag, documenten: str | Path | None = None) -> str:
    """De map die een map- of bestandskiezer aanbiedt: de exportmap (de laatst gekozen) als die bestaat, anders
    `documenten` (de Documentenmap van het systeem, die op een verse Nederlandse desktop kan ontbreken) als die
    bestaat, anders de thuismap. Nooit een map die er niet is ("Map niet gevonden")."""
    kandidaten = [lees(opslag)["exportmap"] if opslag is not None else "", documenten or ""]
    for k in kandidaten:
        if k and Path(k).expanduser().is_dir():
            return str(Path(k).expanduser())
    return str(Path.home())


def onthoud_map(opslag, gekozen: str | Path) -> None:
    """De map die de gebruiker koos, wordt de exportmap: de volgende keer biedt avdesk hem weer aan."""
    if opslag is not None and gekozen and Path(gekozen).is_dir():
        try:
            schrijf(opslag, {"exportmap": str(gekozen)})
        except InstellingFout:          # een pad met een stuurteken of te lang: niet onthouden, wel gebruikt
            pass


def toon(s: str, waarde: str) -> str:
    """De waarde zoals `avdesk instellingen` hem laat zien: datums als dd-mm-jjjj, persoonsgegevens niet."""
    if s in PERSOONLIJK:
        return "(ingevuld; niet getoond)" if waarde else "(leeg)"
    if s == "doelgroeplijst_bewaren_tot" and len(waarde) == 10:
        return f"{waarde[8:]}-{waarde[5:7]}-{waarde[:4]}"
    return waarde if waarde else "(leeg)"


def zet(opslag, naam: str, waarde: str) -> tuple[str, str]:
    """Controleer en bewaar een instelling; geeft (sleutel, bewaarde waarde)."""
    s = sleutel(naam)
    w = controleer(s, waarde)
    schrijf(opslag, {s: w})
    return s, w


def _zaaksysteem(s: str, waarde: str) -> str:
    """De instellingen van het zaaksysteem: aan/uit, URL's (https; http alleen naar deze computer), RSIN's."""
    from urllib.parse import urlsplit
    naam = naam_voor(s)
    if s == "zaaksysteem":
        w = waarde.lower()
        if w not in ("aan", "uit"):
            raise InstellingFout(f"zaaksysteem is 'aan' of 'uit', niet '{_veilig(waarde)}'.")
        return w
    if not waarde or s in ("zaaksysteem_client_id", GEHEIM):
        return waarde
    if s.endswith(("_api", "type")):
        try:
            u = urlsplit(waarde)
            lokaal = u.hostname in ("localhost", "127.0.0.1", "::1")
        except ValueError:
            u, lokaal = None, False
        if u is None or not u.hostname or not (u.scheme == "https" or (u.scheme == "http" and lokaal)) \
                or u.username or u.password or u.query or u.fragment or " " in waarde:
            raise InstellingFout(f"{naam} is een webadres dat met https:// begint (zonder gebruikersnaam, ? of #), "
                                 f"niet '{_veilig(waarde, 80)}'. http:// mag alleen naar deze computer (localhost).")
        return waarde.rstrip("/") if s.endswith("_api") else waarde
    if s in ("zaaksysteem_bronorganisatie", "zaaksysteem_verantwoordelijke"):
        if not (len(waarde) == 9 and waarde.isdigit() and waarde.isascii()) or \
                sum(int(c) * w for c, w in zip(waarde, (9, 8, 7, 6, 5, 4, 3, 2, -1))) % 11:
            raise InstellingFout(f"{naam} is een RSIN: 9 cijfers die de elfproef halen, niet '{_veilig(waarde)}'.")
    return waarde
