"""The browser tests' database: migrated, seeded, then a little more content than the seed gives.

Run once per session by conftest.py, in the server's own settings and database:
`python -m tests.e2e.prepare`. The seed pages are left exactly as the seed loader makes them; the
additions are a viewpoint and an interview with a hosted video (the seed has neither), and enough
generated pages for search results to run to a second page.
"""

import datetime
import io
import os

import django

# The generator's pages are word-for-word repeatable (fixed random seed), so each run sees the
# same site. Enough of them that a search for "leadership" runs past one page of ten.
GENERATED_PAGES = 30

VIEWPOINT_SLUG = "leading-beyond-organisational-boundaries"
INTERVIEW_SLUG = "leading-across-a-place"
YOUTUBE_ID = "dQw4w9WgXcQ"


IMAGE_ALT = "Six circles joined by lines, like partners in a network"


def add_image():
    """A picture drawn here (nothing downloaded), large enough for every rendition size."""
    from django.core.files.images import ImageFile
    from PIL import Image, ImageDraw

    from images.models import CustomImage

    picture = Image.new("RGB", (1600, 900), (13, 59, 76))
    draw = ImageDraw.Draw(picture)
    points = [(250, 200), (800, 150), (1350, 250), (1300, 700), (750, 780), (200, 650)]
    for i, start in enumerate(points):
        draw.line([start, points[(i + 2) % len(points)]], fill=(120, 170, 180), width=6)
    for x, y in points:
        draw.ellipse([x - 70, y - 70, x + 70, y + 70], fill=(255, 221, 0))
    data = io.BytesIO()
    picture.save(data, "JPEG", quality=85)
    return CustomImage.objects.create(
        title="Partners in a network", file=ImageFile(data, name="partners-network.jpg")
    )


def add_viewpoint(home):
    from focus_areas.models import FocusAreaPage
    from people.models import Person
    from viewpoints.models import ViewpointIndexPage, ViewpointPage

    index = ViewpointIndexPage.objects.child_of(home).get()
    if ViewpointPage.objects.filter(slug=VIEWPOINT_SLUG).exists():
        return
    image = add_image()
    page = ViewpointPage(
        title="Leading beyond organisational boundaries",
        slug=VIEWPOINT_SLUG,
        summary="Why the problems that matter most to local people cannot be solved by any one "
        "organisation, and what that asks of the people who lead them.",
        author=Person.objects.filter(name="Jon Glasby").first(),
        date=datetime.date(2024, 3, 14),
        listing_image=image,
        body=[
            {"type": "heading", "value": "No single organisation holds the answer"},
            {
                "type": "paragraph",
                "value": "<p>Hospital discharge, children's mental health and healthy ageing "
                "all depend on many organisations acting together. Leaders who can only pull "
                "the levers of their own organisation find those levers are not enough.</p>",
            },
            {"type": "heading", "value": "What systems leaders do differently"},
            {
                "type": "paragraph",
                "value": "<p>They build relationships before they need them, agree a shared "
                "purpose with partners, and hold themselves to account for outcomes that no "
                'one of them controls. <a href="/programmes/">Our programmes</a> help leaders '
                "practise exactly that.</p>",
            },
            # Loaded lazily, at the size shown, in the best format the browser takes.
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": IMAGE_ALT, "decorative": False},
            },
        ],
    )
    index.add_child(instance=page)
    page.focus_areas.set(FocusAreaPage.objects.filter(slug="development"))
    page.save_revision().publish()


def add_interview(home):
    from interviews.models import InterviewIndexPage, InterviewPage
    from people.models import Person

    index = InterviewIndexPage.objects.child_of(home).get()
    if InterviewPage.objects.filter(slug=INTERVIEW_SLUG).exists():
        return
    leader = Person.objects.filter(name="Sarah-Jane Marsh").first()
    page = InterviewPage(
        title="How do leaders work across a place?",
        slug=INTERVIEW_SLUG,
        summary="A chief executive on working with councils, schools and the voluntary sector "
        "for the children of one city.",
        leader=leader,
        question="How do leaders work across a place?",
        video_url=f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
        video_description="Leading with partners across a city for children and families",
        transcript=[
            {
                "type": "paragraph",
                "value": {
                    "start": "0:00",
                    "speaker": "Interviewer",
                    "text": "What does working across a place mean for a hospital leader?",
                },
            },
            {
                "type": "paragraph",
                "value": {
                    "start": "0:12",
                    "speaker": leader.name if leader else "Leader",
                    "text": "It means that the hospital is one partner among many. Most of "
                    "what keeps children well happens outside our walls, in schools, in homes "
                    "and in the community.",
                },
            },
            {
                "type": "paragraph",
                "value": {
                    "start": "1:05",
                    "speaker": "Interviewer",
                    "text": "Where do you start?",
                },
            },
            {
                "type": "paragraph",
                "value": {
                    "start": "1:09",
                    "speaker": leader.name if leader else "Leader",
                    "text": "With relationships, and with a purpose everyone can sign up to.",
                },
            },
        ],
    )
    index.add_child(instance=page)
    page.save_revision().publish()


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.e2e")
    django.setup()
    from django.core.management import call_command

    from core.models import HomePage
    from tests.e2e.editors import add_editor_and_draft

    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_seed_content", verbosity=0)
    home = HomePage.objects.get()
    add_viewpoint(home)
    add_interview(home)
    add_editor_and_draft(home)
    # Last, so that its single index update covers the pages above as well.
    call_command("generate_pages", pages=GENERATED_PAGES, verbosity=0)


if __name__ == "__main__":
    main()
