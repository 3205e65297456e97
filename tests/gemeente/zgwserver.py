"""Een ZGW-testserver op de loopback (http.server in een thread, poort 0): Zaken API en Documenten API volgens de
gepubliceerde specificaties van VNG Realisatie (tests/gemeente/zgw/, EUPL).

Elk verzoek wordt met openapi-core tegen de specificatie gevalideerd (pad, query, koppen, beveiliging, inhoud), en
elk antwoord dat de server geeft ook. De server controleert het JWT (HS256-handtekening met het secret, de claims
van de ZGW-standaard en de client_id) en bewaart wat hij aanmaakt, zodat een test kan tellen. De specificaties noemen
als server https://zaken-api.vng.cloud/api/v1 en https://documenten-api.vng.cloud/api/v1; de testserver draait ze
onder /zaken/api/v1 en /documenten/api/v1 en valideert elk verzoek alsof het naar die adressen ging."""

from __future__ import annotations

import functools
import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import jwt

SPECS = Path(__file__).resolve().parent / "zgw"
APIS = {"zaken": ("zaken-api.openapi.yaml", "https://zaken-api.vng.cloud"),
        "documenten": ("documenten-api.openapi.yaml", "https://documenten-api.vng.cloud")}
CLAIMS = ("iss", "iat", "client_id", "user_id", "user_representation")


@functools.cache
def spec(api: str):
    from openapi_core import Config, OpenAPI
    # Foutantwoorden zijn application/problem+json (RFC 7807): ook als JSON lezen.
    config = Config(extra_media_type_deserializers={"application/problem+json": json.loads})
    return OpenAPI.from_file_path(str(SPECS / APIS[api][0]), config=config)


def valideer_verzoek(api: str, methode: str, pad: str, query: dict, koppen: dict, data: bytes | None):
    """Het verzoek tegen de specificatie; geeft (openapi-verzoek, None) of (verzoek, foutmelding)."""
    from openapi_core.testing import MockRequest
    verzoek = MockRequest(APIS[api][1], methode.lower(), pad, args=query, headers=koppen, data=data,
                          content_type=koppen.get("Content-Type", "application/json"))
    try:
        spec(api).validate_request(verzoek)
    except Exception as e:                                  # noqa: BLE001 - elke afwijking telt
        return verzoek, _uitleg(e)
    return verzoek, None


def valideer_antwoord(api: str, verzoek, status: int, body, koppen: dict) -> str | None:
    from openapi_core.testing import MockResponse
    antwoord = MockResponse(json.dumps(body).encode(), status_code=status, headers=koppen,
                            content_type=koppen["Content-Type"])
    try:
        spec(api).validate_response(verzoek, antwoord)
    except Exception as e:                                  # noqa: BLE001
        return _uitleg(e)
    return None


def _uitleg(e: Exception) -> str:
    delen = [f"{type(e).__name__}: {e}"]
    for sub in getattr(e, "schema_errors", None) or getattr(getattr(e, "__cause__", None), "schema_errors", ()) or ():
        delen.append(f"{list(sub.path)}: {sub.message}")
    oorzaak = e.__cause__
    if oorzaak is not None and not getattr(oorzaak, "schema_errors", None):
        delen.append(f"{type(oorzaak).__name__}: {oorzaak}")
    return " | ".join(delen)


