"""hoidap: answers questions about Vietnamese resolution documents by quoting them."""
