"""lexique's terminal UI: search as you type, cited passages, an article reader and a glossary browser.

The UI imports the engine (``qa``); the engine never imports the UI.
"""
