"""Fuzz: vijandige casusbestanden door `bereken`, `import` en `pdf` (de CLI in dit proces, met een eigen
AVDESK_DATA en de testsleutelbos; een klein deel als los proces voor het geheugen). Geen exit 3, geen traceback,
geen run boven 10 s, geen proces boven 300 MB. Geseede generator, begrensd in tijd.

Draai los met cijfers: .venv/bin/python -m pytest -q -s tests/core/test_fuzz_invoer.py"""

import copy
import json
import os
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from avdesk.cli import main

from test_foute_invoer import BASIS

ROOT = Path(__file__).resolve().parents[2]
ZAAD = 16
BUDGET = 40.0                 # s voor het hele in-proces-deel
TEKSTVELDEN = [("aanvrager", "naam"), ("partner", "naam"), ("aanvrager", "adres"), ("partner", "woonplaats"),
               ("aanvrager", "email"), ("aanvrager", "iban"), ("aanvrager", "bsn"), ("partner", "bsn")]
RARE_CIJFERS = ["²", "٣", "٢", "۵", "१", "０", "𝟘", "Ⅳ"]


def _paden(d, pad=()):
    yield pad
    if isinstance(d, dict):
        for k, v in d.items():
            yield from _paden(v, pad + (k,))
    elif isinstance(d, list):
        for i, v in enumerate(d):
            yield from _paden(v, pad + (i,))


def _zet(d, pad, waarde):
    for k in pad[:-1]:
        d = d[k]
    d[pad[-1]] = waarde


def _mutant(r: random.Random) -> tuple[str, bytes]:
    d = copy.deepcopy(BASIS)
    paden = [p for p in _paden(d) if p]
    soort = r.choice(["diep", "getal", "cijfers", "datum", "dubbel", "surrogaat", "lang", "woord", "type", "bytes",
                      "afgekapt", "email", "lijst"])
    if soort == "diep":
        n = r.choice([17, 100, 1000, 100_000])
        _zet(d, r.choice(paden), "DIEP")
        return soort, json.dumps(d).replace('"DIEP"', "[" * n + "]" * n).encode()
    if soort == "getal":
        getal = r.choice(["9" * r.choice([31, 4301, 20000]), "1E+999999999", "-1e-999999", "1.5e308", "NaN",
                          "Infinity", "-0.0", "123456789.123", "1" + "0" * 29])
        _zet(d, r.choice(paden), "GETAL")
        return soort, json.dumps(d).replace('"GETAL"', getal).encode()
    if soort == "cijfers":
        pad = r.choice([("aanvrager", "bsn"), ("jaren", 0, "vermogen"), ("aanvraagdatum",),
                        ("jaren", 0, "perioden", 0, "van"), ("aanvrager", "iban")])
        basis = {"bsn": "123456782", "vermogen": "2500", "aanvraagdatum": "2024-09-15", "van": "2024-01",
                 "iban": "NL91ABNA0417164300"}[pad[-1]]
        i = r.randrange(len(basis))
        _zet(d, pad, basis[:i] + r.choice(RARE_CIJFERS) + basis[i + 1:])
    elif soort == "datum":
        pad = r.choice([("aanvraagdatum",), ("aanvrager", "geboortedatum"), ("jaren", 1, "terugvordering",
                                                                              "datum_definitieve_beschikking")])
        _zet(d, pad, r.choice(["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01", "2024-02-30", "+2024-01-01"]))
    elif soort == "dubbel":
        tekst = json.dumps(d)
        return soort, tekst.replace('"naam": "Martin"', '"naam": "Martin", "naam": "X"', 1).encode()
    elif soort == "surrogaat":
        tekst = json.dumps(d).replace('"Hanna"', r.choice(['"Ha\\udc00nna"', '"\\ud800"', '"\\udfff\\ud800"']))
        return soort, tekst.encode()
    elif soort == "lang":
        _zet(d, r.choice(TEKSTVELDEN), r.choice(["a", "a b ", "é"]) * r.choice([150, 201, 1001, 100_000]))
    elif soort == "woord":             # een lang woord zonder spaties, binnen de grens: moet gewoon renderen
        _zet(d, r.choice(TEKSTVELDEN[:4]), "W" * r.choice([60, 150, 199]))
        d["jaren"][1]["terugvordering"]["motivering"] = "M" * r.choice([500, 2000, 4999])
    elif soort == "type":
        _zet(d, r.choice(paden), r.choice([None, True, [], {}, "", "x", 0, -1, [[]], {"a": 1}, 1e9, "1e3"]))
    elif soort == "bytes":
        b = bytearray(json.dumps(d).encode())
        for _ in range(r.randint(1, 8)):
            b[r.randrange(len(b))] = r.randrange(256)
        return soort, bytes(b)
    elif soort == "afgekapt":
        b = json.dumps(d).encode()
        return soort, b[:r.randrange(len(b))]
    elif soort == "email":
        _zet(d, ("aanvrager", "email"), r.choice(["a" * 80_000, "@" * 250, "a@" * 120, "a" * 100 + "@b.nl"]))
    elif soort == "lijst":
        _zet(d, ("jaren", 0, "perioden", 0, "medebewoners"),
             [{"geboortedatum": "2016-03-01", "kind": True}] * r.choice([30, 199, 201, 5000]))
    return soort, json.dumps(d, ensure_ascii=r.random() < 0.5).encode()


