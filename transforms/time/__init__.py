"""Time: temporal expressions normalised against the publication date, tense, and dated events.

``expressions.find_timexes`` (the entry point) runs the named rules of ``patterns.PATTERNS``
(regexes built from ``fragments``, values from ``resolve``, the rule type in ``timex_rule``),
then the passes of ``context.CONTEXT_PASSES``; ``tense`` gives the tense of a clause,
``calendar_values`` the calendar arithmetic, ``events`` the clauses the expressions date.
"""
