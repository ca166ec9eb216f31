"""Checks of xAPI's value types: IRIs, UUIDs, language maps, timestamps, durations, extensions.

Each check takes the value and `where` (the path named in the error) and raises `BadRequest`
or returns None. The regular expressions are compiled once; a check allocates nothing unless it
fails, so the statement checks built on them stay within a few microseconds.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any, Final

import orjson

from ..errors import BadRequest

# An absolute IRI: a scheme, a colon and at least one character that may appear in an IRI
# (RFC 3987 excludes whitespace, quotes, angle brackets, braces, the pipe, backslash, caret and
# backtick). Relative references ("example.com/x", "/x") have no scheme and are refused.
_IRI: Final = re.compile(r'[A-Za-z][A-Za-z0-9+.\-]*:[^\s"<>\\^`{|}]+\Z')
_UUID: Final = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}\Z")
_MBOX: Final = re.compile(r"mailto:[^@\s]+@[^@\s]+\Z")
_SHA1: Final = re.compile(r"[0-9a-fA-F]{40}\Z")
_SHA2: Final = re.compile(r"[0-9a-fA-F]{56}(?:[0-9a-fA-F]{8}(?:[0-9a-fA-F]{32}){0,2})?\Z")
_MEDIA_TYPE: Final = re.compile(r"[A-Za-z0-9!#$&^_.+\-]+/[A-Za-z0-9!#$&^_.+\-]+(?:\s*;.*)?\Z", re.S)

# RFC 5646 language tags (the ABNF of section 2.1, case-insensitive), irregular grandfathered
# tags included; regular grandfathered tags ("zh-min-nan") already match the general form.
_LANGUAGE_TAG: Final = re.compile(
    r"(?:(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})"  # language, extlang
    r"(?:-[a-z]{4})?"  # script
    r"(?:-(?:[a-z]{2}|[0-9]{3}))?"  # region
    r"(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"  # variants
    r"(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*"  # extensions
    r"(?:-x(?:-[a-z0-9]{1,8})+)?"  # private use
    r"|x(?:-[a-z0-9]{1,8})+"
    r"|en-gb-oed|i-(?:ami|bnn|default|enochian|hak|klingon|lux|mingo|navajo|pwn|tao|tay|tsu)"
    r"|sgn-(?:be-fr|be-nl|ch-de))\Z",
    re.I | re.A,
)

# ISO 8601 date and time, extended or basic format, with an optional offset; the fields are
# checked again by `datetime` (so 2023-02-30 fails).
_TIMESTAMP: Final = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:[.,]\d+)?(Z|[+-]\d{2}(?::\d{2})?)?\Z"
    r"|(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(?:[.,]\d+)?(Z|[+-]\d{2}(?:\d{2})?)?\Z",
    re.A,
)
_NEGATIVE_ZERO: Final = frozenset({"-00", "-0000", "-00:00"})

# ISO 8601 durations: PnW alone, or PnYnMnDTnHnMnS with at least one part (the last may have
# a fraction); "P" and "PT" alone are refused.
_N: Final = r"\d+(?:[.,]\d+)?"
_DURATION: Final = re.compile(
    rf"P(?:{_N}W|(?=\d|T\d)(?:{_N}Y)?(?:{_N}M)?(?:{_N}D)?(?:T(?=\d)(?:{_N}H)?(?:{_N}M)?(?:{_N}S)?)?)\Z",
    re.A,
)

# Language tags seen valid, so repeated tags ("en-US") skip the expression. Bounded: a client
# sending random tags cannot grow it past this size.
_KNOWN_TAGS: set[str] = set()
_KNOWN_TAGS_MAX: Final = 1024


def type_name(value: Any) -> str:
    """The JSON name of a parsed value's type, for error messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def fail(where: str, expected: str, value: Any) -> BadRequest:
    """The error for `value` at `where` not being `expected`."""
    return BadRequest(f"{where}: must be {expected}, not {type_name(value)}.")


