"""Vijandige ingebedde gegevens (issue 21, punt 6): de ingebedde avdesk-casus.json en avdesk-berekening.json gaan
door dezelfde grenzen en schemacontroles als een casusbestand, en de berekening door een eigen schema voor wat
controleer en ontvang eruit lezen. Elke vorm geeft exit 2 met een Nederlandse melding, nooit een interne fout (3),
via `avdesk controleer` en `avdesk ontvang`."""

import json
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from avdesk import cli
from avdesk.core.casus import lees_casus
from avdesk.export.documenten import maak_documenten

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def echt():
    c = lees_casus((ROOT / "tests/scenarios/martin_hanna_2024.json").read_bytes())
    return maak_documenten(c, gemaakt=date(2024, 9, 20), dossier_id=12)


def _vervang(pdf: bytes, naam: str, wijzig) -> bytes:
    """De PDF met een ander ingebed bestand `naam`; wijzig(tekst) -> nieuwe bytes (de andere blijft echt)."""
    lezer = PdfReader(BytesIO(pdf))
    bijlagen = {k: v[0] for k, v in lezer.attachments.items()}
    bijlagen[naam] = wijzig(bijlagen[naam].decode())
    w = PdfWriter(clone_from=lezer)
    del w._root_object["/Names"]
    for k, v in bijlagen.items():
        w.add_attachment(k, v)
    uit = BytesIO()
    w.write(uit)
    return uit.getvalue()


def _json(wijzig):
    def doe(tekst: str) -> bytes:
        d = json.loads(tekst)
        wijzig(d)
        return json.dumps(d).encode()
    return doe


def _tekst(oud: str, nieuw: str):
    def doe(tekst: str) -> bytes:
        assert oud in tekst, oud
        return tekst.replace(oud, nieuw, 1).encode()
    return doe


def _zet(pad, waarde):
    def doe(d):
        o = d
        for k in pad[:-1]:
            o = o[k]
        o[pad[-1]] = waarde
    return doe


B, C = "avdesk-berekening.json", "avdesk-casus.json"
GEVALLEN = [
    # de berekening
    ("b nesting 100.000", B, lambda t: ('{"formaat": "avdesk-berekening/1", "x": ' + "[" * 100_000 + "]" * 100_000
                                        + "}").encode(), "te diep genest"),
    ("b peildatum geen-datum", B, _json(_zet(["peildatum"], "geen-datum")), "peildatum"),
    ("b peildatum getal", B, _json(_zet(["peildatum"], 20240920)), "peildatum"),
    ("b signaalcode getal", B, _json(lambda d: d["jaren"][0].__setitem__(
        "signalen", [{"code": 5, "tekst": "x", "blokkerend": True}])), "signaalcode"),
    ("b signaal blokkerend tekst", B, _json(lambda d: d["jaren"][0].__setitem__(
        "signalen", [{"code": "S1", "tekst": "x", "blokkerend": "ja"}])), "blokkerend"),
    ("b signalen geen lijst", B, _json(_zet(["jaren", 0, "signalen"], "x")), "signalen"),
    ("b periode van xxxx-yy", B, _json(_zet(["jaren", 0, "perioden", 0, "van"], "xxxx-yy")), "van"),
    ("b periode maand 13", B, _json(_zet(["jaren", 0, "perioden", 0, "tot_en_met"], "2024-13")), "tot_en_met"),
    ("b periodiek van getal", B, _json(_zet(["jaren", 0, "periodiek", 0, "van"], 202409)), "periodiek"),
    ("b 1E+999999999", B, _tekst('"totaal_compensatie": 716.00', '"totaal_compensatie": 1E+999999999'), "te groot"),
    ("b NaN", B, _tekst('"totaal_compensatie": 716.00', '"totaal_compensatie": NaN'), "te groot"),
    ("b totaal tekst", B, _json(_zet(["totaal_compensatie"], "veel")), "totaal_compensatie"),
    ("b jaren x", B, _json(_zet(["jaren"], "x")), "jaren"),
    ("b jaren [1, 2]", B, _json(_zet(["jaren"], [1, 2])), "jaren[0]"),
    ("b jaren null", B, _json(_zet(["jaren"], None)), "jaren"),
    ("b jaar als tekst", B, _json(_zet(["jaren", 0, "jaar"], "2024")), "jaar"),
    ("b parameters tekst", B, _json(_zet(["parameters"], "x")), "parameters"),
    ("b versie getal", B, _json(_zet(["parameters", "versie"], 5)), "versie"),
    ("b dubbele sleutel", B, _tekst('"totaal_compensatie": 716.00', '"totaal_compensatie": 716.00, '
                                                                   '"totaal_compensatie": 9716.0'), "twee keer"),
    ("b losse surrogaat", B, _tekst('"formaat": "avdesk-berekening/1"',
                                    '"formaat": "avdesk-berekening/1", "x": "\\ud800"'), "surrogaat"),
    ("b geen json", B, lambda t: b'{"formaat": "avdesk-berekening/1", kapot', "JSON"),
    ("b lijst", B, lambda t: b'["formaat", "avdesk-berekening/1"]', "berekening"),
    ("b tekst van 1 MB", B, _json(_zet(["opmerkingen"], ["A" * (1 << 20)])), "te lang"),
    # de casus
    ("c nesting 100.000", C, lambda t: ('{"formaat": "avdesk-casus/1", "x": ' + "{\"a\":" * 100_000 + "1"
                                        + "}" * 100_000 + "}").encode(), "te diep genest"),
    ("c aanvraagdatum geen-datum", C, _json(_zet(["aanvraagdatum"], "geen-datum")), "aanvraagdatum"),
    ("c periode van xxxx-yy", C, _json(_zet(["jaren", 0, "perioden", 0, "van"], "xxxx-yy")), "van"),
    ("c 1E+999999999", C, _json(_zet(["jaren", 0, "perioden", 0, "huur", "kale_huur"], "__G__")), "te groot"),
    ("c jaren x", C, _json(_zet(["jaren"], "x")), "jaren"),
    ("c jaren [1, 2]", C, _json(_zet(["jaren"], [1, 2])), "jaren"),
    ("c bsn als getal", C, _json(_zet(["aanvrager", "bsn"], 123456782)), "bsn"),
]


