"""The function library: importing this module registers every transform function.

The functions live in topic modules; each is defined once, with one lowering per
dialect where the engines differ (built from the per-engine table in `sqlkit`)."""

from compiler.functions import (
    codes,  # noqa: F401
    dates,  # noqa: F401
    hashing,  # noqa: F401
    numbers,  # noqa: F401
    text,  # noqa: F401  (registers the text functions)
)
from compiler.functions.dates import arithmetic  # noqa: F401
