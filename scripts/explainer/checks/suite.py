"""The site's rules, in one ordered list.

`scripts/dev.py check`, the preview server and the tests all run the rules
from `RULES`, so a rule cannot be in one and not the others. Each rule is a
function of a `Context` (the repository's pages and registry, and the built
site for rules that read it) that returns `Problem`s naming the Markdown
file and line, the rule and the fix.

To add a rule: write `def my_rule(ctx) -> list[Problem]` (or a function of
one page and wrap it with `each_page`), then add one line to `RULES`.
tests/checks/test_suite.py runs every rule on the real site, and fails until
some test feeds the new rule a broken page (marked `@pytest.mark.rule("name")`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..model.config import deployment
from ..model.editions import EDITIONS, built_path, page_slug, source_of
from ..model.html import html_pages, parse
from ..model.language import strings
from ..model.layout import OVERRIDES, rel
from ..model.problems import Problem
from . import (
    anchors,
    assets,
    budget,
    claim_parity,
    claims,
    copying,
    csp,
    diagrams,
    editions,
    footnotes,
    links,
    markup,
    nav,
    paraphrase,
    prose,
    reader,
    registry,
    site_files,
    sourcing,
    tables,
    timeline,
    typography,
    untranslated,
    validity,
)
from .context import Context

CheckFn = Callable[[Context], list[Problem]]
SLOW = "slow, left out here"


@dataclass(frozen=True)
class Rule:
    """name: how check and the tests call it. run: the rule. site: it reads
    the built site. slow: it takes seconds (left out of the preview).
    preview: it holds on the preview's build too (which has no CSP)."""

    name: str
    run: CheckFn
    site: bool = False
    slow: bool = False
    preview: bool = True


def each_page(check: Callable, *, pages: str = "sound") -> CheckFn:
    """A rule that applies `check(page)` to every page: `pages` is "sound"
    (front matter that follows the schema), "pages" (front matter that can
    be read) or "readable" (any page; the body alone when its front matter
    cannot be read), as the rule needs."""
    return lambda ctx: [p for page in getattr(ctx, pages) for p in check(page)]


def each_built_page(check: Callable) -> CheckFn:
    """A rule that applies `check(soup, page)` to every built page whose front matter is sound."""
    return lambda ctx: [p for page in ctx.sound if ctx.built(page).is_file() for p in check(ctx.soup(page), page)]


# --------------------------------------------------------------------------
# The repository
# --------------------------------------------------------------------------


def front_matter(ctx: Context) -> list[Problem]:
    return [p for problems in ctx.front_matter.values() for p in problems] + ctx.unfinished


def source_registry(ctx: Context) -> list[Problem]:
    return ctx.registry_problems + registry.check_state_media(ctx.registry)


def sources_page(ctx: Context) -> list[Problem]:
    from ..tools import sourcespage  # it renders the page, so it holds the rule

    return sourcespage.check_pages(ctx.registry, ctx.root) if not ctx.registry_problems else []


def navigation(ctx: Context) -> list[Problem]:
    navs = {ed: ctx.configs[ed.lang].get("nav") for ed in EDITIONS}
    return [p for ed in EDITIONS for p in nav.check_nav(navs[ed], ed, ctx.root)] + nav.check_nav_shape(navs, ctx.root)


def cited_sources(ctx: Context) -> list[Problem]:
    return [p for page in ctx.sound for p in footnotes.check_footnotes(page, ctx.known_sources)]


def parity(ctx: Context) -> list[Problem]:
    present: dict[str, set[str]] = {ed.lang: set() for ed in EDITIONS}
    for path in ctx.files:
        lang, slug = page_slug(path, ctx.root)
        present[lang].add(slug)
    return editions.check_parity(ctx.by_lang(), present=present)


def share_image(ctx: Context) -> list[Problem]:
    return reader.check_share_image(ctx.root / rel(OVERRIDES / reader.SHARE_IMAGE))


# --------------------------------------------------------------------------
# The built site
# --------------------------------------------------------------------------


def status_labels(ctx: Context) -> list[Problem]:
    return each_built_page(lambda soup, page: claims.check_status_labels(soup, page, sourcing.is_claim_page(page)))(ctx)


def quotations(ctx: Context) -> list[Problem]:
    speakers = {}
    for ed in EDITIONS:
        people = ctx.site / ed.prefix / "people" / "index.html"
        if people.is_file():
            speakers[ed.lang] = claims.speaker_names(parse(people))
    pages = [p for p in ctx.sound if p.lang in speakers and ctx.built(p).is_file()]
    return [x for page in pages for x in claims.check_quotations(ctx.soup(page), speakers[page.lang], page)]


