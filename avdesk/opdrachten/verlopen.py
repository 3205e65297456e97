"""`avdesk verlopen`: dossiers, doelgroeplijsten en bewaarde kopieen buiten de bewaartermijn (AVG)."""

from __future__ import annotations

from .gemeen import _met_opslag, _opslag


KOPIE_DAGEN = 30          # na zoveel dagen herinnert `verlopen` eraan een voor-herstel-kopie te verwijderen


@_met_opslag
def cmd_verlopen(_args) -> int:
    from datetime import date
    from ..core.geld import datum
    with _opslag(maak=False) as o:
        from ..store import lijsten
        from ..store.bestanden import ruim_resten
        ruim_resten(o.map, wacht=True)       # een rest van een afgebroken herstel of back-up houdt geen dossier vast
        rijen = o.verlopen_dossiers()
        kopieen = o.verlopen_in_kopieen()
        oude_lijsten = lijsten.verlopen(o)
    print("Geen dossiers buiten de bewaartermijn." if not rijen else "\n".join(r["herinnering"] for r in rijen))
    for r in oude_lijsten:
        print(r["herinnering"])
    for k in kopieen:
        oud = (date.today() - k["gemaakt"]).days
        if k["aantal"] is None:
            print(f"De bewaarde kopie {k['kopie']} is niet te openen; verwijder hem als hij niet meer nodig is.")
        elif k["verlopen"] or oud > KOPIE_DAGEN:
            buiten = (f"; {len(k['verlopen'])} daarvan buiten de bewaartermijn (dossier "
                      f"{', '.join(map(str, k['verlopen']))})" if k["verlopen"] else "")
            print(f"De bewaarde kopie {k['kopie']} (van voor het terugzetten op {datum(k['gemaakt'])}) bevat "
                  f"{k['aantal']} dossiers{buiten}: verwijder de kopie als die niet meer nodig is.")
    return 0


def registreer(sub) -> None:
    v = sub.add_parser("verlopen", help="dossiers buiten de bewaartermijn (AVG)")
    v.set_defaults(functie=cmd_verlopen)
