"""Pages of commendation work: cycles and nominations (dossiers), decisions, award history,
statistics, and the public comment page."""
