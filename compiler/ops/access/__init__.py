"""`chartshift access apply` / `access check`: the spec's roles and grants on a live
server (catalog.py reads them, diff.py compares, apply.py converges)."""
