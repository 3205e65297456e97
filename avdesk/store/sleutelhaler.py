"""De sleutel van de dossiers ophalen terwijl het venster opstart (Qt laden kost ~80 ms).

- Sleutelbos: keyring importeren en de sleutelbos vragen kost 50-100 ms (op Linux ook nog D-Bus). Dat gebeurt in
  een tweede proces, op een tweede kern. Het schrijft de sleutel (hex) in een pijp die alleen de twee processen
  kennen, nooit in een bestand of op het scherm.
- Wachtwoord uit AVDESK_WACHTWOORD (scripts): scrypt (~0,1 s) draait in een thread; hashlib geeft de GIL vrij.

Bij elke fout (geen tweede kern, proces start niet, sleutelbos weigert, verkeerd wachtwoord) komt er niets terug
en haalt het venster de sleutel zelf op, met de gewone Nederlandse meldingen."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

OPDRACHT = "_sleutelhaler"          # verborgen opdracht van het gebundelde programma (daar is geen `python -m`)
WACHTTIJD = 120                     # s; de sleutelbos kan de gebruiker vragen hem te ontgrendelen


class Hulpproces:
    """Het lopende hulpproces en het leeseinde van zijn stdout. Op Linux en macOS met os.posix_spawn: het
    subprocess-pakket laden kost alleen al 3-4 ms van de start. Op Windows met subprocess.Popen."""

    def __init__(self, cmd: list[str]):
        self.popen = None
        if hasattr(os, "posix_spawn"):
            lees, schrijf = os.pipe()
            try:
                self.pid = os.posix_spawn(cmd[0], cmd, os.environ, file_actions=[
                    (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                    (os.POSIX_SPAWN_DUP2, schrijf, 1),
                    (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0)])
            except OSError:
                os.close(lees)
                raise
            finally:
                os.close(schrijf)
            self.uit = lees
        else:
            import subprocess
            self.popen = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                          stderr=subprocess.DEVNULL,
                                          creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))

    def sleutel(self) -> bytes | None:
        """De sleutel die het proces schreef (hex), als het binnen WACHTTIJD met exitcode 0 stopte; anders None."""
        if (uit := self.wacht()) is None:
            return None
        try:
            sleutel = bytes.fromhex(uit.decode("ascii").strip())
        except (UnicodeDecodeError, ValueError):
            return None
        return sleutel if len(sleutel) == 32 else None

    def wacht(self) -> bytes | None:
        """Alles wat het proces schreef, als het binnen WACHTTIJD met exitcode 0 stopte; anders None."""
        if self.popen is not None:
            import subprocess
            try:
                uit, _ = self.popen.communicate(timeout=WACHTTIJD)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.communicate()
                return None
            return uit if self.popen.returncode == 0 else None
        import select
        import signal
        delen = []
        try:
            while select.select([self.uit], [], [], WACHTTIJD)[0]:
                if not (deel := os.read(self.uit, 4096)):
                    break
                delen.append(deel)
            else:
                os.kill(self.pid, signal.SIGKILL)                # geen antwoord binnen de wachttijd
                delen = None
        finally:
            os.close(self.uit)
        _, status = os.waitpid(self.pid, 0)
        return b"".join(delen) if delen is not None and os.waitstatus_to_exitcode(status) == 0 else None


class Afleiding:
    """De sleutel uitpakken met het wachtwoord (scrypt) in een thread."""

    def __init__(self, map_: Path, wachtwoord: str):
        import threading
        self._sleutel: bytes | None = None
        self.draad = threading.Thread(target=self._afleiden, args=(map_, wachtwoord), daemon=True)
        self.draad.start()

    def _afleiden(self, map_: Path, wachtwoord: str) -> None:
        try:
            from .sleutel import Sleutelbeheer
            self._sleutel = Sleutelbeheer(map_).laad(wachtwoord)
        except Exception:           # noqa: BLE001 - het venster probeert het zelf, met de gewone melding
            self._sleutel = None

    def sleutel(self) -> bytes | None:
        self.draad.join()
        return self._sleutel


def start(map_: Path, wachtwoord: str | None = None) -> Hulpproces | Afleiding | None:
    """Begin met ophalen: een hulpproces voor de sleutelbos (als er een tweede kern is), een thread voor een
    wachtwoord dat al bekend is; anders None."""
    try:
        with open(map_ / "sleutel.json", "rb") as f:
            modus = json.loads(f.read(64 * 1024).decode("utf-8")).get("modus")    # een echt bestand is veel kleiner
    except (OSError, ValueError, AttributeError, RecursionError):
        return None                 # geen of een kapot sleutelbestand: Opslag.open meldt dat zelf
    if modus == "wachtwoord":
        return Afleiding(map_, wachtwoord) if wachtwoord else None
    if modus != "keyring" or (os.cpu_count() or 1) < 2:
        return None
    if getattr(sys, "frozen", False):
        cmd = [sys.executable, OPDRACHT, str(map_)]
    else:
        cmd = [sys.executable, "-m", __name__, str(map_)]
    try:
        return Hulpproces(cmd)
    except OSError:
        return None


def ophalen(proces: Hulpproces | Afleiding | None) -> bytes | None:
    """De sleutel van het hulpproces of de thread, of None (dan haalt de aanroeper hem zelf op)."""
    return None if proces is None else proces.sleutel()


def main(argv: list[str]) -> int:
    """Het hulpproces: de sleutel (gecontroleerd tegen sleutel.json) als hex naar stdout, anders exitcode 1."""
    try:
        from .sleutel import Sleutelbeheer
        sleutel = Sleutelbeheer(Path(argv[0])).laad()
        os.write(1, sleutel.hex().encode("ascii"))
        return 0
    except Exception:               # noqa: BLE001 - elke fout: het venster probeert het zelf, met de gewone melding
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
