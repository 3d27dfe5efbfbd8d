"""`chartshift reconcile`: re-derive the expected target from the source and compare it,
row by row, with the live target (compare.py: the three levels; derive.py: the expected
target and the tables compared; output.py: the report, JSON and terminal)."""
