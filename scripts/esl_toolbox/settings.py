"""Project settings the toolbox's own code needs, read from mkdocs.yml.

Only plain keys are read (`site_url`, `site_name`, `extra.repository`, `extra.branch`,
`extra.contact`); other
values, including Material's `!!python/name` tags, are left to MkDocs.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import yaml

from .project import CONFIG_FILE


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, turning any tagged value into None instead of failing."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


DEFAULT_SITE_NAME = "ESL Good Practice Toolbox"


@dataclass(frozen=True)
class Contact:
    """Who runs the toolbox, as the about, privacy and accessibility pages name them: an organisation,
    never a person (extra.contact in mkdocs.yml)."""

    organisation: str = ""
    url: str = ""
    email: str = ""  # an organisation's address, such as info@...; never a person's
    address: str = ""


@dataclass(frozen=True)
class Settings:
    site_name: str
    site_url: str
    repository: str
    branch: str
    contact: Contact = Contact()

    def page_url(self, path: str) -> str:
        """Absolute address of a page of the site, e.g. page_url('practices/jet-cd/')."""
        return self.site_url.rstrip("/") + "/" + path.lstrip("/")

    def edit_url(self, repo_path: str) -> str:
        """Address of a file in the repository's web editor."""
        return f"{self.repository.rstrip('/')}/edit/{self.branch}/{repo_path}"

    def issue_url(self, title: str) -> str:
        """Address of a new issue in the repository with its title filled in."""
        return f"{self.repository.rstrip('/')}/issues/new?title={urllib.parse.quote(title)}"

    def view_url(self, repo_path: str) -> str:
        return f"{self.repository.rstrip('/')}/blob/{self.branch}/{repo_path}"


def load_settings(root: Path) -> Settings:
    config = yaml.load((root / CONFIG_FILE).read_text("utf-8"), Loader=_TolerantLoader) or {}
    extra = config.get("extra") or {}
    contact = extra.get("contact") or {}
    return Settings(
        site_name=config.get("site_name", DEFAULT_SITE_NAME),
        site_url=config.get("site_url", "http://127.0.0.1:8000/"),
        repository=extra.get("repository", ""),
        branch=extra.get("branch", "main"),
        contact=Contact(**{k: str(v) for k, v in contact.items() if k in Contact.__dataclass_fields__}),
    )
