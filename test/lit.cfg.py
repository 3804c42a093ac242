# lit configuration for async-tidy. Run through `make check` (scripts/run-tests.sh),
# which passes the build directory and the LLVM version as parameters.
import os
import shlex
import subprocess
import sys
import tempfile

import lit.formats

config.name = "async-tidy"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(os.path.abspath(__file__))

# NAME-full.test is the long version of NAME.test (more files, more
# mutants): `make check-all` (--param long=1) runs it instead of NAME.test,
# which stays within `make check`'s time budget. Excluded rather than
# unsupported, so that neither run reports skipped tests.
long_runs = lit_config.params.get("long", "0") == "1"
for _, _, names in os.walk(config.test_source_root):
    for name in names:
        if name.endswith("-full.test"):
            config.excludes.append(
                name[:-len("-full.test")] + ".test" if long_runs else name)

build_dir = os.path.abspath(lit_config.params.get("build_dir", "build"))
llvm_version = lit_config.params.get("llvm_version", "19")
llvm_bin = "/usr/lib/llvm-%s/bin" % llvm_version
config.test_exec_root = os.path.join(build_dir, "test")

async_tidy = os.path.join(build_dir, "bin", "async-tidy")
module = os.path.join(build_dir, "lib", "AsyncTidyModule.so")
clang_tidy = os.path.join(llvm_bin, "clang-tidy")
filecheck = os.path.join(llvm_bin, "FileCheck")
python = shlex.quote(sys.executable)
inputs = os.path.join(config.test_source_root, "Inputs")

config.environment["PATH"] = os.pathsep.join(
    [llvm_bin, config.environment.get("PATH", os.environ.get("PATH", ""))])
# Colors and terminals must not change what the tools print.
config.environment["TERM"] = "dumb"

check_script = os.path.join(config.test_source_root, "check_async_tidy.py")
config.substitutions.append(
    ("%check_async_tidy",
     "%s %s --async-tidy %s --clang-tidy %s --module %s --filecheck %s --inputs %s"
     % (python, check_script, async_tidy, clang_tidy, module, filecheck, inputs)))
# The driver built with AddressSanitizer and UBSan (make asan), for
# test/reliability/; its tests fail, not skip, when it is missing.
sanitized_async_tidy = os.path.join(
    lit_config.params.get("sanitized_build_dir", build_dir + "-asan"), "bin",
    "async-tidy")
config.substitutions.append(("%async_tidy_sanitized", sanitized_async_tidy))
config.substitutions.append(("%async_tidy", async_tidy))
config.substitutions.append(("%clang_tidy", clang_tidy))
config.substitutions.append(("%module", module))
config.substitutions.append(("%inputs", inputs))
config.substitutions.append(
    ("%expect_exit",
     "%s %s" % (python, os.path.join(config.test_source_root, "expect_exit.py"))))
config.substitutions.append(("%python", python))
# The check catalogue (checks/CheckCatalog.def) as FileCheck lines, so that
# adding a check changes no test.
source_root = os.path.dirname(config.test_source_root)
config.substitutions.append(
    ("%catalog", "%s %s --root %s" % (
        python, os.path.join(source_root, "scripts", "catalog.py"),
        source_root)))
config.substitutions.append(("%FileCheck", filecheck))
# A directory with no compile_commands.json above it (the build tree has one).
config.substitutions.append(
    ("%outside_tmp", tempfile.mkdtemp(prefix="async-tidy-lit-")))
# Debian's python3 with python3-jsonschema (scripts/install-deps.sh).
config.substitutions.append(("%system_python", "/usr/bin/python3"))
config.substitutions.append(
    ("%clangxx", os.path.join(llvm_bin, "clang++")))
# CMake and Ninja come with scripts/install-deps.sh; a machine without them
# reports the CMake integration test as unsupported.
import shutil
if shutil.which("cmake") and shutil.which("ninja"):
    config.available_features.add("cmake")
