#!/usr/bin/env python3
"""Records what docutils reports about reStructuredText, for talk/rst's
tests to hold the Go parser to. Not run in CI (docutils is not needed
there); rerun it when the inputs change.

  python3 docutils-expect.py cases cases.json > cases-docutils.json
  python3 docutils-expect.py corpus ../../../../shared/corpus/pyvideo > corpus-docutils.json

Messages are docutils' parser's, at every level, as pyvideo's CI sees
them (rst.Parser().parse on a new document; default settings but that no
level halts the parse). Measured with docutils 0.19.

docutils keeps the roles a role directive defines (and one it finds by
its canonical name) for the rest of the process; each text here is
parsed without those of the texts before it, as talk/rst parses it.
"""
import glob, io, json, os, sys, warnings

import docutils
import docutils.frontend
import docutils.nodes
import docutils.utils
from docutils.parsers import rst
from docutils.parsers.rst import roles

warnings.filterwarnings("ignore")
settings = docutils.frontend.OptionParser(components=(rst.Parser,)).get_default_values()
settings.warning_stream = io.StringIO()
settings.report_level = 5
settings.halt_level = 5


def messages(text):
    roles._roles.clear()
    doc = docutils.utils.new_document("", settings)
    rst.Parser().parse(text, doc)
    return [[m["level"], m.get("line"), m.children[0].astext() if m.children else ""]
            for m in doc.traverse(docutils.nodes.system_message)]


def main():
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "cases":
        cases = json.load(open(path))
        out = [{"text": c, "messages": messages(c)} for c in cases]
    else:
        out = {"docutils": docutils.__version__, "fields": 0, "messages": []}
        for f in sorted(glob.glob(os.path.join(path, "*", "videos", "*.json"))):
            blob = json.load(open(f, encoding="utf-8"))
            for field in ("description", "summary"):
                out["fields"] += 1
                ms = messages(blob.get(field) or "")
                if ms:
                    out["messages"].append({"file": os.path.relpath(f, path), "field": field, "messages": ms})
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    print()


main()
