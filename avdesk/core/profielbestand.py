"""Beleidsprofielen als bestand: controleren, een sjabloon, installeren in de datamap en verwijderen.

Een gemeente die niet de handreiking of MVS volgt, zet zo haar eigen beleidsregel neer zonder nieuwe release van
avdesk: welke jaren en soorten compensatie ze betaalt, tot wanneer een aanvraag kan, of ze aan het bestaansminimum
toetst, welke vermogensgrens ze gebruikt, naam en adres van de gemeente en haar sjabloon voor de beschikking."""

from __future__ import annotations

import json
from pathlib import Path

from .bestanden import schrijf_atomair
from .params import EERSTE_JAAR, LAATSTE_JAAR, eigen_profielen_map, meegeleverde_profielen
from .profielschema import ID_PATROON, VELDEN, Beleidsprofiel, lees_profiel

JAREN = (EERSTE_JAAR, LAATSTE_JAAR)


def sjabloonfouten(pad: str) -> list[str]:
    """Het beschikkingssjabloon: bestaat het, is het een .docx, en klopt het als sjabloon (de keuring van de
    beschikking, core/sjabloonkeuring)."""
    p = Path(pad)
    if not p.is_absolute():
        return [f"beschikking_sjabloon {pad!r}: geef het volledige pad (bv. C:\\Sjablonen\\beschikking.docx)"]
    if p.suffix.lower() != ".docx":
        return [f"beschikking_sjabloon {pad!r} is geen Word-bestand (.docx)"]
    if not p.is_file():
        return [f"beschikking_sjabloon {pad!r} bestaat niet"]
    from .sjabloonkeuring import keur
    return [f"beschikking_sjabloon: {f}" for f in keur(p)]


def controleer(bestand: Path) -> tuple[Beleidsprofiel | None, list[str]]:
    """Voor `avdesk profiel controleer` en `installeer`: alles, ook het beschikkingssjabloon."""
    return lees_profiel(bestand, JAREN, eigen=True, extra=sjabloonfouten)


class ProfielFout(Exception):
    pass


def installeer(bestand: Path, vervang: bool = False) -> tuple[Beleidsprofiel, Path]:
    """Controleer en zet het profiel in de datamap (nooit in de installatie). Een meegeleverd of al geïnstalleerd
    profiel met hetzelfde id alleen met vervang=True. Bij een fout verandert er niets."""
    profiel, fouten = controleer(bestand)
    if fouten or profiel is None:   # zonder profiel geeft controleer() altijd een fout
        raise ProfielFout("\n".join(fouten))
    doel = eigen_profielen_map() / f"{profiel.id}.toml"
    if not vervang and (profiel.id in meegeleverde_profielen() or doel.exists()):
        waar = "meegeleverd met avdesk" if profiel.id in meegeleverde_profielen() else f"al geïnstalleerd ({doel})"
        raise ProfielFout(f"profiel {profiel.id} is {waar}; vervang het met --vervang, of kies een ander id")
    schrijf_atomair(doel, bestand.read_bytes())
    return profiel, doel


def verwijder(profiel_id: str) -> Path:
    doel = eigen_profielen_map() / f"{profiel_id}.toml"
    if not ID_PATROON.fullmatch(profiel_id) or not doel.is_file():
        if profiel_id in meegeleverde_profielen():
            raise ProfielFout(f"profiel {profiel_id} hoort bij de installatie van avdesk en kan niet worden "
                              f"verwijderd (alleen een eigen profiel)")
        raise ProfielFout(f"er is geen eigen profiel {profiel_id!r} geïnstalleerd (in {eigen_profielen_map()})")
    doel.unlink()
    return doel


def _toml_tekst(v: str) -> str:
    return json.dumps(v, ensure_ascii=False)


def sjabloon(van: Beleidsprofiel | None = None) -> str:
    """Een profiel als TOML met uitleg per veld: leeg, of gevuld met een bestaand profiel als begin."""
    regels = ["# Beleidsprofiel voor avdesk (avdesk profiel sjabloon).",
              "# Vul elk veld in volgens de beleidsregel van de gemeente. Controleer met 'avdesk profiel controleer "
              "BESTAND',", "# installeer met 'avdesk profiel installeer BESTAND'.", ""]
    for veld, (verplicht, uitleg) in VELDEN.items():
        regels.append(f"# {uitleg}{'' if verplicht else ' (mag leeg)'}")
        waarde = getattr(van, veld) if van is not None else None
        if veld in ("tekort_jaren", "terugvordering_jaren"):
            regels.append(f"{veld} = [{', '.join(map(str, waarde or ()))}]")
        elif veld == "bestaansminimumtoets":
            regels.append(f"{veld} = {'false' if waarde is False else 'true'}")
        elif veld == "id" and van is not None:
            regels.append(f"{veld} = {_toml_tekst(van.id + '-eigen')}")
        else:
            regels.append(f"{veld} = {_toml_tekst(waarde or '')}")
        regels.append("")
    return "\n".join(regels)
