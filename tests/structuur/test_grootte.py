"""Geen module in avdesk/ boven 400 regels (issue 23: wat niet op een scherm van gedachten past, krijgt eigen
modules). De laatste vijf uitzonderingen (params, store/db, store/opslag, export/pdflezen, ui/gemeente_dossier) zijn
gesplitst; er is geen lijst met uitzonderingen meer."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GRENS = 400


def test_geen_module_boven_de_grens():
    groot = {str(p.relative_to(ROOT)): n for p in (ROOT / "avdesk").rglob("*.py")
             if (n := len(p.read_text(encoding="utf-8").splitlines())) > GRENS}
    assert groot == {}
