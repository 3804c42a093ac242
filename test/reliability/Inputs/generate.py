#!/usr/bin/env python3
"""Writes the extreme inputs of test/reliability/ (too big or too odd to
keep in the repository): each is test/driver/Inputs/finding.cpp, whose
coroutine blocks on a future at line 13, with something added.

    generate.py KIND OUT [N]

KIND:
  long-line        line 13 starts with a 1 MiB comment
  deep-expression  a sum of N terms ('v + v + ...') before the finding
  deep-else-if     an if / else if chain N long before the finding
  deep-template    a template that instantiates itself N levels deep
  deep-macro       the blocking call inside N nested macro expansions
  latin1           Latin-1 bytes in a string literal and a comment

OUT may hold '%xx' escapes, written as those bytes: a lit RUN line cannot
spell a file name that is not UTF-8.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FINDING = os.path.join(HERE, "..", "..", "driver", "Inputs", "finding.cpp")
CALL = "  f.get();\n"


def main(kind, out, n):
    with open(FINDING, "rb") as f:
        text = f.read().decode("ascii")
    head, tail = text.split(CALL)
    before, after = "", ""
    if kind == "long-line":
        before = "  /*" + "x" * (1 << 20) + "*/"
    elif kind == "deep-expression":
        before = "  int v = 1;\n  int sum = v" + " + v" * n + ";\n  (void)sum;\n"
    elif kind == "deep-else-if":
        before = "  int v = 1;\n  if (v == 0) {\n  }" + "".join(
            " else if (v == %d) {\n  }" % i for i in range(1, n)) + "\n"
    elif kind == "deep-template":
        head = ("template <int N> struct Depth {\n"
                "  static int value() { return Depth<N - 1>::value() + 1; }\n"
                "};\n"
                "template <> struct Depth<0> {\n"
                "  static int value() { return 0; }\n"
                "};\n"
                "int depth() { return Depth<%d>::value(); }\n" % n) + head
    elif kind == "deep-macro":
        head = "#define M0(x) x\n" + "".join(
            "#define M%d(x) M%d(x)\n" % (i, i - 1) for i in range(1, n + 1)) + head
        text = head + "  M%d(f.get());\n" % n + tail
    elif kind == "latin1":
        before = "  const char *caf\x65 = \"caf\xe9\"; // cr\xe8me br\xfbl\xe9e\n  (void)cafe;\n"
    else:
        sys.exit("generate.py: unknown kind '%s'" % kind)
    if kind != "deep-macro":
        text = head + before + CALL + after + tail
    out = re.sub(rb"%([0-9a-fA-F]{2})", lambda m: bytes([int(m.group(1), 16)]),
                 os.fsencode(out))
    with open(out, "wb") as f:
        f.write(text.encode("latin-1"))


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) == 4 else 0)
