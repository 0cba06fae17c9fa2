using WatchList.Preview.Watching;

namespace WatchList.Preview.Tests;

/// <summary>How editors save: bursts of events become one rebuild; swap and temporary files are ignored; atomic renames count.</summary>
public sealed class SiteWatcherTests : IDisposable
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);
    private readonly string _folder = Directory.CreateTempSubdirectory("watchlist-watch-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private SiteWatcher Watch(TimeSpan? longest = null) => new([_folder], Quiet, longest ?? TimeSpan.FromSeconds(10));

    private static async Task<ChangeBatch?> NextBatch(SiteWatcher watcher, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            return await watcher.Batches.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Theory]
    [InlineData(".2019-04-26-talks.md.swp")]
    [InlineData(".2019-04-26-talks.md.swx")]
    [InlineData("2019-04-26-talks.md~")]
    [InlineData("#2019-04-26-talks.md#")]
    [InlineData(".#2019-04-26-talks.md")]
    [InlineData("4913")]
    [InlineData("2019-04-26-talks.md.tmp")]
    [InlineData("2019-04-26-talks.md.crswap")]
    [InlineData("yongbyon.md___jb_tmp___")]
    [InlineData(".goutputstream-XYZ123")]
    public void Editor_leftovers_are_recognised(string name)
    {
        Assert.True(SiteWatcher.IsEditorLeftover(Path.Combine("input", "commentaries", name)));
    }

    [Theory]
    [InlineData("2019-04-26-talks.md")]
    [InlineData("site.yml")]
    [InlineData("default.liquid")]
    [InlineData("style.css")]
    public void Real_files_are_not_leftovers(string name)
    {
        Assert.False(SiteWatcher.IsEditorLeftover(Path.Combine("input", name)));
    }

    [Fact]
    public async Task A_burst_of_saves_gives_one_batch()
    {
        using var watcher = Watch();

        for (var i = 0; i < 8; i++)
        {
            await File.WriteAllTextAsync(PathOf("talks.md"), $"version {i}");
            await Task.Delay(20);
        }

        var batch = await NextBatch(watcher, TimeSpan.FromSeconds(5));
        Assert.NotNull(batch);
        Assert.Contains(PathOf("talks.md"), batch.Paths);
        Assert.Null(await NextBatch(watcher, TimeSpan.FromMilliseconds(1000)));
    }

    [Fact]
    public async Task A_burst_that_never_pauses_is_still_sent_after_the_longest_wait()
    {
        using var watcher = Watch(longest: TimeSpan.FromMilliseconds(400));
        using var stop = new CancellationTokenSource();
        var saving = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await File.WriteAllTextAsync(PathOf("talks.md"), $"version {i}");
                await Task.Delay(40);
            }
        });

        var batch = await NextBatch(watcher, TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        await saving;

        Assert.NotNull(batch);
    }

    [Fact]
    public async Task Swap_and_temporary_files_alone_give_no_batch()
    {
        using var watcher = Watch();

        await File.WriteAllTextAsync(PathOf(".talks.md.swp"), "swap");
        await File.WriteAllTextAsync(PathOf("talks.md~"), "backup");
        await File.WriteAllTextAsync(PathOf("4913"), "");
        File.Delete(PathOf("4913"));

        Assert.Null(await NextBatch(watcher, TimeSpan.FromMilliseconds(1000)));
    }

    [Fact]
    public async Task An_atomic_save_by_rename_is_a_change_of_the_real_file()
    {
        await File.WriteAllTextAsync(PathOf("talks.md"), "before");
        using var watcher = Watch();

        await File.WriteAllTextAsync(PathOf("talks.md.tmp"), "after");
        File.Move(PathOf("talks.md.tmp"), PathOf("talks.md"), overwrite: true);

        var batch = await NextBatch(watcher, TimeSpan.FromSeconds(5));
        Assert.NotNull(batch);
        Assert.Equal([PathOf("talks.md")], batch.Paths);
    }

    [Fact]
    public async Task A_new_folder_and_the_files_in_it_are_watched()
    {
        using var watcher = Watch();

        Directory.CreateDirectory(PathOf("actors"));
        await Task.Delay(100);
        await File.WriteAllTextAsync(Path.Combine(PathOf("actors"), "kim-jong-un.md"), "---\ntitle: Kim\n---\n");

        var paths = new HashSet<string>();
        while (await NextBatch(watcher, TimeSpan.FromSeconds(3)) is { } batch)
        {
            paths.UnionWith(batch.Paths);
            if (paths.Contains(Path.Combine(PathOf("actors"), "kim-jong-un.md")))
            {
                break;
            }
        }
        Assert.Contains(Path.Combine(PathOf("actors"), "kim-jong-un.md"), paths);
    }
}
