"""Where things live in the repository. One place, so nothing hard-codes paths."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ProjectPaths:
    root: Path

    @property
    def normsets(self) -> Path:
        return self.root / "normsets"

    @property
    def frameworks(self) -> Path:
        return self.normsets / "kaders"

    @property
    def glossaries(self) -> Path:
        return self.normsets / "begrippen"

    @property
    def vocabulary(self) -> Path:
        return self.normsets / "vocabulary.yaml"

    @property
    def segments(self) -> Path:
        return self.normsets / "segments.yaml"

    @property
    def overview(self) -> Path:
        return self.normsets / "overview.yaml"

    @property
    def comparable(self) -> Path:
        return self.normsets / "comparable.yaml"

    @property
    def published_ids(self) -> Path:
        return self.normsets / "published-ids.yaml"

    @property
    def schemas(self) -> Path:
        return self.root / "schema"

    @property
    def sources(self) -> Path:
        return self.root / "sources"

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def templates(self) -> Path:
        return self.root / "site_templates"

    @property
    def overrides(self) -> Path:
        """Theme overrides (mkdocs.yml `custom_dir`)."""
        return self.templates / "overrides"

    @property
    def config(self) -> Path:
        """mkdocs.yml, which both builders read."""
        return self.root / "mkdocs.yml"

    @property
    def site(self) -> Path:
        """The built site (mkdocs.yml `site_dir`)."""
        return self.root / "build" / "site"

    @property
    def docs(self) -> Path:
        """The generated Markdown tree that MkDocs (or Zensical) builds."""
        return self.root / "build" / "docs"

    @property
    def cache(self) -> Path:
        """Content-addressed cache of validation results and rendered outputs (generator/cache.py)."""
        return self.root / "build" / "cache"

    def display(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def find_root(start: Path | None = None) -> Path:
    """The nearest directory upwards that holds normsets/ and pyproject.toml."""
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if (candidate / "normsets").is_dir() and (candidate / "pyproject.toml").is_file():
            return candidate
    raise FileNotFoundError(f"no project root (with normsets/ and pyproject.toml) above {here}")
