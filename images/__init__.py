"""The custom image model: Wagtail's image with a credit shown under it."""
