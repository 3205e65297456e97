"""Lichte, veranderbare gegevensklassen voor het casusmodel: zoals dataclasses, zonder hun opstartkosten.

dataclasses importeert inspect en compileert per klasse code; bij `avdesk bereken` was dat ~10 ms van de
start (gemeten met python -X importtime), een derde van het budget van 3x een kale Python-start."""

from __future__ import annotations

from collections import namedtuple

TYPE_CHECKING = False                   # typing niet laden bij het starten (issue 23: ~2,6 ms van `avdesk bereken`)
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar, dataclass_transform
    from typing import NamedTuple as Tupel

    T = TypeVar("T")
    K = TypeVar("K", bound=type)
else:
    def dataclass_transform(**_kw):
        return lambda f: f

    class _TupelMeta(type):
        """`class X(Tupel): a: int; b: str = ""` geeft wat typing.NamedTuple geeft (collections.namedtuple met de
        geannoteerde velden, hun standaardwaarden en de methoden uit de klasse), zonder typing te laden en zonder
        elke annotatie als ForwardRef te compileren (15 klassen bij het starten van `avdesk bereken`)."""

        def __new__(mcls, naam, bases, ns):
            if bases == ():
                return super().__new__(mcls, naam, bases, ns)
            namen = list(ns.get("__annotations__", {}))
            standaard = [ns[k] for k in namen if k in ns]
            if any(k not in ns for k in namen[len(namen) - len(standaard):]):
                raise TypeError(f"{naam}: een veld zonder standaardwaarde na een met")
            cls = namedtuple(naam, namen, defaults=standaard, module=ns.get("__module__"))
            for k, v in ns.items():
                if k not in ("__module__", "__annotations__") and k not in namen:
                    setattr(cls, k, v)
            return cls

    class Tupel(metaclass=_TupelMeta):
        """Basis voor een onveranderlijk gegevensrecord als tuple (voor mypy: typing.NamedTuple)."""

_GEEN = object()


class _Nieuw:
    """Standaardwaarde die per object opnieuw gemaakt wordt (zoals field(default_factory=...))."""
    __slots__ = ("fabriek",)

    def __init__(self, fabriek: Callable[[], Any]):
        self.fabriek = fabriek


def nieuw(*, factory: Callable[[], T]) -> T:
    """`veld: list[str] = nieuw(factory=list)`: elk object zijn eigen lijst. Het trefwoord heet `factory` zoals PEP 681
    het voorschrijft, zodat mypy (via dataclass_transform) weet dat het veld een standaardwaarde heeft."""
    return _Nieuw(factory)  # type: ignore[return-value]  # record() vervangt hem per object door factory()


@dataclass_transform(eq_default=True, field_specifiers=(nieuw,))
def record(cls: K) -> K:
    """Geeft een klasse met annotaties een __init__ (positioneel of op naam), __repr__ en __eq__ (voor mypy: zoals een
    dataclass). `velden(cls)` geeft de veldnamen."""
    velden = [(k, cls.__dict__.get(k, _GEEN)) for k in cls.__dict__.get("__annotations__", {})]
    namen = tuple(k for k, _ in velden)

    def __init__(self, *args, **kw):
        if len(args) > len(velden):
            raise TypeError(f"{cls.__name__}: te veel argumenten")
        for i, (k, std) in enumerate(velden):
            if i < len(args):
                v = args[i]
            elif k in kw:
                v = kw.pop(k)
            elif std is _GEEN:
                raise TypeError(f"{cls.__name__}: {k} ontbreekt")
            else:
                v = std.fabriek() if isinstance(std, _Nieuw) else std
            setattr(self, k, v)
        if kw:
            raise TypeError(f"{cls.__name__}: onbekende velden {', '.join(kw)}")

    def __repr__(self):
        return f"{cls.__name__}(" + ", ".join(f"{k}={getattr(self, k)!r}" for k in namen) + ")"

    def __eq__(self, ander):
        if type(ander) is not type(self):
            return NotImplemented
        return all(getattr(self, k) == getattr(ander, k) for k in namen)

    setattr(cls, "__init__", __init__)  # noqa: B010 (mypy: een methode toewijzen aan een klasse)
    setattr(cls, "__repr__", __repr__)  # noqa: B010
    setattr(cls, "__eq__", __eq__)  # noqa: B010
    setattr(cls, "__hash__", None)  # noqa: B010
    setattr(cls, "velden", namen)  # noqa: B010
    for k, std in velden:
        if isinstance(std, _Nieuw):
            delattr(cls, k)
    return cls


def velden(cls: type) -> tuple[str, ...]:
    """De veldnamen van een record-klasse, in volgorde."""
    return cls.velden  # type: ignore[attr-defined]  # gezet door record()
