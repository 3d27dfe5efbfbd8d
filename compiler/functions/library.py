"""Function definitions (placeholder: the function-library work fills this in)."""

from sqlglot import exp

from compiler import types as T
from compiler.functions.registry import ANY_DIALECT, Function, register

register(
    Function("trim", (T.TEXT,), T.TEXT, "Remove leading and trailing spaces.",
             {ANY_DIALECT: lambda a: exp.Trim(this=a[0])}),
    Function("upper", (T.TEXT,), T.TEXT, "Upper-case.", {ANY_DIALECT: lambda a: exp.Upper(this=a[0])}),
)
