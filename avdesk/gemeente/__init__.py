"""Het werk van het team Inkomen zonder Qt: ontvangen, opnieuw controleren, versies, besluiten en de beschikking
(werk.py). De opdrachtregel (avdesk/opdrachten/gemeente.py) en het venster roepen dezelfde functies aan."""
