"""Pseudonymise the `phi` columns of a sample (`chartshift sample --mask`).

Every value is rewritten by a keyed function of the value (HMAC-SHA256 under a secret
256-bit key): the same key and input give the same output in every table and every
run; without the key the mapping cannot be reversed or recomputed.  The key comes from
`--key-file FILE` (mode 0600 or stricter; `chartshift keygen --out FILE` writes one) or
CHARTSHIFT_MASK_KEY (64 hex digits).

Rules, per column (first match wins; the name is matched lower-cased):

| rule  | when                                                   | becomes |
|-------|--------------------------------------------------------|---------|
| key   | the column is a key or a reference linked (through `references` or map joins) to any `phi` column | same-shape substitute: a keyed permutation of the values of that shape (digits to digits, letters to letters, case and punctuation kept), so keys stay unique and references still join |
| ssn   | name contains `ssn`                                    | a never-issued SSN (area 900-999), same punctuation |
| email | name contains `email` or `mail`                        | local part same-shape, domain `example.org` |
| phone | name contains `phone`, `fax`, `mobile`, or the word `cell`/`tel` | area code keyed (2xx-9xx), exchange 555, line 01xx; extension digits keyed; punctuation kept |
| zip   | name contains `zip`, `postal` or `postcode`            | first three ZIP digits kept, the rest zeros (`02134-1234` -> `02100-0000`; `2134`, a ZIP that lost its leading zero, -> `2100`) |
| date  | name contains `date`, `dob`, `birth`, or the word `dos`/`dt` | shifted by the row's patient offset (1-365 days either way), written in the value's own format; a value no format reads is scrambled (digits and letters replaced) until no format reads it, so it is rejected as before |
| name  | name contains `name`                                   | a fake name per word from built-in lists (first names when the column name has `first`, `given` or `middle`), keeping upper/lower/title case and surrounding spaces |
| text  | name contains `note`, `text`, `comment`, `memo`, `narrative`, `remark`, or the word `body` | `[redacted N chars]` |
| shape | any other `phi` column (addresses, cities, member ids, ICD codes, ...) | same-shape substitute (as `key`) |

Kept as they are: blank values, and values equal to a text literal without letters in the
spec's maps, lookups or checks (`"00/00/0000"`, `"0000"`: sentinels the rules test for).
See docs/SAMPLING.md for the reasoning and what the tests check.

Date offsets are per patient: HMAC of the root row's identity.  The identity is the root
key, except when the root's map deduplicates (`dedup on (...)`): then it is the dedup
key's non-date source columns, trimmed and upper-cased (for the demo: last and first
name), so that two rows the migration merges keep equal birth dates after the shift.
Rows of other tables take the offset of the root row their references lead to.

Date formats are those of every `parse_date`/`parse_timestamp` of the spec plus common
ones (see DEFAULT_FORMATS).
"""

from compiler.ops.mask.columns import rule_for_name
from compiler.ops.mask.kinds import FIRST_NAMES, LAST_NAMES
from compiler.ops.mask.masker import MASK_KEY_ENV, Masker, load_mask_key, masker_for

__all__ = ["Masker", "load_mask_key", "masker_for", "rule_for_name", "MASK_KEY_ENV", "FIRST_NAMES", "LAST_NAMES"]
