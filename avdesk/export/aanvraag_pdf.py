"""aanvraag.pdf: de aanvraag bijzondere bijstand alleenverdienersproblematiek, klaar om te ondertekenen.

Gegevens van beide partners, wat er per jaar wordt aangevraagd, de bewijsstukken per jaar, toestemming,
verklaring (inlichtingenplicht), plaats en datum, en twee echte (lege) PDF-handtekeningvelden (/FT /Sig) met
een lijn voor wie met de pen tekent. De velden schrijft reportlab zelf (geen pyHanko: dat kostte 0,5 s import)."""

from __future__ import annotations

from datetime import date
from io import BytesIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table

from ..core.berekening import Berekening
from ..core.casus import Casus, Persoon
from ..core.geld import datum, periode_label
from ..core.bewijs import bewijs_per_jaar
from ..core.wtrap import vinkje
from ..core.signalen import TITELS
from ..core.regime import WTRAP
from .opmaak import BREEDTE, GRIJS, LETTER, LIJN, MARGE, VET, canvasmaker, eu, stijlen, tabel, veilig

AAN, UIT = "☒", "☐"


class Handtekeningvak(Flowable):
    """Een vak met een lijn om met de pen op te tekenen, met daarin een leeg digitaal handtekeningveld.

    De naam onder de lijn breekt af binnen het vak (ook een naam van 200 tekens of een heel lang woord); het vak
    groeit dan mee naar onderen, zodat de ruimte om te tekenen altijd even groot blijft."""

    TEKENRUIMTE = 26 * mm - 14

    def __init__(self, veldnaam: str, label: str, naam: str, breedte: float):
        super().__init__()
        self.veldnaam, self.label, self.naam = veldnaam, label, naam
        self.width = breedte
        stijl = ParagraphStyle("naam", fontName=LETTER, fontSize=7.5, leading=9, textColor=GRIJS, splitLongWords=1)
        self.naamregel = Paragraph(veilig(naam) or "&nbsp;", stijl)
        _, self.naam_hoogte = self.naamregel.wrap(breedte - 12, 1000)
        self.height = self.TEKENRUIMTE + self.naam_hoogte + 8

    def wrap(self, *_):
        return self.width, self.height

    def draw(self):
        c = self.canv
        lijn_y = self.naam_hoogte + 6
        c.setStrokeColor(LIJN)
        c.setLineWidth(0.5)
        c.rect(0, 0, self.width, self.height)
        c.setStrokeColor(GRIJS)
        c.line(6, lijn_y, self.width - 6, lijn_y)
        self.naamregel.drawOn(c, 6, 3)
        c.setFillColor(GRIJS)
        c.setFont(VET, 8)
        c.drawString(6, self.height - 11, self.label)
        x1, y1 = c.absolutePosition(4, lijn_y + 4)
        x2, y2 = c.absolutePosition(self.width - 4, self.height - 14)
        # Een leeg handtekeningveld (PDF 32000-1, 12.7.4.5): een widget met /FT /Sig in het AcroForm.
        veld = PDFDictionary({"FT": PDFName("Sig"), "Type": PDFName("Annot"), "Subtype": PDFName("Widget"),
                              "Rect": PDFArray([round(x1, 2), round(y1, 2), round(x2, 2), round(y2, 2)]), "F": 4,
                              "T": PDFString(self.veldnaam), "TU": PDFString(f"{self.label}: {self.naam}"[:300])})
        c._addAnnotation(veld)
        c.acroForm.fields.append(c._doc.Reference(veld))


def _persoon_rijen(a: Persoon, p: Persoon) -> list[list[str]]:
    def v(x: Persoon, k: str) -> str:
        return x.extra.get(k) or "-"
    return [
        ["", "Aanvrager", "Partner"],
        ["Naam", a.naam or "-", p.naam or "-"],
        ["Geboortedatum", datum(a.geboortedatum), datum(p.geboortedatum)],
        ["Burgerservicenummer", a.bsn or "-", p.bsn or "-"],
        ["Adres", v(a, "adres"), v(p, "adres")],
        ["Postcode en woonplaats", " ".join(x for x in (a.extra.get("postcode"), a.extra.get("woonplaats")) if x) or "-",
         " ".join(x for x in (p.extra.get("postcode"), p.extra.get("woonplaats")) if x) or "-"],
        ["Telefoon", v(a, "telefoon"), v(p, "telefoon")],
        ["E-mail", v(a, "email"), v(p, "email")],
        ["Rekeningnummer (IBAN)", v(a, "iban"), v(p, "iban")],
    ]


