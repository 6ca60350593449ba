"""Logging an exception without its message: messages can quote the contract that caused them.

A light module (standard library only) so the analysis worker processes can use it without importing FastAPI.
"""

from __future__ import annotations

import traceback


def describe_exception(error: BaseException) -> str:
    """Where ``error`` happened, for the log: each exception of its chain by type, with its traceback frames
    (file, line, function, source line), and never its message.

    An exception's message may quote the contract it choked on (``invalid literal for int() with base 10:
    'twenty-five miles of any Hospital facility'``, a KeyError of a clause's words), so logging the exception
    itself (``exc_info=``) can put contract text in the log.
    """
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = traceback.extract_tb(current.__traceback__)
        parts.append(f"{type(current).__module__}.{type(current).__qualname__} (message withheld), traceback:")
        parts.extend(f'  File "{f.filename}", line {f.lineno}, in {f.name}' + (f"\n    {f.line}" if f.line else "")
                     for f in frames)
        current = current.__cause__ or (None if current.__suppress_context__ else current.__context__)
        if current is not None:
            parts.append("caused by / while handling:")
    return "\n".join(parts)
