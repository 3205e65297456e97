"""De HTTP-laag naar de ZGW API's van de gemeente (Zaken API 1.5, Documenten API 1.5), zonder Qt.

Authenticatie zoals de ZGW-standaard: bij elk verzoek een JWT (HS256) met de claims iss, iat, client_id, user_id en
user_representation, ondertekend met het secret dat de gemeente bij de client_id uitgaf (`Authorization: Bearer`).

Begrensd: elk verzoek heeft een time-out (verbinden 5 s, lezen en schrijven 20 s) en de hele overdracht hooguit
MAX_DUUR seconden; een antwoord hooguit MAX_ANTWOORD bytes; geen omleidingen (het token gaat alleen naar de
ingestelde adressen). Een proxy (HTTPS_PROXY, NO_PROXY) en een eigen certificaatbundel (SSL_CERT_FILE) uit de
omgeving gelden, zoals in een gemeentenetwerk vaak nodig is. Elke fout is een ZaaksysteemFout met Nederlandse
regels, zonder secret en zonder BSN. `transport` (httpx) is er voor tests; zonder gaat het over het netwerk."""

from __future__ import annotations

import json
import re
import time
import warnings

import httpx

TIMEOUT = httpx.Timeout(20.0, connect=5.0, pool=5.0)
MAX_DUUR = 90.0
MAX_ANTWOORD = 1024 * 1024
CRS = "EPSG:4326"
_NEGEN_CIJFERS = re.compile(r"\d{9}")


class ZaaksysteemFout(Exception):
    """Het zaaksysteem is niet bereikbaar of weigert (`code` 1), of de opdracht kan niet (`code` 2)."""

    def __init__(self, regels: list[str], code: int = 1):
        super().__init__(" ".join(regels))
        self.regels = list(regels)
        self.code = code


def token(client_id: str, secret: str, gebruiker: str, weergave: str, nu: float | None = None) -> str:
    """Het JWT van de ZGW-standaard (HS256)."""
    import jwt
    claims = {"iss": client_id, "iat": int(time.time() if nu is None else nu), "client_id": client_id,
              "user_id": gebruiker, "user_representation": weergave}
    with warnings.catch_warnings():             # een kort secret geeft de gemeente uit; PyJWT waarschuwt ervoor
        warnings.simplefilter("ignore")
        return jwt.encode(claims, secret, algorithm="HS256")


def _schoon(tekst, secret: str, lengte: int = 200) -> str:
    """Tekst uit een antwoord van de server in een melding: zonder secret, zonder BSN-achtige getallen, kort."""
    t = " ".join(str(tekst).split())
    if secret:
        t = t.replace(secret, "[secret]")
    t = _NEGEN_CIJFERS.sub("[nummer]", t)
    return t[:lengte] + ("…" if len(t) > lengte else "")


