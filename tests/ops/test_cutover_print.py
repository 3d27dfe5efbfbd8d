"""The `plan` verdict reads as a sentence (issue 20)."""

from types import SimpleNamespace

from compiler.ops.cutover_print import verdict_sentence


def plan_like(window_h: float, high_h: float) -> SimpleNamespace:
    w = window_h * 3600
    h = high_h * 3600
    return SimpleNamespace(fits=h <= w, margin=w - h, window=SimpleNamespace(seconds=w))


def test_fits_says_how_much_is_spare():
    assert verdict_sentence(plan_like(60, 19)).startswith("fits the window with 41.0 h to spare (68.3% of the window")


def test_does_not_fit_says_how_much_more_is_needed():
    assert verdict_sentence(plan_like(60, 69)).startswith("does not fit: needs 9.0 h more (15.0% of the window")


def test_a_zero_window_has_no_share():
    assert "the whole window" in verdict_sentence(plan_like(0, 1))
