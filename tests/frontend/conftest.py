import pytest

from core.factories import ImageFactory


@pytest.fixture
def image(db):
    return ImageFactory(title="A meeting of leaders", file__width=1280, file__height=720)
