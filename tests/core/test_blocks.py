"""The checks that StreamField blocks make before an editor can save a page."""

import pytest
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from core.blocks import BodyBlock, CallToActionBlock, HomeSectionBlock, VideoBlock
from core.factories import ImageFactory

pytestmark = pytest.mark.django_db


def cta(**value):
    block = CallToActionBlock()
    data = {"heading": "Get in touch", "text": "", "link_text": "Contact us", **value}
    return block, block.to_python(data)


class TestCallToActionBlock:
    def test_a_page_alone_is_accepted(self, home):
        block, value = cta(page=home.pk, url="")

        assert block.clean(value)["page"].pk == home.pk

    def test_an_address_alone_is_accepted(self):
        block, value = cta(page=None, url="https://www.birmingham.ac.uk/")

        assert block.clean(value)["url"] == "https://www.birmingham.ac.uk/"

    def test_both_a_page_and_an_address_are_refused(self, home):
        block, value = cta(page=home.pk, url="https://www.birmingham.ac.uk/")

        with pytest.raises(StructBlockValidationError) as error:
            block.clean(value)

        assert "page" in error.value.block_errors
        assert "not both" in str(error.value.block_errors["page"])

    def test_neither_is_refused(self):
        block, value = cta(page=None, url="")

        with pytest.raises(StructBlockValidationError) as error:
            block.clean(value)

        assert "page" in error.value.block_errors

    def test_link_text_is_required(self, home):
        block, value = cta(page=home.pk, url="", link_text="")

        with pytest.raises(StructBlockValidationError) as error:
            block.clean(value)

        assert "link_text" in error.value.block_errors


class TestVideoBlock:
    def clean(self, url):
        block = VideoBlock()
        return block.clean(block.to_python({"url": url, "title": "Jon Glasby on leadership"}))

    @pytest.mark.parametrize(
        "url", ["https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://vimeo.com/76979871"]
    )
    def test_youtube_and_vimeo_are_accepted(self, url):
        assert self.clean(url)["url"] == url

    @pytest.mark.parametrize(
        "url",
        [
            "https://example.com/video.mp4",
            "https://www.youtube.com/watch?v=bad",
            "https://vimeo.com/about",
        ],
    )
    def test_other_addresses_are_refused(self, url):
        with pytest.raises(StructBlockValidationError) as error:
            self.clean(url)

        assert "YouTube or Vimeo" in str(error.value.block_errors["url"])

    def test_title_is_required_for_screen_readers(self):
        block = VideoBlock()
        value = block.to_python({"url": "https://youtu.be/dQw4w9WgXcQ", "title": ""})

        with pytest.raises(StructBlockValidationError) as error:
            block.clean(value)

        assert "title" in error.value.block_errors


class TestImageBlock:
    """Wagtail's ImageBlock: alt text is required unless the image is marked decorative."""

    def clean(self, **value):
        block = BodyBlock().child_blocks["image"]
        return block.clean(block.to_python(value))

    def test_alt_text_is_required(self):
        image = ImageFactory()

        with pytest.raises(StructBlockValidationError) as error:
            self.clean(image=image.pk, decorative=False, alt_text="")

        assert "alt_text" in error.value.block_errors

    def test_alt_text_is_kept(self):
        image = ImageFactory()

        value = self.clean(image=image.pk, decorative=False, alt_text="Leaders in a workshop")

        assert value.contextual_alt_text == "Leaders in a workshop"

    def test_a_decorative_image_needs_no_alt_text(self):
        image = ImageFactory()

        value = self.clean(image=image.pk, decorative=True, alt_text="")

        assert value.decorative
        assert value.contextual_alt_text == ""

    def test_the_whole_body_is_refused_for_one_image_without_alt_text(self):
        image = ImageFactory()
        body = BodyBlock()
        stream = body.to_python(
            [
                {"type": "heading", "value": "Why systems leadership?"},
                {
                    "type": "image",
                    "value": {"image": image.pk, "decorative": False, "alt_text": ""},
                },
            ]
        )

        with pytest.raises(StreamBlockValidationError) as error:
            body.clean(stream)

        assert 1 in error.value.block_errors


def test_every_block_tells_editors_what_it_is_for():
    blocks = {**BodyBlock().child_blocks, **HomeSectionBlock().child_blocks}
    own = [b for b in blocks.values() if type(b).__module__ == "core.blocks"]

    assert len(own) >= 6
    for block in own:
        doc = (type(block).__doc__ or "").strip()
        assert doc and "\n" not in doc, type(block).__name__
