"""The offline reader: quotes, attributions and claims found by rules, no model, no network.

It is the embedded default reader (``extract(text)`` with no model). The stages:

1. ``_quotes``: quoted regions, paragraph by paragraph (multi-paragraph quotes joined);
2. ``_attributions``: source-cue-content triples, quotes and reported speech alike;
3. ``_sources``: each source's name and role, pronouns resolved, anonymous flagged;
4. ``_claims``: one claim draft per verifiable statement of body text.

Everything works on offsets into ``document.text``, so every span it returns is exact.

Example:
    >>> from sourcecheck._document import Document
    >>> reading = OfflineReader().read(Document('"Prices will fall," the minister said.'))
    >>> q = reading.quotes[0]
    >>> q.span.text, q.speaker.text, q.cue.text
    ('Prices will fall', 'the minister', 'said')
"""

from __future__ import annotations

from sourcecheck._document import Document
from sourcecheck._models import ReaderInfo
from sourcecheck._offline._claims import draft_claims
from sourcecheck._offline._reader import read_attributions
from sourcecheck._reading import Reading

__all__ = ["OfflineReader"]


class OfflineReader:
    """Reads a ``Document`` with rules: deterministic, fast (a few ms an article), private.

    Example:
        >>> from sourcecheck._document import Document
        >>> text = "Big News\\n\\nThe plan will fail, officials said on Monday."
        >>> [(a.content.text, a.source.text, a.anonymous)
        ...  for a in OfflineReader().read(Document(text)).attributions]
        [('The plan will fail', 'officials', True)]
    """

    def read(self, document: Document) -> Reading:
        quotes, attributions = read_attributions(document)
        claims = draft_claims(document, quotes, attributions)
        return Reading(
            quotes=tuple(quotes),
            attributions=tuple(attributions),
            claims=tuple(claims),
            reader=ReaderInfo(name="offline"),
        )
