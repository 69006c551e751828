"""Turn a hosted video's address into a privacy-enhanced embed address, without calling the host;
read a moment in a video ('3:05') as seconds."""

import re
from urllib.parse import parse_qs, urlparse

_YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
_VIMEO_ID = re.compile(r"^\d{5,12}$")


def youtube_id(url):
    parts = urlparse(url or "")
    host = parts.netloc.lower()
    candidate = None
    if host in {"youtu.be", "www.youtu.be"}:
        candidate = parts.path.lstrip("/").split("/")[0]
    elif host in _YOUTUBE_HOSTS:
        if parts.path == "/watch":
            candidate = parse_qs(parts.query).get("v", [None])[0]
        elif parts.path.startswith(("/embed/", "/shorts/", "/live/")):
            candidate = parts.path.split("/")[2]
    return candidate if candidate and _YOUTUBE_ID.match(candidate) else None


def vimeo_id(url):
    parts = urlparse(url or "")
    if parts.netloc.lower() not in {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}:
        return None
    segments = [s for s in parts.path.split("/") if s]
    candidate = segments[-1] if segments else None
    return candidate if candidate and _VIMEO_ID.match(candidate) else None


def embed_url(url):
    """The address to load in a frame once the visitor presses play, or None if unknown."""
    if video := youtube_id(url):
        return f"https://www.youtube-nocookie.com/embed/{video}?autoplay=1&rel=0"
    if video := vimeo_id(url):
        return f"https://player.vimeo.com/video/{video}?autoplay=1&dnt=1"
    return None


def is_supported(url):
    return embed_url(url) is not None


def transcript_seconds(value):
    """A moment in a video, '1:02:03', '3:05' or '185', as seconds, or None if it is not a time."""
    try:
        parts = [int(part) for part in str(value).strip().split(":")]
    except ValueError:
        return None
    if not 1 <= len(parts) <= 3 or any(part < 0 for part in parts):
        return None
    if any(part >= 60 for part in parts[1:]):
        return None
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + part
    return seconds
