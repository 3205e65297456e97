"""De auditlog van een opslag: de auditsleutel en de kop van de keten (de laatste regel, ook buiten de database in
audit-kop.json), lezen en nalopen: de nieuwste regels, en alle problemen van de keten (ontbrekende, gewijzigde of
teruggedateerde regels, een opnieuw uitgerekende keten, een kop die niet aansluit). Een regel schrijven doet
Opslag.audit() (opslag.py), altijd binnen een transactie; de keten zelf (hash, triggers) staat in auditketen.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import OpslagFout, bestanden
from .auditketen import AUDIT_BEGIN, keten_fouten
from .gedeeld import SCHADE, _beschadigd

if TYPE_CHECKING:
    from .opslag import Opslag


def auditsleutel(o: Opslag) -> bytes:
    """De sleutel van de auditketen uit de tabel geheimen (Opslag.auditsleutel onthoudt hem)."""
    rij = o.conn.execute("SELECT waarde FROM geheimen WHERE naam = 'auditketen'").fetchone()
    if rij is None or not isinstance(rij[0], bytes) or len(rij[0]) != 32:
        raise OpslagFout("De sleutel van de auditketen ontbreekt in het dossierbestand: het is beschadigd of "
                         "buiten avdesk om veranderd. " + SCHADE.split(". ", 1)[1], soort="beschadigd")
    return rij[0]


def audit_kop(o: Opslag) -> tuple[int, str]:
    """(volgnummer, hash) van de laatste auditregel; (0, AUDIT_BEGIN) bij een lege log."""
    rij = o.conn.execute("SELECT volgnr, hash FROM audit ORDER BY volgnr DESC LIMIT 1").fetchone()
    return (rij[0], rij[1]) if rij else (0, AUDIT_BEGIN)


def begin_kop(o: Opslag) -> None:
    """Een opslag zonder audit-kop.json krijgt er een als hij net is gemaakt of omgezet (lege log, of de laatste
    regel is de omzetting naar de sleutelketen). Anders ontbreekt hij: dat meldt `audit --controleer`."""
    if o.map is None or (o.map / bestanden.KOPBESTAND).exists():
        return
    rij = o.conn.execute("SELECT volgnr, hash, actie FROM audit ORDER BY volgnr DESC LIMIT 1").fetchone()
    if rij is None:
        bestanden.schrijf_kop(o.map, o.auditsleutel, 0, AUDIT_BEGIN)
    elif rij[2].startswith("auditketen met sleutel"):
        bestanden.schrijf_kop(o.map, o.auditsleutel, rij[0], rij[1])


def bewaar_kop(o: Opslag) -> None:
    """De kop van de auditketen ook buiten de database (audit-kop.json naast de sleutel), na een transactie met een
    nieuwe auditregel. Mislukt dat (schijf vol), dan staat de wijziging al veilig in de database; de kop loopt dan
    achter (dat is geen fout)."""
    if o.map is None or not (o.map / bestanden.KOPBESTAND).exists():
        return                          # ontbreekt hij, dan blijft dat zichtbaar voor `audit --controleer`
    try:
        bestanden.schrijf_kop(o.map, o.auditsleutel, *o.audit_kop())
    except OSError:
        pass


@_beschadigd
def auditlog(o: Opslag, limiet: int = 100) -> list[dict]:
    """De nieuwste regels eerst (op volgnummer, niet op de klok: die kan verzet zijn)."""
    return [dict(zip(("volgnr", "tijd", "gebruiker", "actie", "dossier_id"), r)) for r in o.conn.execute(
        "SELECT volgnr, tijd, gebruiker, actie, dossier_id FROM audit ORDER BY volgnr DESC LIMIT ?", (limiet,))]


@_beschadigd
def controleer_audit(o: Opslag, kop: dict | None = None) -> tuple[int, str | None]:
    """Loop de keten na. Geeft (aantal regels, None) als hij klopt, anders (volgnummer van de eerste foute regel,
    alle problemen in een zin). `kop`: {"volgnr", "hash"} uit een back-up; die regel moet nog precies zo
    bestaan. Zie audit_problemen()."""
    problemen = o.audit_problemen(kop)
    if problemen:
        return problemen[0][0], "; ".join(p for _, p in problemen)
    return o.audit_kop()[0], None


@_beschadigd
def audit_problemen(o: Opslag, kop: dict | None = None) -> list[tuple[int, str]]:
    """Alle problemen van de auditlog, als (volgnummer, zin): ontbrekende regels (ook aan het eind: de kop in
    audit-kop.json en in de back-up kent er meer), gewijzigde regels, een keten die opnieuw is uitgerekend
    (zonder de sleutel klopt geen enkele HMAC), een tijd die teruggaat."""
    rijen = o.conn.execute("SELECT volgnr, tijd, gebruiker, actie, dossier_id, vorige_hash, hash FROM audit "
                           "ORDER BY volgnr").fetchall()
    problemen = keten_fouten(rijen, o.auditsleutel)
    gewijzigd = [p for p in problemen if "is gewijzigd" in p[1]]
    if rijen and len(gewijzigd) == len(rijen):
        problemen = [(rijen[0][0], f"geen enkele regel (1 t/m {rijen[-1][0]}) klopt met de sleutel van deze "
                                   f"opslag: de keten is buiten avdesk om opnieuw uitgerekend of vervangen")]
    vorige_tijd = ""
    for r in rijen:
        if r[1] < vorige_tijd and not r[3].startswith("auditketen met sleutel"):
            problemen.append((r[0], f"regel {r[0]} heeft een eerdere tijd dan de regel ervoor (teruggedateerd)"))
        vorige_tijd = max(vorige_tijd, r[1])
    per_nr = {r[0]: r[6] for r in rijen}
    hoogste = rijen[-1][0] if rijen else 0
    koppen = []
    if o.map is not None:
        bewaard = bestanden.lees_kop(o.map)
        if bewaard is None:
            problemen.append((hoogste + 1, f"de kop van de auditlog buiten de database ({bestanden.KOPBESTAND}) "
                                           f"ontbreekt: of er regels aan het eind zijn weggehaald, is niet na te "
                                           f"gaan"))
        elif bewaard == "onleesbaar" or not _kop_mac_klopt(bewaard, o.auditsleutel):
            problemen.append((hoogste + 1, f"de kop van de auditlog buiten de database ({bestanden.KOPBESTAND}) "
                                           f"is onleesbaar of niet door deze opslag geschreven"))
        else:
            koppen.append(("de bewaarde kop", bewaard))
    if kop:
        koppen.append(("de back-up", kop))
    for bron, k in koppen:
        nr, h = k.get("volgnr"), k.get("hash")
        if not isinstance(nr, int) or nr <= 0:
            continue
        if nr > hoogste:
            wat = f"regel {nr} ontbreekt" if nr == hoogste + 1 else f"regels {hoogste + 1} t/m {nr} ontbreken"
            problemen.append((hoogste + 1, f"{wat}: {bron} kent {nr} regels, de auditlog nu maar "
                                           f"{len(rijen)} (regels aan het eind zijn verwijderd)"))
        elif nr in per_nr and per_nr[nr] != h:
            problemen.append((nr, f"regel {nr} is anders dan in {bron} (de geschiedenis t/m deze regel is "
                                  f"herschreven)"))
    from .terugzetten import vreemde_objecten
    for wat in vreemde_objecten(o.conn, o.conn.execute("PRAGMA user_version").fetchone()[0]):
        if "trigger" in wat or "view" in wat:
            problemen.append((0, f"het dossierbestand bevat een {wat}: die kan de auditlog of de dossiers "
                                 f"ongemerkt veranderen"))
    problemen.sort(key=lambda p: p[0])
    return problemen


def _kop_mac_klopt(kop: dict, auditsleutel: bytes) -> bool:
    import hmac
    return hmac.compare_digest(bestanden.kop_mac(auditsleutel, kop["volgnr"], kop["hash"]), kop["mac"])
