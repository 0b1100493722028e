"""REST endpoints, one module per domain: orgs (units, people, the current user), programmes,
initiatives (with their attachments). Shared pieces live in base."""
