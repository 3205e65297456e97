"""De delen van de berekening voor wie moet beslissen: 'Voor de beslisser' (pagina 1), het invoerblad per periode
(alles om de proefberekening van Dienst Toeslagen na te doen), wat een beschikking nodig heeft, de parameters in
gewone taal, en voetnoten waar avdesk bewust afwijkt van een rekenvoorbeeld uit de handreiking.

Alle gebruikerstekst en alle tekst uit de rekenkern gaat door veilig() of door tabel() (dat hem ook escapet)."""

from __future__ import annotations

import hashlib
import re
from datetime import date

from reportlab.platypus import KeepTogether, Paragraph, Spacer

from ..core.berekening import Berekening, alle_stappen
from ..core.casus import BESCHIKKINGSSOORTEN, INKOMENSSOORTEN, SERVICEKOSTEN, Casus
from ..core.casusmodel import TOESLAGNAMEN
from ..core.regime import WTRAP, beleidsregel
from ..core.geld import NUL, datum, periode_label
from ..core.parameternamen import bronsleutels_in, citaat, parameternaam, parameterwaarde, statustekst  # noqa: F401
from ..core.signalen import TITELS
from .opmaak import BREEDTE, Opmaak, eu, kader, tabel, veilig



def kenmerk(c: Casus, dossier_id: int | None = None) -> str:
    """Het kenmerk dat aanvraag en berekening aan elkaar koppelt: dossiernummer (als dat er is), aanvraagdatum en zes
    hexcijfers van de BSN's en geboortedata (zo verschillen twee cliënten op dezelfde dag, zonder het BSN te tonen)."""
    sleutel = "|".join(str(x) for x in (c.aanvrager.bsn, c.aanvrager.geboortedatum, c.partner.bsn,
                                        c.partner.geboortedatum, c.aanvraagdatum))
    kort = hashlib.sha256(sleutel.encode()).hexdigest()[:6].upper()
    dag = (c.aanvraagdatum or date.today()).strftime("%Y%m%d")
    return f"AV-{dossier_id}-{dag}-{kort}" if dossier_id is not None else f"AV-{dag}-{kort}"


def alle_signalen(b: Berekening) -> list[tuple[str, object]]:
    """(waarvoor, signaal) voor elk signaal van jaren en perioden, elk met dezelfde tekst maar een keer; waarvoor is
    het jaar ("2024") of de periode in woorden ("januari 2024 t/m juni 2024")."""
    gezien, uit = set(), []
    for jb in b.jaren:
        bij = [(str(jb.jaar), sg) for sg in jb.signalen]
        bij += [(periode_label(pb.van, pb.tot_en_met), sg) for pb in jb.perioden for sg in pb.signalen]
        for waarvoor, sg in bij:
            if (sg.code, sg.tekst) not in gezien:
                gezien.add((sg.code, sg.tekst))
                uit.append((waarvoor, sg))
    return uit


def grondslag(jb, b: Berekening, kort: bool = False) -> str:
    """De rechtsgrond van het jaar uit de rekenkern (core/regime): kort, of lang met de beleidsregel van het profiel."""
    return jb.regime.kort if kort else jb.regime.rechtsgrond(beleidsregel(b.profiel))


def _rekening(c: Casus) -> str:
    for p in (c.aanvrager, c.partner):
        if iban := p.extra.get("iban"):
            return f"{iban} ten name van {p.naam or '-'}"
    return "nog niet opgegeven"