def copied_text(ctx: Context) -> list[Problem]:
    prints = copying.load_fingerprint(ctx.root / rel(copying.FINGERPRINT))
    return each_built_page(lambda soup, page: copying.check_copying(soup, page, prints))(ctx)


def paraphrased_text(ctx: Context) -> list[Problem]:
    signatures = paraphrase.load_signatures(ctx.root / rel(paraphrase.SENTENCES))
    return each_built_page(lambda soup, page: paraphrase.check_paraphrase(soup, page, signatures))(ctx)


def built_links(ctx: Context) -> list[Problem]:
    origin, base = ctx.published
    return links.check_built_links(ctx.site, origin, base, ctx.registry, ctx.tracer)


def _everywhere(ctx: Context) -> list[str]:
    """Slugs of sound pages present in every edition (a missing one is the parity rule's)."""
    slugs = [set(pages) for pages in ctx.by_lang().values()]
    return sorted(set.intersection(*slugs)) if slugs else []


def language_links(ctx: Context) -> list[Problem]:
    problems = []
    for ed in EDITIONS:
        for slug in _everywhere(ctx):
            soup = parse(ctx.site / built_path(ed.lang, slug))
            problems += editions.check_language_links(soup, ed, slug, ctx.configs[ed.lang], ctx.site)
    return problems


def search_index(ctx: Context) -> list[Problem]:
    return [p for ed in EDITIONS for p in editions.check_search_index(ctx.site, ed, ctx.engine)]


def served_files(ctx: Context) -> list[Problem]:
    origin, base = ctx.published
    problems = site_files.check_not_found_page(ctx.site, origin, base, ctx.roots, missing="a/b/c/missing")
    problems += site_files.check_not_found_page(ctx.site, origin, base, ctx.roots, missing="fr/no-such-page/")
    for ed in EDITIONS[1:]:  # where the root 404.html sends the readers of the other editions
        where = f"{ed.prefix}404.html"
        problems += site_files.check_not_found_page(ctx.site, origin, base, ctx.roots, f"{ed.prefix}a/b/missing", where)
    return problems + site_files.check_sitemap(ctx.site, ctx.roots, [(p.lang, p.slug) for p in ctx.pages])


def _where(ctx: Context, page) -> str:
    return rel(ctx.built(page), ctx.site)


def reviewed_date(ctx: Context) -> list[Problem]:
    return each_built_page(lambda soup, page: reader.check_reviewed_line(soup, page, page.where))(ctx)


def corrections_link(ctx: Context) -> list[Problem]:
    repo = deployment(ctx.root).repo_url

    def check(soup, page):
        words = strings(page.lang)
        prefix = ctx.edition(page.lang).prefix
        where = _where(ctx, page)
        edit_url = f"{repo}/{ctx.configs[page.lang]['edit_uri']}{page.slug}"
        return reader.check_footer_corrections(
            soup, where, words["corrections"], ctx.site, prefix + words["corrections_page"]
        ) + reader.check_page_corrections(soup, where, words, ctx.site, prefix + words["suggest_page"], edit_url)

    return each_built_page(check)(ctx)


def share_previews(ctx: Context) -> list[Problem]:
    origin, base = ctx.published

    def check(soup, page):
        expected = reader.expected_share_meta(page, page.lang, ctx.configs[page.lang], page.meta["title"])
        problems = reader.check_share_meta(soup, _where(ctx, page), expected)
        image = expected["og:image"]
        if not (image.startswith(origin + base) and (ctx.site / image[len(origin + base) :]).is_file()):
            problems.append(Problem(_where(ctx, page), f"og:image {image} is not in the built site", "see main.html"))
        return problems

    return each_built_page(check)(ctx)


def print_styles(ctx: Context) -> list[Problem]:
    source = ctx.root / rel(OVERRIDES / "assets" / "stylesheets" / "explainer.css")
    problems = reader.check_print_css(source.read_text(encoding="utf-8"), rel(source, ctx.root))
    for ed in EDITIONS:
        path = ctx.site / ed.prefix / "assets" / "stylesheets" / "explainer.css"
        problems += reader.check_print_css(path.read_text(encoding="utf-8"), rel(path, ctx.site))
    return problems


def each_html_file(check: Callable[[str, str], list[Problem]]) -> CheckFn:
    return lambda ctx: [
        p for path in html_pages(ctx.site) for p in check(path.read_text(encoding="utf-8"), rel(path, ctx.site))
    ]


