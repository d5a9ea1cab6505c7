"""``python -m workbench`` is the ``workbench`` program."""

from workbench.launcher import main

main()