def voor_de_beslisser(c: Casus, b: Berekening, s, kenmerk_: str) -> list:
    uit = [Paragraph("Voor de beslisser", s["kop1"])]
    signalen = alle_signalen(b)
    blokkerend = [(j, sg) for j, sg in signalen if sg.blokkerend]
    open_ = [(j, sg) for j, sg in signalen if not sg.blokkerend]
    if blokkerend:
        uit.append(kader([Paragraph("<b>Nog niet toekennen.</b> Los eerst op:", s["tekst"])]
                         + [Paragraph(f"<b>{sg.code} ({j})</b> {TITELS[sg.code]}: {veilig(sg.tekst)}", s["signaal"])
                            for j, sg in blokkerend]))
        uit.append(Spacer(1, 4))
    for jb in b.jaren:
        perioden = [(pb.van, pb.tot_en_met) for pb in jb.perioden]
        periode = periode_label(perioden[0][0], perioden[-1][1]) if perioden else periode_label(date(jb.jaar, 1, 1), date(jb.jaar, 12, 1))
        rijen = [[f"{jb.jaar}", ""],
                 ["Grondslag", grondslag(jb, b, kort=True)],
                 ["Periode", periode + ("" if perioden else " (terugvordering over het toeslagjaar)")],
                 ["Compensatie", Opmaak(f"<b>{eu(jb.compensatie_jaar)}</b>" + (
                     f" (huurkosten {eu(jb.compensatie_huurkosten)}, zorgpremie {eu(jb.compensatie_zorgpremie)}"
                     + (f", overig {eu(jb.compensatie_overig)}" if jb.compensatie_overig else "") + ")"
                     if jb.wtrap is None and jb.compensatie_jaar else ""))],
                 ["Eenmalig", eu(jb.eenmalig)]]
        if jb.periodiek:
            rijen.append(["Periodiek", "; ".join(f"{eu(p.per_maand)} per maand van {periode_label(p.van, p.tot_en_met)}"
                                                 for p in jb.periodiek)])
        uit.append(KeepTogether([tabel(rijen, [BREEDTE * 0.2, BREEDTE * 0.8]), Spacer(1, 4)]))
    uit.append(tabel([["Uitbetalen op", _rekening(c)], ["Totaal", Opmaak(f"<b>{eu(b.totaal_compensatie)}</b>")],
                      ["Kenmerk", kenmerk_]], [BREEDTE * 0.2, BREEDTE * 0.8], kop=False))
    if blokkerend:
        advies = ("<b>Advies: nog niet toekennen</b>: " + veilig("; ".join(
            f"{sg.code} {j}: {TITELS[sg.code].lower()}" for j, sg in blokkerend))
            + ". Los dit op (of corrigeer de gegevens) en laat avdesk opnieuw rekenen.")
    elif b.totaal_compensatie > 0:
        wtrap = all(jb.wtrap is not None for jb in b.jaren)
        advies = (f"<b>Advies: toekennen</b>, {eu(b.totaal_compensatie)} in totaal, " + (
            f"als {WTRAP.naam} ({WTRAP.kort})." if wtrap else
            "als bijzondere bijstand voor te hoge eigen huurkosten en zorgpremie (zie 'Voor de beschikking')."))
    else:
        advies = "<b>Advies: geen compensatie</b> volgens deze berekening."
    uit.append(Paragraph(advies, s["tekst"]))
    if open_:
        uit.append(Paragraph("Open punten (blokkeren niet)", s["kop2"]))
        uit += [Paragraph(f"<b>{sg.code} ({j})</b> {TITELS[sg.code]}: {veilig(sg.tekst)}", s["signaal"])
                for j, sg in open_]
    return uit


def voor_de_beschikking(c: Casus, b: Berekening, s, kenmerk_: str) -> list:
    r = c.raadsman
    aan = c.aanvraag.gemeente or b.profiel.uitvoerder
    uit = [Paragraph("Voor de beschikking", s["kop1"])]
    rijen = [["Gemeente", aan], ["Kenmerk", kenmerk_ + " (ook op de aanvraag)"],
             ["Aanvrager", f"{c.aanvrager.naam or '-'}, BSN {c.aanvrager.bsn or 'niet opgegeven'}"],
             ["Partner", f"{c.partner.naam or '-'}, BSN {c.partner.bsn or 'niet opgegeven'}"],
             ["Voorbereid door", ", ".join(x for x in (r.naam, r.organisatie) if x) or "-"],
             ["Contact", ", ".join(x for x in (r.adres, r.telefoon, r.email) if x) or "-"]]
    for jb in b.jaren:
        rijen.append([f"Grondslag {jb.jaar}", grondslag(jb, b)])
    uit.append(tabel(rijen, [BREEDTE * 0.22, BREEDTE * 0.78], kop=False))
    huur = sum((j.compensatie_huurkosten for j in b.jaren), NUL)
    zorg = sum((j.compensatie_zorgpremie for j in b.jaren), NUL)
    if huur or zorg:
        uit.append(Paragraph(
            f"Formulering: bijzondere bijstand voor te hoge eigen huurkosten ({eu(huur)}) en te hoge eigen zorgpremie "
            f"({eu(zorg)}). Die kosten zijn te hoog omdat het huishouden een deel van de huur- en zorgtoeslag "
            f"misloopt. Door de bijstand zo aan deze kosten te koppelen, is hij onbelast en telt hij niet mee voor het "
            f"toetsingsinkomen van de toeslagen (handreiking, paragraaf 'Formulering bij toekennen bijzondere bijstand').",
            s["tekst"]))
    for jb in b.jaren:
        cj = next(j for j in c.jaren if j.jaar == jb.jaar)
        if (tv := cj.terugvordering) is None:
            continue
        deel = tv.deel_alleenverdieners
        zin = (f"Terugvordering {jb.jaar} (stap 9 en 10): Dienst Toeslagen vordert {eu(jb.terugvordering_bedrag)} terug"
               + (" (" + "; ".join(f"{TOESLAGNAMEN[t].lower()}: voorschot {eu(tv.voorschot[t])}, definitief "
                                   f"{eu(tv.definitief[t])}" for t in tv.voorschot) + ")" if tv.voorschot else "")
               + (f", definitieve beschikking van {datum(tv.datum_definitieve_beschikking)}"
                  if tv.datum_definitieve_beschikking else "") + ". "
               + ("Andere oorzaken bekeken: " + "; ".join(tv.andere_oorzaken) + ". " if tv.andere_oorzaken else
                  "Geen andere oorzaak gevonden (inkomen, huishouden en huur zijn dezelfde als in de berekening). ")
               + ("De hele terugvordering komt door de alleenverdienersproblematiek." if deel == "geheel" else
                  "De terugvordering heeft een andere oorzaak: geen vergoeding." if deel == "geen" else
                  f"Een deel ({eu(jb.terugvordering_alleenverdieners)}) komt door de alleenverdienersproblematiek: "
                  f"{tv.motivering}"))
        uit.append(Paragraph(veilig(zin), s["tekst"]))
    return uit


