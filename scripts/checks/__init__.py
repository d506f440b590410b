"""What editors, pre-commit and CI run, and the checks the build runs on every page: front matter,
translations, language, Markdown style, unsafe markup, links, HTML validity (`make check`)."""
