"""De twee documenten voor het team Inkomen: de aanvraag (klaar om te tekenen) en de berekening.

Alleen reportlab (opmaak en de lege handtekeningvelden); de getallen komen uit avdesk.core."""
