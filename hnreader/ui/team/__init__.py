"""Team coding: agreement between coders."""
