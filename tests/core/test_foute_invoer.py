"""Foute invoer: elk kapot casusbestand geeft exit 2 en een Nederlandse melding die het veld noemt, nooit een traceback."""

import copy
import json

import pytest

BASIS = {
    "formaat": "avdesk-casus/1",
    "aanvraagdatum": "2024-09-15",
    "aanvrager": {"naam": "Martin", "geboortedatum": "1979-07-15", "bsn": "123456782"},
    "partner": {"naam": "Hanna", "geboortedatum": "1987-05-17"},
    "jaren": [{
        "jaar": 2024, "vermogen": 2500,
        "perioden": [
            {"van": "2024-01", "tot_en_met": "2024-08", "toetsingsinkomen": {"aanvrager": 27000, "partner": 0},
             "netto_inkomen_per_maand": 1686, "huur": {"kale_huur": 660, "servicekosten": {"energie": 5}},
             "medebewoners": [{"naam": "Daan", "geboortedatum": "2016-03-01", "kind": True}],
             "ontvangen": {"huurtoeslag": 398, "zorgtoeslag": 233}},
            {"van": "2024-09", "tot_en_met": "2024-12", "toetsingsinkomen": {"aanvrager": 30020, "partner": 3020},
             "huur": {"kale_huur": 660}},
        ]}, {
        "jaar": 2022, "perioden": [],
        "terugvordering": {"huurtoeslag": {"voorschot": 3000, "definitief": 2500}, "deel_alleenverdieners": "geheel"}}],
}


def met(pad_waarde):
    """Kopie van BASIS met een wijziging: (pad, waarde); waarde WEG verwijdert het veld."""
    def maak():
        d = copy.deepcopy(BASIS)
        for pad, waarde in pad_waarde:
            *kop, laatste = pad
            doel = d
            for k in kop:
                doel = doel[k]
            if waarde is WEG:
                del doel[laatste]
            else:
                doel[laatste] = waarde
        return json.dumps(d).encode()
    return maak


WEG = object()
P0 = ("jaren", 0, "perioden", 0)
P1 = ("jaren", 0, "perioden", 1)
TV = ("jaren", 1, "terugvordering")

