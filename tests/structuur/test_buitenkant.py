"""Wat controles van buiten gebruiken om een opslag te openen zoals avdesk dat doet (issue 21), blijft onder deze
namen importeerbaar, ook nu db.py en opslag.py gesplitst zijn (issue 23): hun binnenkant mag veranderen."""

import inspect


def test_namen_voor_controles_van_buiten():
    from avdesk.store.db import AUDIT_TRIGGERS, open_database
    from avdesk.store.opslag import open_uit_omgeving
    from avdesk.store.sleutel import Sleutelbeheer
    assert callable(open_uit_omgeving) and callable(Sleutelbeheer.laad)
    assert list(inspect.signature(open_database).parameters)[:2] == ["pad", "sleutel"]
    assert AUDIT_TRIGGERS and all("audit" in sql.lower() for sql in AUDIT_TRIGGERS)
