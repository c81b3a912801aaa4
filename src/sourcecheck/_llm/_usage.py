"""Token counts per call and their cost, when a price is configured.

No price table is built in (prices change and local servers cost nothing): pass
``price=Price(...)`` or set ``SOURCECHECK_PRICE="INPUT,OUTPUT"`` in US dollars per
million prompt and completion tokens.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from sourcecheck._exceptions import ConfigurationError
from sourcecheck._models import Usage

__all__ = ["PRICE_ENV", "Price", "UsageMeter", "resolve_price"]

PRICE_ENV = "SOURCECHECK_PRICE"


@dataclass(frozen=True)
class Price:
    """US dollars per million prompt (input) and completion (output) tokens.

    Example:
        >>> Price(0.15, 0.60).cost(1_000_000, 500_000)
        0.45
    """

    input_per_million: float
    output_per_million: float

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float:
        return round(
            (prompt_tokens * self.input_per_million + completion_tokens * self.output_per_million)
            / 1_000_000,
            8,
        )


def resolve_price(price: Price | tuple[float, float] | None) -> Price | None:
    """The given price, else ``$SOURCECHECK_PRICE``, else none (cost is left unknown)."""
    if isinstance(price, Price):
        return price
    if price is not None:
        return Price(float(price[0]), float(price[1]))
    raw = os.environ.get(PRICE_ENV)
    if not raw:
        return None
    try:
        inp, out = (float(part) for part in raw.split(","))
    except ValueError:
        raise ConfigurationError(
            f"{PRICE_ENV} must be 'INPUT,OUTPUT' dollars per million tokens, not {raw!r}"
        ) from None
    return Price(inp, out)


@dataclass
class UsageMeter:
    """Counts calls and tokens as they happen; ``usage()`` gives the total."""

    price: Price | None = None
    calls: int = 0
    cached_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    _spent: list[float] = field(default_factory=list)

    def on_response(self, response: Any) -> None:
        """instructor's ``completion:response`` hook: one HTTP answer, with its usage."""
        self.calls += 1
        usage = getattr(response, "usage", None)
        self.add_tokens(
            int(getattr(usage, "prompt_tokens", 0) or 0),
            int(getattr(usage, "completion_tokens", 0) or 0),
        )

    def add_tokens(self, prompt_tokens: int, completion_tokens: int) -> None:
        self.prompt_tokens += prompt_tokens
        self.completion_tokens += completion_tokens
        if self.price is not None:
            self._spent.append(self.price.cost(prompt_tokens, completion_tokens))

    def absorb(self, other: UsageMeter) -> None:
        """Add the counts of ``other`` (one call's meter) to this one."""
        self.calls += other.calls
        self.cached_calls += other.cached_calls
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self._spent.extend(other._spent)

    def usage(self) -> Usage:
        return Usage(
            calls=self.calls,
            cached_calls=self.cached_calls,
            prompt_tokens=self.prompt_tokens,
            completion_tokens=self.completion_tokens,
            cost_usd=round(sum(self._spent), 8) if self.price is not None else None,
        )