def object_check(value: Any, where: str, allowed: frozenset[str], kind: str) -> None:
    """`value` is a JSON object whose keys are all in `allowed`."""
    if type(value) is not dict:
        raise fail(where, f"{kind} (a JSON object)", value)
    if not value.keys() <= allowed:
        unknown = sorted(set(value) - allowed)[0]
        raise BadRequest(f"{where}.{unknown}: is not a property of {kind}.")


def properties_check(
    value: dict[str, Any], where: str, checks: Mapping[str, Callable[[Any, str], None]]
) -> None:
    """Run the check of each property `value` has, naming it in `where`."""
    for name, check in checks.items():
        if name in value:
            check(value[name], f"{where}.{name}")


def string_check(value: Any, where: str) -> None:
    if type(value) is not str:
        raise fail(where, "a string", value)


def boolean_check(value: Any, where: str) -> None:
    if type(value) is not bool:
        raise fail(where, "true or false", value)


def number_check(value: Any, where: str) -> float:
    """`value` is a JSON number (booleans are not numbers); returns it."""
    if type(value) is not int and type(value) is not float:
        raise fail(where, "a number", value)
    return value  # type: ignore[no-any-return]


def iri_validate(value: Any, where: str) -> None:
    """`value` is an absolute IRI (has a scheme), as xAPI's identifiers must be."""
    if type(value) is not str:
        raise fail(where, "an IRI string", value)
    if _IRI.match(value) is None:
        raise BadRequest(f'{where}: must be an absolute IRI (such as "http://example.com/x").')


def irl_validate(value: Any, where: str) -> None:
    """`value` is an IRL: an absolute IRI meant to be resolvable (we do not fetch it)."""
    if type(value) is not str:
        raise fail(where, "an IRL string", value)
    if _IRI.match(value) is None:
        raise BadRequest(f'{where}: must be an absolute IRL (such as "https://example.com/x").')


def uuid_validate(value: Any, where: str) -> None:
    """`value` is a UUID in its standard string form (8-4-4-4-12 hexadecimal digits)."""
    if type(value) is not str:
        raise fail(where, "a UUID string", value)
    if _UUID.match(value) is None:
        raise BadRequest(f"{where}: must be a UUID (8-4-4-4-12 hexadecimal digits).")


def mbox_validate(value: Any, where: str) -> None:
    if type(value) is not str:
        raise fail(where, 'a "mailto:" IRI', value)
    if _MBOX.match(value) is None:
        raise BadRequest(f'{where}: must be a "mailto:" IRI with an email address.')


def sha1_validate(value: Any, where: str) -> None:
    if type(value) is not str:
        raise fail(where, "a SHA-1 hex string", value)
    if _SHA1.match(value) is None:
        raise BadRequest(f"{where}: must be 40 hexadecimal digits (a SHA-1 hash).")


def sha2_validate(value: Any, where: str) -> None:
    if type(value) is not str:
        raise fail(where, "a SHA-2 hex string", value)
    if _SHA2.match(value) is None:
        raise BadRequest(f"{where}: must be a SHA-2 hash in hex (56, 64, 96 or 128 digits).")


def media_type_validate(value: Any, where: str) -> None:
    if type(value) is not str:
        raise fail(where, "an Internet media type string", value)
    if _MEDIA_TYPE.match(value) is None:
        raise BadRequest(f'{where}: must be an Internet media type (such as "image/png").')


def language_tag_validate(value: Any, where: str) -> None:
    """`value` is an RFC 5646 language tag."""
    if type(value) is not str:
        raise fail(where, "an RFC 5646 language tag", value)
    if value in _KNOWN_TAGS:
        return
    if _LANGUAGE_TAG.match(value) is None:
        raise BadRequest(f'{where}: "{value[:40]}" is not an RFC 5646 language tag.')
    if len(_KNOWN_TAGS) < _KNOWN_TAGS_MAX:
        _KNOWN_TAGS.add(value)


def language_map_validate(value: Any, where: str) -> None:
    """`value` is a language map: RFC 5646 tags as keys, strings as values."""
    if type(value) is not dict:
        raise fail(where, "a language map (a JSON object)", value)
    for tag, text in value.items():
        if tag not in _KNOWN_TAGS:
            language_tag_validate(tag, f"{where}")
        if type(text) is not str:
            raise fail(f"{where}.{tag}", "a string", text)


