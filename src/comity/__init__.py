"""Comity: self-hosted community management across every channel."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("comity")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+local"