def french_typography(ctx: Context) -> list[Problem]:
    """Every built file of the French editions, the "not found" page included;
    not the pages whose front matter is broken or that are still the new-page
    scaffold, which their own rules report."""
    ready = {
        built_path(p.lang, p.slug)
        for p in ctx.sound
        if not any(u.where.split(":")[0] == p.where for u in ctx.unfinished)
    }
    built = [
        rel(path, ctx.site)
        for ed in EDITIONS
        if ed.lang in typography.LANGS
        for path in html_pages(ctx.site / ed.prefix)
    ]
    return [
        p
        for b in built
        if b in ready or source_of(b) is None
        for p in typography.check_page(parse(ctx.site / b), b, ctx.tracer.page(b), ctx.root)
    ]


def unused_assets(ctx: Context) -> list[Problem]:
    return assets.check_unused_assets(ctx.site, assets.own_assets(ctx.root))


def page_weight(ctx: Context) -> list[Problem]:
    return budget.check_page_weight(ctx.site, ctx.published[1], tracer=ctx.tracer)


def valid_html(ctx: Context) -> list[Problem]:
    return validity.validate(html_pages(ctx.site), ctx.site, ctx.tracer)


# --------------------------------------------------------------------------
# The list, in the order problems are reported
# --------------------------------------------------------------------------

RULES: tuple[Rule, ...] = (
    Rule("front-matter", front_matter),
    Rule("source-registry", source_registry),
    Rule("sources-page", sources_page),
    Rule("footnotes", cited_sources),
    Rule("navigation", navigation),
    Rule("editions", parity),
    Rule("claim-parity", lambda ctx: claim_parity.check_all(ctx.by_lang(ctx.readable))),
    Rule("sourcing", each_page(sourcing.check_sourcing, pages="pages")),
    Rule("not-a-claim-markers", each_page(sourcing.check_markers, pages="readable")),
    Rule("bare-urls", each_page(prose.check_bare_urls, pages="readable")),
    Rule("images", each_page(prose.check_images, pages="readable")),
    Rule("placeholders", each_page(prose.check_placeholders, pages="readable")),
    Rule("untranslated", lambda ctx: untranslated.check_all(ctx.by_lang(ctx.pages), ctx.root)),
    Rule("share-image", share_image),
    Rule("status-labels", status_labels, site=True),
    Rule("status-key", each_built_page(claims.check_status_key), site=True),
    Rule("quotations", quotations, site=True),
    Rule("copying", copied_text, site=True),
    Rule("paraphrase", paraphrased_text, site=True),
    Rule("diagrams", each_built_page(diagrams.check_diagrams), site=True),
    Rule("timeline", each_built_page(timeline.check_timeline), site=True),
    Rule("comparison-tables", each_built_page(tables.check_comparisons), site=True),
    Rule("heading-anchors", each_built_page(anchors.check_heading_anchors), site=True),
    Rule("links", built_links, site=True),
    Rule("language-links", language_links, site=True),
    Rule("search-index", search_index, site=True),
    Rule("served-files", served_files, site=True),
    Rule("reviewed-date", reviewed_date, site=True),
    Rule("corrections-link", corrections_link, site=True),
    Rule("share-previews", share_previews, site=True),
    Rule("print-styles", print_styles, site=True),
    Rule("csp", each_html_file(csp.check_page), site=True, preview=False),
    Rule("markup", each_html_file(markup.check_page), site=True),
    Rule("french-typography", french_typography, site=True),
    Rule("unused-assets", unused_assets, site=True),
    Rule("page-weight", page_weight, site=True),
    Rule("valid-html", valid_html, site=True, slow=True),
)


def rule(name: str) -> Rule:
    """The rule called `name`; KeyError listing the known ones otherwise."""
    for found in RULES:
        if found.name == name:
            return found
    raise KeyError(f"no rule {name!r}; known: {', '.join(r.name for r in RULES)}")


@dataclass
class Outcome:
    """problems: every problem, each once, in rule order. skipped: rules not
    run, with why. ran: the rules that ran."""

    problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    ran: list[str] = field(default_factory=list)


def run(ctx: Context, *, slow: bool = True, preview: bool = False, rules: tuple[Rule, ...] = RULES) -> Outcome:
    """Every rule that can run on `ctx`. Rules that need the site are not run
    without one; `slow` false leaves out the slow ones; `preview` true, those
    that do not hold on the preview's build."""
    outcome = Outcome()
    seen: set[Problem] = set()
    for each in rules:
        if each.site and ctx.site is None:
            outcome.skipped.append(f"{each.name}: the site was not built")
            continue
        if each.slow and not slow:
            outcome.skipped.append(f"{each.name}: {SLOW}")
            continue
        if preview and not each.preview:
            continue
        try:
            found = each.run(ctx)
        except validity.MissingToolError as err:
            outcome.skipped.append(f"{each.name}: {err}")
            continue
        outcome.ran.append(each.name)
        for problem in found:
            if problem not in seen:
                seen.add(problem)
                outcome.problems.append(problem)
    return outcome
