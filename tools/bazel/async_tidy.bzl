"""async_tidy_aspect: async-tidy on every C++ source of a cc_* target.

    bazel build //... --aspects @async_tidy//:async_tidy.bzl%async_tidy_aspect \
        --output_groups=async_tidy
    async-tidy merge $(find bazel-bin -name '*.async-tidy.json')

Each source is one action, cached and remote-executed like a compile, that
runs async-tidy with the target's compile flags and writes a JSON report
(bazel-bin/<package>/<target>.async-tidy/<source>.async-tidy.json): a run
of one shard (--shard=1/1) whose files are named relative to the execution
root, which `async-tidy merge` joins with the other actions' reports.
Findings do not fail the action; the merge's exit status is the verdict.
"""

_SOURCE_EXTENSIONS = ["c", "cc", "cpp", "cxx", "c++", "C"]

def _flags(ctx, compilation_context):
    flags = ["-std=c++20"]
    flags += ["-D" + d for d in compilation_context.defines.to_list()]
    flags += ["-D" + d for d in compilation_context.local_defines.to_list()]
    flags += ["-I" + i for i in compilation_context.includes.to_list()]
    flags += ["-iquote" + i for i in compilation_context.quote_includes.to_list()]
    flags += ["-isystem" + i for i in compilation_context.system_includes.to_list()]
    flags += ctx.fragments.cpp.copts + ctx.fragments.cpp.cxxopts
    flags += getattr(ctx.rule.attr, "copts", [])
    return flags

def _async_tidy_aspect_impl(target, ctx):
    if CcInfo not in target or not hasattr(ctx.rule.files, "srcs"):
        return []
    compilation_context = target[CcInfo].compilation_context
    tool = ctx.executable._async_tidy
    config = ctx.files._config
    flags = _flags(ctx, compilation_context)
    reports = []
    for src in ctx.rule.files.srcs:
        if src.extension not in _SOURCE_EXTENSIONS:
            continue
        report = ctx.actions.declare_file(
            "%s.async-tidy/%s.async-tidy.json" % (ctx.label.name, src.short_path),
        )
        args = ctx.actions.args()
        args.add(report)
        args.add(tool)
        args.add("--quiet")
        args.add("--cross-file=false")
        args.add("--shard=1/1")
        args.add("--fail-on-findings=false")
        args.add("--format=json")
        args.add("--report-root=.")
        args.add("--output", report)
        # Without a configuration, async-tidy's defaults: not a .clang-tidy
        # that a local action would find above the execution root.
        if config:
            args.add("--config-file", config[0])
        else:
            args.add("--config={}")
        args.add(src)
        args.add("--")
        args.add_all(flags)
        ctx.actions.run_shell(
            inputs = depset([src] + config, transitive = [compilation_context.headers]),
            outputs = [report],
            tools = [tool],
            # Exit status 2 with a report (compile errors, an analysis that
            # crashed) leaves the verdict to the merge; without one, the
            # action fails with async-tidy's message.
            command = '"$2" "${@:3}" || test -s "$1"',
            arguments = [args],
            mnemonic = "AsyncTidy",
            progress_message = "async-tidy %s" % src.short_path,
        )
        reports.append(report)
    return [OutputGroupInfo(async_tidy = depset(reports))]

async_tidy_aspect = aspect(
    implementation = _async_tidy_aspect_impl,
    fragments = ["cpp"],
    attrs = {
        "_async_tidy": attr.label(
            default = Label("@async_tidy_binary//:async-tidy"),
            executable = True,
            cfg = "exec",
            allow_single_file = True,
        ),
        "_config": attr.label(
            default = Label("//:config"),
            allow_files = True,
        ),
    },
)
