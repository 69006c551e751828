import pytest

from core.factories import ImageFactory


@pytest.fixture
def image(db):
    return ImageFactory(title="A meeting of leaders", file__width=1280, file__height=720)


@pytest.fixture
def public_site(home):
    """The default Site at its public address: absolute links come from it, not the request."""
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    site.hostname = "leadership.example.ac.uk"
    site.port = 443
    site.site_name = "Systems Leadership"
    site.save()
    return site


@pytest.fixture
def public_pages(
    home, focus_area_index, programme_index, interview_index, viewpoint_index, publication_index
):
    """One public page of every type that is the same for every visitor (all but the contact
    form, whose page carries each visitor's token)."""
    from core.factories import StandardPageFactory
    from focus_areas.factories import FocusAreaPageFactory
    from interviews.factories import InterviewPageFactory
    from programmes.factories import ProgrammePageFactory
    from publications.factories import PublicationPageFactory
    from viewpoints.factories import ViewpointPageFactory

    return [
        home,
        StandardPageFactory(parent=home),
        focus_area_index,
        FocusAreaPageFactory(parent=focus_area_index, title="Evaluation", slug="evaluation"),
        programme_index,
        ProgrammePageFactory(parent=programme_index),
        interview_index,
        InterviewPageFactory(parent=interview_index),
        viewpoint_index,
        ViewpointPageFactory(parent=viewpoint_index),
        publication_index,
        PublicationPageFactory(parent=publication_index),
    ]
