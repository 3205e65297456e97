"""De bestanden die avdesk naast de database in de gegevensmap schrijft, en wat een afgebroken handeling daar kan
laten liggen.

- audit-kop.json: volgnummer en hash van de laatste auditregel (met een HMAC met de auditsleutel), buiten de
  database: een weggehaalde laatste regel (of drie, of alle) of een herschreven keten valt zo op.
- verwijderd.json: de nummers van verwijderde dossiers met een HMAC van hun identiteit (nummer en aanmaakmoment,
  met een sleutel die van de databasesleutel is afgeleid; geen naam, geen BSN). Na `herstel` van een oudere
  back-up worden ze opnieuw verwijderd (AVG).
- Resten van een afgebroken back-up, herstel of eerste start (herstel.db-tmp, avdesk.db.herstel, backup.db-tmp,
  *.nieuw, en het halve doelbestand van een back-up elders): ruim_resten() haalt ze weg bij het openen, en
  `verwijder` en `verlopen` doen dat ook, zodat geen dossier in zo'n rest blijft staan.
- Rechten: bestanden 0600, mappen 0700, altijd expliciet (nooit de umask).

Een lopende back-up of herstel houdt een gedeeld slot op de map (flock); opruimen gebeurt alleen als niemand dat
slot heeft, zodat een tweede avdesk-proces de bestanden van een lopende handeling niet weghaalt."""

from __future__ import annotations

import json
import os
from contextlib import contextmanager
from pathlib import Path

KOPBESTAND = "audit-kop.json"
VERWIJDERD = "verwijderd.json"
KOP_FORMAAT = "avdesk-auditkop/1"
VERWIJDERD_FORMAAT = "avdesk-verwijderd/1"
MAX_BESTAND = 4 * 1024 * 1024           # verwijderd.json: ~90 bytes per dossier; meer is niet van avdesk
BEZIG = ".backup-bezig-"                # + pid: het pad van het halve doelbestand van een lopende back-up
# Resten in de gegevensmap (met hun -wal en -shm): tijdelijke kopieen van herstel en back-up.
TIJDELIJK = ("herstel.db-tmp", "avdesk.db.herstel", "backup.db-tmp", KOPBESTAND + ".herstel")


def _hmac(sleutel: bytes, tekst: str) -> str:
    import hashlib
    import hmac
    return hmac.new(sleutel, tekst.encode("utf-8"), hashlib.sha256).hexdigest()


def zet_rechten(pad: Path, map_: bool = False) -> None:
    try:
        os.chmod(pad, 0o700 if map_ else 0o600)
    except OSError:
        pass


