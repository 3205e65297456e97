"""Per scenario: de peildatum, welke cijfers uit een voorbeeld van de handreiking komen, en de handberekening van de
jaarcijfers en de signalen op jaarniveau (REKENMODEL §4-9). uitwerking.py maakt hier de zusterbestanden van."""

BRONNEN_HR = {
    "hr-mh": {"soort": "handreiking", "voorbeeld": "Martin en Hanna 2024 (periodevoorbeeld)",
              "tekst": "Handreiking (seed 002), VOORBEELDEN.md 'Period examples': januari-augustus 1/3, vanaf "
                       "september 100/71 per maand; REKENMODEL §4: 8 x 4 + 4 x 171 = 716, aanvraag september: "
                       "januari-augustus eenmalig (32), september-december periodiek 171"},
    "hr-is": {"soort": "handreiking", "voorbeeld": "Irene en Sergio 2023 (periodevoorbeeld)",
              "tekst": "Handreiking (seed 002), VOORBEELDEN.md 'Period examples': HT 48 en ZT 35 per maand in beide "
                       "halve jaren: 12 x 83 = 996"},
    "hr-ja": {"soort": "handreiking", "voorbeeld": "Jerry en Anton 2024 (periodevoorbeeld)",
              "tekst": "Handreiking (seed 002), VOORBEELDEN.md 'Period examples': stel vanaf juli, 148/101 per maand: "
                       "6 x 249 = 1.494"},
    "hr-oma": {"soort": "handreiking", "voorbeeld": "kostendelersnorm 2024 (met oma)",
               "tekst": "Handreiking (seed 002), VOORBEELDEN.md 'Period examples': 142/3 per maand over het jaar: "
                        "12 x 145 = 1.740",
               "fout": "de handreiking noemt zorgtoeslag 236 bij 27.000 (verschil 0); het is 233, verschil 3 "
                       "(VOORBEELDEN.md, Known errors)"},
    "hr-bosveld": {"soort": "handreiking", "voorbeeld": "terugvordering 2022 (Bosveld)",
                   "tekst": "Handreiking (seed 002), VOORBEELDEN.md: voorschot HT 3.000 / ZT 2.200, definitief 2.500 / "
                            "1.800: terugvordering 900, geheel door de alleenverdienersproblematiek vergoed"},
}


def uitw(tekst: str, berekening: str, parameters: str = "REKENMODEL §4-9") -> dict:
    return {"soort": "uitwerking", "parameters": parameters, "tekst": tekst, "berekening": berekening}


S8_2022 = "S8: 2022 bruto bijstand 10.280 is afgeleid (PARAMETERS.md §4, 'derived')"
S8_2023 = ("S8: de afronding van de zorgtoeslag 2023 is afgeleid (PARAMETERS.md §1: alleen 2025/2026 bevestigd uit de "
           "tabellen; de rekentool bevestigt afkappen, niet of het jaarbedrag eerst wordt afgerond)")
S8_2026 = "S8: 2026 bruto bijstand 13.848 is afgeleid (PARAMETERS.md §4, 'derived'), ook norm H2 2026 en de afbouwmethode"

SIG_MH = uitw("signalen 2024 Martin en Hanna", "geen S2 (voorschotten), geen S5 (WW, vermogen 2.500, geboren na "
                                                "1962), geen S7 (33.040 < 35.849), geen S8 (alle 2024-waarden "
                                                "bevestigd), geen S10 (aanvraag voor de peildatum)")

SPEC = {
    "martin_hanna_2024": dict(
        peildatum="2024-09-20", totaal_bron="hr-mh", bronnen={**BRONNEN_HR, "sig-mh": SIG_MH},
        handreiking={(2024, 0, 1): dict(R="E", W="F", regel="hr-mh"), (2024, 0, 7): dict(R="E", W="F", regel="hr-mh"),
                     (2024, 1, 9): dict(R="E", W="G", regel="hr-mh")},
        jaren={2024: dict(bron="hr-mh", signalen=[], signalen_bron="sig-mh")},
    ),
    "drie_jaren": dict(
        peildatum="2024-09-20", totaal_bron="drie-totaal", bronnen={
            **BRONNEN_HR,
            "drie-totaal": uitw("som van de jaren", "900 (2022, Bosveld) + 996 (2023, stap 11) + 716 (2024, Martin en "
                                                    "Hanna) = 2.612"),
            "stap11-2023": uitw("stap 11 over 2023 (REKENMODEL §6)",
                                "(1) = 12 x 83 = 996 (Irene en Sergio); (2) = 6 x (1.708,08 + 648 - 1.700 - 565) + 6 x "
                                "(1.738,02 + 571 - 1.700 - 488) = 6 x 91,08 + 6 x 121,02 = 1.272,60; laagste 996; "
                                "terugvordering (4.100 - 3.700) + (3.180 - 2.900) = 680; 996 - 680 = 316 daarboven; "
                                "compensatie 680 + 316 = 996", "REKENMODEL §5-6, PARAMETERS.md §4 (normen 2023)"),
            "sig-2022": uitw("signalen 2022", S8_2022 + "; S5 open: vermogen 2022 niet ingevuld (REKENMODEL §9)"),
            "sig-2023": uitw("signalen 2023", S8_2023 + "; S2: de definitieve beschikking van 20-08-2024 is op de "
                                                        "peildatum 20-09-2024 minder dan 6 weken oud (tot 01-10-2024)"),
            "sig-mh": SIG_MH,
        },
        handreiking={(2023, 0, 1): dict(R="A1", W="B1", regel="hr-is"), (2023, 1, 7): dict(R="A2", W="B2", regel="hr-is"),
                     (2024, 0, 1): dict(R="E", W="F", regel="hr-mh"), (2024, 0, 7): dict(R="E", W="F", regel="hr-mh"),
                     (2024, 1, 9): dict(R="E", W="G", regel="hr-mh")},
        jaren={2022: dict(bron="hr-bosveld", signalen=["S5", "S8"], signalen_bron="sig-2022"),
               2023: dict(bron="stap11-2023", bron_tv="stap11-2023", signalen=["S2", "S8"], signalen_bron="sig-2023"),
               2024: dict(bron="hr-mh", signalen=[], signalen_bron="sig-mh")},
    ),
}

