"""A programme as schema.org describes it: a Course, run as a CourseInstance, with its offer.

Only what editors filled is said: no price unless the cost is a number, no dates unless set.
"""

from core import structured_data as ld


def course(page, request):
    partners = [
        {"@type": "Organization", "name": partner.name, "url": partner.url}
        for partner in page.partners.all()
    ]
    return {
        "@type": "Course",
        **ld.web_page_fields(page, request),
        "provider": ld.organisation(request),
        "contributor": partners,
        "audience": {"@type": "Audience", "audienceType": page.audience} if page.audience else None,
        "about": ld.about(page),
        "image": ld.image_url(page, request),
        "hasCourseInstance": course_instance(page),
    }


def course_instance(page):
    instance = {
        "@type": "CourseInstance",
        "courseMode": page.delivery_mode,
        "location": page.place,
        "startDate": ld.date_only(page.start_date),
        "endDate": ld.date_only(page.end_date),
        "offers": offer(page),
    }
    return instance if any(value for key, value in instance.items() if key != "@type") else None


def offer(page):
    """Who may apply, when and for how much; None when the page says none of it."""
    data = {
        "@type": "Offer",
        "url": page.how_to_apply_url,
        "availabilityStarts": ld.date_only(page.applications_open),
        "availabilityEnds": ld.date_only(page.applications_close),
    }
    if page.cost is not None:
        # A JSON number, as search engines read prices; pounds are the only currency editors use.
        data["price"] = int(page.cost) if page.cost == int(page.cost) else float(page.cost)
        data["priceCurrency"] = "GBP"
    return data if any(value for key, value in data.items() if key != "@type") else None
