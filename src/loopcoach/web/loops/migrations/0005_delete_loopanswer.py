"""LoopAnswer goes: its drawn questions are LoopQuestions, its answers are Attempts."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("loops", "0004_loopanswer_restorable")]

    operations = [migrations.DeleteModel(name="LoopAnswer")]
