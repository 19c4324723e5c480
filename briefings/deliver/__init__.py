"""E-mail delivery of editions: addresses, messages, SMTP, the send ledger and the send command."""
