"""Staff sign-in: throttling, the authentication log and two-step verification."""
