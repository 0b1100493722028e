"""The API's boundary, one module per domain: parse query strings and bodies, shape responses.
No access checks and no writes here: views fetch through the access funnels and write through
the services.

Units, people, programmes and fields sent in a body are plain ids on purpose: a related field
would fetch them with `Model.objects.get`, outside the access funnel.
"""
