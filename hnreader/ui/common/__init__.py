"""What every part of the window shares: settings, background workers, display text, positions,
table set-up, how the core's codes are worded.
"""
