"""De rekenspoorbijlage van berekening.pdf: het hele rekenspoor (core/spoor.py), per periode het referentiehuishouden,
de toeslagen in beide situaties, het verschil, het bestaansminimum en de toets, en per jaar de jaarstappen (tekort,
terugvordering, stap 11, compensatie, eenmalig, doelgroep of Wtrap). Bij elke stap wat erin ging (invoer en
parameters) en de grondslag: zo is elke euro na te rekenen zonder de code. Opmaken gebeurt hier, niet in de kern."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph

from ..core.berekening import Berekening
from ..core.casusmodel import TOESLAGNAMEN
from ..core.geld import periode_label
from ..core.parameternamen import parameternaam, parameterwaarde
from ..core.spoor import Stap
from .opmaak import BREEDTE, Opmaak, eu, tabel, veilig

# Stappen van het referentiehuishouden; de rest van het periodespoor komt na de toeslagen.
REFERENTIE = ("bijstand.bruto_per_partner", "bijstand.bruto_per_partner.ingevuld", "bijstand.bruto_kostendelersnorm")


def waarde_tekst(w) -> str:
    """Een invoerwaarde in woorden: bedragen als € 1.234,56, ja/nee, (maanden, bedrag) als 4 x € 12,00."""
    if w is None:
        return "niet ingevuld"
    if isinstance(w, bool):
        return "ja" if w else "nee"
    if isinstance(w, Decimal):
        return eu(w)
    if isinstance(w, dict):
        return ", ".join(f"{TOESLAGNAMEN.get(k, k).lower()} {waarde_tekst(v)}" for k, v in w.items()) or "-"
    if isinstance(w, tuple) and len(w) == 4 and isinstance(w[0], date):      # (van, tot en met, maanden, bedrag)
        return f"{periode_label(w[0], w[1])}: {w[2]} x {waarde_tekst(w[3])}"
    return str(w)


def invoer_tekst(st: Stap) -> str:
    """'invoer: rekeninkomen € 30.000,00 · parameters: huurtoeslag: factor a = 0,00000060 (2024)'."""
    delen = []
    if st.invoer:
        delen.append("invoer: " + "; ".join(f"{naam} {waarde_tekst(w)}" for naam, w in st.invoer))
    if st.parameters:
        delen.append("parameters: " + "; ".join(f"{parameternaam(p.naam)} = {parameterwaarde(p.naam, p.waarde)}"
                                                f" ({p.jaar})" for p in st.parameters))
    return " · ".join(delen)


def som_uit_spoor(st: Stap) -> str:
    """'€ 2.469,04 = netto bijstandsnorm € 1.834,04 + toeslagen bij alleen bijstand € 635,00': een optelstap van het
    spoor (bestaansminimum, huishoudinkomen) met de namen die de kern zijn invoer gaf."""
    return f"{eu(st.bedrag)} = " + " + ".join(f"{naam} {waarde_tekst(w)}" for naam, w in st.invoer)


def _rij(st: Stap, s) -> list:
    klein = invoer_tekst(st)
    cel = veilig(st.omschrijving).replace("€ ", "€\u00a0")          # een bedrag breekt niet over twee regels
    if klein:
        cel += f'<br/><font size="7" color="#555555">{veilig(klein)}</font>'
    return [Opmaak(cel), "" if st.bedrag is None else eu(st.bedrag), Paragraph(veilig(st.grondslag), s["cel_klein"])]


def _kop(tekst: str, bedrag=None) -> list:
    return [Opmaak(f"<b>{veilig(tekst)}</b>"), Opmaak(f"<b>{eu(bedrag)}</b>") if bedrag is not None else "", ""]


def spoorbijlage(b: Berekening, s, periode_label) -> list:
    """`periode_label`: de kop van een periode in woorden (berekening_pdf geeft zijn eigen functie mee)."""
    uit = [PageBreak(), Paragraph("Bijlage: rekenspoor", s["kop1"]),
           Paragraph("Elke rekenstap van elke periode en elk jaar, in de volgorde waarin avdesk rekent: het "
                     "huishouden met alleen bijstand, de toeslagen zoals de rekentool van Dienst Toeslagen ze zet, "
                     "het verschil, het bestaansminimum en de toets, en daarna het jaar. Onder elke stap in het klein "
                     "wat erin ging: de invoer en de parameters (met hun toeslagjaar; waarde en bron in de "
                     "parameterlijst).", s["tekst"])]
    breedtes = [BREEDTE * 0.58, BREEDTE * 0.15, BREEDTE * 0.27]
    # Zonder keepWithNext: een spoortabel is langer dan een pagina, dan schoof de kop hem naar de volgende pagina.
    kop2 = ParagraphStyle("spoorkop", parent=s["kop2"], keepWithNext=0)
    for jb in b.jaren:
        for pb in jb.perioden:
            uit.append(Paragraph(veilig(f"{jb.jaar}: {periode_label(pb)}"), kop2))
            rijen = [["Stap", "Bedrag", "Grondslag"], _kop("Huishouden met alleen bijstand")]
            rijen += [_rij(st, s) for st in pb.spoor if st.sleutel in REFERENTIE]
            for sleutel, u in pb.uitkomsten.items():
                scenario, toeslag = sleutel.split(".")
                rijen.append(_kop(f"{TOESLAGNAMEN[toeslag]}, "
                                  f"{'alleen bijstand' if scenario == 'referentie' else 'werkelijk inkomen'}",
                                  u.per_maand))
                rijen += [_rij(st, s) for st in u.spoor]
                rijen += [[r, "", ""] for r in u.redenen if not u.spoor]
            rijen.append(_kop("Verschil, bestaansminimum en toets (per maand)"))
            rijen += [_rij(st, s) for st in pb.spoor if st.sleutel not in REFERENTIE]
            uit.append(tabel(rijen, breedtes, rechts_vanaf=1))
        uit.append(Paragraph(f"{jb.jaar}: het jaar", kop2))
        uit.append(tabel([["Stap", "Bedrag", "Grondslag"]] + [_rij(st, s) for st in jb.spoor], breedtes,
                         rechts_vanaf=1))
    return uit
