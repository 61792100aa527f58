"""A fork deploys with no edits: the published address and the repository
come from SITE_URL and REPO_URL (model/config.py), and every address in the
built site follows them."""

from __future__ import annotations

import pytest

from explainer.build.site import build
from explainer.checks import suite
from explainer.checks.context import Context
from explainer.model.config import deployment, edition_roots, published
from explainer.model.html import parse
from explainer.model.problems import report

FORK_SITE = "https://fork-owner.github.io/fork-name/"
FORK_REPO = "https://github.com/fork-owner/fork-name"


def test_committed_values_are_the_default(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.delenv("REPO_URL", raising=False)
    where = deployment()
    assert where.site_url.startswith("https://") and where.site_url.endswith("/")
    assert where.edition_url("fr") == where.site_url + "fr/"
    assert where.repo_name == where.repo_url.split("/", 3)[3]


def test_environment_sets_every_address(monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://example.org/pact")  # no final slash: one is added
    monkeypatch.setenv("REPO_URL", "https://git.example.org/me/pact.git")
    assert published() == ("https://example.org", "/pact/")
    assert edition_roots() == {"en": "https://example.org/pact/", "fr": "https://example.org/pact/fr/"}
    assert deployment().repo_name == "me/pact" and deployment().repo_url == "https://git.example.org/me/pact"


@pytest.fixture(scope="module")
def fork(tmp_path_factory):
    """The site built as a fork's Pages workflow builds it."""
    from tests.conftest import copy_repository

    with pytest.MonkeyPatch.context() as env:
        env.setenv("SITE_URL", FORK_SITE)
        env.setenv("REPO_URL", FORK_REPO)
        root = copy_repository(tmp_path_factory.mktemp("fork") / "repo")
        site = root.parent / "site"
        build(site, root)
        yield root, site


def test_fork_build_uses_the_fork_addresses_only(fork):
    root, site = fork
    page = parse(site / "fr" / "treaty" / "index.html")
    assert page.find("link", rel="canonical")["href"] == FORK_SITE + "fr/treaty/"
    hreflang = {link["hreflang"]: link["href"] for link in page.find_all("link", rel="alternate", hreflang=True)}
    assert hreflang == {"en": FORK_SITE + "treaty/", "fr": FORK_SITE + "fr/treaty/", "x-default": FORK_SITE + "treaty/"}
    assert page.find("meta", property="og:url")["content"] == FORK_SITE + "fr/treaty/"
    assert page.find("meta", property="og:image")["content"] == FORK_SITE + "fr/assets/images/share.png"
    # The reader's palette is kept under the fork's path, the same for both editions.
    for html in (site / "fr" / "treaty" / "index.html", site / "404.html"):
        assert '__md_scope=new URL("/fork-name/",location)' in html.read_text(encoding="utf-8"), html
    edit = [a["href"] for a in page.find_all("a", href=True) if "/edit/" in a["href"]]
    assert edit == [FORK_REPO + "/edit/main/docs/fr/treaty.md"]
    assert page.select_one(".explainer-correct a[rel=edit]")["href"] == edit[0], "the edit link under the page"
    assert not page.select(".md-source, .md-header__source"), "the header shows a repository widget"
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{FORK_SITE}fr/treaty/</loc>" in sitemap
    assert f"Sitemap: {FORK_SITE}sitemap.xml" in (site / "robots.txt").read_text(encoding="utf-8")
    default_owner = deployment(env={}).repo_name.split("/")[0]
    leftovers = [
        str(path.relative_to(site))
        for path in site.rglob("*")
        if path.suffix in {".html", ".xml", ".txt", ".json"} and default_owner in path.read_text(encoding="utf-8")
    ]
    assert not leftovers, f"the default owner '{default_owner}' is still in {leftovers}"
    assert not list(root.glob(".*.deploy-*.yml")), "the build's own config was left behind"


def test_rules_hold_on_the_fork_build(fork, monkeypatch):
    root, site = fork
    monkeypatch.setenv("SITE_URL", FORK_SITE)
    monkeypatch.setenv("REPO_URL", FORK_REPO)
    outcome = suite.run(Context.load(root, site), slow=False)
    assert not outcome.problems, report(outcome.problems)
