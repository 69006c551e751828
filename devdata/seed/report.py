"""What a run of the seed loader created, updated and kept, for the command to print."""

from collections import Counter

from wagtail.models import Page

CREATED, UPDATED, KEPT = "created", "updated", "kept"
KIND_NAMES = {
    "page": "pages",
    "person": "people",
    "partner": "partners",
    "site": "default site",
    "settings": "site settings",
    "menu": "main menu",
    "group": "groups",
    "workflow": "workflows",
}


class SeedReport:
    def __init__(self, progress=None):
        self.items = []  # (action, kind, label), in the order the loader met them
        self.removed = []
        self.progress = progress

    def add(self, action, kind, obj):
        if isinstance(action, bool):
            action = CREATED if action else KEPT
        label = label_for(obj)
        # A partner shared by two programmes is one partner: report it once.
        if not any((k, lbl) == (kind, label) for _, k, lbl in self.items):
            self.items.append((action, kind, label))
            if self.progress is not None:
                self.progress.update(1)

    @property
    def changed_anything(self):
        return bool(self.removed) or any(action != KEPT for action, _, _ in self.items)

    def summary_lines(self):
        """One line per kind of thing, such as 'Pages: 23 created, 0 kept.'"""
        counts = Counter((kind, action) for action, kind, _ in self.items)
        lines = []
        for kind, name in KIND_NAMES.items():
            parts = [
                f"{counts[kind, action]} {action}"
                for action in (CREATED, UPDATED, KEPT)
                if counts[kind, action] or action != UPDATED
            ]
            if any(counts[kind, action] for action in (CREATED, UPDATED, KEPT)):
                lines.append(f"{name.capitalize()}: {', '.join(parts)}.")
        for title in self.removed:
            lines.append(f"Removed Wagtail's untouched default page '{title}'.")
        return lines

    def detail_lines(self):
        return [f"  {action:8} {kind:9} {label}" for action, kind, label in self.items]


def label_for(obj):
    if isinstance(obj, Page):
        # The path visitors see: the home page's own slug is not part of it.
        parts = obj.url_path.strip("/").split("/")[1:]
        return "/" + "".join(f"{part}/" for part in parts)
    return str(obj)
