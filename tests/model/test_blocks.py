"""Reading a page as blocks, each with its line (model/blocks.py)."""

from __future__ import annotations

from explainer.model.blocks import blocks, markers
from tests.support import markdown_page

PAGE = """\
# Title

**Stated**{ .status } A claim,
on two lines.[^a]

!!! note "A note"

    **Reported**{ .status } Inside the note.[^a]

    <!-- not a claim: it is about the site -->
    A sentence about the site.

- An item.[^a]
- Another item,
  continued.
    - A nested item.

| Who | What |
|-----|------|
| Putin | Signed.[^a] |

Term
:   Its definition.[^a]

<div class="timeline" markdown>

- **2024** — Inside a Markdown block.[^a]

</div>

```text
TODO in code
```

A closing line. <!-- not a claim: inline marker -->

[^a]: [Source](sources.md#a)
"""


def kinds(page):
    return [(b.kind, b.line, b.prose) for b in blocks(page)]


def test_blocks_and_their_lines(tmp_path):
    page = markdown_page(tmp_path, PAGE)  # the body starts on line 4
    found = kinds(page)
    assert found == [
        ("heading", 4, "Title"),
        ("paragraph", 6, "**Stated**{ .status } A claim, on two lines.[^a]"),
        ("admonition", 9, "A note"),
        ("paragraph", 11, "**Reported**{ .status } Inside the note.[^a]"),
        ("comment", 13, ""),
        ("paragraph", 14, "A sentence about the site."),
        ("item", 16, "An item.[^a]"),
        ("item", 17, "Another item, continued."),
        ("item", 19, "A nested item."),
        ("head", 21, "| Who | What |"),
        ("row", 23, "| Putin | Signed.[^a] |"),
        ("term", 25, "Term"),
        ("definition", 26, "Its definition.[^a]"),
        ("html", 28, '<div class="timeline" markdown>'),
        ("item", 30, "**2024** — Inside a Markdown block.[^a]"),
        ("code", 34, "TODO in code"),
        ("paragraph", 38, "A closing line."),
        ("footnote", 40, "[^a]: [Source](sources.md#a)"),
    ]


def test_markers_attach_to_their_block(tmp_path):
    page = markdown_page(tmp_path, PAGE)
    marked = {b.line: b.marker for b in blocks(page) if b.marker is not None}
    assert marked == {14: "it is about the site", 38: "inline marker"}
    assert markers(page) == [(13, "it is about the site"), (38, "inline marker")]
