"""Briefing compiler: Vietnamese provincial papers in, briefing packs out."""

__version__ = "0.1.0"
