"""Startpunt van de gebundelde app (PyInstaller): hetzelfde als de opdracht `avdesk`."""
import sys

from avdesk.cli import main

sys.exit(main())
