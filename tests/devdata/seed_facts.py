"""The seed page's facts, each where it belongs on the site, and the text a visitor reads."""

import re
from html.parser import HTMLParser
from pathlib import Path

import devdata.seed

SEED_TEXT = (Path(devdata.seed.__file__).parent / "systems-leadership-page.txt").read_text()


def normalise(text):
    return " ".join(text.split())


def seed_line(opening):
    """The one line of the seed page that opens with these words, without its list marker."""
    lines = [re.sub(r"^(\d+\.|•)\s*", "", normalise(line)) for line in SEED_TEXT.splitlines()]
    found = [line for line in lines if line.startswith(opening)]
    assert len(found) == 1, f"{opening!r} opens {len(found)} lines of the seed page"
    return found[0]


H, WHY, FA, PR = "/", "/why-systems-leadership/", "/focus-areas/", "/programmes/"
LFL, VP, PUB, CONTACT = "/learning-from-leaders/", "/viewpoints/", "/publications/", "/contact/"
SEARCH = "/search/?q=qzxwvkj"
EVAL, DEV, RES = FA + "evaluation/", FA + "development/", FA + "research/"
P21 = PR + "the-21st-century-public-servant-leadership-programme/"
PLD = PR + "leading-dfferently/"
PPHM = PR + "phm-support-to-core-leadership-teams/"
PCPH = PR + "systems-leadership-modules-for-the-copenhagen-healthcare-region/"
PITP = PR + "integrated-teams-pilot-programme/"
PMC = PR + "systems-leadership-masterclass-series/"
PDEV = PR + "systems-leadership-development-programme/"
PEVAL = PR + "evaluation-of-the-21c-adph-programme/"
IGL = LFL + "what-does-leadership-look-like-in-a-health-and-social-care-setting/"
IMARSH = LFL + "what-does-leadership-look-like-in-a-primary-care-setting/"
PREP = PUB + "report-on-the-development-of-systems-leadership-for-the-nhs-la/"
PBRI = PUB + "evaluation-of-the-bristol-mental-health-systems-leadership-model/"
EVERY_PAGE = [H, WHY, FA, EVAL, DEV, RES, PR, P21, PLD, PPHM, PCPH, PITP, PMC, PDEV, PEVAL]
EVERY_PAGE += [LFL, IGL, IMARSH, VP, PUB, PREP, PBRI, CONTACT]
# Pages that contact/seed.py adds with the contact page: the privacy notice its form links to.
CONTACT_SEED_PAGES = ["/privacy/"]
# The site's own statement about itself, which the seed page does not give.
ACCESSIBILITY = "/accessibility/"
SITE_PAGES = [ACCESSIBILITY]
PAGE_COUNT = len(EVERY_PAGE + CONTACT_SEED_PAGES + SITE_PAGES)

Q1 = "What does leadership look like in a health and social care setting?"
Q2 = "What does leadership look like in a primary care setting?"
CLARITY = seed_line("The Long-Term Plan is built")
AREAS = {name: seed_line(f"{name}:").removeprefix(f"{name}: ") for name in
         ("Evaluation", "Development", "Research")}  # fmt: skip
# (page, title, the seed's line as written)
PROGRAMMES = [
    (P21, "The 21st Century Public Servant Leadership programme", seed_line("The 21st Century")),
    (PLD, "Leading D!fferently", seed_line("Leading D!fferently")),
    (PPHM, "PHM support to core leadership teams", seed_line("PHM support")),
    (PCPH, "Systems Leadership modules for the Copenhagen healthcare region",
     seed_line("Systems Leadership modules")),
    (PITP, "Integrated Teams Pilot Programme", seed_line("Integrated Teams")),
    (PMC, "Systems Leadership Masterclass series", seed_line("Systems Leadership Masterclass")),
    (PDEV, "Systems Leadership development programme", seed_line("Systems Leadership development")),
    (PEVAL, "Evaluation of the 21C ADPH programme", seed_line("Evaluation of the 21C")),
]  # fmt: skip
REPORT = "Report on the development of systems leadership for the NHS LA"
BRISTOL = "Evaluation of the Bristol Mental Health Systems Leadership model"

