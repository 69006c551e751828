"""Rich text fields that stay whole when two editors open pages at the same moment.

Wagtail builds each rich text widget once, with one HTML parser inside that keeps its state
between calls. Under a threaded server (`make run`), two editor pages rendered at once fed the
same parser and one of them failed with a server error. Each thread gets a parser of its own.
"""

import threading

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.admin.rich_text.converters.html_to_contentstate import HtmlToContentStateHandler


class _ParserPerThread:
    def __get__(self, converter, owner=None):
        if converter is None:
            return self
        parsers = converter.__dict__.setdefault("_parsers_per_thread", threading.local())
        parser = getattr(parsers, "parser", None)
        if parser is None:
            parser = parsers.parser = HtmlToContentStateHandler(converter.features)
        return parser

    def __set__(self, converter, parser):
        # Wagtail's constructor sets one parser; the per-thread ones are made as needed.
        pass


def make_rich_text_thread_safe():
    if not isinstance(
        ContentstateConverter.__dict__.get("html_to_contentstate_handler"), _ParserPerThread
    ):
        ContentstateConverter.html_to_contentstate_handler = _ParserPerThread()
