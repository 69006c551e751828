"""`{% page_fragment %}`: a page's rendered content kept until the site's content changes
(core/fragments.py)."""

from django import template
from django.utils import timezone
from wagtail.templatetags.wagtail_cache import WagtailPageCacheNode

from core.fragments import content_generation, fragment_seconds

register = template.Library()


class PageFragmentNode(WagtailPageCacheNode):
    """`{% page_fragment name %}…{% endpage_fragment %}`: cached when the page allows it and the
    request only reads (a form's answer to a POST is never kept); never in a preview."""

    def render(self, context):
        page = context.get("page")
        request = context.get("request")
        if (
            request is None
            or request.method != "GET"
            or not getattr(page, "fragment_cacheable", False)
        ):
            return self.nodelist.render(context)
        values = {
            "content_generation": content_generation(),
            "fragment_seconds": fragment_seconds(),
            "fragment_day": timezone.localdate().isoformat(),
        }
        with context.update(values):
            return super().render(context)


@register.tag("page_fragment")
def page_fragment(parser, token):
    nodelist = parser.parse(("endpage_fragment",))
    parser.delete_first_token()
    try:
        _tag, name = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError("page_fragment takes one name") from None
    vary_on = [
        parser.compile_filter("request.get_full_path"),
        parser.compile_filter("content_generation"),
        # Labels worked out from today's date (a programme's window) start afresh at midnight.
        parser.compile_filter("fragment_day"),
    ]
    return PageFragmentNode(
        nodelist, parser.compile_filter("fragment_seconds"), name, vary_on, None
    )
