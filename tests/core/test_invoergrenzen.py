"""Grenzen voor casusbestanden: elk vijandig bestand geeft snel exit 2 met het veld en de grens, nooit exit 3."""

import copy
import json
import time

import pytest

from avdesk.core.casus import CasusFout, elfproef, email_geldig, lees_casus
from avdesk.core.invoergrenzen import MAX_BESTAND, lees_json

from test_foute_invoer import BASIS


def _met(**wijzig) -> dict:
    d = copy.deepcopy(BASIS)
    for pad, waarde in wijzig.items():
        doel = d
        *kop, laatste = pad.split("__")
        for k in kop:
            doel = doel[int(k) if k.isdigit() else k]
        doel[int(laatste) if laatste.isdigit() else laatste] = waarde
    return d


def _fout(tekst: str | bytes) -> str:
    t = time.perf_counter()
    with pytest.raises(CasusFout) as e:
        lees_casus(tekst)
    assert time.perf_counter() - t < 1.0
    return "\n".join(e.value.fouten)


GEVALLEN = [
    ("diep_genest", "[" * 100_000 + "]" * 100_000, "te diep genest"),
    ("diep_in_object", json.dumps(_met(aanvrager__naam=None))[:-1] + ', "x": ' + "[" * 50 + "]" * 50 + "}",
     "te diep genest"),
    ("groot_geheel_getal", json.dumps(_met()).replace('"vermogen": 2500', '"vermogen": ' + "9" * 5000),
     "jaren[0].vermogen: getal 999999999999... is te groot"),
    ("exponent", json.dumps(_met()).replace('"vermogen": 2500', '"vermogen": 1E+999999999'),
     "jaren[0].vermogen: getal 1E+999999999 is te groot"),
    ("nan", json.dumps(_met()).replace('"vermogen": 2500', '"vermogen": NaN'), "jaren[0].vermogen: getal NaN"),
    ("bsn_superscript", json.dumps(_met(aanvrager__bsn="12345678²")), "aanvrager.bsn: moet uit precies 9 cijfers"),
    ("bsn_arabisch", json.dumps(_met(aanvrager__bsn="١٢٣٤٥٦٧٨٢")), "aanvrager.bsn: moet uit precies 9 cijfers"),
    ("bedrag_arabisch", json.dumps(_met(jaren__0__vermogen="٢٥٠٠")), "jaren[0].vermogen: is geen bedrag"),
    ("bedrag_exponent_tekst", json.dumps(_met(jaren__0__vermogen="1e999999")), "jaren[0].vermogen: is geen bedrag"),
    ("jaar_0001", json.dumps(_met(aanvraagdatum="0001-01-01")), "casus.aanvraagdatum: ligt niet tussen 1900 en 2100"),
    ("jaar_9999", json.dumps(_met(aanvraagdatum="9999-12-31")), "casus.aanvraagdatum: ligt niet tussen 1900 en 2100"),
    ("datum_arabisch", json.dumps(_met(aanvraagdatum="٢٠٢٤-٠٩-١٥")), "casus.aanvraagdatum: is geen geldige datum"),
    ("maand_arabisch", json.dumps(_met(jaren__0__perioden__0__van="٢٠٢٤-01")), "perioden[0].van: is geen geldige maand"),
    ("dubbele_sleutel", json.dumps(_met())[:-1] + ', "formaat": "avdesk-casus/1"}', "formaat: komt twee keer voor"),
    ("dubbel_dieper", json.dumps(_met()).replace('"naam": "Martin"', '"naam": "Martin", "naam": "Piet"'),
     "aanvrager.naam: komt twee keer voor"),
    ("losse_surrogaat", json.dumps(_met()).replace('"Martin"', '"Mar\\ud800tin"'), "aanvrager.naam: bevat een ongeldig"),
    ("naam_te_lang", json.dumps(_met(aanvrager__naam="M" * 5000)), "aanvrager.naam: tekst is te lang (5000 tekens; hooguit 200)"),
    ("motivering_te_lang", json.dumps(_met(jaren__1__terugvordering__motivering="m " * 5000)),
     "jaren[1].terugvordering.motivering: tekst is te lang"),
    ("adres_te_lang", json.dumps(_met(partner__adres="Straat " * 100)), "partner.adres: tekst is te lang"),
    ("lange_lijst", json.dumps(_met(jaren__0__perioden__0__medebewoners=[{}] * 1000)),
     "medebewoners: lijst is te lang (1000 elementen; hooguit 200)"),
    ("bestand_te_groot", b'{"x": "' + b"a" * (MAX_BESTAND + 10) + b'"}', "Het bestand is te groot"),
    ("naam_50_mb", b'{"aanvrager": {"naam": "' + b"a" * 50_000_000 + b'"}}', "Het bestand is te groot"),
    ("bewijsjaar_superscript", json.dumps(_met(aanvraag={"bewijs": {"202²": []}})), "aanvraag.bewijs.202²"),
]


@pytest.mark.parametrize("naam,invoer,melding", GEVALLEN, ids=[g[0] for g in GEVALLEN])
def test_grens_geeft_casusfout_met_veld(naam, invoer, melding):
    assert melding in _fout(invoer)


def test_basis_binnen_de_grenzen():
    lees_casus(json.dumps(BASIS))
    lees_json(json.dumps(BASIS).encode())


def test_email_lineair():
    assert email_geldig("a@b.nl") and not email_geldig("a@b") and not email_geldig("a b@c.nl")
    assert not email_geldig("a@@b.nl") and not email_geldig("@b.nl") and not email_geldig("a@.nl")
    t = time.perf_counter()
    assert not email_geldig("a" * 200_000 + "@" + "b" * 200_000)
    assert not email_geldig("@" * 200_000)
    assert time.perf_counter() - t < 0.1


def test_elfproef_alleen_ascii():
    assert elfproef("123456782") and not elfproef("12345678²") and not elfproef("١٢٣٤٥٦٧٨٢")


def test_via_cli_exit_2(tmp_path, avdesk_cli):
    pad = tmp_path / "diep.json"
    pad.write_text("[" * 100_000 + "]" * 100_000)
    for opdracht in (["bereken", pad], ["pdf", pad, "--map", tmp_path / "uit"]):
        r = avdesk_cli(*opdracht)
        assert r.returncode == 2 and "te diep genest" in r.stderr.decode() and b"Traceback" not in r.stderr
