"""A content-addressed cache under build/cache/ for the work a build repeats.

An entry is stored under a key that is the SHA-256 of everything its value
was computed from (the input file's bytes, the schemas, the source texts,
the templates, the generator's own code, the build date and site URL, ...),
so a changed input never finds a stale entry: it simply misses, is computed
again and stored under its new key. Values are pickled; each file starts
with the SHA-256 of its payload, and an entry whose payload does not match
(truncated, overwritten, corrupt) is ignored and removed, never trusted.

Entries a build did not use are pruned at the end of a successful generate
(`prune`), so the cache holds one build's worth.

Files directly in build/cache are not entries: `generated.json` (pipeline.py:
what the last generate read and wrote) and `site-build.json` (site_build.py:
what the last successful `kwaliteitskaders build` saw, which decides whether
the next may re-render only the changed pages). Nor are `templates/` and
`theme-templates/`, where Jinja keeps the compiled templates of the generator
(render/pages.py) and of the MkDocs theme (mkdocs_hooks.py) and checks each
against its source.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache

_VERSION = b"kk-cache-1"
_code_digest: str | None = None


def digest(*parts: bytes | str) -> str:
    hasher = hashlib.sha256(_VERSION)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.hexdigest()


def tree_digest(*directories: Path, exclude: Path | None = None) -> str:
    """One digest of every file's relative path and bytes under these directories
    (leaving out the folder `exclude`)."""
    parts: list[bytes | str] = []
    for directory in directories:
        if not directory.exists():
            parts.append(f"missing:{directory.name}")
            continue
        for path in sorted(directory.rglob("*")):
            if exclude is not None and path.is_relative_to(exclude):
                continue
            if path.is_file() and "__pycache__" not in path.parts:
                parts.append(path.relative_to(directory).as_posix())
                parts.append(path.read_bytes())
    return digest(*parts)


def code_digest() -> str:
    """The generator's own source: a change to the code invalidates every entry."""
    global _code_digest
    if _code_digest is None:
        _code_digest = tree_digest(Path(__file__).resolve().parent)
    return _code_digest


class Cache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.used: set[Path] = set()
        self.hits = 0
        self.misses = 0

    def _path(self, namespace: str, key: str) -> Path:
        return self.directory / namespace / key[:2] / key

    def get(self, namespace: str, key: str) -> Any | None:
        path = self._path(namespace, key)
        try:
            blob = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        stored, payload = blob[:32], blob[32:]
        value = None
        if len(blob) > 32 and hashlib.sha256(payload).digest() == stored:
            try:
                value = pickle.loads(payload)
            except Exception:  # noqa: BLE001 - any unreadable entry is a miss
                value = None
        if value is None:
            self.misses += 1
            path.unlink(missing_ok=True)
            return None
        self.hits += 1
        self.used.add(path)
        return value

    def keep(self, namespace: str, key: str) -> bool:
        """Whether the entry exists, keeping it for the next build without reading it (its value is
        not needed now: what it holds is already in place)."""
        path = self._path(namespace, key)
        if not path.is_file():
            return False
        self.hits += 1
        self.used.add(path)
        return True

    def put(self, namespace: str, key: str, value: Any) -> None:
        path = self._path(namespace, key)
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            temporary.write_bytes(hashlib.sha256(payload).digest() + payload)
            temporary.replace(path)
        except OSError:
            return  # a cache that cannot be written only costs time
        self.used.add(path)

    def prune(self) -> int:
        """Remove every entry this build did not read or write (entries live in namespace folders;
        files directly in the cache folder are not entries)."""
        removed = 0
        if not self.directory.exists():
            return 0
        for path in self.directory.glob("*/*/*"):
            if path.is_file() and path not in self.used:
                path.unlink(missing_ok=True)
                removed += 1
        return removed


def compiled_templates(directory: Path) -> FileSystemBytecodeCache | None:
    """Where Jinja keeps compiled templates between builds (it checks each against its template's
    source, so a changed template is compiled again); None, compiling in memory, if the folder
    cannot be made."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(directory))
