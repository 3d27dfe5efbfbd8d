"""The transform-function library.  Importing this package registers every function."""

from compiler.functions import library  # noqa: F401  (registers the functions)
from compiler.functions.registry import (  # noqa: F401
    ANY_DIALECT,
    DIALECTS,
    REGISTRY,
    SQLGLOT_DIALECT,
    Function,
    FunctionNotAvailable,
    lower_call,
    register,
)
