"""Code functions for US healthcare data: us_phone, us_zip, us_state, icd10, npi_valid,
us_ssn.  Each validates and normalises with regexes of the portable subset, written as
a pipeline of transformations so that the argument appears once or twice in the SQL
(npi_valid reads each digit of the validated text)."""

from __future__ import annotations

from sqlglot import exp

from compiler.functions.registry import Function, register
from compiler.functions.sqlkit import Engine, add, case, lit, mod, num, per_dialect, trimmed
from compiler.ir import types as T

# ---------------------------------------------------------------------------------
# us_phone

# An extension at the end: x123, ext 123, ext. 123, extension 123, #123 (any case).
_PHONE_EXTENSION = "\\s*(?:[Ee][Xx][Tt](?:[Ee][Nn][Ss][Ii][Oo][Nn]|\\.)?|[Xx]|#)\\s*[0-9]+\\s*"
# Digits, spaces and the usual punctuation, then maybe an extension.
_PHONE_SHAPE = f"[0-9\\s().+/\\-]+(?:{_PHONE_EXTENSION})?"
# NANP: optional country code 1, area code and exchange starting with 2-9.
_NANP = "1?([2-9][0-9]{2}[2-9][0-9]{6})"


def _us_phone(eng: Engine, a: list[exp.Expression]) -> exp.Expression:
    phone = eng.keep_full(a[0], _PHONE_SHAPE)  # NULL if letters etc.
    no_ext = eng.replace_all(phone, _PHONE_EXTENSION + "$", "")
    digits = eng.replace_all(no_ext, "[^0-9]", "")
    return eng.rewrite_full(digits, _NANP, "\\1")


# ---------------------------------------------------------------------------------
# us_zip


def _us_zip(eng: Engine, a: list[exp.Expression]) -> exp.Expression:
    t = trimmed(a[0])
    # Spreadsheets drop leading zeros: 3 or 4 digits get them back.
    padded = eng.replace_all(eng.replace_all(t, "^([0-9]{3})$", "00\\1"), "^([0-9]{4})$", "0\\1")
    # ZIP+4 (with or without dash) -> 'NNNNN-NNNN'; ZIP -> 'NNNNN-'; anything else '-' ...
    zip_dash = eng.rewrite_full(padded, "([0-9]{5})-?([0-9]{4})|([0-9]{5})", "\\1\\3-\\2", empty_as_null=False)
    # ... whose dangling dash goes ('' -> NULL).
    return exp.Nullif(this=eng.replace_all(zip_dash, "-$", ""), expression=lit(""))


# ---------------------------------------------------------------------------------
# us_state

# code, full name, other spellings (traditional / AP / GPO abbreviations).  Keys are
# compared after upper-casing and removing dots and whitespace ('N. J.' -> 'NJ',
# 'New Jersey' -> 'NEWJERSEY', 'Calif.' -> 'CALIF').
STATES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("AL", "Alabama", ("Ala",)),
    ("AK", "Alaska", ("Alas",)),
    ("AZ", "Arizona", ("Ariz",)),
    ("AR", "Arkansas", ("Ark",)),
    ("CA", "California", ("Calif", "Cal")),
    ("CO", "Colorado", ("Colo", "Col")),
    ("CT", "Connecticut", ("Conn",)),
    ("DE", "Delaware", ("Del",)),
    ("DC", "District of Columbia", ("Washington DC", "Wash DC")),
    ("FL", "Florida", ("Fla", "Flor")),
    ("GA", "Georgia", ()),
    ("HI", "Hawaii", ("Hawai'i",)),
    ("ID", "Idaho", ("Ida",)),
    ("IL", "Illinois", ("Ill",)),
    ("IN", "Indiana", ("Ind",)),
    ("IA", "Iowa", ()),
    ("KS", "Kansas", ("Kan", "Kans")),
    ("KY", "Kentucky", ("Ken", "Kent")),
    ("LA", "Louisiana", ()),
    ("ME", "Maine", ()),
    ("MD", "Maryland", ()),
    ("MA", "Massachusetts", ("Mass",)),
    ("MI", "Michigan", ("Mich",)),
    ("MN", "Minnesota", ("Minn",)),
    ("MS", "Mississippi", ("Miss",)),
    ("MO", "Missouri", ()),
    ("MT", "Montana", ("Mont",)),
    ("NE", "Nebraska", ("Neb", "Nebr")),
    ("NV", "Nevada", ("Nev",)),
    ("NH", "New Hampshire", ()),
    ("NJ", "New Jersey", ()),
    ("NM", "New Mexico", ("N Mex",)),
    ("NY", "New York", ()),
    ("NC", "North Carolina", ("N Car",)),
    ("ND", "North Dakota", ("N Dak",)),
    ("OH", "Ohio", ()),
    ("OK", "Oklahoma", ("Okla",)),
    ("OR", "Oregon", ("Ore", "Oreg")),
    ("PA", "Pennsylvania", ("Penn", "Penna")),
    ("PR", "Puerto Rico", ()),
    ("RI", "Rhode Island", ()),
    ("SC", "South Carolina", ("S Car",)),
    ("SD", "South Dakota", ("S Dak",)),
    ("TN", "Tennessee", ("Tenn",)),
    ("TX", "Texas", ("Tex",)),
    ("UT", "Utah", ()),
    ("VT", "Vermont", ()),
    ("VA", "Virginia", ()),
    ("WA", "Washington", ("Wash",)),
    ("WV", "West Virginia", ("W Va",)),
    ("WI", "Wisconsin", ("Wis", "Wisc")),
    ("WY", "Wyoming", ("Wyo",)),
)