def schrijf_snel(pad: Path, inhoud: bytes, fsync: bool = False) -> None:
    """Schrijf via pad.nieuw en vervang in een stap (0600). Een mislukte schrijfactie laat geen half bestand."""
    tijdelijk = pad.with_name(pad.name + ".nieuw")
    try:
        fd = os.open(tijdelijk, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(fd, "wb") as f:
            f.write(inhoud)
            if fsync:
                f.flush()
                os.fsync(f.fileno())
        os.chmod(tijdelijk, 0o600)
        os.replace(tijdelijk, pad)
    except BaseException:
        try:
            tijdelijk.unlink()
        except OSError:
            pass
        raise


# ------------------------------------------------------------------ de auditkop

def kop_mac(auditsleutel: bytes, volgnr: int, h: str) -> str:
    return _hmac(auditsleutel, f"auditkop|{volgnr}|{h}")


def schrijf_kop(map_: Path, auditsleutel: bytes, volgnr: int, h: str, alleen_vooruit: bool = True,
                naam: str = KOPBESTAND) -> None:
    """Bewaar de kop. alleen_vooruit: nooit een oudere kop over een nieuwere (twee processen tegelijk)."""
    pad = Path(map_) / naam
    if alleen_vooruit:
        oud = lees_kop(map_)
        if isinstance(oud, dict) and isinstance(oud.get("volgnr"), int) and oud["volgnr"] > volgnr:
            return
    inhoud = {"formaat": KOP_FORMAAT, "volgnr": volgnr, "hash": h, "mac": kop_mac(auditsleutel, volgnr, h)}
    schrijf_snel(pad, json.dumps(inhoud).encode())


def lees_kop(map_: Path) -> dict | None | str:
    """De kop als dict; None als het bestand er niet is; "onleesbaar" als het niet van avdesk is."""
    pad = Path(map_) / KOPBESTAND
    try:
        with open(pad, "rb") as f:
            data = f.read(64 * 1024)
    except FileNotFoundError:
        return None
    except OSError:
        return "onleesbaar"
    try:
        d = json.loads(data)
        if not (isinstance(d, dict) and d.get("formaat") == KOP_FORMAAT and type(d.get("volgnr")) is int
                and isinstance(d.get("hash"), str) and isinstance(d.get("mac"), str)):
            raise ValueError
        return d
    except (ValueError, UnicodeDecodeError, RecursionError):
        return "onleesbaar"


# ------------------------------------------------------------------ verwijderde dossiers

def verwijder_sleutel(sleutel: bytes) -> bytes:
    import hashlib
    import hmac
    return hmac.new(sleutel, b"avdesk-verwijderd/1", hashlib.sha256).digest()


def identiteit(sleutel: bytes, dossier_id: int, aangemaakt: str) -> str:
    return _hmac(verwijder_sleutel(sleutel), f"{dossier_id}|{aangemaakt}")


def lees_verwijderd(map_: Path) -> list[dict]:
    pad = Path(map_) / VERWIJDERD
    try:
        with open(pad, "rb") as f:
            data = f.read(MAX_BESTAND + 1)
        d = json.loads(data)
        if len(data) > MAX_BESTAND or not isinstance(d, dict) or d.get("formaat") != VERWIJDERD_FORMAAT:
            return []
        return [r for r in d.get("dossiers", []) if isinstance(r, dict) and type(r.get("nummer")) is int
                and isinstance(r.get("kenmerk"), str)]
    except (OSError, ValueError, UnicodeDecodeError, RecursionError):
        return []


def voeg_verwijderd_toe(map_: Path, sleutel: bytes, dossiers: list[tuple[int, str]]) -> None:
    """Onthoud verwijderde dossiers (nummer, aanmaakmoment) als nummer + HMAC; gefsynct: het moet een crash
    overleven."""
    rijen = lees_verwijderd(map_)
    bekend = {r["kenmerk"] for r in rijen}
    for dossier_id, aangemaakt in dossiers:
        k = identiteit(sleutel, dossier_id, aangemaakt)
        if k not in bekend:
            rijen.append({"nummer": dossier_id, "kenmerk": k})
            bekend.add(k)
    schrijf_snel(Path(map_) / VERWIJDERD, json.dumps({"formaat": VERWIJDERD_FORMAAT, "dossiers": rijen}).encode(),
                 fsync=True)


# ------------------------------------------------------------------ slot en resten

@contextmanager
def bezig(map_: Path):
    """Een gedeeld slot op de map zolang een back-up of herstel loopt (meerdere tegelijk mag)."""
    try:
        import fcntl
    except ImportError:              # Windows: geen flock; dan ruimt alleen een start zonder andere handeling op
        yield
        return
    try:
        fd = os.open(map_, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)


def maak_herstel_af(map_: Path) -> bool:
    """Een herstel dat werd afgebroken nadat de oude database opzij was gezet (avdesk.db.voor-herstel-*) maar voor
    de nieuwe op zijn plaats stond: de nieuwe (avdesk.db.herstel) is dan al helemaal klaar; zet hem neer. Een
    -wal/-shm die nog naast de ontbrekende avdesk.db staat, hoort bij de opzij gezette oude database."""
    map_ = Path(map_)
    db, nieuw = map_ / "avdesk.db", map_ / "avdesk.db.herstel"
    if db.exists() or not nieuw.is_file():
        return False
    oude = sorted(p for p in map_.glob("avdesk.db.voor-herstel-*") if not p.name.endswith(("-wal", "-shm")))
    for staart in ("-wal", "-shm"):
        los = map_ / ("avdesk.db" + staart)
        if los.exists():
            if oude:
                os.replace(los, oude[-1].with_name(oude[-1].name + staart))
            else:
                los.unlink()
    for staart in ("-wal", "-shm"):
        (map_ / ("avdesk.db.herstel" + staart)).unlink(missing_ok=True)
    os.replace(nieuw, db)
    kop = map_ / (KOPBESTAND + ".herstel")
    if kop.exists():
        os.replace(kop, map_ / KOPBESTAND)
    return True


def ruim_resten(map_: Path, wacht: bool = False) -> list[Path]:
    """Haal de resten van afgebroken handelingen weg (als er geen handeling loopt). Geeft wat er weg is."""
    map_ = Path(map_)
    if not map_.is_dir():
        return []
    try:
        import fcntl
    except ImportError:
        fcntl = None
    fd = None
    if fcntl is not None:
        try:
            fd = os.open(map_, os.O_RDONLY)
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wacht else fcntl.LOCK_NB))
        except OSError:
            if fd is not None:
                os.close(fd)
            return []            # een back-up of herstel loopt nu: zijn bestanden blijven
    weg: list[Path] = []
    try:
        maak_herstel_af(map_)
        kandidaten = []
        for naam in TIJDELIJK:
            kandidaten += [map_ / (naam + staart) for staart in ("", "-wal", "-shm", "-journal")]
        try:
            inhoud = list(map_.iterdir())
        except OSError:
            inhoud = []
        db_er = (map_ / "avdesk.db").exists()
        for p in inhoud:
            if p.name.endswith(".nieuw") and not (p.name == "avdesk.db.nieuw" and not db_er):
                kandidaten.append(p)          # avdesk.db.nieuw zonder avdesk.db: de eerste start maakt hem af
            elif p.name.startswith(".avdesk-ruimte-"):
                kandidaten.append(p)
            elif p.name.startswith(BEZIG):
                try:
                    doel = Path(p.read_text(encoding="utf-8").strip())
                    if doel.name.endswith(".nieuw"):
                        kandidaten.append(doel)
                except (OSError, UnicodeDecodeError):
                    pass
                kandidaten.append(p)
        for p in kandidaten:
            try:
                if p.is_file():
                    p.unlink()
                    weg.append(p)
            except OSError:
                pass
    finally:
        if fd is not None:
            os.close(fd)
    return weg
