"""De databasesleutel: 256 willekeurige bits, bewaard in een veilige sleutelbos (keyring) of ingepakt met een
wachtwoord (scrypt). Wisselen van modus pakt alleen de sleutel anders in; de database wordt niet opnieuw versleuteld.

sleutel.json naast de database is niet geheim: het bevat de modus, een controlewaarde (om een verkeerde sleutel
van een beschadigd bestand te onderscheiden) en, in wachtwoordmodus, de ingepakte sleutel met zout en MAC."""

from __future__ import annotations

import importlib
import json
import os
from pathlib import Path

# hashlib/hmac/secrets pas in de functies die ze gebruiken: OpenSSL laden kost ~3 ms, en een venster dat de sleutel
# van de sleutelhaler krijgt (al gecontroleerd) heeft ze bij het starten niet nodig.

from . import OpslagFout

SERVICE = "avdesk"
FORMAAT = "avdesk-sleutel/1"
SCRYPT = {"n": 2 ** 15, "r": 8, "p": 1}      # ~32 MB en ~0,1 s per afleiding: traag voor raden, snel genoeg bij openen
ONVEILIG = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt", "keyring.backends.chainer")


def veilige_keyring():
    """De keyring-backend als die echt versleuteld opslaat, anders None (nooit een tekstbestand als 'sleutelbos')."""
    try:
        import keyring
        backend = keyring.get_keyring()
    except Exception:
        return None
    kandidaten = getattr(backend, "backends", None)
    if kandidaten is not None:      # ChainerBackend: veilig als er een veilige onder zit
        kandidaten = [b for b in kandidaten if _veilig(b)]
        return backend if kandidaten else None
    return backend if _veilig(backend) else None


def bewaarde_sleutelbos(naam: str | None):
    """De backend die de sleutel eerder bewaarde (module:Klasse uit sleutel.json), zonder de detectie van alle
    backends: die kost op Linux zo'n 60-100 ms per start (keyring probeert ook de macOS-backend via ctypes).
    Een expliciete keuze via PYTHON_KEYRING_BACKEND gaat voor."""
    if not naam or os.environ.get("PYTHON_KEYRING_BACKEND"):
        return None
    try:
        module, klasse = naam.split(":")
        backend = getattr(importlib.import_module(module), klasse)()
        return backend if _veilig(backend) else None
    except Exception:
        return None


def _veilig(backend) -> bool:
    if getattr(backend, "avdesk_veilig", None) is not None:      # testbackends verklaren zich expliciet
        return bool(backend.avdesk_veilig)
    module = type(backend).__module__
    if module.startswith(ONVEILIG):
        return False
    try:
        return float(backend.priority) > 0
    except Exception:
        return False


def controlewaarde(sleutel: bytes) -> str:
    import hashlib
    import hmac
    return hmac.new(sleutel, b"avdesk-sleutelcontrole", hashlib.sha256).hexdigest()


# Grenzen voor de scrypt-parameters en velden die uit een bestand komen (sleutel.json, kop van een back-up): een
# gemaakt bestand met n=2**30 of p=10**6 zou anders minuten rekenen of al het geheugen vragen. avdesk schrijft zelf
# n=2**15, r=8, p=1 (32 MB, ~0,1 s); de grenzen laten ruimte voor een latere, zwaardere keuze (tot 128 MB, ~1 s).
SCRYPT_N = (2 ** 10, 2 ** 17)
SCRYPT_R = (1, 16)
SCRYPT_P = (1, 4)
SCRYPT_GEHEUGEN = 128 * 1024 * 1024      # 128 * n * r bytes
MAX_SLEUTELBESTAND = 64 * 1024           # sleutel.json is een paar honderd bytes


def _hex(waarde, lengtes: range) -> bytes:
    if not isinstance(waarde, str) or len(waarde) // 2 not in lengtes or len(waarde) % 2:
        raise ValueError
    if not all(c in "0123456789abcdefABCDEF" for c in waarde):
        raise ValueError
    return bytes.fromhex(waarde)


def _geheel(waarde, grenzen: tuple[int, int]) -> int:
    if type(waarde) is not int or not grenzen[0] <= waarde <= grenzen[1]:
        raise ValueError
    return waarde


def controleer_blok(blok) -> tuple[bytes, int, int, int, bytes, str]:
    """De ingepakte sleutel uit een bestand, gecontroleerd voordat er gerekend wordt: (zout, n, r, p, ingepakt, mac).
    ValueError als een veld ontbreekt, van het verkeerde soort is of buiten de grenzen valt."""
    if not isinstance(blok, dict):
        raise ValueError
    zout = _hex(blok.get("zout"), range(16, 65))
    n, r, p = (_geheel(blok.get(k), g) for k, g in (("n", SCRYPT_N), ("r", SCRYPT_R), ("p", SCRYPT_P)))
    if n & (n - 1) or 128 * n * r > SCRYPT_GEHEUGEN:
        raise ValueError
    ingepakt = _hex(blok.get("ingepakt"), range(32, 33))
    mac = _hex(blok.get("mac"), range(32, 33)).hex()
    return zout, n, r, p, ingepakt, mac


