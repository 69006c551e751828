"""A summary that only says the title again is not shown under it, nor on the page's cards."""

import pytest

from programmes.factories import ProgrammePageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("summary", "shown"),
    [
        ("Evaluation of the 21C ADPH programme", False),
        ("evaluation of the 21C ADPH programme.", False),
        ("A two-year evaluation of the 21C ADPH programme", True),
    ],
)
def test_the_summary_is_shown_only_when_it_says_more_than_the_title(
    client, programme_index, summary, shown
):
    page = ProgrammePageFactory(
        parent=programme_index, title="Evaluation of the 21C ADPH programme", summary=summary
    )

    html = client.get(page.url).content.decode()
    listing = client.get(programme_index.url).content.decode()

    assert ('class="lead"' in html) is shown
    assert (f'<p class="card__summary">{summary}</p>' in listing) is shown
    assert page.title in listing
