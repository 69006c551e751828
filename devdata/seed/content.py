"""The first edition of the site, word for word from the seed page (systems-leadership-page.txt).

Nothing here is invented. Where the seed page gives no video, transcript, document, date or
contact detail, the field stays empty and the page says so ("Video coming soon", "Embargoed").
"""

SITE_NAME = "Systems Leadership"

# ---------------------------------------------------------------------------
# Home page

DEFINITION = (
    "Systems Leadership is a practice, not a product. We define it as “the collaborative "
    "leadership of many people at different places in a system, in order to achieve a shared "
    "purpose.”"
)
SHIFTS = (
    "We recognise that, in comparison with traditional ways of understanding leadership, "
    "systems leadership “…involves shifts in mind-set, behaviour and leadership practice” for "
    "health and social care leaders. This is because leaders are applying the principles of "
    "systems thinking to the kinds of intractable, wicked issues they face in increasingly "
    "complex health and care systems."
)
HOME = {"title": SITE_NAME, "summary": DEFINITION, "paragraphs": [DEFINITION, SHIFTS]}

# ---------------------------------------------------------------------------
# Why systems leadership?

CLARITY_NEEDED = (
    "The Long-Term Plan is built on systems leadership, but this is not an uncontested concept "
    "and clarity is needed."
)
WHY = {
    "title": "Why systems leadership?",
    "slug": "why-systems-leadership",
    "summary": CLARITY_NEEDED,
    "paragraphs": [
        "As a collaborative partnership between key departments in the College of Social "
        "Sciences, the Centre for Health and Social Care Leadership is ideally placed to develop "
        "our understanding of what systems leadership means in health and social care, and the "
        "potential for this different way of thinking about leadership.",
        "Systems leadership is not a new concept in health and social care but it has become "
        "increasingly important since the publication of the Developing People-Improving Care "
        "Framework in 2018 which aimed, inter alia, to equip leaders to develop high quality "
        "local health and care systems in partnership, collaborating across organisational, "
        "professional and geographical boundaries to build relationships and achieve shared "
        "system goals. Discussion around the development of systems leadership has also "
        "acquired momentum in recent months because of the NHS Long-Term Plan and its emphasis "
        "on Integrated Care Systems (ICSs), whose precursors were the 44 Sustainability and "
        "Transformation Partnerships formed by collaboration between local councils and NHS "
        "organisations. ICSs will “…take collective responsibility for managing resources, "
        "delivering NHS standards, and improving the health of the population they serve”. "
        "ICSs will thereby, according to the guidance, enable better local delivery of "
        "joined-up services, improve working lives for staff who must collaborate across "
        "organisational and professional boundaries, and facilitate the sharing of data on "
        "which new models of care will be based.",
        CLARITY_NEEDED,
    ],
    "focus_lead": "In this context, our work at the Centre has three main areas of focus:",
}

# ---------------------------------------------------------------------------
# Focus areas: each description is the area's summary, shown wherever the area is listed.

FOCUS_AREA_INDEX = {
    "title": "Focus areas",
    "slug": "focus-areas",
    # The seed's own words, without "In this context," which needs the page around it.
    "summary": "Our work at the Centre has three main areas of focus.",
}
FOCUS_AREAS = [
    {
        "title": "Evaluation",
        "summary": "Exploring how Systems Leadership approaches are being adopted and the extent "
        "to which this is proving effective in changing the way health and care services are "
        "designed, commissioned and delivered.",
    },
    {
        "title": "Development",
        "summary": "Understanding the essential components of leadership development for "
        "collaborative leadership at all levels in complex systems of health and social care "
        "and designing interventions which incorporate these approaches.",
    },
    {
        "title": "Research",
        "summary": "Investigating the ways in which systems leadership in health and social "
        "care compares with systems leadership in other sectors – education, business, "
        "development – and with other approaches to leadership in the public sector.",
    },
]

# ---------------------------------------------------------------------------
# Programmes: `summary` is the seed's line as written; the other fields are read from it.
# Years: start on 1 January of the first, end on 31 December of the last ("2016/17" is
# 2016-2017); no years means in development. Focus areas only where the line makes it plain.

