"""Het casusmodel en het formaat avdesk-casus/1: lezen met controle per veld, en terugschrijven.

Elke fout noemt het veld (bv. jaren[0].perioden[1].huur.kale_huur) en wat er mis is, in het Nederlands.
De delen: het model in casusmodel.py, lezen in casuslezer.py (controles per waarde in casuscontrole.py), schrijven
in casusschrijver.py. Hier alles samen, zodat `from avdesk.core.casus import ...` blijft werken."""

from __future__ import annotations

from .casuscontrole import elfproef, email_geldig, iban_geldig, soort_waarde
from .casuslezer import lees_casus
from .casusmodel import (BESCHIKKINGSSOORTEN, FORMAAT, HANDMATIGE_TOESLAGEN, INKOMENSSOORTEN, JAAR_AFWIJKEN, ROUTES,
                         SERVICEKOSTEN, WTRAP_HEFFINGSKORTING, WTRAP_VOORWAARDEN, WTRAP_VRAGEN, Aanvraaggegevens,
                         Casus, HandmatigeToeslag, Huur, Inkomensbron, Jaar, Medebewoner, Periode, Persoon, Raadsman,
                         Terugvordering, terugvorderingsbedrag)
from .casusschrijver import casus_naar_dict
from .fouten import CasusFout

__all__ = ["BESCHIKKINGSSOORTEN", "FORMAAT", "HANDMATIGE_TOESLAGEN", "INKOMENSSOORTEN", "JAAR_AFWIJKEN", "ROUTES",
           "SERVICEKOSTEN", "WTRAP_HEFFINGSKORTING", "WTRAP_VOORWAARDEN", "WTRAP_VRAGEN", "Aanvraaggegevens", "Casus",
           "CasusFout", "HandmatigeToeslag", "Huur", "Inkomensbron", "Jaar", "Medebewoner", "Periode", "Persoon",
           "Raadsman", "Terugvordering", "casus_naar_dict", "elfproef", "email_geldig", "iban_geldig", "lees_casus",
           "soort_waarde", "terugvorderingsbedrag"]
