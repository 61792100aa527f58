"""The explainer's rules, build and tools, written once for every engine.

    model/   what the site is made of: editions, pages, the source registry,
             the configs, the language data, and one HTML scanner
    build/   one engine seam (MkDocs with Material, or Zensical) and the
             post-build steps, in one explicit ordered list
    checks/  the rules: each takes pages, files or built HTML and returns
             `Problem`s that name the Markdown file and line, the rule and
             the fix; suite.py lists them all, in order
    tools/   what editors and maintainers run: check, serve (the preview),
             new-page, sources, fingerprint, the online link check, the
             Pages-like server
    bench/   the performance benchmark (`scripts/dev.py audit`)

Nothing under model/ or checks/ imports an engine: the tests, the tools and
the build (which checks every page's front matter before any engine runs)
call the same functions.
"""
