"""Forms of the commendation pages: nominations (nominations.py), decisions (decisions.py)."""
