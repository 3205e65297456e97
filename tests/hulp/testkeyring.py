"""Sleutelbossen voor tests: nooit de echte sleutelbos van de ontwikkelaar aanraken.

GeheugenKeyring leeft in het testproces; BestandKeyring deelt sleutels met een subproces via een bestand
(alleen voor tests: een tekstbestand is precies wat avdesk in het echt weigert)."""

import json
import os

from keyring.backend import KeyringBackend


class GeheugenKeyring(KeyringBackend):
    priority = 1
    avdesk_veilig = True

    def __init__(self):
        super().__init__()
        self.sleutels = {}

    def get_password(self, service, username):
        return self.sleutels.get((service, username))

    def set_password(self, service, username, password):
        self.sleutels[(service, username)] = password

    def delete_password(self, service, username):
        self.sleutels.pop((service, username), None)


class BestandKeyring(KeyringBackend):
    priority = 1
    avdesk_veilig = True

    def _lees(self):
        try:
            with open(os.environ["AVDESK_TEST_KEYRING"]) as f:
                return json.load(f)
        except FileNotFoundError:
            return {}

    def get_password(self, service, username):
        return self._lees().get(f"{service}/{username}")

    def set_password(self, service, username, password):
        d = self._lees()
        d[f"{service}/{username}"] = password
        with open(os.environ["AVDESK_TEST_KEYRING"], "w") as f:
            json.dump(d, f)

    def delete_password(self, service, username):
        d = self._lees()
        d.pop(f"{service}/{username}", None)
        with open(os.environ["AVDESK_TEST_KEYRING"], "w") as f:
            json.dump(d, f)


class OnveiligeKeyring(GeheugenKeyring):
    """Zoals keyrings.alt: werkt, maar is geen veilige opslag; avdesk moet hem weigeren."""
    avdesk_veilig = False
