using System.Runtime;

namespace WatchList.Preview;

/// <summary>
/// Moves the preview's garbage collection out of the editor's wait. A save's rebuild allocates tens of megabytes
/// while the session's caches hold the whole site, and the collections that fell inside a rebuild were about a
/// third of its time. So once the preview has been idle for a moment after a build, the young generations are
/// collected (while the editor types), and the next rebuild runs in a region where no collection happens
/// (<see cref="GC.TryStartNoGCRegion(long)"/>) as large as twice what the last rebuild allocated. A rebuild
/// that allocates more than that, or a save that comes during the collection, just collects as it would have.
/// The region's memory is set aside while the preview waits: at most <see cref="Largest"/>.
/// </summary>
internal sealed class IdleCollector : IDisposable
{
    private const long Smallest = 16L << 20;
    private const long Largest = 256L << 20;

    // Held by a build, or by the collection: never both at once. A build may end on another thread than it began.
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Timer _timer;
    private readonly TimeSpan _idle;
    private long _budget;
    private volatile bool _disposed;
    private long _allocatedBefore;

    /// <param name="idle">How long after a build the preview must stay idle before the collector runs.</param>
    public IdleCollector(TimeSpan idle)
    {
        _idle = idle;
        _timer = new Timer(_ => CollectWhileIdle());
    }

    /// <summary>Marks a build's start: no idle collection runs until <see cref="Built"/>.</summary>
    public void Building()
    {
        Schedule(Timeout.InfiniteTimeSpan);
        _lock.Wait();
        _allocatedBefore = GC.GetTotalAllocatedBytes();
    }

    /// <summary>Marks a build's end, and schedules the collection for when the preview is idle.</summary>
    public void Built()
    {
        _budget = Math.Clamp(2 * (GC.GetTotalAllocatedBytes() - _allocatedBefore), Smallest, Largest);
        _lock.Release();
        Schedule(_idle);
    }

    /// <summary>Sets when the collection runs (never: <see cref="Timeout.InfiniteTimeSpan"/>), unless the session has ended.</summary>
    private void Schedule(TimeSpan due)
    {
        if (_disposed)
        {
            return;
        }
        try
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // The session ended meanwhile.
        }
    }

    private void CollectWhileIdle()
    {
        // A build that started meanwhile goes first; it schedules the collection again when it is done.
        if (_disposed || !_lock.Wait(0))
        {
            return;
        }
        try
        {
            EndRegion();
            // What the last build left is young: collecting the young generations frees it in a few milliseconds,
            // whatever the size of the site the caches hold; the oldest generation is left to the runtime.
            GC.Collect(1, GCCollectionMode.Forced, blocking: true);
            GC.TryStartNoGCRegion(_budget);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // More than the runtime can set aside at once, or a region it would not start: the next build collects as usual.
        }
        finally
        {
            _lock.Release();
        }
    }

    private static void EndRegion()
    {
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            try
            {
                GC.EndNoGCRegion();
            }
            catch (InvalidOperationException)
            {
                // The region had already ended: something allocated more than it held.
            }
        }
    }

    /// <summary>Schedules no more collections and ends the region, if one is open.</summary>
    public void Dispose()
    {
        _disposed = true;
        _timer.Dispose();
        // A collection already running may still open a region: it ends by itself once the program allocates that much.
        EndRegion();
    }
}
