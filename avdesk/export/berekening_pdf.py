"""berekening.pdf: per jaar en per periode de vergelijking met 'alleen bijstand', de toets aan het
bestaansminimum, de compensatie, terugvordering en stap 11, de kostensoorten, signalen, een grafiek en de
gebruikte parameters met hun bron. Bedoeld om in een keer na te rekenen door het team Inkomen."""

from __future__ import annotations

import re
from datetime import date
from io import BytesIO

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer

from ..core.berekening import Berekening, JaarBerekening, PeriodeBerekening, alle_stappen
from ..core.casus import Casus
from ..core.geld import NUL, datum, maand_label
from ..core.params import bronsleutels
from ..core.signalen import TITELS
from .opmaak import ACCENT, BREEDTE, LETTER, MARGE, Opmaak, canvasmaker, eu, kader, parameterwaarde, stijlen, tabel, veilig

NAMEN = {"huurtoeslag": "Huurtoeslag", "zorgtoeslag": "Zorgtoeslag", "kindgebonden_budget": "Kindgebonden budget",
         "kinderopvangtoeslag": "Kinderopvangtoeslag"}
MAANDEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def _periode_label(pb: PeriodeBerekening) -> str:
    return f"{maand_label(pb.van)} t/m {maand_label(pb.tot_en_met)} ({pb.maanden} {'maand' if pb.maanden == 1 else 'maanden'})"


def _periode(pb: PeriodeBerekening, s) -> list:
    rijen = [["Toeslag per maand", "Alleen bijstand", "Werkelijk", "Verschil"]]
    for t in pb.referentie:
        rijen.append([NAMEN.get(t, t), eu(pb.referentie[t]), eu(pb.werkelijk[t]), eu(pb.verschil[t])])
    rijen.append(["Totaal", "", "", eu(pb.verschil_totaal)])
    toeslagen = tabel(rijen, [BREEDTE * 0.34, BREEDTE * 0.22, BREEDTE * 0.22, BREEDTE * 0.22], rechts_vanaf=1,
                      totaalrij=True)
    afwijkend = [t for t in pb.berekend if pb.berekend[t] != pb.werkelijk[t]]
    uitleg = [f"Bij alleen bijstand is het toetsingsinkomen per partner {eu(pb.bruto_bijstand_per_partner)} per jaar"
              + (f" (kostendelersnorm, {pb.kostendelers} kostendeler{'s' if pb.kostendelers > 1 else ''})."
                 if pb.kostendelers else ".")]
    if afwijkend:
        uitleg.append("'Werkelijk' is het bedrag uit MijnToeslagen; avdesk berekent met het ingevulde inkomen "
                      + ", ".join(f"{NAMEN.get(t, t).lower()} {eu(pb.berekend[t])}" for t in afwijkend) + ".")
    if pb.bestaansminimum is None:
        bm_rijen = [["Bestaansminimum", "niet getoetst: netto-inkomen ontbreekt (signaal S3)"]]
    else:
        bm_rijen = [
            ["Bestaansminimum per maand", f"{eu(pb.bestaansminimum)} = netto bijstandsnorm {eu(pb.norm)} + "
                                          f"toeslagen bij alleen bijstand {eu(sum(pb.referentie.values(), NUL))}"],
            ["Huishoudinkomen per maand", f"{eu(pb.inkomen)} = netto-inkomen "
                                          f"{eu(pb.inkomen - sum(pb.werkelijk.values(), NUL))} + werkelijke toeslagen "
                                          f"{eu(sum(pb.werkelijk.values(), NUL))}"],
            ["Toets (stap 6)", "op of boven het bestaansminimum: geen compensatie" if pb.inkomen >= pb.bestaansminimum
             else (f"tekort tot het bestaansminimum {eu(pb.bestaansminimum - pb.inkomen)} is lager dan het verschil: "
                   f"de compensatie is begrensd" if pb.begrensd else "onder het bestaansminimum: het hele verschil")],
        ]
    delen = " + ".join(f"{NAMEN.get(t, t).lower()} {eu(v)}" for t, v in pb.compensatie.items() if v)
    bm_rijen += [
        ["Compensatie per maand", Opmaak(f"<b>{eu(pb.compensatie_totaal)}</b>" + (f" ({delen})" if delen else ""))],
        ["Compensatie over de periode", Opmaak(f"<b>{eu(pb.compensatie_periode)}</b> = {pb.maanden} x "
                                               f"{eu(pb.compensatie_totaal)}")],
    ]
    toets = tabel(bm_rijen, [BREEDTE * 0.30, BREEDTE * 0.70], kop=False)
    blok = [Paragraph(_periode_label(pb), s["kop2"]), toeslagen, Spacer(1, 3)]
    blok += [Paragraph(veilig(u), s["klein"]) for u in uitleg]
    blok += [toets]
    blok += [Paragraph(f"<b>{sg.code}</b> {TITELS[sg.code]}: {veilig(sg.tekst)}", s["signaal"]) for sg in pb.signalen]
    return [KeepTogether(blok), Spacer(1, 6)]


