"""Referentially closed, deterministic samples of a legacy export (`chartshift sample`).

    sample(compiled, source_dir, out_dir, root="legacy.patients", count=200, seed=1)

1. **Root rows.**  Every well-formed root row gets a 64-bit hash of (seed, root table, its
   key); the `count` distinct keys with the smallest hashes are picked (bottom-k sampling:
   deterministic, independent of file order, and a larger count only adds rows).  `t` is
   the hash of the last picked key; `f = count / distinct root keys` the sampled share.
2. **Closure** over the spec's `references` (plus the equalities of map `join`s, which
   need the joined row just as much), to a fixed point of two rules:
   - *down*: a row is a **descendant** when one of its references points at a
     descendant row (the root rows picked are descendants): a patient's policies,
     cases and visits, the auths of those cases, the notes of those visits;
   - *up*: a row is **pulled in** when any selected row references it: the providers
     and payers they point to, and a child's other parents (a visit picked through its
     case brings the patient its `pat_no` names, and that patient's case's therapist).
     Parents pulled in do not bring their own children.
3. **Orphans.**  A reference whose value no well-formed row of the referenced table has
   (an orphan; blank is not a reference) cannot be reached by closure.  Such a row is a
   descendant when the hash of (seed, referenced table, value) is <= `t`: the same rule
   that picks root keys, applied to keys that do not exist.  So about the share `f` of
   the orphans comes along (all rows that point at the same missing key together), and
   the sample exercises the "unknown patient/visit" reject rules in proportion.
   Tables neither reachable from the root nor referenced by the rows selected (not
   connected to the root) get the same share of their rows, by the hash of their key.
4. **Malformed records** (wrong field count, bad quoting, undecodable bytes) are never
   sampled: they cannot be followed by key nor masked field by field.  The manifest
   (`sample.json`) counts them per table.

Files keep the source's format exactly: same name, encoding, byte-order mark, delimiter,
quote style, line endings and header; a sampled record is copied byte for byte (with
`--mask`, only the fields of `phi` columns are rewritten, quoted where the original field
was quoted).  Records keep their source order.

Counting: every table is read by a quote-aware line scan (a record ends at a line break
outside quotes); `records` is exact for RFC-4180 files and comes for free from the scan
that samples.  Memory: the key values of the tables that descendants reference (one
Python string each) and the sampled records.
"""

from compiler.ops.sample.graph import SampleError, default_root, reference_edges
from compiler.ops.sample.sampler import Sampler, SampleResult, sample

__all__ = ["SampleError", "SampleResult", "Sampler", "default_root", "reference_edges", "sample"]
