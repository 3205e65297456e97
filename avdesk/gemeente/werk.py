"""Het werk van het team Inkomen, zonder Qt: een ontvangen berekening (en aanvraag) opnemen, opnieuw controleren,
de versies van een dossier bekijken en er een vastzetten, een besluit voorstellen en de concept beschikking maken.

De opdrachtregel (`avdesk ontvang`, `avdesk ontvangen ...`, `avdesk beschikking`) en het venster van de gemeente
roepen alleen deze functies aan: wat hier niet mag, mag nergens. Elke weigering is een GemeenteFout met Nederlandse
regels (de opdrachtregel toont ze en stopt met exitcode 2).

De bewakers van het besluit (issue 20): geen document kent geld toe zolang de controle niet klopt, een blokkerend
signaal staat (REKENMODEL §9) of het huishouden voor een Wtrap-jaar op de doelgroepselectielijst staat. Zonder
gekozen besluit stelt avdesk een besluit voor uit de berekening, maar kiest nooit zelf een afwijzing. Een brief is
nooit gedateerd voor de aanvraag.

Het werk staat per onderdeel in een eigen module (gedeeld.py: besluiten, meldingen en uitkomsten; ontvangst.py:
ontvangen, opnieuw controleren, versies en vastzetten; verschillen.py: verschillen tussen versies in woorden;
beoordelen.py: voorstel en beschikking); hier staan ze samen, zodat `from avdesk.gemeente import werk` alles heeft.
"""

from __future__ import annotations

from .beoordelen import beschikking, voorstel  # noqa: F401
from .gedeeld import (BESLUITEN, HOE_BESLISSEN, MAX_REDEN, SOORT_IN_SJABLOON, SPELLINGEN, TOEKENNEND,  # noqa: F401
                      Beschikking, GemeenteFout, Ontvangst, Versie, Voorstel, besluit_naam)
from .ontvangst import controleer_opnieuw, lees, ontvang, vastzetten, versies  # noqa: F401