# The seed page's own words, each on the page where it belongs.
# fmt: off
SEED_FACTS = {
    H: [
        "Systems Leadership", "Systems Leadership is a practice, not a product.",
        "We define it as “the collaborative leadership of many people at different places in a "
        "system, in order to achieve a shared purpose.”",
        "We recognise that, in comparison with traditional ways of understanding leadership, "
        "systems leadership “…involves shifts in mind-set, behaviour and leadership practice” "
        "for health and social care leaders.",
        "This is because leaders are applying the principles of systems thinking to the kinds of "
        "intractable, wicked issues they face in increasingly complex health and care systems.",
        "Learning from leaders", Q1, Q2, "Why systems leadership?", CLARITY, *AREAS,
        seed_line("Leadership Programmes are"), *(title for _, title, _ in PROGRAMMES),
        "Systems leadership viewpoints", "Discussion relating to system leadership",
        REPORT, BRISTOL, "Contact us",
    ],
    WHY: [
        "Why systems leadership?", seed_line("As a collaborative partnership"),
        # The long paragraph, sentence by sentence: the framework, the plan, ICSs, the 44 STPs.
        "Systems leadership is not a new concept in health and social care but it has become "
        "increasingly important since the publication of the Developing People-Improving Care "
        "Framework in 2018 which aimed, inter alia, to equip leaders to develop high quality local "
        "health and care systems in partnership, collaborating across organisational, "
        "professional and geographical boundaries to build relationships and achieve shared "
        "system goals.",
        "Discussion around the development of systems leadership has also acquired momentum in "
        "recent months because of the NHS Long-Term Plan and its emphasis on Integrated Care "
        "Systems (ICSs), whose precursors were the 44 Sustainability and Transformation "
        "Partnerships formed by collaboration between local councils and NHS organisations.",
        "ICSs will “…take collective responsibility for managing resources, delivering NHS "
        "standards, and improving the health of the population they serve”.",
        "ICSs will thereby, according to the guidance, enable better local delivery of joined-up "
        "services, improve working lives for staff who must collaborate across organisational and "
        "professional boundaries, and facilitate the sharing of data on which new models of care "
        "will be based.",
        CLARITY, seed_line("In this context"),
        *(f"{name}: {text}" for name, text in AREAS.items()),
    ],
    FA: [*AREAS, *AREAS.values()],
    EVAL: ["Evaluation", AREAS["Evaluation"], "Evaluation of the 21C ADPH programme", BRISTOL],
    DEV: ["Development", AREAS["Development"], "Leading D!fferently",
          "Systems Leadership development programme"],
    RES: ["Research", AREAS["Research"]],
    PR: [seed_line("Leadership Programmes are"), *(line for _, _, line in PROGRAMMES),
         "In development"],
    P21: ["Aspiring Directors of Public Health"],
    PLD: ["Cornwall County Council", "Cornwall"],
    PPHM: ["core leadership teams in 7 Midlands STPs", "Midlands"],
    PCPH: ["Copenhagen"],
    PITP: ["HEE", "West Midlands"],
    PMC: ["HEE", "West Midlands"],
    PDEV: ["senior public sector leaders", "In development"],
    PEVAL: ["In development"],
    LFL: ["Learning from leaders", Q1, Q2, "Jon Glasby", "Sarah-Jane Marsh"],
    IGL: [Q1, "Professor Jon Glasby", "Head of School of Social Policy",
          "University of Birmingham", seed_line("Professor Jon Glasby"),
          seed_line("Prof Jon Glasby")],
    IMARSH: [Q2, "Sarah-Jane Marsh", "Chief Executive",
             "Birmingham Children's Hospital NHS Foundation Trust",
             seed_line("Sarah-Jane Marsh, Chief"), seed_line("Sarah-Jane Marsh discusses")],
    VP: ["Systems leadership viewpoints", "Discussion relating to system leadership"],
    PUB: [f"{REPORT} (embargoed)", f"{BRISTOL} (K. Newbigging & B. Weir, 2017)"],
    PREP: [REPORT, f"{REPORT} (embargoed)"],
    PBRI: [BRISTOL, f"{BRISTOL} (K. Newbigging & B. Weir, 2017)", "K. Newbigging", "B. Weir",
           "2017"],
    CONTACT: ["Contact us"],
    SEARCH: ["There are no results that match your search"],
}
for _path, _title, _line in PROGRAMMES:
    SEED_FACTS[_path] = [_title, _line, *SEED_FACTS[_path]]

# What the site says about the seed's content in its own words: honest where the seed is silent.
SHOWN_FACTS = {
    H: ["Our areas of focus", "Leadership programmes", "Publications",
        "No viewpoints have been published yet."],
    FA: ["Focus areas"],
    PR: ["Leadership programmes", "Delivered", "Current"],
    P21: ["2017–2020", "Delivered"],
    PLD: ["2018–2019", "Delivered", "Development"],
    PPHM: ["The Strategy Unit", "2019 onwards", "Current"],
    PCPH: ["2018–2019", "Delivered"],
    PITP: ["2016–2017", "Delivered"],
    PMC: ["2016–2017", "Delivered"],
    PDEV: ["Development"],
    IGL: ["Video coming soon", "Transcript coming soon"],
    IMARSH: ["Video coming soon", "Transcript coming soon"],
    VP: ["No viewpoints have been published yet."],
    PUB: ["Publications", "Embargoed"],
    PREP: ["Embargoed", "Report"],
    PBRI: ["Evaluation"],
}
MENU = ["Why systems leadership?", "Focus areas", "Programmes", "Learning from leaders",
        "Viewpoints", "Publications", "Contact us"]
# fmt: on


class VisibleText(HTMLParser):
    """The text a visitor reads inside one element (such as <main>), without markup or scripts."""

    # fmt: off
    BLOCKS = {"p", "li", "br", "div", "dt", "dd", "h1", "h2", "h3", "h4", "td", "th", "section",
              "article", "header", "footer", "nav", "ul", "ol", "dl", "blockquote", "figcaption"}
    # fmt: on
    HIDDEN = {"script", "style", "template", "head"}

    def __init__(self, region):
        super().__init__(convert_charrefs=True)
        self.region, self.inside, self.hidden, self.parts = region, 0, 0, []

    def handle_starttag(self, tag, attrs):
        self.inside += tag == self.region
        self.hidden += tag in self.HIDDEN
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        self.inside -= tag == self.region and self.inside > 0
        self.hidden -= tag in self.HIDDEN and self.hidden > 0
        if tag in self.BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):
        if self.inside and not self.hidden:
            self.parts.append(data)

    @classmethod
    def of(cls, html, region="main"):
        parser = cls(region)
        parser.feed(html)
        return normalise("".join(parser.parts))
