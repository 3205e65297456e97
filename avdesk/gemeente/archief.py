"""Het archief van een ontvangen dossier (issue 25), zonder Qt: `avdesk archief N --map MAP` schrijft een PDF/A-3-bestand
met een voorblad (kenmerk, versies met datums, het controleverslag met de handtekeninguitslagen, de lijstmatch met
datum en jaar, het besluit) en de ontvangen aanvraag, de berekening en de beschikking als ingebedde bestanden
(export/archief.py). De berekening en de aanvraag zijn die van de geldende versie; de beschikking die van het
vastgelegde besluit (anders de laatste concept beschikking)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .werk import GemeenteFout

KOP = "Geen archief gemaakt:"


def _tijd(iso: str | None) -> str:
    from ..core.geld import datum
    if not iso:
        return "-"
    try:
        return datum(date.fromisoformat(iso[:10])) + (f" {iso[11:16]}" if len(iso) >= 16 else "")
    except ValueError:
        return "-"


def _besluitdeel(opslag, dossier: int) -> list:
    from ..core.geld import datum, euro
    from .besluit import alle_besluiten
    alle = alle_besluiten(opslag, dossier)
    if not alle:
        return ["Er is (nog) geen besluit vastgelegd."]
    b = alle[-1]
    uit = [f"Besluit {b.id}: {b.soort}, brief van {datum(b.datum)}, vastgelegd op {_tijd(b.vastgelegd.isoformat())} "
           f"door {b.medewerker}" + (f"; vervangt besluit {b.vervangt}" if b.vervangt else "") + "."]
    rijen = [["Jaar", "Bedrag", "Huurkosten", "Zorgpremie", "Overig"]]
    for j, bedrag in sorted(b.bedragen.items()):
        k = b.kostensoorten.get(j, {})
        rijen.append([str(j), euro(bedrag)] + [euro(k.get(x, 0)) for x in ("huurkosten", "zorgpremie", "overig")])
    uit.append(rijen)
    if b.betalingen:
        from ..core.geld import maand_label
        uit.append([["Betaling", "Datum", "Bedrag"]] + [
            [f"{x.jaar}, eenmalig" if x.soort == "eenmalig" else f"{x.jaar}, periodiek: {maand_label(x.datum)}",
             datum(x.datum), euro(x.bedrag)] for x in b.betalingen])
        uit.append(f"Naar {b.iban} ten name van {b.tenaamstelling or '-'} (zoals op de aanvraag).")
    uit += [f"Niet toegekend over {j}: {t}" for j, t in sorted(b.redenen.items())]
    if b.reden:
        uit.append(f"Motivering van de medewerker: {b.reden}")
    for x in alle[:-1]:
        uit.append(f"Vervangen: besluit {x.id} ({x.soort}, brief van {datum(x.datum)}, vastgelegd "
                   f"{_tijd(x.vastgelegd.isoformat())} door {x.medewerker}).")
    return uit


def _beschikking(opslag, dossier: int) -> tuple[str, bytes] | None:
    from .besluit import laatste_besluit
    b = laatste_besluit(opslag, dossier)
    docs = [d for d in opslag.documenten(dossier) if d["soort"].startswith("beschikking")]
    if b is not None:
        docs = [d for d in docs if d["bestandsnaam"] == b.brief] or docs
    if not docs:
        return None
    return docs[-1]["bestandsnaam"], opslag.document(docs[-1]["id"])


def inhoud(opslag, dossier: int) -> tuple[str, list, list]:
    """(titel, delen van het voorblad, bijlagen) van een ontvangen dossier."""
    from ..export.archief import AANVRAAG, BEREKENING, BESCHIKKING, Bijlage
    from ..store import lijsten, ontvangen
    from .gedeeld import _ontvangen_versies
    from .ontvangst import versies
    alle = _ontvangen_versies(opslag, dossier)
    geldend = next((v for v in alle if v["status"] == "geldend"), None)
    if geldend is None:
        raise GemeenteFout([f"Dossier {dossier} heeft geen geldende versie; zet er eerst een vast."], KOP)
    controle = ontvangen.laatste_controle(opslag, dossier, geldend["versie"]) or {}
    km = controle.get("kenmerk") or "-"
    delen = [("Dossier", [f"Dossier {dossier}, kenmerk {km}. Geldende versie: {geldend['versie']}. Archief gemaakt "
                          f"op {_tijd(date.today().isoformat())} met avdesk."])]
    rijen = [["Versie", "Ontvangen", "Status", "Controle", "Aanvraag"]]
    for v in versies(opslag, dossier):
        rijen.append([str(v.versie), _tijd(v.ontvangen.isoformat()) if v.ontvangen.year > 1 else "-", v.status,
                      {0: "klopt", -1: "niet gecontroleerd"}.get(v.controle_code, "klopt niet"),
                      "ja" if v.heeft_aanvraag else "nee"])
    delen.append(("Versies", [rijen]))
    from ..export.ontvangst import VELDEN, verslag
    verslagregels = [f"Gecontroleerd op {_tijd(controle.get('gecontroleerd'))} (versie {geldend['versie']})."]
    getekend = controle.get("handtekeningen", [])
    # De handtekeningen staan in hun eigen tabel; in het verslag niet nog eens.
    verslagregels += [r for r in (verslag(controle) if controle else ["Niet gecontroleerd."])
                      if not any(h.get("tekst") and h["tekst"] in r for h in getekend)]
    verslagregels = [r for i, r in enumerate(verslagregels)          # een kop zonder punten eronder valt weg
                     if not r.endswith(":") or verslagregels[i + 1:i + 2] and verslagregels[i + 1].startswith("  ")]
    handtekeningen = [["Handtekening van", "Uitslag"]] + [[VELDEN.get(h.get("veld"), h.get("veld", "-")),
                                                           h.get("tekst", "-")] for h in getekend]
    delen.append(("Controleverslag", verslagregels + ([handtekeningen] if len(handtekeningen) > 1 else
                                                      ["Geen digitale handtekeningvelden in de aanvraag."])))
    ingelezen = {x["jaar"]: x for x in lijsten.lijsten(opslag)}
    woorden = {"op_lijst": "op de lijst", "niet_op_lijst": "niet op de lijst", "geen_lijst": "geen lijst ingelezen"}
    lijst = [["Jaar", "Uitkomst", "Lijst ingelezen", "Nagegaan op"]]
    for x in controle.get("lijst", []):
        l_ = ingelezen.get(x.get("jaar"))
        lijst.append([str(x.get("jaar")), woorden.get(x.get("status"), "-"), _tijd(l_["ingelezen"]) if l_ else "-",
                      _tijd(controle.get("gecontroleerd"))])
    delen.append(("Doelgroepselectielijst", [lijst] if len(lijst) > 1 else ["Niet nagegaan."]))
    delen.append(("Besluit", _besluitdeel(opslag, dossier)))
    stukken = ontvangen.stukken(opslag, dossier, geldend["versie"])
    bijlagen = [Bijlage(BEREKENING, stukken[ontvangen.BEREKENING][1], "Source",
                        f"De ontvangen berekening (versie {geldend['versie']}, {stukken[ontvangen.BEREKENING][0]})")]
    if ontvangen.AANVRAAG in stukken:
        bijlagen.append(Bijlage(AANVRAAG, stukken[ontvangen.AANVRAAG][1], "Source",
                                f"De ontvangen aanvraag ({stukken[ontvangen.AANVRAAG][0]})"))
    brief = _beschikking(opslag, dossier)
    if brief is not None:
        bijlagen.append(Bijlage(BESCHIKKING, brief[1], "Supplement", f"De beschikking ({brief[0]})"))
    delen.append(("Bijlagen", ["De stukken zitten in dit PDF-bestand (in uw PDF-lezer onder Bijlagen of de "
                               "paperclip). Met de SHA-256 is na te gaan dat een stuk niet is veranderd."]
                  + [[["Bestand", "Wat"]] + [[b.naam, b.beschrijving] for b in bijlagen]]
                  + [f"SHA-256 van {b.naam}: {b.sha256}" for b in bijlagen]
                  + ([] if brief else ["Er is nog geen beschikking gemaakt."])))
    return f"Archief dossier {dossier} ({km})", delen, bijlagen


def archiveer(opslag, dossier: int, map_: Path) -> Path:
    """Schrijf het archief van een dossier in `map_` (avdesk-archief-KENMERK-JJJJ-MM-DD.pdf) en geef het pad."""
    from ..export.archief import maak
    from ..export.documenten import vrij_pad
    from ..store.sleutel import schrijf_atomair
    titel, delen, bijlagen = inhoud(opslag, dossier)
    pdf = maak(titel, delen, bijlagen)
    import re
    km = re.sub(r"[^A-Za-z0-9-]", "_", titel.rsplit("(", 1)[-1].rstrip(")"))[:60]
    try:
        Path(map_).mkdir(parents=True, exist_ok=True)
        pad = vrij_pad(Path(map_), f"avdesk-archief-{km}-{date.today().isoformat()}.pdf")
        schrijf_atomair(pad, pdf)
    except OSError as e:
        raise GemeenteFout([f"kan niet schrijven in {map_} (foutcode {e.errno})"], KOP) from None
    with opslag.transactie():
        opslag.audit("archief gemaakt", dossier)
    return pad