IS = {(2023, 0, 1): dict(R="A1", W="B1", regel="hr-is"), (2023, 1, 7): dict(R="A2", W="B2", regel="hr-is")}

SPEC.update({
    "bosveld_2022": dict(
        peildatum="2024-11-04", totaal_bron="hr-bosveld", bronnen={
            **BRONNEN_HR,
            "sig-bosveld": uitw("signalen 2022 Bosveld", S8_2022 + " (de doelgroeptoets leest de vermogensgrens 2022, "
                                                                   "'onzeker'); S5 open: vermogen niet ingevuld; geen "
                                                                   "S2: beschikking 20-06-2024, peildatum 04-11-2024")},
        jaren={2022: dict(bron="hr-bosveld", signalen=["S5", "S8"], signalen_bron="sig-bosveld")},
    ),
    "irene_sergio_2023": dict(
        peildatum="2024-10-01", totaal_bron="hr-is", bronnen={
            **BRONNEN_HR, "sig-is": uitw("signalen 2023 Irene en Sergio", S8_2023 + "; geen S5: vermogen 1.200, beiden "
                                                                                     "na 1962 geboren")},
        handreiking=IS, jaren={2023: dict(bron="hr-is", signalen=["S8"], signalen_bron="sig-is")},
    ),
    "irene_sergio_2023_mvs": dict(
        peildatum="2025-06-01", totaal_bron="mvs-2023", bronnen={
            **BRONNEN_HR,
            "mvs-2023": uitw("MVS 2025 over 2023 (seed 003 art. 5 lid 1)",
                             "tekort 2023 12 x 83 = 996 (Irene en Sergio, zonder toets: art. 5 lid 1 b) wordt berekend "
                             "maar niet vergoed (tekort alleen over 2024); terugvordering (4.000 - 3.600) + (2.880 - "
                             "2.600) = 680, geheel: vergoed (lid 1 a); geen stap 11 (REKENMODEL §6); compensatie 680",
                             "REKENMODEL §4-7, seed 003 art. 5"),
            "mvs-toets": uitw("MVS: geen toets aan het bestaansminimum", "seed 003 art. 5 lid 1 b: het verschil, HT 48 + "
                                                                         "ZT 35 = 83 per maand (Irene en Sergio)",
                              "REKENMODEL §4"),
            "sig-mvs": uitw("signalen 2023", S8_2023 + "; geen S2: beschikking 01-03-2025, peildatum 01-06-2025; geen "
                                                       "S11: aanvraag voor 01-01-2026")},
        handreiking={k: {**v, "regel": "mvs-toets"} for k, v in IS.items()},
        jaren={2023: dict(bron="mvs-2023", signalen=["S8"], signalen_bron="sig-mvs")},
    ),
    "jerry_anton_2024": dict(
        peildatum="2025-02-03", totaal_bron="hr-ja", bronnen={
            **BRONNEN_HR, "sig-ja": uitw("signalen 2024 Jerry en Anton", "S5 open: vermogen niet ingevuld; S3 per "
                                                                         "periode (geen netto-inkomen); geen S7: 35.650 "
                                                                         "< 35.849")},
        handreiking={(2024, 0, 7): dict(R="H", W="I", regel="hr-ja")},
        jaren={2024: dict(bron="hr-ja", signalen=["S5"], signalen_bron="sig-ja")},
    ),
    "oma_kostendelers_2024": dict(
        peildatum="2025-01-10", totaal_bron="hr-oma", bronnen={
            **BRONNEN_HR, "sig-oma": uitw("signalen 2024 met oma", "S5 open: vermogen niet ingevuld (oma's AOW-leeftijd "
                                                                   "telt niet voor de doelgroep, alleen de partners)")},
        handreiking={(2024, 0, 1): dict(R="L1", W="L2", regel="hr-oma"), (2024, 0, 7): dict(R="L1", W="L2",
                                                                                            regel="hr-oma")},
        jaren={2024: dict(bron="hr-oma", signalen=["S5"], signalen_bron="sig-oma")},
    ),
    "wtrap_2026": dict(
        peildatum="2026-12-03", totaal_bron="wtrap-2026",
        bronnen={"wtrap-2026": uitw("Wtrap 2026 (REKENMODEL §8, PARAMETERS.md §5)",
                                    "alle vragen ja; partner 1982 (na 1962); geen AOW; vermogen 4.000 <= 184.633; "
                                    "lagere toeslagen: 12 x (674 - 610) = 768 > 0; inkomenstoets: 6 x (1.900 + 610) + "
                                    "6 x (1.900 + 610) = 30.120 < 6 x 2.676,13 + 6 x 2.701,79 = 32.267,52; voldoet: "
                                    "vaste tegemoetkoming 1.100 (Stcrt. 2025, 44064); tekort 768 < 1.100: geen S6",
                                    "REKENMODEL §8, PARAMETERS.md §4-5"),
                 "sig-wtrap": uitw("signalen 2026", S8_2026 + "; S10: aanvraag 10-02-2027 na de peildatum 03-12-2026")},
        wtrap={2026: dict(voldoet=True, bron="wtrap-2026")},
        jaren={2026: dict(bron="wtrap-2026", signalen=["S10", "S8"], signalen_bron="sig-wtrap")},
    ),
})
