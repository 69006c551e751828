import pytest

STAFF_PASSWORD = "a long staff password"


@pytest.fixture
def staff(db, django_user_model):
    """A superuser who signs in at /admin/login/ with STAFF_PASSWORD."""
    return django_user_model.objects.create_superuser(
        username="ada", email="ada@example.ac.uk", password=STAFF_PASSWORD
    )


@pytest.fixture
def sign_in(client):
    """Posts the admin's sign-in form from an address (192.0.2.10 unless told)."""

    def post(username, password, address="192.0.2.10", **meta):
        return client.post(
            "/admin/login/",
            {"username": username, "password": password, "next": "/admin/"},
            REMOTE_ADDR=address,
            **meta,
        )

    return post
