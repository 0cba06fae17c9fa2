using WatchList.Site.Linking;

namespace WatchList.Site.Tests.Linking;

/// <summary>
/// What keeps a name from linking to the wrong page: short names that wait for the full name, never_link
/// phrases, names inside longer proper names, and acronyms that keep their capitals.
/// </summary>
public class DisambiguationTests
{
    private static readonly LinkTarget KimJongUn = Entries.Actor("kim-jong-un", "Kim Jong-un", "Kim Jong Un", "Chairman Kim Jong-un") with
    {
        ShortNames = ["Kim", "Chairman Kim"],
        NeverLink = ["Kim family", "Kim regime", "Kim dynasty"],
    };
    private static readonly LinkTarget KimYongChol = Entries.Actor("kim-yong-chol", "Kim Yong-chol") with { ShortNames = ["Kim"] };
    private static readonly LinkTarget MoonJaeIn = Entries.Actor("moon-jae-in", "Moon Jae-in", "President Moon Jae-in") with
    {
        ShortNames = ["Moon", "President Moon"],
    };
    private static readonly LinkTarget RiYongHo = Entries.Actor("ri-yong-ho", "Ri Yong-ho", "Foreign Minister Ri Yong-ho") with
    {
        ShortNames = ["Ri", "Foreign Minister Ri"],
    };
    private static readonly LinkTarget NorthKorea = Entries.Actor("north-korea", "North Korea", "North Korean", "Pyongyang", "DPRK");
    private static readonly LinkTarget SouthKorea = Entries.Actor("south-korea", "South Korea", "South Korean", "Seoul");
    private static readonly LinkTarget UnitedStates = Entries.Actor("united-states", "United States", "US", "U.S.", "Washington");
    private static readonly LinkTarget China = Entries.Actor("china", "China", "Chinese", "Beijing");
    private static readonly LinkTarget Japan = Entries.Actor("japan", "Japan", "Japanese", "Tokyo");
    private static readonly LinkTarget Trump = Entries.Actor("donald-trump", "Donald Trump", "President Donald Trump", "Trump");
    private static readonly LinkTarget Biegun = Entries.Actor("stephen-biegun", "Stephen Biegun", "Biegun");
    private static readonly LinkTarget Pompeo = Entries.Actor("mike-pompeo", "Mike Pompeo", "Pompeo");
    private static readonly LinkTarget Congress = Entries.Actor("us-congress", "US Congress", "Congress");
    private static readonly LinkTarget JointStatement = Entries.Term("singapore-joint-statement", "Singapore Joint Statement") with
    {
        ShortNames = ["joint statement"],
        NeverLink = ["a joint statement"],
    };
    private static readonly LinkTarget Sanctions = Entries.Term("un-sanctions-regime", "UN sanctions regime", "sanctions regime");

    private static readonly LinkTarget[] All =
    [
        KimJongUn, KimYongChol, MoonJaeIn, RiYongHo, NorthKorea, SouthKorea, UnitedStates, China, Japan, Trump, Biegun, Pompeo,
        Congress, JointStatement, Sanctions,
    ];

    private static IReadOnlyList<(string Text, string Href)> LinksOf(string markdown) =>
        LinkedPage.Link(markdown, All, LinkPolicy.All).Links;

    private static (string, string) To(string text, LinkTarget target) => (text, LinkedPage.Href(target));

    [Fact]
    public void Short_name_links_only_after_the_full_name_appeared_earlier_in_the_page()
    {
        var links = LinksOf("""
            Kim wants relief. Later Kim Jong-un met the press, and Kim smiled.

            In the next paragraph Chairman Kim is still known.
            """);

        Assert.Equal([To("Kim Jong-un", KimJongUn), To("Kim", KimJongUn), To("Chairman Kim", KimJongUn)], links);
    }

    [Fact]
    public void Short_name_shared_by_two_entries_goes_to_the_one_named_in_full_last()
    {
        var links = LinksOf("""
            Kim Jong-un sent Kim Yong-chol to Washington. Kim carried a letter. Then Kim Jong-un spoke, and Kim was firm.
            """);

        Assert.Equal(
            [To("Kim Jong-un", KimJongUn), To("Kim Yong-chol", KimYongChol), To("Washington", UnitedStates), To("Kim", KimYongChol),
             To("Kim Jong-un", KimJongUn), To("Kim", KimJongUn)],
            links);
    }

