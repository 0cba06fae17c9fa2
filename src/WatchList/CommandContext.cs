namespace WatchList;

/// <summary>Where a command prints, whether a person watches it live, and what day it is.</summary>
/// <param name="Output">Results: the summary line, created paths, GitHub annotations.</param>
/// <param name="Errors">Problems and progress.</param>
/// <param name="IsTerminal">True when a person watches the error stream live (not redirected, not CI): progress updates one line.</param>
public sealed record CommandContext(TextWriter Output, TextWriter Errors, bool IsTerminal = false)
{
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Stops long-running commands (preview); the program cancels it on Ctrl+C.</summary>
    public CancellationToken Stopping { get; init; }

    /// <summary>The process's console: live progress only on a terminal outside CI.</summary>
    public static CommandContext FromConsole(CancellationToken stopping) =>
        new(Console.Out, Console.Error, !Console.IsErrorRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Stopping = stopping,
        };
}
