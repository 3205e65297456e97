"""Hulp voor de tests van het team Inkomen: PDF's maken (echt, of met een ingebedde casus die is veranderd), een
opslag via de omgeving, en een .docx lezen zoals de medewerker hem leest."""

import json
from datetime import date
from pathlib import Path

import docx

from avdesk.core.casus import lees_casus
from avdesk.export.documenten import maak_documenten

ROOT = Path(__file__).resolve().parents[2]
SCEN = ROOT / "tests" / "scenarios"


def env(tmp_path) -> dict:
    return {"AVDESK_DATA": str(tmp_path / "gemeente"), "AVDESK_WACHTWOORD": "geheim-ww"}


def scenario(naam: str) -> dict:
    return json.loads((SCEN / naam).read_text())


def documenten(d: dict, gemaakt: date, dossier_id: int | None = 12) -> dict:
    return maak_documenten(lees_casus(json.dumps(d)), gemaakt=gemaakt, dossier_id=dossier_id)


def vervalst(d: dict, bewerkt: dict, gemaakt: date, dossier_id: int | None = 12) -> dict:
    """De PDF's van casus `d` (pagina's en ingebedde berekening), maar met de ingebedde casus vervangen door
    `bewerkt`, en een vingerafdruk die daarbij past: wat iemand doet die de casus in de PDF verandert."""
    import avdesk.export.bewijs as bp
    echt = bp.gegevens
    andere = lees_casus(json.dumps(bewerkt))

    def gegevens(c, b, vandaag):
        casus, berekening = echt(c, b, vandaag)
        return echt(andere, b, vandaag)[0], berekening
    bp.gegevens = gegevens
    try:
        return documenten(d, gemaakt, dossier_id)
    finally:
        bp.gegevens = echt


def schrijf(map_: Path, docs: dict) -> tuple[Path, Path | None]:
    map_.mkdir(parents=True, exist_ok=True)
    (map_ / "berekening.pdf").write_bytes(docs["berekening"])
    if "aanvraag" in docs:
        (map_ / "aanvraag.pdf").write_bytes(docs["aanvraag"])
        return map_ / "berekening.pdf", map_ / "aanvraag.pdf"
    return map_ / "berekening.pdf", None


def tekst(pad: Path) -> str:
    d = docx.Document(str(pad))
    delen = [p.text for p in d.paragraphs]
    delen += [p.text for t in d.tables for r in t.rows for cel in r.cells for p in cel.paragraphs]
    delen += [p.text for s in d.sections for p in (*s.header.paragraphs, *s.footer.paragraphs)]
    return "\n".join(delen)


def een_docx(map_: Path) -> Path:
    (pad,) = list(Path(map_).glob("*.docx"))
    return pad
