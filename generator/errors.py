"""Our exceptions carry the file and line; only the CLI turns them into exit codes."""

from __future__ import annotations


class PortalError(Exception):
    """A problem the user can fix, located in a file (and line when known)."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    def __reduce__(self) -> tuple[type, tuple[str, str | None, int | None]]:
        return type(self), (self.message, self.file, self.line)  # kept when sent between processes

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = f"{self.file}:{self.line}: " if self.line else f"{self.file}: "
        return f"{where}{self.message}"


class IngestError(PortalError):
    """The file could not be read as a report (empty, binary, scanned PDF, ...)."""


class LayoutError(PortalError):
    """A file under reports/ is misplaced or its sidecar is wrong."""


class BuildError(PortalError):
    """The site could not be built."""


class MaintainError(PortalError):
    """A maintainer command (add, check) was given missing, unsafe or conflicting options."""
