#!/usr/bin/env python3
"""Copies the source tree as git sees it (tracked files and untracked ones
that are not ignored, so no build directory) to DST and commits the copy,
so that a test can change it and ask git what changed.

    copy_source_tree.py SRC DST
"""
import os
import shutil
import subprocess
import sys


def git(*args, cwd):
    return subprocess.run(["git", "-c", "user.name=test",
                           "-c", "user.email=test@localhost"] + list(args),
                          cwd=cwd, check=True, stdout=subprocess.PIPE,
                          text=True).stdout


def main(src, dst):
    files = git("ls-files", "-z", "--cached", "--others", "--exclude-standard",
                cwd=src).split("\0")
    for name in filter(None, files):
        source = os.path.join(src, name)
        if not os.path.isfile(source):  # deleted in the work tree
            continue
        target = os.path.join(dst, name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(source, target)
    git("init", "-q", cwd=dst)
    git("add", "-A", cwd=dst)
    git("commit", "-q", "-m", "copy", cwd=dst)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]))
