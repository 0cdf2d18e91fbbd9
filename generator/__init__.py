"""Kwaliteitskaders sociaal domein: turn YAML normsets into a static site.

The pipeline is load -> validate -> model -> render; see README.md.
Nothing in this package imports MkDocs except `mkdocs_hooks`, the thin adapter.
"""
