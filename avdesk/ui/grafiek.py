"""Staafgrafiek van het verschil in toeslagen en de compensatie per maand (QPainter, geen QtCharts nodig)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..core.geld import euro, maand_label

MAANDEN = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
LICHT, DONKER = QColor("#9db8d9"), QColor("#1f4e79")


def tekstalternatief(jaren) -> str:
    """De bedragen van de grafiek per periode in woorden, voor een schermlezer (en als tooltip)."""
    regels = [f"{maand_label(pb.van)} t/m {maand_label(pb.tot_en_met)}: verschil in toeslagen "
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

    def paintEvent(self, _):
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = p.fontMetrics()
        if not self.jaren:
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Nog geen perioden om te tekenen.")
            return
        reeksen = []
        for jb in self.jaren:
            g, c = [Decimal(0)] * 12, [Decimal(0)] * 12
            for pb in jb.perioden:
                for m in range(pb.van.month, pb.tot_en_met.month + 1):
                    g[m - 1], c[m - 1] = pb.verschil_totaal, pb.compensatie_totaal
            reeksen.append((jb.jaar, g, c))
        hoogste = max([max(g) for _, g, _ in reeksen] + [Decimal(1)])
        links, onder, boven = fm.horizontalAdvance("€ 0.000") + 8, fm.height() * 2 + 6, fm.height() + 8
        breedte_per_jaar = (self.width() - links - 10) / len(reeksen)
        hoogte = self.height() - onder - boven
        p.drawText(links, fm.ascent(), "Verschil in toeslagen (licht) en compensatie (donker) per maand")
        for stap in range(0, 5):
            waarde = hoogste * stap / 4
            y = boven + hoogte - hoogte * stap / 4
            p.setPen(QColor("#d0d5dc"))
            p.drawLine(int(links), int(y), int(self.width() - 10), int(y))
            p.setPen(self.palette().text().color())
            tekst = euro(waarde).split(",")[0]
            p.drawText(QRectF(0, y - fm.height() / 2, links - 4, fm.height()), Qt.AlignmentFlag.AlignRight, tekst)
        for j, (jaar, g, c) in enumerate(reeksen):
            x0 = links + j * breedte_per_jaar
            vak = breedte_per_jaar / 12
            for m in range(12):
                for k, (reeks, kleur) in enumerate(((g, LICHT), (c, DONKER))):
                    h = float(reeks[m] / hoogste) * hoogte
                    p.fillRect(QRectF(x0 + m * vak + 2 + k * (vak - 4) / 2, boven + hoogte - h, (vak - 4) / 2, h), kleur)
                p.drawText(QRectF(x0 + m * vak, boven + hoogte + 2, vak, fm.height()), Qt.AlignmentFlag.AlignCenter,
                           MAANDEN[m])
            p.drawText(QRectF(x0, boven + hoogte + fm.height() + 2, breedte_per_jaar, fm.height()),
                       Qt.AlignmentFlag.AlignCenter, str(jaar))
