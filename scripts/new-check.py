#!/usr/bin/env python3
"""Adds a check: writes its class, page and test skeleton and its catalogue
entry, and regenerates the README's table of checks.

    new-check.py NAME --base=KIND [--opt-in] [--summary TEXT]

NAME is async-<lowercase-dashed>. KIND is the base class
(docs/contributing.md says which fits):
    matchers        AsyncModelCheck: the check's own AST matchers
    async-context   AsyncContextCheck: matched calls judged by whether they
                    run as async work, with the path that explains why
    function-body   FunctionBodyCheck: a top-down walk of each body
Writes checks/<Class>.h/.cpp, docs/checks/NAME.md and
test/checks/NAME/basic.cpp (XFAIL until the check reports), adds the entry
to checks/CheckCatalog.def in order and rewrites README.md's table. A bad
name or a check that exists already: exit status 2, nothing written.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(TOP, "scripts"))
import catalog  # noqa: E402

BASES = {
    "matchers": "AsyncModelCheck",
    "async-context": "AsyncContextCheck",
    "function-body": "FunctionBodyCheck",
}


def fail(message):
    sys.stderr.write("new-check: %s\n" % message)
    sys.exit(2)


def banner(file_name, name):
    """The LLVM first line, 80 columns wide."""
    for head in ("//===--- %s - %s " % (file_name, name),
                 "//===--- %s " % file_name):
        if len(head) + len("-===//") <= 80:
            return head + "-" * (80 - len(head) - len("===//")) + "===//"
    return "//===--- %s ===//" % file_name


def wrap_comment(text, prefix):
    lines, line = [], prefix
    for word in text.split():
        if line != prefix and len(line) + 1 + len(word) > 80:
            lines.append(line)
            line = prefix
        line += " " + word
    return "\n".join(lines + [line])


def c_string_lines(text, indent):
    """\"...\" pieces of \\p text, each line at most 80 columns with the
    closing parenthesis."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    words = escaped.split(" ")
    pieces, piece = [], ""
    for i, word in enumerate(words):
        last = i == len(words) - 1
        candidate = piece + word + ("" if last else " ")
        if piece and len(indent) + len(candidate) + 3 > 80:
            pieces.append(piece)
            piece = word + ("" if last else " ")
        else:
            piece = candidate
    pieces.append(piece)
    return "\n".join('%s"%s"' % (indent, p) for p in pieces)


HEADER = """{banner}

#ifndef {guard}
#define {guard}

#include "common/{base}.h"

namespace clang::tidy::async {{

{doc}
///
/// For the user-facing documentation see docs/checks/{name}.md
class {cls} : public {base} {{
public:
  {cls}(StringRef Name, ClangTidyContext *Context);
{members}}};

}} // namespace clang::tidy::async

#endif // {guard}
"""

MEMBERS = {
    "matchers": """\
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
""",
    "async-context": """\
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void checkInAsyncContext(const Stmt &Candidate,
                           const model::CandidateSite &Site,
                           const model::AsyncPath &Path,
                           const model::AsyncContextIndex &Index) override;
""",
    "function-body": """\

private:
  void checkBody(const FunctionDecl &Function, const Stmt &Body,
                 bool IsCoroutine, ASTContext &Ctx) override;
""",
}

SOURCE = """{banner}

#include "{cls}.h"
{includes}
namespace clang::tidy::async {{

{constructor}

{body}
}} // namespace clang::tidy::async
"""

CALL_MATCHER = """\
  // TODO: match what the check looks for; library names come from the
  // model (checks/model/*.def), never from string literals here.
  Finder->addMatcher(
      callExpr(unless(isExpansionInSystemHeader()), callee(functionDecl()))
          .bind("call"),
      this);
"""

BODIES = {
    "matchers": """\
void {cls}::registerMatchers(MatchFinder *Finder) {{
{matcher}}}

void {cls}::check(const MatchFinder::MatchResult &Result) {{
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  if (!Call)
    return;
  // TODO: decide whether Call is a finding; report it with diag().
}}
""",
    "async-context": """\
void {cls}::registerMatchers(MatchFinder *Finder) {{
{matcher}}}

void {cls}::check(const MatchFinder::MatchResult &Result) {{
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call"))
    addCandidate(Call, *Result.Context);
}}

void {cls}::checkInAsyncContext(const Stmt &Candidate,
{indent}const model::CandidateSite &Site,
{indent}const model::AsyncPath &Path,
{indent}const model::AsyncContextIndex &Index) {{
  // TODO: Candidate runs as async work (Path says why); report it with diag(),
  // then diagContextNotes(Path).
}}
""",
    "function-body": """\
void {cls}::checkBody(const FunctionDecl &Function, const Stmt &Body,
{indent}bool IsCoroutine, ASTContext &Ctx) {{
  // TODO: walk Body (checks/model/StmtWalk.h) and report with diag().
}}
""",
}

PAGE = """# {name}

{summary}
{opt_in}
## Why

TODO: the bug this finds, and what it costs when the program runs.

## What it reports

TODO: each pattern it reports, with a short example and the message.

## What it leaves alone

TODO: the look-alikes it does not report, and why.

## Options

None of its own; the shared options of the async model apply (README,
Configuration).

## Suppressing a finding

`// NOLINT({name})` on the line of the finding.
"""

OPT_IN = """
This check is opt-in: async-tidy and the language server run it only when
`--checks` or a configuration names it in full; `async-*` leaves it off.
clang-tidy with the plugin knows only globs: there `async-*` includes it.
"""

