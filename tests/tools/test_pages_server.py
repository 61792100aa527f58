"""The local stand-in for GitHub Pages (tools/pages_server.py)."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request

import pytest

from explainer.model.config import published
from explainer.tools.pages_server import PagesServer

BASE = published()[1]


def test_audit_server_is_like_github_pages(tmp_path):
    (tmp_path / "treaty").mkdir()
    (tmp_path / "treaty" / "index.html").write_text("<p>treaty</p>" * 100, encoding="utf-8")
    (tmp_path / "404.html").write_text("<p>not found</p>", encoding="utf-8")
    with PagesServer(tmp_path, BASE) as srv:
        origin = srv.base
        assert origin.endswith(BASE)
        with urllib.request.urlopen(
            urllib.request.Request(origin + "treaty/", headers={"Accept-Encoding": "gzip"})
        ) as r:
            assert r.headers["Content-Encoding"] == "gzip" and gzip.decompress(r.read()) == b"<p>treaty</p>" * 100
        with urllib.request.urlopen(origin + "treaty/") as r:  # no Accept-Encoding: plain
            assert r.headers["Content-Encoding"] is None and r.read().startswith(b"<p>treaty</p>")
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(origin + "no/such/page/")
        assert err.value.code == 404 and err.value.read() == b"<p>not found</p>"


def test_folder_without_slash_is_redirected(tmp_path):
    (tmp_path / "treaty").mkdir()
    (tmp_path / "treaty" / "index.html").write_text("x", encoding="utf-8")
    with PagesServer(tmp_path, BASE) as srv, urllib.request.urlopen(srv.base + "treaty") as r:
        assert r.url == srv.base + "treaty/" and r.read() == b"x"
