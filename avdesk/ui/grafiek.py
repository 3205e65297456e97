"""Staafgrafiek van het verschil in toeslagen en de compensatie per maand (QPainter, geen QtCharts nodig)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..core.geld import euro, periode_label

MAANDEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
LICHT, DONKER = QColor("#9db8d9"), QColor("#1f4e79")


def tekstalternatief(jaren) -> str:
    """De bedragen van de grafiek per periode in woorden, voor een schermlezer (en als tooltip)."""
    regels = [periode_label(pb.van, pb.tot_en_met) + f": verschil in toeslagen "
              f"{euro(pb.verschil_totaal)} per maand, compensatie {euro(pb.compensatie_totaal)} per maand"
              for jb in jaren for pb in jb.perioden]
    return "\n".join(regels) or "Nog geen perioden om te tekenen."


class Maandgrafiek(QWidget):
    def __init__(self, ouder=None):
        super().__init__(ouder)
        self.jaren: list = []          # JaarBerekening's met perioden
        self.setMinimumHeight(190)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Grafiek: verschil en compensatie per maand")

    def toon(self, jaren) -> None:
        self.jaren = [jb for jb in jaren if jb.perioden]
        # Het tekstalternatief (EN 301 549 hfst. 11): wat de staven laten zien, per periode in woorden.
        self.setAccessibleDescription(tekstalternatief(self.jaren))
        self.setToolTip(self.accessibleDescription())
        self.update()

    def reeksen(self) -> list[tuple[int, list[Decimal], list[Decimal]]]:
        """Per jaar het verschil en de compensatie per maand."""
        uit = []
        for jb in self.jaren:
            g, c = [Decimal(0)] * 12, [Decimal(0)] * 12
            for pb in jb.perioden:
                for m in range(pb.van.month, pb.tot_en_met.month + 1):
                    g[m - 1], c[m - 1] = pb.verschil_totaal, pb.compensatie_totaal
            uit.append((jb.jaar, g, c))
        return uit

    def as_waarden(self) -> list[Decimal]:
        """De lijnen van de as: 0 en vier ronde stappen (1, 2 of 5 maal een macht van 10) tot boven het hoogste."""
        hoogste = max([max(g + c) for _, g, c in self.reeksen()] + [Decimal(1)])
        stap = Decimal(1)
        while stap * 4 < hoogste:
            for factor in (2, Decimal("2.5"), 2):
                stap *= factor
                if stap * 4 >= hoogste:
                    break
        return [stap * i for i in range(5)]

    def waardelabels(self, links: float, boven: float, hoogte: float, fm) -> list[tuple[QRectF, str]]:
        """Het bedrag bij de staven: per reeks maanden met hetzelfde bedrag (een periode) een label boven de staven,
        "€ 171,00" (de compensatie; met het verschil erbij als dat anders is en het past)."""
        reeksen, top = self.reeksen(), self.as_waarden()[-1]
        breedte_per_jaar = (self.width() - links - 10) / max(1, len(reeksen))
        vak = breedte_per_jaar / 12
        uit = []
        for j, (_, g, c) in enumerate(reeksen):
            m = 0
            while m < 12:
                eind = m
                while eind + 1 < 12 and (g[eind + 1], c[eind + 1]) == (g[m], c[m]):
                    eind += 1
                if g[m] or c[m]:
                    ruimte = (eind - m + 1) * vak
                    tekst = euro(c[m])
                    if g[m] != c[m] and fm.horizontalAdvance(f"{tekst} (verschil {euro(g[m])})") <= ruimte:
                        tekst = f"{tekst} (verschil {euro(g[m])})"
                    y = boven + hoogte - float(max(g[m], c[m]) / top) * hoogte - fm.height() - 1
                    uit.append((QRectF(links + j * breedte_per_jaar + m * vak, y, ruimte, fm.height()), tekst))
                m = eind + 1
        return uit

    def paintEvent(self, _):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = p.fontMetrics()
        if not self.jaren:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Nog geen perioden om te tekenen.")
            return
        reeksen, as_ = self.reeksen(), self.as_waarden()
        top = as_[-1]
        links = max(fm.horizontalAdvance(euro(w)) for w in as_) + 8
        onder, boven = fm.height() * 2 + 6, fm.height() * 2 + 10      # boven: de titel en de bedragen bij de staven
        breedte_per_jaar = (self.width() - links - 10) / len(reeksen)
        hoogte = self.height() - onder - boven
        p.drawText(links, fm.ascent(), "Verschil in toeslagen (licht) en compensatie (donker) per maand")
        for i, waarde in enumerate(as_):
            y = boven + hoogte - hoogte * i / 4
            p.setPen(QColor("#d0d5dc"))
            p.drawLine(int(links), int(y), int(self.width() - 10), int(y))
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(0, y - fm.height() / 2, links - 4, fm.height()), Qt.AlignmentFlag.AlignRight, euro(waarde))
        for j, (jaar, g, c) in enumerate(reeksen):
            x0 = links + j * breedte_per_jaar
            vak = breedte_per_jaar / 12
            for m in range(12):
                for k, (reeks, kleur) in enumerate(((g, LICHT), (c, DONKER))):
                    h = float(reeks[m] / top) * hoogte
                    p.fillRect(QRectF(x0 + m * vak + 2 + k * (vak - 4) / 2, boven + hoogte - h, (vak - 4) / 2, h), kleur)
                p.drawText(QRectF(x0 + m * vak, boven + hoogte + 2, vak, fm.height()), Qt.AlignmentFlag.AlignCenter,
                           MAANDEN[m])
            p.drawText(QRectF(x0, boven + hoogte + fm.height() + 2, breedte_per_jaar, fm.height()),
                       Qt.AlignmentFlag.AlignCenter, str(jaar))
        for vak, tekst in self.waardelabels(links, boven, hoogte, fm):
            p.drawText(vak, Qt.AlignmentFlag.AlignCenter, tekst)
