"""Hulp voor de PDF-tests: de tekst van een PDF zoals pdftotext hem ziet."""

import shutil
import subprocess


def pdftekst(pdf: bytes, layout: bool = True) -> str:
    assert shutil.which("pdftotext"), "pdftotext ontbreekt: installeer poppler-utils (.ci/run doet dat)"
    r = subprocess.run(["pdftotext", *(["-layout"] if layout else []), "-", "-"], input=pdf, capture_output=True,
                       check=True)
    return r.stdout.decode().replace("\xa0", " ")
