"""Entry point of the frozen app: the same ``workbench`` command as the installed package."""

import multiprocessing

from workbench.launcher import main

if __name__ == "__main__":
    # A frozen program that ever starts a worker process must call this first, or the child
    # re-runs the whole app instead of the worker.
    multiprocessing.freeze_support()
    main(prog_name="workbench")
