"""De doelgroepselectielijst in de versleutelde opslag: per jaar alleen een HMAC-SHA256 van elk BSN, met een sleutel
die alleen in de opslag staat (tabel geheimen). Het BSN zelf en het bestand worden nergens bewaard. Inlezen,
zoeken en verwijderen staan in de auditlog, zonder BSN.

Bewaartermijn: een lijst blijft tot de laatste dag waarop een zelfmelder voor dat jaar nog kan aanvragen. Standaard
is dat de instelling doelgroeplijst_bewaren_tot (31-12-2028: Leiderdorp, hoofdstuk 3: zelfmelders kunnen tot en
met 31 december 2028 aanvragen over 2025, 2026 en 2027); voor een jaar voor 2025 de uiterste aanvraagdatum van het
beleidsprofiel, als dat er een heeft. Bij het inlezen kan een eigen datum worden gegeven."""

from __future__ import annotations

import hashlib
import hmac
from datetime import date
from collections.abc import Iterable

from ..core.wtrapjaren import is_wtrapjaar
from . import OpslagFout
from .db import dbapi2
from .opslag import Opslag, _beschadigd, _leeg_bestand, _nu, bewaarde_kopieen

STANDAARD_BEWAREN_TOT = "2028-12-31"
EERSTE_JAAR, LAATSTE_JAAR = 2022, 2099


def controleer_jaar(jaar: int) -> None:
    if not EERSTE_JAAR <= jaar <= LAATSTE_JAAR:
        raise OpslagFout(f"{jaar} is geen jaar voor een doelgroepselectielijst (kies {EERSTE_JAAR} of later).")


def _sleutel(opslag: Opslag) -> bytes:
    rij = opslag.conn.execute("SELECT waarde FROM geheimen WHERE naam = 'doelgroeplijst'").fetchone()
    if rij is None:            # kan alleen als iemand de rij heeft weggehaald; dan een nieuwe (oude lijsten tellen niet)
        import secrets
        with opslag.transactie():
            opslag.conn.execute("INSERT OR IGNORE INTO geheimen (naam, waarde) VALUES ('doelgroeplijst', ?)",
                                (secrets.token_bytes(32),))
        rij = opslag.conn.execute("SELECT waarde FROM geheimen WHERE naam = 'doelgroeplijst'").fetchone()
    return bytes(rij[0])


def _hasher(opslag: Opslag):
    sleutel = _sleutel(opslag)
    basis = hmac.new(sleutel, digestmod=hashlib.sha256)

    def h(bsn: str) -> bytes:
        m = basis.copy()
        m.update(bsn.encode("ascii"))
        return m.digest()
    return h


def standaard_bewaren_tot(opslag: Opslag, jaar: int) -> date:
    if not is_wtrapjaar(jaar):
        try:
            from ..core.params import laad_profiel
            uiterlijk = laad_profiel(opslag.instelling("beleidsprofiel", "handreiking-2024")).aanvraag_uiterlijk
            if uiterlijk:
                return date.fromisoformat(uiterlijk)
        except Exception:          # noqa: BLE001 (een onbekend profiel: dan de algemene instelling)
            pass
    try:
        return date.fromisoformat(opslag.instelling("doelgroeplijst_bewaren_tot", STANDAARD_BEWAREN_TOT))
    except ValueError:
        return date.fromisoformat(STANDAARD_BEWAREN_TOT)


class LijstBestaatAl(Exception):
    """Er is al een lijst voor dit jaar, en er is niet gekozen voor vervangen of aanvullen. Het venster vraagt dan om
    bevestiging (met beide aantallen), de opdrachtregel wil --vervang of --aanvullen. `veel_kleiner`: de nieuwe lijst
    heeft minder dan de helft van de BSN's van de oude (dan waarschuwt de tekst extra: zo raakt een lijst kwijt)."""

    def __init__(self, jaar: int, oud_aantal: int, nieuw_aantal: int, ingelezen: str):
        super().__init__(jaar, oud_aantal, nieuw_aantal, ingelezen)
        self.jaar, self.oud_aantal, self.nieuw_aantal, self.ingelezen = jaar, oud_aantal, nieuw_aantal, ingelezen

    @property
    def veel_kleiner(self) -> bool:
        return veel_kleiner(self.oud_aantal, self.nieuw_aantal)

    def __str__(self) -> str:
        from ..core.doelgroeplijst import bsns_tekst
        tekst = (f"Er is al een doelgroepselectielijst {self.jaar}: {bsns_tekst(self.oud_aantal)}, ingelezen op "
                 f"{ingelezen_op(self.ingelezen)}. De nieuwe lijst telt {bsns_tekst(self.nieuw_aantal)}. Vervangen (de oude "
                 f"lijst verdwijnt) of aanvullen (de nieuwe BSN's komen erbij) gebeurt alleen als u dat kiest.")
        if self.veel_kleiner:
            tekst += (f" Let op: de nieuwe lijst is veel kleiner dan de oude; na vervangen staan "
                      f"{bsns_tekst(self.oud_aantal - self.nieuw_aantal)} minder op de lijst, en die huishoudens "
                      f"lijken dan zelfmelders. Kijk of dit het goede bestand is.")
        return tekst


