"""De versleutelde dossieropslag: een SQLCipher-database per gebruiker, de sleutel in de sleutelbos (keyring)
of ingepakt met een wachtwoord. Alle fouten zijn OpslagFout met een Nederlandse tekst; er gaat niets verloren."""


class OpslagFout(Exception):
    """Iets met de opslag lukt niet. De tekst is Nederlands en bevat nooit namen of BSN's; `soort` laat de
    aanroeper gericht reageren (bv. "wachtwoord_nodig": vraag het wachtwoord)."""

    def __init__(self, tekst: str, soort: str | None = None):
        super().__init__(tekst)
        self.soort = soort
