"""Issue 22.5: de exportmap bestaat. Standaard een map die er is (Documenten als die bestaat, anders de thuismap); de
laatst gekozen map wordt onthouden en de volgende keer aangeboden. Zonder Qt (store/instellingen.py)."""

from pathlib import Path

import pytest

from avdesk.store.instellingen import InstellingFout, controleer, lees, onthoud_map, startmap
from avdesk.store.opslag import Opslag


@pytest.fixture
def opslag(tmp_path):
    o = Opslag.open(tmp_path / "dossiers", "testwachtwoord")
    yield o
    o.close()


def test_een_verse_desktop_zonder_documents_krijgt_de_thuismap(opslag, tmp_path):
    assert lees(opslag)["exportmap"] == ""                        # niet meer "~/Documents" als standaard
    assert startmap(opslag, tmp_path / "Documents") == str(Path.home())     # bestaat niet: de thuismap
    docs = tmp_path / "Documenten"
    docs.mkdir()
    assert startmap(opslag, docs) == str(docs)
    assert startmap(None, None) == str(Path.home())


def test_de_laatst_gekozen_map_wordt_onthouden(opslag, tmp_path):
    gekozen = tmp_path / "uitvoer"
    gekozen.mkdir()
    onthoud_map(opslag, gekozen)
    assert lees(opslag)["exportmap"] == str(gekozen)
    assert startmap(opslag, tmp_path) == str(gekozen)
    gekozen.rmdir()                                                # later verdwenen: weer een map die er is
    assert startmap(opslag, tmp_path) == str(tmp_path)
    onthoud_map(opslag, tmp_path / "bestaat-niet")                 # niets onthouden wat er niet is
    assert lees(opslag)["exportmap"] == str(gekozen)


def test_een_exportmap_die_niet_bestaat_wordt_geweigerd(tmp_path):
    with pytest.raises(InstellingFout, match="bestaat niet"):
        controleer("exportmap", str(tmp_path / "Documents"))
    assert controleer("exportmap", str(tmp_path)) == str(tmp_path)
    assert controleer("exportmap", "") == ""
