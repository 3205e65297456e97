"""Een sjabloon van buiten (de huisstijl van een gemeente, per e-mail ontvangen) vult avdesk in een zandbak (issue 21).

Drie lagen, elk genoeg op zichzelf:
1. Vooraf, op de boom van elk stuk dat docxtpl invult (ook kop- en voetteksten, voetnoten en documenteigenschappen):
   alleen de velden van avdesk (VELDEN, per jaar JAARVELDEN), hun lijsten en range(...) in een herhaling, een paar
   onschuldige filters, vergelijken en 'en/of/niet'. Geen verborgen eigenschappen (_...), geen functies of
   methoden, geen vermenigvuldigen of machtsverheffen, geen {% set %}, macro's, include of import. Wat niet mag,
   wordt bij naam genoemd, in het Nederlands.
2. Tijdens het invullen: Jinja's ImmutableSandboxedEnvironment (geen attributen van Python, niets wijzigen), een
   range met een plafond, en een budget voor alle herhalingen samen, voor de grootte van de uitvoer en voor de tijd.
3. Het bestand zelf: een grens aan de grootte van het .docx en aan wat het uitgepakt is (een zip-bom).

Waarden van velden zijn gegevens: Jinja vult ze in als tekst (en escapet ze voor XML); ze worden nooit zelf als
sjabloon gelezen, ook niet als een naam '{{ ... }}' bevat."""

from __future__ import annotations

import time
import zipfile
from io import BytesIO

from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_SJABLOON = 10 * 1024 * 1024         # het .docx-bestand
MAX_UITGEPAKT = 60 * 1024 * 1024        # alle delen samen, uitgepakt
MAX_DELEN = 2000
MAX_RANGE = 1000                         # stappen per range(...)
MAX_HERHALINGEN = 100_000                # alle herhalingen van een invulling samen
MAX_UITVOER = 8 * 1024 * 1024            # tekens per ingevuld stuk (de XML van de brief is zo'n 100 kB)
MAX_TIJD = 5.0                           # seconden voor het hele invullen
MAX_DIEPTE = 4                           # herhalingen in elkaar

JAARVELDEN = ("jaar", "kop", "bedrag", "toegekend", "grondslag", "regels", "motivering")
JAARLIJSTEN = ("regels", "motivering")
LOOPVELDEN = ("index", "index0", "revindex", "revindex0", "first", "last", "length", "previtem", "nextitem")
FILTERS = ("upper", "lower", "capitalize", "title", "trim", "length", "count", "first", "last", "join", "default",
           "d", "e", "escape", "string", "int", "striptags", "truncate", "list")
TESTS = ("defined", "undefined", "none", "number", "string", "sequence", "true", "false", "boolean", "even", "odd",
         "eq", "ne", "equalto", "lt", "gt", "le", "ge", "in")
OPDRACHTEN = {nodes.Assign: "{% set %}", nodes.AssignBlock: "{% set %}", nodes.Macro: "{% macro %}",
              nodes.CallBlock: "{% call %}", nodes.FilterBlock: "{% filter %}", nodes.With: "{% with %}",
              nodes.Include: "{% include %}", nodes.Import: "{% import %}", nodes.FromImport: "{% from ... import %}",
              nodes.Extends: "{% extends %}", nodes.Block: "{% block %}", nodes.Scope: "{% with %}",
              nodes.OverlayScope: "{% with %}", nodes.ScopedEvalContextModifier: "{% autoescape %}",
              nodes.EvalContextModifier: "{% autoescape %}"}
BEWERKINGEN = {nodes.Mul: "*", nodes.Pow: "**", nodes.Div: "/", nodes.FloorDiv: "//", nodes.Mod: "%"}


class NietToegestaan(Exception):
    """Het sjabloon doet iets wat niet mag; de tekst noemt het (Nederlands)."""


