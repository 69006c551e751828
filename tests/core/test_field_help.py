"""Every field staff fill in the admin says what it is for: on the field, or on its panel."""

import pytest
from django.apps import apps
from wagtail.admin.panels import FieldPanel, InlinePanel, PanelGroup, get_edit_handler
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.models import Page

OUR_APPS = {"core", "focus_areas", "programmes", "interviews", "viewpoints", "publications"}
OUR_APPS |= {"people", "contact"}
# Wagtail's own page fields (title, slug, schedule, comments) come with Wagtail's help.
WAGTAILS_OWN = {field.name for field in Page._meta.get_fields()}


def field_panels(panel, model):
    """(model, field name, panel help) for every field panel in `panel`, inline ones included."""
    if isinstance(panel, InlinePanel):
        yield from field_panels(panel.child_edit_handler, panel.db_field.related_model)
    elif isinstance(panel, PanelGroup):
        for child in panel.children:
            yield from field_panels(child, model)
    elif isinstance(panel, FieldPanel):
        yield model, panel.field_name, panel.help_text


def edited_models():
    for model in apps.get_models():
        edited = any(hasattr(model, name) for name in ("panels", "content_panels"))
        if model._meta.app_label in OUR_APPS and edited:
            yield model


def fields_without_help():
    missing = []
    for model in edited_models():
        handler = model.get_edit_handler() if issubclass(model, Page) else get_edit_handler(model)
        form_fields = handler.get_form_class().base_fields
        for owner, name, panel_help in field_panels(handler, model):
            if owner is model and name in WAGTAILS_OWN and issubclass(model, Page):
                continue
            field_help = getattr(owner._meta.get_field(name), "help_text", "")
            if owner is model:
                field_help = field_help or getattr(form_fields.get(name), "help_text", "")
            if not (panel_help or field_help):
                missing.append(f"{owner.__name__}.{name}")
    return missing


def test_the_check_sees_every_page_type_snippet_and_setting():
    names = {model.__name__ for model in edited_models()}
    assert {"ProgrammePage", "PublicationPage", "Person", "Partner", "SiteSettings"} <= names


@pytest.mark.django_db
def test_every_field_editors_fill_has_help():
    assert fields_without_help() == []


def test_the_image_form_says_the_description_is_the_alt_text():
    fields = get_image_form(get_image_model()).base_fields

    assert "alt text" in fields["description"].help_text
    assert fields["title"].help_text
    assert "Photo:" in fields["credit"].help_text
