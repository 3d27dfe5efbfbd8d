"""Where a record ends, as the run's record scanner decides: quotes, line endings, EOF."""

from __future__ import annotations

import io

from compiler.ops.replay.layout import BOM, Layout, at_record_start, header_bytes, layout_of, read_record, split_records


def lay(terminator=b"\n", bom=b"", escape='"'):
    return Layout(ord('"'), ord(escape), terminator, bom)


def test_records_end_at_a_line_break_outside_quotes():
    data = b'id,name\n1,"Al\nice"\n2,"say ""hi""\nthere",x\n3,Bob'
    assert split_records(data, lay()) == [b"id,name\n", b'1,"Al\nice"\n', b'2,"say ""hi""\nthere",x\n', b"3,Bob"]
    # CRLF files end at the LF; a bare CR inside a field is content
    assert split_records(b"a,b\r\n1,x\ry\r\n", lay(b"\r\n")) == [b"a,b\r\n", b"1,x\ry\r\n"]
    # CR-only files end at the CR; blank lines are not records
    assert split_records(b"a,b\r1,x\r\r2,y\r", lay(b"\r")) == [b"a,b\r", b"1,x\r", b"2,y\r"]
    # an unterminated quote runs to the end of the file
    assert split_records(b'1,"open\n2,b\n', lay()) == [b'1,"open\n2,b\n']
    # a backslash escape skips the next byte, a quote included
    assert split_records(b'1,"a\\"b\nc"\n2,d\n', lay(escape="\\")) == [b'1,"a\\"b\nc"\n', b"2,d\n"]


def test_reading_a_record_at_its_offset_across_chunks(monkeypatch):
    import compiler.ops.replay.layout as layout

    monkeypatch.setattr(layout, "CHUNK", 4)  # records longer than a chunk
    data = BOM + b'id,name\r\n1,"long\r\nvalue"\r\n2,b\r\n'
    fh = io.BytesIO(data)
    fl = layout_of(fh, '"', '"')
    assert (fl.bom, fl.terminator) == (BOM, b"\r\n")
    assert header_bytes(fh, fl) == b"id,name\r\n"
    offset = data.index(b"1,")
    assert read_record(fh, offset, fl) == b'1,"long\r\nvalue"\r\n'
    assert at_record_start(fh, offset, fl) and at_record_start(fh, len(BOM), fl)
    assert not at_record_start(fh, offset + 1, fl) and not at_record_start(fh, 0, fl)
