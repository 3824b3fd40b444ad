"""The open project: the controller every widget acts through, safety (read-only, backups,
recovery), import/export, dictionary and preferences dialogs.
"""