def maandgrafiek(jb: JaarBerekening) -> Drawing:
    """Staafdiagram: verschil in toeslagen en compensatie per maand over het jaar (0 in maanden zonder periode)."""
    verschil, compensatie = [0.0] * 12, [0.0] * 12
    for pb in jb.perioden:
        for m in range(pb.van.month, pb.tot_en_met.month + 1):
            verschil[m - 1] = float(pb.verschil_totaal)       # alleen voor de tekening; bedragen staan in de tabellen
            compensatie[m - 1] = float(pb.compensatie_totaal)
    d = Drawing(BREEDTE, 185, initialFontName=LETTER)      # anders begint de tekening met Helvetica (niet ingebed)
    d.add(String(0, 173, f"Verschil in toeslagen en compensatie per maand, {jb.jaar}", fontName=LETTER, fontSize=9,
                 fillColor=ACCENT))
    d.add(String(0, 158, "bedrag per maand", fontName=LETTER, fontSize=7))
    g = VerticalBarChart()
    g.x, g.y, g.width, g.height = 48, 30, BREEDTE - 170, 122
    g.data = [verschil, compensatie]
    g.categoryAxis.categoryNames = list(MAANDEN)
    g.categoryAxis.labels.fontName = LETTER
    g.categoryAxis.labels.fontSize = 7.5
    g.valueAxis.labels.fontName = LETTER
    g.valueAxis.labels.fontSize = 7.5
    g.valueAxis.valueMin = 0
    g.valueAxis.valueMax = max(max(verschil) * 1.15, 10.0)     # ook zonder verschil een leesbare as (0-10)
    g.valueAxis.labelTextFormat = lambda v: f"€ {v:.0f}"
    g.bars[0].fillColor = colors.HexColor("#9db8d9")
    g.bars[1].fillColor = ACCENT
    g.barSpacing = 1
    g.groupSpacing = 6
    d.add(g)
    d.add(String(g.x + g.width / 2 - 10, 2, "maand", fontName=LETTER, fontSize=7))
    legenda = Legend()
    legenda.alignment = "right"
    legenda.x, legenda.y = g.x + g.width + 14, 130
    legenda.fontName, legenda.fontSize = LETTER, 7.5
    legenda.colorNamePairs = [(g.bars[0].fillColor, "verschil in toeslagen"), (ACCENT, "compensatie")]
    legenda.dxTextSpace, legenda.columnMaximum = 4, 2
    d.add(legenda)
    return d


