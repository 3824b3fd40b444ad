"""Entry script for the frozen app (PyInstaller runs this file as __main__)."""

import multiprocessing
import sys

from hnreader.cli import main

if __name__ == "__main__":
    # A large import analyses files in spawned worker processes, which start this same
    # executable; freeze_support() turns those starts into workers instead of app launches.
    multiprocessing.freeze_support()
    sys.exit(main())
