"""De fout van een onbruikbare casus; in een eigen module, zodat casus.py en invoergrenzen.py hem allebei gebruiken
zonder elkaar te importeren."""


class CasusFout(Exception):
    """Een of meer fouten in een casus; `fouten` is een lijst Nederlandse zinnen met het veld erin."""

    def __init__(self, fouten: list[str]):
        self.fouten = fouten
        super().__init__("\n".join(fouten))
