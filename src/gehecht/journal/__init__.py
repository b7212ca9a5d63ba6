"""The Circle of Security journal: observations, patterns, sharing; over accounts and db."""
