"""async_tidy_binary: the installed async-tidy as a repository.

In the WORKSPACE:

    local_repository(name = "async_tidy", path = "/path/to/async-tidy/tools/bazel")
    load("@async_tidy//:repository.bzl", "async_tidy_binary")
    async_tidy_binary(name = "async_tidy_binary")  # path = "/usr/bin/async-tidy"

The aspect runs @async_tidy_binary//:async-tidy, a declared tool of each of
its actions: remote execution ships it to the workers with the sources.
"""

def _async_tidy_binary_impl(rctx):
    path = rctx.attr.path or rctx.which("async-tidy")
    if not path:
        fail("async-tidy is not on PATH: give async_tidy_binary a path")
    rctx.symlink(path, "async-tidy")
    rctx.file("BUILD", 'exports_files(["async-tidy"], visibility = ["//visibility:public"])\n')

async_tidy_binary = repository_rule(
    implementation = _async_tidy_binary_impl,
    attrs = {"path": attr.string(doc = "async-tidy's path (default: the one on PATH)")},
    local = True,
)
