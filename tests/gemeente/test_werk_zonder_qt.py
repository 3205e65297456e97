"""Het werk van het team Inkomen is zonder Qt (issue 20, punt 1): opdrachtregel en venster roepen dezelfde functies
aan, en die laden geen PySide6."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULES = ["avdesk/gemeente/werk.py", "avdesk/gemeente/__init__.py", "avdesk/opdrachten/gemeente.py",
           "avdesk/gemeente/gedeeld.py", "avdesk/gemeente/ontvangst.py", "avdesk/gemeente/verschillen.py",
           "avdesk/gemeente/beoordelen.py", "avdesk/export/beschikking_context.py", "avdesk/export/beschikking_zinnen.py",
           "avdesk/store/ontvangen.py", "avdesk/export/beschikking.py", "avdesk/export/zandbak.py"]


def test_geen_qt_import_in_de_bron():
    sys.path.insert(0, str(ROOT / "tests" / "core"))
    from test_geen_qt import qt_imports
    assert {m: q for m in MODULES if (q := qt_imports((ROOT / m).read_text(encoding="utf-8")))} == {}


def test_werk_laadt_geen_qt(tmp_path):
    code = ("import sys; from avdesk.gemeente import werk; from avdesk.export import beschikking, zandbak; "
            "werk.besluit_naam('gedeeltelijk'); beschikking.controleer_sjabloon(beschikking.standaard_sjabloon()); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=ROOT, timeout=60)
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout.decode().strip() == "[]"


def test_besluiten_en_spellingen():
    from avdesk.gemeente import werk
    assert werk.BESLUITEN == ("toekenning", "gedeeltelijke toekenning", "afwijzing", "buiten behandeling")
    for spelling, naam in (("gedeeltelijk", "gedeeltelijke toekenning"), ("buiten-behandeling", "buiten behandeling"),
                           ("Afwijzing", "afwijzing"), ("gedeeltelijke  toekenning", "gedeeltelijke toekenning")):
        assert werk.besluit_naam(spelling) == naam
    try:
        werk.besluit_naam("toekennen maar")
    except werk.GemeenteFout as e:
        assert e.regels and "Kies uit" in e.regels[0]
    else:
        raise AssertionError("onbekend besluit geaccepteerd")
