"""`chartshift init`: start a spec from what exists: a CSV export (`--from-csv DIR`, a
`source` block), a DDL file (`--from-ddl FILE`) or a live database (`--from-db URL`, a
`target` block).  Each reader returns `TableGuess`es; `render.py` writes the spec text.
"""
