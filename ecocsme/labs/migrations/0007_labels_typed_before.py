"""Themes staff edited before labels were written per language keep the label they had: it may
have been typed by a person (a rename, a merge or a move into a new theme), and a label written
from concepts must not replace it."""

from django.db import migrations


def keep_edited_labels(apps, schema_editor):
    apps.get_model("labs", "Theme").objects.filter(edited=True, label_edited=False).update(label_edited=True)


class Migration(migrations.Migration):
    dependencies = [("labs", "0006_theme_labels_edits_drafts")]

    operations = [migrations.RunPython(keep_edited_labels, migrations.RunPython.noop)]
