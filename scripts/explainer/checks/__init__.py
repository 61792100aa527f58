"""The rules. Each check returns a list of `Problem`s; an empty list passes."""
