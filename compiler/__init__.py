"""chartshift: a compiler for data migrations (spec -> IR -> SQL -> run -> report)."""

__version__ = "0.1.0"
