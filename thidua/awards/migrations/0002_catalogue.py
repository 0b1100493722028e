"""The built-in award catalogue (awards/catalogue.py), so every installation starts with it."""

from typing import Any

from django.db import migrations


def load(apps: Any, schema_editor: Any) -> None:
    from thidua.awards.catalogue import CATALOGUE

    Award = apps.get_model("awards", "Award")
    for order, spec in enumerate(CATALOGUE):
        Award.objects.update_or_create(
            code=spec["code"],
            defaults={**{k: v for k, v in spec.items() if k != "code"},
                      "issuer_tiers": [int(t) for t in spec["issuer_tiers"]], "order": order},
        )  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("awards", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
