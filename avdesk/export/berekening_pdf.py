"""berekening.pdf: per jaar en per periode de vergelijking met 'alleen bijstand', de toets aan het
bestaansminimum, de compensatie, terugvordering en stap 11, de kostensoorten, signalen, een grafiek en de
gebruikte parameters met hun bron. Bedoeld om in een keer na te rekenen door het team Inkomen."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer

from ..core.berekening import Berekening, JaarBerekening, PeriodeBerekening
from ..core.casus import Casus
from ..core.casusmodel import TOESLAGNAMEN
from ..core.geld import NUL, datum, periode_label
from ..core.spoor import zoek
from ..core.spoorsleutels import STAP11
from ..core.wtrap import WTRAP_UITKOMST, vinkje
from .spoorbijlage import som_uit_spoor, spoorbijlage
from .opmaak import ACCENT, BREEDTE, LETTER, MARGE, Opmaak, canvasmaker, eu, kader, stijlen, tabel, veilig

MAANDEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def _periode_label(pb: PeriodeBerekening) -> str:
    return f"{periode_label(pb.van, pb.tot_en_met)} ({pb.maanden} {'maand' if pb.maanden == 1 else 'maanden'})"


def _codes(signalen) -> str:
    """Een verwijzing naar signalen; hun tekst staat een keer, op de eerste pagina."""
    codes = list(dict.fromkeys(sg.code for sg in signalen))
    return ("Signalen: " + ", ".join(codes) + " (de tekst staat onder 'Voor de beslisser').") if codes else ""


def _periode(pb: PeriodeBerekening, s) -> list:
    rijen = [["Toeslag per maand", "Alleen bijstand", "Werkelijk", "Verschil"]]
    for t in pb.referentie:
        rijen.append([TOESLAGNAMEN.get(t, t), eu(pb.referentie[t]), eu(pb.werkelijk[t]), eu(pb.verschil[t])])
    rijen.append(["Totaal", "", "", eu(pb.verschil_totaal)])
    toeslagen = tabel(rijen, [BREEDTE * 0.34, BREEDTE * 0.22, BREEDTE * 0.22, BREEDTE * 0.22], rechts_vanaf=1,
                      totaalrij=True)
    afwijkend = [t for t in pb.berekend if pb.berekend[t] != pb.werkelijk[t]]
    uitleg = [f"Bij alleen bijstand is het toetsingsinkomen per partner {eu(pb.bruto_bijstand_per_partner)} per jaar"
              + (f" (kostendelersnorm, {pb.kostendelers} kostendeler{'s' if pb.kostendelers > 1 else ''})."
                 if pb.kostendelers else ".")]
    if afwijkend:
        uitleg.append("'Werkelijk' is het bedrag uit MijnToeslagen; avdesk berekent met het ingevulde inkomen "
                      + ", ".join(f"{TOESLAGNAMEN.get(t, t).lower()} {eu(pb.berekend[t])}" for t in afwijkend) + ".")
    # De regels in de woorden van het rekenspoor (issue 23): de stap noemt wat erin ging, dit blad telt het op.
    bm_rijen = [["Bestaansminimum per maand", som_uit_spoor(zoek(pb.spoor, "bestaansminimum.norm"))]]
    if (hi := zoek(pb.spoor, "periode.huishoudinkomen")) is not None:
        bm_rijen.append(["Huishoudinkomen per maand", som_uit_spoor(hi)])
    bm_rijen.append(["Toets (stap 6)", pb.toets_zin])
    delen = " + ".join(f"{TOESLAGNAMEN.get(t, t).lower()} {eu(v)}" for t, v in pb.compensatie.items() if v)
    bm_rijen += [
        ["Compensatie per maand", Opmaak(f"<b>{eu(pb.compensatie_totaal)}</b>" + (f" ({delen})" if delen else ""))],
        ["Compensatie over de periode", Opmaak(f"<b>{eu(pb.compensatie_periode)}</b> = {pb.maanden} x "
                                               f"{eu(pb.compensatie_totaal)}")],
    ]
    toets = tabel(bm_rijen, [BREEDTE * 0.30, BREEDTE * 0.70], kop=False)
    blok = [Paragraph(veilig(_periode_label(pb)), s["kop2"]), toeslagen, Spacer(1, 3)]
    blok += [Paragraph(veilig(u), s["klein"]) for u in uitleg]
    blok += [toets]
    if pb.signalen:
        blok.append(Paragraph(_codes(pb.signalen), s["klein"]))
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
        per_toeslag = "; ".join(f"{TOESLAGNAMEN[t].lower()}: voorschot {eu(tv.voorschot[t])}, definitief "
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
        rijen.append([f"periodiek per maand, {periode_label(p.van, p.tot_en_met)}", eu(p.per_maand)])
    if jb.wtrap is None and jb.compensatie_jaar:
        rijen.append(["voor te hoge eigen huurkosten", eu(jb.compensatie_huurkosten)])
        rijen.append(["voor te hoge eigen zorgpremie", eu(jb.compensatie_zorgpremie)])
        if jb.compensatie_overig:
            rijen.append(["voor overige kosten (handmatige toeslagen, niet te verdelen terugvordering)",
                          eu(jb.compensatie_overig)])
    uit += [Paragraph(f"Uitkomst {jb.jaar}", s["kop2"]), tabel(rijen, [BREEDTE * 0.76, BREEDTE * 0.24], rechts_vanaf=1)]
    if st := jb.stap11:
        uit.append(Paragraph("Stap 11: terugvordering en tekort in hetzelfde jaar", s["kop2"]))
        een, twee, laagste = (stap for k in STAP11 if (stap := zoek(jb.spoor, k)) is not None)
        uit.append(tabel([["Onderdeel", "Bedrag"],
                          [een.label, eu(een.bedrag)],
                          [twee.label, "niet berekend" if twee.bedrag is None else eu(twee.bedrag)],
                          [Opmaak(f"<b>{veilig(laagste.label)}</b>"), Opmaak(f"<b>{eu(laagste.bedrag)}</b>")],
                          ["terugvordering door de alleenverdienersproblematiek", eu(st.terugvordering)],
                          ["deel van het laagste bedrag boven de terugvordering", eu(st.extra)]],
                         [BREEDTE * 0.76, BREEDTE * 0.24], rechts_vanaf=1))
        uit.append(Paragraph(veilig(st.tekst), s["tekst"]))
    if jb.terugvordering_alleenverdieners and jb.wtrap is None:
        gat_huur = sum((pb.verschil.get("huurtoeslag", NUL) * pb.maanden for pb in jb.perioden), NUL)
        if jb.perioden and jb.compensatie_huurkosten > gat_huur:
            uit.append(Paragraph(veilig(
                f"Het deel voor huurkosten ({eu(jb.compensatie_huurkosten)}) is hoger dan het verschil in huurtoeslag "
                f"over de perioden ({eu(gat_huur)}): de vergoede terugvordering is over huur- en zorgkosten verdeeld "
                f"zoals Dienst Toeslagen hem per toeslag terugvordert, niet naar het verschil per maand."), s["klein"]))
    if w := jb.wtrap:
        uit.append(Paragraph(f"Wtrap {jb.jaar} ({jb.regime.kort}): het huishouden "
                             f"<b>{WTRAP_UITKOMST[w.voldoet]}</b>. Vaste "
                             f"tegemoetkoming {eu(w.tegemoetkoming)}; berekend tekort over het jaar {eu(w.tekort_jaar)}"
                             + (f"; voor het verschil ({eu(w.aanvullend_mogelijk)}) is aanvullende bijzondere bijstand "
                                f"mogelijk." if w.voldoet and w.aanvullend_mogelijk else "."), s["tekst"]))
        uit += [Paragraph(" ".join((teken, veilig(tekst))), s["signaal"]) for teken, tekst in map(vinkje, w.redenen)]
        if w.open_vragen:
            uit.append(Paragraph("Nog te beantwoorden voor de Wtrap-toets:", s["tekst"]))
            uit += [Paragraph("? " + veilig(v), s["signaal"]) for v in w.open_vragen]
        uit += _inkomenstoets(jb, s)
    for t in jb.toelichting:
        uit.append(Paragraph(veilig(t), s["tekst"]))
    if jb.signalen:
        uit.append(Paragraph(_codes(jb.signalen), s["klein"]))
    return uit


def _inkomenstoets(jb: JaarBerekening, s) -> list:
    """Wtrap: totaalinkomen (netto + toeslagen) tegenover het huishouden met alleen bijstand, over het jaar."""
    if not jb.perioden:
        return []
    rijen = [["Periode", "Maanden", "Inkomen p/m", "Bij alleen bijstand p/m", "Inkomen", "Bij alleen bijstand"]]
    hi = bm = NUL
    volledig = True
    for pb in jb.perioden:
        if pb.inkomen_toets is None:
            volledig = False
            rijen.append([_periode_label(pb), str(pb.maanden), "-", "-", "-", "-"])
            continue
        hi += pb.inkomen_toets * pb.maanden
        bm += pb.bestaansminimum * pb.maanden
        rijen.append([periode_label(pb.van, pb.tot_en_met), str(pb.maanden), eu(pb.inkomen_toets),
                      eu(pb.bestaansminimum), eu(pb.inkomen_toets * pb.maanden), eu(pb.bestaansminimum * pb.maanden)])
    rijen.append(["Totaal", "", "", "", eu(hi) if volledig else "-", eu(bm) if volledig else "-"])
    bm = zoek(jb.perioden[0].spoor, "bestaansminimum.norm")
    return [Paragraph(veilig("Inkomenstoets: netto-inkomen plus toeslagen tegenover het huishouden met alleen bijstand, "
                             f"per periode ({bm.omschrijving[0].lower() + bm.omschrijving[1:]})."), s["tekst"]),
            tabel(rijen, [BREEDTE * 0.24, BREEDTE * 0.12] + [BREEDTE * 0.16] * 4, rechts_vanaf=1, totaalrij=True)]


def berekening_pdf(c: Casus, b: Berekening, gemaakt: date | None = None, concept: list[str] | None = None,
                   dossier_id: int | None = None) -> bytes:
    """De berekening; concept: wat er ontbreekt voor de aanvraag (dan 'concept' op elke pagina en bovenaan)."""
    from .beslisser import invoerblad, kenmerk, parameters, voetnoten, voor_de_beschikking, voor_de_beslisser
    from .bewijs import BEREKENING_BESTAND, CASUS_BESTAND, SLEUTELWOORD, gegevens, vingerafdruk
    from .pdflezen import KENMERK_WOORD
    s = stijlen()
    gemaakt = gemaakt or date.today()
    casus_json, berekening_json = gegevens(c, b, gemaakt)
    afdruk = vingerafdruk(casus_json, berekening_json)
    km = kenmerk(c, dossier_id)
    buf = BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=MARGE, rightMargin=MARGE, topMargin=MARGE,
                            bottomMargin=MARGE + 6, title="Berekening compensatie alleenverdienersproblematiek",
                            author=c.raadsman.organisatie or "avdesk", subject="Berekening bijzondere bijstand",
                            creator="avdesk", lang="nl-NL",
                            keywords=[SLEUTELWOORD + afdruk, KENMERK_WOORD + km])
    if b.jaren and all(jb.wtrap is not None for jb in b.jaren):
        doc.subject = "Berekening tegemoetkoming (Wtrap)"       # geen 'bijzondere bijstand' (issue 20)
    r = c.raadsman
    kop = [
        Paragraph("Berekening compensatie alleenverdienersproblematiek", s["titel"]),
        tabel([["Aanvrager", f"{c.aanvrager.naam or '-'} (geboren {datum(c.aanvrager.geboortedatum)}), BSN "
                             f"{c.aanvrager.bsn or 'niet opgegeven'}"],
               ["Partner", f"{c.partner.naam or '-'} (geboren {datum(c.partner.geboortedatum)})"
                           + (f", BSN {c.partner.bsn}" if c.partner.bsn else "")],
               ["Gemeente", c.aanvraag.gemeente or b.profiel.uitvoerder],
               ["Aanvraagdatum", datum(c.aanvraagdatum)],
               ["Kenmerk", km + " (staat ook op de aanvraag)"],
               ["Beleidsprofiel", f"{b.profiel.naam}: {b.profiel.uitvoerder}"],
               ["Berekend op", datum(gemaakt) + " (peildatum voor de bezwaartermijn)"],
               ["Opgesteld door", ", ".join(x for x in (r.naam, r.organisatie, r.adres, r.telefoon, r.email) if x)
                or "-"]],
              [BREEDTE * 0.22, BREEDTE * 0.78], kop=False),
        Spacer(1, 6),
    ]
    if concept:
        kop.append(kader([Paragraph("<b>Concept: er is nog geen aanvraag gemaakt.</b> Dit ontbreekt nog:", s["tekst"])]
                         + [Paragraph("• " + veilig(x), s["signaal"]) for x in concept]))
    verhaal = kop + voor_de_beslisser(c, b, s, km)
    verhaal.append(Paragraph("Uitkomst in het kort", s["kop1"]))
    rijen = [["Jaar", "Tekort", "Terugvordering", "Compensatie", "Eenmalig", "Periodiek"]]
    for jb in b.jaren:
        rijen.append([str(jb.jaar), eu(jb.tekort),
                      "-" if jb.terugvordering_alleenverdieners is None else eu(jb.terugvordering_alleenverdieners),
                      eu(jb.compensatie_jaar), eu(jb.eenmalig),
                      "\n".join(f"{eu(p.per_maand)} p/m {periode_label(p.van, p.tot_en_met)}"
                                for p in jb.periodiek) or "-"])
    rijen.append(["Totaal", "", "", eu(b.totaal_compensatie), eu(sum((j.eenmalig for j in b.jaren), NUL)), ""])
    verhaal.append(tabel(rijen, [BREEDTE * 0.09, BREEDTE * 0.13, BREEDTE * 0.17, BREEDTE * 0.16, BREEDTE * 0.13,
                                 BREEDTE * 0.32], rechts_vanaf=1, totaalrij=True))
    namen = f"{c.aanvrager.naam or 'aanvrager'} en {c.partner.naam or 'partner'}"
    verhaal.append(Paragraph(f"Compensatie voor {veilig(namen)}: <b>{eu(b.totaal_compensatie)}</b> in totaal.",
                             s["tekst"]))
    for o in b.opmerkingen:
        verhaal.append(Paragraph(f"Let op: {veilig(o)}", s["tekst"]))
    verhaal += voor_de_beschikking(c, b, s, km)
    verhaal += [PageBreak()] + invoerblad(c, b, s)
    for jb in b.jaren:
        verhaal += _jaar(jb, c, s)
    verhaal += voetnoten(b, s)
    verhaal += parameters(b, s)
    verhaal += spoorbijlage(b, s, _periode_label)
    bijlagen = ((CASUS_BESTAND, casus_json, "De casus (avdesk-casus/1) waarmee gerekend is"),
                (BEREKENING_BESTAND, berekening_json, "De berekening (avdesk-berekening/1), met peildatum"))
    doc.build(verhaal, canvasmaker=canvasmaker("Berekening alleenverdienersproblematiek", b.parameterversie,
                                                concept=bool(concept), vingerafdruk=afdruk, bijlagen=bijlagen,
                                                kenmerk=km))
    return buf.getvalue()
