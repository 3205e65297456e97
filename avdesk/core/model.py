"""Lichte, veranderbare gegevensklassen voor het casusmodel: zoals dataclasses, zonder hun opstartkosten.

dataclasses importeert inspect en compileert per klasse code; bij `avdesk bereken` was dat ~10 ms van de
start (gemeten met python -X importtime), een derde van het budget van 3x een kale Python-start."""

from __future__ import annotations

_GEEN = object()


class nieuw:
    """Standaardwaarde die per object opnieuw gemaakt wordt (zoals field(default_factory=...))."""
    __slots__ = ("fabriek",)

    def __init__(self, fabriek):
        self.fabriek = fabriek


def record(cls):
    """Geeft een klasse met annotaties een __init__ (positioneel of op naam), __repr__ en __eq__."""
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
                v = std.fabriek() if isinstance(std, nieuw) else std
            setattr(self, k, v)
        if kw:
            raise TypeError(f"{cls.__name__}: onbekende velden {', '.join(kw)}")

    def __repr__(self):
        return f"{cls.__name__}(" + ", ".join(f"{k}={getattr(self, k)!r}" for k in namen) + ")"

    def __eq__(self, ander):
        if type(ander) is not type(self):
            return NotImplemented
        return all(getattr(self, k) == getattr(ander, k) for k in namen)

    cls.__init__, cls.__repr__, cls.__eq__, cls.__hash__ = __init__, __repr__, __eq__, None
    cls.velden = namen
    for k, std in velden:
        if isinstance(std, nieuw):
            delattr(cls, k)
    return cls