@pytest.mark.traag
def test_fuzz_in_proces(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("AVDESK_DATA", str(tmp_path / "data"))
    monkeypatch.delenv("AVDESK_WACHTWOORD", raising=False)
    r = random.Random(ZAAD)
    codes: Counter = Counter()
    soorten: Counter = Counter()
    traagst = (0.0, "")
    begin = time.monotonic()
    n = 0
    while time.monotonic() - begin < BUDGET and n < 400:
        soort, invoer = _mutant(r)
        soorten[soort] += 1
        pad = tmp_path / f"casus-{n}.json"
        pad.write_bytes(invoer)
        for opdracht in (["bereken", str(pad), "--json"], ["import", str(pad)],
                         ["pdf", str(pad), "--map", str(tmp_path / "uit")]):
            t = time.monotonic()
            code = main(opdracht)
            duur = time.monotonic() - t
            uit = capsys.readouterr()
            codes[(opdracht[0], code)] += 1
            assert code != 3, f"{soort} {opdracht[0]}: {uit.err[-500:]}"
            assert code in (0, 2) and "Traceback" not in uit.err, f"{soort}: {uit.err[-500:]}"
            assert duur < 10, f"{soort} {opdracht[0]}: {duur:.1f} s"
            traagst = max(traagst, (duur, f"{opdracht[0]} {soort}"))
        n += 1
        pad.unlink()
    # Het geheugen van dit proces telt pytest en eerdere tests mee: alleen ter informatie; de grens van 300 MB per
    # proces meet de test hieronder met losse processen.
    geheugen = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with capsys.disabled():
        print(f"\nfuzz: {n} casussen ({dict(soorten)}), exitcodes {dict(sorted(codes.items()))}, traagst "
              f"{traagst[0]:.2f} s ({traagst[1]}), hoogste geheugen van het testproces {geheugen:.0f} MB")
    assert n >= 50


# De piek van het avdesk-proces zelf (VmHWM, per geheugenruimte: telt de kopie van pytest voor exec niet mee,
# wat ru_maxrss van een kindproces op Linux wel doet).
SHIM = """import sys
from avdesk.cli import main
try:
    code = main(sys.argv[2:])
finally:
    try:
        regel = next(r for r in open("/proc/self/status") if r.startswith("VmHWM"))
    except OSError:
        regel = ""
    open(sys.argv[1], "w").write(regel)
sys.exit(code)
"""


@pytest.mark.traag
def test_fuzz_losse_processen_geheugen(tmp_path):
    """De zwaarste soorten als los proces: geheugen per proces (ru_maxrss van de kinderen) en exitcode."""
    grootst, traagst = 0.0, 0.0
    env = {**os.environ, "AVDESK_DATA": str(tmp_path / "d"), "AVDESK_WACHTWOORD": "geheim-ww"}
    invoer = [b'{"aanvrager": {"naam": "' + b"a" * 50_000_000 + b'"}}',
              b"[" * 200_000 + b"]" * 200_000,
              json.dumps({**BASIS, "aanvrager": {**BASIS["aanvrager"], "email": "a" * 80_000}}).encode(),
              b'{"x": ' + b"9" * 100_000 + b"}",
              json.dumps({**BASIS, "aanvrager": {**BASIS["aanvrager"], "naam": "W" * 199}}).encode()]
    for i, data in enumerate(invoer):
        pad = tmp_path / f"z{i}.json"
        pad.write_bytes(data)
        for opdracht in (["bereken", pad], ["pdf", pad, "--map", tmp_path / "uit"]):
            t = time.monotonic()
            hwm = tmp_path / "hwm"
            r = subprocess.run([sys.executable, "-c", SHIM, hwm, *map(str, opdracht)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, cwd=ROOT, env=env, timeout=60)
            traagst = max(traagst, time.monotonic() - t)
            assert r.returncode in (0, 2) and b"Traceback" not in r.stderr, r.stderr.decode()[-400:]
            mb = int(hwm.read_text().split()[1]) / 1024 if hwm.read_text() else 0.0
            p = r
            grootst = max(grootst, mb)
            print(f"  {opdracht[0]} {i}: exit {p.returncode}, {mb:.0f} MB, {time.monotonic() - t:.2f} s")
    print(f"\nlosse processen: traagst {traagst:.2f} s, grootste {grootst:.0f} MB")
    assert traagst < 10 and grootst < 300
