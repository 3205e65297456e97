"""De vaste sleutels van het rekenspoor (core/spoor.py), elk met zijn regel: een plek, zodat een test kan nagaan dat
geen stap zonder bekende sleutel bestaat, en zodat de tests en documenten op de sleutel lezen, niet op de zin voor
mensen (die mag veranderen). Zoals de variabelen van OpenFisca's flat trace: de sleutel blijft, de tekst niet."""

from __future__ import annotations

SLEUTELS: dict[str, str] = {
    # huurtoeslag (core/toeslagen/huurtoeslag.py)
    "huurtoeslag.rekeninkomen": "Wht art. 2; Awir art. 7-8",
    "huurtoeslag.vrijstelling_medebewoner": "Awir art. 7 lid 6",
    "huurtoeslag.servicekosten": "Wht art. 7; Besluit op de huurtoeslag",
    "huurtoeslag.rekenhuur": "Wht art. 5-7; 2026: Wht art. 21 lid 1 onder d",
    "huurtoeslag.geen.maximale_huurgrens": "Wht art. 13 lid 3",
    "huurtoeslag.geen.jongerengrens": "Wht art. 13 lid 1",
    "huurtoeslag.normhuur.minimum": "Wht art. 17-19",
    "huurtoeslag.normhuur.formule": "Wht art. 19",
    "huurtoeslag.basishuur": "Wht art. 16; Wet verlaging eigen bijdrage huurtoeslag; 2026: vast bedrag",
    "huurtoeslag.deel_a": "Wht art. 21 lid 1 a",
    "huurtoeslag.deel_b": "Wht art. 21 lid 1 b en lid 2",
    "huurtoeslag.deel_c": "Wht art. 21 lid 1 c",
    "huurtoeslag.deel_c.niet": "Wht art. 21 lid 1 c (niet van toepassing)",
    "huurtoeslag.afbouw": "Wht art. 21 lid 2 (2026)",
    "huurtoeslag.geen.vermogen": "Awir art. 7 lid 3",
    "huurtoeslag.geen.onder_24": "Awir art. 14 lid 4-5",
    "huurtoeslag.per_maand": "Proefberekening Dienst Toeslagen",
    # zorgtoeslag (core/toeslagen/zorgtoeslag.py)
    "zorgtoeslag.toetsingsinkomen": "Wzt art. 1; Awir art. 8",
    "zorgtoeslag.normpremie": "Wzt art. 2 lid 3",
    "zorgtoeslag.jaarbedrag": "Wzt art. 2 lid 1-2",
    "zorgtoeslag.partner_niet_verzekerd": "Wzt art. 2 lid 4",
    "zorgtoeslag.geen.vermogen": "Wzt art. 3",
    "zorgtoeslag.geen.onder_24": "Awir art. 14 lid 4-5",
    "zorgtoeslag.per_maand": "zorgtoeslag.afronding (PARAMETERS §1)",
    # bijstand (core/bijstand.py)
    "bijstand.bruto_per_partner": "Handreiking § 5.2, stap 5",
    "bijstand.bruto_per_partner.ingevuld": "Handreiking stap 5 (afwijkend bedrag van de gemeente)",
    "bijstand.bruto_kostendelersnorm": "Participatiewet art. 22a",
    "bijstand.netto_norm": "Participatiewet art. 21 b",
    "bijstand.netto_kostendelersnorm": "Participatiewet art. 22a",
    # periode (core/periodeberekening.py, REKENMODEL §4)
    "periode.handmatige_toeslag": "Handreiking § 2.4",
    "periode.verschil": "Handreiking stap 5-6; REKENMODEL §4",
    "periode.netto_referentie.ingevuld": "REKENMODEL §4 (NR)",
    "bestaansminimum.norm": "Handreiking stap 6 en stap 11 (2)",
    "periode.huishoudinkomen": "Handreiking stap 6",
    "periode.toets_bestaansminimum": "Handreiking stap 6; REKENMODEL §4",
    # jaar (core/berekening.py, core/doelgroep.py, core/wtrap.py)
    "jaar.tekort": "REKENMODEL §4-5 (som over de perioden)",
    "terugvordering.bedrag": "Handreiking stap 9",
    "terugvordering.alleenverdieners": "Handreiking stap 10",
    "stap11.verschil_toeslagen": "Handreiking stap 11 (1); REKENMODEL §6",
    "stap11.tekort_bestaansminimum": "Handreiking stap 11 (2); REKENMODEL §6",
    "stap11.laagste": "Handreiking stap 11; REKENMODEL §6",
    "jaar.compensatie": "REKENMODEL §5-8 (stap 11, het beleidsprofiel of de Wtrap)",
    "jaar.eenmalig": "Handreiking stap 7; REKENMODEL §4",
    "doelgroep.vermogensgrens": "beleidsprofiel (bron van het profiel)",
    "wtrap.vermogensgrens": "Beleidsregels Wtrap",
    "wtrap.lagere_toeslagen": "Beleidsregels Wtrap, definitie (b); REKENMODEL §8",
    "wtrap.inkomenstoets": "Beleidsregels Wtrap; REKENMODEL §8",
    "wtrap.tegemoetkoming": "Participatiewet art. 78gg; Regeling art. 15ba",
    "wtrap.tegemoetkoming.ingevuld": "Participatiewet art. 78gg",
}

# Stap 11 in zijn drie getallen, in deze volgorde: zo tonen PDF en wizard hem, met de naam uit het spoor (Stap.naam).
STAP11 = ("stap11.verschil_toeslagen", "stap11.tekort_bestaansminimum", "stap11.laagste")
