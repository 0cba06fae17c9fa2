// Save-to-reload latency of `watchlist preview`, measured from outside as an editor and a browser see it:
// the published program serves a site, a server-sent-events connection stands in for an open tab, one
// commentary is saved with a new sentence, and the time from the write to the "reload" event is taken.
//
//   watchlist-bench-latency --watchlist PATH --input DIR --theme DIR [--saves N] [--pause MS]
//
// Prints one line per save and a summary line: median, minimum and maximum in milliseconds.
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

var options = Options(args);
var watchlist = options["--watchlist"];
var input = Path.GetFullPath(options["--input"]);
var theme = Path.GetFullPath(options["--theme"]);
var saves = int.Parse(options.GetValueOrDefault("--saves", "21"), CultureInfo.InvariantCulture);
var pause = TimeSpan.FromMilliseconds(int.Parse(options.GetValueOrDefault("--pause", "400"), CultureInfo.InvariantCulture));
var output = Path.Combine(Path.GetTempPath(), $"watchlist-latency-{Environment.ProcessId}", "_site");

// The edited commentary is one from the middle of the site, restored when the benchmark ends.
var file = Directory.EnumerateFiles(Path.Combine(input, "commentaries"), "*.md").Order(StringComparer.Ordinal).ToList() is { Count: > 0 } files
    ? files[files.Count / 2]
    : throw new InvalidOperationException($"{input} has no commentaries");
var original = await File.ReadAllTextAsync(file);

var start = new ProcessStartInfo(watchlist, ["preview", "--input", input, "--output", output, "--theme", theme, "--port", "0"])
{
    RedirectStandardError = true,
    RedirectStandardOutput = true,
};
using var preview = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {watchlist}");
var latencies = new List<double>();
var cpuPerSave = 0.0;
try
{
    // "watchlist: serving http://127.0.0.1:PORT/BASE/ (Ctrl+C stops)" once the first build is done.
    var serving = new Regex(@"serving http://127\.0\.0\.1:(\d+)/");
    int? port = null;
    while (port is null && await preview.StandardError.ReadLineAsync() is { } line)
    {
        if (serving.Match(line) is { Success: true } match)
        {
            port = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        }
    }
    _ = preview.StandardError.ReadToEndAsync();
    _ = preview.StandardOutput.ReadToEndAsync();
    if (port is null)
    {
        throw new InvalidOperationException("the preview stopped before serving");
    }

    using var client = new TcpClient();
    await client.ConnectAsync("127.0.0.1", port.Value);
    var stream = client.GetStream();
    await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /__watchlist/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n"));
    var events = new StreamReader(stream, Encoding.UTF8);
    while (await events.ReadLineAsync() is { Length: > 0 })
    {
        // Response headers.
    }

    var cpuBefore = CpuTime(preview);
    for (var i = 0; i < saves; i++)
    {
        await Task.Delay(pause);
        var clock = Stopwatch.StartNew();
        await File.WriteAllTextAsync(file, original + $"\nA sentence added on save {i + 1}.\n");
        while (await events.ReadLineAsync() is { } line && line != "event: reload")
        {
            // Pings and the data lines of earlier events.
        }
        latencies.Add(clock.Elapsed.TotalMilliseconds);
        Console.WriteLine($"save {i + 1}: {clock.Elapsed.TotalMilliseconds:0} ms");
    }
    cpuPerSave = (CpuTime(preview) - cpuBefore).TotalMilliseconds / saves;
}
finally
{
    await File.WriteAllTextAsync(file, original);
    preview.Kill(entireProcessTree: true);
    await preview.WaitForExitAsync();
    Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
}

latencies.Sort();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"save to reload: median {latencies[latencies.Count / 2]:0} ms, min {latencies[0]:0} ms, max {latencies[^1]:0} ms, {latencies.Count} saves; CPU time of the preview per save {cpuPerSave:0} ms"));

// User and system time of the preview process: steadier than wall time on a busy machine.
static TimeSpan CpuTime(Process process)
{
    process.Refresh();
    return process.TotalProcessorTime;
}

static Dictionary<string, string> Options(string[] args)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        options[args[i]] = args[i + 1];
    }
    foreach (var required in new[] { "--watchlist", "--input", "--theme" })
    {
        if (!options.ContainsKey(required))
        {
            Console.Error.WriteLine("usage: watchlist-bench-latency --watchlist PATH --input DIR --theme DIR [--saves N] [--pause MS]");
            Environment.Exit(2);
        }
    }
    return options;
}