def _jaar(jb: JaarBerekening, c: Casus, s) -> list:
    uit = [Paragraph(f"Toeslagjaar {jb.jaar}", s["kop1"])]
    if jb.perioden:
        uit += [Paragraph("Per periode vergelijkt avdesk de toeslagen van dit huishouden met die van hetzelfde "
                          "huishouden als beide partners alleen bijstand zouden hebben (stap 5 en 6).", s["tekst"])]
        for pb in jb.perioden:
            uit += _periode(pb, s)
        uit += [maandgrafiek(jb), Spacer(1, 4)]
    rijen = [["Onderdeel", "Bedrag"], ["Tekort aan toeslagen (som van de perioden)", eu(jb.tekort)]]
    if jb.terugvordering_bedrag is not None:
        tv = next(j.terugvordering for j in c.jaren if j.jaar == jb.jaar)
        per_toeslag = "; ".join(f"{NAMEN[t].lower()}: voorschot {eu(tv.voorschot[t])}, definitief "
                                f"{eu(tv.definitief[t])}" for t in tv.voorschot)
        rijen.append([f"Terugvordering (stap 9){': ' + per_toeslag if per_toeslag else ''}", eu(jb.terugvordering_bedrag)])
        deel = tv.deel_alleenverdieners
        rijen.append(["Deel door de alleenverdienersproblematiek (stap 10): " + (
            "geheel" if deel == "geheel" else "geen (andere oorzaak)" if deel == "geen" else f"deels, {tv.motivering}"),
            eu(jb.terugvordering_alleenverdieners)])
        if tv.andere_oorzaken:
            rijen.append(["Andere oorzaken bekeken (stap 9): " + "; ".join(tv.andere_oorzaken), ""])
    rijen.append([Opmaak(f"<b>Compensatie {jb.jaar}</b>"), Opmaak(f"<b>{eu(jb.compensatie_jaar)}</b>")])
    rijen.append(["waarvan eenmalig (maanden voor de aanvraagmaand en afgelopen jaren)", eu(jb.eenmalig)])
    for p in jb.periodiek:
        rijen.append([f"periodiek per maand, {p['van']} t/m {p['tot_en_met']}", eu(p["per_maand"])])
    if jb.wtrap is None and jb.compensatie_jaar:
        rijen.append(["voor te hoge eigen huurkosten", eu(jb.compensatie_huurkosten)])
        rijen.append(["voor te hoge eigen zorgpremie", eu(jb.compensatie_zorgpremie)])
        if jb.compensatie_overig:
            rijen.append(["voor overige kosten (handmatige toeslagen, niet te verdelen terugvordering)",
                          eu(jb.compensatie_overig)])
    uit += [Paragraph(f"Uitkomst {jb.jaar}", s["kop2"]), tabel(rijen, [BREEDTE * 0.76, BREEDTE * 0.24], rechts_vanaf=1)]
    if jb.stap11:
        uit.append(Paragraph(veilig(jb.stap11.tekst), s["tekst"]))
    if w := jb.wtrap:
        uit.append(Paragraph(f"Wtrap {jb.jaar} (Participatiewet art. 78gg): het huishouden "
                             f"<b>{'voldoet' if w.voldoet else 'voldoet niet'}</b> aan de voorwaarden. Vaste "
                             f"tegemoetkoming {eu(w.tegemoetkoming)}; berekend tekort over het jaar {eu(w.tekort_jaar)}"
                             + (f"; voor het verschil ({eu(w.aanvullend_mogelijk)}) is aanvullende bijzondere bijstand "
                                f"mogelijk." if w.voldoet and w.aanvullend_mogelijk else "."), s["tekst"]))
        uit += [Paragraph(("☒ " if r.startswith("Voldoet:") else "☐ ") + veilig(r), s["signaal"]) for r in w.redenen]
        uit += _inkomenstoets(jb, s)
    for t in jb.toelichting:
        uit.append(Paragraph(veilig(t), s["tekst"]))
    if jb.signalen:
        uit.append(Paragraph("Signalen", s["kop2"]))
        uit += [Paragraph(f"<b>{sg.code}</b> {TITELS[sg.code]}: {veilig(sg.tekst)}", s["signaal"]) for sg in jb.signalen]
    return uit


def _inkomenstoets(jb: JaarBerekening, s) -> list:
    """Wtrap: totaalinkomen (netto + toeslagen) tegenover het huishouden met alleen bijstand, over het jaar."""
    if not jb.perioden:
        return []
    rijen = [["Periode", "Maanden", "Inkomen p/m", "Bij alleen bijstand p/m", "Inkomen", "Bij alleen bijstand"]]
    hi = bm = NUL
    volledig = True
    for pb in jb.perioden:
        if pb.inkomen is None:
            volledig = False
            rijen.append([_periode_label(pb), str(pb.maanden), "-", "-", "-", "-"])
            continue
        hi += pb.inkomen * pb.maanden
        bm += pb.bestaansminimum * pb.maanden
        rijen.append([f"{maand_label(pb.van)} t/m {maand_label(pb.tot_en_met)}", str(pb.maanden), eu(pb.inkomen),
                      eu(pb.bestaansminimum), eu(pb.inkomen * pb.maanden), eu(pb.bestaansminimum * pb.maanden)])
    rijen.append(["Totaal", "", "", "", eu(hi) if volledig else "-", eu(bm) if volledig else "-"])
    return [Paragraph("Inkomenstoets: netto-inkomen plus toeslagen tegenover het huishouden met alleen bijstand "
                      "(netto bijstandsnorm plus de toeslagen bij alleen bijstand).", s["tekst"]),
            tabel(rijen, [BREEDTE * 0.24, BREEDTE * 0.12] + [BREEDTE * 0.16] * 4, rechts_vanaf=1, totaalrij=True)]