class _Budget:
    def __init__(self):
        self.herhalingen = 0
        self.einde = time.monotonic() + MAX_TIJD

    def tel(self, n: int) -> None:
        self.herhalingen += n
        if self.herhalingen > MAX_HERHALINGEN:
            raise NietToegestaan(f"het herhaalt te vaak (meer dan {MAX_HERHALINGEN:,} keer in totaal)"
                                 .replace(",", "."))
        self.tijd()

    def tijd(self) -> None:
        if time.monotonic() > self.einde:
            raise NietToegestaan(f"het invullen duurt te lang (meer dan {MAX_TIJD:.0f} seconden)")


class _Lijst(list):
    """Een lijst uit de velden die bij elke herhaling meetelt in het budget."""
    budget: _Budget | None = None

    def __iter__(self):
        if self.budget is not None:
            self.budget.tel(len(self))
        return super().__iter__()


def _lijsten(waarde, budget: _Budget):
    if isinstance(waarde, dict):
        return {k: _lijsten(v, budget) for k, v in waarde.items()}
    if isinstance(waarde, (list, tuple)):
        uit = _Lijst(_lijsten(v, budget) for v in waarde)
        uit.budget = budget
        return uit
    return waarde


def _naam(node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_naam(node.node)}.{node.attr}"
    return "..."


