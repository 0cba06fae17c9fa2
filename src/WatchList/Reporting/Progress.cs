using System.Globalization;
using WatchList.Pipeline;
using WatchList.Site;

namespace WatchList.Reporting;

/// <summary>
/// Shows how far a long build is. On a terminal, one status line rewritten in place and erased at the end;
/// otherwise (redirected, CI) a plain line every few seconds. Short builds print nothing.
/// </summary>
public sealed class Progress : BuildObserver, IDisposable
{
    private static readonly TimeSpan TerminalDelay = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan TerminalEvery = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(2);

    private readonly string _verb;
    private readonly TextWriter _writer;
    private readonly bool _terminal;
    private readonly ITimer _timer;
    private readonly long _started;
    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();
    private int _read;
    private int _processed;
    private int _toWrite;
    private int _written;
    private int _shownWidth;
    private bool _stopped;

    /// <param name="verb">What is shown running: "building", "checking".</param>
    public Progress(string verb, CommandContext context)
    {
        _verb = verb;
        _writer = context.Errors;
        _terminal = context.IsTerminal;
        _clock = context.Clock;
        _started = _clock.GetTimestamp();
        var (delay, every) = _terminal ? (TerminalDelay, TerminalEvery) : (PlainEvery, PlainEvery);
        _timer = _clock.CreateTimer(_ => Show(), null, delay, every);
    }

    public override void PhaseFinished(string pipeline, Phase phase, int documents)
    {
        if (phase == Phase.Input)
        {
            Interlocked.Add(ref _read, documents);
        }
        else if (phase == Phase.Process)
        {
            Interlocked.Increment(ref _processed);
        }
    }

    public override void FilesToWrite(int count) => Interlocked.Add(ref _toWrite, count);

    public override void FileWritten() => Interlocked.Increment(ref _written);

    /// <summary>What the build has done so far, in a few words.</summary>
    public string Status()
    {
        var seconds = _clock.GetElapsedTime(_started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
        var status = $"{_verb} ({seconds} s): read {Count(Volatile.Read(ref _read))} files";
        var toWrite = Volatile.Read(ref _toWrite);
        return toWrite == 0
            ? $"{status}, {Volatile.Read(ref _processed)} parts of the site processed"
            : $"{status}, wrote {Count(Volatile.Read(ref _written))} of {Count(toWrite)} files";
    }

    private void Show()
    {
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }
            var status = Status();
            if (_terminal)
            {
                _writer.Write("\r" + status.PadRight(_shownWidth));
                _shownWidth = status.Length;
            }
            else
            {
                _writer.WriteLine("watchlist: " + status);
            }
            _writer.Flush();
        }
    }

    /// <summary>Stops updating and erases the status line, so what follows starts on a clean line.</summary>
    public void Dispose()
    {
        _timer.Dispose();
        lock (_lock)
        {
            _stopped = true;
            if (_terminal && _shownWidth > 0)
            {
                _writer.Write("\r" + new string(' ', _shownWidth) + "\r");
                _writer.Flush();
            }
        }
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
