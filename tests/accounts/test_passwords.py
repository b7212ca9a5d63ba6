"""Password storage and policy (OWASP ASVS v4 §2.1 and §2.4)."""

from argon2 import Type

from gehecht.accounts import passwords


def test_it_hashes_with_argon2id_at_production_strength():
    hasher = passwords.DEFAULT_HASHER
    assert hasher.type is Type.ID
    assert hasher.memory_cost >= 19 * 1024 and hasher.time_cost >= 2
    stored = hasher.hash("een lange zin als wachtwoord")
    assert stored.startswith("$argon2id$")
    assert "een lange zin" not in stored


def test_it_salts_every_hash():
    assert passwords.hash_password("een lange zin als wachtwoord") != passwords.hash_password("een lange zin als wachtwoord")


def test_it_verifies_only_the_right_password():
    stored = passwords.hash_password("een lange zin als wachtwoord")
    assert passwords.verify_password(stored, "een lange zin als wachtwoord")
    assert not passwords.verify_password(stored, "een lange zin als wachtwoorD")
    assert not passwords.verify_password("not a hash", "whatever")


def test_it_asks_to_rehash_a_weaker_hash():
    weak = passwords.hasher.hash("x")
    assert passwords.DEFAULT_HASHER.check_needs_rehash(weak)


def test_it_wants_at_least_twelve_characters_and_no_more_than_128():
    assert passwords.password_problems("kort wachtw")
    assert not passwords.password_problems("twaalf tkens")
    assert not passwords.password_problems("één zin " * 16)
    assert passwords.password_problems("x" * 129 + "y")


def test_it_allows_any_characters_without_composition_rules():
    assert not passwords.password_problems("alleen kleine letters hier")
    assert not passwords.password_problems("😀 emoji en spaties 🌳")


def test_it_refuses_common_and_trivial_passwords():
    assert passwords.password_problems("wachtwoord123")
    assert passwords.password_problems("aaaaaaaaaaaaaaaa")
    assert passwords.password_problems("Welkom123456")


def test_it_refuses_the_user_name_as_password():
    assert passwords.password_problems("anna.devries1", "anna.devries1")


def test_it_never_raises_on_a_corrupt_stored_hash():
    assert not passwords.verify_password("$argon2id$garbage", "x")
    assert passwords.needs_rehash("$argon2id$garbage")
