using System.Diagnostics;
using System.Text;

namespace WatchList.Tests;

/// <summary>
/// <c>build</c> and <c>check</c> start as fast as before the preview used Kestrel: they never load ASP.NET Core
/// (nor the preview). Each runs as a program of its own, with the runtime's loader events written to a
/// trace, since the test process itself runs the preview in other tests.
/// </summary>
public class WebServerLoadingTests
{
    [Theory]
    [InlineData("build")]
    [InlineData("check")]
    public async Task The_command_never_loads_ASP_NET_Core_or_the_preview(string command)
    {
        using var site = TestSite.WithGoodContent();
        var trace = Path.Combine(site.Root, "loads.nettrace");
        var program = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "watchlist.exe" : "watchlist");
        string[] args = command == "build"
            ? ["build", "--input", site.Input, "--output", site.Output, "--theme", site.Theme]
            : ["check", "--input", site.Input, "--theme", site.Theme];
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DOTNET_EnableEventPipe"] = "1";
        start.Environment["DOTNET_EventPipeOutputPath"] = trace;
        // The runtime's Loader keyword: an event for every assembly and module loaded.
        start.Environment["DOTNET_EventPipeConfig"] = "Microsoft-Windows-DotNETRuntime:0x8:4";

        using var run = Process.Start(start)!;
        var output = run.StandardOutput.ReadToEndAsync();
        var errors = run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));

        Assert.True(run.ExitCode == 0, await output + await errors);
        var loads = Encoding.Unicode.GetString(await File.ReadAllBytesAsync(trace));
        // The trace names what the command did load, so an absence means something.
        Assert.Contains("WatchList.Site", loads);
        Assert.Contains("YamlDotNet", loads);
        // Fluid's Microsoft.Extensions.FileProviders.Abstractions is found in the shared folder of ASP.NET Core
        // (.../shared/Microsoft.AspNetCore.App/...); that folder is no ASP.NET Core assembly being loaded.
        Assert.DoesNotMatch(@"Microsoft\.AspNetCore\.(?!App/)", loads);
        Assert.DoesNotContain("WatchList.Preview", loads);
    }
}
