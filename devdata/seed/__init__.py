"""The seed content: the first edition of the site, and the loader that creates it."""