def _parameters(b: Berekening, s) -> list:
    gebruikt = {}
    for jb in b.jaren:
        for st in alle_stappen(jb.perioden, jb.spoor):
            for p in st.parameters:
                gebruikt.setdefault((p.jaar, p.naam), p)
    rijen = [["Jaar", "Parameter", "Waarde", "Status", "Bron"]]
    for (_, _), p in sorted(gebruikt.items()):
        status = p.status if p.status == "bevestigd" else Opmaak(f"<b>{p.status}</b>")
        rijen.append([str(p.jaar), p.naam.replace("_", " ").replace(".", " · "), parameterwaarde(p.naam, p.waarde),
                      status, Paragraph(veilig(p.bron + (f" ({p.noot})" if p.noot and p.status != "bevestigd" else "")),
                                        s["cel_klein"])])
    sleutels = bronsleutels()
    genoemd = sorted({k for p in gebruikt.values() for k in re.findall(r"[A-Z][A-Z0-9_]+", p.bron) if k in sleutels},
                     key=lambda k: (not k.startswith("S"), int(k[1:]) if re.fullmatch(r"S\d+", k) else 0, k))
    bronnen = [["Sleutel", "Bron"]] + [[k, Paragraph(veilig(sleutels[k]), s["cel_klein"])] for k in genoemd]
    return [Paragraph("Gebruikte parameters", s["kop1"]),
            Paragraph("Alle bedragen en percentages die in deze berekening zijn gebruikt, met hun bron. Een waarde met "
                      "status <b>afgeleid</b> of <b>onzeker</b> is niet rechtstreeks uit een wettekst of publicatie van "
                      "Dienst Toeslagen gelezen (signaal S8).", s["tekst"]),
            tabel(rijen, [BREEDTE * 0.07, BREEDTE * 0.27, BREEDTE * 0.13, BREEDTE * 0.11, BREEDTE * 0.42], zebra=True),
            Paragraph("Bronnen", s["kop2"]),
            Paragraph("De sleutels in de kolom 'Bron' hierboven verwijzen naar:", s["tekst"]),
            tabel(bronnen, [BREEDTE * 0.2, BREEDTE * 0.8], zebra=True)]


def _spoor(b: Berekening, s) -> list:
    uit = [PageBreak(), Paragraph("Bijlage: rekenspoor", s["kop1"]),
           Paragraph("Per periode de rekenstappen van de toeslagen, zoals de rekentool van Dienst Toeslagen ze zet.",
                     s["tekst"])]
    for jb in b.jaren:
        for pb in jb.perioden:
            uit.append(Paragraph(veilig(f"{jb.jaar}: {_periode_label(pb)}"), s["kop2"]))
            rijen = [["Stap", "Bedrag", "Grondslag"]]
            for sleutel, u in pb.uitkomsten.items():
                scenario, toeslag = sleutel.split(".")
                rijen.append([Opmaak(f"<b>{NAMEN[toeslag]}, {'alleen bijstand' if scenario == 'referentie' else 'werkelijk inkomen'}"
                                     f"</b>"), Opmaak(f"<b>{eu(u.per_maand)}</b>"), ""])
                for st in u.spoor:
                    rijen.append([st.omschrijving, "" if st.bedrag is None else eu(st.bedrag),
                                  Paragraph(veilig(st.grondslag), s["cel_klein"])])
            uit.append(tabel(rijen, [BREEDTE * 0.58, BREEDTE * 0.14, BREEDTE * 0.28], rechts_vanaf=1))
    return uit