GEVALLEN = [
    ("niet_json", lambda: b"{dit is geen json", "geen geldige JSON"),
    ("leeg_bestand", lambda: b"", "geen geldige JSON"),
    ("geen_utf8", lambda: b"\xff\xfe\x00{", "geen geldige JSON"),
    ("lijst_in_plaats_van_object", lambda: b"[1, 2]", "JSON-object"),
    ("formaat_ontbreekt", met([(("formaat",), WEG)]), "formaat: moet \"avdesk-casus/1\" zijn"),
    ("formaat_onbekend", met([(("formaat",), "avdesk-casus/9")]), "formaat"),
    ("aanvrager_ontbreekt", met([(("aanvrager",), WEG)]), "aanvrager: ontbreekt"),
    ("partner_ontbreekt", met([(("partner",), WEG)]), "partner: ontbreekt"),
    ("geboortedatum_ontbreekt", met([(("aanvrager", "geboortedatum"), WEG)]), "aanvrager.geboortedatum: ontbreekt"),
    ("geboortedatum_maand_13", met([(("partner", "geboortedatum"), "2024-13-01")]), "partner.geboortedatum: is geen geldige datum"),
    ("geboortedatum_dd_mm_jjjj", met([(("aanvrager", "geboortedatum"), "15-07-1979")]), "aanvrager.geboortedatum: is geen geldige datum"),
    ("geboortedatum_in_toekomst", met([(("aanvrager", "geboortedatum"), "2099-01-01")]), "aanvrager.geboortedatum: ligt niet tussen"),
    ("bsn_elfproef", met([(("aanvrager", "bsn"), "123456789")]), "aanvrager.bsn: is geen geldig burgerservicenummer"),
    ("bsn_letters", met([(("aanvrager", "bsn"), "12345678a")]), "aanvrager.bsn: moet uit precies 9 cijfers"),
    ("bsn_als_getal", met([(("partner", "bsn"), 123456782)]), "partner.bsn: moet tekst zijn"),
    ("jaren_ontbreekt", met([(("jaren",), WEG)]), "casus.jaren: ontbreekt"),
    ("jaren_leeg", met([(("jaren",), [])]), "jaren: is leeg"),
    ("jaar_2019", met([(("jaren", 0, "jaar"), 2019)]), "jaren[0].jaar: toeslagjaar 2019 wordt niet ondersteund; avdesk kent de jaren 2022"),
    ("jaar_als_tekst", met([(("jaren", 0, "jaar"), "2024")]), "jaren[0].jaar: moet een jaartal zijn"),
    ("jaar_dubbel", met([(("jaren", 1, "jaar"), 2024), (("jaren", 1, "terugvordering"), WEG)]), "jaren[1].jaar: 2024 komt twee keer voor"),
    ("maand_13", met([(P0 + ("van",), "2024-13")]), "jaren[0].perioden[0].van: is geen geldige maand"),
    ("maand_als_datum", met([(P0 + ("tot_en_met",), "2024-08-31")]), "jaren[0].perioden[0].tot_en_met: is geen geldige maand"),
    ("tot_voor_van", met([(P0 + ("van",), "2024-05"), (P0 + ("tot_en_met",), "2024-02")]), "jaren[0].perioden[0].tot_en_met: 2024-02 ligt voor"),
    ("maand_in_ander_jaar", met([(P0 + ("van",), "2023-11")]), "jaren[0].perioden[0].van: 2023-11 ligt niet in toeslagjaar 2024"),
    ("perioden_overlappen", met([(P1 + ("van",), "2024-08")]), "jaren[0].perioden[1]: 2024-08 t/m 2024-12 overlapt"),
    ("perioden_niet_op_volgorde", met([(P0 + ("van",), "2024-09"), (P0 + ("tot_en_met",), "2024-12"),
                                       (P1 + ("van",), "2024-01"), (P1 + ("tot_en_met",), "2024-08")]),
     "jaren[0].perioden[1]: 2024-01 t/m 2024-08 staat niet op volgorde"),
    ("huur_negatief", met([(P0 + ("huur", "kale_huur"), -660)]), "jaren[0].perioden[0].huur.kale_huur: mag niet negatief zijn"),
    ("huur_tekst", met([(P0 + ("huur", "kale_huur"), "zeshonderd")]), "jaren[0].perioden[0].huur.kale_huur: is geen bedrag"),
    ("huur_komma", met([(P0 + ("huur", "kale_huur"), "660,00")]), "gebruik een punt als decimaalteken"),
    ("huur_drie_decimalen", met([(P0 + ("huur", "kale_huur"), "660.001")]), "kale_huur: heeft meer dan twee decimalen"),
    ("servicekosten_negatief", met([(P0 + ("huur", "servicekosten", "energie"), -1)]), "huur.servicekosten.energie: mag niet negatief"),
    ("toetsingsinkomen_ontbreekt", met([(P0 + ("toetsingsinkomen",), WEG)]), "jaren[0].perioden[0].toetsingsinkomen: ontbreekt"),
    ("inkomen_partner_ontbreekt", met([(P1 + ("toetsingsinkomen", "partner"), WEG)]), "jaren[0].perioden[1].toetsingsinkomen.partner: ontbreekt"),
    ("inkomen_is_true", met([(P0 + ("toetsingsinkomen", "aanvrager"), True)]), "toetsingsinkomen.aanvrager: moet een bedrag zijn"),
    ("netto_negatief", met([(P0 + ("netto_inkomen_per_maand",), -5)]), "jaren[0].perioden[0].netto_inkomen_per_maand: mag niet negatief"),
    ("medebewoner_zonder_geboortedatum", met([(P0 + ("medebewoners", 0, "geboortedatum"), WEG)]), "medebewoners[0].geboortedatum: ontbreekt"),
    ("medebewoner_kind_ja", met([(P0 + ("medebewoners", 0, "kind"), "ja")]), "medebewoners[0].kind: moet true of false zijn"),
    ("ontvangen_negatief", met([(P0 + ("ontvangen", "huurtoeslag"), -398)]), "jaren[0].perioden[0].ontvangen.huurtoeslag: mag niet negatief"),
    ("perioden_geen_lijst", met([(("jaren", 0, "perioden"), {"van": "2024-01"})]), "jaren[0].perioden: moet een lijst"),
    ("vermogen_negatief", met([(("jaren", 0, "vermogen"), -1)]), "jaren[0].vermogen: mag niet negatief"),
    ("profiel_onbekend", met([(("beleidsprofiel",), "amsterdam-2030")]), "beleidsprofiel: onbekend profiel 'amsterdam-2030'"),
    ("aanvraagdatum_30_februari", met([(("aanvraagdatum",), "2024-02-30")]), "casus.aanvraagdatum: is geen geldige datum"),
    ("referentie_zonder_motivering", met([(P0 + ("referentie_bruto_bijstand_per_partner",), 12000)]), "referentie_motivering: is verplicht"),
    ("terugvordering_zonder_bedragen", met([(TV + ("huurtoeslag",), WEG)]), "jaren[1].terugvordering: geef per toeslag"),
    ("terugvordering_deel_onbekend", met([(TV + ("deel_alleenverdieners",), "half")]), "terugvordering.deel_alleenverdieners: moet \"geheel\""),
    ("terugvordering_deels_zonder_motivering", met([(TV + ("deel_alleenverdieners",), 200)]), "terugvordering.motivering: is verplicht"),
    ("terugvordering_deel_te_groot", met([(TV + ("deel_alleenverdieners",), 800), (TV + ("motivering",), "x")]),
     "terugvordering.deel_alleenverdieners: 800 is meer dan de terugvordering"),
    ("terugvordering_voorschot_ontbreekt", met([(TV + ("huurtoeslag", "voorschot"), WEG)]), "terugvordering.huurtoeslag.voorschot: ontbreekt"),
]


