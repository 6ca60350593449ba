"""The peer store: terms, kinds and flags of peer contracts (never their text or names), and batch jobs."""
