"""Briefing compiler: Vietnamese provincial papers in, briefing packs out."""

__version__ = "0.1.0"

# Stamped into every report brief writes (DOCX core property dc:identifier, PDF Creator, HTML
# <meta name="generator">), so that a report is never read back as a source paper.
REPORT_STAMP = "briefing-compiler report"
