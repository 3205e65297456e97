"""Maakt het standaardsjabloon voor de concept beschikking: resources/beschikking/standaard.docx.

Draai: .venv/bin/python build/maak_beschikkingsjabloon.py
Het sjabloon is een gewoon Word-bestand met velden in de vorm van docxtpl (Jinja2): {{ veld }} voor een tekst en
{%p for x in lijst %} ... {%p endfor %} voor een alinea per element. Een gemeente maakt haar eigen sjabloon in de
huisstijl met dezelfde velden (zie de README, 'Concept beschikking'); dit bestand is de eenvoudige standaard."""

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

DOEL = Path(__file__).resolve().parents[1] / "resources" / "beschikking" / "standaard.docx"


def maak(doel: Path = DOEL) -> Path:
    doc = Document()
    for sectie in doc.sections:
        sectie.top_margin = sectie.bottom_margin = Cm(2.2)
        sectie.left_margin = sectie.right_margin = Cm(2.5)
    normaal = doc.styles["Normal"]
    normaal.font.name = "Arial"
    normaal.font.size = Pt(10.5)
    normaal.paragraph_format.space_after = Pt(6)
    for naam, grootte in (("Heading 1", 13), ("Heading 2", 11)):
        st = doc.styles[naam]
        st.font.name = "Arial"
        st.font.size = Pt(grootte)
        st.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)

    def p(tekst: str = "", stijl: str | None = None):
        return doc.add_paragraph(tekst, style=stijl)

    def lus(lijst: str, stijl: str | None = None, element: str = "{{ x }}"):
        p(f"{{%p for x in {lijst} %}}")
        p(element, stijl)
        p("{%p endfor %}")

    kop = p("{{ gemeente }}")
    kop.runs[0].bold = True
    p("{{ afdeling }}")
    p("{%p if gemeente_adres %}")
    p("{{ gemeente_adres }}")
    p("{%p endif %}")
    p()
    p("{{ aan_naam }}")
    p("{{ aan_adres }}")
    p("{{ aan_postcode_plaats }}")
    p()
    p("Datum: {{ datum }}")
    p("Ons kenmerk: {{ kenmerk }}")
    p("Onderwerp: {{ onderwerp }}")
    p()
    # Het blok voor de medewerker: rood, en weg te halen voor verzending.
    p("{%p if voor_de_medewerker %}")
    m = p("VOOR DE MEDEWERKER (haal dit blok weg voordat u de brief verstuurt):")
    m.runs[0].bold = True
    m.runs[0].font.color.rgb = RGBColor(0xB0, 0x1E, 0x1E)
    p("{%p for x in voor_de_medewerker %}")
    r = p("{{ x }}", "List Bullet")
    r.runs[0].font.color.rgb = RGBColor(0xB0, 0x1E, 0x1E)
    p("{%p endfor %}")
    p("{%p endif %}")
    p("{{ aanhef }}")
    lus("inleiding")
    doc.add_heading("Wat hebben we besloten?", level=1)
    lus("besluit")
    p("{%p for j in jaren %}")
    doc.add_heading("{{ j.kop }}", level=2)
    p("{%p for x in j.regels %}")
    p("{{ x }}")
    p("{%p endfor %}")
    p("{%p endfor %}")
    doc.add_heading("Waarom hebben we dit besloten?", level=1)
    lus("motivering")
    p("{%p for j in jaren %}")
    p("{%p if j.motivering %}")
    doc.add_heading("Uitleg over {{ j.jaar }}", level=2)
    p("{%p for x in j.motivering %}")
    p("{{ x }}")
    p("{%p endfor %}")
    p("{%p endif %}")
    p("{%p endfor %}")
    p("{%p if betaling %}")
    doc.add_heading("Wanneer krijgt u het geld?", level=1)
    lus("betaling")
    p("{%p endif %}")
    p("{%p if wijzigingen %}")
    doc.add_heading("Wat moet u aan ons doorgeven?", level=1)
    p("{%p for x in wijzigingen %}")
    p("{{ x }}")
    p("{%p endfor %}")
    p("{%p endif %}")
    doc.add_heading("Bent u het niet eens met dit besluit?", level=1)
    lus("bezwaar")
    doc.add_heading("Heeft u vragen?", level=1)
    lus("vragen")
    p()
    p("Met vriendelijke groet,")
    p("namens het college van burgemeester en wethouders,")
    p("{{ gemeente }}")
    p()
    p("{{ ondertekening }}")
    p()
    doc.add_heading("Op welke regels is dit besluit gebaseerd?", level=2)
    lus("juridisch_kader", "List Bullet")
    voet = doc.sections[0].footer.paragraphs[0]
    voet.text = "Kenmerk {{ kenmerk }} · {{ datum }}"
    voet.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doel.parent.mkdir(parents=True, exist_ok=True)
    doc.core_properties.title = "Beschikking alleenverdienersproblematiek (sjabloon)"
    doc.core_properties.author = "avdesk"
    doc.save(doel)
    return doel


if __name__ == "__main__":
    print(maak())
