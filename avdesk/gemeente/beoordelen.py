"""Beoordelen en beslissen: wat er te beslissen is (de geldende versie, opnieuw gecontroleerd), de gronden om niet
toe te kennen, het voorstel van avdesk en de concept beschikking. De bewakers van het besluit staan in werk.py."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..core.wtrapjaren import is_wtrapjaar
from .gedeeld import (HOE_BESLISSEN, MAX_REDEN, SOORT_IN_SJABLOON, TOEKENNEND, Beschikking,
                      GemeenteFout, Voorstel, _ontvangen_versies, besluit_naam)


@dataclass
class _Zaak:
    casus: object
    berekening: object
    uitkomst: dict
    kenmerk: str
    dossier: int | None
    versie: int | None
    instellingen: dict
    los: bool


def _zaak(opslag, dossier: int | None, pdf: bytes | None) -> _Zaak:
    """Wat er te beslissen is: bij een dossier de geldende versie (nooit een latere upload die niet is beoordeeld),
    opnieuw gelezen en gecontroleerd; bij een losse PDF alleen de berekening."""
    from ..core.berekening import bereken
    from ..export.bewijs import lees_bewijs
    from ..export.ontvangst import NietOntvangen, lees as lees_stukken, lijstcontrole
    from ..store import OpslagFout, ontvangen
    from ..store.instellingen import STANDAARD, lees as lees_instellingen
    kop = "Geen beschikking gemaakt:"
    if (dossier is None) == (pdf is None):
        raise GemeenteFout(["geef een berekening (PDF) of een dossiernummer (een van beide)"], "Ongeldige opdracht:")
    instellingen = dict(STANDAARD)
    versie = None
    try:
        if opslag is not None:
            instellingen = lees_instellingen(opslag)
        if dossier is not None:
            if opslag is None:
                raise GemeenteFout(["voor een dossier zijn de dossiers nodig"], kop)
            alle = _ontvangen_versies(opslag, dossier)
            versie = next((v["versie"] for v in alle if v["status"] == "geldend"), None)
            if versie is None:
                raise GemeenteFout([f"Dossier {dossier} heeft nog geen geldende versie: geen enkele versie klopt bij de "
                                    f"controle en er is er geen vastgezet. Bekijk de versies (`avdesk ontvangen versies "
                                    f"{dossier}`) en zet er zo nodig een vast (`avdesk ontvangen vastzetten {dossier} "
                                    f"--versie V`)."], kop)
            pdfs = ontvangen.stukken(opslag, dossier, versie)
            if ontvangen.BEREKENING not in pdfs:
                raise GemeenteFout([f"dossier {dossier} is geen ontvangen aanvraag (zie `avdesk ontvang`)"], kop)
            pdf = pdfs[ontvangen.BEREKENING][1]
            aanvraag = pdfs.get(ontvangen.AANVRAAG, (None, None))[1]
        else:
            aanvraag = None
        try:
            c, uitkomst = lees_stukken(pdf, aanvraag)
        except NietOntvangen as e:
            raise GemeenteFout([str(e)], kop) from None
        if opslag is not None:          # ook bij een losse PDF: wie op de lijst staat, krijgt geen tweede keer
            lijstcontrole(opslag, c, uitkomst, dossier)
        if dossier is not None:
            opgeslagen = ontvangen.laatste_controle(opslag, dossier, versie) or {}
            if opgeslagen.get("controle", {}).get("code", 0) != 0 and uitkomst["controle"]["code"] == 0:
                uitkomst["controle"] = opgeslagen["controle"]        # wat ooit niet klopte, klopt niet vanzelf
    except OpslagFout as e:
        raise GemeenteFout([str(e)], "De dossiers kunnen niet worden gebruikt:") from None
    peil = json.loads(lees_bewijs(pdf)[1]).get("peildatum")
    try:
        peildatum = date.fromisoformat(peil) if peil else None
    except (TypeError, ValueError):
        peildatum = None
    b = bereken(c, peildatum)
    return _Zaak(c, b, uitkomst, uitkomst["kenmerk"], dossier, versie, instellingen, dossier is None)


_NOG_NIET = re.compile(r"\s*Nog niet toekennen[^.]*\.", re.IGNORECASE)


def _grond_signaal(sg, jaar: int) -> str:
    """Een blokkerend signaal als grond in de brief (de u-vorm), zonder de aanwijzing voor de raadsman."""
    tekst = _NOG_NIET.sub("", sg.tekst).strip()
    if sg.code == "S5" and ":" in tekst:
        tekst = tekst.split(":", 1)[1].strip().rstrip(".")
        return (f"U voldoet over {jaar} niet aan de voorwaarden, volgens de gegevens van uw aanvraag: {tekst}. "
                f"Daarom kunt u over {jaar} geen geld van ons krijgen.")
    return f"{tekst} Daarom kunt u over {jaar} geen geld van ons krijgen."


def _gronden(z: _Zaak) -> tuple[dict[int, list[str]], dict[int, list[str]], list[str]]:
    """(gronden per jaar voor de brief, blokkades per jaar voor de medewerker, blokkades voor alle jaren)."""
    from ..export.beschikking import afgewezen_uit_controle
    b, u = z.berekening, z.uitkomst
    gronden: dict[int, list[str]] = {jb.jaar: [] for jb in b.jaren}
    blok: dict[int, list[str]] = {jb.jaar: [] for jb in b.jaren}
    algemeen: list[str] = []
    if u["controle"]["code"] != 0:
        algemeen.append("De berekening klopt niet opnieuw gerekend: " + " ".join(u["controle"]["regels"])[:600])
    toegewezen: set[str] = set()
    for jb in b.jaren:
        for sg in list(jb.signalen) + [s for pb in jb.perioden for s in pb.signalen]:
            if not sg.blokkerend:
                continue
            tekst = f"Signaal {sg.code} ({jb.jaar}): {sg.tekst}"
            if tekst not in blok[jb.jaar]:
                blok[jb.jaar].append(tekst)
                grond = _grond_signaal(sg, jb.jaar)
                if jb.wtrap is not None and jb.wtrap.voldoet is False and sg.code == "S5":
                    from ..export.beschikking import wtrap_niet_voldaan
                    grond = wtrap_niet_voldaan(jb)
                if grond not in gronden[jb.jaar]:
                    gronden[jb.jaar].append(grond)
            toegewezen.add(f"Signaal {sg.code} ({jb.jaar}) in de berekening: {sg.tekst}")
    for sg in getattr(b, "signalen", None) or []:          # een signaal voor de hele berekening, als de kern dat kent
        if getattr(sg, "blokkerend", False):
            algemeen.append(f"Signaal {sg.code}: {sg.tekst}")
    for jb in b.jaren:
        if jb.wtrap is not None and jb.wtrap.voldoet is None:
            # Onbekende gegevens zijn een open punt, nooit een afwijzing (REKENMODEL §9): dan stelt avdesk niets voor.
            blok[jb.jaar].append(f"Wtrap {jb.jaar}: nog niet alle voorwaarden na te gaan: "
                                 + "; ".join(jb.wtrap.open_vragen or ["gegevens ontbreken"])
                                 + ". Vraag de gegevens op (komen ze niet binnen de hersteltermijn: buiten behandeling).")
            gronden[jb.jaar].append(f"We konden over {jb.jaar} niet nagaan of u aan alle voorwaarden voor de vaste "
                                    f"tegemoetkoming voldoet: " + "; ".join(jb.wtrap.open_vragen or ["gegevens ontbreken"])
                                    + ".")
    for jaar, reden in afgewezen_uit_controle(u).items():
        if jaar in gronden:
            gronden[jaar].append(reden)
    for x in u.get("lijst", []):
        if x.get("status") == "op_lijst" and is_wtrapjaar(x.get("jaar", 0)) and x.get("jaar") in blok:
            blok[x["jaar"]].append(x["tekst"])
            toegewezen.add(x["tekst"])
    for x in u["blokkerend"]:
        if x not in toegewezen and not x.startswith("De berekening klopt niet opnieuw gerekend"):
            algemeen.append(x)
    for jb in b.jaren:
        if jb.compensatie_jaar <= 0 and not gronden[jb.jaar]:
            from ..export.beschikking import niets_te_vergoeden
            gronden[jb.jaar].append(niets_te_vergoeden(jb))
    return gronden, blok, algemeen


def _voorstel(z: _Zaak) -> Voorstel:
    gronden, blok, algemeen = _gronden(z)
    blokkades = list(algemeen) + [x for j in sorted(blok) for x in blok[j]]
    redenen = {j: " ".join(g) for j, g in gronden.items() if g}
    bedragen = {jb.jaar: jb.compensatie_jaar for jb in z.berekening.jaren}
    if blokkades:
        return Voorstel(None, redenen, blokkades, bedragen)
    if not any(v > 0 for v in bedragen.values()):
        return Voorstel(None, redenen, ["Volgens de berekening is er niets te vergoeden, over geen enkel jaar."],
                        bedragen)
    besluit = "toekenning" if all(v > 0 for v in bedragen.values()) else "gedeeltelijke toekenning"
    return Voorstel(besluit, redenen, [], bedragen)


def voorstel(opslag=None, dossier: int | None = None, pdf: bytes | None = None) -> Voorstel:
    """Het besluit dat de berekening draagt: toekenning of gedeeltelijke toekenning; None (met de blokkades) als de
    controle niet klopt, iets blokkeert of er niets te vergoeden is: dan kiest de medewerker zelf."""
    return _voorstel(_zaak(opslag, dossier, pdf))


def _reden(tekst: str | None) -> str | None:
    if tekst is None:
        return None
    tekst = " ".join(tekst.split())
    if not tekst:
        return None
    if len(tekst) > MAX_REDEN:
        raise GemeenteFout([f"De reden is te lang ({len(tekst)} tekens; hooguit {MAX_REDEN})."], "Ongeldige opdracht:")
    verboden = [ch for ch in tekst if ord(ch) < 32 or 0x202A <= ord(ch) <= 0x202E or 0x2066 <= ord(ch) <= 0x2069
                or ch in "\u200e\u200f\u061c"]
    if verboden:
        raise GemeenteFout(["De reden bevat een onzichtbaar stuurteken (bijvoorbeeld voor de schrijfrichting); haal "
                            "het weg."], "Ongeldige opdracht:")
    return tekst


def beschikking(opslag=None, *, dossier: int | None = None, pdf: bytes | None = None, besluit: str | None = None,
                reden: str | None = None, doelmap: Path, sjabloon: Path | None = None,
                hersteltermijn: date | None = None, ontbrak: str | list[str] | None = None,
                vandaag: date | None = None, vastleggen: bool = False) -> Beschikking:
    """Maak de concept beschikking (.docx) in `doelmap` en geef waar hij staat. Bij een dossier de geldende versie,
    en het document komt ook in het dossier. GemeenteFout (en geen bestand) als het besluit niet kan. `vastleggen`:
    het besluit wordt ook vastgelegd in het dossier (gemeente/besluit.py); lukt dat niet, dan blijft er geen brief."""
    from ..export.beschikking import SjabloonFout, context, maak_docx
    from ..export.documenten import vrij_pad
    from ..store import OpslagFout, ontvangen
    from ..store.sleutel import schrijf_atomair
    from . import besluit as vastlegging
    kop = "Geen beschikking gemaakt:"
    vandaag = vandaag or date.today()
    gekozen = besluit_naam(besluit)
    reden = _reden(reden)
    if isinstance(ontbrak, str):
        ontbrak = [ontbrak]
    if vastleggen and dossier is None:
        raise GemeenteFout(["Een besluit vastleggen kan alleen in een ontvangen dossier (--dossier N)."], kop)
    z = _zaak(opslag, dossier, pdf)
    c = z.casus
    if c.aanvraagdatum and vandaag < c.aanvraagdatum:
        from ..core.geld import datum
        raise GemeenteFout([f"De brief zou gedateerd zijn op {datum(vandaag)}, voor de aanvraag van "
                            f"{datum(c.aanvraagdatum)}. Een besluit kan niet voor de aanvraag liggen: controleer de "
                            f"aanvraagdatum in de berekening (vraag de raadsman zo nodig om een nieuwe)."], kop)
    if gekozen == "buiten behandeling" and hersteltermijn is not None:
        from ..core.geld import datum
        if c.aanvraagdatum and hersteltermijn < c.aanvraagdatum:
            raise GemeenteFout([f"De hersteltermijn ({datum(hersteltermijn)}) ligt voor de aanvraag van "
                                f"{datum(c.aanvraagdatum)}."], kop)
        if vandaag <= hersteltermijn:
            raise GemeenteFout([f"De hersteltermijn loopt tot en met {datum(hersteltermijn)}. Pas daarna kunt u de "
                                f"aanvraag buiten behandeling laten (artikel 4:5 Awb)."], kop)
    v = _voorstel(z)
    gronden, blok, algemeen = _gronden(z)
    if gekozen is None:
        if v.besluit is None:
            raise GemeenteFout(["avdesk stelt geen besluit voor, want:"] + [x for x in v.blokkades]
                               + [HOE_BESLISSEN], kop)
        gekozen = v.besluit
    afgewezen: dict[int, str] = {}
    if gekozen in TOEKENNEND:
        if algemeen:
            raise GemeenteFout([f"Een {gekozen} kan niet, want:"] + [x for x in algemeen] + [HOE_BESLISSEN],
                               kop)
        geweigerd = {j for j in gronden if blok[j] or v.bedragen.get(j, 0) <= 0}
        if gekozen == "toekenning" and geweigerd:
            raise GemeenteFout(["Een toekenning over alle jaren kan niet:"]
                               + [f"{j}: " + ("; ".join(blok[j]) or "er is niets te vergoeden") for j in
                                  sorted(geweigerd)]
                               + ["Kies een gedeeltelijke toekenning (`--besluit gedeeltelijk`) of een afwijzing "
                                  "(`--besluit afwijzing --reden TEKST`)."], kop)
        if gekozen == "gedeeltelijke toekenning":
            if geweigerd == set(gronden):
                raise GemeenteFout(["Een gedeeltelijke toekenning kan niet: over geen enkel jaar kan iets worden "
                                    "toegekend."] + [x for j in sorted(blok) for x in blok[j]]
                                   + [HOE_BESLISSEN], kop)
            if not geweigerd:
                raise GemeenteFout(["Een gedeeltelijke toekenning kan niet: elk jaar kan worden toegekend. Kies een "
                                    "toekenning, of een afwijzing met uw motivering."], kop)
        for j in sorted(geweigerd):
            afgewezen[j] = " ".join(gronden[j] + ([reden] if reden else []))
            if not afgewezen[j]:
                raise GemeenteFout([f"Voor {j} kent avdesk geen grond om af te wijzen: geef uw motivering met "
                                    f"--reden TEKST."], kop)
    elif gekozen == "afwijzing":
        zonder = [j for j in sorted(gronden) if not gronden[j]]
        if zonder and not reden:
            raise GemeenteFout([f"Een afwijzing moet per jaar zeggen waarom. Voor {', '.join(map(str, zonder))} kent "
                                f"avdesk geen grond: geef uw motivering met --reden TEKST."], kop)
        afgewezen = {j: " ".join(gronden[j] + ([reden] if reden else [])) for j in gronden}
    medewerker: list[str] = []
    let_op: list[str] = []
    for x in algemeen + [x for j in sorted(blok) for x in blok[j]]:
        medewerker.append(f"Blokkeert: {x}")
    medewerker += [f"Let op: {x}" for x in z.uitkomst.get("let_op", [])]
    if z.los:
        tekst = ("Deze beschikking is gemaakt uit een losse berekening, zonder `avdesk ontvang`: " + (
            "de handtekeningen zijn niet nagekeken (de doelgroepselectielijst wel)." if opslag is not None else
            "de doelgroepselectielijst en de handtekeningen zijn niet nagekeken."))
        medewerker.append(tekst)
        let_op.append(tekst)
    if gekozen in ("afwijzing", "buiten behandeling"):
        # Een brief die niets toekent noemt geen rekening, ook niet in wat de controle van het papier aanhaalt.
        from ..export.ontvangst import IBAN_PATROON
        medewerker = [IBAN_PATROON.sub("[rekeningnummer]", x) for x in medewerker]
    if gekozen == "buiten behandeling" and not (hersteltermijn and ontbrak):
        let_op.append("Zonder hersteltermijn en wat ontbrak staan er [in te vullen]-plekken in de motivering.")
    i = z.instellingen
    gemeente = {"gemeente_naam": i.get("gemeente_naam", ""), "afdeling": i.get("gemeente_afdeling", ""),
                "gemeente_adres": i.get("gemeente_adres", ""), "beleidsregel": i.get("beleidsregel", ""),
                "ondertekening": i.get("beschikking_ondertekening", "")}
    # --sjabloon, anders de instelling, anders het sjabloon van het beleidsprofiel, anders het standaardsjabloon.
    sjabloon = (sjabloon or (Path(i["beschikking_sjabloon"]) if i.get("beschikking_sjabloon") else None)
                or (Path(z.berekening.profiel.beschikking_sjabloon) if z.berekening.profiel.beschikking_sjabloon else None))
    ctx = context(c, z.berekening, z.kenmerk, soort=SOORT_IN_SJABLOON[gekozen], gemeente=gemeente,
                  afgewezen=afgewezen, medewerker=medewerker, hersteltermijn=hersteltermijn, ontbrak=ontbrak,
                  vandaag=vandaag, reden=reden)
    try:
        docx = maak_docx(ctx, Path(sjabloon) if sjabloon else None)
    except SjabloonFout as e:
        raise GemeenteFout([str(e)], kop) from None
    naam = f"avdesk-beschikking-{z.kenmerk}-{vandaag.isoformat()}.docx"
    try:
        doelmap = Path(doelmap)
        doelmap.mkdir(parents=True, exist_ok=True)
        pad = vrij_pad(doelmap, naam)
        schrijf_atomair(pad, docx)
    except OSError as e:
        raise GemeenteFout([f"kan niet schrijven in {doelmap} (foutcode {e.errno})"],
                           "De beschikking is niet opgeslagen:") from None
    vast = None
    if z.dossier is not None:
        try:
            opslag.bewaar_document(z.dossier, "beschikking (concept)", pad.name, docx)
            ontvangen.zet_beschikking(opslag, z.dossier, ("vastgelegd" if vastleggen else "concept")
                                      + f" {gekozen} {ctx['datum']}", z.versie)
            vast = vastlegging.leg_vast(opslag, z, gekozen, afgewezen, reden, vandaag, pad.name) if vastleggen else None
        except OpslagFout as e:
            if vastleggen:
                pad.unlink(missing_ok=True)
                raise GemeenteFout([f"Het besluit is niet vastgelegd en de brief is niet bewaard: {e}"], kop) from None
            let_op.append(f"De beschikking staat in {pad}, maar is niet in het dossier bewaard: {e}")
    bedrag = f": {ctx['totaal']}" if gekozen in TOEKENNEND else ""
    return Beschikking(pad, gekozen, f"Concept {gekozen}{bedrag}", let_op, vast)
