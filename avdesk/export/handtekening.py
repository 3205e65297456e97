"""De handtekeningen in een ontvangen aanvraag echt nakijken, met pyHanko (team Inkomen).

Per handtekeningveld: is het ondertekend, is de handtekening wiskundig juist en dekt ze het document zoals het nu
is, of is er daarna nog iets veranderd (en wat)? avdesk kijkt de integriteit na, niet het vertrouwen: er zijn geen
vertrouwde basiscertificaten ingesteld en er wordt niets opgehaald van internet. Of het certificaat zelf te
vertrouwen is (wie het uitgaf, of het bij deze inwoner hoort), beoordeelt de gemeente. De naam die avdesk toont,
komt uit het certificaat, nooit uit het label van het veld.

Eerst gaat de PDF door pdfgrenzen.keur (grootte, bommen, objecten); pyHanko leest hem daarna met zijn eigen grenzen."""

from __future__ import annotations

from io import BytesIO

VERTROUWEN = ("avdesk controleert of een handtekening wiskundig klopt en het document sindsdien niet is veranderd; "
              "of het certificaat zelf te vertrouwen is (wie het uitgaf en of het bij deze persoon hoort), beoordeelt "
              "de gemeente.")


def _naam_uit_certificaat(cert) -> str:
    """De naam uit het certificaat (subject): de common name, met organisatie en land als die er staan."""
    from .pdflezen import kort
    try:
        n = cert.subject.native
        delen = [n.get(k) for k in ("common_name", "organization_name", "country_name") if isinstance(n.get(k), str)]
        return kort(", ".join(delen) if delen else cert.subject.human_friendly, 120)
    except Exception:              # noqa: BLE001 (een vreemd certificaat: geen naam, wel een uitkomst)
        return "(geen leesbare naam in het certificaat)"


def _datum(emb) -> str | None:
    try:
        t = emb.self_reported_timestamp
    except Exception:              # noqa: BLE001
        return None
    return t.isoformat() if t is not None else None


def _dmj(iso: str | None) -> str:
    if not iso:
        return "een onbekende datum"
    return f"{iso[8:10]}-{iso[5:7]}-{iso[0:4]} om {iso[11:16]}" if len(iso) >= 16 else iso


def _wat_veranderde(reader, na_revisie: int, handtekeningvelden: dict) -> list[str]:
    """In gewone woorden wat er na revisie na_revisie is veranderd, zonder wat een latere handtekening zelf
    toevoegt (haar veld, handtekening en weergave)."""
    from .pdflezen import kort
    pagina_van: dict = {}
    try:
        for i, ref in enumerate(list(reader.root["/Pages"].raw_get("/Kids").get_object())[:500]):
            dic = ref.get_object()
            if hasattr(ref, "idnum"):
                pagina_van[(ref.idnum, ref.generation)] = f"pagina {i + 1}"
            inhoud = dic.raw_get("/Contents")
            refs = inhoud if isinstance(inhoud, list) else [inhoud]
            for r in refs:
                if hasattr(r, "idnum"):
                    pagina_van[(r.idnum, r.generation)] = f"de inhoud van pagina {i + 1}"
    except Exception:              # noqa: BLE001 (dan alleen wat we wel weten)
        pass
    later = set()
    for veld in handtekeningvelden.values():
        later |= veld
    uit = []
    for rev in range(na_revisie + 1, reader.xrefs.total_revisions):
        for ref in reader.xrefs.explicit_refs_in_revision(rev):
            sleutel = (ref.idnum, ref.generation)
            if sleutel in later:
                continue
            if sleutel in pagina_van:
                uit.append(pagina_van[sleutel])
                continue
            try:
                o = ref.get_object()
            except Exception:      # noqa: BLE001
                continue
            if hasattr(o, "get") and o.get("/T") is not None:
                uit.append(f"het formulierveld {kort(str(o.get('/T')), 60)}")
            elif hasattr(o, "get") and o.get("/Type") in ("/Annot",) or (hasattr(o, "get") and o.get("/Subtype") in (
                    "/FreeText", "/Text", "/Stamp", "/Square", "/Ink", "/Widget")):
                uit.append("een aantekening op de pagina")
            elif hasattr(o, "get") and o.get("/Type") == "/Page":
                uit.append("een pagina")
    return list(dict.fromkeys(uit))