TEST = """\
// RUN: %check_async_tidy %s {name} %t
// The skeleton reports nothing yet: remove the XFAIL line when it does.
// XFAIL: *

#include "cppcoro/task.hpp"

// A positive: code the check reports.
cppcoro::task<void> reported() {{
  co_return;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: TODO: the message [{name}]
}}

// A look-alike negative: code that resembles the positive but is right.
// Any warning no CHECK-MESSAGES line expects fails the test.
cppcoro::task<void> left_alone() {{
  co_return;
}}
"""


def clang_format(*paths):
    """The project's style (.clang-format) on the new C++ files: long class
    names wrap differently."""
    tool = shutil.which("clang-format-19") or shutil.which("clang-format")
    if not tool or subprocess.run([tool, "-i"] + list(paths)).returncode:
        sys.stderr.write("new-check: run clang-format-19 -i on %s\n"
                         % " ".join(os.path.relpath(p, TOP) for p in paths))


def class_name(name):
    return "".join(part.capitalize() for part in name.split("-")[1:]) + "Check"


def catalogue_entry(name, cls, default, summary):
    indent = " " * len("ASYNC_CHECK(")
    return '%s"%s",\n%s%s,\n%s"%s.h",\n%s%s,\n%s)\n' % (
        "ASYNC_CHECK(", name, indent, cls, indent, cls, indent, default,
        c_string_lines(summary, indent))


def insert_entry(text, name, entry):
    """\\p text with \\p entry before the first entry named after \\p name."""
    for match in re.finditer(r'^ASYNC_CHECK\("([^"]+)"', text, re.M):
        if match.group(1) > name:
            return text[:match.start()] + entry + text[match.start():]
    end = re.search(r"\n+#undef ASYNC_CHECK", text)
    if not end:
        fail("%s has no '#undef ASYNC_CHECK' line" % catalog.CATALOG)
    return text[:end.start() + 1] + entry + text[end.start() + 1:]


def write_new(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "x") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("name")
    parser.add_argument("--base", required=True, choices=sorted(BASES))
    parser.add_argument("--opt-in", action="store_true",
                        help="off unless named in full (the catalogue's "
                        "OptIn)")
    parser.add_argument("--summary",
                        help="one plain sentence: what the check finds")
    args = parser.parse_args()

    name = args.name
    if not catalog.NAME.match(name):
        fail("'%s' is not a check name: async-<lowercase-dashed>, e.g. "
             "async-detached-timer" % name)
    if args.summary is not None and not args.summary.strip():
        fail("--summary is empty")
    cls = class_name(name)
    checks = catalog.read(TOP)
    if any(c.name == name for c in checks):
        fail("%s exists already (%s)" % (name, catalog.CATALOG))
    if any(c.cls == cls for c in checks):
        fail("class %s exists already (%s)" % (cls, catalog.CATALOG))
    paths = {
        "header": os.path.join(TOP, "checks", cls + ".h"),
        "source": os.path.join(TOP, "checks", cls + ".cpp"),
        "page": os.path.join(TOP, "docs", "checks", name + ".md"),
        "test": os.path.join(TOP, "test", "checks", name, "basic.cpp"),
    }
    for path in paths.values():
        if os.path.exists(path):
            fail("%s exists already" % os.path.relpath(path, TOP))
    if os.path.exists(os.path.dirname(paths["test"])):
        fail("%s exists already"
             % os.path.relpath(os.path.dirname(paths["test"]), TOP))

    summary = (args.summary or "TODO: what %s finds" % name).strip()
    sentence = summary if summary.endswith(".") else summary + "."
    base = BASES[args.base]
    guard = "ASYNC_TIDY_CHECKS_%s_H" % cls.upper()
    doc = wrap_comment(sentence, "///")
    write_new(paths["header"], HEADER.format(
        banner=banner(cls + ".h", name), guard=guard, base=base, doc=doc,
        name=name, cls=cls, members=MEMBERS[args.base]))
    constructor = ("%s::%s(StringRef Name, ClangTidyContext *Context)\n"
                   "    : %s(Name, Context) {}" % (cls, cls, base))
    uses_matchers = args.base != "function-body"
    includes = ('#include "clang/ASTMatchers/ASTMatchFinder.h"\n\n'
                "using namespace clang::ast_matchers;\n"
                if uses_matchers else "")
    method = "checkInAsyncContext" if args.base == "async-context" \
        else "checkBody"
    write_new(paths["source"], SOURCE.format(
        banner=banner(cls + ".cpp", name), cls=cls, includes=includes,
        constructor=constructor, body=BODIES[args.base].format(
            cls=cls, matcher=CALL_MATCHER,
            indent=" " * len("void %s::%s(" % (cls, method)))))
    clang_format(paths["header"], paths["source"])
    write_new(paths["page"], PAGE.format(
        name=name, summary=sentence,
        opt_in=OPT_IN if args.opt_in else ""))
    write_new(paths["test"], TEST.format(name=name))

    catalogue = os.path.join(TOP, catalog.CATALOG)
    with open(catalogue) as f:
        text = f.read()
    with open(catalogue, "w") as f:
        f.write(insert_entry(text, name, catalogue_entry(
            name, cls, "OptIn" if args.opt_in else "On", summary)))
    catalog.readme(TOP, catalog.read(TOP), write=True)

    print("Added %s (%s, %s, %s). Next: the logic in checks/%s.cpp, the "
          "page docs/checks/%s.md, the tests in test/checks/%s/ (remove "
          "the XFAIL line once it reports); docs/contributing.md."
          % (name, cls, base, "opt-in" if args.opt_in else "on by default",
             cls, name, name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
