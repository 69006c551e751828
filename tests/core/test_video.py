"""Hosted video addresses become privacy-enhanced embed addresses, or nothing."""

import pytest

from core.video import embed_url, is_supported, vimeo_id, youtube_id

YOUTUBE_EMBED = "https://www.youtube-nocookie.com/embed/{}?autoplay=1&rel=0"
VIMEO_EMBED = "https://player.vimeo.com/video/{}?autoplay=1&dnt=1"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s",
        "https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ",
        "https://www.youtube.com/shorts/dQw4w9WgXcQ",
        "https://www.youtube.com/embed/dQw4w9WgXcQ",
        "https://www.youtube.com/live/dQw4w9WgXcQ",
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        "https://youtu.be/dQw4w9WgXcQ",
        "https://youtu.be/dQw4w9WgXcQ?t=10",
        "HTTPS://WWW.YOUTUBE.COM/watch?v=dQw4w9WgXcQ",
    ],
)
def test_youtube_addresses_embed_without_cookies(url):
    assert youtube_id(url) == "dQw4w9WgXcQ"
    assert embed_url(url) == YOUTUBE_EMBED.format("dQw4w9WgXcQ")
    assert is_supported(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://vimeo.com/76979871",
        "https://www.vimeo.com/76979871",
        "https://vimeo.com/channels/staffpicks/76979871",
        "https://player.vimeo.com/video/76979871",
    ],
)
def test_vimeo_addresses_embed_without_tracking(url):
    assert vimeo_id(url) == "76979871"
    assert embed_url(url) == VIMEO_EMBED.format("76979871")


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://dailymotion.com/video/x7tgad0",
        "https://vimeo.example/76979871",
        "ftp://files.example.ac.uk/video.mp4",
        "javascript:alert(1)",
        "not a url at all",
        "",
        None,
    ],
)
def test_unknown_hosts_are_not_embedded(url):
    assert embed_url(url) is None
    assert not is_supported(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch",
        "https://www.youtube.com/watch?v=",
        "https://www.youtube.com/watch?v=abc",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ%22onload%3D",
        "https://www.youtube.com/watch?v=<script>",
        "https://www.youtube.com/embed/",
        "https://www.youtube.com/channel/UC1234567890",
        "https://youtu.be/",
        "https://youtu.be/../../etc",
        "https://vimeo.com/",
        "https://vimeo.com/about",
        "https://vimeo.com/123",
        "https://vimeo.com/12345678901234",
        "https://player.vimeo.com/video/abc",
    ],
)
def test_bad_ids_are_not_embedded(url):
    assert embed_url(url) is None
