"""Benchmark: sourcecheck.align against langextract 1.7.1's WordAligner, same run, same inputs.

Usage (from the repository root; langextract comes with the ``bench`` extra)::

    python bench/bench_aligner.py                       # synthetic news-like document
    python bench/bench_aligner.py --text-dir /path/to/polnear-dev/text
    python bench/bench_aligner.py --sizes 200:31000 --peer-max-chars 0   # sourcecheck only

For each size ``N:CHARS`` it builds one document of about CHARS characters (synthetic
sentences from templates, or whole articles from ``--text-dir`` concatenated in a seeded
order; nothing is copied into the repository) and N snippets in document order:

- verbatim: a run of 4-20 words copied from one paragraph;
- normalised: the same with its case changed, whitespace widened, or quotes, dashes and
  ellipses swapped between curly and straight forms;
- changed: one word replaced by another word of the document;
- dropped: one inner word removed;
- absent: a run of words from text that is not in the document (other generated
  sentences, or articles of ``--text-dir`` left out of the document).

Present snippets do not overlap one another. Both systems get the same document and the
same snippets; the accuracy rule is printed with the results. Times are wall-clock for
one call that aligns all N snippets, with the CPU time of the process beside it (less
swayed by other load on a shared machine), the garbage collector paused as timeit does;
sourcecheck: the median of ``--repeat`` runs, index building included; langextract: one
run, as it is slow.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sourcecheck
from sourcecheck._aligner import _cached_aligner
from sourcecheck._normalize import fold

RULE = (
    "A present snippet is right when the system returns a span [s, e) that overlaps its\n"
    "true location [ts, te) (s < te and ts < e); an absent snippet is right only when\n"
    "the system returns no span at all. Accuracy = right / all snippets. 'tight' also\n"
    "requires intersection/union >= 0.5 for present snippets (absent: as above)."
)

KINDS = ("verbatim", "normalized", "changed", "dropped", "absent")
MIX = (0.60, 0.15, 0.10, 0.05, 0.10)


# -- synthetic news-like text -------------------------------------------------------

_FIRST = [
    "Anna",
    "Marco",
    "Li",
    "Fatima",
    "Oleksandr",
    "Grace",
    "Samuel",
    "Ines",
    "Kenji",
    "Amara",
    "Tomas",
    "Priya",
    "Daniel",
    "Olga",
    "Yusuf",
    "Clara",
    "Mateo",
    "Hannah",
    "Viktor",
    "Leila",
    "Pedro",
    "Sofia",
    "Ahmed",
    "Mei",
    "Lukas",
    "Nadia",
]
_LAST = [
    "Kovalenko",
    "Okafor",
    "Brennan",
    "Haddad",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Alvarez",
    "Novak",
    "Mensah",
    "Castillo",
    "Whitfield",
    "Rahman",
    "Ferreira",
    "Jansen",
    "Petrov",
    "Oyelaran",
    "Schulz",
    "Duarte",
    "Nakamura",
    "Abadi",
    "Kowalski",
    "Sorensen",
    "Quinn",
    "Mbeki",
    "Laurent",
]
_ROLES = [
    "the finance minister",
    "a senior official",
    "the city's mayor",
    "the union leader",
    "the company's chief executive",
    "a spokesperson for the ministry",
    "the opposition leader",
    "an analyst at a research firm",
    "the health secretary",
    "the central bank governor",
    "a regional governor",
    "the defence minister",
    "the head of the agency",
]
_ORGS = [
    "the World Bank",
    "the European Commission",
    "the port authority",
    "the national railway",
    "the electoral commission",
    "the central bank",
    "the energy regulator",
    "the teachers' union",
    "the parliament's budget committee",
    "the state oil company",
    "the water utility",
    "the football federation",
    "the civil aviation authority",
]
_PLACES = [
    "Lisbon",
    "Nairobi",
    "Kyiv",
    "Osaka",
    "Montreal",
    "Cape Town",
    "Valparaíso",
    "Gdańsk",
    "Hanoi",
    "Accra",
    "Rotterdam",
    "Tbilisi",
    "Manila",
    "Bogotá",
    "Aarhus",
    "Izmir",
    "Brisbane",
    "Reykjavík",
    "Dakar",
    "Quito",
]
_TOPICS = [
    "the new budget",
    "the pension reform",
    "fuel prices",
    "the rail strike",
    "the flood defences",
    "the trade agreement",
    "the housing shortage",
    "the vaccination campaign",
    "the border talks",
    "the tax overhaul",
    "the bridge project",
    "the drought",
    "the election timetable",
    "the hospital waiting lists",
    "the fishing quotas",
    "the wage deal",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_VERBS = [
    "said",
    "told reporters",
    "wrote in a statement",
    "warned",
    "argued",
    "announced",
    "insisted",
]
_ADJ = ["sharp", "modest", "unexpected", "steady", "record", "gradual", "temporary", "lasting"]
_UNITS = [
    "percent",
    "million dollars",
    "billion euros",
    "jobs",
    "households",
    "tonnes",
    "kilometres",
]
_QUOTES = [
    "We will not accept a deal that leaves families worse off",
    "This is the most serious crisis we have faced in a decade",
    "Nobody should be surprised by these numbers",
    "The money is there, but the will is not",
    "We are ready to talk, but not under threat",
    "It’s a first step, not the last one",
    "The plan was never going to work without local support",
    "People are tired of promises",
    "We expect the situation to improve by the spring",
    "There is no alternative to dialogue",
]

_TEMPLATES = (
    "{Role} {verb} on {day} that {topic} would be delayed until {month}.",
    "“{quote},” {role} {verb}.",
    "“{quote},” said {name}, {role}, in {place} on {day}.",
    "{Name} {verb} that {org} had already spent {num} {unit} on {topic}.",
    "According to {org}, {topic} will cost {num} {unit} over the next {small} years.",
    "The figures, published on {day}, show a {adj} rise of {pct} percent in {place}.",
    "Officials in {place} — who asked not to be named — said {topic} was “{adj} but manageable.”",
    "{Name}, who has led {org} since {year}, {verb} the decision was “{adj}.”",
    "In {place}, thousands of people gathered on {day} to protest against {topic}.",
    "{Org} said it would review {topic} after a {adj} fall of {pct} percent in {month}.",
    "“{quote}…” {name} {verb}, before leaving the meeting in {place}.",
    "Critics say {topic} has been handled badly, and {org} has promised an inquiry.",
    "The vote on {topic} is expected on {day}, {role} {verb}.",
    "{Name} told {outlet} that {org} had no plans to change {topic} -- at least not "
    "before {month}.",
    "Last year {org} recorded {num} {unit}, up from {num2} the year before.",
    "“I don't think {topic} is the real problem,” {name} said. “{quote}.”",
    "Talks between {org} and {org2} broke down on {day} over {topic}.",
    "{Role} in {place} said the measures would affect about {num} {unit}.",
    "Asked about {topic}, {name} {verb}: “{quote}.”",
    "The report by {org} found that {pct} percent of households in {place} had cut "
    "spending on food.",
)
# Absent snippets come from sentences built on other templates and quotes, so they name
# the same people, places and topics but are never a near-copy of a document sentence.
_ABSENT_TEMPLATES = (
    "{Name} is expected to visit {place} next week to discuss {topic} with {org}.",
    "A poll for {outlet} suggested that most voters in {place} oppose {topic}.",
    "“{quote},” {name} posted on social media late on {day}.",
    "Shares in {org} fell {pct} percent after {role} resigned over {topic}.",
    "Neither {org} nor {org2} responded to requests for comment about {topic}.",
    "Engineers in {place} warned that {num} {unit} could be lost if {topic} stalls again.",
)
_ABSENT_QUOTES = (
    "Our patience is running out",
    "Every family in this country will feel the difference",
    "We were never consulted about any of this",
    "The numbers simply do not add up",
    "I have asked my team to find a compromise before winter",
)
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
]
_OUTLETS = "Reuters|the BBC|Le Monde|Al Jazeera|the Associated Press|a local radio station"


def _fill(template: str, rng: random.Random, quotes: tuple[str, ...]) -> str:
    name = f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    role, org = rng.choice(_ROLES), rng.choice(_ORGS)
    values = {
        "name": name,
        "Name": name,
        "role": role,
        "Role": role[0].upper() + role[1:],
        "org": org,
        "Org": org[0].upper() + org[1:],
        "org2": rng.choice(_ORGS),
        "verb": rng.choice(_VERBS),
        "day": rng.choice(_DAYS),
        "month": rng.choice(_MONTHS),
        "topic": rng.choice(_TOPICS),
        "place": rng.choice(_PLACES),
        "quote": rng.choice(quotes),
        "adj": rng.choice(_ADJ),
        "unit": rng.choice(_UNITS),
        "num": f"{rng.randint(2, 950):,}",
        "num2": f"{rng.randint(2, 950):,}",
        "small": str(rng.randint(2, 12)),
        "pct": f"{rng.randint(1, 40)}.{rng.randint(0, 9)}",
        "year": str(rng.randint(1995, 2024)),
        "outlet": rng.choice(_OUTLETS.split("|")),
    }
    return template.format(**values)


def synthetic_paragraph(rng: random.Random, *, absent: bool = False) -> str:
    templates = _ABSENT_TEMPLATES if absent else _TEMPLATES
    quotes = _ABSENT_QUOTES if absent else tuple(_QUOTES)
    return " ".join(_fill(rng.choice(templates), rng, quotes) for _ in range(rng.randint(1, 4)))


def synthetic_document(chars: int, rng: random.Random, *, absent: bool = False) -> str:
    paragraphs: list[str] = []
    total = 0
    while total < chars:
        paragraph = synthetic_paragraph(rng, absent=absent)
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def file_document(paths: list[Path], chars: int) -> tuple[str, list[Path]]:
    """Whole articles joined until about ``chars``; returns the text and the unused files."""
    texts: list[str] = []
    total = 0
    used = 0
    for path in paths:
        if total >= chars:
            break
        text = path.read_text(encoding="utf-8").strip()
        texts.append(text)
        total += len(text) + 2
        used += 1
    document = "\n\n".join(texts)
    if len(document) > chars * 1.15:
        cut = document.rfind("\n", 0, chars)
        document = document[: cut if cut > chars // 2 else chars]
    return document, paths[used:]


# -- snippets -------------------------------------------------------------------------


@dataclass
class Case:
    kind: str
    snippet: str
    start: int | None  # true location in the document; None when absent
    end: int | None


_WORD = re.compile(r"\S+")


def _paragraph_words(document: str) -> list[list[tuple[int, int]]]:
    """For each paragraph (line), the (start, end) of its words."""
    out: list[list[tuple[int, int]]] = []
    for line in re.finditer(r"[^\n]+", document):
        words = [
            (m.start() + line.start(), m.end() + line.start()) for m in _WORD.finditer(line.group())
        ]
        if len(words) >= 4:
            out.append(words)
    return out


_STRAIGHTEN = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": "--", "…": "..."})


def _curl(text: str) -> str:
    text = re.sub(r'"(\w)', "“\\1", text).replace('"', "”")
    return text.replace("'", "’").replace("--", "—").replace("...", "…")


def _normalised_variant(text: str, rng: random.Random) -> str:
    options = [str.lower, str.upper, lambda t: t.replace(" ", "  ", 2), _curl]
    straight = text.translate(_STRAIGHTEN)
    if straight != text:
        options.append(lambda t: t.translate(_STRAIGHTEN))
    for _ in range(8):
        variant = rng.choice(options)(text)
        if variant != text:
            return variant
    return text.upper() if text.upper() != text else text.lower()


def _changed(words: list[str], vocabulary: list[str], rng: random.Random) -> str | None:
    slots = [i for i, w in enumerate(words) if re.fullmatch(r"[A-Za-z]{3,}[,.;:]?", w)]
    if not slots:
        return None
    i = rng.choice(slots)
    core = re.match(r"[A-Za-z]+", words[i])
    assert core is not None
    replacement = rng.choice([v for v in vocabulary if v.lower() != core.group().lower()])
    changed = list(words)
    changed[i] = replacement + words[i][core.end() :]
    return " ".join(changed)


def make_cases(document: str, n: int, absent_texts: list[str], rng: random.Random) -> list[Case]:
    """N snippets in document order: present ones at sorted, non-overlapping places."""
    kinds = rng.choices(KINDS, weights=MIX, k=n)
    present = sum(1 for k in kinds if k != "absent")
    paragraphs = _paragraph_words(document)
    slots = [(p, w) for p, words in enumerate(paragraphs) for w in range(len(words) - 3)]
    picks = _spaced_picks(slots, present, rng)
    vocabulary = sorted(set(re.findall(r"\b[a-z]{4,}\b", document)))
    absent_words = [w for text in absent_texts for w in text.split()]
    folded_document = fold(document)
    cases: list[Case] = []
    pick = iter(enumerate(picks))
    for kind in kinds:
        if kind == "absent":
            cases.append(_absent_case(absent_words, document, folded_document, rng))
            continue
        j, (p, w) = next(pick)
        words = paragraphs[p]
        # Stop before the next snippet's first word so present snippets never overlap.
        limit = len(words)
        if j + 1 < len(picks) and picks[j + 1][0] == p:
            limit = picks[j + 1][1]
        length = min(rng.randint(4, 20), limit - w)
        if length < 4 and kind in ("changed", "dropped"):
            kind = "verbatim"
        start, end = words[w][0], words[w + length - 1][1]
        cases.append(_present_case(kind, document, start, end, vocabulary, rng))
    return cases


def _spaced_picks(
    slots: list[tuple[int, int]], count: int, rng: random.Random
) -> list[tuple[int, int]]:
    """``count`` sorted start words, at least 4 words apart within a paragraph."""
    chosen: set[tuple[int, int]] = set()
    for _ in range(50):
        for p, w in rng.sample(slots, min(len(slots), count - len(chosen))):
            if all((p, w + d) not in chosen for d in range(-3, 4)):
                chosen.add((p, w))
        if len(chosen) == count:
            return sorted(chosen)
    raise SystemExit(f"the document is too short for {count} snippets")


def _present_case(
    kind: str, document: str, start: int, end: int, vocabulary: list[str], rng: random.Random
) -> Case:
    text = document[start:end]
    words = text.split(" ")
    snippet: str | None = text
    if kind == "normalized":
        snippet = _normalised_variant(text, rng)
    elif kind == "changed":
        snippet = _changed(words, vocabulary, rng)
    elif kind == "dropped" and len(words) >= 5:
        i = rng.randrange(1, len(words) - 1)
        snippet = " ".join(words[:i] + words[i + 1 :])
    elif kind == "dropped":
        snippet = None
    if snippet is None or (snippet == text and kind != "verbatim"):
        kind, snippet = "verbatim", text
    return Case(kind, snippet, start, end)


def _absent_case(words: list[str], document: str, folded_document: str, rng: random.Random) -> Case:
    for _ in range(100):
        length = rng.randint(6, 20)
        at = rng.randrange(0, max(1, len(words) - length))
        snippet = " ".join(words[at : at + length])
        if snippet and snippet not in document and fold(snippet) not in folded_document:
            return Case("absent", snippet, None, None)
    raise SystemExit("could not make an absent snippet: give more text")


# -- the two systems ----------------------------------------------------------------------


Timing = tuple[float, float]  # (wall-clock seconds, CPU seconds of this process)


def _clock() -> Timing:
    return time.perf_counter(), time.process_time()


def _since(start: Timing) -> Timing:
    wall, cpu = _clock()
    return wall - start[0], cpu - start[1]


@contextmanager
def _no_gc() -> Iterator[None]:
    """Time without the cyclic garbage collector, as timeit does, for both systems.

    The bench process holds langextract's imports; a full collection in the middle of
    a 30 ms run would measure the heap, not the aligner.
    """
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def run_sourcecheck(
    document: str, snippets: list[str]
) -> tuple[Timing, list[tuple[int, int] | None], Counter[str]]:
    # align() keeps recent sources' indexes; start cold so every run builds them.
    _cached_aligner.cache_clear()
    with _no_gc():
        start = _clock()
        results = sourcecheck.align(document, snippets)
        elapsed = _since(start)
    spans = [(r.span.start, r.span.end) if r.span else None for r in results]
    return elapsed, spans, Counter(r.status.value for r in results)


def run_langextract(
    document: str, snippets: list[str]
) -> tuple[Timing, list[tuple[int, int] | None]]:
    from langextract import data
    from langextract.resolver import WordAligner

    extractions = [data.Extraction(extraction_class="snippet", extraction_text=s) for s in snippets]
    with _no_gc():
        start = _clock()
        WordAligner().align_extractions([extractions], document)
        elapsed = _since(start)
    spans: list[tuple[int, int] | None] = []
    for extraction in extractions:
        interval = extraction.char_interval
        if interval is None or interval.start_pos is None or interval.end_pos is None:
            spans.append(None)
        else:
            spans.append((interval.start_pos, interval.end_pos))
    return elapsed, spans


def langextract_available() -> bool:
    try:
        import langextract  # noqa: F401
    except ImportError:
        return False
    return True


# -- scoring and report ---------------------------------------------------------------------


def judge(case: Case, span: tuple[int, int] | None) -> tuple[bool, bool]:
    """(right, tight) under RULE."""
    if case.start is None or case.end is None:
        return span is None, span is None
    if span is None:
        return False, False
    s, e = span
    overlap = min(e, case.end) - max(s, case.start)
    if overlap <= 0:
        return False, False
    union = max(e, case.end) - min(s, case.start)
    return True, overlap / union >= 0.5


def score(cases: list[Case], spans: list[tuple[int, int] | None]) -> dict[str, Any]:
    judged = [judge(c, s) for c, s in zip(cases, spans, strict=True)]
    by_kind: dict[str, list[bool]] = {k: [] for k in KINDS}
    for case, (right, _) in zip(cases, judged, strict=True):
        by_kind[case.kind].append(right)
    return {
        "accuracy": sum(r for r, _ in judged) / len(cases),
        "tight": sum(t for _, t in judged) / len(cases),
        "by_kind": {k: (sum(v), len(v)) for k, v in by_kind.items() if v},
    }


def bench_size(
    n: int,
    chars: int,
    args: argparse.Namespace,
    rng: random.Random,
) -> dict[str, Any]:
    if args.text_dir:
        paths = sorted(Path(args.text_dir).glob("*.txt"))
        rng.shuffle(paths)
        document, unused = file_document(paths, chars)
        absent_texts = [p.read_text(encoding="utf-8") for p in unused[:20]]
        if not absent_texts:
            absent_texts = [synthetic_document(5000, random.Random(rng.random()), absent=True)]
    else:
        document = synthetic_document(chars, rng)
        absent_rng = random.Random(rng.random())
        absent_texts = [synthetic_document(max(5000, chars // 4), absent_rng, absent=True)]
    cases = make_cases(document, n, absent_texts, rng)
    snippets = [c.snippet for c in cases]
    row: dict[str, Any] = {
        "snippets": n,
        "chars": len(document),
        "mix": dict(Counter(c.kind for c in cases)),
    }
    times: list[Timing] = []
    for _ in range(args.repeat):
        elapsed, spans, statuses = run_sourcecheck(document, snippets)
        times.append(elapsed)
    row["sourcecheck"] = {
        "seconds": statistics.median(t[0] for t in times),
        "cpu_seconds": statistics.median(t[1] for t in times),
        "min_seconds": min(t[0] for t in times),
        "statuses": dict(statuses),
        **score(cases, spans),
    }
    if args.peer_max_chars and len(document) <= args.peer_max_chars and langextract_available():
        elapsed, spans = run_langextract(document, snippets)
        row["langextract"] = {
            "seconds": elapsed[0],
            "cpu_seconds": elapsed[1],
            **score(cases, spans),
        }
    elif args.peer_max_chars and len(document) <= args.peer_max_chars:
        row["langextract"] = "not installed (pip install 'sourcecheck[bench]')"
    else:
        row["langextract"] = f"skipped: document longer than --peer-max-chars {args.peer_max_chars}"
    return row


def print_row(row: dict[str, Any]) -> None:
    print(f"\n{row['snippets']} snippets in {row['chars']:,} characters; mix {row['mix']}")
    print(
        f"  {'system':<12} {'time (s)':>10} {'cpu (s)':>9} {'accuracy':>9} {'tight':>7}"
        "   right/all by kind"
    )
    systems = [("sourcecheck", row["sourcecheck"]), ("langextract", row["langextract"])]
    for name, result in systems:
        if isinstance(result, str):
            print(f"  {name:<12} {result}")
            continue
        kinds = ", ".join(f"{k} {r}/{t}" for k, (r, t) in result["by_kind"].items())
        print(
            f"  {name:<12} {result['seconds']:>10.4f} {result['cpu_seconds']:>9.4f} "
            f"{result['accuracy']:>9.3f} "
            f"{result['tight']:>7.3f}   {kinds}"
        )
    if isinstance(row["langextract"], dict):
        wall = row["langextract"]["seconds"] / row["sourcecheck"]["seconds"]
        cpu = row["langextract"]["cpu_seconds"] / row["sourcecheck"]["cpu_seconds"]
        row["speed_ratio"] = {"wall": wall, "cpu": cpu}
        print(f"  speed ratio: sourcecheck is {wall:,.0f}x faster (wall clock), {cpu:,.0f}x (CPU)")
    print(f"  sourcecheck statuses: {row['sourcecheck']['statuses']}")


def parse_sizes(text: str) -> list[tuple[int, int]]:
    sizes = []
    for item in text.split(","):
        n, chars = item.split(":")
        sizes.append((int(n), int(chars)))
    return sizes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=parse_sizes("200:31000,1000:100000"),
        help="comma-separated SNIPPETS:CHARS (default 200:31000,1000:100000)",
    )
    parser.add_argument("--text-dir", help="a folder of .txt articles to build documents from")
    parser.add_argument(
        "--peer-max-chars",
        type=int,
        default=40000,
        help="run langextract only on documents up to this many characters "
        "(it did not finish 1,000 snippets in 100k in 12 minutes); 0: never",
    )
    parser.add_argument("--repeat", type=int, default=5, help="sourcecheck runs per size (median)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", help="also write the results to this JSON file")
    args = parser.parse_args(argv)

    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    print(
        f"sourcecheck {sourcecheck.__version__}; langextract "
        f"{'1.7.1 (WordAligner defaults)' if langextract_available() else 'not installed'}; "
        f"python {sys.version.split()[0]}; {os.cpu_count()} CPUs; load average {load}"
    )
    print(f"input: {args.text_dir or 'synthetic news-like sentences'}; seed {args.seed}")
    print("accuracy rule:\n  " + RULE.replace("\n", "\n  "))
    rows = []
    for n, chars in args.sizes:
        row = bench_size(n, chars, args, random.Random(f"{args.seed}:{n}:{chars}"))
        print_row(row)
        rows.append(row)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
