"""De meldingen van de opdrachten bij foute invoer (issue 23: één hulp voor de foutafhandeling in
avdesk/opdrachten/gemeen.py). Letterlijk wat op stderr komt en exitcode 2, vastgelegd voor de hulp er was: de
verbouwing mag er geen teken van veranderen. En de vorm zelf: geen opdracht vangt meer zelf een fout om hem als
melding te tonen (`except X as e: return _fout(...)`), dat doet gemeen.melding."""

import ast
from pathlib import Path

import pytest

from avdesk import cli

OPDRACHTEN = Path(__file__).parents[2] / "avdesk" / "opdrachten"
TOESLAGJAAR_2031 = ("  - Toeslagjaar 2031 wordt niet ondersteund: vanaf 2028 lost de Belastingdienst de "
                    "alleenverdienersproblematiek zelf op, in de inkomstenbelasting (bron: Belastingplan 2025, "
                    "memorie van toelichting, § 5.15 'Fiscale oplossing eenverdieners').\n")
GEEN_DOSSIER = "  - Dossier 99 bestaat niet.\n"

GEVALLEN = [
    (["import", "T/weg.json"], "De casus T/weg.json bevat fouten:\n  - Het bestand T/weg.json bestaat niet.\n"),
    (["instellingen", "onzin"], "Onbekende instelling:\n  - Er is geen instelling 'onzin'. Bekende instellingen: "),
    (["instellingen", "betaal_iban", "NL20INGB0001234568"],
     "De instelling is niet gewijzigd:\n  - 'NL20INGB0001234568' is geen geldig IBAN (de controle mod 97 klopt "
     "niet).\n"),
    (["parameters", "toon", "2031"], "Geen parameters voor 2031:\n" + TOESLAGJAAR_2031),
    (["parameters", "sjabloon", "2031"], "Geen sjabloon voor 2031:\n" + TOESLAGJAAR_2031),
    (["parameters", "verwijder", "2024"],
     "Niet verwijderd:\n  - voor 2024 is geen eigen parameterbestand geïnstalleerd (in T/data/parameters); de "
     "meegeleverde parameters horen bij de installatie\n"),
    (["profiel", "verwijder", "onbekend"],
     "Niet verwijderd:\n  - er is geen eigen profiel 'onbekend' geïnstalleerd (in T/data/beleidsprofielen)\n"),
    (["profiel", "sjabloon", "--van", "onbekend"],
     "Geen sjabloon:\n  - Beleidsprofiel 'onbekend' bestaat niet; kies uit: handreiking-2024, mvs-2025.\n"),
    (["controleer", "T/weg.pdf"], "Controle niet gedaan:\n  - T/weg.pdf kan niet worden gelezen (foutcode 2)\n"),
    (["controleer", "T/geen.pdf"], "De berekening is geen PDF.\n"),
    (["pdf", "T/weg.json", "--map", "T/uit"],
     "De casus T/weg.json bevat fouten:\n  - Het bestand T/weg.json bestaat niet.\n"),
    (["doelgroeplijst", "zoek", "123", "--jaar", "2024"],
     "Niet gezocht:\n  - dit is geen geldig BSN (9 cijfers die de elfproef halen)\n"),
    (["doelgroeplijst", "importeer", "T/weg.csv", "--jaar", "1999"],
     "Ongeldige optie:\n  - 1999 is geen jaar voor een doelgroepselectielijst (kies 2022 of later).\n"),
    (["doelgroeplijst", "importeer", "T/weg.csv", "--jaar", "2024", "--bewaren-tot", "onzin"],
     "Ongeldige optie:\n  - --bewaren-tot 'onzin' is geen datum (JJJJ-MM-DD)\n"),
    (["doelgroeplijst", "importeer", "T/weg.csv", "--jaar", "2024"],
     "De lijst is niet ingelezen:\n  - Het bestand T/weg.csv bestaat niet.\n"),
    (["zaaksysteem", "1"],
     "Niet overgedragen:\n  - Het zaaksysteem staat uit (standaard). Zet het aan met `avdesk instellingen zaaksysteem "
     "aan`, met de adressen en de client van de gemeente (zie `avdesk instellingen --help`).\n"),
    (["ontvang", "--dossier", "5"], "Niet gelukt:\n  - Dossier 5 bestaat niet.\n"),
    (["ontvang", "T/weg.pdf"], "Niet ontvangen:\n  - T/weg.pdf bestaat niet\n"),
    (["betaalopdracht", "--map", "T/uit", "--uitvoerdatum", "onzin"],
     "Ongeldige optie:\n  - --uitvoerdatum 'onzin' is geen datum (dd-mm-jjjj)\n"),
    (["beschikking", "--map", "T/uit"],
     "Ongeldige opdracht:\n  - geef een berekening (PDF) of --dossier NUMMER (een van beide)\n"),
    (["export", "99"], "De dossiers kunnen niet worden gebruikt:\n" + GEEN_DOSSIER),
    (["ontvangen", "versies", "99"], "Niet gelukt:\n" + GEEN_DOSSIER),
    (["ontvangen", "vastzetten", "99"], "Niet gelukt:\n" + GEEN_DOSSIER),
    (["archief", "99", "--map", "T/uit"], "Niet gelukt:\n" + GEEN_DOSSIER),
    (["verwijder", "99", "--ja"], "De dossiers kunnen niet worden gebruikt:\n" + GEEN_DOSSIER),
]


