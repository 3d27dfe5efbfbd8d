"""Replay of rejected records: export them in the source's own layout, let an engineer fix
them, splice the fixed records back in place of the originals (docs/LANGUAGE.md "Replay").

    export.py  chartshift rejects export: the rejected records, file by file, with the
               header, encoding, BOM and line endings of their source file, and a manifest
               of where each came from (line, byte offset, length, hash: no row data)
    apply.py   chartshift rejects apply: a corrected source folder, each fixed record in
               place of its original (checked by hash), every other byte unchanged
    layout.py  where a record ends, a file's BOM, header and line terminator
"""
