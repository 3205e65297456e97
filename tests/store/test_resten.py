"""Wat een afgebroken `herstel` of `backup` laat liggen (kill -9 op een willekeurig moment), ruimt de volgende start
op of maakt hij af; de rechten zijn 0600 (bestanden) en 0700 (de map), ook met umask 022 en na een gewoon herstel."""

import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from avdesk.core.casus import lees_casus
from avdesk.store.opslag import Opslag, lees_backup

ROOT = Path(__file__).resolve().parents[2]
MH = lees_casus((ROOT / "tests" / "scenarios" / "martin_hanna_2024.json").read_bytes())
JA = lees_casus((ROOT / "tests" / "scenarios" / "jerry_anton_2024.json").read_bytes())
WW, BW = "geheim-wachtwoord", "backup-wachtwoord"
TOEGESTAAN = {"avdesk.db", "avdesk.db-wal", "avdesk.db-shm", "sleutel.json", "audit-kop.json", "verwijderd.json"}
RONDES = 16            # per handeling (herstel en backup)


def _cli(*args, env):
    return [sys.executable, "-m", "avdesk", *map(str, args)], {**os.environ, **env}


def _controleer_map(map_: Path, doelmap: Path, ronde: str) -> None:
    for p in map_.iterdir():
        if p.name == "cache" and p.is_dir():       # de TOML-cache (core/bestanden.toml): een map 0700, bestanden 0600
            assert stat.S_IMODE(p.stat().st_mode) == 0o700, f"{ronde}: cache {oct(p.stat().st_mode)}"
            for c in p.iterdir():
                assert stat.S_IMODE(c.stat().st_mode) == 0o600, f"{ronde}: cache/{c.name} {oct(c.stat().st_mode)}"
            continue
        assert p.name in TOEGESTAAN or p.name.startswith("avdesk.db.voor-herstel-"), f"{ronde}: rest {p.name}"
        assert stat.S_IMODE(p.stat().st_mode) == 0o600, f"{ronde}: {p.name} {oct(p.stat().st_mode)}"
    assert stat.S_IMODE(map_.stat().st_mode) == 0o700, ronde
    for p in doelmap.iterdir():
        assert not p.name.endswith((".nieuw", ".db-tmp", "-wal", "-shm")), f"{ronde}: rest {p.name}"
        if p.name.startswith("b-"):
            assert stat.S_IMODE(p.stat().st_mode) == 0o600, f"{ronde}: {p.name}"
            lees_backup(p, alleen_kop=True)              # een back-up die er staat, is heel


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL bestaat alleen op Unix")
@pytest.mark.traag
def test_kill_9_tijdens_herstel_en_backup_laat_niets_liggen(tmp_path):
    map_, doelmap = tmp_path / "data", tmp_path / "doel"
    doelmap.mkdir()
    with Opslag.open(map_, WW) as o:
        a, b = o.nieuw_dossier(MH), o.nieuw_dossier(JA)
        o.bewaar_document(a, "aanvraag", "a.pdf", os.urandom(600_000))
        o.maak_backup(tmp_path / "bron.avdesk", BW)
    env = {"AVDESK_DATA": str(map_), "AVDESK_WACHTWOORD": WW, "AVDESK_BACKUP_WACHTWOORD": BW}
    duur = {}
    for naam, args in (("herstel", ("herstel", tmp_path / "bron.avdesk")), ("backup", ("backup", doelmap / "b-0"))):
        t = time.perf_counter()
        cmd, e = _cli(*args, env=env)
        assert subprocess.run(cmd, env=e, cwd=ROOT, capture_output=True).returncode == 0
        duur[naam] = time.perf_counter() - t
    toeval = random.Random(21)
    overleefd = 0
    for ronde in range(2 * RONDES):
        naam = ("herstel", "backup")[ronde % 2]
        args = ("herstel", tmp_path / "bron.avdesk") if naam == "herstel" else ("backup", doelmap / f"b-{ronde}")
        cmd, e = _cli(*args, env=env)
        p = subprocess.Popen(cmd, env=e, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(toeval.uniform(0.05, duur[naam]))
        p.send_signal(signal.SIGKILL)
        p.wait()
        with Opslag.open(map_, WW) as o:                 # de start: opruimen of afmaken
            assert o.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", ronde
            assert sorted(d["id"] for d in o.dossiers()) == [a, b], ronde
            assert o.audit_problemen() == [], (ronde, o.audit_problemen())
        _controleer_map(map_, doelmap, f"ronde {ronde} ({naam})")
        overleefd += 1
    print(f"\nkill -9: {overleefd} rondes overleefd ({RONDES} herstel, {RONDES} backup)")
    assert overleefd == 2 * RONDES


@pytest.mark.traag
def test_rechten_na_herstel_met_umask_022(tmp_path):
    map_ = tmp_path / "data"
    with Opslag.open(map_, WW) as o:
        o.nieuw_dossier(MH)
        o.maak_backup(tmp_path / "b.avdesk", BW)
    env = {"AVDESK_DATA": str(map_), "AVDESK_WACHTWOORD": WW, "AVDESK_BACKUP_WACHTWOORD": BW}
    cmd, e = _cli("herstel", tmp_path / "b.avdesk", env=env)
    r = subprocess.run(cmd, env=e, cwd=ROOT, capture_output=True, preexec_fn=lambda: os.umask(0o022))
    assert r.returncode == 0, r.stderr.decode()
    assert stat.S_IMODE((tmp_path / "b.avdesk").stat().st_mode) == 0o600
    # Een opslag van een eerdere versie (rechten volgens de umask) krijgt ze bij het openen alsnog.
    os.chmod(map_, 0o755)
    os.chmod(map_ / "sleutel.json", 0o644)
    with Opslag.open(map_, WW):
        pass
    (tmp_path / "leeg").mkdir()
    _controleer_map(map_, tmp_path / "leeg", "umask")


@pytest.mark.traag
def test_afgebroken_herstel_na_het_opzijzetten_wordt_afgemaakt(tmp_path):
    """kill -9 precies tussen het opzijzetten van de oude database en het neerzetten van de nieuwe."""
    map_ = tmp_path / "data"
    with Opslag.open(map_, WW) as o:
        o.nieuw_dossier(MH)
        o.maak_backup(tmp_path / "b.avdesk", BW)
        o.nieuw_dossier(JA)                              # staat niet in de back-up
    from avdesk.store import terugzetten
    echte = os.replace
    gestopt = []

    def stop(bron, doel):
        if str(bron).endswith("avdesk.db.herstel") and not gestopt:
            gestopt.append(1)
            raise KeyboardInterrupt                      # onderbroken precies hier
        return echte(bron, doel)
    terugzetten.os.replace = stop
    try:
        with pytest.raises(KeyboardInterrupt):
            terugzetten.herstel_backup(tmp_path / "b.avdesk", BW, map_, WW)
    finally:
        terugzetten.os.replace = echte
    # Het finally-blok van herstel maakte het al af; ook een start zou dat doen.
    with Opslag.open(map_, WW) as o:
        assert [d["aanvrager_naam"] for d in o.dossiers()] == ["Martin"]
        assert o.audit_problemen() == []
