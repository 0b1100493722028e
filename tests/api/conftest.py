from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from thidua.orgs.models import User


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The world fixture creates eight accounts; PBKDF2 makes that ~2 s per test.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def api_client_for(user: User) -> APIClient:
    """A client logged in through the session, so each request loads the user afresh (the
    access funnel caches scope on the user object; a shared object would carry it over)."""
    client = APIClient()
    client.force_login(user)
    return client
