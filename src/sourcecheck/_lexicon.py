"""Word lists the checks rest on: number words, dates, name aliases, negators,
opposites, closed classes and synonyms.

Every list is general news English, kept short and conservative: a missing pair costs a
missed catch, a wrong pair costs a false alarm on a faithful statement. Members of a
closed class must exclude one another; synonyms must be interchangeable in reporting.
"""

from __future__ import annotations

from sourcecheck._evidence import STOPWORDS, stem

__all__ = [
    "ABSENCE",
    "ALIASES",
    "CARDINALS",
    "CITY_OF",
    "IMPLICIT_NEGATORS",
    "MONTHS",
    "NEGATION_HEDGES",
    "NEGATORS",
    "NOT_NAMES",
    "OPPOSITE",
    "ORDINALS",
    "RIVAL",
    "SAME_SIDE",
    "SCALE_WORDS",
    "SYNONYM",
    "TIME_UNITS",
    "WEEKDAYS",
]


def _wordlist(text: str) -> list[str]:
    return text.split()


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


SCALE_WORDS = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "millions": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "trillion": 1e12,
}
CARDINALS = {
    word: float(i)
    for i, word in enumerate(
        _wordlist(
            """zero one two three four five six seven eight nine ten eleven twelve thirteen
            fourteen fifteen sixteen seventeen eighteen nineteen twenty"""
        )
    )
}
CARDINALS.update(
    {
        w: float(10 * i)
        for i, w in enumerate(_wordlist("thirty forty fifty sixty seventy eighty ninety"), 3)
    }
)
CARDINALS.update({"dozen": 12.0, "half": 0.5, "single": 1.0, "double": 2.0, "twice": 2.0})
ORDINALS = {
    word: float(i)
    for i, word in enumerate(
        _wordlist(
            """first second third fourth fifth sixth seventh eighth ninth tenth eleventh
            twelfth"""
        ),
        1,
    )
}
ORDINALS.update({"last": -1.0})  # "last quarter" is a position too; never equal to a number
TIME_UNITS = frozenset(
    stem(w) for w in _wordlist("second minute hour day week month year decade century quarter")
)

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        ],
        1,
    )
    for m in names.split()
}
WEEKDAYS = {
    d: i
    for i, names in enumerate(
        [
            "monday mon",
            "tuesday tue tues",
            "wednesday wed",
            "thursday thu thurs",
            "friday fri",
            "saturday sat",
            "sunday sun",
        ]
    )
    for d in names.split()
}

# True equivalences only: each group names one country or body. "U.S.", "United
# States", "America" and "American" are one country in news English (the checks drop
# "America" after "South", "Latin", "Central" or "North").
# A seat of government marked "@" stands for its government by metonymy ("Moscow
# refused", "Washington warned"), so the checks equate it with its country only where
# it is used as an actor, on either side ("Moscow refused" and "Russia refused" back
# each other), never as a place or a modifier: "a summit in Paris" says nothing about
# what France did, and "France" does not back "in Paris" or "the Paris office".
# Other cities are places only: "Sydney" never stands for Australia.
_ALIAS_GROUPS = [
    ("us", "u.s. u.s us usa u.s.a. america american americans united-states @washington"),
    ("uk", "u.k. u.k uk britain british briton britons united-kingdom england english @london"),
    ("eu", "e.u. eu european-union @brussels"),
    ("un", "u.n. un united-nations"),
    ("russia", "russia russian russians @moscow @kremlin"),
    ("ukraine", "ukraine ukrainian ukrainians @kyiv @kiev"),
    ("china", "china chinese @beijing"),
    ("france", "france french @paris"),
    ("germany", "germany german germans @berlin"),
    ("australia", "australia australian australians @canberra"),
    ("canada", "canada canadian canadians @ottawa"),
    ("japan", "japan japanese @tokyo"),
    ("india", "india indian indians @delhi"),
    ("israel", "israel israeli israelis @jerusalem"),
    ("iran", "iran iranian iranians @tehran"),
    ("mexico", "mexico mexican mexicans"),
    ("italy", "italy italian italians @rome"),
    ("spain", "spain spanish @madrid"),
    ("poland", "poland polish poles @warsaw"),
    ("syria", "syria syrian syrians @damascus"),
    ("turkey", "turkey turkish @ankara"),
    ("nato", "nato"),
]
ALIASES: dict[str, str] = {
    word.replace("-", " "): key
    for key, words in _ALIAS_GROUPS
    for word in words.split()
    if not word.startswith("@")
}
CITY_OF: dict[str, str] = {
    word[1:]: key for key, words in _ALIAS_GROUPS for word in words.split() if word.startswith("@")
}
# Capitalised words that are not names: sentence openers, titles, months, days.
NOT_NAMES = (
    _words(
        """i mr mrs ms dr prof president minister gov sen rep gen ceo chief judge police
        monday tuesday wednesday thursday friday saturday sunday january february march
        april may june july august september october november december phase file"""
    )
    | STOPWORDS
)