@pytest.mark.parametrize("naam,maak,melding", GEVALLEN, ids=[g[0] for g in GEVALLEN])
@pytest.mark.traag
def test_foute_casus_geeft_exit_2_met_veld(naam, maak, melding, tmp_path, avdesk_cli):
    pad = tmp_path / f"{naam}.json"
    pad.write_bytes(maak())
    r = avdesk_cli("bereken", pad, "--json")
    fout = r.stderr.decode()
    assert r.returncode == 2, fout
    assert melding in fout
    assert "Traceback" not in fout and r.stdout == b""


def test_er_zijn_minstens_30_gevallen():
    assert len(GEVALLEN) >= 30


def test_basis_zelf_is_geldig(tmp_path, avdesk_cli):
    # Zonder deze controle zou elke test hierboven ook slagen als de basis zelf al fout was.
    pad = tmp_path / "goed.json"
    pad.write_bytes(met([])())
    r = avdesk_cli("bereken", pad, "--json")
    assert r.returncode == 0, r.stderr.decode()


def test_onbekend_veld_geeft_waarschuwing_maar_rekent(tmp_path, avdesk_cli):
    pad = tmp_path / "extra.json"
    pad.write_bytes(met([(("opmerking",), "mag")])())
    r = avdesk_cli("bereken", pad)
    assert r.returncode == 0
    assert "casus.opmerking: onbekend veld, genegeerd" in r.stderr.decode()


def test_bestand_bestaat_niet(avdesk_cli):
    r = avdesk_cli("bereken", "bestaat/niet.json")
    assert r.returncode == 2 and "bestaat niet" in r.stderr.decode()


def test_onbekende_optie_nederlands(avdesk_cli):
    r = avdesk_cli("bereken", "--onzin")
    assert r.returncode == 2 and "fout:" in r.stderr.decode()
