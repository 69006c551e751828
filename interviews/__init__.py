"""'Learning from leaders': video interviews with transcripts, and the people in them."""
