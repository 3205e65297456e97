"""De wandeling van een medewerker Inkomen door het venster, alleen met het toetsenbord (issue 20, 'Must show').

Draait als eigen proces (tests/ui/test_gemeente_toetsenbord.py start het), want het scherm van 1366x768 (of
1920x1080 op 150%) moet er zijn voordat Qt start. Het venster komt van de echte start (avdesk.ui.app.start: opslag
openen, werkwijze uit de instellingen, scherm kiezen); daarna gaan alleen toetsaanslagen (QTest) naar het venster met
de focus: sneltoetsen (Alt+letter), Tab, pijltjes, Enter en getypte tekst, ook in Qt's eigen bestandsdialogen.

Gebruik: python gemeente_wandeling.py STUKKENMAP SCHERMAFDRUKMAP (de stukken maakt test_gemeente_toetsenbord.py).
Stopt met exitcode 0 als alles klopt; anders een AssertionError met wat er misging."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

STUKKEN = Path(sys.argv[1])
AFDRUK = Path(sys.argv[2])
BRIEVEN = STUKKEN / "brieven"
ALT = Qt.KeyboardModifier.AltModifier
gezien: list[str] = []


def wacht(ms: int = 30) -> None:
    QTest.qWait(ms)


def rustig(max_s: float = 10) -> None:
    """Wacht tot een sneltoets helemaal is afgehandeld: een knop met een sneltoets klikt pas na een korte animatie,
    en wat hij opent (een modale dialoog) loopt dan in deze wachttijd. Klaar als er geen bestandsdialoog, vraag of
    lijstdialoog meer open is en een venster weer actief is."""
    import time
    from avdesk.ui.gemeente_lijst import LijstDialoog
    einde = time.monotonic() + max_s
    wacht(150)
    while time.monotonic() < einde:
        open_ = [w for w in QApplication.topLevelWidgets() if w.isVisible()
                 and isinstance(w, (QFileDialog, QMessageBox, LijstDialoog))]
        if not open_ and QApplication.activeWindow() is not None:
            wacht(50)
            return
        wacht(30)
    raise AssertionError(f"niet klaar: open {open_}, actief {QApplication.activeWindow()}")


def focus():
    w = QApplication.focusWidget()
    assert w is not None, f"niets heeft de focus (actief: {QApplication.activeWindow()}, modaal: {QApplication.activeModalWidget()})"
    return w


def toets(sleutel, modifier=Qt.KeyboardModifier.NoModifier, n: int = 1) -> None:
    for _ in range(n):
        QTest.keyClick(focus(), sleutel, modifier)
        wacht()


def alt(letter: str) -> None:
    toets(getattr(Qt.Key, f"Key_{letter.upper()}"), ALT)


def typ(tekst: str) -> None:
    QTest.keyClicks(focus(), tekst)
    wacht()


def afdruk(widget, naam: str) -> None:
    QApplication.processEvents()
    wacht(150)
    pad = AFDRUK / f"{naam}.png"
    widget.window().grab().save(str(pad))
    gezien.append(pad.name)


def reeks(stappen: list) -> list:
    """Handel na elkaar modale dialogen af: (klasse, doe) per stap; doe(dialoog) drukt toetsen. Een dialoog die nog
    open is na zijn stap (de lijstdialoog na 'Nee') telt voor een latere stap opnieuw mee, niet voor de volgende."""
    gedaan: list = []
    stappen = list(stappen)
    vorige: list = [None]

    def kijk():
        if not stappen:
            return
        klasse, doe = stappen[0]
        w = QApplication.activeModalWidget()
        if isinstance(w, klasse) and w.isVisible() and w.isActiveWindow() and w is not vorige[0]:
            stappen.pop(0)
            vorige[0] = w
            wacht(50)
            QTimer.singleShot(30, kijk)      # de volgende stap wacht al (doe() kan zelf een modale dialoog openen)
            gedaan.append(doe(w))
        else:
            if os.environ.get("AVDESK_WANDELING_DEBUG"):
                print("kijk", klasse.__name__, w, w and w.isActiveWindow(), QApplication.activeWindow(), file=sys.stderr)
            QTimer.singleShot(30, kijk)
    QTimer.singleShot(30, kijk)
    return gedaan


def straks(klasse, doe) -> list:
    return reeks([(klasse, doe)])


def bestanden(tekst: str, naam: str | None = None):
    """In Qt's eigen bestandsdialoog (Nederlands): typ de naam of namen en druk op Enter."""
    def doe(d):
        assert isinstance(focus(), QLineEdit), focus()
        if naam:
            afdruk(d, naam)
        typ(tekst)
        toets(Qt.Key.Key_Return)
        return d.windowTitle()
    return doe


