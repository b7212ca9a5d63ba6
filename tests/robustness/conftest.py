"""Robustness tests: contract fuzzing, property tests, faults, accessibility and security checks.

The account fixtures come from tests/dbtesting (cheap password hashing for the suite)."""

from tests.dbtesting import fast_password_hashing, postgres_url  # noqa: F401
