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


S8_2022 = ("S8: de vermogensgrens huurtoeslag 2022 (63.494 voor partners) komt alleen uit een secundaire bron: onzeker "
           "(issue 24; PARAMETERS.md §3), en de doelgroeptoets leest hem")
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
            "sig-bosveld": uitw("signalen 2022 Bosveld", S8_2022 + "; S5 open: vermogen niet ingevuld; geen S2: "
                                                                   "beschikking 20-06-2024, peildatum 04-11-2024")},
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


# ---------------------------------------------------------------- scenario's voor de regeldekking (takken.py)

KH = {(2024, 0, 1): dict(R="K1", W="K3", regel="k-jaar"), (2024, 1, 7): dict(R="K2", W="K4", regel="k-jaar")}
MH = {(2024, 0, 1): dict(R="E", W="F", regel="mvs-mh"), (2024, 0, 7): dict(R="E", W="F", regel="mvs-mh"),
      (2024, 1, 9): dict(R="E", W="G", regel="mvs-mh")}
MVS_MH = uitw("MVS 2025 over 2024, Martin en Hanna (seed 003 art. 5 lid 1 b en lid 2)",
              "het verschil zonder toets: januari-augustus 4 (1/3), september-december 171 (100/71, aanvullende "
              "bijstand): 8 x 4 + 4 x 171 = 716, in een keer (art. 5 lid 2: eenmalig)", "REKENMODEL §4, §7; seed 003")
SIG_MVS_LAAT = ("S11: aanvraag 02-02-2026 na de uiterste datum 31-12-2025 (seed 003 art. 4 lid 2); geen S5: WW, "
                "vermogen 2.500; geen S8 (2024 bevestigd); S4 per periode januari-augustus: 1.686 onder de norm")
WTRAP_BASIS = ("vragen ja; partner 1982; geen AOW; vermogen 4.000 <= 184.633; lagere toeslagen 12 x 64 = 768 > 0; "
               "inkomenstoets 30.120 < 32.267,52 (zie wtrap_2026)")
SIG_WTRAP_NIET = S8_2026 + "; S5 blokkerend: de Wtrap-toets voldoet niet (REKENMODEL §9); geen S10: peildatum = aanvraag"


def wtrap_niet(voorwaarde: str, uitleg: str, tekort: str = "768") -> dict:
    return dict(
        peildatum="2027-02-10", totaal_bron="w",
        bronnen={"w": uitw(f"Wtrap 2026: {voorwaarde} niet voldaan (REKENMODEL §8)",
                           f"{uitleg}; de overige voorwaarden zoals in wtrap_2026; voldoet niet: geen vaste "
                           f"tegemoetkoming, compensatie 0; tekort {tekort} (REKENMODEL §4, informatief)",
                           "REKENMODEL §8, PARAMETERS.md §2-5"),
                 "sig": uitw("signalen 2026", SIG_WTRAP_NIET)},
        wtrap={2026: dict(voldoet=False, bron="w")},
        jaren={2026: dict(bron="w", signalen=["S5!", "S8"], signalen_bron="sig")})