def kies_bestanden(tekst: str, naam: str | None = None):
    return straks(QFileDialog, bestanden(tekst, naam))


def antwoord(letter: str | None, naam: str | None = None, tekst: list | None = None):
    """Een vraag of melding: onthoud de tekst, maak zo nodig een afdruk, en antwoord (Alt+letter, of Enter)."""
    def doe(m):
        if tekst is not None:
            tekst.append(m.text())
        if naam:
            afdruk(m, naam)
        if letter:
            alt(letter)
        else:
            toets(Qt.Key.Key_Return)
        return m.text()
    return doe


def beantwoord(letter: str | None, naam: str | None = None, tekst: list | None = None):
    return straks(QMessageBox, antwoord(letter, naam, tekst))


class Mapopener(QObject):
    def __init__(self):
        super().__init__()
        self.geopend: list[str] = []

    @Slot(QUrl)
    def open(self, url):
        self.geopend.append(url.toLocalFile())


def docx_tekst(pad: Path) -> str:
    import docx
    d = docx.Document(str(pad))
    delen = [p.text for p in d.paragraphs]
    for t in d.tables:
        for rij in t.rows:
            delen += [c.text for c in rij.cells]
    return "\n".join(delen)


def main() -> int:
    import faulthandler
    faulthandler.dump_traceback_later(int(os.environ.get("AVDESK_WANDELING_MAX", "120")), exit=True)          # een hangende dialoog: waar, en stop
    from avdesk.gemeente import werk
    from avdesk.ui.app import start
    from avdesk.ui.gemeente import GemeenteScherm
    from avdesk.ui.gemeente_dossier import OntvangstDialoog
    gestart = start()
    assert not isinstance(gestart, int), f"avdesk startte niet (exitcode {gestart})"
    app, scherm, opslag = gestart
    assert isinstance(scherm, GemeenteScherm), type(scherm)
    opener = Mapopener()
    QDesktopServices.setUrlHandler("file", opener, "open")
    scherm.activateWindow()
    QTest.qWaitForWindowExposed(scherm)
    wacht(200)
    beschikbaar = scherm.screen().availableGeometry()
    print(f"scherm {beschikbaar.width()}x{beschikbaar.height()} logisch, venster {scherm.width()}x{scherm.height()}")
    assert scherm.width() <= beschikbaar.width() and scherm.height() <= beschikbaar.height()
    assert focus() is scherm.zoek
    afdruk(scherm, "01-lijst-leeg")

    # 1. Een getekend paar ontvangen: Alt+V, in de bestandsdialoog beide namen typen, Enter.
    titel = kies_bestanden('"aanvraag.pdf" "berekening.pdf"', "02-bestandsdialoog")
    alt("v")
    rustig()
    assert titel and "Ontvangen" in titel[0], titel
    d = scherm.dialoog
    assert isinstance(d, OntvangstDialoog), d
    tekst = d.controle.toPlainText()
    assert "Ontvangen als dossier" in tekst and "Berekening: klopt" in tekst, tekst
    import re
    assert re.search(r"gecontroleerd \d\d-\d\d-\d{4} \d\d:\d\d", tekst), tekst
    afdruk(d, "03-ontvangen-controle")
    alt("u")                                            # Sluiten
    rustig()
    assert scherm.dialoog is None and scherm.model.rowCount() == 1, (scherm.dialoog, scherm.model.rowCount(), focus())
    afdruk(scherm, "04-lijst-een-aanvraag")
    kop = scherm.tabel.horizontalHeader()
    kenmerk = scherm.model.item(0, 3).text()
    nodig = scherm.tabel.fontMetrics().horizontalAdvance(kenmerk)
    assert kop.sectionSize(3) >= nodig, (kop.sectionSize(3), nodig)          # de kolom Kenmerk is niet afgekapt

    # 2. Een doelgroepselectielijst inlezen (Alt+L), het jaar komt uit de bestandsnaam; Enter leest in.
    from avdesk.ui.gemeente_lijst import LijstDialoog
    meldingen: list[str] = []

    def invullen(naam_bestand: str, afdrukken: str | None):
        def doe(lijstdialoog):
            assert focus() is lijstdialoog.bestand, focus()
            typ(str(STUKKEN / naam_bestand))
            assert lijstdialoog.jaar.value() == 2024
            if afdrukken:
                afdruk(lijstdialoog, afdrukken)
            toets(Qt.Key.Key_Return)
        return doe
    reeks([(LijstDialoog, invullen("doelgroeplijst-2024.csv", "05-lijst-inlezen")),
           (QMessageBox, antwoord(None, "06-lijst-ingelezen", meldingen))])
    alt("l")
    rustig()
    assert meldingen and "5 BSN's" in meldingen[-1], meldingen
    assert "2024 (5 BSN's" in scherm.lijsten.text(), scherm.lijsten.text()
    # Nog een lijst voor 2024: eerst een bevestiging met het oude en het nieuwe aantal. Alt+N: niets vervangen en
    # de dialoog blijft open; daarna Enter, Alt+J: vervangen, en de melding wegklikken (Enter).
    vragen: list[str] = []
    reeks([(LijstDialoog, invullen("doelgroeplijst-2024-nieuw.csv", None)),
           (QMessageBox, antwoord("n", "07-lijst-vervangen-vraag", vragen)),
           (LijstDialoog, lambda _: toets(Qt.Key.Key_Return)),
           (QMessageBox, antwoord("j", None, vragen)),
           (QMessageBox, antwoord(None, None, meldingen))])
    alt("l")
    rustig()
    assert len(vragen) == 2 and "5 BSN's" in vragen[0] and "3 BSN's" in vragen[0], vragen
    assert "2024 (3 BSN's" in scherm.lijsten.text(), scherm.lijsten.text()

    # 3. Controleren: de aanvraag openen met Enter in de lijst, Controleer opnieuw (Alt+O) neemt de lijst mee.
    alt("z")
    toets(Qt.Key.Key_Return)                            # vanuit Zoeken naar de lijst
    assert focus() is scherm.tabel, focus()
    toets(Qt.Key.Key_Return)
    rustig()
    d = scherm.dialoog
    assert d is not None
    alt("o")
    rustig()
    assert "Op de doelgroepselectielijst 2024" in d.controle.toPlainText(), d.controle.toPlainText()
    afdruk(d, "08-opnieuw-gecontroleerd")
    alt("u")
    rustig()

    # 4. Een gewijzigde berekening onder hetzelfde kenmerk: versie 2 ter beoordeling; vastzetten met Alt+Z, Alt+J.
    kies_bestanden('"berekening2.pdf"')
    alt("v")
    rustig()
    d = scherm.dialoog
    assert "versie 2" in d.controle.toPlainText().lower(), d.controle.toPlainText()
    alt("v")                                            # tabblad Versies (Alt+V in deze dialoog)
    wacht(50)
    alt("l")                                            # het label 'De lijst van versies': de focus in de tabel
    assert focus() is d.versietabel, focus()
    assert d.gekozen_versie().versie == 2 and d.gekozen_versie().status == "ter beoordeling"
    assert d.gekozen_versie().verschillen, "geen verschillen in woorden"
    assert "netto" in d.verschillen.toPlainText().lower(), d.verschillen.toPlainText()
    afdruk(d, "09-versies-ter-beoordeling")
    toets(Qt.Key.Key_Up)                                # de pijltjes lopen langs de versies
    assert d.gekozen_versie().versie == 1
    toets(Qt.Key.Key_Down)
    vragen.clear()
    beantwoord("j", "10-vastzetten-vraag", vragen)
    alt("z")
    rustig()
    assert vragen and "Versie 2 vastzetten" in vragen[0], vragen
    statussen = {v.versie: v.status for v in werk.versies(opslag, d.dossier_id)}
    assert statussen == {1: "vervangen", 2: "geldend"}, statussen
    afdruk(d, "11-versie-vastgezet")

    # 5. Besluiten: tabblad Besluit (Alt+S), soort besluit (Alt+B, pijltjes), Concept beschikking (Alt+K), map typen.
    alt("s")
    wacht(50)
    assert "Voorstel van avdesk: toekenning" in d.voorstel.text(), d.voorstel.text()

    def besluit(stappen: int, reden: str | None = None, extra=None, naam: str = ""):
        alt("b")
        assert focus() is d.besluit
        toets(Qt.Key.Key_Home)
        toets(Qt.Key.Key_Down, n=stappen)
        if reden is not None:
            alt("r")
            QTest.keyClick(focus(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            toets(Qt.Key.Key_Delete)
            typ(reden)
        if extra:
            extra()
        kies_bestanden(str(BRIEVEN))
        alt("k")
        rustig()
        assert d.laatste_beschikking is not None and d.laatste_beschikking.exists(), d.besluitfout.text()
        assert str(d.laatste_beschikking) in d.waar.text(), d.waar.text()
        assert d.laatste_beschikking.parent == BRIEVEN.resolve()
        afdruk(d, naam)
        return docx_tekst(d.laatste_beschikking)

    brief = besluit(1, naam="12-toekenning")
    assert d.besluit.currentData() == "toekenning"
    assert "€ 716,00" in brief, brief[:2000]
    alt("m")                                            # Map openen
    wacht(300)                                          # een sneltoets klikt na een korte animatie
    assert opener.geopend == [str(BRIEVEN.resolve())], opener.geopend
    eerste = d.laatste_beschikking

    reden = "U woont sinds 1 januari 2024 niet meer in onze gemeente."
    brief = besluit(3, reden, naam="13-afwijzing")
    assert d.besluit.currentData() == "afwijzing" and d.laatste_beschikking != eerste
    assert reden in brief, brief[:3000]
    assert "NL91ABNA0417164300" not in brief and "€ 716,00" not in brief, brief[:3000]

    # Buiten behandeling: eerst een hersteltermijn die nog loopt (avdesk weigert en zegt waarom, er staat geen pad),
    # dan de termijn die verstreek.
    alt("b")
    toets(Qt.Key.Key_Home)
    toets(Qt.Key.Key_Down, n=4)
    alt("h")
    typ("15-01-2099")
    alt("w")
    typ("de loonstroken van 2024")
    kies_bestanden(str(BRIEVEN))
    alt("k")
    rustig()
    assert "Geen beschikking gemaakt" in d.besluitfout.text() and "hersteltermijn" in d.besluitfout.text().lower()
    assert d.laatste_beschikking is None and d.waar.text() == "" and not d.map_openen.isEnabled()
    afdruk(d, "14-buiten-behandeling-te-vroeg")

    def termijn():
        alt("h")
        QTest.keyClick(focus(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        typ("15-10-2024")
    brief = besluit(4, "", termijn, naam="15-buiten-behandeling")
    assert d.besluit.currentData() == "buiten behandeling"
    assert "de loonstroken van 2024" in brief and ("15-10-2024" in brief or "15 oktober 2024" in brief), brief[:3000]
    assert "€ 716,00" not in brief

    alt("u")
    rustig()
    assert "concept" in scherm.model.item(0, 7).text(), scherm.model.item(0, 7).text()
    afdruk(scherm, "16-lijst-na-besluit")
    assert len(list(BRIEVEN.glob("*.docx"))) == 3
    print("afdrukken: " + ", ".join(gezien))
    opslag.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
