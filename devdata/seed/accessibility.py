"""The accessibility statement at /accessibility/, in the shape of GOV.UK's sample statement.

Unlike the rest of the seed it is not taken from the seed page: it is the site's own account of
how it was built and checked, and says only what the project's tests show. It names no person,
telephone number, email address or date (the page itself shows the day it was last published);
problems are reported through the contact form, linked to the seeded contact page. Created once
and then left to editors, like every seeded page.
"""

from django.utils.html import escape

from core.models import StandardPage
from devdata.seed import content

SLUG = "accessibility"
TITLE = "Accessibility statement"
ORGANISATION = "the Centre for Health and Social Care Leadership"
REGULATIONS = (
    "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018"
)
REGULATIONS_URL = "https://www.legislation.gov.uk/uksi/2018/952/contents/made"
WCAG_URL = "https://www.w3.org/TR/WCAG22/"
EASS_URL = "https://www.equalityadvisoryservice.com/"
ECNI_URL = "https://www.equalityni.org/Home"

# The section headings, in order: tests check the page holds each of them.
HEADINGS = [
    "How accessible this website is",
    "What to do if you cannot use parts of this website",
    "Reporting accessibility problems with this website",
    "Enforcement procedure",
    "Technical information about this website's accessibility",
    "Compliance status",
    "Content that is not accessible",
    "What we have tested, and how",
    "What we have not tested",
    "Preparation of this accessibility statement",
]


def link(url, text):
    return f'<a href="{escape(url)}">{escape(text)}</a>'


def items(texts):
    return "<ul>" + "".join(f"<li>{text}</li>" for text in texts) + "</ul>"


