"""Building the site: the engine seam, then the post-build steps."""
