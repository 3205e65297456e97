"""Hulpproces voor de SIGKILL-test: schrijft casusversies (en soms een document) in een lus en meldt elke
vastgelegde versie op stdout, pas nadat de transactie is gecommit."""

import os
import sys
from decimal import Decimal
from pathlib import Path

from avdesk.store.db import open_database
from avdesk.store.opslag import Opslag

map_, dossier = Path(sys.argv[1]), int(sys.argv[2])
o = Opslag(open_database(map_ / "avdesk.db", bytes.fromhex(os.environ["AVDESK_TEST_SLEUTEL"])), map_)
casus = o.casus(dossier)
start = len(o.versies(dossier))
_ = o.db                   # sqlite_utils laden voor 'klaar': de kills moeten tijdens het schrijven vallen
print("klaar", flush=True)
i = 0
while True:
    i += 1
    casus.jaren[0].perioden[0].netto_inkomen_per_maand = Decimal(start * 1000 + i)
    versie = o.bewaar_casus(dossier, casus)
    if i % 4 == 0:
        o.bewaar_document(dossier, "test", "groot.bin", os.urandom(50_000))
    print(versie, flush=True)
