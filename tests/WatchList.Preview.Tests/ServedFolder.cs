using System.Text;

namespace WatchList.Preview.Tests;

/// <summary>
/// A small built site in a temporary folder, with a secret file beside the output folder and symbolic
/// links inside it that point outside (what a request must never reach) and one that stays inside.
/// </summary>
public sealed class ServedFolder : IDisposable
{
    public const string Secret = "SECRET-beside-the-output-folder";

    public ServedFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "watchlist-served-" + Guid.NewGuid().ToString("N"));
        Output = Path.Combine(Root, "_site");
        Write("index.html", "<!doctype html><html><body><h1>Home</h1></body></html>");
        Write("glossary/yongbyon/index.html", "<!doctype html><html><body><h1>Yongbyon</h1></BODY></html>");
        Write("about.html", "<!doctype html><title>About</title><p>About");
        Write("assets/style.css", "body { color: black; }");
        Write("404.html", "<!doctype html><html><body><h1>Page not found</h1></body></html>");
        File.WriteAllText(Path.Combine(Root, "secret.txt"), Secret);
        Directory.CreateDirectory(Path.Combine(Root, "private"));
        File.WriteAllText(Path.Combine(Root, "private", "secret.txt"), Secret);
        File.CreateSymbolicLink(Path.Combine(Output, "linked-secret.txt"), Path.Combine(Root, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(Output, "linked-folder"), Path.Combine(Root, "private"));
        // A relative link that climbs out, and one that stays inside.
        File.CreateSymbolicLink(Path.Combine(Output, "assets", "climbing.txt"), Path.Combine("..", "..", "secret.txt"));
        File.CreateSymbolicLink(Path.Combine(Output, "assets", "same-style.css"), "style.css");
    }

    public string Root { get; }

    public string Output { get; }

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Output, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
