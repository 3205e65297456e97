"""Het venster (`avdesk` zonder opdracht) en `avdesk screenshots MAP [--schaal S] [--scherm BxH]`."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def cmd_venster(_args) -> int:
    from ..store import sleutelhaler
    from ..store.paden import datamap
    # De sleutel ophalen terwijl Qt laadt (daarom eerst, voor de Qt-import).
    haler = sleutelhaler.start(datamap(), os.environ.get("AVDESK_WACHTWOORD") or None)
    from ..ui.app import main as ui_main
    return ui_main(haler)


def cmd_screenshots(args) -> int:
    from ..ui.screenshots import maak
    scherm = None
    if args.scherm:
        try:
            scherm = tuple(int(x) for x in args.scherm.lower().split("x"))
            assert len(scherm) == 2 and min(scherm) >= 320
        except (ValueError, AssertionError):
            print(f"--scherm: schrijf breedte x hoogte in pixels, bijvoorbeeld 1366x768 (niet '{args.scherm}')",
                  file=sys.stderr)
            return 2
    for pad in maak(Path(args.map), args.schaal, scherm):
        print(pad)
    return 0


def registreer(sub) -> None:
    sc = sub.add_parser("screenshots", help="maak van elke pagina van de demo (Martin en Hanna) een PNG")
    sc.add_argument("map", help="map voor de PNG-bestanden")
    sc.add_argument("--schaal", type=float, default=1.0, help="schermschaal, bijv. 1.5 voor 150%%")
    sc.add_argument("--scherm", metavar="BxH", help="een scherm van B x H fysieke pixels, bijv. 1366x768; met --schaal "
                    "1.5 is 1920x1080 een scherm van 1280x720; elk venster zoals het daar staat, nooit groter")
    sc.set_defaults(functie=cmd_screenshots)
