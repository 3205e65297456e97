"""Een interne fout als een regel zonder persoonsgegevens, voor de opdrachtregel en het venster (beide gebruiken hem,
dus staat hij in geen van beide: zo importeren cli en ui elkaar niet)."""

from __future__ import annotations

from pathlib import Path


def foutrapport(fout: BaseException) -> str:
    """Alleen het soort fout en waar in de code (bestand en regel), nooit de foutmelding zelf of waarden (die kunnen
    een naam, BSN of bedrag bevatten)."""
    import traceback
    plekken = [f"{Path(f.filename).name}:{f.lineno} ({f.name})" for f in traceback.extract_tb(fout.__traceback__)]
    return f"{type(fout).__name__} in " + " <- ".join(reversed(plekken[-6:]))