def sections(contact_link):
    """(heading, HTML) for each section; `contact_link` is the rich-text link to the form."""
    return [
        (
            None,
            f"<p>This statement applies to the {escape(content.SITE_NAME)} website of "
            f"{ORGANISATION}.</p>"
            f"<p>This website is run by {ORGANISATION}. We want as many people as possible to "
            "be able to use it. For example, you should be able to:</p>"
            + items(
                [
                    "zoom in up to 400% without the text spilling off the screen, and read every "
                    "page on a screen 320 pixels wide without scrolling sideways",
                    "move through every page, the menu, search, filters and the contact form "
                    "using just a keyboard, and see where you are on the page as you go",
                    "skip past the menu to the main content of each page",
                    "use every page, search, filter and form with JavaScript turned off",
                    "read the transcript of a video on its page, where one has been published",
                    "print a programme, viewpoint or publication and get its content alone, in "
                    "black on white",
                ]
            ),
        ),
        (
            HEADINGS[0],
            "<p>We know some parts of this website may not be fully accessible:</p>"
            + items(
                [
                    "pictures that editors add may lack a text description",
                    "documents you can download, such as reports in PDF, may not be accessible "
                    "to screen reading software",
                    "videos play in YouTube's or Vimeo's own player, whose captions and controls "
                    "we do not control, and not every video has a transcript yet",
                ]
            )
            + "<p>This website has not yet been tested by disabled people using screen readers "
            "or other assistive technology, and has not had an independent accessibility "
            "audit. The section on what we have not tested says more.</p>",
        ),
        (
            HEADINGS[1],
            "<p>If you need information on this website in a different format, such as "
            "accessible PDF, large print, easy read, audio recording or braille, or the text of "
            f"a video that has no transcript, ask us through the {contact_link}. Say what you "
            "need and which page it is on.</p>",
        ),
        (
            HEADINGS[2],
            "<p>We are always looking to improve the accessibility of this website. If you find "
            "any problems not listed on this page, or think we are not meeting accessibility "
            f"requirements, tell us through the {contact_link}.</p>",
        ),
        (
            HEADINGS[3],
            "<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the "
            f"{link(REGULATIONS_URL, REGULATIONS)} (the \u2018accessibility regulations\u2019) "
            "in England, Scotland and Wales. If you are not happy with how we respond to your "
            "complaint, contact the "
            f"{link(EASS_URL, 'Equality Advisory and Support Service (EASS)')}.</p>"
            "<p>If you are in Northern Ireland and are not happy with how we respond to your "
            "complaint, you can contact the "
            f"{link(ECNI_URL, 'Equality Commission for Northern Ireland')}, who are "
            "responsible for enforcing the accessibility regulations in Northern Ireland.</p>",
        ),
        (
            HEADINGS[4],
            f"<p>{ORGANISATION[0].upper()}{ORGANISATION[1:]} is committed to making its website "
            "accessible, in accordance with the accessibility regulations.</p>",
        ),
        (
            HEADINGS[5],
            "<p>This website is partially compliant with the "
            f"{link(WCAG_URL, 'Web Content Accessibility Guidelines version 2.2')} AA standard, "
            "due to the content listed below that may not be accessible, and because it has "
            "not yet been tested by disabled people or audited independently.</p>",
        ),
        (
            HEADINGS[6],
            "<p>The content listed below is non-accessible for the following reasons.</p>"
            + items(
                [
                    "Editors can add a picture without a text description, so someone who "
                    "cannot see it misses what it shows (WCAG 2.2 success criterion 1.1.1, "
                    "non-text content). We ask editors to describe every picture that is not "
                    "decoration.",
                    "Documents to download are made outside this website and may not meet "
                    "WCAG 2.2 (for example success criteria 1.3.1, info and relationships, and "
                    "4.1.2, name, role, value). Ask us for a document in another format through "
                    f"the {contact_link}.",
                    "Videos are played by YouTube or Vimeo only when you choose to play them. "
                    "Their players are not part of this website and we have not tested them. "
                    "A video without captions or a transcript fails WCAG 2.2 success criterion "
                    "1.2.2, captions (prerecorded).",
                ]
            ),
        ),
        (
            HEADINGS[7],
            "<p>The website's own automated tests check:</p>"
            + items(
                [
                    "every type of page, and the states of its forms, with axe-core (an "
                    "automated accessibility checker) against the WCAG 2.2 A and AA rules it "
                    "covers, in the Chromium browser at a width of 1280 pixels and at 320 "
                    "pixels",
                    "that no page scrolls sideways at 320 pixels wide",
                    "the main journeys with the keyboard alone: skipping to the content, "
                    "opening the menu on a small screen, searching and paging through results, "
                    "filtering programmes, and sending the contact form after correcting an "
                    "error",
                    "that every control the keyboard reaches shows clearly that it has focus",
                    "that pages, search, filters and the contact form work without JavaScript",
                    "that printed programmes, viewpoints and publications show their content "
                    "alone, in black on white",
                ]
            ),
        ),
        (
            HEADINGS[8],
            "<p>Automated checks find only some accessibility problems. This website has not "
            "been tested with screen readers, such as JAWS, NVDA or VoiceOver, by disabled "
            "people, or with speech recognition software, and it has not had an independent "
            "accessibility audit. Until it has, we do not claim that it is fully "
            "accessible.</p>",
        ),
        (
            HEADINGS[9],
            "<p>This statement was prepared when this website was first published, from the "
            "results of the tests described above. It is reviewed whenever the website "
            "changes in a way that could affect its accessibility. The date it was last "
            "updated is shown below.</p>",
        ),
    ]


def accessibility_body(contact):
    """The statement as StreamField data; links to `contact` (the form) when there is one."""
    if contact is not None:
        contact_link = f'<a linktype="page" id="{contact.pk}">contact form</a>'
    else:
        contact_link = "contact form"
    body = []
    for heading, html in sections(contact_link):
        if heading:
            body.append({"type": "heading", "value": heading})
        body.append({"type": "paragraph", "value": html})
    return body


def build_accessibility(contact):
    return StandardPage(
        title=TITLE,
        summary="How accessible this website is, what has and has not been tested, and how "
        "to report a problem.",
        body=accessibility_body(contact),
    )
