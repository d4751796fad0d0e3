using Coop.Web.Infrastructure;

namespace Coop.Web.Tests.Membership;

public sealed class SafeMarkdownTests
{
    [Test]
    public void Headings_start_below_the_pages_own_heading() =>
        Assert.That(SafeMarkdown.ToHtml("# Charte\n\n###### Fin"), Does.Contain("<h2").And.Contain("<h6").And.Not.Contain("<h1"));

    [TestCase("<script>alert(1)</script>", "<script")]
    [TestCase("<a href=\"javascript:alert(1)\">x</a>", "<a href=\"javascript")]
    [TestCase("[x](javascript:alert(1))", "javascript:")]
    [TestCase("[x](data:text/html;base64,PHNjcmlwdD4=)", "data:text")]
    [TestCase("![p](https://tracker.example/p.gif)", "<img")]
    [TestCase("<svg onload=alert(1)>", "<svg")]
    public void Nothing_executable_or_tracking_survives(string markdown, string forbidden) =>
        Assert.That(SafeMarkdown.ToHtml(markdown), Does.Not.Contain(forbidden));

    [Test]
    public void Ordinary_links_are_kept_and_marked_as_user_content() =>
        Assert.That(SafeMarkdown.ToHtml("[site](https://example.org) <mailto:bonjour@example.org>"),
            Does.Contain("href=\"https://example.org\" rel=\"nofollow ugc noopener\"").And.Contain("href=\"mailto:bonjour@example.org\""));
}