def _inkomen_tekst(bronnen) -> str:
    return "; ".join(f"{INKOMENSSOORTEN.get(x.soort, x.soort)}"
                     + (f" ({x.omschrijving})" if x.omschrijving else "") + f" {eu(x.bruto_per_jaar)} bruto per jaar"
                     for x in bronnen) or "geen inkomen"


def invoerblad(c: Casus, b: Berekening, s) -> list:
    """Alles wat is ingevuld, per jaar en periode: daarmee is de proefberekening van Dienst Toeslagen na te doen."""
    from ..core.doelgroep import vermogensgrens as _vermogensgrens    # dezelfde grens als de doelgroeptoets
    from ..core.params import laad_jaar
    uit = [Paragraph("Invoer: wat is ingevuld", s["kop1"]),
           Paragraph("Met deze gegevens is de proefberekening van Dienst Toeslagen per periode na te doen.", s["tekst"])]
    for cj in sorted(c.jaren, key=lambda j: j.jaar):
        uit.append(Paragraph(f"Toeslagjaar {cj.jaar}", s["kop2"]))
        try:
            grens = _vermogensgrens(b.profiel, laad_jaar(cj.jaar))
            grens_tekst = f"grens {eu(grens.waarde)} ({b.profiel.vermogensgrens}, volgens {b.profiel.naam})"
        except Exception:       # noqa: BLE001 (de grens is informatie; de berekening staat al)
            grens_tekst = "grens onbekend"
        rijen = [["Vermogen op 1 januari " + str(cj.jaar),
                  ("niet ingevuld" if cj.vermogen is None else eu(cj.vermogen)) + "; " + grens_tekst],
                 ["MijnToeslagen", "definitieve beschikking van " + datum(cj.datum_definitieve_beschikking)
                  if cj.datum_definitieve_beschikking else
                  "bedragen uit MijnToeslagen (voorschot of laatst bekende beschikking; datum niet ingevuld)"]]
        uit.append(tabel(rijen, [BREEDTE * 0.28, BREEDTE * 0.72], kop=False))
        for per in cj.perioden:
            huishouden = [f"{c.aanvrager.naam or 'aanvrager'} (geboren {datum(c.aanvrager.geboortedatum)}), "
                          f"{c.partner.naam or 'partner'} (geboren {datum(c.partner.geboortedatum)})"]
            huishouden += [f"{m.naam or 'medebewoner'} (geboren {datum(m.geboortedatum)}"
                           + (", kind" if m.kind else "") + f", toetsingsinkomen {eu(m.toetsingsinkomen)})"
                           for m in per.medebewoners]
            rij = [["Huishouden", "; ".join(huishouden)],
                   [f"Toetsingsinkomen {c.aanvrager.naam or 'aanvrager'}", eu(per.toetsingsinkomen_aanvrager)],
                   [f"Toetsingsinkomen {c.partner.naam or 'partner'}", eu(per.toetsingsinkomen_partner)]]
            if per.inkomen:
                for wie, p in (("aanvrager", c.aanvrager), ("partner", c.partner)):
                    if wie in per.inkomen:
                        rij.append([f"Inkomen {p.naam or wie}", _inkomen_tekst(per.inkomen[wie])])
            rij.append(["Netto-inkomen per maand", "niet ingevuld" if per.netto_inkomen_per_maand is None
                        else eu(per.netto_inkomen_per_maand)])
            if per.referentie_netto_inkomen_per_maand is not None:
                rij.append(["Netto bij alleen bijstand", f"{eu(per.referentie_netto_inkomen_per_maand)} "
                                                         f"(bron: {per.referentie_netto_inkomen_bron})"])
            if per.huur:
                sk = ", ".join(f"{k} {eu(per.huur.servicekosten[k])}" for k in SERVICEKOSTEN
                               if per.huur.servicekosten.get(k))
                rij.append(["Huur per maand", f"kale huur {eu(per.huur.kale_huur)}; servicekosten: {sk or 'geen'}"
                                              + ("; aangepaste woning" if per.aangepaste_woning else "")])
            else:
                rij.append(["Huur per maand", "geen huur ingevuld"])
            if not per.partner_verzekerd_zvw:
                rij.append(["Zorgverzekering", "partner niet verzekerd voor de Zvw (zorgtoeslag gehalveerd)"])
            herkomst = ""
            if per.ontvangen and (per.ontvangen_soort or per.ontvangen_datum):
                herkomst = (f" (uit de {BESCHIKKINGSSOORTEN.get(per.ontvangen_soort, 'beschikking')}"
                            + (f" van {datum(per.ontvangen_datum)}" if per.ontvangen_datum else "") + ")")
            rij.append(["Ontvangen (MijnToeslagen)", ", ".join(f"{TOESLAGNAMEN[t].lower()} {eu(v)} per maand"
                                                              for t, v in per.ontvangen.items()) + herkomst
                        or "niet ingevuld: avdesk rekent met de berekende bedragen"])
            for h in per.handmatig:
                rij.append([f"{TOESLAGNAMEN[h.toeslag]} (handmatig)",
                            f"werkelijk {eu(h.werkelijk)}, bij alleen bijstand {eu(h.referentie)}: {h.motivering}"])
            if per.referentie_bruto_bijstand_per_partner is not None:
                rij.append(["Bruto bijstand per partner (handmatig)",
                            f"{eu(per.referentie_bruto_bijstand_per_partner)}: {per.referentie_motivering}"])
            uit.append(KeepTogether([Paragraph(veilig(periode_label(per.van, per.tot_en_met)), s["cel_vet"]),
                                     tabel(rij, [BREEDTE * 0.28, BREEDTE * 0.72], kop=False), Spacer(1, 5)]))
    return uit