def berekening_pdf(c: Casus, b: Berekening, gemaakt: date | None = None, concept: list[str] | None = None) -> bytes:
    """De berekening; concept: wat er ontbreekt voor de aanvraag (dan 'concept' op elke pagina en bovenaan)."""
    from .bewijs import BEREKENING_BESTAND, CASUS_BESTAND, SLEUTELWOORD, gegevens, vingerafdruk
    s = stijlen()
    gemaakt = gemaakt or date.today()
    casus_json, berekening_json = gegevens(c, b, gemaakt)
    afdruk = vingerafdruk(casus_json, berekening_json)
    buf = BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=MARGE, rightMargin=MARGE, topMargin=MARGE,
                            bottomMargin=MARGE + 6, title="Berekening compensatie alleenverdienersproblematiek",
                            author=c.raadsman.organisatie or "avdesk", subject="Berekening bijzondere bijstand",
                            creator="avdesk", lang="nl-NL", keywords=[SLEUTELWOORD + afdruk])
    namen = f"{c.aanvrager.naam or 'aanvrager'} en {c.partner.naam or 'partner'}"
    kop = [
        Paragraph("Berekening compensatie alleenverdienersproblematiek", s["titel"]),
        tabel([["Aanvrager", f"{c.aanvrager.naam or '-'} (geboren {datum(c.aanvrager.geboortedatum)})"],
               ["Partner", f"{c.partner.naam or '-'} (geboren {datum(c.partner.geboortedatum)})"],
               ["Aanvraagdatum", datum(c.aanvraagdatum)],
               ["Beleidsprofiel", f"{b.profiel.naam}: {b.profiel.uitvoerder}"],
               ["Berekend op", datum(gemaakt)],
               ["Opgesteld door", ", ".join(x for x in (c.raadsman.naam, c.raadsman.organisatie) if x) or "-"]],
              [BREEDTE * 0.22, BREEDTE * 0.78], kop=False),
        Spacer(1, 6),
    ]
    if concept:
        kop.append(kader([Paragraph("<b>Concept: er is nog geen aanvraag gemaakt.</b> Dit ontbreekt nog:", s["tekst"])]
                         + [Paragraph("• " + veilig(x), s["signaal"]) for x in concept]))
    kop.append(Paragraph("Uitkomst in het kort", s["kop1"]))
    rijen = [["Jaar", "Tekort", "Terugvordering", "Compensatie", "Eenmalig", "Periodiek p/m"]]
    for jb in b.jaren:
        rijen.append([str(jb.jaar), eu(jb.tekort),
                      "-" if jb.terugvordering_alleenverdieners is None else eu(jb.terugvordering_alleenverdieners),
                      eu(jb.compensatie_jaar), eu(jb.eenmalig),
                      eu(jb.periodiek_per_maand) if jb.periodiek else "-"])
    rijen.append(["Totaal", "", "", eu(b.totaal_compensatie), eu(sum((j.eenmalig for j in b.jaren), NUL)), ""])
    kop.append(tabel(rijen, [BREEDTE * 0.1] + [BREEDTE * 0.18] * 5, rechts_vanaf=1, totaalrij=True))
    kop.append(Paragraph(f"Compensatie voor {veilig(namen)}: <b>{eu(b.totaal_compensatie)}</b> in totaal.", s["tekst"]))
    for o in b.opmerkingen:
        kop.append(Paragraph(f"Let op: {veilig(o)}", s["tekst"]))

    verhaal = list(kop)
    for jb in b.jaren:
        verhaal += _jaar(jb, c, s)
    huur = sum((j.compensatie_huurkosten for j in b.jaren), NUL)
    zorg = sum((j.compensatie_zorgpremie for j in b.jaren), NUL)
    if huur or zorg:
        verhaal += [Paragraph("Voor de beschikking", s["kop1"]), Paragraph(
            f"Ken de bijzondere bijstand toe voor te hoge eigen huurkosten ({eu(huur)}) en te hoge eigen zorgpremie "
            f"({eu(zorg)}). Die kosten zijn te hoog omdat het huishouden een deel van de huur- en zorgtoeslag "
            f"misloopt. Door de bijstand zo aan deze kosten te koppelen, is hij onbelast en telt hij niet mee voor het "
            f"toetsingsinkomen van de toeslagen (handreiking, paragraaf 'Formulering bij toekennen bijzondere bijstand').",
            s["tekst"])]
    verhaal += _parameters(b, s)
    verhaal += _spoor(b, s)
    bijlagen = ((CASUS_BESTAND, casus_json, "De casus (avdesk-casus/1) waarmee gerekend is"),
                (BEREKENING_BESTAND, berekening_json, "De berekening (avdesk-berekening/1), met peildatum"))
    doc.build(verhaal, canvasmaker=canvasmaker("Berekening alleenverdienersproblematiek", b.parameterversie,
                                                concept=bool(concept), vingerafdruk=afdruk, bijlagen=bijlagen))
    return buf.getvalue()
