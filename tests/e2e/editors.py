"""An editor's login, a draft with a skipped heading level (the userbar's browser test) and a draft
publication (the Checks panel's)."""

EDITOR_USERNAME = "e2e-editor"
EDITOR_PASSWORD = "a long e2e editor password"
DRAFT_SLUG = "draft-with-a-skipped-heading"
SKIPPED_HEADING = "A heading two levels down"
DRAFT_PUBLICATION_TITLE = "A draft publication for the checks panel"


def add_editor_and_draft(home):
    from django.contrib.auth import get_user_model

    from core.models import StandardPage

    User = get_user_model()
    if not User.objects.filter(username=EDITOR_USERNAME).exists():
        User.objects.create_superuser(EDITOR_USERNAME, "e2e-editor@example.ac.uk", EDITOR_PASSWORD)
    add_draft_publication()
    if StandardPage.objects.filter(slug=DRAFT_SLUG).exists():
        return
    # Never published, so no visitor's page, listing or search result changes.
    page = StandardPage(
        title="A draft with a skipped heading",
        slug=DRAFT_SLUG,
        live=False,
        summary="A draft that jumps from a second-level heading to a fourth.",
        body=[
            {"type": "heading", "value": "A section"},
            {"type": "paragraph", "value": f"<h4>{SKIPPED_HEADING}</h4><p>Some words.</p>"},
        ],
    )
    home.add_child(instance=page)
    page.save_revision()


def add_draft_publication():
    from publications.models import PublicationIndexPage, PublicationPage

    if PublicationPage.objects.filter(title=DRAFT_PUBLICATION_TITLE).exists():
        return
    page = PublicationPage(
        title=DRAFT_PUBLICATION_TITLE,
        slug="draft-publication-for-the-checks-panel",
        live=False,
        kind=PublicationPage._meta.get_field("kind").choices[0][0],
        summary="A summary, so that the draft starts with nothing missing.",
    )
    PublicationIndexPage.objects.get().add_child(instance=page)
    page.save_revision()
