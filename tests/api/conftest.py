from __future__ import annotations

from rest_framework.test import APIClient

from thidua.orgs.models import User


def api_client_for(user: User) -> APIClient:
    """A client logged in through the session, so each request loads the user afresh (the
    access funnel caches scope on the user object; a shared object would carry it over)."""
    client = APIClient()
    client.force_login(user)
    return client
