using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using YamlDotNet.RepresentationModel;

namespace WatchList.Tests;

/// <summary>
/// The GitHub Pages workflow, <c>.github/workflows/pages.yml</c>: it parses, runs on push to main and by hand,
/// has just the permissions a Pages deployment needs, and builds with the README's own command.
/// </summary>
public sealed partial class DeployWorkflowTests
{
    private static readonly string WorkflowFile = Path.Combine(TestSite.RepositoryRoot, ".github", "workflows", "pages.yml");

    /// <summary>One step of one job, in the order the job runs them.</summary>
    private sealed record Step(string Job, int Index, YamlMappingNode Node)
    {
        public string? Uses => Scalar(Node, "uses");
        public string? Action => Uses?.Split('@')[0];
        public string? Id => Scalar(Node, "id");
        public string? Run => Scalar(Node, "run");
        public string? With(string key) => Node.Children.TryGetValue("with", out var with) && with is YamlMappingNode map ? Scalar(map, key) : null;
        public override string ToString() => $"{Job} step {Index + 1} ({Uses ?? Run})";
    }

    private static YamlMappingNode Workflow()
    {
        Assert.True(File.Exists(WorkflowFile), $"{WorkflowFile} is missing: the Pages deploy workflow has not been written");
        var yaml = new YamlStream();
        using (var reader = new StreamReader(WorkflowFile))
        {
            yaml.Load(reader);
        }
        Assert.True(yaml.Documents.Count == 1 && yaml.Documents[0].RootNode is YamlMappingNode, "pages.yml is not one YAML mapping");
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlNode? node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    private static YamlMappingNode Jobs(YamlMappingNode workflow)
    {
        var jobs = Child(workflow, "jobs") as YamlMappingNode;
        Assert.True(jobs is not null && jobs.Children.Count > 0, "the workflow has no jobs");
        return jobs!;
    }

    private static List<Step> Steps(YamlMappingNode workflow) =>
        Jobs(workflow).Children
            .SelectMany(job => (Child(job.Value, "steps") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>()
                .Select((step, index) => new Step(((YamlScalarNode)job.Key).Value!, index, step)) ?? [])
            .ToList();

    private static Step SingleStepUsing(List<Step> steps, string action)
    {
        var found = steps.Where(s => s.Action == action).ToList();
        Assert.True(found.Count == 1, $"the workflow should use {action} once, uses it {found.Count} times");
        return found[0];
    }

    /// <summary>The README's build command: the first line of its first <c>```sh</c> block.</summary>
    private static string ReadmeBuildCommand()
    {
        var readme = File.ReadAllText(Path.Combine(TestSite.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        var block = ShellBlock().Match(readme);
        Assert.True(block.Success, "README.md has no ```sh block");
        var command = block.Groups["code"].Value.Split('\n')[0].Trim();
        Assert.StartsWith("dotnet ", command);
        return command;
    }

    [Fact]
    public void The_workflow_parses_and_runs_on_push_to_main_and_by_hand()
    {
        var on = Child(Workflow(), "on");
        Assert.True(on is YamlMappingNode, "the workflow's 'on' should name push (with its branches) and workflow_dispatch");
        var branches = Child(Child(on, "push"), "branches") switch
        {
            YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(b => b.Value).ToList(),
            YamlScalarNode one => [one.Value],
            _ => [],
        };
        Assert.True(branches.Contains("main"), "the workflow does not run on push to main");
        Assert.True(((YamlMappingNode)on!).Children.ContainsKey(new YamlScalarNode("workflow_dispatch")), "the workflow cannot be run by hand (workflow_dispatch)");
    }

    [Fact]
    public void The_workflow_has_the_permissions_a_Pages_deployment_needs()
    {
        var workflow = Workflow();
        var steps = Steps(workflow);
        var deploy = SingleStepUsing(steps, "actions/deploy-pages");
        var checkout = SingleStepUsing(steps, "actions/checkout");

        // A job's own permissions replace the workflow's; either place is fine.
        Assert.Equal("write", Permission(deploy.Job, "pages"));
        Assert.Equal("write", Permission(deploy.Job, "id-token"));
        Assert.Equal("read", Permission(checkout.Job, "contents"));

        string? Permission(string job, string scope)
        {
            var permissions = Child(Child(Child(workflow, "jobs"), job), "permissions") ?? Child(workflow, "permissions");
            return permissions switch
            {
                YamlScalarNode { Value: "write-all" } => "write",
                YamlScalarNode { Value: "read-all" } => "read",
                YamlMappingNode => Scalar(permissions, scope),
                _ => null,
            };
        }
    }

    [Fact]
    public void Deployments_wait_in_one_pages_concurrency_group()
    {
        var concurrency = Child(Workflow(), "concurrency");
        var group = concurrency is YamlScalarNode scalar ? scalar.Value : Scalar(concurrency, "group");
        Assert.Equal("pages", group);
    }

    [Fact]
    public void The_workflow_checks_out_sets_up_dotnet_10_configures_Pages_builds_uploads_and_deploys()
    {
        var workflow = Workflow();
        var steps = Steps(workflow);
        var checkout = SingleStepUsing(steps, "actions/checkout");
        var dotnet = SingleStepUsing(steps, "actions/setup-dotnet");
        var configure = SingleStepUsing(steps, "actions/configure-pages");
        var upload = SingleStepUsing(steps, "actions/upload-pages-artifact");
        var deploy = SingleStepUsing(steps, "actions/deploy-pages");
        var build = BuildStep(steps);

        Assert.Matches(@"^10(\.0)?\.x$", dotnet.With("dotnet-version") ?? "");
        foreach (var before in new[] { checkout, dotnet, configure })
        {
            Assert.True(before.Job == build.Job && before.Index < build.Index, $"{before} should come before the build, {build}");
        }
        Assert.True(upload.Job == build.Job && upload.Index > build.Index, $"{upload} should come after the build, {build}");

        // What is uploaded is what the README's command writes: _site, the default output folder.
        Assert.Equal("_site", (upload.With("path") ?? "_site/").Trim().TrimStart('.', '/').TrimEnd('/'));

        // upload-pages-artifact v4 drops dotfiles such as .nojekyll with no way to keep them;
        // v5 and later keep them when asked with include-hidden-files.
        var major = UploadVersion().Match(upload.Uses!);
        Assert.True(major.Success, $"{upload.Uses}: name the major version (@vN), on which keeping dotfiles depends");
        var version = int.Parse(major.Groups["major"].Value);
        Assert.True(version <= 3 || (version >= 5 && upload.With("include-hidden-files") == "true"),
            $"{upload.Uses} would leave .nojekyll out of the published site: use v5 or later with include-hidden-files: true");

        var needs = Child(Child(Child(workflow, "jobs"), deploy.Job), "needs") switch
        {
            YamlSequenceNode list => list.Children.OfType<YamlScalarNode>().Select(n => n.Value).ToList(),
            YamlScalarNode one => [one.Value],
            _ => [],
        };
        Assert.True(deploy.Job == upload.Job ? deploy.Index > upload.Index : needs.Contains(upload.Job),
            $"{deploy} should run after the upload, {upload}");
    }

    [Fact]
    public void The_build_step_is_the_README_command_with_the_base_url_configure_pages_gives()
    {
        var workflow = Workflow();
        var steps = Steps(workflow);
        var configure = SingleStepUsing(steps, "actions/configure-pages");
        Assert.False(string.IsNullOrEmpty(configure.Id), $"{configure} needs an id so the build can read its base_url output");
        var build = BuildStep(steps);
        var command = ReadmeBuildCommand();

        var line = CommandLines(build.Run!).Single(l => l.StartsWith(command, StringComparison.Ordinal));
        var rest = line[command.Length..].Trim();
        var option = BaseUrlOption().Match(rest);
        Assert.True(option.Success, $"the build runs `{line}`: expected `{command} --base-url <configure-pages base_url>`");

        // The value is the expression itself, or a variable of the step's (or job's, or workflow's) env set to it.
        var value = option.Groups["value"].Value;
        var variable = ShellVariable().Match(value);
        if (variable.Success)
        {
            var name = variable.Groups["name"].Value;
            value = Scalar(Child(build.Node, "env"), name)
                ?? Scalar(Child(Child(Child(workflow, "jobs"), build.Job), "env"), name)
                ?? Scalar(Child(workflow, "env"), name)
                ?? "";
        }
        var expression = BaseUrlOutput().Match(value);
        Assert.True(expression.Success && expression.Groups["id"].Value == configure.Id,
            $"--base-url is given '{option.Groups["value"].Value}', not ${{{{ steps.{configure.Id}.outputs.base_url }}}}");
    }

    [Fact]
    public async Task A_base_url_without_a_trailing_slash_as_configure_pages_gives_it_publishes_under_the_same_path()
    {
        // configure-pages gives base_url as https://owner.github.io/repo, with no slash at the end.
        var root = TestSite.RepositoryRoot;
        var folder = Path.Combine(Path.GetTempPath(), "watchlist-noslash-" + Guid.NewGuid().ToString("N"));
        try
        {
            var output = Path.Combine(folder, "_site");
            using var said = new StringWriter();
            using var errors = new StringWriter();
            var code = await CommandLine.RunAsync(
                ["build", "--input", Path.Combine(root, "input"), "--output", output, "--theme", Path.Combine(root, "theme"),
                 "--base-url", "https://example.github.io/watchlist"],
                said, errors);
            Assert.True(code == CommandLine.Success, $"exit {code}\n{errors}\n{said}");

            var home = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "index.html")));
            Assert.Equal("https://example.github.io/watchlist/", home.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
            var outside = home.QuerySelectorAll("[href], [src]")
                .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
                .Where(url => url.StartsWith('/') && !url.StartsWith("/watchlist/", StringComparison.Ordinal))
                .ToList();
            Assert.Empty(outside);
            Assert.Contains("<loc>https://example.github.io/watchlist/glossary/yongbyon/</loc>", File.ReadAllText(Path.Combine(output, "sitemap.xml")));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static Step BuildStep(List<Step> steps)
    {
        var command = ReadmeBuildCommand();
        var builds = steps.Where(s => s.Run is { } run && CommandLines(run).Any(l => l.StartsWith(command, StringComparison.Ordinal))).ToList();
        Assert.True(builds.Count == 1, $"the workflow should run the README's build command `{command}` in one step, runs it in {builds.Count}");
        return builds[0];
    }

    /// <summary>The commands of a run script: continued lines joined, blank space collapsed.</summary>
    private static IEnumerable<string> CommandLines(string run) =>
        run.ReplaceLineEndings("\n").Replace("\\\n", " ").Split('\n')
            .Select(line => Whitespace().Replace(line, " ").Trim())
            .Where(line => line.Length > 0);

    [GeneratedRegex(@"^```sh\n(?<code>.*?)\n```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex("""^--base-url(=|\s+)(?<value>"[^"]*"|'[^']*'|\$\{\{[^}]*\}\}|\S+)$""")]
    private static partial Regex BaseUrlOption();

    [GeneratedRegex("""^["']?\$(\{(?<name>\w+)\}|(?<name>\w+))["']?$""")]
    private static partial Regex ShellVariable();

    [GeneratedRegex("""^["']?\$\{\{\s*steps\.(?<id>[\w-]+)\.outputs\.base_url\s*\}\}/?["']?$""")]
    private static partial Regex BaseUrlOutput();

    [GeneratedRegex(@"@v(?<major>\d+)")]
    private static partial Regex UploadVersion();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
