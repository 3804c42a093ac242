"""Prints what bench/tools.py's Profile reads from a saved profile output."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "bench"))
from tools import Profile  # noqa: E402

profile = Profile(open(sys.argv[1]).read())
for name in sorted(profile.per_check):
    print("%s %.4f" % (name, profile.per_check[name]))
print("front end %.4f checks %.4f" % (profile.front_end, profile.checks))
