"""Commendation services: each write atomic, checked, recorded and audited."""
