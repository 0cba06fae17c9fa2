using WatchList.Site.Content;

namespace WatchList.Site.Tests.Content;

/// <summary>The text passes find white space by a set of characters: it must be .NET's white space exactly.</summary>
public class CharactersTests
{
    [Fact]
    public void Other_white_space_is_every_character_dotnet_calls_white_space_but_the_space()
    {
        var mismatched = Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c)
            .Where(c => Characters.OtherWhiteSpace.Contains(c) != (char.IsWhiteSpace(c) && c != ' '))
            .Select(c => $"U+{(int)c:X4}");
        Assert.Empty(mismatched);
    }
}