def state_key(text: str) -> str:
    """How us_state() normalises its input before the lookup (Python mirror)."""
    return "".join(ch for ch in text.upper() if ch != "." and not ch.isspace())


def _state_pairs() -> list[tuple[str, str]]:
    pairs: dict[str, str] = {}
    for code, name, others in STATES:
        for spelling in (code, name, *others):
            key = state_key(spelling)
            assert pairs.get(key, code) == code, key
            pairs[key] = code
    return list(pairs.items())


STATE_KEYS = _state_pairs()


def _us_state(eng: Engine, a: list[exp.Expression]) -> exp.Expression:
    key = exp.Upper(this=eng.replace_all(a[0], "[.\\s]", ""))
    return eng.lookup(key, STATE_KEYS)


# ---------------------------------------------------------------------------------
# icd10

ICD10_SHAPE = "[A-Z][0-9][0-9A-Z](?:\\.[0-9A-Z]{1,4})?"


def _icd10(eng: Engine, a: list[exp.Expression]) -> exp.Expression:
    code = exp.Upper(this=trimmed(a[0]))
    no_dot = eng.replace_all(code, "^([^.]*)\\.", "\\1")  # remove the first dot
    dotted = eng.replace_all(no_dot, "^(...)(.)", "\\1.\\2")  # dot after the 3rd character
    return eng.keep_full(dotted, ICD10_SHAPE, once=True)


# ---------------------------------------------------------------------------------
# npi_valid

# Digit sum of 2*d, indexed by d: 0->0, 1->2, ..., 5->1 (10), 6->3 (12), ..., 9->9 (18).
_DOUBLED_DIGIT_SUM = "0246813579"
# Luhn over the 9 leading digits with the prefix 80840: the prefix adds 24 to the sum.
_NPI_PREFIX_SUM = 24


def _npi_valid(eng: Engine, a: list[exp.Expression]) -> exp.Expression:
    # The digits are read from `npi`, which is NULL unless the text is 10 digits starting
    # with 1 or 2: the casts below never see anything else.  (A CASE guard is not
    # enough: MariaDB folds constant branches it will not take, and warns.)
    npi = eng.keep_full(trimmed(a[0]), "[12][0-9]{9}")

    def digit(i: int) -> exp.Expression:  # i is 1-based
        return eng.cast(exp.Substring(this=npi.copy(), start=num(i), length=num(1)), "int32")

    def doubled(i: int) -> exp.Expression:
        return eng.cast(exp.Substring(this=lit(_DOUBLED_DIGIT_SUM), start=add(digit(i), num(1)), length=num(1)), "int32")

    # From the check digit leftwards, every second digit is doubled: positions 9, 7, 5, 3, 1.
    terms = [num(_NPI_PREFIX_SUM)] + [doubled(i) if i % 2 else digit(i) for i in range(1, 11)]
    luhn_ok = exp.EQ(this=mod(add(*terms), num(10)), expression=num(0))
    # NULL only for NULL input; malformed text is simply not a valid NPI.
    return case(
        (exp.Is(this=a[0].copy(), expression=exp.Null()), exp.Null()), default=exp.Coalesce(this=luhn_ok, expressions=[exp.false()])
    )


