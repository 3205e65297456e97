"""Instellingen: een profiel dat een beheerder installeerde (avdesk profiel installeer) is te kiezen (issue 24)."""

PROFIEL = """id = "testgemeente-2024"
naam = "Testgemeente 2024"
uitvoerder = "Gemeente Testdorp"
bron = "Beleidsregels alleenverdieners Testdorp 2024 (testprofiel)"
tekort_jaren = [2023, 2024]
terugvordering_jaren = [2022, 2023]
vermogensgrens = "bijstand"
uitbetaling = "eenmalig"
aanvraag_uiterlijk = "2024-06-30"
"""


def test_geinstalleerd_profiel_kiezen_en_bewaren(qtbot, app, opslag, tmp_path, monkeypatch):
    from avdesk.core.profielbestand import installeer
    from avdesk.store.instellingen import lees
    from avdesk.ui.instellingen import InstellingenDialoog
    monkeypatch.setenv("AVDESK_DATA", str(tmp_path / "data"))
    bestand = tmp_path / "profiel.toml"
    bestand.write_text(PROFIEL, encoding="utf-8")
    installeer(bestand)
    d = InstellingenDialoog(opslag)
    qtbot.addWidget(d)
    keuzes = [d.f.beleidsprofiel.itemText(i) for i in range(d.f.beleidsprofiel.count())]
    assert "Testgemeente 2024 (eigen profiel)" in keuzes and "Handreiking 2024" in keuzes
    d.f.beleidsprofiel.setCurrentIndex(keuzes.index("Testgemeente 2024 (eigen profiel)"))
    d.accept()
    assert lees(opslag)["beleidsprofiel"] == "testgemeente-2024"
    # Het profiel verdwijnt (verwijderd): de dialoog opent nog, met een profiel dat er wel is.
    from avdesk.core.profielbestand import verwijder
    verwijder("testgemeente-2024")
    d2 = InstellingenDialoog(opslag)
    qtbot.addWidget(d2)
    assert d2.profielen[d2.f.beleidsprofiel.currentIndex()] in ("handreiking-2024", "mvs-2025")
