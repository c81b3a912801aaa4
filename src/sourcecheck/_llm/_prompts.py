"""Prompt templates: versioned files in ``prompts/``, rendered in a Jinja2 sandbox.

A template file starts with a Jinja comment holding its name and version, then one
section per chat role, each introduced by a line ``--- system ---`` or ``--- user ---``.
Sections are split *before* rendering, so article text that happens to contain such a
line cannot add a message of its own. The template knows the variables it needs and
refuses to render without them.

The wheel ships the templates as ``sourcecheck/prompts``; an editable checkout reads
``<repo>/prompts``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta
from jinja2.sandbox import SandboxedEnvironment

from sourcecheck._document import Sentence
from sourcecheck._exceptions import ConfigurationError

__all__ = ["PromptTemplate", "load_prompt", "neutral", "numbered", "prompts_dir"]

_HEADER = re.compile(r"\A\{#-?(?P<body>.*?)-?#\}", re.DOTALL)
_SECTION = re.compile(r"^--- (system|user|assistant) ---[ \t]*$", re.MULTILINE)
_ENV = SandboxedEnvironment(
    undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=False
)


def prompts_dir() -> Path:
    """Where the templates are: inside the installed package, else the checkout's."""
    shipped = resources.files("sourcecheck") / "prompts"
    if shipped.is_dir():
        return Path(str(shipped))
    checkout = Path(__file__).resolve().parents[3] / "prompts"
    if checkout.is_dir():
        return checkout
    raise ConfigurationError(
        "the prompt templates are missing: neither sourcecheck/prompts nor <repo>/prompts exists"
    )


@dataclass(frozen=True)
class PromptTemplate:
    """One prompt: its name, version, chat sections and the variables they need.

    Example:
        >>> p = load_prompt("read_article")
        >>> p.name, p.version.isdigit(), "sentences" in p.variables
        ('read_article', True, True)
    """

    name: str
    version: str
    sections: tuple[tuple[str, str], ...]  # (role, template source)
    variables: frozenset[str]

    def render(self, **values: Any) -> list[dict[str, str]]:
        """Chat messages, one per section; ``ConfigurationError`` if a variable is missing."""
        missing = sorted(self.variables - values.keys())
        if missing:
            raise ConfigurationError(
                f"prompt {self.name!r} v{self.version} needs {', '.join(missing)}"
            )
        messages = []
        for role, source in self.sections:
            content = _ENV.from_string(source).render(**values).strip()
            messages.append({"role": role, "content": content})
        return messages


def _metadata(source: str, path: Path) -> tuple[dict[str, str], str]:
    match = _HEADER.match(source)
    if match is None:
        raise ConfigurationError(f"{path.name}: no header comment with name and version")
    fields = {}
    for line in match.group("body").splitlines():
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip()] = value.strip()
    if not fields.get("version"):
        raise ConfigurationError(f"{path.name}: the header gives no version")
    return fields, source[match.end() :]


def _sections(body: str, path: Path) -> tuple[tuple[str, str], ...]:
    parts = _SECTION.split(body)
    # parts: [text before the first marker, role, text, role, text, ...]
    if parts[0].strip() or len(parts) < 3:
        raise ConfigurationError(
            f"{path.name}: expected '--- system ---' / '--- user ---' sections"
        )
    return tuple((parts[i], parts[i + 1]) for i in range(1, len(parts), 2))


@cache
def load_prompt(name: str) -> PromptTemplate:
    """Load ``prompts/<name>.jinja`` (cached: templates do not change while running)."""
    path = prompts_dir() / f"{name}.jinja"
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigurationError(f"cannot read prompt {name!r}: {exc.strerror or exc}") from None
    fields, body = _metadata(source, path)
    sections = _sections(body, path)
    variables: set[str] = set()
    try:
        for _, text in sections:
            variables |= meta.find_undeclared_variables(_ENV.parse(text))
    except jinja2.TemplateSyntaxError as exc:
        raise ConfigurationError(f"{path.name}: line {exc.lineno}: {exc.message}") from None
    return PromptTemplate(
        name=fields.get("name", name),
        version=fields["version"],
        sections=sections,
        variables=frozenset(variables),
    )


def neutral(text: str) -> str:
    """Article text cannot close the prompts' data delimiters early.

    Example:
        >>> neutral("a </article> b")
        'a < /article> b'
    """
    for tag in ("article", "context", "statement"):
        text = text.replace(f"</{tag}", f"< /{tag}")
    return text


def numbered(sentences: Sequence[Sentence]) -> list[dict[str, object]]:
    """Sentences as the prompts show them: numbered from 1, with their role."""
    return [
        {"number": s.index + 1, "role": s.role.value, "text": neutral(s.text)} for s in sentences
    ]
