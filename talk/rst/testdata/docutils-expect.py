#!/usr/bin/env python3
"""Records what docutils reports about reStructuredText, for talk/rst's
tests to hold the Go parser to. Not run in CI (docutils is not needed
there); rerun it when the inputs change.

  python3 docutils-expect.py cases cases.json > cases-docutils.json
  python3 docutils-expect.py corpus ../../../../shared/corpus/pyvideo > corpus-docutils.json
  python3 docutils-expect.py text ../../../../shared/corpus/pyvideo > corpus-text-docutils.json
  python3 docutils-expect.py text ../../../../shared/corpus/pyvideo EVENT...   (each field's line)

Messages are docutils' parser's, at every level, as pyvideo's CI sees
them (rst.Parser().parse on a new document; default settings but that no
level halts the parse). Measured with docutils 0.19.

docutils keeps the roles a role directive defines (and one it finds by
its canonical name) for the rest of the process; each text here is
parsed without those of the texts before it, as talk/rst parses it.
"""
import glob, hashlib, html, io, json, os, re, sys, warnings

import docutils
import docutils.core
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


MARKUP = re.compile(r"<!--.*?-->|<[^>]*>", re.S)


def visible(text):
    """The text docutils' HTML5 writer shows of text, without its white
    space: tags and comments dropped, entities read. Directives that read
    files or write raw HTML are off, as talk/rst never does either."""
    roles._roles.clear()
    body = docutils.core.publish_parts(text, writer_name="html5", settings_overrides={
        "report_level": 5, "halt_level": 5, "warning_stream": io.StringIO(),
        "file_insertion_enabled": False, "raw_enabled": False})["html_body"]
    return "".join(ch for ch in html.unescape(MARKUP.sub("", body)) if not ch.isspace())


def field_lines(path, event):
    """One line per field of the event's talks: its file, its field and
    the digest of its visible text. Math is left out: docutils writes it
    as MathML, talk/rst as the LaTeX source."""
    lines = []
    for f in glob.glob(os.path.join(path, event, "videos", "*.json")):
        blob = json.load(open(f, encoding="utf-8"))
        for field in ("description", "summary"):
            text = blob.get(field) or ""
            if ":math:" in text or "math::" in text:
                continue
            digest = hashlib.sha256(visible(text).encode("utf-8")).hexdigest()[:16]
            lines.append(os.path.relpath(f, path).replace(os.sep, "/") + "\t" + field + "\t" + digest + "\n")
    return sorted(lines)


def main():
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "text" and len(sys.argv) > 3:
        for event in sys.argv[3:]:
            sys.stdout.write("".join(field_lines(path, event)))
        return
    if mode == "text":
        out = {"docutils": docutils.__version__, "events": {}}
        for d in sorted(glob.glob(os.path.join(path, "*", "videos"))):
            event = os.path.basename(os.path.dirname(d))
            lines = field_lines(path, event)
            out["events"][event] = hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()[:16]
    elif mode == "cases":
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
