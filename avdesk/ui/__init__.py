"""De PySide6-interface van avdesk. Alleen hier wordt Qt geimporteerd.

De UI rekent niets zelf: elk getal komt uit avdesk.core."""
