"""Old binary Word files (.doc, Word 97-2003) through ``antiword``, or LibreOffice headless when present.

Neither python-docx nor any maintained pure-Python library reads the binary .doc format, and
admins still receive it. ``antiword`` (Debian package ``antiword``, ~200 KB) prints a .doc's text
in UTF-8 with each paragraph on one line (``-w 0``) and its list numbers in front of the items.
Where it is missing but LibreOffice is installed, the file is converted to .docx and read like any
other Word file (numbering, headings, tables). With neither, the file is reported with the
command that installs antiword.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from hoidap.index.encoding import normalize_text
from hoidap.index.types import DocumentError

INSTALL_HINT = "apt-get install antiword"
TIMEOUT_S = 120


def doc_to_text(path: Path, max_unpacked_bytes: int) -> str:
    """The markup of a binary .doc: one paragraph per line, blank lines between them."""
    if (antiword := shutil.which("antiword")) is not None:
        return _antiword(antiword, path)
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is not None:
        return _libreoffice(office, path, max_unpacked_bytes)
    raise DocumentError(str(path), f"old Word .doc needs antiword (or LibreOffice); install it with: {INSTALL_HINT}")


def _antiword(exe: str, path: Path) -> str:
    try:
        result = subprocess.run([exe, "-m", "UTF-8.txt", "-w", "0", str(path)], capture_output=True,
                                timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise DocumentError(str(path), f"antiword took over {TIMEOUT_S}s on this .doc") from None
    if result.returncode < 0:  # killed by a signal: antiword crashes on some damaged files
        raise DocumentError(str(path), "corrupt .doc (antiword crashed reading it)")
    if result.returncode != 0:
        reason = " ".join(result.stderr.decode("utf-8", "replace").split())
        if "not a Word Document" in reason or "is not a Word" in reason:
            raise DocumentError(str(path), "not a Word .doc file (or a damaged one)")
        raise DocumentError(str(path), f"corrupt .doc (antiword: {reason or 'exit ' + str(result.returncode)})")
    lines = [" ".join(line.split()) for line in result.stdout.decode("utf-8", "replace").splitlines()]
    return normalize_text("\n\n".join(line for line in lines if line))


def _libreoffice(exe: str, path: Path, max_unpacked_bytes: int) -> str:
    from hoidap.index.loaders_binary import docx_to_text

    with tempfile.TemporaryDirectory(prefix="hoidap-doc-") as out:
        try:
            subprocess.run([exe, "--headless", "--convert-to", "docx", "--outdir", out, str(path)],
                           capture_output=True, timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise DocumentError(str(path), f"LibreOffice took over {TIMEOUT_S}s on this .doc") from None
        converted = Path(out) / f"{path.stem}.docx"
        if not converted.is_file():
            raise DocumentError(str(path), "corrupt .doc (LibreOffice could not convert it)")
        return docx_to_text(converted, max_unpacked_bytes)[0]
