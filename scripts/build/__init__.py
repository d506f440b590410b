"""What MkDocs runs between Markdown and the published files, through scripts/hooks.py: held HTML,
search indexes, sitemaps, theme patches, CSP hashes, minifying, CSS pruning, the offline zip, previews."""
