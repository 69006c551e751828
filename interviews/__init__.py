"""'Learning from leaders': video interviews with transcripts."""
