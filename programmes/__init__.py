"""Leadership programmes: key facts, application windows and the listing's filters."""
