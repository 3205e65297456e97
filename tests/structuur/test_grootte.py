"""Geen module in avdesk/ boven 400 regels (issue 23: wat niet op een scherm van gedachten past, krijgt eigen
modules). De uitzonderingen staan hier om te verdwijnen: de test faalt ook als er een weer onder de grens zit, zodat
de lijst alleen korter wordt."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GRENS = 400
# Nog te splitsen (over de grens sinds voor issue 23; elk met wat er los kan):
BEKEND = {
    "avdesk/core/params.py",            # de beleidsprofielen (laad_profiel en hun bestanden) apart van de jaarparameters
    "avdesk/export/pdflezen.py",        # de grenzen tegen bommen (uitpakken, keur) apart van het lezen (Gelezen)
    "avdesk/ui/gemeente_dossier.py",    # de tab Besluit van de ontvangstdialoog apart van controle en versies
}


def _groot() -> set[str]:
    return {str(p.relative_to(ROOT)) for p in (ROOT / "avdesk").rglob("*.py")
            if len(p.read_text(encoding="utf-8").splitlines()) > GRENS}


def test_geen_module_boven_de_grens():
    assert _groot() - BEKEND == set()


def test_bekende_uitzonderingen_zijn_nog_te_groot():
    assert BEKEND - _groot() == set(), "onder de grens: haal hem uit BEKEND"
