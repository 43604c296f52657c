"""Reading Finnish municipal binding-target reports and auditing their claims.

Modules: :mod:`pipeline.records` (record types), :mod:`pipeline.ingest`
(readers per input format), :mod:`pipeline.finnish` (libvoikko),
:mod:`pipeline.cli` (command line).
"""
