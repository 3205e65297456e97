"""Waar avdesk zijn gegevens bewaart: AVDESK_DATA, anders de gebruikelijke map van het besturingssysteem.

Windows: %APPDATA%\\avdesk; macOS: ~/Library/Application Support/avdesk; Linux: $XDG_DATA_HOME/avdesk."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def datamap() -> Path:
    if env := os.environ.get("AVDESK_DATA"):
        return Path(env)
    if sys.platform.startswith("win"):
        return Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / "avdesk"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "avdesk"
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "avdesk"
