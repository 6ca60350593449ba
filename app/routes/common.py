"""Small pieces the routes share: ids from the URL, download headers, the wRVU levels' bounds."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from app.errors import ApiError

#: Batch and peer ids are ``str(uuid.uuid4())`` (app/jobs.py, app/store/peers.py).
_STORED_ID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def is_stored_id(value: str) -> bool:
    """``value`` has the shape of an id this service hands out.

    Anything else cannot name a stored batch or peer, so it is answered 404 without asking the database: a NUL
    character, for one, makes PostgreSQL refuse the query (which was a 500).
    """
    return _STORED_ID_RE.fullmatch(value) is not None


def content_disposition(disposition: str, filename: str) -> str:
    """``inline; filename="..."; filename*=UTF-8''...`` for any file name (RFC 6266 / RFC 5987).

    Header values are Latin-1 on the wire: a name such as ``合同.pdf`` in a plain ``filename=""`` made the
    response fail (500). The plain form keeps printable ASCII only (quotes, backslashes and control characters
    become ``_``); the ``filename*`` form carries the real name, percent-encoded.
    """
    ascii_name = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode("ascii")
    fallback = "".join(c if c.isprintable() and c not in '"\\;' else "_" for c in ascii_name).strip() or "report"
    header = f'{disposition}; filename="{fallback}"'
    if fallback != filename:
        header += f"; filename*=UTF-8''{quote(filename, safe='')}"
    return header


#: wRVU levels for the pay projection: above this a level is no physician's year (and large enough numbers
#: overflow the projection to infinity, which is not JSON). rules/context.py checks only that levels are positive.
MAX_WRVU_LEVEL = 100_000
MAX_WRVU_LEVELS = 20


def check_wrvu_levels(wrvu: str | None) -> None:
    """Refuse (422 bad_context) wRVU levels the projection cannot use; the rest is checked by ``user_context``."""
    if not wrvu:
        return
    parts = [part for part in wrvu.replace(" ", "").split(",") if part]
    if len(parts) > MAX_WRVU_LEVELS:
        raise ApiError(422, "bad_context", f"Give at most {MAX_WRVU_LEVELS} wRVU levels.")
    for part in parts:
        try:
            level = float(part)
        except ValueError:
            continue  # user_context names it
        if not level <= MAX_WRVU_LEVEL:  # also inf and nan
            raise ApiError(422, "bad_context", f"wRVU level {part!r} is not a yearly wRVU figure "
                                               f"(at most {MAX_WRVU_LEVEL:,}).")