NEGATORS = _words("not no never without none nobody nothing neither nor cannot")
# Verbs that negate the act after "to": "refused to sign" says it was not signed.
# ("declined to" is left out: "declined to 5%" is a fall.)
IMPLICIT_NEGATORS = frozenset(stem(w) for w in _wordlist("refuse fail unable unwilling"))
# Nouns and verbs of absence: "a lack of progress" says there was none.
ABSENCE = frozenset(stem(w) for w in _wordlist("lack"))
# Words between a negation and what it negates, which pass it on: "no clear sign of
# willingness to make concessions" negates "concessions".
NEGATION_HEDGES = frozenset(
    stem(w)
    for w in _wordlist(
        """clear real any sign evidence indication willingness willing intention intent
        plan desire interest attempt effort immediate immediately yet longer make"""
    )
)

# Opposites news summaries swap: "a b c | x y z" pairs, separated by ";": any word on
# the left is the opposite of any word on the right. Stems merge inflections, so base
# forms and irregular forms are enough.
_OPPOSITES = """
    accelerate intensify quicken speed | stall slow delay;
    increase rise rose risen grow grew grown growth gain up higher climb jump surge boost
    expand | decrease decline fall fell fallen drop shrink shrank lower reduce reduction
    cut slump plunge down contract;
    win won victory | lose lost loss defeat;
    profit | loss;
    accept approve allow permit agree support endorse favour favor | reject deny refuse
    ban forbid block oppose veto disagree;
    guilty convict conviction | innocent acquit acquittal;
    arrest detain jail | release free freed;
    open | close shut;
    start begin began begun launch | end stop finish halt cancel;
    before earlier prior | after later;
    ahead forward | back backward behind;
    high | low;
    more most | less least fewer;
    strong stronger | weak weaker;
    success succeed successful thrive thriving triumphant | failure fail unsuccessful
    struggle struggling troubled;
    confirm | deny;
    legal lawful | illegal unlawful;
    include | exclude;
    join | leave left quit;
    hire | fire lay laid;
    buy bought | sell sold;
    import | export;
    early | late;
    young younger | old older;
    peace peaceful | war violent violence;
    ally allies friend | enemy enemies foe;
    help rescue save support prop | harm hurt sink sank damage;
    safe | dangerous unsafe;
    cheap | expensive;
    rich wealthy | poor;
    east eastern eastbound | west western westbound;
    north northern | south southern;
    inside | outside;
    alive survive | dead die died kill;
    attack | defend;
    praise | criticise criticize condemn;
    first | last;
    maximum | minimum;
    majority | minority;
    positive | negative;
    public | private;
    same | different;
    true | false;
    allow let enable | prevent stop;
    raise | lower;
    remember | forget;
    love | hate;
    arrive | depart;
    enter | exit;
    lend | borrow;
    temporary | permanent;
    full | empty;
    partial | complete full;
    rare | common;
    easy | difficult hard;
    heavy | light;
    long longer | short shorter;
    wide | narrow;
    hot warm | cold cool;
    wet | dry;
    above | below;
    happy | sad unhappy;
    optimistic optimism | pessimistic pessimism;
    possible | impossible;
    likely | unlikely;
    certain | uncertain;
    stable | unstable;
    employed | unemployed;
    surplus | deficit;
    strengthen | weaken;
    tighten | loosen ease;
    upgrade | downgrade;
    outperform | underperform;
    winner | loser;
    buyer | seller;
    lender | borrower;
    employer | employee;
    landlord | tenant;
    plaintiff | defendant;
    domestic | foreign international;
    urban | rural
"""

