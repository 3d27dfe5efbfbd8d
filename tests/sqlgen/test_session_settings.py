"""A dialect record's `session_settings` open the setup script, so the run's statements
(and anyone running generated/<spec>/<dialect>/*.sql by hand) see them; MariaDB's
derived_merge=off materialises each work-table layer instead of merging it into the next."""

from __future__ import annotations

import pytest

from compiler.dialects import RUNNABLE, RUNNABLE_NAMES
from compiler.pipeline import load, render_all
from tests.conftest import ROOT

SPEC = ROOT / "specs" / "two_systems.mig"


@pytest.mark.parametrize("d", RUNNABLE, ids=RUNNABLE_NAMES)
def test_the_setup_script_starts_with_the_records_session_settings(d, monkeypatch):
    monkeypatch.chdir(ROOT)
    setup = render_all(load(SPEC.relative_to(ROOT)), d.name)["00_setup.sql"]
    statements = [s.strip() for s in setup.split(";") if "CREATE" in s or "SET" in s]
    q = d.identifiers.quote
    expected = [f"SET SESSION {q}{name}{q} = '{value}'" for name, value in d.session_settings]
    got = [s.splitlines()[-1] for s in statements[: len(expected)]]
    assert got == expected
    assert ("SET SESSION" in setup) == bool(d.session_settings)


def test_mariadb_materialises_work_table_layers():
    by_name = dict(zip(RUNNABLE_NAMES, RUNNABLE, strict=True))
    assert ("optimizer_switch", "derived_merge=off") in by_name["mysql"].session_settings