class _Controle:
    """Loopt de boom van een sjabloondeel na (laag 1)."""

    def __init__(self, velden: set[str], lijsten: set[str]):
        self.velden, self.lijsten = velden, lijsten
        self.onbekend: list[str] = []

    def fout(self, tekst: str):
        raise NietToegestaan("het gebruikt " + tekst)

    def template(self, boom: nodes.Template) -> None:
        # Eerst wat code kan uitvoeren: een verborgen eigenschap, waar ook in het sjabloon.
        for n in boom.find_all((nodes.Getattr, nodes.Getitem)):
            attr = n.attr if isinstance(n, nodes.Getattr) else (n.arg.value if isinstance(n.arg, nodes.Const) else None)
            if isinstance(attr, str) and attr.startswith("_"):
                self.fout(f"'{attr}' (een verborgen eigenschap van Python; die kan code uitvoeren)")
        self.body(boom.body, {}, 0)

    def body(self, lijst, scope: dict[str, str], diepte: int) -> None:
        for n in lijst:
            self.stmt(n, scope, diepte)

    def stmt(self, n, scope: dict[str, str], diepte: int) -> None:
        for soort, tag in OPDRACHTEN.items():
            if isinstance(n, soort):
                self.fout(f"de opdracht {tag} (alleen velden, {{% if %}} en {{% for %}} mogen)")
        if isinstance(n, nodes.Output):
            for x in n.nodes:
                if not isinstance(x, nodes.TemplateData):
                    self.expr(x, scope)
        elif isinstance(n, nodes.If):
            self.expr(n.test, scope)
            self.body(n.body, scope, diepte)
            for e in n.elif_:
                self.stmt(e, scope, diepte)
            self.body(n.else_, scope, diepte)
        elif isinstance(n, nodes.For):
            if n.recursive:
                self.fout("een herhaling met 'recursive'")
            if diepte + 1 > MAX_DIEPTE:
                self.fout(f"meer dan {MAX_DIEPTE} herhalingen ({{% for %}}) in elkaar")
            soort = self.iter(n.iter, scope)
            binnen = dict(scope)
            namen = [n.target.name] if isinstance(n.target, nodes.Name) else None
            if namen is None:
                self.fout("een herhaling met meer dan één naam ({% for a, b in ... %})")
            binnen[namen[0]] = soort
            binnen["loop"] = "loop"
            if n.test is not None:
                self.expr(n.test, binnen)
            self.body(n.body, binnen, diepte + 1)
            self.body(n.else_, scope, diepte)
        elif isinstance(n, nodes.ExprStmt):
            self.expr(n.node, scope)
        else:
            self.fout(f"de opdracht {type(n).__name__} (alleen velden, {{% if %}} en {{% for %}} mogen)")

    def iter(self, n, scope: dict[str, str]) -> str:
        """Waarover herhaald mag worden: een lijst van avdesk, j.regels / j.motivering, of range(...)."""
        if isinstance(n, nodes.Name) and n.name in self.lijsten:
            return "jaar" if n.name == "jaren" else "tekst"
        if isinstance(n, nodes.Getattr) and isinstance(n.node, nodes.Name) and scope.get(n.node.name) == "jaar" \
                and n.attr in JAARLIJSTEN:
            return "tekst"
        if isinstance(n, nodes.Call) and isinstance(n.node, nodes.Name) and n.node.name == "range" \
                and n.node.name not in scope:
            if n.kwargs or n.dyn_args or n.dyn_kwargs or not 1 <= len(n.args) <= 3:
                self.fout("range(...) anders dan met één tot drie getallen")
            for a in n.args:
                self.expr(a, scope)
            return "getal"
        if isinstance(n, nodes.Name) and n.name not in scope and n.name not in self.velden:
            self.onbekend.append(n.name)
            return "tekst"
        self.fout(f"een herhaling over '{_naam(n)}' (alleen over de lijsten van avdesk, zoals jaren, of over "
                  f"range(...))")

    def expr(self, n, scope: dict[str, str]) -> None:
        if isinstance(n, nodes.Const):
            if isinstance(n.value, str) and len(n.value) > 10_000:
                self.fout("een tekst van meer dan 10.000 tekens in een veld")
            return
        if isinstance(n, nodes.Name):
            if n.name in ("true", "false", "none", "True", "False", "None"):
                return
            if n.name not in scope and n.name not in self.velden:
                if n.name == "range":
                    self.fout("range(...) buiten een herhaling ({% for %})")
                self.onbekend.append(n.name)
            return
        if isinstance(n, (nodes.Getattr, nodes.Getitem)):
            attr = n.attr if isinstance(n, nodes.Getattr) else (
                n.arg.value if isinstance(n.arg, nodes.Const) else None)
            if isinstance(attr, str) and attr.startswith("_"):
                self.fout(f"'{attr}' (een verborgen eigenschap van Python; die kan code uitvoeren)")
            if isinstance(n, nodes.Getitem) and not isinstance(n.arg, nodes.Const):
                if isinstance(n.arg, nodes.Slice):
                    for x in (n.arg.start, n.arg.stop, n.arg.step):
                        if x is not None:
                            self.expr(x, scope)
                else:
                    self.expr(n.arg, scope)
            basis = n.node
            if isinstance(basis, nodes.Name) and basis.name in scope:
                soort = scope[basis.name]
                if soort == "jaar" and isinstance(attr, str) and attr not in JAARVELDEN:
                    self.onbekend.append(f"{basis.name}.{attr}")
                elif soort == "loop" and isinstance(attr, str) and attr not in LOOPVELDEN:
                    self.fout(f"'loop.{attr}' (van loop mogen alleen {', '.join(LOOPVELDEN)})")
                elif soort in ("tekst", "getal") and isinstance(attr, str):
                    self.fout(f"'{basis.name}.{attr}' (een tekst of getal heeft geen velden)")
                return
            self.expr(basis, scope)
            return
        if isinstance(n, nodes.Call):
            self.fout(f"een functie-aanroep ({_naam(n.node)}(...)); alleen range(...) in een herhaling mag")
        if isinstance(n, nodes.Filter):
            if n.name not in FILTERS:
                self.fout(f"het filter '|{n.name}' (wel: {', '.join(FILTERS)})")
            if n.name == "truncate" and any(not isinstance(a, nodes.Const) for a in n.args):
                self.fout("'|truncate' met iets anders dan een getal")
            if n.node is not None:
                self.expr(n.node, scope)
            for a in [*n.args, *(k.value for k in n.kwargs)]:
                self.expr(a, scope)
            if n.dyn_args or n.dyn_kwargs:
                self.fout(f"het filter '|{n.name}' met *args of **kwargs")
            return
        if isinstance(n, nodes.Test):
            if n.name not in TESTS:
                self.fout(f"de test 'is {n.name}'")
            self.expr(n.node, scope)
            for a in n.args:
                self.expr(a, scope)
            return
        for soort, teken in BEWERKINGEN.items():
            if isinstance(n, soort):
                self.fout(f"de rekenbewerking '{teken}' (die kan een enorme tekst of een enorm getal maken)")
        if isinstance(n, (nodes.BinExpr, nodes.Compare, nodes.UnaryExpr, nodes.CondExpr, nodes.Concat,
                          nodes.Tuple, nodes.List, nodes.Operand, nodes.MarkSafeIfAutoescape)):
            for x in n.iter_child_nodes():
                self.expr(x, scope)
            return
        if isinstance(n, (nodes.Dict, nodes.Pair, nodes.Keyword)):
            for x in n.iter_child_nodes():
                self.expr(x, scope)
            return
        self.fout(f"de uitdrukking {type(n).__name__}")