# Neovim, for the editor test of `async-tidy lsp` (scripts/install-deps.sh).
if shutil.which("nvim"):
    config.available_features.add("nvim")
# Bazel (Debian's bazel-bootstrap), for the aspect of tools/bazel/
# (test/integration/bazel.test).
if shutil.which("bazel"):
    config.available_features.add("bazel")
# Emacs with Debian's eglot (emacs-nox, elpa-eglot), the second editor test.
import glob
if shutil.which("emacs") and glob.glob("/usr/share/emacs/site-lisp/elpa/eglot-*"):
    config.available_features.add("emacs-eglot")

# Microsoft's SARIF Multitool, installed from npm by scripts/install-deps.sh
# into build-tools/ (test/driver/sarif-github.test).
sarif_multitool = lit_config.params.get(
    "sarif_multitool",
    os.path.join(os.path.dirname(config.test_source_root), "build-tools",
                 "node_modules", "@microsoft", "sarif-multitool-linux",
                 "Sarif.Multitool"))
if os.access(sarif_multitool, os.X_OK):
    config.available_features.add("sarif-multitool")
else:
    lit_config.note("no SARIF Multitool at %s (scripts/install-deps.sh installs "
                    "it with npm): its test reports UNSUPPORTED" % sarif_multitool)
config.substitutions.append(
    ("%multitool_sarif", "%s %s %s" % (
        "/usr/bin/python3",
        os.path.join(config.test_source_root, "multitool_sarif.py"),
        sarif_multitool)))

# Real libraries for test/integration/: whichever Boost (1.74, 1.81, 1.83 ...)
# and cpprestsdk the machine has; scripts/install-deps.sh installs them only
# when apt removes nothing, so a machine may lack one.
def has_header(header):
    return any(os.path.exists(os.path.join(d, header))
               for d in ("/usr/include", "/usr/local/include"))
if has_header("boost/asio.hpp"):
    config.available_features.add("boost-asio")
if has_header("pplx/pplxtasks.h"):
    config.available_features.add("cpprest")
if has_header("absl/synchronization/mutex.h"):
    config.available_features.add("absl")

# Seastar's real headers, from the field-test extract (bench/field/seastar):
# they need Debian's fmt and the Boost headers.
if has_header("fmt/format.h") and has_header("boost/asio.hpp"):
    config.available_features.add("seastar")
    seastar = os.path.join(os.path.dirname(__file__), "..", "bench", "field",
                           "seastar", "include")
    config.substitutions.append(
        ("%seastar_flags", "-std=c++23 -I%s -DSEASTAR_API_LEVEL=7 "
         "-DSEASTAR_SCHEDULING_GROUPS_COUNT=16" % os.path.abspath(seastar)))

# Qt 6 from Debian's qt6-base-dev (test/integration/qt-*.cpp): the include
# paths of QtCore, QtConcurrent and QtWidgets, from pkg-config or else the
# multiarch directory; %qt6_flags passes them.
def qt6_flags():
    modules = ["Qt6Core", "Qt6Concurrent", "Qt6Widgets"]
    if shutil.which("pkg-config"):
        try:
            return subprocess.run(["pkg-config", "--cflags"] + modules,
                                  check=True, capture_output=True,
                                  text=True).stdout.split()
        except subprocess.CalledProcessError:
            pass
    for root in glob.glob("/usr/include/*/qt6"):
        if all(os.path.isdir(os.path.join(root, "Qt" + m[3:]))
               for m in modules):
            return ["-I" + root] + ["-I" + os.path.join(root, d)
                                    for d in ("QtCore", "QtConcurrent",
                                              "QtWidgets", "QtGui")]
    return None
qt6 = qt6_flags()
if qt6 is not None:
    config.available_features.add("qt6")
    # Qt refuses code built without position-independent code.
    config.substitutions.append(
        ("%qt6_flags", " ".join(shlex.quote(f) for f in qt6 + ["-fPIC"])))
