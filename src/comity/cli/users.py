"""Commands for users and API tokens."""

from __future__ import annotations

from typing import Annotated

import typer

from comity.cli.common import console, fail, open_services, read_password_stdin
from comity.domain import Role

users_app = typer.Typer(help="Manage the team's accounts.", no_args_is_help=True)
tokens_app = typer.Typer(help="Manage API tokens.", no_args_is_help=True)


@users_app.command("add")
def add_user(
    email: Annotated[str, typer.Argument(help="The person's e-mail address (their login).")],
    role: Annotated[Role, typer.Option(help="admin, moderator, agent or analyst.")] = Role.AGENT,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
) -> None:
    """Create a user; the password is prompted for unless --password-stdin is given."""
    from comity.store.users import UserError

    password = (
        read_password_stdin()
        if password_stdin
        else typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    )
    with open_services() as services:
        try:
            user = services.users.add(email, password, role)
        except UserError as error:
            raise fail(str(error)) from None
    console.print(f"created {user.email} ({user.role.value})", highlight=False)


@users_app.command("list")
def list_users() -> None:
    """List users with role and state."""
    with open_services() as services:
        for user in services.users.list():
            state = "disabled" if user.disabled else "active"
            typer.echo(f"{user.email}\t{user.role.value}\t{state}")


@users_app.command("disable")
def disable_user(email: Annotated[str, typer.Argument(help="The user's e-mail address.")]) -> None:
    """Disable a user: no more logins, their API tokens stop working."""
    from comity.store.users import UserError

    with open_services() as services:
        try:
            services.users.disable(email)
        except UserError as error:
            raise fail(str(error)) from None
    console.print(f"disabled {email}", highlight=False)


@tokens_app.command("create")
def create_token(email: Annotated[str, typer.Argument(help="The user the token acts as.")]) -> None:
    """Create an API token and print it once (only its hash is stored)."""
    from comity.store.users import UserError

    with open_services() as services:
        try:
            token = services.users.create_token(email)
        except UserError as error:
            raise fail(str(error)) from None
    typer.echo(token)


def register(app: typer.Typer) -> None:
    app.add_typer(users_app, name="users")
    app.add_typer(tokens_app, name="tokens")
