"""Checking record files, in check-jsonschema's shape: discover the files, load each one, run the
checks of one file and those across files, remember results in a cache, report every problem.

    discover      which files, shown as a contributor types them
    load          bytes -> YAML document -> model, every problem with its line and column
    file_checks   small checks of one valid record
    cross_checks  duplicate ids and titles, unknown references
    cache         results by file content between runs (build/cache/)
    run           the run: files (in parallel, from the cache), then the checks across files
"""

from .cache import forget_open_caches, open_cache
from .discover import record_files, shown_path
from .results import CheckedFile, Report
from .run import check_file, check_files, validate_paths

__all__ = [
    "CheckedFile",
    "Report",
    "check_file",
    "check_files",
    "forget_open_caches",
    "open_cache",
    "record_files",
    "shown_path",
    "validate_paths",
]
