import pytest


@pytest.fixture
def api(client):
    """GET an API address; return (status, parsed JSON)."""

    def get(path, **params):
        response = client.get(path, params)
        assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
        return response.status_code, response.json()

    return get


@pytest.fixture
def listed(api):
    """The ids an API listing returns (every page of it)."""

    def ids(path, **params):
        status, data = api(path, limit=20, **params)
        assert status == 200, data
        assert data["meta"]["total_count"] <= 20, "the test expects one page of results"
        return {item["id"] for item in data["items"]}

    return ids
