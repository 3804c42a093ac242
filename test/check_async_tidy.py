#!/usr/bin/env python3
"""Runs one check on one test source in both ways async-tidy is used, and
checks the diagnostics and the fixes against the source's annotations.

    check_async_tidy.py [tool paths] [--mode both|driver|plugin]
                        [--check-suffixes S1,S2] SOURCE CHECK TEMP
                        [-- TIDY-ARGS... [-- COMPILER-ARGS...]]

The modes are the async-tidy executable and clang-tidy loading the plugin
module. In each mode:
  - the source is copied to TEMP.<mode>.cpp with the CHECK lines blanked out
    (line numbers stay the same) and the tool runs on it with --fix;
  - its output must match the CHECK-MESSAGES lines (FileCheck), and hold no
    warning or error that no CHECK-MESSAGES line expects;
  - the fixed file must match the CHECK-FIXES lines, or be unchanged when
    there are none;
  - with --fixes-clean, the fixed file must compile and the check must find
    nothing left in it.
COMPILER-ARGS default to -std=c++20; -I<Inputs> (the mock headers) is added
unless --no-mocks is given, as the tests on real headers do.
"""
import argparse
import os
import re
import subprocess
import sys


def fail(message, output=""):
    sys.stderr.write(output)
    sys.exit("check_async_tidy: " + message)


def prefixes(base, suffixes):
    return [base + ("-" + s if s else "") for s in suffixes.split(",")]


def uses(source_text, names):
    return any(name + ":" in source_text for name in names)


def run_mode(args, mode, source_text, tidy_args, compiler_args):
    prefix_messages = prefixes("CHECK-MESSAGES", args.check_suffixes)
    prefix_fixes = prefixes("CHECK-FIXES", args.check_suffixes)
    temp = "%s.%s.cpp" % (args.temp, mode)
    cleaned = re.sub(r"// *CHECK-[A-Z0-9\-]*:[^\r\n]*", "//", source_text)
    os.makedirs(os.path.dirname(os.path.abspath(temp)), exist_ok=True)
    with open(temp, "w") as f:
        f.write(cleaned)

    checks = "--checks=-*," + args.check
    if mode == "driver":
        command = [args.async_tidy, temp, checks, "--fix", "--quiet"]
    else:
        command = [args.clang_tidy, "-load", args.module, temp, checks, "--fix"]
    command += tidy_args + ["--"] + compiler_args
    if not args.no_mocks:
        command.append("-I" + args.inputs)
    result = subprocess.run(command, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    output = result.stdout
    log = "$ %s\n%s\n%s\n" % (" ".join(command), output, result.stderr)
    allowed = (0, 1) if mode == "driver" else (0,)
    if result.returncode not in allowed:
        fail("%s mode exited with %d" % (mode, result.returncode), log)

    messages_file = temp + ".msg"
    with open(messages_file, "w") as f:
        f.write(output)
    if uses(source_text, prefix_messages):
        check = subprocess.run(
            [args.filecheck, "-input-file=" + messages_file, args.source,
             "-check-prefixes=" + ",".join(prefix_messages),
             "-implicit-check-not={{warning|error}}:"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if check.returncode != 0:
            fail("%s mode: messages do not match" % mode, log + check.stdout)
    elif re.search(r"(warning|error):", output):
        fail("%s mode: diagnostics where none are expected" % mode, log)

    with open(temp) as f:
        fixed = f.read()
    if uses(source_text, prefix_fixes):
        check = subprocess.run(
            [args.filecheck, "-input-file=" + temp, args.source,
             "-check-prefixes=" + ",".join(prefix_fixes), "-strict-whitespace",
             # A fix may need the suffixed mode only (CHECK-FIXES-INFER).
             "-allow-unused-prefixes"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if check.returncode != 0:
            fail("%s mode: fixes do not match" % mode, log + check.stdout)
    elif fixed != cleaned:
        fail("%s mode: the file was changed, but no CHECK-FIXES are given" % mode,
             log)

    if args.fixes_clean and mode == "driver":
        command = [args.async_tidy, temp, checks, "--quiet"] + tidy_args + \
            ["--"] + compiler_args
        if not args.no_mocks:
            command.append("-I" + args.inputs)
        rerun = subprocess.run(command, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
        if rerun.returncode != 0:
            fail("the fixed file is not clean (exit %d)" % rerun.returncode,
                 "$ %s\n%s" % (" ".join(command), rerun.stdout))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--async-tidy", required=True)
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--module", required=True)
    parser.add_argument("--filecheck", required=True)
    parser.add_argument("--inputs", required=True)
    parser.add_argument("--no-mocks", action="store_true")
    parser.add_argument("--fixes-clean", action="store_true",
                        help="the fixed file must compile with no finding left")
    parser.add_argument("--mode", choices=["both", "driver", "plugin"],
                        default="both")
    parser.add_argument("--check-suffixes", default="",
                        help="comma-separated; an empty item is the plain prefix")
    parser.add_argument("source")
    parser.add_argument("check")
    parser.add_argument("temp")
    argv = sys.argv[1:]
    extra = []
    if "--" in argv:
        split = argv.index("--")
        argv, extra = argv[:split], argv[split + 1:]
    args = parser.parse_args(argv)
    tidy_args, compiler_args = extra, ["-std=c++20"]
    if "--" in extra:
        split = extra.index("--")
        tidy_args, compiler_args = extra[:split], extra[split + 1:]

    with open(args.source) as f:
        source_text = f.read()
    modes = ["driver", "plugin"] if args.mode == "both" else [args.mode]
    for mode in modes:
        run_mode(args, mode, source_text, tidy_args, compiler_args)


if __name__ == "__main__":
    main()
