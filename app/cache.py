"""A bounded in-memory cache of reports, keyed by the file's SHA-256 and the options that change a report.

The same bytes analysed with the same context give the same report (the analysis is deterministic and the
models load once per process), so a second upload of a file is answered from here. Bounded twice: by entries
and by the total size of the stored JSON, least recently used first out. Held in memory only, like the
upload itself: nothing of a contract reaches the disk through the cache.

The file name is not part of the key; a hit for the same bytes under another name gets its own file name.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict

from rules.context import UserContext


def cache_key(data: bytes, user: UserContext) -> str:
    """SHA-256 of the bytes plus every option of the user's context."""
    options = "|".join(str(x) for x in (user.specialty, user.state, user.setting, user.signed,
                                        ",".join(map(str, user.wrvu_levels))))
    return hashlib.sha256(data).hexdigest() + "|" + options


class ReportCache:
    """Least-recently-used report JSON by key; thread-safe; ``max_entries=0`` turns it off."""

    def __init__(self, max_entries: int, max_bytes: int) -> None:
        self.max_entries, self.max_bytes = max_entries, max_bytes
        self._items: OrderedDict[str, tuple[str, str]] = OrderedDict()  # key -> (filename, report JSON)
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: str, filename: str) -> str | None:
        with self._lock:
            found = self._items.get(key)
            if found is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
        cached_name, report_json = found
        return report_json if cached_name == filename else _renamed(report_json, filename)

    def put(self, key: str, filename: str, report_json: str) -> None:
        size = len(report_json)
        if self.max_entries <= 0 or size > self.max_bytes:
            return
        with self._lock:
            if key in self._items:
                self._bytes -= len(self._items.pop(key)[1])
            self._items[key] = (filename, report_json)
            self._bytes += size
            while len(self._items) > self.max_entries or self._bytes > self.max_bytes:
                _, (_, dropped) = self._items.popitem(last=False)
                self._bytes -= len(dropped)

    def __len__(self) -> int:
        return len(self._items)


def _renamed(report_json: str, filename: str) -> str:
    from rules.report import Report

    report = Report.model_validate_json(report_json)
    document = report.document.model_copy(update={"filename": filename})
    return report.model_copy(update={"document": document}).model_dump_json()
