"""People and partner organisations that pages name, with a public page each listing those pages."""
