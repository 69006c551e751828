"""Development data: the seed content, the admin login and generated pages in bulk."""
