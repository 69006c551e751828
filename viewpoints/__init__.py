"""Viewpoints: articles on systems leadership, with authors and tags."""