PROGRAMME_INTRO = "Leadership Programmes are designed on systems leadership principles:"
PROGRAMME_INDEX = {
    "title": "Leadership programmes",
    "slug": "programmes",
    "summary": "Leadership Programmes are designed on systems leadership principles.",
    "introduction": PROGRAMME_INTRO,
}
PROGRAMMES = [
    {
        "title": "The 21st Century Public Servant Leadership programme",
        "summary": "The 21st Century Public Servant Leadership programme for Aspiring Directors "
        "of Public Health (2017 -2020)",
        "years": (2017, 2020),
        "audience": "Aspiring Directors of Public Health",
    },
    {
        "title": "Leading D!fferently",
        "summary": "Leading D!fferently: a programme to develop systems leadership in 3 "
        "localities in Cornwall County Council (2018 – 2019)",
        "years": (2018, 2019),
        "partners": ["Cornwall County Council"],
        "place": "Cornwall",
        "focus_areas": ["development"],
    },
    {
        "title": "PHM support to core leadership teams",
        "summary": "PHM support to core leadership teams in 7 Midlands STPs in partnership with "
        "the Strategy Unit (2019 - )",
        "years": (2019, None),
        "partners": ["The Strategy Unit"],
        "place": "Midlands",
        "audience": "core leadership teams in 7 Midlands STPs",
    },
    {
        "title": "Systems Leadership modules for the Copenhagen healthcare region",
        "summary": "Systems Leadership modules for the Copenhagen healthcare region (2018 – 19)",
        "years": (2018, 2019),
        "place": "Copenhagen",
    },
    {
        "title": "Integrated Teams Pilot Programme",
        "summary": "Integrated Teams Pilot Programme 2016/17 for HEE in the West Midlands",
        "years": (2016, 2017),
        "partners": ["HEE"],
        "place": "West Midlands",
    },
    {
        "title": "Systems Leadership Masterclass series",
        "summary": "Systems Leadership Masterclass series 2016/17 for HEE in the West Midlands",
        "years": (2016, 2017),
        "partners": ["HEE"],
        "place": "West Midlands",
    },
    {
        "title": "Systems Leadership development programme",
        "summary": "Systems Leadership development programme for senior public sector leaders",
        "audience": "senior public sector leaders",
        "focus_areas": ["development"],
    },
    {
        "title": "Evaluation of the 21C ADPH programme",
        "summary": "Evaluation of the 21C ADPH programme",
        "focus_areas": ["evaluation"],
    },
]

# ---------------------------------------------------------------------------
# Learning from leaders: no video and no transcript are given, so none are set.

JON_GLASBY = {
    "name": "Jon Glasby",
    "honorific": "Professor",
    "role": "Head of School of Social Policy",
    "organisation": "University of Birmingham",
}
SARAH_JANE_MARSH = {
    "name": "Sarah-Jane Marsh",
    "role": "Chief Executive",
    "organisation": "Birmingham Children's Hospital NHS Foundation Trust",
}
HEALTH_AND_SOCIAL_CARE_QUESTION = (
    "What does leadership look like in a health and social care setting?"
)
PRIMARY_CARE_QUESTION = "What does leadership look like in a primary care setting?"

INTERVIEW_INDEX = {
    "title": "Learning from leaders",
    "slug": "learning-from-leaders",
    # The seed introduces the section by its two questions and nothing else.
    "summary": f"{HEALTH_AND_SOCIAL_CARE_QUESTION} {PRIMARY_CARE_QUESTION}",
}
INTERVIEWS = [
    {
        "title": HEALTH_AND_SOCIAL_CARE_QUESTION,
        "leader": JON_GLASBY,
        "summary": "Professor Jon Glasby, Head of School of Social Policy at the University of "
        "Birmingham, discusses the importance of health and social care leaders working across "
        "systems to deliver joined up services.",
        "video_description": "Prof Jon Glasby discusses the importance of health and social care "
        "leaders working across systems to deliver joined up services",
    },
    {
        "title": PRIMARY_CARE_QUESTION,
        "leader": SARAH_JANE_MARSH,
        "summary": "Sarah-Jane Marsh, Chief Executive at Birmingham Children's Hospital NHS "
        "Foundation Trust discusses her experience of leading in health and social care and "
        "the importance of systems leadership.",
        "video_description": "Sarah-Jane Marsh discusses her experience of leading in health and "
        "the importance of systems leadership",
    },
]

# ---------------------------------------------------------------------------
# Viewpoints: the section exists; the seed gives no viewpoints.

VIEWPOINTS_INTRO = "Discussion relating to system leadership"
VIEWPOINT_INDEX = {
    "title": "Systems leadership viewpoints",
    "slug": "viewpoints",
    "summary": VIEWPOINTS_INTRO,
    "introduction": VIEWPOINTS_INTRO,
}
NO_VIEWPOINTS = "No viewpoints have been published yet."

# ---------------------------------------------------------------------------
# Publications: no documents are given, so none are attached.

EMBARGOED_REPORT = "Report on the development of systems leadership for the NHS LA"
BRISTOL_EVALUATION = "Evaluation of the Bristol Mental Health Systems Leadership model"
PUBLICATION_INDEX = {
    "title": "Publications",
    "slug": "publications",
    "summary": f"{EMBARGOED_REPORT}. {BRISTOL_EVALUATION}.",
}
PUBLICATIONS = [
    {
        "title": EMBARGOED_REPORT,
        "summary": f"{EMBARGOED_REPORT} (embargoed)",
        "kind": "report",
        "embargoed": True,
    },
    {
        "title": BRISTOL_EVALUATION,
        "summary": f"{BRISTOL_EVALUATION} (K. Newbigging & B. Weir, 2017)",
        "kind": "evaluation",
        "year": 2017,
        "authors": ["K. Newbigging", "B. Weir"],
        "focus_areas": ["evaluation"],
    },
]

# ---------------------------------------------------------------------------
# Main menu: (page slug under the home page, label; empty means the page's title).

MAIN_MENU = [
    ("why-systems-leadership", ""),
    ("focus-areas", ""),
    ("programmes", "Programmes"),
    ("learning-from-leaders", ""),
    ("viewpoints", "Viewpoints"),
    ("publications", ""),
    ("contact", ""),
]