def aanvraag_pdf(c: Casus, b: Berekening, gemaakt: date | None = None, dossier_id: int | None = None) -> bytes:
    from .beslisser import alle_signalen, kenmerk
    from .bewijs import SLEUTELWOORD, gegevens, vingerafdruk
    from .pdflezen import KENMERK_WOORD
    km = kenmerk(c, dossier_id)
    # De vingerafdruk van de berekening die erbij hoort (dezelfde casus, berekening en dag): zo koppelt de gemeente
    # aanvraag en berekening, niet aan het kenmerk (dat is vrije tekst in de documentgegevens).
    afdruk = vingerafdruk(*gegevens(c, b, gemaakt or date.today()))
    s = stijlen()
    buf = BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=MARGE, rightMargin=MARGE, topMargin=MARGE,
                            bottomMargin=MARGE + 6, title="Aanvraag bijzondere bijstand alleenverdienersproblematiek",
                            author=c.raadsman.organisatie or "avdesk", subject="Aanvraag bijzondere bijstand",
                            creator="avdesk", lang="nl-NL", keywords=[KENMERK_WOORD + km, SLEUTELWOORD + afdruk])
    r = c.raadsman
    wtrap = bool(b.jaren) and all(jb.wtrap is not None for jb in b.jaren)
    aan = c.aanvraag.gemeente or b.profiel.uitvoerder
    titel = ("Aanvraag tegemoetkoming alleenverdienersproblematiek (Wtrap)" if wtrap else
             "Aanvraag bijzondere bijstand alleenverdienersproblematiek")
    doc.title, doc.subject = titel, titel.removesuffix(" alleenverdienersproblematiek (Wtrap)").removesuffix(
        " alleenverdienersproblematiek")
    v = [Paragraph(titel, s["titel"]),
         Paragraph(f"Aan: {veilig(aan)}, team Inkomen", s["tekst"]),
        Paragraph(f"Kenmerk: {km} (hetzelfde kenmerk staat op de berekening). Vingerafdruk van de berekening: "
                  f"{afdruk} (onderaan elke pagina van beide).", s["tekst"])]
    if r.naam or r.organisatie:
        v.append(Paragraph("Voorbereid met: " + veilig(", ".join(x for x in (r.naam, r.organisatie, r.adres, r.telefoon,
                                                                              r.email) if x)), s["tekst"]))
    v += [Paragraph("Wij zijn een paar. Een van ons heeft een uitkering van UWV of een verzekeraar, de ander weinig of "
                    "geen inkomen. Daardoor krijgen wij minder huurtoeslag en zorgtoeslag dan wanneer wij allebei "
                    "bijstand zouden hebben. " + (
                        f"Wij melden ons zelf voor de {WTRAP.naam} ({WTRAP.kort})." if wtrap else
                        "Voor dat verschil vragen wij bijzondere bijstand aan."), s["tekst"]),
          Paragraph("1. Onze gegevens", s["kop1"]),
          tabel(_persoon_rijen(c.aanvrager, c.partner), [BREEDTE * 0.28, BREEDTE * 0.36, BREEDTE * 0.36])]

    v.append(Paragraph("2. Wat wij aanvragen", s["kop1"]))
    rijen = [["Jaar", "Waarvoor", "Bedrag", "In een keer", "Per maand"]]
    for jb in b.jaren:
        if jb.wtrap is not None:
            waarvoor = "vaste tegemoetkoming Wtrap" + {True: "", False: " (voldoet nu niet)",
                                                        None: " (nog niet vast te stellen)"}[jb.wtrap.voldoet]
        else:
            delen = []
            if jb.tekort and jb.jaar in b.profiel.tekort_jaren:
                delen.append(f"te weinig toeslagen ({eu(jb.tekort)})")
            if jb.terugvordering_alleenverdieners:
                delen.append(f"terugvordering toeslagen ({eu(jb.terugvordering_alleenverdieners)})")
            waarvoor = "; ".join(delen) or "geen compensatie volgens de berekening"
        per_maand = "; ".join(f"{eu(p.per_maand)} ({periode_label(p.van, p.tot_en_met)})"
                              for p in jb.periodiek) or "-"
        rijen.append([str(jb.jaar), waarvoor, eu(jb.compensatie_jaar), eu(jb.eenmalig), per_maand])
    rijen.append(["Totaal", "", eu(b.totaal_compensatie), "", ""])
    v.append(tabel(rijen, [BREEDTE * 0.08, BREEDTE * 0.40, BREEDTE * 0.15, BREEDTE * 0.15, BREEDTE * 0.22],
                   rechts_vanaf=2, totaalrij=True))
    huur = sum((j.compensatie_huurkosten for j in b.jaren), 0)
    zorg = sum((j.compensatie_zorgpremie for j in b.jaren), 0)
    if huur or zorg:
        v.append(Paragraph(f"De bijstand is voor te hoge eigen huurkosten ({eu(huur)}) en te hoge eigen zorgpremie "
                           f"({eu(zorg)}). De berekening zit als bijlage bij deze aanvraag.", s["tekst"]))

    for jb in b.jaren:
        if jb.wtrap is not None:
            w = jb.wtrap
            v.append(KeepTogether([Paragraph(f"Voorwaarden vaste tegemoetkoming {jb.jaar}", s["kop2"])]
                                  + [Paragraph(" ".join((teken, veilig(tekst))), s["signaal"])
                                     for teken, tekst in map(vinkje, w.redenen)]))
            if w.voldoet and w.aanvullend_mogelijk:
                v.append(Paragraph(f"Ons tekort over {jb.jaar} ({eu(w.tekort_jaar)}) is groter dan de tegemoetkoming. "
                                   f"Wij vragen voor het verschil van {eu(w.aanvullend_mogelijk)} ook aanvullende "
                                   f"bijzondere bijstand aan.", s["tekst"]))
    punten = alle_signalen(b)
    if punten:
        v.append(Paragraph("Nog open punten", s["kop2"]))
        v.append(Paragraph("De raadsman heeft deze punten gezien; de gemeente kan ernaar vragen. De uitleg staat in "
                           "de berekening.", s["klein"]))
        v += [Paragraph(f"{'<b>Nog op te lossen</b>' if sg.blokkerend else 'Open punt'} ({j}): "
                        f"{veilig(TITELS[sg.code].lower())}", s["signaal"]) for j, sg in punten
              if sg.blokkerend or sg.code in ("S1", "S2", "S3", "S4", "S5", "S6", "S7")]
    v.append(Paragraph("3. Bewijsstukken", s["kop1"]))
    v.append(Paragraph(f"{AAN} = gezien door de raadsman en bijgevoegd; {UIT} = volgt nog; "
                       f"– = niet van toepassing.", s["klein"]))
    for jb in b.jaren:
        regels = [f"{ {'bijgevoegd': AAN, 'volgt': UIT, 'nvt': '–'}[stand]} {veilig(st['tekst'])}"
                  + (" (niet van toepassing)" if stand == "nvt" else "")
                  for st, stand in bewijs_per_jaar(c, jb.jaar)]
        v.append(KeepTogether([Paragraph(f"{jb.jaar}", s["kop2"])] + [Paragraph(r_, s["signaal"]) for r_ in regels]))

    v.append(Paragraph("4. Toestemming", s["kop1"]))
    v.append(Paragraph(f"{AAN if c.aanvraag.toestemming_delen else UIT} Wij geven toestemming om deze aanvraag en de "
                       f"berekening naar {veilig(aan)} te sturen.", s["signaal"]))
    v.append(Paragraph(f"{AAN if c.aanvraag.toestemming_mijntoeslagen else UIT} Wij hebben samen met de raadsman in "
                       f"MijnToeslagen gekeken en geven toestemming die gegevens voor deze berekening te gebruiken.",
                       s["signaal"]))

    v.append(Paragraph("5. Verklaring", s["kop1"]))
    # Wtrap (seed 004, hoofdstuk 4): de vaste tegemoetkoming wordt een keer betaald en niet teruggevorderd als er
    # daarna iets verandert; de inlichtingenplicht met terugvragen hoort bij de bijzondere bijstand.
    v.append(Paragraph("Wij verklaren dat wij alles naar waarheid hebben ingevuld. " + (
        "Wij weten dat de gemeente de vaste tegemoetkoming per jaar in één keer betaalt; verandert er daarna iets "
        "(bijvoorbeeld een verhuizing of een hoger inkomen), dan blijft de tegemoetkoming over dat jaar gelden." if wtrap
        else "Wij weten dat wij veranderingen die belangrijk kunnen zijn voor deze bijstand meteen moeten doorgeven aan "
        "de gemeente (inlichtingenplicht, artikel 17 Participatiewet), bijvoorbeeld een ander inkomen, verhuizen of "
        "iemand die bij ons komt wonen. Doen wij dat niet, dan kan de gemeente de bijstand terugvragen."), s["tekst"]))

    vandaag = datum(c.aanvraagdatum) if c.aanvraagdatum else "____________"
    plaats = c.aanvraag.plaats or c.aanvrager.extra.get("woonplaats") or "______________________"
    vak_breedte = (BREEDTE - 8 * mm) / 2
    vak_a = Handtekeningvak("HandtekeningAanvrager", "Handtekening aanvrager", c.aanvrager.naam or "", vak_breedte)
    vak_p = Handtekeningvak("HandtekeningPartner", "Handtekening partner", c.partner.naam or "", vak_breedte)
    vak_a.height = vak_p.height = max(vak_a.height, vak_p.height)
    vakken = Table([[vak_a, vak_p]],
                   colWidths=[vak_breedte + 4 * mm, vak_breedte + 4 * mm], hAlign="LEFT",
                   style=[("FONTNAME", (0, 0), (-1, -1), LETTER), ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 4 * mm)])
    v.append(KeepTogether([Paragraph("6. Ondertekening", s["kop1"]),
                           Paragraph(f"Plaats: {veilig(plaats)}&nbsp;&nbsp;&nbsp;&nbsp;Datum: {vandaag}", s["tekst"]),
                           Spacer(1, 4), vakken,
                           Paragraph("U kunt met de pen tekenen op de lijn, of digitaal in het handtekeningveld.",
                                     s["klein"])]))
    doc.build(v, canvasmaker=canvasmaker(titel, b.parameterversie, kenmerk=km, vingerafdruk=afdruk))
    return buf.getvalue()