class Verbinding:
    """Een sessie met de ZGW API's: post() en get() geven de JSON van het antwoord of ZaaksysteemFout."""

    def __init__(self, client_id: str, secret: str, gebruiker: str, weergave: str, *, transport=None,
                 timeout: httpx.Timeout = TIMEOUT, max_duur: float = MAX_DUUR):
        from .. import __version__
        self._claims = (client_id, secret, gebruiker, weergave)
        self._secret = secret
        self._begin = time.monotonic()
        self._max_duur = max_duur
        self._timeout = timeout
        self._client = httpx.Client(transport=transport, timeout=timeout, follow_redirects=False, trust_env=True,
                                    headers={"Accept": "application/json", "User-Agent": f"avdesk/{__version__}"})

    def close(self) -> None:
        self._client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def post(self, url: str, body: dict, *, crs: bool = False) -> dict:
        return self._verzoek("POST", url, body=body, crs=crs)

    def get(self, url: str, params: dict, *, crs: bool = False) -> dict:
        return self._verzoek("GET", url, params=params, crs=crs)

    def _verzoek(self, methode: str, url: str, *, body: dict | None = None, params: dict | None = None,
                 crs: bool = False) -> dict:
        over = self._max_duur - (time.monotonic() - self._begin)
        if over <= 0:
            raise ZaaksysteemFout([f"De overdracht duurde langer dan {int(self._max_duur)} seconden; avdesk is "
                                   f"gestopt. Wat al is aangemaakt, is onthouden: probeer het later opnieuw."])
        kop = {"Authorization": "Bearer " + token(*self._claims)}
        if body is not None:
            kop["Content-Type"] = "application/json"
        if crs:                                 # de Zaken API vraagt deze koppen bij /zaken (ook zonder geometrie)
            kop |= {"Accept-Crs": CRS, "Content-Crs": CRS}
        t = self._timeout
        timeout = httpx.Timeout(min(t.read or over, over), connect=min(t.connect or over, over),
                                write=min(t.write or over, over), pool=min(t.pool or over, over))
        inhoud = json.dumps(body, ensure_ascii=False).encode("utf-8") if body is not None else None
        host = httpx.URL(url).host
        try:
            with self._client.stream(methode, url, params=params, content=inhoud, headers=kop,
                                     timeout=timeout) as r:
                data = bytearray()
                for blok in r.iter_bytes():
                    data += blok
                    if len(data) > MAX_ANTWOORD:
                        raise ZaaksysteemFout([f"Het antwoord van {host} is groter dan {MAX_ANTWOORD // 1024} kB; "
                                               f"avdesk leest het niet."])
                status = r.status_code
        except httpx.TimeoutException:
            raise ZaaksysteemFout([f"Het zaaksysteem ({host}) gaf geen antwoord binnen de tijd "
                                   f"({int(min(t.read or over, over))} seconden)."]) from None
        except httpx.ConnectError:
            raise ZaaksysteemFout([f"Het zaaksysteem ({host}) is niet bereikbaar: controleer het adres in de "
                                   f"instellingen en de netwerkverbinding."]) from None
        except httpx.HTTPError as e:
            raise ZaaksysteemFout([f"De verbinding met het zaaksysteem ({host}) mislukte ({type(e).__name__})."]) \
                from None
        return self._antwoord(methode, url, host, status, bytes(data))

    def _antwoord(self, methode: str, url: str, host: str, status: int, data: bytes) -> dict:
        try:
            antwoord = json.loads(data.decode("utf-8")) if data else {}
        except (UnicodeDecodeError, ValueError, RecursionError):
            antwoord = None
        pad = httpx.URL(url).path.rstrip("/").rsplit("/", 1)[-1]
        if status in (401, 403):
            raise ZaaksysteemFout([f"Het zaaksysteem ({host}) weigert de toegang (HTTP {status}) bij {pad}: "
                                   f"controleer zaaksysteem_client_id en zaaksysteem_secret, en of de gemeente deze "
                                   f"client de rechten gaf voor dit zaaktype."] + self._details(antwoord))
        if 300 <= status < 400:
            raise ZaaksysteemFout([f"Het zaaksysteem ({host}) stuurt door naar een ander adres (HTTP {status}); "
                                   f"avdesk volgt dat niet. Controleer het adres in de instellingen."])
        if status >= 500:
            raise ZaaksysteemFout([f"Het zaaksysteem ({host}) heeft een storing (HTTP {status}) bij {pad}. Probeer "
                                   f"het later opnieuw."] + self._details(antwoord))
        if status >= 400:
            raise ZaaksysteemFout([f"Het zaaksysteem ({host}) weigert het verzoek {methode} {pad} (HTTP {status})."]
                                  + self._details(antwoord))
        if not isinstance(antwoord, (dict, list)):
            raise ZaaksysteemFout([f"Het zaaksysteem ({host}) gaf bij {pad} geen leesbaar antwoord (JSON)."])
        return antwoord if isinstance(antwoord, dict) else {"results": antwoord}

    def _details(self, antwoord) -> list[str]:
        """Wat de server zegt (title, detail, invalidParams), geschoond."""
        if not isinstance(antwoord, dict):
            return []
        uit = [_schoon(antwoord[k], self._secret) for k in ("title", "detail") if isinstance(antwoord.get(k), str)]
        for p in (antwoord.get("invalidParams") or [])[:10] if isinstance(antwoord.get("invalidParams"), list) else []:
            if isinstance(p, dict):
                uit.append(_schoon(f"{p.get('name', '?')}: {p.get('reason', p.get('code', ''))}", self._secret))
        return [f"De server zegt: {x}" for x in uit if x]


def url_uit(antwoord: dict, wat: str) -> str:
    """De `url` van een aangemaakt object (het zaaksysteem geeft die terug); ZaaksysteemFout als hij ontbreekt."""
    url = antwoord.get("url") if isinstance(antwoord, dict) else None
    if not isinstance(url, str) or not url.startswith(("https://", "http://")) or len(url) > 1000:
        raise ZaaksysteemFout([f"Het zaaksysteem gaf bij {wat} geen geldige url terug."])
    return url


def resultaten(antwoord: dict) -> list[dict]:
    """De objecten uit een lijst-antwoord (gepagineerd met `results`, of een kale lijst)."""
    r = antwoord.get("results") if isinstance(antwoord, dict) else None
    return [x for x in r if isinstance(x, dict)] if isinstance(r, list) else []
