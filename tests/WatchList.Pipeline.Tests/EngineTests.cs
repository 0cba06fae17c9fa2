using System.Collections.Concurrent;
using System.Collections.Immutable;
using static WatchList.Pipeline.Tests.Modules;

namespace WatchList.Pipeline.Tests;

public class EngineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static string[] Names(EngineResult result, string pipeline) => [.. result.Outputs[pipeline].Select(NameOf)];

    [Fact]
    public async Task Modules_run_in_phase_order_input_process_post_process_output()
    {
        var log = new ConcurrentQueue<string>();
        var written = new ConcurrentQueue<string>();
        var pipeline = new Pipeline("p")
        {
            // Listed out of order on purpose: the phase decides when a module runs, not where it is written.
            Output =
            [
                Log(log),
                new DelegateModule((inputs, _) =>
                {
                    foreach (var document in inputs)
                    {
                        written.Enqueue(NameOf(document));
                    }
                    return inputs;
                }),
            ],
            PostProcess = [Log(log), Suffix(".post")],
            Process = [Log(log), Suffix(".process1"), Suffix(".process2")],
            Input = [Emit("a"), Log(log)],
        };

        var result = await new Engine([pipeline]).RunAsync();

        Assert.True(result.Succeeded);
        Assert.Equal(["p:Input", "p:Process", "p:PostProcess", "p:Output"], log);
        Assert.Equal(["a.process1.process2.post"], written);
    }

    [Fact]
    public async Task Process_phase_sees_the_processed_documents_of_its_dependencies()
    {
        var seen = new ConcurrentDictionary<string, string[]>();
        var terms = new Pipeline("terms") { Input = [Emit("yongbyon", "kaesong")], Process = [Suffix(".parsed")] };
        var pages = new Pipeline("pages") { Dependencies = ["terms"], Process = [Peek("terms", seen)] };

        var result = await new Engine([pages, terms]).RunAsync();

        Assert.True(result.Succeeded);
        Assert.Equal(["yongbyon.parsed", "kaesong.parsed"], seen["terms"]);
    }

    [Fact]
    public async Task Process_phase_reading_an_undeclared_pipeline_fails_the_run_naming_both_pipelines()
    {
        var seen = new ConcurrentDictionary<string, string[]>();
        var terms = new Pipeline("terms") { Input = [Emit("yongbyon")] };
        var pages = new Pipeline("pages") { Process = [Peek("terms", seen)] };

        var result = await new Engine([terms, pages]).RunAsync();

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Contains("InvalidOperationException", error.Message);
        Assert.Contains("'pages'", error.Message);
        Assert.Contains("'terms'", error.Message);
        Assert.Contains("without declaring it as a dependency", error.Message);
        Assert.False(seen.ContainsKey("terms"));
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Post_process_phase_sees_every_pipeline_without_declaring_it()
    {
        var seenByA = new ConcurrentDictionary<string, string[]>();
        var seenByB = new ConcurrentDictionary<string, string[]>();
        var a = new Pipeline("a") { Input = [Emit("a1")], Process = [Suffix("!")], PostProcess = [Peek("b", seenByA)] };
        var b = new Pipeline("b") { Input = [Emit("b1", "b2")], Process = [Suffix("!")], PostProcess = [Peek("a", seenByB)] };

        var result = await new Engine([a, b]).RunAsync();

        Assert.True(result.Succeeded);
        Assert.Equal(["b1!", "b2!"], seenByA["b"]);
        Assert.Equal(["a1!"], seenByB["a"]);
    }

    [Fact]
    public void Pipelines_are_ordered_after_their_dependencies()
    {
        var home = new Pipeline("home") { Dependencies = ["commentaries"] };
        var commentaries = new Pipeline("commentaries") { Dependencies = ["glossary", "actors"] };
        var glossary = new Pipeline("glossary");
        var actors = new Pipeline("actors");

        var order = new Engine([home, commentaries, glossary, actors]).Ordered.Select(p => p.Name).ToList();

        Assert.True(order.IndexOf("glossary") < order.IndexOf("commentaries"));
        Assert.True(order.IndexOf("actors") < order.IndexOf("commentaries"));
        Assert.True(order.IndexOf("commentaries") < order.IndexOf("home"));
        Assert.Equal(4, order.Count);
    }

    [Fact]
    public void A_dependency_cycle_is_rejected_at_construction_naming_the_cycle()
    {
        Pipeline[] pipelines =
        [
            new("site"),
            new("glossary") { Dependencies = ["site", "actors"] },
            new("actors") { Dependencies = ["glossary"] },
        ];

        var error = Assert.Throws<ArgumentException>(() => new Engine(pipelines));

        Assert.Contains("cycle", error.Message);
        Assert.Contains("glossary -> actors -> glossary", error.Message);
    }

    [Fact]
    public void A_pipeline_depending_on_itself_is_a_cycle()
    {
        var error = Assert.Throws<ArgumentException>(() => new Engine([new Pipeline("home") { Dependencies = ["home"] }]));

        Assert.Contains("home -> home", error.Message);
    }

    [Fact]
    public void An_unknown_dependency_is_rejected_at_construction_naming_both_pipelines()
    {
        Pipeline[] pipelines = [new("glossary"), new("commentaries") { Dependencies = ["glosary"] }];

        var error = Assert.Throws<ArgumentException>(() => new Engine(pipelines));

        Assert.Contains("'commentaries'", error.Message);
        Assert.Contains("'glosary'", error.Message);
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void Two_pipelines_with_one_name_are_rejected_at_construction()
    {
        var error = Assert.Throws<ArgumentException>(() => new Engine([new Pipeline("home"), new Pipeline("home")]));

        Assert.Contains("'home'", error.Message);
    }

    [Fact]
    public async Task A_document_that_throws_a_diagnostic_is_dropped_and_the_others_go_on()
    {
        var pipeline = new Pipeline("commentaries")
        {
            Input = [Emit("a", "b", "c")],
            Process = [new RejectDocuments("b"), Suffix(".rendered")],
        };

        var result = await new Engine([pipeline]).RunAsync();

        Assert.False(result.Succeeded);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Error, diagnostic.Severity);
        Assert.Equal(new SourceLocation("in/b.md", 3, 7), diagnostic.Location);
        Assert.Equal("'b' is broken", diagnostic.Message);
        // The later module of the same phase still ran on the good documents.
        Assert.Equal(["a+checked.rendered", "c+checked.rendered"], Names(result, "commentaries"));
    }

    [Fact]
    public async Task Every_broken_document_is_reported_in_one_run_sorted_by_file_line_and_column()
    {
        var pipeline = new Pipeline("p")
        {
            Input = [Emit("e", "b", "d", "a", "c")],
            Process = [new RejectDocuments("e", "a", "c")],
        };

        var result = await new Engine([pipeline]).RunAsync();

        Assert.Equal(
            ["in/a.md:3:7: error: 'a' is broken; fix it", "in/c.md:3:7: error: 'c' is broken; fix it", "in/e.md:3:7: error: 'e' is broken; fix it"],
            result.Diagnostics.Select(d => d.ToString()));
        Assert.Equal(3, result.ErrorCount);
    }

    [Fact]
    public async Task Per_document_modules_keep_the_input_order()
    {
        var names = Enumerable.Range(0, 200).Select(i => $"d{i:000}").ToArray();
        var pipeline = new Pipeline("p") { Input = [Emit(names)], Process = [new RejectDocuments()] };

        var result = await new Engine([pipeline], maxParallelism: 4).RunAsync();

        Assert.Equal(names.Select(n => n + "+checked"), Names(result, "p"));
    }

    [Fact]
    public async Task A_whole_phase_module_throwing_a_diagnostic_is_reported_not_a_crash()
    {
        var log = new ConcurrentQueue<string>();
        var site = new Pipeline("site")
        {
            Input =
            [
                new DelegateModule((_, _) => throw new DiagnosticException(
                    Diagnostic.Error(new SourceLocation("input/site.yml"), "the site settings file is missing", "create site.yml"))),
            ],
            Output = [Log(log)],
        };

        var result = await new Engine([site]).RunAsync();

        Assert.False(result.Succeeded);
        Assert.Equal("input/site.yml: error: the site settings file is missing; create site.yml", Assert.Single(result.Diagnostics).ToString());
        Assert.Empty(log);
    }

    [Fact]
    public async Task Diagnostics_thrown_by_whole_phase_modules_of_two_pipelines_are_both_reported()
    {
        static IModule Throw(string path) => new DelegateModule((_, _) =>
            throw new DiagnosticException(Diagnostic.Error(new SourceLocation(path), "cannot be read", "check it")));
        // Each waits for the other to have started, so both throw in the same run whatever the scheduling.
        var started = new CountdownEvent(2);
        IModule Meet() => new DelegateModule((inputs, _) =>
        {
            started.Signal();
            Assert.True(started.Wait(Patience));
            return inputs;
        });
        var theme = new Pipeline("theme") { Process = [Meet(), Throw("theme/")] };
        var assets = new Pipeline("assets") { Process = [Meet(), Throw("theme/assets/")] };

        var result = await new Engine([theme, assets]).RunAsync();

        Assert.Equal(["theme/: error: cannot be read; check it", "theme/assets/: error: cannot be read; check it"],
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public async Task No_post_process_or_output_phase_runs_when_any_error_was_reported()
    {
        var log = new ConcurrentQueue<string>();
        var broken = new Pipeline("glossary")
        {
            Input = [Emit("yongbyon")],
            Process = [new RejectDocuments("yongbyon")],
            PostProcess = [Log(log)],
            Output = [Log(log)],
        };
        var healthy = new Pipeline("assets")
        {
            Input = [Emit("style")],
            Process = [Log(log)],
            PostProcess = [Log(log)],
            Output = [Log(log)],
        };

        var result = await new Engine([broken, healthy]).RunAsync();

        Assert.False(result.Succeeded);
        Assert.Equal(["assets:Process"], log);
    }

    [Fact]
    public async Task A_warning_does_not_stop_the_output_phase()
    {
        var log = new ConcurrentQueue<string>();
        var pipeline = new Pipeline("p")
        {
            Process =
            [
                new DelegateModule((inputs, context) =>
                {
                    context.Diagnostics.Add(Diagnostic.Warning(new SourceLocation("in/a.md", 2, 1), "unknown key 'sumary' is ignored"));
                    return inputs;
                }),
            ],
            Output = [Log(log)],
        };

        var result = await new Engine([pipeline]).RunAsync();

        Assert.True(result.Succeeded);
        Assert.Equal(1, result.WarningCount);
        Assert.Equal(["p:Output"], log);
    }

    [Fact]
    public async Task A_pipeline_whose_dependency_reported_an_error_is_skipped()
    {
        var log = new ConcurrentQueue<string>();
        var glossary = new Pipeline("glossary") { Input = [Emit("yongbyon")], Process = [new RejectDocuments("yongbyon")] };
        var commentaries = new Pipeline("commentaries") { Dependencies = ["glossary"], Process = [Log(log)] };

        var result = await new Engine([glossary, commentaries]).RunAsync();

        Assert.Single(result.Diagnostics);
        Assert.Empty(log);
        Assert.Empty(result.Outputs["commentaries"]);
    }

    /// <summary>A process module that reports the given problems in file <paramref name="path"/> and passes its documents on.</summary>
    private static IModule Report(string path, params Severity[] severities) =>
        Async((inputs, context) =>
        {
            foreach (var severity in severities)
            {
                var location = new SourceLocation(path, 1, 1);
                context.Diagnostics.Add(severity == Severity.Error ? Diagnostic.Error(location, "wrong") : Diagnostic.Warning(location, "doubtful"));
            }
            return Task.FromResult(inputs);
        });

    [Fact]
    public async Task After_errors_of_a_pipeline_that_lets_its_dependents_run_they_run_and_report_their_errors_only()
    {
        var log = new ConcurrentQueue<string>();
        var glossary = new Pipeline("glossary") { Input = [Emit("yongbyon", "kaesong")], Process = [new RejectDocuments("yongbyon")], ErrorsStopDependents = false };
        var commentaries = new Pipeline("commentaries") { Dependencies = ["glossary"], Process = [Log(log), Report("c.md", Severity.Warning)] };
        var pages = new Pipeline("pages") { Dependencies = ["commentaries"], Process = [Log(log), Report("p.md", Severity.Warning, Severity.Error)] };

        var result = await new Engine([glossary, commentaries, pages]).RunAsync();

        Assert.Equal(["commentaries:Process", "pages:Process"], log.Order());
        // The glossary's error and the pages' error; neither warning, which might follow from the glossary's error.
        Assert.Equal(2, result.ErrorCount);
        Assert.Contains(result.Diagnostics, d => d.Message == "'yongbyon' is broken");
        Assert.Contains(result.Diagnostics, d => d.Location.Path == "p.md" && d.Severity == Severity.Error);
        Assert.Equal(0, result.WarningCount);
        Assert.Equal(["kaesong+checked"], Names(result, "glossary"));
    }

    [Fact]
    public async Task Without_errors_upstream_a_dependent_pipeline_reports_its_warnings()
    {
        var glossary = new Pipeline("glossary") { Input = [Emit("kaesong")], ErrorsStopDependents = false };
        var commentaries = new Pipeline("commentaries") { Dependencies = ["glossary"], Process = [Report("c.md", Severity.Warning)] };

        var result = await new Engine([glossary, commentaries]).RunAsync();

        Assert.Equal(1, result.WarningCount);
    }

    [Fact]
    public async Task A_module_that_fails_outright_skips_the_dependents_even_of_a_pipeline_that_lets_them_run()
    {
        var log = new ConcurrentQueue<string>();
        var glossary = new Pipeline("glossary")
        {
            Input = [Emit("yongbyon")],
            Process = [Async((_, _) => throw new DiagnosticException(Diagnostic.Error(new SourceLocation("input/glossary/"), "cannot be read")))],
            ErrorsStopDependents = false,
        };
        var commentaries = new Pipeline("commentaries") { Dependencies = ["glossary"], Process = [Log(log)] };

        var result = await new Engine([glossary, commentaries]).RunAsync();

        Assert.Single(result.Diagnostics);
        Assert.Empty(log);
    }

    [Fact]
    public async Task A_pipeline_is_not_skipped_because_an_unrelated_pipeline_reported_an_error()
    {
        var log = new ConcurrentQueue<string>();
        var healthyRunning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errorReported = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The glossary reports its error while the actors' module is still running.
        var glossary = new Pipeline("glossary")
        {
            Process =
            [
                Async(async (inputs, context) =>
                {
                    await healthyRunning.Task.WaitAsync(Patience);
                    context.Diagnostics.Add(Diagnostic.Error(new SourceLocation("input/glossary/x.md", 2, 1), "broken"));
                    errorReported.SetResult();
                    return inputs;
                }),
            ],
        };
        var actors = new Pipeline("actors")
        {
            Process =
            [
                Async(async (inputs, _) =>
                {
                    healthyRunning.SetResult();
                    await errorReported.Task.WaitAsync(Patience);
                    return inputs;
                }),
            ],
        };
        var actorPages = new Pipeline("actor-pages") { Dependencies = ["actors"], Process = [Log(log)] };

        var result = await new Engine([glossary, actors, actorPages]).RunAsync();

        Assert.Single(result.Diagnostics);
        // actor-pages depends only on actors, which reported nothing: its own problems must still be found.
        Assert.Equal(["actor-pages:Process"], log);
    }

    [Fact]
    public async Task Independent_pipelines_process_phases_run_at_the_same_time()
    {
        var glossaryStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actorsStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Each module finishes only once the other has started: run one after the other, the first times out.
        IModule MeetOther(TaskCompletionSource mine, TaskCompletionSource other) => Async(async (inputs, _) =>
        {
            mine.SetResult();
            await other.Task.WaitAsync(Patience);
            return inputs;
        });
        var glossary = new Pipeline("glossary") { Input = [Emit("g")], Process = [MeetOther(glossaryStarted, actorsStarted)] };
        var actors = new Pipeline("actors") { Input = [Emit("a")], Process = [MeetOther(actorsStarted, glossaryStarted)] };

        var result = await new Engine([glossary, actors]).RunAsync();

        Assert.True(result.Succeeded);
        Assert.Equal(["g"], Names(result, "glossary"));
        Assert.Equal(["a"], Names(result, "actors"));
    }

    [Fact]
    public async Task Documents_of_one_per_document_module_are_processed_in_parallel()
    {
        using var barrier = new Barrier(2);
        var pipeline = new Pipeline("p")
        {
            Input = [Emit("a", "b")],
            Process = [new MeetAtBarrier(barrier, Patience)],
        };

        var result = await new Engine([pipeline], maxParallelism: 2).RunAsync();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal(["a", "b"], Names(result, "p"));
    }

    [Fact]
    public async Task Cancelling_stops_a_run_before_its_next_module()
    {
        using var cancel = new CancellationTokenSource();
        var log = new ConcurrentQueue<string>();
        var pipeline = new Pipeline("p")
        {
            Process =
            [
                new DelegateModule((inputs, _) =>
                {
                    cancel.Cancel();
                    return inputs;
                }),
                Log(log, "after cancel"),
            ],
            Output = [Log(log, "output")],
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Engine([pipeline]).RunAsync(cancel.Token));

        Assert.Empty(log);
    }

    [Fact]
    public async Task A_run_with_an_already_cancelled_token_runs_no_module()
    {
        var log = new ConcurrentQueue<string>();
        var pipeline = new Pipeline("p") { Input = [Log(log)], Process = [Log(log)], Output = [Log(log)] };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Engine([pipeline]).RunAsync(new CancellationToken(canceled: true)));

        Assert.Empty(log);
    }

    [Fact]
    public async Task Cancelling_stops_a_per_document_module_midway()
    {
        using var cancel = new CancellationTokenSource();
        var handled = 0;
        var pipeline = new Pipeline("p")
        {
            Input = [Emit([.. Enumerable.Range(0, 10_000).Select(i => $"d{i}")])],
            Process = [new CountAndCancel(cancel, () => Interlocked.Increment(ref handled))],
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Engine([pipeline], maxParallelism: 1).RunAsync(cancel.Token));

        Assert.True(Volatile.Read(ref handled) < 10_000);
    }

    private sealed class MeetAtBarrier(Barrier barrier, TimeSpan patience) : PerDocumentModule
    {
        protected override Document? Execute(Document input, PipelineContext context) =>
            barrier.SignalAndWait(patience)
                ? input
                : throw new DiagnosticException(Diagnostic.Error(new SourceLocation(input.Source), "the other document never ran alongside"));
    }

    private sealed class CountAndCancel(CancellationTokenSource cancel, Func<int> count) : PerDocumentModule
    {
        protected override Document? Execute(Document input, PipelineContext context)
        {
            if (count() == 10)
            {
                cancel.Cancel();
            }
            return input;
        }
    }

    private sealed record Session(string Name);

    [Fact]
    public async Task Every_module_of_a_run_sees_the_session_services_the_engine_was_given_and_none_without()
    {
        var seen = new ConcurrentQueue<string>();
        IModule Look() => new DelegateModule((inputs, context) =>
        {
            seen.Enqueue($"{context.Phase}:{context.Service<Session>()?.Name ?? "none"}");
            return inputs;
        });
        var pipeline = new Pipeline("p") { Input = [Emit("a"), Look()], Process = [Look()], PostProcess = [Look()], Output = [Look()] };

        await new Engine([pipeline], services: [new Session("preview")]).RunAsync();
        Assert.Equal(["Input:preview", "Process:preview", "PostProcess:preview", "Output:preview"], seen);

        seen.Clear();
        await new Engine([pipeline]).RunAsync();
        Assert.Equal(["Input:none", "Process:none", "PostProcess:none", "Output:none"], seen);
    }
}
