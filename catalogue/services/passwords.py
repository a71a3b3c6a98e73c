"""The password rule: 12 to 128 characters, and none of 20,000 commonly used passwords."""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

from werkzeug.security import check_password_hash, generate_password_hash

from catalogue.config import Defaults

MIN_LENGTH = 12
MAX_LENGTH = 128
# Django's list (BSD-3-Clause, catalogue/data/common-passwords.LICENSE), shipped unchanged.
COMMON_PASSWORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "common-passwords.txt.gz"


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list of common passwords, lower-cased."""
    with gzip.open(COMMON_PASSWORDS_FILE, "rt", encoding="utf-8") as lines:
        return frozenset(line.strip().casefold() for line in lines if line.strip())


def password_problem(password: str) -> str | None:
    """Say what is wrong with a new password, or ``None`` when it may be used."""
    if len(password) < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters; a few words in a row are easy to remember."
    if len(password) > MAX_LENGTH:
        return f"Use at most {MAX_LENGTH} characters."
    if password.casefold() in common_passwords():
        return "This password is on a list of commonly used passwords; choose another one."
    return None


_hashing = {"method": Defaults.PASSWORD_HASH_METHOD}


def use_hash_method(method: str) -> None:
    """Hash new passwords with werkzeug's ``method`` (the app sets ``PASSWORD_HASH_METHOD``).

    The default is scrypt at werkzeug's cost; the tests use a smaller N: the same code path,
    a faster hash. A stored hash names its own method, so older hashes still verify.
    """
    _check_method(method)
    _hashing["method"] = method


@cache
def _check_method(method: str) -> None:
    """Fail at start-up on a method werkzeug does not know (one hash per method and process)."""
    generate_password_hash("", method=method)


def _hash_method() -> str:
    return _hashing["method"]


@cache
def _unusable_hash(method: str) -> str:
    """Compared against when no account has the address, so a wrong address costs the same."""
    return generate_password_hash("no account has this password", method=method)


def hash_password(password: str) -> str:
    """A salted, slow hash of the password (werkzeug's scrypt)."""
    return generate_password_hash(password, method=_hash_method())


def password_matches(stored_hash: str | None, password: str) -> bool:
    """Check a password against a stored hash; with no hash, spend the same time and say no."""
    if stored_hash is None:
        check_password_hash(_unusable_hash(_hash_method()), password)
        return False
    return check_password_hash(stored_hash, password)
