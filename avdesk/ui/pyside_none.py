"""Omweg voor een fout in PySide6 6.12: een Qt-functie die een nullpointer teruggeeft (findChild zonder treffer,
cellWidget van een lege cel, focusWidget zonder focus, parentWidget van een venster, QObject.property() van een niet
gezette eigenschap, ...) geeft Python's None terug zonder er een referentie bij te tellen. Elke aanroep pakt None dus
een referentie af; na een lange sessie (of bij het opruimen aan het eind) valt de teller op nul en stopt Python met
"Fatal Python error: none_dealloc: deallocating None" (exit 134).

Die aanroepen zitten overal in Qt-code (ook in QWizard en pytest-qt), dus avdesk geeft None bij het starten een
ruime voorraad referenties die nooit wordt teruggegeven. Vanaf Python 3.12 is None onsterfelijk en is dit niet nodig.
tests/ui/test_afsluiten.py opent en sluit de vensters 20 keer in een proces en controleert exit 0."""

from __future__ import annotations

import sys

VOORRAAD = 1 << 40          # ruim meer dan een sessie ooit afpakt (een miljoen aanroepen per seconde: 12 dagen)


def bescherm_none() -> None:
    if sys.version_info >= (3, 12) or getattr(sys, "_avdesk_none_beschermd", False):
        return
    import ctypes
    ctypes.c_ssize_t.from_address(id(None)).value += VOORRAAD      # ob_refcnt: het eerste veld van elk object
    sys._avdesk_none_beschermd = True
