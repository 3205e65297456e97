"""Het startvenster zolang de wizard er nog niet is: zegt in het Nederlands wat avdesk al kan.

Laadt de Nederlandse Qt-vertaling, zodat ook Qt's eigen knoppen Nederlands zijn."""

from __future__ import annotations

import sys

from .. import __version__
from ..core.params import ondersteunde_jaren

TEKST = """<h2>avdesk {versie}</h2>
<p>avdesk berekent de compensatie voor de <b>alleenverdienersproblematiek</b> volgens het
Stappenplan uitvoering van de handreiking (september 2024).</p>
<p>Wat er nu al kan, via de opdrachtregel:</p>
<ul>
<li><code>avdesk bereken casus.json</code>: een casus doorrekenen en de uitkomst per jaar en periode tonen;</li>
<li><code>avdesk bereken casus.json --json</code>: dezelfde uitkomst als gegevensbestand.</li>
</ul>
<p>Ondersteunde toeslagjaren: {jaren}.</p>
<p>De wizard met de 11 stappen, de versleutelde dossiers en de PDF's volgen.</p>"""


def maak_venster():
    from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget
    w = QWidget()
    w.setWindowTitle("avdesk")
    lay = QVBoxLayout(w)
    label = QLabel(TEKST.format(versie=__version__, jaren=", ".join(map(str, ondersteunde_jaren()))))
    label.setWordWrap(True)
    lay.addWidget(label)
    knoppen = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    knoppen.rejected.connect(w.close)
    lay.addWidget(knoppen)
    w.resize(560, 360)
    return w


def laad_vertaling(app) -> None:
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    vertaler = QTranslator(app)
    if vertaler.load("qtbase_nl", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(vertaler)


def main() -> int:
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication(sys.argv)
    laad_vertaling(app)
    w = maak_venster()
    w.show()
    return app.exec()