    [Theory]
    [InlineData("Kim Jong-un spoke. His sister Kim Yo-jong replied, and Kim said talks were over.")]
    [InlineData("Kim Jong-un spoke. Kim Jong-il had said the same, and Kim never changed his mind.")]
    [InlineData("Kim Jong-un spoke. Kim Dae-jung, the former South Korean leader, had hoped otherwise; Kim won a prize.")]
    public void Short_name_after_another_person_of_that_surname_is_not_linked(string paragraph)
    {
        var links = LinksOf(paragraph);

        Assert.Equal([To("Kim Jong-un", KimJongUn)], links.Where(l => l.Text.StartsWith("Kim", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_presidential_adviser_called_Moon_is_not_the_president()
    {
        var links = LinksOf("""
            President Moon Jae-in listened. His adviser Moon Chung-in disagreed, and Moon said so in public.
            """);

        Assert.Equal([To("President Moon Jae-in", MoonJaeIn)], links);
    }

    [Fact]
    public void A_foreign_minister_who_succeeded_Ri_is_not_Ri()
    {
        var links = LinksOf("""
            Foreign Minister Ri Yong-ho led the delegation in 2019. A year later Foreign Minister Ri Son-gwon spoke for North Korea.
            """);

        Assert.Equal([To("Foreign Minister Ri Yong-ho", RiYongHo), To("North Korea", NorthKorea)], links);
    }

    [Fact]
    public void Never_link_phrase_links_nowhere_and_keeps_shorter_names_inside_it_from_linking()
    {
        var links = LinksOf("""
            Kim Jong-un rules. The Kim family has ruled since 1948 and the Kim regime endures; the Kim dynasty too.
            """);

        Assert.Equal([To("Kim Jong-un", KimJongUn)], links);
    }

    [Fact]
    public void A_joint_statement_of_others_is_not_the_Singapore_Joint_Statement()
    {
        var links = LinksOf("""
            The Singapore Joint Statement was thin. France and Germany issued a joint statement; the joint statement of Singapore still stands.
            """);

        Assert.Equal([To("Singapore Joint Statement", JointStatement), To("joint statement", JointStatement)], links);
    }

    [Theory]
    [InlineData("The story ran in the Washington Post on Monday.")]
    [InlineData("She studied at Seoul National University before joining.")]
    [InlineData("Tensions in the South China Sea rose.")]
    [InlineData("Missiles fell into the Sea of Japan again.")]
    [InlineData("Delegates attended the Eighth Party Congress in January.")]
    [InlineData("The Washington Post reported it first.")]
    [InlineData("The trial ran through US Forces Korea.")]
    public void Name_inside_a_longer_proper_name_is_not_linked(string sentence)
    {
        Assert.Empty(LinksOf(sentence));
    }

    [Theory]
    [InlineData("North Korea's missiles worry Japan.", "North Korea", "Japan")]
    [InlineData("Talks between Washington and Pyongyang stalled.", "Washington", "Pyongyang")]
    [InlineData("South Korea wants talks. South Korea also wants aid.", "South Korea", "South Korea")]
    [InlineData("Yesterday Seoul said no. In Seoul, officials agreed.", "Seoul", "Seoul")]
    [InlineData("US President Donald Trump flew in.", "US", "President Donald Trump")]
    [InlineData("US Secretary of State Mike Pompeo flew in.", "US", "Mike Pompeo")]
    [InlineData("The US Special Representative for North Korea Stephen Biegun flew in.", "US", "North Korea", "Stephen Biegun")]
    [InlineData("China's role, Chinese firms and Beijing's view matter.", "China", "Chinese", "Beijing")]
    [InlineData("North Korean Foreign Ministry officials said no.", "North Korean")]
    [InlineData("\"Pyongyang will not wait,\" said Seoul.", "Pyongyang", "Seoul")]
    [InlineData("In January Pyongyang fired again.", "Pyongyang")]
    [InlineData("It voted in the US Congress and in Congress again.", "US Congress", "Congress")]
    public void Names_beside_other_words_still_link(string sentence, params string[] expected)
    {
        Assert.Equal(expected, LinksOf(sentence).Select(l => l.Text));
    }

    [Fact]
    public void The_pronoun_us_is_not_the_US()
    {
        var links = LinksOf("""
            Let us be clear: the US and us are not the same. US officials agree.
            """);

        Assert.Equal([To("US", UnitedStates), To("US", UnitedStates)], links);
    }

    [Fact]
    public void Names_broken_across_lines_link_whole()
    {
        var links = LinksOf("""
            The talks with Kim
            Jong-un went on; his sister Kim
            Yo-jong spoke, and the sanctions
            regime held. North
            Korea's envoy left.
            """);

        Assert.Equal([To("Kim\nJong-un", KimJongUn), To("sanctions\nregime", Sanctions), To("North\nKorea", NorthKorea)],
            links.Select(l => (l.Text, l.Href)));
    }
}
