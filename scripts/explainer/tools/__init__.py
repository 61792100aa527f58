"""Commands for editors and maintainers, run through `scripts/dev.py`."""
