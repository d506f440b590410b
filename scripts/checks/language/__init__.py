"""The language checks of `make check-language` (python -m scripts.checks.check_language).

One module per concern: the glossary (glossary.py), where the text of each file is
(texts.py), and one module per check: terms, typography, mixed scripts, English words
left in az and ru, Türkiye Turkish forms in az, Russian spelling, counted nouns.
"""