def voetnoten(b: Berekening, s) -> list:
    """Waar avdesk bewust anders rekent dan een gedrukt rekenvoorbeeld van de handreiking (VOORBEELDEN.md)."""
    noten = []
    for jb in b.jaren:
        for pb in jb.perioden:
            zt_r, zt_w = pb.referentie.get("zorgtoeslag"), pb.werkelijk.get("zorgtoeslag")
            if jb.jaar == 2024 and pb.kostendelers and zt_w == 233:
                noten.append("De handreiking noemt in het voorbeeld met de kostendelersnorm (L2) een zorgtoeslag van "
                             "€ 236. Bij een gezamenlijk toetsingsinkomen van € 27.000 geeft de wet € 233: een "
                             "inwonende grootouder telt niet mee voor de zorgtoeslag. avdesk rekent met € 233; het "
                             "verschil in zorgtoeslag is daarom € 3 per maand en niet € 0.")
            if jb.jaar == 2024 and zt_r == 236 and zt_w == 222:
                noten.append("De handreiking ('Inwonende kinderen met inkomen') noemt een verschil in zorgtoeslag van "
                             "€ 4; € 236 min € 222 is € 14. avdesk rekent met € 14.")
    noten = list(dict.fromkeys(noten))
    if not noten:
        return []
    return [Paragraph("Afwijkingen van de rekenvoorbeelden in de handreiking", s["kop2"])] + [
        Paragraph(f"<super>{i}</super> {veilig(n)}", s["klein"]) for i, n in enumerate(noten, 1)]


# ---------------------------------------------------------------- parameters in gewone taal