SPEC.update({
    "kinderen_met_inkomen_2024": dict(
        peildatum="2025-01-15", totaal_bron="k-jaar", bronnen={
            "k-jaar": {"soort": "handreiking", "voorbeeld": "inwonende kinderen met inkomen (K1-K4)",
                       "tekst": "Handreiking (seed 002), VOORBEELDEN.md K: huur 660 (januari-juni): 156/236 tegen 93/222, "
                                "huur 720 (juli-december): 180/236 tegen 117/222; per maand (156 - 93) + (236 - 222) = 77 "
                                "en (180 - 117) + 14 = 77; zonder netto-inkomen geen toets: 12 x 77 = 924",
                       "fout": "de handreiking drukt het zorgtoeslagverschil 236 - 222 af als 4; het is 14 "
                               "(VOORBEELDEN.md, Known errors)"},
            "sig-k": uitw("signalen 2024", "geen S5: vermogen 3.000, beiden na 1962 geboren, geen inkomen per bron; geen "
                                           "S7: 28.000 < 35.849; geen S8")},
        handreiking=KH, jaren={2024: dict(bron="k-jaar", signalen=[], signalen_bron="sig-k")}),
    "stap11_terugvordering_hoger_2023": dict(
        peildatum="2024-10-01", totaal_bron="s11", bronnen={
            **BRONNEN_HR,
            "s11": uitw("stap 11 over 2023: de terugvordering is hoger dan het laagste tekort (REKENMODEL §6)",
                        "Irene en Sergio (A1/B1, A2/B2) met netto-inkomen 1.750: januari-juni BM = 1.708,08 + 648 = "
                        "2.356,08, HI = 1.750 + 565 = 2.315, toets 41,08 < 83; juli-december BM = 1.738,02 + 571 = "
                        "2.309,02, HI = 1.750 + 488 = 2.238, toets 71,02; tekort 6 x 41,08 + 6 x 71,02 = 672,60; (1) = "
                        "996, (2) = 672,60, laagste 672,60; terugvordering (4.300 - 3.800) + (3.000 - 2.700) = 800 >= "
                        "672,60: compensatie alleen de terugvordering, 800", "REKENMODEL §4-6, PARAMETERS.md §4"),
            "sig-s11h": uitw("signalen 2023", S8_2023 + "; geen S2: beschikking 01-05-2024; per periode S9 (de toets "
                                                        "verlaagt, geen inkomen per bron), geen S4 (1.750 boven de norm)")},
        handreiking={(2023, 0, 1): dict(R="A1", W="B1", regel="s11"), (2023, 1, 7): dict(R="A2", W="B2", regel="s11")},
        jaren={2023: dict(bron="s11", signalen=["S8"], signalen_bron="sig-s11h")}),
    "stap11_zonder_netto_2023": dict(
        peildatum="2024-09-20", totaal_bron="s11z", bronnen={
            **BRONNEN_HR,
            "s11z": uitw("stap 11 over 2023 zonder netto-inkomen, terugvordering deels (REKENMODEL §5-6)",
                         "januari-juni: referentie 383/265 (A1), ontvangen 338/230 (MijnToeslagen; narekening 335: S1): "
                         "45 + 35 = 80; juli-december 83 (A2/B2); zonder netto-inkomen geen toets: tekort 6 x 80 + 6 x "
                         "83 = 978; (1) = 978, (2) niet te berekenen; terugvordering (3.900 - 3.500) + (2.900 - 2.700) "
                         "= 600, deels: 300; 978 - 300 = 678 daarboven; compensatie 300 + 678 = 978",
                         "REKENMODEL §1, §4-6"),
            "tv-geen": uitw("terugvordering 2022 met een andere oorzaak (stap 9)",
                            "(2.000 - 1.700) + (1.500 - 1.400) = 400; deel 'geen': compensatie 0", "REKENMODEL §5"),
            "sig-2022z": uitw("signalen 2022", S8_2022 + "; geen S5: vermogen 1.000; geen S2: beschikking 01-06-2023"),
            "sig-2023z": uitw("signalen 2023", S8_2023 + "; S2: beschikking 01-09-2024, op 20-09-2024 minder dan 6 "
                                                         "weken oud")},
        handreiking={(2023, 0, 1): dict(R="A1", regel="s11z"), (2023, 1, 7): dict(R="A2", W="B2", regel="s11z")},
        jaren={2022: dict(bron="tv-geen", signalen=["S8"], signalen_bron="sig-2022z"),
               2023: dict(bron="s11z", signalen=["S2", "S8"], signalen_bron="sig-2023z")}),
    "aow_2024": dict(
        peildatum="2025-01-20", totaal_bron="aow", bronnen={
            "aow": uitw("AOW-leeftijd van de aanvrager (geboren 15-04-1957: 67 op 15-04-2024, dus vanaf mei)",
                        "zonder netto-inkomen de volle verschillen: 4 x 261 + 2 x 243 + 6 x 243 = 1.044 + 1.944 = "
                        "2.988 (de periodecijfers: zie de narekening per periode; vanaf mei MPO met deel C)",
                        "REKENMODEL §1, §4; PARAMETERS.md §3 (AOW-leeftijd 2024: 67)"),
            "sig-aow": uitw("signalen 2024", "S5 blokkerend: de aanvrager heeft de AOW-leeftijd vanaf mei 2024 "
                                             "(REKENMODEL §9); S7: gezamenlijk toetsingsinkomen 36.000 > 35.849")},
        jaren={2024: dict(bron="aow", signalen=["S5!", "S7"], signalen_bron="sig-aow")}),
    "kostendelers_2024": dict(
        peildatum="2025-01-20", totaal_bron="kd", bronnen={
            "kd": uitw("kostendelersnorm A = 4 en A = 5 (REKENMODEL §3)",
                       "bruto bijstand 12.124 x 320/400 = 9.699,20 -> 9.699 (A = 4) en 12.124 x 380/500 = 9.214,24 -> "
                       "9.214 (A = 5); verschil per maand 4, zonder netto-inkomen: 12 x 4 = 48",
                       "REKENMODEL §3-4, PARAMETERS.md §4"),
            "sig-kd": uitw("signalen 2024", "geen S5 (vermogen 1.000, na 1962), geen S7 (27.000), geen S8")},
        jaren={2024: dict(bron="kd", signalen=[], signalen_bron="sig-kd")}),
    "jongeren_2024": dict(
        peildatum="2025-01-20", totaal_bron="jong", bronnen={
            "jong": uitw("jongerengrens en maximale huurgrens 2024 (Wht art. 13)",
                         "beiden jonger dan 23, geen kind: huur 500 > jongerengrens 454,47 (januari-juni) en huur 900 > "
                         "maximale huurgrens 879,66 (juli-december): in beide situaties geen huurtoeslag; zorgtoeslag "
                         "236 - 233 = 3; 12 x 3 = 36", "PARAMETERS.md §2-3"),
            "sig-jong": uitw("signalen 2024", "geen S5 (vermogen 500), geen S7, geen S8")},
        jaren={2024: dict(bron="jong", signalen=[], signalen_bron="sig-jong")}),
    "mvs_2024_te_laat": dict(
        peildatum="2026-02-02", totaal_bron="mvs-mh", bronnen={"mvs-mh": MVS_MH,
                                                               "sig-laat": uitw("signalen 2024", SIG_MVS_LAAT)},
        handreiking=MH, jaren={2024: dict(bron="mvs-mh", signalen=["S11!"], signalen_bron="sig-laat")}),
    "mvs_2024_te_laat_afgeweken": dict(
        peildatum="2026-02-02", totaal_bron="mvs-mh", bronnen={
            "mvs-mh": MVS_MH, "sig-laat": uitw("signalen 2024", SIG_MVS_LAAT + "; de termijn is met een motivering "
                                                                               "opzij gezet: S11 blokkeert niet")},
        handreiking=MH, jaren={2024: dict(bron="mvs-mh", signalen=["S11"], signalen_bron="sig-laat")}),
    "wtrap_fiscale_partners_niet": wtrap_niet("fiscaal partners", "antwoord: geen fiscale partners"),
    "wtrap_toeslagpartners_niet": wtrap_niet("toeslagpartners", "antwoord: geen toeslagpartners"),
    "wtrap_uitkering_geen_participatiewet_niet": wtrap_niet(
        "uitkering die geen Participatiewet-uitkering is", "antwoord: nee (geen inkomen per bron, dus het antwoord telt)"),
    "wtrap_woonachtig_in_gemeente_niet": wtrap_niet("woonachtig in de gemeente", "antwoord: nee"),
    "wtrap_heffingskorting_niet": wtrap_niet(
        "minstverdienende partner zonder heffingskorting",
        "de partner (minstverdienend, geen inkomen) is in 1961 geboren en krijgt de algemene heffingskorting "
        "(antwoord false); de perioden zijn gelijk aan wtrap_2026 (61-64 jaar: geen AOW)"),
    "wtrap_aow_niet": wtrap_niet("AOW-leeftijd", "de aanvrager (02-03-1958) is 67 vanaf maart 2025, dus heel 2026"),
    "wtrap_vermogen_niet": wtrap_niet(
        "vermogen", "vermogen 200.000 > 184.633 (zorgtoeslag) en > 76.958 (huurtoeslag): geen toeslagen in beide "
                    "situaties, dus ook geen lagere toeslagen (verschil 0); inkomenstoets 1.900 < 2.002,13 / 2.027,79",
        tekort="0"),
    "wtrap_lagere_toeslagen_niet": wtrap_niet(
        "lagere toeslagen", "toetsingsinkomen 20.000 + 0 < 2 x 13.848: huurtoeslag en zorgtoeslag gelijk aan die bij "
                            "alleen bijstand (428/246), verschil 0; inkomenstoets 1.500 + 674 < 2.676,13", tekort="0"),
    "wtrap_inkomenstoets_niet": wtrap_niet(
        "inkomenstoets", "netto-inkomen 2.600: HI = 2.600 + 610 = 3.210 >= BM 2.676,13 / 2.701,79: per periode "
                         "boven het bestaansminimum (compensatie 0), over het jaar 38.520 niet lager dan 32.267,52",
        tekort="0"),
    "wtrap_open_mvs": dict(
        peildatum="2027-02-10", totaal_bron="wo", bronnen={
            "wo": uitw("Wtrap 2026 onder MVS, een vraag open (REKENMODEL §8)",
                       "woonachtig in de gemeente niet beantwoord: nog niet vast te stellen, compensatie 0; de toets "
                       "aan het bestaansminimum geldt in een Wtrap-jaar ook onder MVS (§8 slot): HI 1.900 + 401 = 2.301 "
                       "< BM 2.676,13 / 2.701,79, ruimte groter dan het verschil 273, dus 12 x 273 = 3.276 tekort",
                       "REKENMODEL §4, §8; PARAMETERS.md §2-5"),
            "sig-wo": uitw("signalen 2026", S8_2026 + "; S6: tekort 3.276 > 1.100 (aanvullend 2.176 mogelijk); S5 open: "
                                                      "de vraag woonachtig in de gemeente")},
        wtrap={2026: dict(voldoet=None, bron="wo")},
        jaren={2026: dict(bron="wo", signalen=["S6", "S5", "S8"], signalen_bron="sig-wo")}),
    "wtrap_hardheidsclausule": dict(
        peildatum="2027-02-10", totaal_bron="wh", bronnen={
            "wh": uitw("Wtrap 2026: niet fiscaal partners, met de hardheidsclausule opzij gezet (Leiderdorp art. 5.1)",
                       "de voorwaarde fiscaal partners is niet voldaan maar afgeweken met motivering; " + WTRAP_BASIS
                       + "; voldoet: 1.100", "REKENMODEL §8, PARAMETERS.md §5"),
            "sig-wh": uitw("signalen 2026", S8_2026 + "; geen S5 (afgeweken), geen S10: peildatum = aanvraag")},
        wtrap={2026: dict(voldoet=True, bron="wh")},
        jaren={2026: dict(bron="wh", signalen=["S8"], signalen_bron="sig-wh")}),
    "oma_hoger_inkomen_2024": dict(
        peildatum="2025-01-10", totaal_bron="oma-l34", bronnen={
            "oma-l34": {"soort": "handreiking", "voorbeeld": "kostendelersnorm met oma, L3 en L4",
                        "tekst": "Handreiking (seed 002), VOORBEELDEN.md L3/L4: oma verdient 22.810; bij alleen "
                                 "bijstand (10.507 + 10.507) 86/236, werkelijk (27.000 + 0) 0/233: de basishuur ligt "
                                 "boven de huur; per maand 86 + 3 = 89, zonder netto-inkomen 12 x 89 = 1.068"},
            "sig-oma2": uitw("signalen 2024 met oma", "S5 open: vermogen niet ingevuld (oma's AOW-leeftijd telt niet "
                                                      "voor de doelgroep, alleen de partners)")},
        handreiking={(2024, 0, 1): dict(R="L3", W="L4", regel="oma-l34"), (2024, 0, 7): dict(R="L3", W="L4",
                                                                                             regel="oma-l34")},
        jaren={2024: dict(bron="oma-l34", signalen=["S5"], signalen_bron="sig-oma2")}),
})
