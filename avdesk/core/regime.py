"""Het regime van een toeslagjaar en zijn rechtsgrond, in een formulering voor alle documenten (issue 23).

Tot en met 2024 bijzondere bijstand (artikel 35 Participatiewet, met de beleidsregel van het profiel of de gemeente);
in de Wtrap-jaren (core/wtrapjaren) de vaste tegemoetkoming (artikel 78gg Participatiewet met artikel 15ba van de
Regeling). De rekenkern beslist: JaarBerekening.regime; wie alleen een jaar heeft, vraagt regime_van_jaar."""

from __future__ import annotations

from .model import Tupel

from .wtrapjaren import is_wtrapjaar


class Regime(Tupel):
    wtrap: bool
    naam: str             # wat er betaald wordt: "bijzondere bijstand" of "vaste tegemoetkoming"
    kort: str             # de korte rechtsgrond: "artikel 35 Participatiewet"
    aanvulling: str       # wat de lange vorm toevoegt
    met_beleidsregel: bool

    def rechtsgrond(self, beleidsregel: str = "") -> str:
        """De lange vorm, met de beleidsregel waar het regime er een heeft."""
        lang = f"{self.kort} {self.aanvulling}"
        return f"{lang}, met {beleidsregel}" if self.met_beleidsregel and beleidsregel else lang


BIJZONDERE_BIJSTAND = Regime(False, "bijzondere bijstand", "artikel 35 Participatiewet", "(bijzondere bijstand)", True)
WTRAP = Regime(True, "vaste tegemoetkoming", "artikel 78gg Participatiewet",
               "(Wet tijdelijke regeling alleenverdienersproblematiek) en artikel 15ba Regeling Participatiewet, "
               "IOAW en IOAZ", False)


def regime_van_jaar(jaar: int) -> Regime:
    return WTRAP if is_wtrapjaar(jaar) else BIJZONDERE_BIJSTAND


def beleidsregel(profiel) -> str:
    """De beleidsregel van een beleidsprofiel, zoals hij in de rechtsgrond staat (als de gemeente er geen noemt)."""
    if profiel.id == "handreiking-2024":
        return ("de Handreiking handelingsperspectief alleenverdienersproblematiek (ministerie van SZW, september "
                "2024)")
    return f"{profiel.naam} ({profiel.bron})"
