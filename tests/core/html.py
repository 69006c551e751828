"""Read rendered pages as a browser would: tags, attributes and text, not string guesses."""

import json
import re
from html.parser import HTMLParser


class Element:
    def __init__(self, tag, attrs):
        self.tag = tag
        self.attrs = dict(attrs)

    def __getitem__(self, name):
        return self.attrs[name]

    def get(self, name, default=None):
        return self.attrs.get(name, default)

    def __repr__(self):
        return f"<{self.tag} {self.attrs}>"


# Tags that start a new line of text, so their words never run into their neighbours'.
_BLOCKS = {
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "main",
    "figure",
    "figcaption",
    "br",
    "blockquote",
    "details",
    "summary",
    "form",
    "label",
    "option",
    "button",
    "address",
    "td",
}


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.text = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self.elements.append(Element(tag, attrs))
        if tag in _BLOCKS:
            self.text.append(" ")
        if tag in ("script", "style"):
            self._skip += 1

    def handle_startendtag(self, tag, attrs):
        self.elements.append(Element(tag, attrs))

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            self.text.append(" ")
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


class Page:
    """A parsed HTML document."""

    def __init__(self, html):
        self.html = html
        collector = _Collector()
        collector.feed(html)
        self.elements = collector.elements
        self.text = re.sub(r"\s+", " ", "".join(collector.text)).strip()

    def find_all(self, tag, **attrs):
        def matches(element):
            if element.tag != tag:
                return False
            for name, value in attrs.items():
                name = "class" if name == "class_" else name.replace("_", "-")
                if name == "class" and value is not True:
                    # Like a CSS selector: every class asked for is on the element.
                    if not set(value.split()) <= set(element.get("class", "").split()):
                        return False
                elif value is True:
                    if name not in element.attrs:
                        return False
                elif element.get(name) != value:
                    return False
            return True

        return [element for element in self.elements if matches(element)]

    def find(self, tag, **attrs):
        found = self.find_all(tag, **attrs)
        return found[0] if found else None


def parse(response_or_html):
    html = response_or_html
    if hasattr(response_or_html, "content"):
        html = response_or_html.content.decode()
    return Page(html)


def inline_code(page):
    """Everything a strict Content-Security-Policy would block: style="", on*="", inline scripts."""
    problems = []
    for element in page.elements:
        for name in element.attrs:
            if name == "style" or name.startswith("on"):
                problems.append(f"{element.tag} has {name}=")
        # A JSON-LD data block is never executed, so the policy does not block it.
        is_data = element.get("type") == "application/ld+json"
        if element.tag == "script" and not element.get("src") and not is_data:
            problems.append("inline <script>")
        if element.tag == "style":
            problems.append("<style> element")
        href = element.get("href") or element.get("src") or ""
        if href.strip().lower().startswith("javascript:"):
            problems.append(f"{element.tag} with a javascript: address")
    return problems


# Structured data and the head of a page

LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def ld_json(response):
    """Every JSON-LD object in the page, parsed as a consumer would."""
    return [json.loads(block) for block in LD_JSON.findall(response.content.decode())]


def of_type(objects, type_name):
    found = [obj for obj in objects if obj.get("@type") == type_name]
    assert len(found) == 1, [obj.get("@type") for obj in objects]
    return found[0]


def meta(response):
    """{name or property: content} of the page's <meta> tags (the last of repeated names)."""
    html = parse(response)
    tags = {}
    for element in html.find_all("meta"):
        key = element.get("name") or element.get("property")
        if key:
            tags[key] = element.get("content")
    return tags


def link_href(response, rel):
    element = parse(response).find("link", rel=rel)
    return element.get("href") if element is not None else None


SITE_ROOT = "https://leadership.example.ac.uk"
