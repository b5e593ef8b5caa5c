"""The organisation named on the advice: name, contact line and logo from a small settings file a corporation edits
(``instellingen/organisatie.toml``; another file with ``WOONLASTEN_ORGANISATIE``).

Reading never fails: a missing or unreadable file, a field of the wrong type or a logo that is not a readable PNG
leaves that part out (logged), so the advice always renders.
"""

from __future__ import annotations

import io
import logging
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
STANDAARD_PAD = PROJECT / "instellingen" / "organisatie.toml"
MAX_TEKEN = 120  # longer name or contact lines are cut: they must fit on one line of the advice
MAX_LOGO_BYTES = 2_000_000  # a logo larger than this is left out (the advice is sent by e-mail)
MAX_LOGO_PIXELS = 4_000_000  # beeldpunten: 2.000 × 2.000 is ample for a logo of 40 mm; larger is refused unread
PNG_HANDTEKENING = b"\x89PNG\r\n\x1a\n"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Organisatie:
    """What the advice shows of the organisation; empty fields are left out."""

    naam: str = ""
    contact: str = ""
    logo: bytes | None = None  # a checked PNG


def _tekst(waarde: object, veld: str, pad: Path) -> str:
    if waarde is None:
        return ""
    if not isinstance(waarde, str):
        log.warning("%s: '%s' is geen tekst en wordt weggelaten", pad, veld)
        return ""
    tekst = " ".join(waarde.split())
    return tekst if len(tekst) <= MAX_TEKEN else tekst[:MAX_TEKEN - 1] + "…"


def _logo(waarde: object, pad: Path) -> bytes | None:
    if not waarde or not isinstance(waarde, str):
        return None
    bestand = (pad.parent / waarde).resolve()
    try:
        if bestand.stat().st_size > MAX_LOGO_BYTES:
            log.warning("%s: logo %s is groter dan %d bytes en wordt weggelaten", pad, bestand, MAX_LOGO_BYTES)
            return None
        inhoud = bestand.read_bytes()
    except OSError as exc:
        log.warning("%s: logo %s kan niet worden gelezen (%s)", pad, bestand, exc)
        return None
    if not inhoud.startswith(PNG_HANDTEKENING):
        log.warning("%s: logo %s is geen PNG en wordt weggelaten", pad, bestand)
        return None
    from PIL import Image  # installed with streamlit and fpdf2; only needed when there is a logo

    try:
        with Image.open(io.BytesIO(inhoud)) as beeld:
            if beeld.width * beeld.height > MAX_LOGO_PIXELS:  # read on every run: a huge image is refused unread
                log.warning("%s: logo %s is te groot (%d × %d beeldpunten) en wordt weggelaten", pad, bestand,
                            beeld.width, beeld.height)
                return None
            beeld.load()
    except Exception as exc:  # noqa: BLE001 - any of PIL's errors (a broken file, a decompression bomb): no logo
        log.warning("%s: logo %s is geen leesbare PNG (%s)", pad, bestand, exc)
        return None
    return inhoud


def lees_organisatie(pad: Path | str | None = None) -> Organisatie:
    """The organisation of the settings file ``pad`` (default: ``$WOONLASTEN_ORGANISATIE`` or
    ``instellingen/organisatie.toml``); an empty :class:`Organisatie` when the file is missing or unreadable."""
    pad = Path(pad or os.environ.get("WOONLASTEN_ORGANISATIE") or STANDAARD_PAD)
    try:
        gegevens = tomllib.loads(pad.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Organisatie()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        log.warning("%s kan niet worden gelezen (%s): het advies komt zonder organisatie", pad, exc)
        return Organisatie()
    return Organisatie(naam=_tekst(gegevens.get("naam"), "naam", pad),
                       contact=_tekst(gegevens.get("contact"), "contact", pad),
                       logo=_logo(gegevens.get("logo"), pad))
