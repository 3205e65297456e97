"""De app starten: Qt in het Nederlands (qtbase_nl), het meegeleverde lettertype, de opslag openen (met een
wachtwoordvraag alleen als er geen veilige sleutelbos is) en het hoofdscherm tonen."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator, qInstallMessageHandler
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from .. import InstallatieFout, resources_map
from ..store import OpslagFout


def _berichten(soort, context, tekst):
    # Het offscreen-platform (tests, screenshots) meldt bij elk venster dat het geen venstergrootte-hints kent.
    if "propagateSizeHints" not in tekst:
        sys.stderr.write(tekst + "\n")


FOCUSSTIJL = ("QCheckBox:focus, QRadioButton:focus { background-color: #d2e3fc; } "
              "QTabBar::tab:focus { background-color: #d2e3fc; } "
              "QComboBox:focus:!editable { background-color: #d2e3fc; }")


def maak_app(argv: list[str] | None = None) -> QApplication:
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        qInstallMessageHandler(_berichten)
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    # PySide6 6.12 pakt None referenties af (crash bij afsluiten, zie pyside_none); None heeft er bij het starten
    # duizenden, dus dit kan na de eerste ronde van de gebeurtenislus (ctypes staat zo niet op het startpad).
    from .pyside_none import bescherm_none
    QTimer.singleShot(0, bescherm_none)
    app.setApplicationName("avdesk")
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    if not getattr(app, "_avdesk_vertaald", False):
        vertaler = QTranslator(app)
        if vertaler.load("qtbase_nl", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(vertaler)
        # Het meegeleverde lettertype: nooit blokjes, ook niet op een kale machine zonder lettertypen.
        for bestand in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"):
            QFontDatabase.addApplicationFont(str(resources_map() / "fonts" / bestand))
        app.setFont(QFont("DejaVu Sans", 10))
        from .velden import benoem_vensters
        benoem_vensters(app)            # ook Qt's eigen dialogen (map kiezen, afdrukken) krijgen namen
        # De focus altijd zichtbaar (EN 301 549 11.2.4.7): Qt's stijl tekent het focuskader van vinkvakken,
        # keuzelijsten en tabs alleen na een Tab, niet na een sneltoets (Alt+J) of een klik.
        app.setStyleSheet(FOCUSSTIJL)
        app._avdesk_vertaald = True
    return app


def open_opslag(ouder=None, haler=None):
    """Open de opslag; vraag een wachtwoord alleen als dat echt nodig is. None als de gebruiker stopt.
    `haler`: de sleutelhaler die de sleutel al ophaalt terwijl Qt laadt (store/sleutelhaler)."""
    from ..store.opslag import Opslag
    from ..store.paden import datamap
    from ..store.sleutel import Sleutelbeheer
    from ..store.sleutelhaler import ophalen
    wachtwoord = os.environ.get("AVDESK_WACHTWOORD") or None
    sleutel = ophalen(haler)
    while True:
        try:
            return Opslag.open(None, wachtwoord, sleutel=sleutel)
        except OpslagFout as e:
            from PySide6.QtWidgets import QDialog, QMessageBox      # pas hier: de gewone start heeft ze niet nodig

            from .wachtwoord import WachtwoordDialoog
            if e.soort != "wachtwoord_nodig" and not (wachtwoord and "wachtwoord klopt niet" in str(e)):
                QMessageBox.critical(ouder, "avdesk kan de dossiers niet openen", str(e))
                return None
            nieuw = not Sleutelbeheer(datamap()).bestaat()
            d = WachtwoordDialoog(nieuw, ouder)
            if wachtwoord:
                d.toon_fout("Het wachtwoord klopt niet.")
            if d.exec() != QDialog.DialogCode.Accepted:
                return None
            wachtwoord = d.f.wachtwoord.text()


def _onvolledig(fout: InstallatieFout) -> None:
    """Een ontbrekend formulier of lettertype: zeg welk pad ontbreekt (geen persoonsgegevens), ook in het venster."""
    sys.stderr.write(f"{fout}\n")
    from PySide6.QtWidgets import QMessageBox
    QMessageBox.critical(None, "avdesk is onvolledig geïnstalleerd", f"{fout}\n\nInstalleer avdesk opnieuw.")


def _onverwacht(soort, fout, tb):
    """Een onverwachte fout in het venster: een Nederlandse melding zonder gegevens, en avdesk blijft open."""
    if isinstance(fout, InstallatieFout):
        return _onvolledig(fout)
    if isinstance(fout, OpslagFout):      # beschadigd, bezet, schijf vol: de Nederlandse melding zelf, geen 'interne fout'
        sys.stderr.write(f"{fout}\n")
        from PySide6.QtWidgets import QMessageBox
        QMessageBox.warning(None, "avdesk", str(fout))
        return None
    from ..foutrapport import foutrapport
    fout.__traceback__ = tb
    rapport = foutrapport(fout)
    sys.stderr.write(f"Interne fout: {rapport}\n")
    from PySide6.QtWidgets import QMessageBox
    QMessageBox.critical(None, "avdesk: interne fout",
                         "Er ging iets mis in avdesk. Wat al bewaard was, is niet verloren. Meld dit met de volgende "
                         f"regel aan de beheerder:\n\n{rapport}")


def meld_klaar() -> None:
    """Voor tests/bench/bench_ui.py: de wandklok zodra het venster staat en de eerste gebeurtenissen verwerkt zijn
    (dan telt het afsluiten van het proces niet mee, dat bij avdesk en het kale venster anders verloopt)."""
    if sys.stdout is not None:
        import time
        print(f"avdesk-klaar {time.time()!r}", flush=True)


def kies_scherm(opslag, scherm=None):
    """Het scherm van de werkwijze in de instellingen: de raadsman (dossierlijst, al gebouwd terwijl de sleutel
    onderweg was) of het team Inkomen (ontvangen aanvragen)."""
    if opslag.instelling("modus", "raadsman") == "gemeente":      # team Inkomen (instellingen: werkwijze)
        from .gemeente import GemeenteScherm
        scherm = GemeenteScherm()
    elif scherm is None:
        from .hoofdscherm import Hoofdscherm
        scherm = Hoofdscherm()
    scherm.gebruik(opslag)
    return scherm


def start(haler=None):
    """Alles van de start behalve de gebeurtenislus: (app, scherm, opslag), of een exitcode als het niet lukt.
    main() draait daarna de lus; tests lopen zo over het venster dat de echte start bouwt."""
    app = maak_app()
    from .hoofdscherm import Hoofdscherm
    try:
        scherm = Hoofdscherm()      # eerst het venster bouwen: de sleutelhaler is intussen nog bezig
    except InstallatieFout as e:
        _onvolledig(e)
        return 2
    opslag = open_opslag(haler=haler)
    if opslag is None:
        return 2
    scherm = kies_scherm(opslag, scherm)
    scherm.show()
    # De volledige controle van het bestand pas na de start, in een thread (niet in de gemeten starttijd).
    QTimer.singleShot(1500, scherm.controleer_op_achtergrond)
    return app, scherm, opslag


def main(haler=None) -> int:
    sys.excepthook = _onverwacht
    gestart = start(haler)
    if isinstance(gestart, int):
        return gestart
    app, scherm, opslag = gestart
    if os.environ.get("AVDESK_METEN"):          # benchmark: het tijdstip waarop de dossierlijst bruikbaar is, stop
        QTimer.singleShot(0, lambda: (meld_klaar(), app.quit()))
    elif (stop := os.environ.get("AVDESK_STOP_NA", "")).isdigit():
        # Voor tests van het echte startpad: stop na zoveel milliseconden, als ook de timers na de start gelopen hebben.
        QTimer.singleShot(int(stop), lambda: (meld_klaar(), app.quit()))
    try:
        return app.exec()
    finally:
        opslag.close()