def _afleiden(wachtwoord: str, zout: bytes, n: int, r: int, p: int) -> tuple[bytes, bytes]:
    import hashlib
    # maxmem iets boven 128 * n * r: OpenSSL rekent er wat extra bij.
    afgeleid = hashlib.scrypt(wachtwoord.encode("utf-8"), salt=zout, n=n, r=r, p=p,
                              maxmem=SCRYPT_GEHEUGEN + 16 * 1024 * 1024, dklen=64)
    return afgeleid[:32], afgeleid[32:]


def inpakken(sleutel: bytes, wachtwoord: str) -> dict:
    """Versleutel de databasesleutel met een uit het wachtwoord afgeleide eenmalige sleutel (nieuw zout per keer)."""
    import hashlib
    import hmac
    import secrets
    zout = secrets.token_bytes(16)
    pad, mac_sleutel = _afleiden(wachtwoord, zout, **SCRYPT)
    ingepakt = bytes(a ^ b for a, b in zip(sleutel, pad))
    return {"zout": zout.hex(), **SCRYPT, "ingepakt": ingepakt.hex(),
            "mac": hmac.new(mac_sleutel, ingepakt, hashlib.sha256).hexdigest()}


def blok_fout(bron: str) -> OpslagFout:
    return OpslagFout(f"{bron} is beschadigd of niet door avdesk gemaakt: de ingepakte sleutel (zout, "
                      f"scrypt-instellingen n/r/p of MAC) ontbreekt of valt buiten de grenzen (n een macht van 2 "
                      f"van {SCRYPT_N[0]} tot en met {SCRYPT_N[1]}, r tot en met {SCRYPT_R[1]}, p tot en met "
                      f"{SCRYPT_P[1]}). avdesk rekent daar niet mee; er is niets gewijzigd.")


def uitpakken(blok: dict, wachtwoord: str, bron: str = "Het sleutelbestand") -> bytes:
    """De sleutel uitpakken. `bron` noemt in de melding waar het blok vandaan komt (sleutel.json of een back-up)."""
    import hashlib
    import hmac
    try:
        zout, n, r, p, ingepakt, mac = controleer_blok(blok)
    except ValueError:
        raise blok_fout(bron) from None
    pad, mac_sleutel = _afleiden(wachtwoord, zout, n, r, p)
    if not hmac.compare_digest(hmac.new(mac_sleutel, ingepakt, hashlib.sha256).hexdigest(), mac):
        raise OpslagFout("Het wachtwoord klopt niet.")
    return bytes(a ^ b for a, b in zip(ingepakt, pad))