def veel_kleiner(oud_aantal: int, nieuw_aantal: int) -> bool:
    """De regel voor een vervangende lijst die veel kleiner is: minder dan de helft van de oude."""
    return nieuw_aantal * 2 < oud_aantal


def ingelezen_op(iso: str) -> str:
    """De datum waarop een lijst is ingelezen, als dd-mm-jjjj (voor meldingen)."""
    from ..core.geld import datum
    try:
        return datum(date.fromisoformat(iso[:10]))
    except ValueError:
        return "een onbekende datum"


@_beschadigd
def importeer(opslag: Opslag, jaar: int, bsns: Iterable[str], *, aanvullen: bool = False, vervang: bool = False,
              bewaren_tot: date | None = None) -> dict:
    """Bewaar de lijst van `jaar`. Is er al een, dan alleen met `vervang` (de oude verdwijnt) of `aanvullen` (de
    nieuwe BSN's komen erbij); anders LijstBestaatAl, en er verandert niets. Geeft {"aantal", "nieuw", "vorige"}:
    het aantal BSN's op de lijst nu, hoeveel er bij kwamen, en (aantal, ingelezen) van de lijst die er al was."""
    controleer_jaar(jaar)
    if aanvullen and vervang:
        raise OpslagFout("Kies vervangen of aanvullen, niet allebei.")
    h = _hasher(opslag)
    rijen = list(dict.fromkeys((jaar, h(b)) for b in bsns))
    with opslag.transactie():
        vorige = opslag.conn.execute("SELECT aantal, ingelezen, bewaren_tot FROM doelgroeplijsten WHERE jaar = ?",
                                     (jaar,)).fetchone()
        if vorige and not (aanvullen or vervang):
            raise LijstBestaatAl(jaar, vorige[0], len(rijen), vorige[1])
        if vorige and vervang:
            opslag.conn.execute("DELETE FROM doelgroeplijst_bsn WHERE jaar = ?", (jaar,))
        eigen = bewaren_tot.isoformat() if bewaren_tot else (vorige[2] if vorige else None)
        opslag.conn.execute("INSERT INTO doelgroeplijsten (jaar, ingelezen, aantal, bewaren_tot) VALUES (?, ?, 0, ?) "
                            "ON CONFLICT(jaar) DO UPDATE SET ingelezen = excluded.ingelezen, "
                            "bewaren_tot = excluded.bewaren_tot", (jaar, _nu(), eigen))
        voor = opslag.conn.total_changes
        opslag.conn.executemany("INSERT OR IGNORE INTO doelgroeplijst_bsn (jaar, hmac) VALUES (?, ?)", rijen)
        nieuw = opslag.conn.total_changes - voor
        aantal = opslag.conn.execute("SELECT count(*) FROM doelgroeplijst_bsn WHERE jaar = ?", (jaar,)).fetchone()[0]
        opslag.conn.execute("UPDATE doelgroeplijsten SET aantal = ? WHERE jaar = ?", (aantal, jaar))
        if vorige and aanvullen:
            opslag.audit(f"doelgroeplijst {jaar} aangevuld: {aantal} BSN's (was {vorige[0]})")
        elif vorige:
            opslag.audit(f"doelgroeplijst {jaar} vervangen: {aantal} BSN's (was {vorige[0]})")
        else:
            opslag.audit(f"doelgroeplijst {jaar} ingelezen: {aantal} BSN's")
    if vorige and vervang:
        _leeg_bestand(opslag.conn)          # de hashes van de oude lijst ook uit de vrije ruimte
    return {"aantal": aantal, "nieuw": nieuw, "vorige": (vorige[0], vorige[1]) if vorige else None}


def lijst(opslag: Opslag, jaar: int) -> dict | None:
    rij = opslag.conn.execute("SELECT jaar, ingelezen, aantal, bewaren_tot FROM doelgroeplijsten WHERE jaar = ?",
                              (jaar,)).fetchone()
    return _als_dict(opslag, rij) if rij else None


def _als_dict(opslag: Opslag, rij) -> dict:
    jaar, ingelezen, aantal, eigen = rij
    tot = date.fromisoformat(eigen) if eigen else standaard_bewaren_tot(opslag, jaar)
    return {"jaar": jaar, "ingelezen": ingelezen, "aantal": aantal, "bewaren_tot": tot, "eigen_termijn": bool(eigen)}


