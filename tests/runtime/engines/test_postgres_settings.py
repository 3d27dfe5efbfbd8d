"""The PostgreSQL run's transaction gets its own settings (work_mem), and only it."""

from __future__ import annotations

from compiler.runtime.engines.postgres import RUN_SETTINGS, PostgresEngine


def test_run_settings_are_local_to_the_run(pg_url):
    engine = PostgresEngine.open(pg_url)
    try:
        before = engine.query("SHOW work_mem")[0][0]
        engine.commit()
        engine.begin()
        assert engine.query("SHOW work_mem")[0][0] == RUN_SETTINGS["work_mem"]
        engine.rollback()
        assert engine.query("SHOW work_mem")[0][0] == before
    finally:
        engine.close()
