"""Password hashing (argon2id, argon2-cffi's RFC 9106 low-memory profile) and the password policy
of OWASP ASVS v4 §2.1: at least 12 characters, at most 128, any characters, no composition rules,
not a common password and not the user name."""

from __future__ import annotations

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError

MIN_LENGTH = 12
MAX_LENGTH = 128

# argon2id, t=3, m=64 MiB, p=4 (RFC 9106's second recommendation; above OWASP's minimum of
# m=19 MiB, t=2). Tests swap in a cheaper `hasher`; production always uses DEFAULT_HASHER.
DEFAULT_HASHER = PasswordHasher(time_cost=3, memory_cost=65536, parallelism=4, hash_len=32, salt_len=16,
                                type=Type.ID)
hasher = DEFAULT_HASHER

# A short list of the passwords people pick most (Dutch and international lists). Anything of
# 12+ characters that is on it, or is one character repeated, is refused.
COMMON_PASSWORDS = frozenset("""
123456789012 1234567890123 12345678901234 123456789abc qwertyuiop12 qwertyuiopas
wachtwoord12 wachtwoord123 wachtwoord1234 welkom123456 welkomwelkom password1234
password12345 passwordpassword iloveyou1234 voetbal12345 zomer2024zomer ajaxajaxajax
geheimgeheim abcdefghijkl abcdefghijkl1 aaaaaaaaaaaa 111111111111 000000000000
000000000000 123123123123 qwerty123456 azerty123456 azertyuiop12 letmein12345 monkey123456
dragon123456 sunshine1234 princess1234 football1234 welcome12345 changeme1234 administrator
wachtwoord!! gehechtheid1 gehecht12345 1q2w3e4r5t6y 1qaz2wsx3edc zaq12wsxcde3 trustno11234
""".split())


def hash_password(password: str) -> str:
    return hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """True when the hash was made with weaker settings than today's (upgraded at the next log-in)."""
    try:
        return hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


# Verified against when the account does not exist, so a wrong user name costs as much time as a
# wrong password (no user enumeration through timing).
_dummy_hash: str | None = None


def burn_time(password: str) -> None:
    global _dummy_hash
    if _dummy_hash is None or needs_rehash(_dummy_hash):
        _dummy_hash = hasher.hash("dummy password for timing")
    verify_password(_dummy_hash, password)


def password_problems(password: str, username: str = "") -> list[str]:
    """What is wrong with a new password, in plain Dutch; empty when it is acceptable."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(f"Kies een wachtwoord van minstens {MIN_LENGTH} tekens. "
                        "Een zin van een paar woorden werkt goed.")
    if len(password) > MAX_LENGTH:
        problems.append(f"Een wachtwoord mag hoogstens {MAX_LENGTH} tekens lang zijn.")
    lowered = password.lower()
    if lowered in COMMON_PASSWORDS or (password and len(set(password)) == 1):
        problems.append("Dit wachtwoord wordt heel vaak gebruikt en is makkelijk te raden. Kies een ander.")
    if username and lowered.strip() == username.lower():
        problems.append("Uw wachtwoord mag niet hetzelfde zijn als uw gebruikersnaam.")
    return problems
