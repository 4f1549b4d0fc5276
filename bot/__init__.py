"""The Telegram layer: handlers, formatting and access control around the answer pipeline."""
