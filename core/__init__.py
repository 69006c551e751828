"""The ground floor: base page types, home and standard pages, blocks, site settings, menu."""
