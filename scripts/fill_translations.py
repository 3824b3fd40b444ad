"""Fill unfinished entries of a Qt .ts file from a JSON table {context: {source: text}}.

Usage: python scripts/fill_translations.py resources/translations/hnreader_zh_CN.ts TABLE.json
Entries the table does not name are left as they are; run scripts/update_translations after.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET


def main(ts_path: str, table_path: str) -> int:
    with open(table_path, encoding="utf-8") as handle:
        table: dict[str, dict[str, str]] = json.load(handle)
    tree = ET.parse(ts_path)
    filled = 0
    for context in tree.getroot().iter("context"):
        wanted = table.get(context.findtext("name") or "", {})
        for message in context.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source") or ""
            if translation is not None and source in wanted:
                translation.text = wanted[source]
                translation.attrib.pop("type", None)
                filled += 1
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    print(f"filled {filled} translation(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