@_beschadigd
def lijsten(opslag: Opslag) -> list[dict]:
    return [_als_dict(opslag, r) for r in opslag.conn.execute(
        "SELECT jaar, ingelezen, aantal, bewaren_tot FROM doelgroeplijsten ORDER BY jaar")]


@_beschadigd
def zoek(opslag: Opslag, jaar: int, bsns: list[str], dossier_id: int | None = None) -> list[bool] | None:
    """Per BSN: staat het op de lijst van `jaar`? None als er voor dat jaar geen lijst is. Elke raadpleging komt in
    de auditlog (jaar en aantal, met het dossiernummer als dat er is; nooit het BSN of de uitkomst)."""
    controleer_jaar(jaar)
    h = _hasher(opslag)
    with opslag.transactie():
        if opslag.conn.execute("SELECT 1 FROM doelgroeplijsten WHERE jaar = ?", (jaar,)).fetchone() is None:
            opslag.audit(f"doelgroeplijst {jaar} geraadpleegd (geen lijst)", dossier_id)
            return None
        uit = [opslag.conn.execute("SELECT 1 FROM doelgroeplijst_bsn WHERE jaar = ? AND hmac = ?",
                                   (jaar, h(b))).fetchone() is not None for b in bsns]
        opslag.audit(f"doelgroeplijst {jaar} geraadpleegd" + (f" ({len(bsns)} BSN's)" if len(bsns) != 1 else ""),
                      dossier_id)
    return uit


@_beschadigd
def verwijder(opslag: Opslag, jaar: int) -> dict:
    """Wis de lijst van `jaar`, ook uit de vrije ruimte van het bestand en uit de kopieen die avdesk bewaart
    (voor-herstel). Geeft {"aantal", "kopieen_gewist", "kopieen_verwijderd"}."""
    controleer_jaar(jaar)
    with opslag.transactie():
        rij = opslag.conn.execute("SELECT aantal FROM doelgroeplijsten WHERE jaar = ?", (jaar,)).fetchone()
        if rij is None:
            raise OpslagFout(f"Er is geen doelgroepselectielijst {jaar} om te verwijderen.")
        opslag.conn.execute("DELETE FROM doelgroeplijst_bsn WHERE jaar = ?", (jaar,))
        opslag.conn.execute("DELETE FROM doelgroeplijsten WHERE jaar = ?", (jaar,))
        opslag.audit(f"doelgroeplijst {jaar} verwijderd: {rij[0]} BSN's")
    _leeg_bestand(opslag.conn)
    gewist = verwijderd = 0
    for kopie in bewaarde_kopieen(opslag.map) if opslag.map else []:
        try:
            gewist += _wis_in_kopie(opslag, kopie, jaar)
        except (OpslagFout, dbapi2.Error):
            for staart in ("", "-wal", "-shm"):
                kopie.with_name(kopie.name + staart).unlink(missing_ok=True)
            verwijderd += 1
    return {"aantal": rij[0], "kopieen_gewist": gewist, "kopieen_verwijderd": verwijderd}


def _wis_in_kopie(opslag: Opslag, kopie, jaar: int) -> int:
    with opslag.kopie(kopie) as k:
        conn = k.conn
        with k.transactie():
            if conn.execute("SELECT 1 FROM doelgroeplijsten WHERE jaar = ?", (jaar,)).fetchone() is None:
                return 0
            conn.execute("DELETE FROM doelgroeplijst_bsn WHERE jaar = ?", (jaar,))
            conn.execute("DELETE FROM doelgroeplijsten WHERE jaar = ?", (jaar,))
            k.audit(f"doelgroeplijst {jaar} verwijderd (in bewaarde kopie)")
        _leeg_bestand(conn)
        return 1


@_beschadigd
def verlopen(opslag: Opslag, vandaag: date | None = None) -> list[dict]:
    """Lijsten waarvan de bewaartermijn voorbij is, met een herinnering (zoals bij dossiers)."""
    from ..core.geld import datum
    vandaag = vandaag or date.today()
    uit = []
    for d in lijsten(opslag):
        if d["bewaren_tot"] < vandaag:
            d["herinnering"] = (f"De doelgroepselectielijst {d['jaar']} hoefde maar tot {datum(d['bewaren_tot'])} "
                                f"bewaard te worden (de laatste dag waarop zelfmelders over {d['jaar']} konden "
                                f"aanvragen): verwijder hem met `avdesk doelgroeplijst verwijder --jaar {d['jaar']}`.")
            uit.append(d)
    return uit