def schrijf_atomair(pad: Path, inhoud: bytes) -> None:
    """Schrijf naar een tijdelijk bestand, fsync, en vervang dan in een stap: nooit een half bestand."""
    tijdelijk = pad.with_name(pad.name + ".nieuw")
    try:
        with open(os.open(tijdelijk, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as f:
            f.write(inhoud)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tijdelijk, pad)
    except BaseException:
        tijdelijk.unlink(missing_ok=True)       # een half geschreven kopie (PDF, back-up) nooit laten liggen
        raise


class Sleutelbeheer:
    def __init__(self, map_: Path):
        self.pad = map_ / "sleutel.json"

    def bestaat(self) -> bool:
        return self.pad.exists()

    def info(self) -> dict:
        try:
            with open(self.pad, "rb") as f:
                data = f.read(MAX_SLEUTELBESTAND + 1)       # nooit een heel (gemaakt) bestand van 1 GB inlezen
            if len(data) > MAX_SLEUTELBESTAND:
                raise ValueError
            d = json.loads(data.decode("utf-8"))
            if not isinstance(d, dict) or d.get("formaat") != FORMAAT or d.get("modus") not in ("keyring", "wachtwoord"):
                raise ValueError
            _hex(d.get("controle"), range(32, 33))
            if not isinstance(d.get("store_id"), str) or not 1 <= len(d["store_id"]) <= 64:
                raise ValueError
            if not isinstance(d.get("sleutelbos"), (str, type(None))):
                raise ValueError
        except (OSError, ValueError, UnicodeDecodeError, RecursionError):
            raise OpslagFout(f"Het sleutelbestand {self.pad} is onleesbaar of beschadigd. Zet het terug uit een "
                             f"back-up; zonder dit bestand en de sleutel zijn de dossiers niet te openen.") from None
        if d["modus"] == "wachtwoord":
            try:
                controleer_blok(d.get("wachtwoord"))
            except ValueError:
                raise blok_fout(f"Het sleutelbestand {self.pad}") from None
        return d

    @property
    def modus(self) -> str:
        return self.info()["modus"]

    def _gebruiker(self, info: dict) -> str:
        return f"database-{info['store_id']}"

    @staticmethod
    def _naam(backend) -> str | None:
        return None if hasattr(backend, "backends") else f"{type(backend).__module__}:{type(backend).__qualname__}"

    def maak(self, wachtwoord: str | None = None) -> bytes:
        """Een nieuwe sleutel. Zonder wachtwoord in de sleutelbos; is die er niet, dan is een wachtwoord nodig."""
        if self.bestaat():
            raise OpslagFout("Er bestaat al een sleutel voor deze dossiers; avdesk maakt geen nieuwe eroverheen.")
        import secrets
        sleutel = secrets.token_bytes(32)
        info = {"formaat": FORMAAT, "store_id": secrets.token_hex(8), "controle": controlewaarde(sleutel)}
        if wachtwoord is None:
            backend = veilige_keyring()
            if backend is None:
                raise OpslagFout("Er is geen veilige sleutelbos (keyring) op deze computer. Kies een wachtwoord "
                                 "(of zet AVDESK_WACHTWOORD) om de dossiers mee te beveiligen.", soort="wachtwoord_nodig")
            backend.set_password(SERVICE, self._gebruiker(info), sleutel.hex())
            info["modus"] = "keyring"
            info["sleutelbos"] = self._naam(backend)
        else:
            info |= {"modus": "wachtwoord", "wachtwoord": inpakken(sleutel, wachtwoord)}
        self.pad.parent.mkdir(parents=True, exist_ok=True)
        schrijf_atomair(self.pad, json.dumps(info, indent=1).encode())
        return sleutel

    def vergeet(self) -> None:
        """Haal een net gemaakte sleutel weer weg (eerste start mislukt): sleutel.json en de sleutelbos."""
        try:
            info = self.info()
        except OpslagFout:
            info = None
        self.pad.unlink(missing_ok=True)
        if info and info.get("modus") == "keyring" and (backend := veilige_keyring()) is not None:
            try:
                backend.delete_password(SERVICE, self._gebruiker(info))
            except Exception:
                pass

    def laad(self, wachtwoord: str | None = None, opgehaald: bytes | None = None) -> bytes:
        """De sleutel, gecontroleerd tegen sleutel.json. `opgehaald`: al opgehaald en gecontroleerd (sleutelhaler)."""
        info = self.info()
        if opgehaald is not None:
            return opgehaald        # de sleutelhaler haalde hem met deze functie op en controleerde hem al
        if info["modus"] == "wachtwoord":
            if wachtwoord is None:
                raise OpslagFout("De dossiers zijn beveiligd met een wachtwoord: geef het wachtwoord op "
                                 "(of zet AVDESK_WACHTWOORD).", soort="wachtwoord_nodig")
            sleutel = uitpakken(info["wachtwoord"], wachtwoord)
        else:
            hexsleutel = None
            backend = bewaarde_sleutelbos(info.get("sleutelbos"))
            if backend is not None:
                try:
                    hexsleutel = backend.get_password(SERVICE, self._gebruiker(info))
                except Exception:
                    hexsleutel = None
            if not hexsleutel:
                backend = veilige_keyring()
                if backend is None:
                    raise OpslagFout("De sleutel van de dossiers staat in de sleutelbos (keyring), maar er is nu geen "
                                     "veilige sleutelbos beschikbaar. Start avdesk in de gewone gebruikersomgeving.")
                try:
                    hexsleutel = backend.get_password(SERVICE, self._gebruiker(info))
                except Exception:
                    hexsleutel = None
            if not hexsleutel:
                raise OpslagFout("De sleutel van deze dossiers staat niet (meer) in de sleutelbos. Zonder die sleutel "
                                 "zijn de dossiers niet te openen; zet de sleutelbos of een back-up terug.")
            try:
                sleutel = bytes.fromhex(hexsleutel)
            except ValueError:
                raise OpslagFout("De sleutel in de sleutelbos is beschadigd.") from None
        import hmac
        if not hmac.compare_digest(controlewaarde(sleutel), info["controle"]):
            raise OpslagFout("De sleutel past niet bij deze dossiers (verkeerde sleutel of ander sleutelbestand).")
        return sleutel

    def naar_wachtwoord(self, sleutel: bytes, wachtwoord: str) -> None:
        """Wissel naar (of wijzig het) wachtwoord; de sleutel blijft dezelfde, de database blijft zoals hij is."""
        info = self.info()
        oud_modus = info["modus"]
        info |= {"modus": "wachtwoord", "wachtwoord": inpakken(sleutel, wachtwoord)}
        schrijf_atomair(self.pad, json.dumps(info, indent=1).encode())
        if oud_modus == "keyring" and (backend := veilige_keyring()) is not None:
            try:
                backend.delete_password(SERVICE, self._gebruiker(info))
            except Exception:
                pass

    def naar_keyring(self, sleutel: bytes) -> None:
        info = self.info()
        backend = veilige_keyring()
        if backend is None:
            raise OpslagFout("Er is geen veilige sleutelbos (keyring) op deze computer; de wachtwoordmodus blijft.")
        backend.set_password(SERVICE, self._gebruiker(info), sleutel.hex())
        info["modus"] = "keyring"
        info["sleutelbos"] = self._naam(backend)
        info.pop("wachtwoord", None)
        schrijf_atomair(self.pad, json.dumps(info, indent=1).encode())
