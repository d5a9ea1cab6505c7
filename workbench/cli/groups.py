"""A click group that runs a default subcommand when the first argument is not a subcommand."""

from __future__ import annotations

from typing import Any

import click


class DefaultGroup(click.Group):
    """``workbench claims ARTICLE`` lists, while ``workbench claims add …`` adds."""

    def __init__(self, *args: Any, default: str, **kwargs: Any) -> None:
        kwargs.setdefault("invoke_without_command", False)
        super().__init__(*args, **kwargs)
        self.default_command = default

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("-h", "--help")):
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)
