"""`avdesk screenshots MAP`: elke pagina van de ingebouwde demo (Martin en Hanna, handreiking 2024) als PNG,
zonder scherm (offscreen), in een tijdelijke, versleutelde opslag die daarna weer verdwijnt."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def wacht(app, seconden: float) -> None:
    import time
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        app.processEvents()
        time.sleep(0.02)


def scherm_instellen(breedte: int, hoogte: int, map_: Path) -> None:
    """Een offscreen-scherm van breedte x hoogte fysieke pixels (de schaal deelt dat tot logische pixels)."""
    import json
    config = map_ / "scherm.json"
    config.write_text(json.dumps({"screens": [{"name": "avdesk", "x": 0, "y": 0, "width": breedte, "height": hoogte,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def maak(doel: Path, schaal: float = 1.0, scherm: tuple[int, int] | None = None) -> list[Path]:
    """Zonder `scherm` zoals altijd; met `scherm` (fysieke pixels) zoals een gebruiker elk venster daar ziet: de
    vensters passen zich aan het scherm aan en geen PNG is groter dan het scherm."""
    if scherm is not None:
        scherm_instellen(*scherm, Path(tempfile.mkdtemp(prefix="avdesk-scherm-")))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if schaal != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(schaal)
    from ..core.casus import lees_casus
    from .. import installatiemap
    from ..store.opslag import Opslag
    from .app import maak_app
    from .hoofdscherm import Hoofdscherm
    from .instellingen import InstellingenDialoog
    app = maak_app([])
    doel.mkdir(parents=True, exist_ok=True)
    bestanden = []

    def foto(widget, naam):
        for _ in range(3):              # kolombreedtes, rijhoogtes en dan de layout van de pagina
            app.processEvents()
        pad = doel / f"{naam}.png"
        widget.grab().save(str(pad))
        bestanden.append(pad)

    with tempfile.TemporaryDirectory(prefix="avdesk-demo-") as tmp:
        demo = installatiemap("demo", "demodossiers")
        opslag = Opslag.open(Path(tmp), "demo-wachtwoord")
        try:
            casus = lees_casus((demo / "martin_hanna.json").read_bytes(), concept=True)
            dossier = opslag.nieuw_dossier(casus)
            scherm = Hoofdscherm(opslag)
            scherm.show()
            foto(scherm, "00-dossiers")
            dialoog = InstellingenDialoog(opslag, scherm)
            dialoog.show()
            foto(dialoog, "00-instellingen")
            dialoog.modus.setCurrentIndex(1)             # de werkwijze gemeente: beschikking en betaalopdracht
            foto(dialoog, "00-instellingen-gemeente")
            dialoog.close()
            w = scherm.open_wizard(dossier)
            w.restart()
            while True:
                n = w.currentId()
                foto(w, f"{n:02d}-{'afronding' if n == 12 else f'stap{n}'}")
                if n == 12:
                    w.currentPage().maak_pdfs()
                    wacht(app, 1.5)                      # QPdfView tekent op de achtergrond
                    foto(w, "12-afronding-met-pdf")
                    break
                vorige = n
                w.next()
                if w.currentId() == vorige:
                    raise RuntimeError(f"de demo komt niet verder dan stap {n}: {w.currentPage().melding.text()}")
            w.reject()
            # Stap 8-11 gelden niet voor Martin en Hanna (geen 2023, geen terugvordering): die stappen met de
            # tweede demo (2022 en 2023 met terugvordering, 2024 als Martin en Hanna).
            tweede = opslag.nieuw_dossier(lees_casus((demo / "drie_jaren.json").read_bytes(),
                                                     concept=True))
            w = scherm.open_wizard(tweede)
            w.hervat(8)
            for n in (8, 9, 10, 11):
                foto(w, f"{n:02d}-stap{n}")
                w.next()
            w.reject()
            # De Wtrap-zelfmeldertoets (2025-2027) met de derde demo.
            derde = opslag.nieuw_dossier(lees_casus((demo / "wtrap_2026.json").read_bytes(),
                                                    concept=True))
            w = scherm.open_wizard(derde)
            w.hervat(2)                                  # de kortste route: stap 1, 2, 4, de Wtrap-stap, afronding
            foto(w, "13-wtrap-stap2")
            w.next()
            foto(w, "13-wtrap-stap4")
            w.next()
            foto(w, "13-wtrap")
            w.reject()
            scherm.close()
        finally:
            opslag.close()
    return bestanden