def extensions_validate(value: Any, where: str) -> None:
    """`value` is an extensions object: IRI keys, any JSON values (null included)."""
    if type(value) is not dict:
        raise fail(where, "an extensions object", value)
    for key in value:
        if _IRI.match(key) is None:
            raise BadRequest(f'{where}: key "{key[:80]}" must be an absolute IRI.')


def timestamp_validate(value: Any, where: str, *, offset_required: bool) -> None:
    """`value` is an ISO 8601 date and time; a negative zero offset ("-00:00") is refused.

    With `offset_required` (xAPI 2.0) the time zone must be given.
    """
    if type(value) is not str:
        raise fail(where, "an ISO 8601 timestamp string", value)
    match = _TIMESTAMP.match(value)
    if match is None:
        raise BadRequest(f'{where}: must be an ISO 8601 timestamp ("2024-05-01T12:00:00Z").')
    groups = match.groups()
    if groups[0] is None:
        groups = groups[7:]
    offset = groups[6]
    if offset is None:
        if offset_required:
            raise BadRequest(f'{where}: must give its time zone ("Z" or an offset, "+01:00").')
    elif offset in _NEGATIVE_ZERO:
        raise BadRequest(f'{where}: must not use the offset "{offset}" (write "Z" or "+00:00").')
    elif offset != "Z" and (int(offset[1:3]) > 23 or (len(offset) > 3 and int(offset[-2:]) > 59)):
        raise BadRequest(f"{where}: has an offset out of range.")
    second = int(groups[5])
    try:
        # A leap second (:60) is valid ISO 8601; datetime knows no leap seconds.
        dt.datetime(  # noqa: DTZ001 - only checks the calendar fields; no time zone needed
            int(groups[0]),
            int(groups[1]),
            int(groups[2]),
            int(groups[3]),
            int(groups[4]),
            59 if second == 60 else second,
        )
    except ValueError:
        raise BadRequest(f"{where}: is not a real date and time.") from None


def duration_validate(value: Any, where: str) -> None:
    """`value` is an ISO 8601 duration (such as "PT1H30M" or "P4W")."""
    if type(value) is not str:
        raise fail(where, "an ISO 8601 duration string", value)
    if _DURATION.match(value) is None:
        raise BadRequest(f'{where}: must be an ISO 8601 duration (such as "PT1H30M").')


# orjson parses JSON nested up to 1024 levels but serialises only up to 254, and the LRS
# serialises every statement it stores and returns (inside a batch list and a StatementResult,
# two levels more). A body nested deeper than this is refused before anything is stored.
MAX_JSON_DEPTH: Final = 200
ORJSON_MAX_DEPTH: Final = 254  # the deepest nesting of arrays and objects orjson serialises


# The NUL character as orjson writes it in a string: `\u0000` after an even number of
# backslashes (`\\u0000` is a backslash followed by the letters "u0000", which is storable).
_NUL_IN_JSON: Final = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000")


def json_storable_check(value: Any, where: str, limit: int = MAX_JSON_DEPTH) -> None:
    """Refuse JSON the store cannot keep: nested more than `limit` arrays and objects deep, or
    holding the NUL character in a string (PostgreSQL's JSONB and text refuse it).

    orjson walks the value in C (a walk in Python was a third of a batch's application CPU)
    inside `ORJSON_MAX_DEPTH - limit` more lists, so only a value nested deeper than `limit`
    reaches orjson's own limit; its output is then searched for an escaped NUL."""
    wrapped = value
    for _ in range(ORJSON_MAX_DEPTH - limit):
        wrapped = [wrapped]
    try:
        text = orjson.dumps(wrapped)
    except orjson.JSONEncodeError as error:
        if "Recursion" in str(error):
            raise BadRequest(f"{where}: JSON nested more than {limit} levels deep.") from None
        raise BadRequest(f"{where}: cannot be stored as JSON ({error}).") from None
    if _NUL_IN_JSON.search(text):
        raise BadRequest(
            f"{where}: a string holds the NUL character (\\u0000), which cannot be stored."
        )