def _geldig_vanaf(p) -> str:
    return f"1 juli {p.jaar}" if re.search(r"(_h2|juli)", p.naam, re.I) else f"1 januari {p.jaar}"


def _waardecel(tekst: str, s, breedte: float) -> Paragraph:
    """Een waarde op een regel: een lange (factor a, 0,000000596879) krijgt een kleinere letter in plaats van af te
    breken midden in het getal."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    basis = s["cel"]
    ruimte = breedte - 8.5                                    # de linker- en rechterpadding van de tabel
    grootte = min(basis.fontSize, basis.fontSize * ruimte / max(stringWidth(tekst, basis.fontName, basis.fontSize), 1))
    stijl = ParagraphStyle("waarde", parent=basis, fontSize=grootte, leading=max(grootte + 2, basis.leading * 0.8))
    return Paragraph(veilig(tekst), stijl)


def gebruikte_parameters(b: Berekening) -> dict:
    """(jaar, naam) -> Parameter: wat het rekenspoor noemt en wat de berekening verder las."""
    gebruikt = {}
    for jb in b.jaren:
        for st in alle_stappen(jb.perioden, jb.spoor):
            for p in st.parameters:
                gebruikt.setdefault((p.jaar, p.naam), p)
        if jb.parameters is not None and hasattr(jb.parameters, "gebruikt"):
            for p in jb.parameters.gebruikt():
                gebruikt.setdefault((p.jaar, p.naam), p)
    return gebruikt


def parameters(b: Berekening, s) -> list:
    from ..core.params import bronsleutels, bronsoorten
    gebruikt = gebruikte_parameters(b)
    sleutels, soorten = bronsleutels(), bronsoorten()
    breedtes = [BREEDTE * 0.26, BREEDTE * 0.14, BREEDTE * 0.11, BREEDTE * 0.17, BREEDTE * 0.32]
    rijen = [["Parameter", "Waarde", "Geldt vanaf", "Status", "Bron"]]
    for _, p in sorted(gebruikt.items()):
        status = statustekst(p, sleutels, soorten)
        rijen.append([parameternaam(p.naam), _waardecel(parameterwaarde(p.naam, p.waarde), s, breedtes[1]),
                      _geldig_vanaf(p),
                      Paragraph(veilig(status) if p.status == "bevestigd" else f"<b>{veilig(status)}</b>",
                                s["cel_klein"]),
                      Paragraph(veilig(citaat(p.bron + (f" ({p.noot})" if p.noot and p.status != "bevestigd" else ""),
                                              sleutels)), s["cel_klein"])])
    genoemd = sorted({k for p in gebruikt.values() for k in bronsleutels_in(p.bron + " " + (p.bevestigd_door or ""),
                                                                              sleutels)},
                     key=lambda k: (not re.fullmatch(r"B\d+", k), int(k[1:]) if re.fullmatch(r"B\d+", k) else 0, k))
    bronnen = [["Bron", "Wat er is gelezen"]] + [
        [f"[bron {k[1:]}]" if re.fullmatch(r"B\d+", k) else k, Paragraph(veilig(sleutels[k]), s["cel_klein"])]
        for k in genoemd]
    sets = [["Toeslagjaar", "Hash van de waarden", "Parameterbestand"]] + [
        [str(jb.jaar), jb.parameters.hash,
         Paragraph(veilig(jb.parameters.herkomst + (" (niet meegeleverd met avdesk: eigen installatie)"
                                                     if jb.parameters.eigen else "")), s["cel_klein"])]
        for jb in b.jaren if jb.parameters is not None]
    return [Paragraph("Gebruikte parameters", s["kop1"]),
            Paragraph("Alle bedragen en percentages die in deze berekening zijn gebruikt, met hun bron. Een waarde die "
                      "niet <b>bevestigd</b> is, is niet rechtstreeks uit een wettekst of publicatie van Dienst "
                      "Toeslagen gelezen (signaal S8). Bij 'bevestigd' staat wat de waarde bevestigt.", s["tekst"]),
            tabel(sets, [BREEDTE * 0.14, BREEDTE * 0.2, BREEDTE * 0.66], zebra=True), Spacer(1, 4),
            tabel(rijen, breedtes, zebra=True),
            Paragraph("Bronnen", s["kop2"]),
            Paragraph("De verwijzingen [bron n] en de namen in de kolom 'Bron' hierboven:", s["tekst"]),
            tabel(bronnen, [BREEDTE * 0.2, BREEDTE * 0.8], zebra=True)]