# ---------------------------------------------------------------------------------
# us_ssn

_SSN_AREA = "(?:00[1-9]|0[1-9][0-9]|[1-5][0-9]{2}|6[0-5][0-9]|66[0-57-9]|6[7-9][0-9]|[78][0-9]{2})"
_SSN_GROUP = "(?:0[1-9]|[1-9][0-9])"
_SSN_SERIAL = "(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})"
_SSN_SHAPE = f"{_SSN_AREA}[- ]?{_SSN_GROUP}[- ]?{_SSN_SERIAL}"


def _us_ssn(eng: Engine, a: list[exp.Expression]) -> exp.Expression:
    ssn = eng.keep_full(trimmed(a[0]), _SSN_SHAPE)
    return eng.replace_all(ssn, "[- ]", "")


register(
    Function(
        "us_phone",
        (T.TEXT,),
        T.TEXT,
        "A US/NANP phone number as 10 digits. An extension at the end (x123, ext 123, "
        "ext. 123, #123) is dropped; besides digits only spaces and ( ) . - + / may "
        "appear; a leading country code 1 is dropped; the area code and the exchange "
        "must start with 2-9. Anything else gives NULL.",
        per_dialect(_us_phone),
        examples=(
            ("us_phone('(555) 234-5678 ext. 12')", "'5552345678'"),
            ("us_phone('+1 555.234.5678')", "'5552345678'"),
            ("us_phone('555-123-4567')", "NULL"),
        ),
    ),
    Function(
        "us_zip",
        (T.TEXT,),
        T.TEXT,
        "A ZIP code as 'NNNNN' or 'NNNNN-NNNN'. 3 or 4 digits get their lost leading "
        "zeros back; 9 digits without a dash are ZIP+4. Anything else gives NULL.",
        per_dialect(_us_zip),
        examples=(("us_zip('2134')", "'02134'"), ("us_zip('021341234')", "'02134-1234'"), ("us_zip('1234567')", "NULL")),
    ),
    Function(
        "us_state",
        (T.TEXT,),
        T.TEXT,
        "The USPS code of a state (50 states, DC, PR) given as a code in any case, a full "
        "name, or a traditional abbreviation with or without dots (N.J., Mass., Calif.). "
        "Dots and whitespace are ignored. Anything else gives NULL.",
        per_dialect(_us_state),
        examples=(
            ("us_state('n.j.')", "'NJ'"),
            ("us_state('Massachusetts')", "'MA'"),
            ("us_state('Calif.')", "'CA'"),
            ("us_state('Ontario')", "NULL"),
        ),
    ),
    Function(
        "icd10",
        (T.TEXT,),
        T.TEXT,
        "An ICD-10-CM code normalised: upper-cased, trimmed, the first dot removed and a "
        "dot put after the 3rd character (when longer than 3); NULL unless the result "
        "has the shape letter, digit, digit-or-letter, then optionally a dot and 1-4 "
        "letters/digits.",
        per_dialect(_icd10),
        examples=(("icd10('m5450 ')", "'M54.50'"), ("icd10('S83511A')", "'S83.511A'"), ("icd10('XYZ')", "NULL")),
    ),
    Function(
        "npi_valid",
        (T.TEXT,),
        T.BOOLEAN,
        "Whether the text (trimmed) is a valid NPI: 10 digits, the first 1 or 2, and the "
        "last a Luhn check digit over the 9 leading digits with the prefix 80840 (i.e. "
        "24 added to the Luhn sum). NULL only for NULL; any other malformed value is "
        "false.",
        per_dialect(_npi_valid),
        examples=(("npi_valid('1234567893')", "true"), ("npi_valid('1234567898')", "false")),
    ),
    Function(
        "us_ssn",
        (T.TEXT,),
        T.TEXT,
        "A Social Security number as 9 digits: 9 digits, optionally grouped 3-2-4 by "
        "dashes or spaces; NULL when it is not that, or the area is 000, 666 or 900-999, "
        "the group 00 or the serial 0000 (never issued).",
        per_dialect(_us_ssn),
        examples=(("us_ssn('123-45-6789')", "'123456789'"), ("us_ssn('999-99-9999')", "NULL")),
    ),
)
