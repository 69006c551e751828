"""Systems Leadership Portal: settings, the site's routes (urls.py), the read-only API and WSGI."""
