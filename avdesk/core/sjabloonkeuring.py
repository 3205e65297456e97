"""De keuring van een beschikkingssjabloon dat iemand kiest (een profiel of de instelling beschikking_sjabloon).

core en store kunnen een sjabloon niet zelf proefdraaien: dat doet de beschikking (export), een laag hoger. Die meldt
zijn keuring hier bij het importeren (export/beschikking.py); wie een sjabloon laat kiezen (de opdrachten profiel en
instellingen, het venster) heeft de beschikking geladen. Zo wijzen de imports maar een kant op (issue 23). Is er geen
keurder, dan wordt het sjabloon geweigerd en niet ongekeurd doorgelaten."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

_keurder: Callable[[Path], list[str]] | None = None


def meld(keurder: Callable[[Path], list[str]]) -> None:
    global _keurder
    _keurder = keurder


def keur(pad: Path) -> list[str]:
    """Wat er mis is met het sjabloon, in het Nederlands (leeg: goed)."""
    if _keurder is None:
        return ["avdesk kan het sjabloon nu niet keuren (de beschikking is niet geladen); er is niets gewijzigd."]
    return _keurder(pad)
