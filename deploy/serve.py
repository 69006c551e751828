"""`make serve`: the production stack (deploy/stack.py) on loopback, until Ctrl-C or TERM."""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deploy.stack import PROJECT, Stack, missing_programs  # noqa: E402


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--prepare", action="store_true", help="collectstatic and migrate first")
    parser.add_argument("--seed", action="store_true", help="and load the seed content")
    args = parser.parse_args(argv)
    missing = missing_programs()
    if missing:
        sys.exit(f"Missing {', '.join(missing)}: run scripts/install-stack.sh (as root).")
    env = os.environ
    stack = Stack(
        port=int(env.get("PORT", 8080)),
        app_port=int(env.get("APP_PORT", 8081)),
        cache_port=int(env.get("CACHE_PORT", 8082)),
        redis_port=int(env.get("REDIS_PORT", 8083)),
        web_port=int(env.get("WEB_PORT", 8084)),
        run_dir=Path(env.get("RUN_DIR", PROJECT / ".serve")),
    )
    if args.prepare:
        stack.prepare(seed=args.seed)
    try:
        stack.start()
    except BaseException:
        stack.stop()
        raise
    stack.supervise()


if __name__ == "__main__":
    main()