class Zandbak(ImmutableSandboxedEnvironment):
    """De omgeving waarin avdesk een sjabloon invult: elk stuk wordt eerst nagelopen (laag 1), dan in de sandbox
    ingevuld met budgetten (laag 2). `velden`: de namen van de context; `lijsten`: welke daarvan lijsten zijn."""

    intercepted_binops = frozenset(["*", "**", "/", "//", "%"])

    def __init__(self, velden: set[str], lijsten: set[str]):
        from jinja2 import StrictUndefined
        super().__init__(undefined=StrictUndefined, autoescape=True)
        self.velden, self.lijsten = set(velden), set(lijsten)
        self.budget = _Budget()
        self.onbekend: list[str] = []
        self.globals.clear()                                   # geen lipsum, cycler, joiner, namespace, dict
        self.globals["range"] = self._range
        self.filters = {k: v for k, v in self.filters.items() if k in FILTERS}
        self.tests = {k: v for k, v in self.tests.items() if k in TESTS}
        self.concat = self._samenvoegen

    def _parse(self, source, name, filename):
        boom = super()._parse(source, name, filename)
        controle = _Controle(self.velden, self.lijsten)
        controle.template(boom)
        self.onbekend += [x for x in controle.onbekend if x not in self.onbekend]
        return boom

    def _range(self, *args):
        try:
            r = range(*(int(a) for a in args))
        except (TypeError, ValueError, OverflowError):
            raise NietToegestaan("het gebruikt range(...) met iets anders dan gewone getallen") from None
        if len(r) > MAX_RANGE:
            raise NietToegestaan(f"het gebruikt range(...) met meer dan {MAX_RANGE:,} stappen".replace(",", "."))
        self.budget.tel(len(r))
        return r

    def call_binop(self, context, operator, left, right):
        raise NietToegestaan(f"het gebruikt de rekenbewerking '{operator}' (die kan een enorme tekst of een enorm "
                             f"getal maken)")

    def is_safe_attribute(self, obj, attr, value) -> bool:
        from jinja2.runtime import LoopContext
        return isinstance(obj, LoopContext) and attr in LOOPVELDEN

    def is_safe_callable(self, obj) -> bool:
        return obj == self._range

    def _samenvoegen(self, stukken) -> str:
        uit, lengte = [], 0
        for i, stuk in enumerate(stukken):
            lengte += len(stuk)
            if lengte > MAX_UITVOER:
                raise NietToegestaan(f"het maakt een te grote brief (meer dan {MAX_UITVOER // 2 ** 20} "
                                     f"miljoen tekens)")
            if i % 64 == 0:
                self.budget.tijd()
            uit.append(stuk)
        return "".join(uit)

    def context(self, ctx: dict) -> dict:
        """De velden voor het invullen: lijsten tellen mee in het budget."""
        return _lijsten(ctx, self.budget)


def controleer_bestand(data: bytes) -> None:
    """Laag 3: grootte van het .docx en van wat het uitgepakt is; NietToegestaan als het te groot is."""
    if len(data) > MAX_SJABLOON:
        raise NietToegestaan(f"het bestand is groter dan {MAX_SJABLOON // 2 ** 20} MB")
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            delen = z.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return                                  # geen zip: python-docx zegt dat het geen Word-bestand is
    if len(delen) > MAX_DELEN:
        raise NietToegestaan(f"het bestand heeft meer dan {MAX_DELEN} delen")
    if sum(d.file_size for d in delen) > MAX_UITGEPAKT:
        raise NietToegestaan(f"het bestand is uitgepakt groter dan {MAX_UITGEPAKT // 2 ** 20} MB (een zip-bom?)")
