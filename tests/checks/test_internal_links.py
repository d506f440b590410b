"""The built site's internal links: relative paths, folders, anchors, read from the HTML."""

from __future__ import annotations

from pathlib import Path

from scripts.checks.internal_links import broken_links

ROOT = Path(__file__).resolve().parents[2]


def _page(site: Path, path: str, body: str) -> None:
    file = site / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(f"<!doctype html><html><body>{body}</body></html>", encoding="utf-8")


def test_links_up_and_down_folders_to_pages_files_and_anchors_are_followed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _page(site, "index.html", '<h2 id="top">Top</h2><a href="en/rights/">a</a><a href="#top">b</a>')
    _page(
        site,
        "en/rights/index.html",
        '<a href="../../">c</a><a href="../laws/#article%201">d</a><a href="../laws/../rights/">e</a>'
        '<a href="../../handout.pdf">f</a><a href="https://example.org/none/">g</a><a href="../../x.zip">h</a>',
    )
    _page(site, "en/laws/index.html", '<h2 id="article 1">Article 1</h2><a href="./">i</a>')
    (site / "handout.pdf").write_bytes(b"%PDF")

    assert broken_links(site, ROOT, skip=("x.zip",)) == []


def test_every_page_with_a_broken_link_is_named_once_per_link(tmp_path: Path) -> None:
    # Page folders that are no page of the project, so that messages name the built page.
    site = tmp_path / "site"
    nav = '<a href="../../gone/">Gone</a><a href="../one/#nowhere">One</a><a href="../one/#nowhere">One</a>'
    _page(site, "en/one/index.html", '<h2 id="here">Here</h2><a href="/gone/">Gone</a><a href="#nowhere">One</a>')
    _page(site, "en/two/index.html", nav)
    _page(site, "en/three/index.html", nav)

    messages = broken_links(site, ROOT)

    assert [message.split("\n")[0] for message in messages] == [
        "built page en/one/: the link 'Gone' -> /gone/ starts at the server's root ('/'), which is not the site's "
        "root once published",
        "built page en/one/: the link 'One' -> the page itself has no anchor #nowhere",
        "built page en/three/: the link 'Gone' -> ../../gone/ leads to a page that does not exist",
        "built page en/three/: the link 'One' -> the page ../one/ has no anchor #nowhere",
        "built page en/two/: the link 'Gone' -> ../../gone/ leads to a page that does not exist",
        "built page en/two/: the link 'One' -> the page ../one/ has no anchor #nowhere",
    ]
    assert all("\n  Fix: " in message for message in messages)


def test_links_from_the_servers_root_or_out_of_the_site_are_broken_even_to_files_that_exist(
    tmp_path: Path, monkeypatch
) -> None:
    # On GitHub Pages the site is below /repository/: '/en/rights/' leaves it, although a local
    # preview at / would follow it. And no link may climb out of the site's folder.
    site = tmp_path / "site"
    outside = tmp_path / "outside.html"
    outside.write_text("<!doctype html><title>x</title>", encoding="utf-8")
    _page(site, "en/rights/index.html", "")
    _page(
        site,
        "en/one/index.html",
        f'<a href="/en/rights/">Rights</a><a href="{outside}">File</a><a href="../../../outside.html">Up</a>'
        '<a href="../rights/">Fine</a>',
    )
    monkeypatch.chdir(tmp_path)  # a site folder given relative to the working folder

    messages = broken_links(Path("site"), ROOT)

    assert [message.split("\n")[0] for message in messages] == [
        "built page en/one/: the link 'Rights' -> /en/rights/ starts at the server's root ('/'), which is not "
        "the site's root once published",
        f"built page en/one/: the link 'File' -> {outside} starts at the server's root ('/'), which is not "
        "the site's root once published",
        "built page en/one/: the link 'Up' -> ../../../outside.html leads out of the site's folder",
    ]
    assert all(message.endswith("or remove the link") for message in messages)
