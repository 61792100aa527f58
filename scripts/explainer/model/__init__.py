"""What the site is made of, read without any site engine."""
