"""Widgets shared by several scenes, one per module."""
