"""The IR: pydantic nodes with source spans (`nodes`), value types (`types`), walking (`walk`).

`from compiler import ir` gives the node classes as `ir.Map`, `ir.Check`, ...
"""

from compiler.ir.access import *  # noqa: F403  (the access block's nodes)
from compiler.ir.nodes import *  # noqa: F403  (the node classes are the package's surface)
