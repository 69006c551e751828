"""The bodies of full_data.py's pages: every block, every rich-text feature, a long transcript."""

LONG_NAME = "Professor Dame Philippa Wolstenholme-Featherstonehaugh"
# A long single word, as editors write them, that must wrap rather than push the page sideways.
LONG_WORD = "Deinstitutionalisation"
YOUTUBE_URL = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


def rich_paragraph(document, page):
    """A paragraph block using every rich-text feature the body allows."""
    return {
        "type": "paragraph",
        "value": (
            "<h3>What partners agreed first</h3>"
            f"<p>{LONG_WORD} of care starts with <b>shared purpose</b> and <i>trust</i>; "
            f'see <a linktype="page" id="{page.pk}">the focus area</a>, '
            f'<a linktype="document" id="{document.pk}">the evaluation report</a> and '
            '<a href="https://www.example.org/a/very/long/address/that/editors/paste/whole">'
            "https://www.example.org/a/very/long/address/that/editors/paste/whole</a>.</p>"
            "<h4>In practice</h4>"
            "<ul><li>Relationships before structures</li><li>Data shared across partners</li></ul>"
            "<ol><li>Agree the purpose</li><li>Name the outcomes</li><li>Review together</li></ol>"
        ),
    }


def every_block(image, document, page):
    """A body with each of BodyBlock's blocks, the call to action both ways."""
    from core.factories import paragraph

    return [
        {"type": "heading", "value": f"A heading about {LONG_WORD.lower()} across organisations"},
        rich_paragraph(document, page),
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "Rings on a teal ground", "decorative": False},
        },
        {"type": "image", "value": {"image": image.pk, "alt_text": "", "decorative": True}},
        {"type": "quote", "value": {"quote": paragraph(4), "attribution": LONG_NAME}},
        {
            "type": "call_to_action",
            "value": {
                "heading": "Join the next cohort of system leaders",
                "text": paragraph(2),
                "page": page.pk,
                "url": "",
                "link_text": "See the focus area",
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Read the national framework",
                "text": "",
                "page": None,
                "url": "https://www.example.org/framework",
                "link_text": "The framework, on the publisher's site",
            },
        },
        {
            "type": "video",
            "value": {"url": YOUTUBE_URL, "title": "Leaders on working across a place"},
        },
        {"type": "document", "value": {"document": document.pk, "link_text": ""}},
        {"type": "document", "value": {"document": document.pk, "link_text": "The full report"}},
    ]


def home_sections(home, image, focus, viewpoint_index):
    """Each of the home page's section blocks."""
    from core.factories import paragraph
    from programmes.models import ProgrammePage

    featured = [page.pk for page in ProgrammePage.objects.order_by("pk")[:3]]
    return [
        {
            "type": "featured_pages",
            "value": {
                "heading": "Programmes for leaders across health and social care",
                "introduction": paragraph(2),
                "pages": featured,
                "more_page": featured[0],
                "more_text": "See every programme",
            },
        },
        {
            "type": "latest_pages",
            "value": {
                "heading": "Latest viewpoints",
                "introduction": paragraph(1),
                "index": viewpoint_index.pk,
                "count": 3,
                "empty_text": "No viewpoints yet.",
                "more_text": "Every viewpoint",
            },
        },
        {
            "type": "call_to_action",
            "value": {
                "heading": "Talk to us about a programme for your system",
                "text": paragraph(1),
                "page": focus.pk,
                "url": "",
                "link_text": "How we work",
            },
        },
        {"type": "paragraph", "value": f"<p>{paragraph(3)}</p>"},
    ]
