"""Reading Finnish municipal binding-target reports and auditing their claims.

Modules: :mod:`pipeline.records` (record types), :mod:`pipeline.ingest`
(readers per input format), :mod:`pipeline.finnish` (libvoikko),
:mod:`pipeline.nlp` and :mod:`pipeline.spacy_components` (the spaCy
pipeline), :mod:`pipeline.indicators` (figures), :mod:`pipeline.audit` (the
claim audit), :mod:`pipeline.classify` and :mod:`pipeline.training` (the
status classifier), :mod:`pipeline.summarise` and :mod:`pipeline.digest`
(summaries and the analyst's digest), :mod:`pipeline.store` (the database),
:mod:`pipeline.review` and :mod:`pipeline.webapp` (analyst review),
:mod:`pipeline.cli` (command line).
"""
