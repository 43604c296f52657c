"""The claim audit: read the target as a requirement, find what answers it, compare with the claim.

For each goal:

1. :func:`~pipeline.audit.target.requirements` (:mod:`pipeline.audit.target`)
   reads the target into parts that must all hold: a quantity (*vähintään 10
   prosentilla* from the baseline, *noin 50 opiskelijalla*, *enintään 14
   päivää* where lower is better), a required component (*10
   yhteistyökumppania, joista osa kansainvälisiä toimijoita*) or a
   deliverable (*Selvitys valmis*, *opintopolut rakennettu*).
2. :func:`~pipeline.audit.evidence.assess` (:mod:`pipeline.audit.evidence`)
   looks for the figures and sentences that answer each part in the metric
   status (*Mittarien tilanne*) first and the measures second, including
   negated or postponed evidence (*ei ole järjestetty*, *siirtyi vuodelle
   2023*), and gives the status the evidence supports. Figures the text
   implies without printing them (shares, totals of parts, ratios, changes
   from an earlier year) come from :mod:`pipeline.audit.derived`.
3. :func:`~pipeline.audit.verdict.audit_goal` (:mod:`pipeline.audit.verdict`)
   compares that with the claimed status and, where the rules have nothing
   to go on, with the classifier's probabilities; it returns the verdict with
   Finnish reasons that quote target and figures. Every Finnish sentence of
   the audit is phrased there.

Internal arithmetic (a stated percentage that its own counts contradict) is
reported as information (``notes``), never as a flag.
"""

from pipeline.audit.evidence import Assessment, Finding, arithmetic_notes, assess, is_negative
from pipeline.audit.target import Part, requirements
from pipeline.audit.verdict import STATUS_FI, audit_goal, describe_target

__all__ = [
    "STATUS_FI",
    "Assessment",
    "Finding",
    "Part",
    "arithmetic_notes",
    "assess",
    "audit_goal",
    "describe_target",
    "is_negative",
    "requirements",
]
