using System.Runtime.InteropServices;
using WatchList;

using var stopping = new CancellationTokenSource();
// `kill` and service managers stop the preview (and a build) as cleanly as Ctrl+C does.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
{
    signal.Cancel = !stopping.IsCancellationRequested;
    stopping.Cancel();
});
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the command cleanly; a second one ends the process at once.
    e.Cancel = !stopping.IsCancellationRequested;
    stopping.Cancel();
};
return await CommandLine.RunAsync(args, CommandContext.FromConsole(stopping.Token));