def controleer(pdf: bytes, labels: dict[str, str] | None = None) -> list[dict]:
    """Per handtekeningveld {veld, status, ondertekenaar, datum, tekst}; status is 'geldig',
    'gewijzigd_na_tekenen', 'ongeldig' of 'niet_getekend'. labels: veldnaam -> 'aanvrager' / 'partner' (voor de
    zin). Gooit pdflezen.PdfFout als de PDF niet te lezen is."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.pdf_embedded import EmbeddedPdfSignature
    from pyhanko_certvalidator import ValidationContext

    import logging

    from .pdflezen import PdfFout, keur, kort
    keur(pdf, "aanvraag")
    for log in ("pyhanko", "pyhanko_certvalidator"):      # 'zelfondertekend' e.d. staat al in de uitkomst
        logging.getLogger(log).setLevel(logging.CRITICAL)
    labels = labels or {}
    try:
        reader = PdfFileReader(BytesIO(pdf), strict=False)
        velden = list(enumerate_sig_fields(reader))[:20]
    except Exception:              # noqa: BLE001 (een vijandig bestand mag pyHanko elke fout laten maken)
        raise PdfFout("De aanvraag is beschadigd of geen gewone PDF; avdesk kan de handtekeningen niet lezen.") from None
    # wat elke handtekening zelf toevoegt (veld, handtekening, weergave): geen 'wijziging' voor een eerdere
    eigen: dict[str, set] = {}
    for naam, _waarde, ref in velden:
        s = set()
        try:
            veld = ref.get_object()
            s.add((ref.idnum, ref.generation))
            v = veld.raw_get("/V")
            if hasattr(v, "idnum"):
                s.add((v.idnum, v.generation))
            ap = veld.get("/AP")
            if ap is not None:
                for x in ap.values():
                    if hasattr(x, "idnum"):
                        s.add((x.idnum, x.generation))
                    for y in (x.values() if hasattr(x, "values") else []):
                        if hasattr(y, "idnum"):
                            s.add((y.idnum, y.generation))
                n = ap.get("/N")
                n = n.get_object() if n is not None else None
                for xo in ((n or {}).get("/Resources", {}) or {}).get("/XObject", {}).values() if hasattr(n, "get") else []:
                    if hasattr(xo, "idnum"):
                        s.add((xo.idnum, xo.generation))
        except Exception:          # noqa: BLE001
            pass
        eigen[naam] = s
    context = ValidationContext(trust_roots=[], allow_fetching=False)
    uit = []
    for naam, waarde, ref in velden:
        wie = labels.get(naam, "")
        voor = f"Handtekening {wie} ({kort(naam, 40)})" if wie else f"Handtekening in het veld {kort(naam, 40)}"
        leeg = waarde is None or (hasattr(waarde, "get_object") and not waarde.get_object()) or (
            isinstance(waarde, dict) and not waarde)
        if leeg:
            uit.append({"veld": naam, "status": "niet_getekend", "ondertekenaar": None, "datum": None,
                        "tekst": f"{voor}: niet getekend (het digitale handtekeningveld is leeg)."})
            continue
        try:
            emb = EmbeddedPdfSignature(reader, ref.get_object(), naam)
        except Exception:          # noqa: BLE001 (/V zonder geldige handtekening)
            uit.append({"veld": naam, "status": "ongeldig", "ondertekenaar": None, "datum": None,
                        "tekst": f"{voor}: ongeldige handtekening (het veld bevat geen leesbare handtekening)."})
            continue
        try:
            wie_cert = _naam_uit_certificaat(emb.signer_cert)
        except Exception:          # noqa: BLE001
            wie_cert = "(geen certificaat)"
        datum = _datum(emb)
        rij = {"veld": naam, "ondertekenaar": wie_cert, "datum": datum}
        try:
            status = validate_pdf_signature(emb, signer_validation_context=context)
        except Exception:          # noqa: BLE001
            uit.append({**rij, "status": "ongeldig",
                        "tekst": f"{voor}: ongeldige handtekening (niet na te rekenen)."})
            continue
        if not (status.intact and status.valid):
            uit.append({**rij, "status": "ongeldig",
                        "tekst": f"{voor}: ongeldige handtekening (de handtekening past niet bij het document)."})
            continue
        dekking = getattr(status.coverage, "name", "")
        if dekking not in ("ENTIRE_FILE", "ENTIRE_REVISION"):
            uit.append({**rij, "status": "ongeldig",
                        "tekst": f"{voor}: ongeldige handtekening (ze dekt niet het hele document)."})
            continue
        veranderd = []
        if dekking == "ENTIRE_REVISION":
            andere = {k: v for k, v in eigen.items() if k != naam}
            niveau = getattr(status.modification_level, "name", "OTHER")
            diff = getattr(status, "diff_result", None)
            gewijzigde_velden = set(getattr(diff, "changed_form_fields", None) or ())
            vreemde_velden = sorted(gewijzigde_velden - set(eigen))
            if niveau not in ("NONE", "LTA_UPDATES", "FORM_FILLING") or vreemde_velden or not status.docmdp_ok:
                veranderd = _wat_veranderde(reader, emb.signed_revision, andere) or [
                    f"het formulierveld {kort(v, 60)}" for v in vreemde_velden] or ["iets in het document"]
            else:
                veranderd = [x for x in _wat_veranderde(reader, emb.signed_revision, andere)
                             if not x.startswith("het formulierveld")]
        if veranderd:
            uit.append({**rij, "status": "gewijzigd_na_tekenen",
                        "tekst": f"{voor}: getekend door {wie_cert} op {_dmj(datum)}, maar daarna gewijzigd: "
                                 + ", ".join(veranderd[:8]) + ". Wat er nu staat, is niet wat is ondertekend."})
        else:
            uit.append({**rij, "status": "geldig",
                        "tekst": f"{voor}: geldig getekend door {wie_cert} op {_dmj(datum)}."})
    return uit
