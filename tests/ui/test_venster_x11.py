"""Het venster op een echt X11-scherm (Qt's xcb-platform, onder Xvfb), zoals het README-startcommando het op een
Debian/Ubuntu-bureaublad opent. De rest van de suite draait offscreen en merkt dus niet dat xcb een bibliotheek mist
(Qt zegt dan ten onrechte dat libxcb-cursor0 ontbreekt); .ci/run installeert xvfb, xauth en de xcb-bibliotheken."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import PySide6

pytestmark = pytest.mark.traag          # het venster onder Xvfb

QXCB = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"


def test_xcb_plugin_vindt_al_zijn_bibliotheken():
    """ldd noemt welke bibliotheek ontbreekt (Qt zelf niet): het pakket hoort in de lijst in README en .ci/run."""
    uit = subprocess.run(["ldd", str(QXCB)], capture_output=True, text=True, check=True).stdout
    assert "not found" not in uit, [r.strip() for r in uit.splitlines() if "not found" in r]


def test_venster_start_op_xcb_onder_xvfb(tmp_path):
    assert shutil.which("xvfb-run"), "xvfb-run ontbreekt: installeer xvfb en xauth (zie .ci/run)"
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "AVDESK_METEN": "1", "AVDESK_DATA": str(tmp_path),
           "AVDESK_WACHTWOORD": "x11-test-wachtwoord"}
    env.pop("DISPLAY", None)
    r = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x900x24", sys.executable, "-m", "avdesk"],
                       env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-3000:]
    assert "avdesk-klaar" in r.stdout               # het hoofdscherm stond op het scherm (AVDESK_METEN stopt dan)
    assert "qt.qpa.plugin" not in r.stderr, r.stderr[-3000:]
