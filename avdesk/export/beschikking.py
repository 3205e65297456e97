"""De concept beschikking (team Inkomen): een Word-bestand (.docx) dat de medewerker afmaakt en verstuurt.

context() (beschikking_context.py, een functie per deel van de brief, met de zinnen uit beschikking_zinnen.py) zet de
berekening om in teksten (B1, eigen woorden; de handreiking, bijlage 3, bepaalde alleen welke delen een beschikking
heeft); maak_docx() vult daarmee een sjabloon met velden (docxtpl op python-docx). avdesk heeft
een eenvoudig standaardsjabloon (resources/beschikking/standaard.docx); een gemeente kan via de instelling
beschikking_sjabloon (of --sjabloon) haar eigen sjabloon in de huisstijl gebruiken. Een sjabloon met een veld dat
avdesk niet kent, geeft een Nederlandse melding (SjabloonFout) en geen half document."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

# De teksten staan in eigen modules; hun namen blijven hier te importeren (opdrachten, gemeente, ui, tests).
from ..core import sjabloonkeuring
from .beschikking_context import SOORTEN, context  # noqa: F401
from .beschikking_zinnen import (IN_TE_VULLEN, afgewezen_uit_controle, grondslag_tekst,  # noqa: F401
                                 niets_te_vergoeden, per_maand_vergoed, standaard_beleidsregel, wtrap_niet_voldaan)

# Alle velden die een sjabloon mag gebruiken (README, 'Concept beschikking'); j.* zijn de velden per jaar.
VELDEN = {
    "gemeente": "naam van de gemeente", "afdeling": "afdeling of team", "gemeente_adres": "adres van de gemeente",
    "aan_naam": "namen van aanvrager en partner", "aan_adres": "straat en huisnummer",
    "aan_postcode_plaats": "postcode en woonplaats", "datum": "datum van de brief (dd-mm-jjjj)",
    "kenmerk": "kenmerk van de aanvraag", "onderwerp": "onderwerp", "soort": "toekenning, gedeeltelijk, afwijzing of "
    "buiten-behandeling", "soort_naam": "het soort besluit in woorden", "aanhef": "aanhef", "aanvraagdatum":
    "datum van de aanvraag", "totaal": "totaalbedrag", "inleiding": "alinea's", "besluit": "alinea's",
    "jaren": "per jaar: jaar, kop, bedrag, toegekend, grondslag, regels, motivering", "motivering": "alinea's",
    "betaling": "alinea's", "wijzigingen": "alinea's", "bezwaar": "alinea's", "bezwaar_uiterlijk":
    "datum van de brief plus zes weken", "vragen": "alinea's", "ondertekening": "naam en functie",
    "juridisch_kader": "regels", "voor_de_medewerker": "opmerkingen voor de medewerker (niet versturen)",
    "hersteltermijn": "einddatum van de hersteltermijn", "rekening": "IBAN en tenaamstelling",
}


class SjabloonFout(Exception):
    """Het sjabloon is niet te gebruiken; de tekst zegt in het Nederlands waarom."""


# ---------------------------------------------------------------- sjabloon

def standaard_sjabloon() -> Path:
    from .. import installatiemap
    return installatiemap("beschikking", "sjablonen voor de beschikking") / "standaard.docx"


def _sjabloonklasse():
    from docxtpl import DocxTemplate

    class Sjabloon(DocxTemplate):
        """docxtpl vult de voetnoten eens per sectie in: bij twee secties zou de ingevulde tekst (met de waarden van
        de velden) nog eens als sjabloon gelezen worden. Hier elk deel precies een keer."""

        def render_footnotes(self, context, jinja_env=None):  # noqa: F811 (de naam van de parameter in docxtpl)
            gezien = set()
            for part in self.docx.part.package.parts:
                if part.content_type == ("application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml")\
                        and id(part) not in gezien:
                    gezien.add(id(part))
                    xml = self.patch_xml(part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob)
                    part._blob = self.render_xml_part(xml, part, context, jinja_env).encode("utf-8")
    return Sjabloon


def _lijstvelden(ctx: dict) -> set[str]:
    return {k for k, v in ctx.items() if isinstance(v, (list, tuple))}


def _geen(pad: Path, wat: str) -> SjabloonFout:
    return SjabloonFout(f"Het sjabloon {pad} is geweigerd, want {wat}; dat mag niet in een sjabloon van avdesk. "
                        f"Verbeter het sjabloon; er is geen beschikking gemaakt.")


def _onbekend(pad: Path, onbekend: list[str]) -> SjabloonFout:
    return SjabloonFout(
        f"Het sjabloon {pad} gebruikt " + ("een veld" if len(onbekend) == 1 else "velden") + " dat avdesk niet "
        "kent: " + ", ".join("{{ " + v + " }}" for v in onbekend) + ". Verbeter het sjabloon of haal het veld weg; "
        "er is geen beschikking gemaakt. Bekende velden: " + ", ".join(sorted(VELDEN)) + "; per jaar (in {% for j in "
        "jaren %}): " + ", ".join("j." + v for v in ("jaar", "kop", "bedrag", "toegekend", "grondslag", "regels",
                                                  "motivering")) + ".")


def maak_docx(ctx: dict, sjabloon: Path | None = None) -> bytes:
    """Vul het sjabloon in de zandbak (export/zandbak.py); SjabloonFout bij een onleesbaar sjabloon, een onbekend
    veld of iets wat niet mag (dan geen document). De waarden in ctx zijn gegevens: ze worden nooit als sjabloon
    gelezen."""
    from jinja2 import TemplateError, UndefinedError
    from jinja2.exceptions import SecurityError

    from .zandbak import NietToegestaan, Zandbak, controleer_bestand
    pad = Path(sjabloon) if sjabloon else standaard_sjabloon()
    try:
        with open(pad, "rb") as f:
            sjabloon_data = f.read(20 * 1024 * 1024 + 1)
    except OSError:
        raise SjabloonFout(f"Het sjabloon {pad} bestaat niet of is niet te lezen.") from None
    try:
        controleer_bestand(sjabloon_data)
    except NietToegestaan as e:
        raise SjabloonFout(f"Het sjabloon {pad} is niet te gebruiken: {e}. Er is geen beschikking gemaakt.") from None
    try:
        tpl = _sjabloonklasse()(BytesIO(sjabloon_data))
        tpl.render_init()
    except Exception:           # noqa: BLE001 (python-docx geeft allerlei fouten voor een kapot bestand)
        raise SjabloonFout(f"Het sjabloon {pad} is geen Word-bestand (.docx) dat avdesk kan lezen.") from None
    env = Zandbak(set(ctx), _lijstvelden(ctx))
    try:
        onbekend = sorted(tpl.get_undeclared_template_variables(env) - set(ctx)
                          | {x for x in env.onbekend if "." in x})
    except NietToegestaan as e:
        raise _geen(pad, str(e)) from None
    except TemplateError as e:
        raise SjabloonFout(f"Het sjabloon {pad} bevat een fout in een veld of opdracht ({e.message}). Verbeter het "
                           f"sjabloon; er is geen beschikking gemaakt.") from None
    if onbekend:
        raise _onbekend(pad, onbekend)
    try:
        tpl.render(env.context(ctx), env, autoescape=True)
    except NietToegestaan as e:
        raise _geen(pad, str(e)) from None
    except SecurityError:
        raise _geen(pad, "het gebruikt iets van Python zelf (een eigenschap of functie van buiten de velden)") from None
    except UndefinedError as e:
        raise SjabloonFout(f"Het sjabloon {pad} gebruikt een veld dat avdesk niet kent ({e.message}). Verbeter het "
                           f"sjabloon; er is geen beschikking gemaakt.") from None
    except TemplateError as e:
        raise SjabloonFout(f"Het sjabloon {pad} bevat een fout in een veld of opdracht ({e.message}). Verbeter het "
                           f"sjabloon; er is geen beschikking gemaakt.") from None
    except (MemoryError, RecursionError, OverflowError):
        raise _geen(pad, "het vraagt te veel geheugen of een te diepe herhaling") from None
    if env.onbekend:
        raise _onbekend(pad, sorted(set(env.onbekend)))
    uit = BytesIO()
    tpl.save(uit)
    return uit.getvalue()


def voorbeeldcontext() -> dict:
    """Een context met elk veld (om een sjabloon te proberen zonder aanvraag): alle teksten kort, een jaar."""
    ctx = {k: f"[{k}]" for k in VELDEN}
    for k in ("inleiding", "besluit", "motivering", "betaling", "wijzigingen", "bezwaar", "vragen", "juridisch_kader",
              "voor_de_medewerker"):
        ctx[k] = [f"[{k}]"]
    ctx["jaren"] = [{"jaar": 2024, "kop": "[kop]", "bedrag": "€ 0,00", "toegekend": True, "grondslag": "[grondslag]",
                     "regels": ["[regel]"], "motivering": ["[motivering]"]}]
    return ctx


def controleer_sjabloon(pad: Path) -> list[str]:
    """Wat er mis is met een sjabloon, in het Nederlands (leeg: goed), voor de instellingen als het gekozen wordt:
    hetzelfde nalopen als bij het maken van een beschikking, en een proef met een voorbeeld van elk veld."""
    try:
        maak_docx(voorbeeldcontext(), Path(pad))
    except SjabloonFout as e:
        return [str(e).replace(" Verbeter het sjabloon; er is geen beschikking gemaakt.", " Verbeter het sjabloon.")
                .replace("; er is geen beschikking gemaakt.", ".").replace(" Er is geen beschikking gemaakt.", "")]
    return []


# De keuring voor core en store (core/sjabloonkeuring): bij het aanroepen opgezocht, zodat een vervangen
# controleer_sjabloon (een test) ook daar geldt.
sjabloonkeuring.meld(lambda pad: controleer_sjabloon(pad))
