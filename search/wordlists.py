"""Words of the centre's field, for generated pages that read like its own."""


def _words(text, sep=None):
    return tuple(text.split(sep))


NOUNS = _words(
    "leadership system systems partnership collaboration integration care health "
    "services council trust hospital practice workforce population community communities "
    "boundaries outcomes commissioning strategy governance accountability culture "
    "evaluation development research evidence learning improvement transformation "
    "purpose relationships networks place neighbourhood prevention wellbeing "
    "inequalities resilience funding budgets pathways discharge integration "
    "commissioners clinicians nurses carers volunteers residents patients families "
    "organisations sector sectors region locality localities mindset behaviour trust "
    "complexity uncertainty change values vision coalition alliance"
)

ADJECTIVES = _words(
    "collaborative integrated local regional national shared public primary social "
    "complex collective distributed adaptive sustainable joined-up whole-system "
    "community-led person-centred preventive strategic operational clinical professional "
    "organisational geographical emerging effective practical wicked intractable"
)

VERBS = _words(
    "builds develops supports shapes improves connects challenges explores examines "
    "evaluates strengthens enables sustains reframes transforms informs convenes "
    "negotiates"
)

PLACES = _words(
    "Birmingham Coventry Wolverhampton Walsall Dudley Sandwell Solihull Worcester "
    "Hereford Shrewsbury Stoke Derby Nottingham Leicester Cornwall Devon Bristol "
    "Gloucester Oxford Manchester Liverpool Leeds Sheffield Newcastle Copenhagen"
)

FIRST_NAMES = _words(
    "Amira Ben Chloe Daniel Eleanor Farid Grace Harjit Isla James Kavita Liam Maya "
    "Nathan Olivia Priya Rhys Sarah Tom Uma Victoria William Yasmin Zoe"
)

LAST_NAMES = _words(
    "Ahmed Brown Clarke Davies Evans Fletcher Green Hughes Iqbal Jones Khan Lewis Morgan "
    "Nash Owen Patel Roberts Singh Taylor Walker Wright Young"
)

ROLES = _words(
    "Chief Executive|Director of Public Health|Director of Adult Social Care|"
    "Head of School|Clinical Lead|Programme Director|Professor of Health Policy|"
    "Service Manager",
    "|",
)

ORGANISATIONS = _words(
    "NHS Foundation Trust|County Council|Integrated Care Board|University|"
    "Health Education England|Strategy Unit|Primary Care Network|Public Health Team",
    "|",
)

QUESTIONS = _words(
    "What does leadership look like in {}?|How do leaders work across {}?|"
    "What have you learnt about leading {}?|Why does {} need systems leadership?",
    "|",
)

SETTINGS = _words(
    "a health and social care setting|a primary care setting|a local council|"
    "an integrated care system|a children's hospital|a mental health trust|a region",
    "|",
)
