"""core.model.Tupel: wat typing.NamedTuple gaf (de rekenkern leunt erop), zonder typing te laden."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from avdesk.core.model import Tupel


class Oud(NamedTuple):
    """doc"""
    a: int
    b: str = "x"

    @property
    def dubbel(self) -> int:
        return 2 * self.a


class Nieuw(Tupel):
    """doc"""
    a: int
    b: str = "x"

    @property
    def dubbel(self) -> int:
        return 2 * self.a


def test_zelfde_gedrag_als_namedtuple():
    o, n = Oud(3), Nieuw(3)
    assert n == (3, "x") == o and isinstance(n, tuple)
    assert Nieuw._fields == Oud._fields and Nieuw._field_defaults == Oud._field_defaults
    assert n.dubbel == 6 and n._replace(b="y") == (3, "y") and n._asdict() == o._asdict()
    assert repr(n) == "Nieuw(a=3, b='x')" and Nieuw.__doc__ == "doc"
    assert Nieuw.__module__ == __name__ and Nieuw.__qualname__ == "Nieuw"
    with pytest.raises(AttributeError):
        n.a = 4                                         # type: ignore[misc]
    with pytest.raises(TypeError):
        Nieuw()                                         # type: ignore[call-arg]


def test_veld_zonder_standaard_na_een_met_is_een_fout():
    with pytest.raises(TypeError, match="standaardwaarde"):
        class Fout(Tupel):
            a: int = 1
            b: int
