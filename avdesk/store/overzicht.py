"""Wat de dossierlijst per dossier laat zien naast de namen: de jaren, de route en de compensatie van de laatste
berekening (twee dossiers van een paar zagen er anders gelijk uit; issue 22). Zonder Qt, rechtstreeks uit de laatste
versie van de casus en de laatste berekening (JSON in de versleutelde opslag)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from ..core.geld import euro

ROUTES = {"wtrap": "Wtrap", "tekort": "tekort", "terugvordering": "terugvordering", "beide": "tekort en terugvordering"}

_SQL = """
SELECT d.id,
       (SELECT group_concat(json_extract(j.value, '$.jaar'))
          FROM json_each(v.casus, '$.jaren') AS j
         WHERE json_array_length(j.value, '$.perioden') > 0 OR json_extract(j.value, '$.terugvordering') IS NOT NULL),
       json_extract(v.casus, '$.aanvraag.route'),
       (SELECT json_extract(b.berekening, '$.totaal_compensatie') FROM berekeningen b
         WHERE b.dossier_id = d.id ORDER BY b.id DESC LIMIT 1),
       (SELECT b.casus_versie FROM berekeningen b WHERE b.dossier_id = d.id ORDER BY b.id DESC LIMIT 1) < v.versie
  FROM dossiers d
  LEFT JOIN casus_versies v ON v.dossier_id = d.id
       AND v.versie = (SELECT max(versie) FROM casus_versies WHERE dossier_id = d.id)
 WHERE d.id IN ({})
"""


def jaren_tekst(jaren: list[int]) -> str:
    """2023 | 2022-2024 | 2023, 2025: aaneengesloten jaren als reeks."""
    jaren = sorted(set(jaren))
    delen, i = [], 0
    while i < len(jaren):
        j = i
        while j + 1 < len(jaren) and jaren[j + 1] == jaren[j] + 1:
            j += 1
        delen.append(str(jaren[i]) if i == j else f"{jaren[i]}-{jaren[j]}")
        i = j + 1
    return ", ".join(delen)


def overzicht(opslag, ids: list[int]) -> dict[int, dict[str, str]]:
    """Per dossier {"jaren": "2022-2024", "route": "Wtrap", "bedrag": "€ 1.100,00", "oud": False} ('' waar nog
    niets is). "oud": de casus is gewijzigd na de laatste berekening (er is een nieuwere versie), het bedrag kan
    dus anders zijn (bewaar_casus maakt alleen een versie als er echt iets veranderde)."""
    uit: dict[int, dict[str, str]] = {}
    for start in range(0, len(ids), 500):
        deel = ids[start:start + 500]
        for d, jaren, route, bedrag, oud in opslag.conn.execute(_SQL.format(",".join("?" * len(deel))), deel):
            try:
                bedrag_tekst = euro(Decimal(str(bedrag))) if bedrag is not None else ""
            except InvalidOperation:
                bedrag_tekst = ""
            uit[d] = {"jaren": jaren_tekst([int(j) for j in str(jaren).split(",") if j.strip().isdigit()])
                      if jaren else "", "route": ROUTES.get(route or "", ""), "bedrag": bedrag_tekst,
                      "oud": bool(oud) and bool(bedrag_tekst)}
    return uit
