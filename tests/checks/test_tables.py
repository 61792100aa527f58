"""Comparison tables (checks/tables.py): one table of at most three columns
in each comparison block, each problem at its Markdown line."""

from __future__ import annotations

import pytest

from explainer.checks.tables import check_comparisons
from explainer.model.problems import report
from tests.support import article, markdown_page

TABLE = (
    '<table class="comparison__table"><tr><th>Treaty</th><th>Duty</th></tr><tr><td>1961</td><td>Help.</td></tr></table>'
)


def problems(tmp_path, markdown: str, html: str) -> str:
    page = markdown_page(tmp_path, "# Treaty\n\n" + markdown)
    return report(check_comparisons(article(html), page))


def test_a_comparison_block_with_its_table_passes(tmp_path):
    source = '<div class="comparison" markdown>\n\n| Treaty | Duty |\n|---|---|\n| 1961 | Help. |\n\n</div>\n'
    assert problems(tmp_path, source, f'<div class="comparison">{TABLE}</div>') == ""


@pytest.mark.rule("comparison-tables")
def test_a_comparison_block_without_a_table_is_reported(tmp_path):
    source = '<div class="comparison" markdown>\n\n1961: help.\n\n</div>\n'
    msg = problems(tmp_path, source, '<div class="comparison"><p>1961: help.</p></div>')
    assert (
        'docs/en/treaty.md:6: a comparison block holds no table; write a Markdown table inside <div class="comparison" markdown>'
        in msg
    )


@pytest.mark.rule("comparison-tables")
def test_a_paragraph_inside_a_comparison_block_is_reported(tmp_path):
    source = '<div class="comparison" markdown>\n\nThe three treaties compared.\n\n| Treaty | Duty |\n|---|---|\n| 1961 | Help. |\n\n</div>\n'
    msg = problems(tmp_path, source, f'<div class="comparison"><p>The three treaties compared.</p>{TABLE}</div>')
    assert (
        "docs/en/treaty.md:8: the comparison block holds “The three treaties compared.…” besides its table; "
        "move it out of the block, before or after it" in msg
    )


@pytest.mark.rule("comparison-tables")
def test_a_comparison_table_too_wide_for_a_phone_is_reported(tmp_path):
    heads = ["Treaty", "Signed", "Where", "Duty", "Limits"]
    source = '<div class="comparison" markdown>\n\n| ' + " | ".join(heads) + " |\n|---|---|---|---|---|\n\n</div>\n"
    html = '<div class="comparison"><table><tr>' + "".join(f"<th>{h}</th>" for h in heads) + "</tr></table></div>"
    msg = problems(tmp_path, source, html)
    assert (
        "docs/en/treaty.md:8: the comparison table that starts “Treaty” has 5 columns, more than the 3 that fit "
        "a phone's screen; keep it to 3 columns" in msg
    )
