"""Leadership programmes and the partner organisations that deliver them."""
