"""The programme listing's filters: status, application window and focus area."""

from programmes.applications import ApplicationWindow
from programmes.choices import ProgrammeStatus


def filter_programmes(request, queryset):
    from focus_areas.models import FocusAreaPage

    status = request.GET.get("status", "")
    window = request.GET.get("applications", "")
    area = request.GET.get("focus_area", "")
    areas = list(
        FocusAreaPage.objects.live().public().order_by("path").values_list("slug", "title")
    )
    errors = []
    if status in ProgrammeStatus.values:
        queryset = queryset.with_status(status)
    elif status:
        errors.append("There is no such status; showing every status.")
        status = ""
    if window in ApplicationWindow.values:
        queryset = queryset.with_application_window(window)
    elif window:
        errors.append("There is no such application window; showing every programme.")
        window = ""
    if area in dict(areas):
        queryset = queryset.filter(focus_areas__slug=area)
    elif area:
        errors.append("There is no such focus area; showing every focus area.")
        area = ""
    return queryset, {
        "status": status,
        "applications": window,
        "focus_area": area,
        "statuses": ProgrammeStatus.choices,
        "windows": ApplicationWindow.choices,
        "focus_areas": areas,
        "errors": errors,
        "active": bool(status or window or area),
    }
