"""The transform-function library.  Importing this package registers every function."""

from compiler.functions import library  # noqa: F401  (registers the functions)
from compiler.functions.registry import (
    ANY_DIALECT,
    DIALECTS,
    REGISTRY,
    SQLGLOT_DIALECT,
    Function,
    FunctionNotAvailable,
    lower_call,
    register,
)

# the package's surface (explicit, so that strictly checked callers may import these from here)
__all__ = [
    "ANY_DIALECT",
    "DIALECTS",
    "REGISTRY",
    "SQLGLOT_DIALECT",
    "Function",
    "FunctionNotAvailable",
    "lower_call",
    "register",
]
