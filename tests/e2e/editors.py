"""An editor's login and a draft with a skipped heading level, for the userbar's browser test."""

EDITOR_USERNAME = "e2e-editor"
EDITOR_PASSWORD = "a long e2e editor password"
DRAFT_SLUG = "draft-with-a-skipped-heading"
SKIPPED_HEADING = "A heading two levels down"


def add_editor_and_draft(home):
    from django.contrib.auth import get_user_model

    from core.models import StandardPage

    User = get_user_model()
    if not User.objects.filter(username=EDITOR_USERNAME).exists():
        User.objects.create_superuser(EDITOR_USERNAME, "e2e-editor@example.ac.uk", EDITOR_PASSWORD)
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