@pytest.fixture(scope="module")
def vervalst(echt):
    uit = {}
    for geval, naam, wijzig, _ in GEVALLEN:
        if geval == "c 1E+999999999":
            def wijzig(t, _w=wijzig):                                  # noqa: E731 (een getal dat JSON niet schrijft)
                return _w(t).replace(b'"__G__"', b"1E+999999999")
        uit[geval] = _vervang(echt["berekening"], naam, wijzig)
    return uit


@pytest.mark.parametrize("geval,naam,_w,melding", GEVALLEN, ids=[g[0] for g in GEVALLEN])
@pytest.mark.traag
def test_controleer(vervalst, tmp_path, capsys, geval, naam, _w, melding):
    pad = tmp_path / "vijandig.pdf"
    pad.write_bytes(vervalst[geval])
    code = cli.main(["controleer", str(pad)])
    uit = capsys.readouterr()
    tekst = uit.err + uit.out
    assert code == 2, tekst
    assert melding in tekst, tekst
    assert "interne fout" not in tekst and len(tekst) < 3000


@pytest.mark.parametrize("geval,naam,_w,melding", GEVALLEN, ids=[g[0] for g in GEVALLEN])
@pytest.mark.traag
def test_ontvang(vervalst, echt, tmp_path, capsys, monkeypatch, geval, naam, _w, melding):
    monkeypatch.setenv("AVDESK_DATA", str(tmp_path / "gemeente"))
    monkeypatch.setenv("AVDESK_WACHTWOORD", "geheim-genoeg")
    (tmp_path / "b.pdf").write_bytes(vervalst[geval])
    (tmp_path / "a.pdf").write_bytes(echt["aanvraag"])
    code = cli.main(["ontvang", str(tmp_path / "b.pdf"), str(tmp_path / "a.pdf")])
    uit = capsys.readouterr()
    tekst = uit.err + uit.out
    assert code == 2, tekst
    assert melding in tekst, tekst
    assert "interne fout" not in tekst and len(tekst) < 3000


def test_ook_als_los_proces(vervalst, tmp_path, avdesk_cli):
    """Twee gevallen door het echte programma (de rest hierboven in hetzelfde proces, voor de snelheid)."""
    for geval in ("b nesting 100.000", "b jaren [1, 2]"):
        pad = tmp_path / "vijandig.pdf"
        pad.write_bytes(vervalst[geval])
        r = avdesk_cli("controleer", pad)
        assert r.returncode == 2 and "Traceback" not in r.stderr.decode(), r.stderr.decode()
