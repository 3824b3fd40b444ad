"""Allow `python -m hnreader`."""

from hnreader.cli import main

raise SystemExit(main())
