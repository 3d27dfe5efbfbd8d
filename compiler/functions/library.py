"""The function library: importing this module registers every transform function.

The functions live in topic modules; each is defined once, with one lowering per
dialect where the engines differ (built from the per-engine table in `sqlkit`)."""

from compiler.functions import text  # noqa: F401  (registers the text functions)
from compiler.functions import dates  # noqa: F401,E402
from compiler.functions import numbers  # noqa: F401,E402
from compiler.functions import codes  # noqa: F401,E402
