"""gouji's checks, catalog, exports, batch runner and command line."""

__version__ = "0.1.0"
