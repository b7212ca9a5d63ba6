"""Gehecht: a private handbook and guide on attachment (gehechtheid) for parents, teachers and professionals."""

__version__ = "0.1.0"
