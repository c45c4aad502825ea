"""The open data: every practice as JSON and CSV (`records`), the Frictionless data package that
describes both (`datapackage`), and every source as CSL-JSON for reference managers (`csl`)."""

from .records import csv_columns, practices_csv, practices_csv_name, practices_document, practices_json, to_json

__all__ = [
    "csv_columns",
    "practices_csv",
    "practices_csv_name",
    "practices_document",
    "practices_json",
    "to_json",
]
