"""De versleutelde dossieropslag: een SQLCipher-database per gebruiker, de sleutel in de sleutelbos (keyring)
of ingepakt met een wachtwoord. Alle fouten zijn OpslagFout met een Nederlandse tekst; er gaat niets verloren."""


class OpslagFout(Exception):
    """Iets met de opslag lukt niet. De tekst is Nederlands en bevat nooit namen of BSN's; `soort` laat de
    aanroeper gericht reageren (bv. "wachtwoord_nodig": vraag het wachtwoord)."""

    def __init__(self, tekst: str, soort: str | None = None):
        super().__init__(tekst)
        self.soort = soort


BEZET = "Een ander avdesk-venster gebruikt de dossiers nu; probeer het zo opnieuw. Er is niets verloren."
WACHTTIJD_BEZET = 2.0       # s: zo lang wacht avdesk op een ander avdesk-proces dat schrijft


def bezet(fout: Exception) -> bool:
    """Is deze databasefout 'een ander proces schrijft nu' (SQLITE_BUSY / SQLITE_LOCKED)?"""
    tekst = str(fout).lower()
    return "locked" in tekst or "busy" in tekst


def alleen_lezen(map_) -> OpslagFout:
    return OpslagFout(f"De map {map_} is alleen-lezen: avdesk kan de dossiers daar niet bewaren of openen. Geef "
                      f"schrijfrechten op die map (of kies met AVDESK_DATA een andere). Er is niets gewijzigd.",
                      soort="alleen_lezen")