class ZgwServer:
    def __init__(self, client_id: str = "avdesk-test", secret: str = "een-geheim-van-de-gemeente-32-tekens"):
        self.client_id, self.secret = client_id, secret
        self.verzoeken: list[dict] = []           # methode, api, resource, query, body, claims
        self.fouten: list[str] = []               # elke afwijking van de specificatie of van de JWT-regels
        self.objecten: dict[str, list[dict]] = {"zaken": [], "enkelvoudiginformatieobjecten": [],
                                                "zaakinformatieobjecten": [], "rollen": []}
        self.storing: dict[tuple[str, str], list[int]] = {}     # (methode, resource) -> statussen om te geven
        self.traag: dict[tuple[str, str], float] = {}           # na het aanmaken zo lang wachten (time-out)
        self._slot = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.httpd.daemon_threads = True
        self.basis = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    zaken_api = property(lambda self: f"{self.basis}/zaken/api/v1")
    documenten_api = property(lambda self: f"{self.basis}/documenten/api/v1")

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()

    def posts(self, resource: str) -> list[dict]:
        return [v for v in self.verzoeken if v["methode"] == "POST" and v["resource"] == resource]

    # ------------------------------------------------------------ wat de API's doen

    def behandel(self, methode: str, api: str, resource: str, query: dict, body) -> tuple[int, object]:
        basis = f"{self.basis}/{api}/api/v1/{resource}"
        if methode == "GET":
            alle = [o for o in self.objecten[resource] if all(str(o.get(k)) == v for k, v in query.items())]
            if resource == "zaakinformatieobjecten":
                return 200, alle
            return 200, {"count": len(alle), "next": None, "previous": None, "results": alle}
        u = str(uuid.uuid4())
        obj = {**body, "url": f"{basis}/{u}", "uuid": u}
        if resource == "zaken":
            obj |= {"betalingsindicatieWeergave": "", "deelzaken": [], "eigenschappen": [], "einddatum": None,
                    "resultaat": None, "rollen": [], "status": None, "zaakinformatieobjecten": [],
                    "zaakobjecten": [], "kenmerken": [], "relevanteAndereZaken": []}
        elif resource == "enkelvoudiginformatieobjecten":
            obj.pop("uuid")
            obj |= {"beginRegistratie": "2026-12-03T12:00:00Z", "bestandsdelen": [], "locked": False, "versie": 1,
                    "inhoud": f"{basis}/{u}/download?versie=1"}
            self.inhoud = getattr(self, "inhoud", {}) | {obj["url"]: body.get("inhoud")}
        elif resource == "zaakinformatieobjecten":
            obj |= {"aardRelatieWeergave": "Hoort bij, omgekeerd: kent", "registratiedatum": "2026-12-03T12:00:00Z"}
        elif resource == "rollen":
            obj |= {"omschrijving": "Aanvrager", "omschrijvingGeneriek": "initiator",
                    "registratiedatum": "2026-12-03T12:00:00Z", "statussen": [], "betrokkene": ""}
        self.objecten[resource].append(obj)
        return 201, obj

    def controleer_jwt(self, kop: str | None) -> tuple[dict | None, str | None]:
        if not kop or not kop.startswith("Bearer "):
            return None, "geen Bearer-token"
        try:
            claims = jwt.decode(kop[7:], self.secret, algorithms=["HS256"], options={"require": list(CLAIMS)})
        except jwt.PyJWTError as e:
            return None, f"JWT ongeldig: {e}"
        if claims.get("client_id") != self.client_id or claims.get("iss") != self.client_id:
            return None, "onbekende client_id"
        if abs(time.time() - claims["iat"]) > 300:
            return None, "iat te ver van nu"
        return claims, None


def _handler(server: ZgwServer):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _doe(self, methode: str):
            delen = urlsplit(self.path)
            api, _, rest = delen.path.lstrip("/").partition("/")
            if api not in APIS:
                return self._stuur(404, {"detail": "onbekend"}, None, api)
            pad = "/" + rest                               # /api/v1/zaken
            resource = pad.removeprefix("/api/v1/").split("/")[0]
            query = dict(parse_qsl(delen.query))
            lengte = int(self.headers.get("Content-Length") or 0)
            data = self.rfile.read(lengte) if lengte else None
            koppen = {k: v for k, v in self.headers.items()}
            body = json.loads(data) if data else None
            claims, jwtfout = server.controleer_jwt(self.headers.get("Authorization"))
            verzoek, fout = valideer_verzoek(api, methode, pad, query, koppen, data)
            with server._slot:
                server.verzoeken.append({"methode": methode, "api": api, "resource": resource, "query": query,
                                         "body": body, "claims": claims, "koppen": koppen})
                if fout:
                    server.fouten.append(f"{methode} {pad}: {fout}")
                storing = server.storing.get((methode, resource))
                status = storing.pop(0) if storing else None
            if jwtfout:
                return self._stuur(403, {"type": "", "code": "permission_denied", "title": "Geen toegang",
                                         "status": 403, "detail": jwtfout, "instance": ""}, verzoek, api)
            if fout:
                return self._stuur(400, {"type": "", "code": "invalid", "title": "Ongeldig verzoek", "status": 400,
                                         "detail": fout[:200], "instance": "", "invalidParams": []}, verzoek, api)
            if status:
                return self._stuur(status, {"type": "", "code": "fout", "title": "Storing", "status": status,
                                            "detail": "teststoring", "instance": ""}, verzoek, api)
            with server._slot:
                status, antwoord = server.behandel(methode, api, resource, query, body)
            if (methode, resource) in server.traag:
                time.sleep(server.traag.pop((methode, resource)))
            self._stuur(status, antwoord, verzoek, api, resource)

        def _stuur(self, status: int, body, verzoek, api: str, resource: str = ""):
            koppen = {"Content-Type": "application/problem+json" if status >= 400 else "application/json",
                      "API-version": "1.5.1" if api == "zaken" else "1.5.0"}
            if resource == "zaken":
                koppen["Content-Crs"] = "EPSG:4326"
            if status == 201:
                koppen["Location"] = body["url"]
            if verzoek is not None and (fout := valideer_antwoord(api, verzoek, status, body, koppen)):
                with server._slot:
                    server.fouten.append(f"antwoord {status} op {verzoek.method} {verzoek.path}: {fout}")
            data = json.dumps(body).encode()
            try:
                self.send_response(status)
                for k, v in koppen.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def do_GET(self):
            self._doe("GET")

        def do_POST(self):
            self._doe("POST")
    return Handler
