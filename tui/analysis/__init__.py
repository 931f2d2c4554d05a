"""The analysis layer: spaCy pipelines plus newsreader's own actors, claims and numbers.

It never imports Textual, so it can be used and tested without the UI. This ``__init__`` imports
nothing: spaCy takes about a second to import, and the reader must be able to use the data model
(``tui.analysis.model``) and the cache without paying for it. Import ``tui.analysis.engine`` and
``tui.analysis.pipeline`` where an analysis actually runs.
"""