@pytest.fixture
def datamap(tmp_path, monkeypatch, capsys):
    """Een lege opslag (een dossier dat niet bestaat is dan de melding, niet 'nog geen dossiers')."""
    monkeypatch.setenv("AVDESK_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("AVDESK_WACHTWOORD", "geheim-genoeg")
    (tmp_path / "geen.pdf").write_text("geen pdf")
    assert cli.main(["instellingen", "werkwijze"]) == 0
    capsys.readouterr()
    return tmp_path


@pytest.mark.parametrize("argv,melding", GEVALLEN, ids=[" ".join(g[0][:2]) + f"-{i}" for i, g in enumerate(GEVALLEN)])
def test_melding_letterlijk(datamap, capsys, argv, melding):
    code = cli.main([x.replace("T/", f"{datamap}/") for x in argv])
    uit = capsys.readouterr()
    fout = uit.err.replace(f"{datamap}/", "T/")
    assert code == 2 and uit.out == ""
    assert fout == melding if melding.endswith("\n") else fout.startswith(melding), fout


def test_fout_wachtwoord(datamap, capsys, monkeypatch):
    monkeypatch.setenv("AVDESK_WACHTWOORD", "fout-wachtwoord")
    assert cli.main(["dossiers"]) == 2
    assert capsys.readouterr().err == "De dossiers kunnen niet worden gebruikt:\n  - Het wachtwoord klopt niet.\n"


def _vangt_zelf(handler: ast.ExceptHandler) -> bool:
    """`except X as e: return _fout(...)`: een fout vangen om hem als melding te tonen."""
    return (len(handler.body) == 1 and isinstance(handler.body[0], ast.Return)
            and isinstance(handler.body[0].value, ast.Call)
            and getattr(handler.body[0].value.func, "id", None) == "_fout")


# bereken.py staat in het startpad van `avdesk bereken` (issue 23: zijn imports blijven zoals ze zijn).
@pytest.mark.parametrize("pad", sorted(p for p in OPDRACHTEN.glob("*.py") if p.name not in ("gemeen.py", "bereken.py")),
                         ids=lambda p: p.name)
def test_geen_eigen_foutafhandeling(pad):
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    zelf = [n.lineno for n in ast.walk(boom) if isinstance(n, ast.ExceptHandler) and _vangt_zelf(n)]
    assert not zelf, f"{pad.name} regel {zelf}: gebruik `with melding(kop, Soort):` uit gemeen.py"