# Closed classes: two members of one class are rivals ("yellow" is not "white"). A
# member the local evidence lacks, while it has a rival, is a swap.
# Members of a class must exclude one another: no hypernyms ("gun" with "rifle") and no
# near-synonyms ("prison" with "jail"), or a paraphrase would read as a swap.
_CLASSES = """
    red orange yellow green blue purple violet pink brown black white grey gray gold silver;
    man men woman women boy girl male female he she his her husband wife son daughter
    father mother brother sister uncle aunt nephew niece;
    founder co-founder ceo chairman chairwoman chair president director executive manager
    owner employee;
    gay lesbian bisexual transgender straight heterosexual homosexual;
    murder manslaughter homicide assault robbery fraud theft;
    beach cliff hill mountain river lake island valley forest desert;
    school hospital church mosque synagogue temple airport station prison museum library
    stadium hotel restaurant factory embassy bank university;
    car bus truck train plane boat ship helicopter bicycle motorcycle;
    rifle pistol knife bomb grenade missile drone;
    doctor nurse teacher lawyer soldier student farmer journalist firefighter pilot;
    rain snow flood drought earthquake hurricane tornado wildfire heatwave;
    dog cat horse cow pig sheep chicken;
    spring summer autumn winter;
    mile kilometre kilometer metre meter inch kilogram ton gallon litre liter;
    dollar euro yen yuan rupee;
    democrat democratic republican;
    liberal conservative
"""


def _groups(text: str) -> list[list[str]]:
    return [group.split() for group in text.split(";") if group.strip()]


def _opposites() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """Each stem's opposites, and its own side (the words that mean roughly the same)."""
    opposite: dict[str, set[str]] = {}
    same: dict[str, set[str]] = {}
    for group in _OPPOSITES.split(";"):
        left, right = (frozenset(stem(w) for w in side.split()) for side in group.split("|"))
        for side, other in ((left, right), (right, left)):
            for w in side:
                opposite.setdefault(w, set()).update(other - side)
                same.setdefault(w, set()).update(side)
    return (
        {k: frozenset(v) for k, v in opposite.items()},
        {k: frozenset(v) for k, v in same.items()},
    )


def _rivals() -> dict[str, frozenset[str]]:
    table: dict[str, frozenset[str]] = {}
    for group in _groups(_CLASSES):
        stems = frozenset(stem(w) for w in group)
        for w in stems:
            table[w] = stems - {w}
    return table


OPPOSITE, SAME_SIDE = _opposites()
RIVAL = _rivals()

# Small groups of words news summaries use for one another, separated by ";"; a word
# counts as found when one of its group is in the source. Kept short on purpose: general
# reporting verbs and nouns, not topic words.
_SYNONYMS = """
    say said state tell told report announce disclose note reveal communicate inform;
    arrest detain apprehend custody;
    kill die dead death slay slain;
    plan intend aim expect;
    show shown demonstrate indicate;
    begin began start launch;
    company firm business;
    attack assault strike invasion invade incursion;
    protest protester demonstration demonstrator activist rally campaigner;
    road street roadway;
    meeting summit talks conference;
    hold held host happen occur take took place;
    buy bought acquire purchase;
    help aid assist;
    big large huge massive major;
    small little minor;
    charge accuse allege allegation;
    official authorities government;
    admit confess;
    forecast predict project guide expect;
    file filing submit application apply;
    place location spot site venue;
    close shut;
    rise climb;
    fall drop decline
"""
SYNONYM = {w: frozenset(stem(x) for x in g) for g in _groups(_SYNONYMS) for w in map(stem, g)}
