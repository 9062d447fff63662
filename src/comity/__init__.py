"""Comity: self-hosted community management across every channel."""

from functools import cache


@cache
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("comity")
    except PackageNotFoundError:  # running from a source tree without installation
        return "0.0.0+local"


def __getattr__(name: str) -> str:
    # `__version__` is looked up on first use: reading the package metadata costs ~0.05 s,
    # which every `comity` command and worker would pay at import.
    if name == "__version__":
        return _version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
