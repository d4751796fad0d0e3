using Microsoft.Playwright;

namespace Coop.Browser.Tests;

/// <summary>Hostile posts rendered in Chromium: nothing runs, nothing loads from elsewhere, and the CSP reports nothing.</summary>
public sealed class CommunityXssTests : BrowserFixture
{
    private static readonly string[] Corpus =
    [
        "<script>window.__pwned = 1</script>",
        "<img src=x onerror=\"window.__pwned = 2\">",
        "[clic](javascript:window.__pwned=3)",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<svg onload=\"window.__pwned = 4\"></svg>",
        "![x](javascript:window.__pwned=5)",
        "<a href=\"javascript:window.__pwned=6\">lien</a>",
        "**gras <iframe src=\"https://evil.example\"></iframe>",
        "<details open ontoggle=\"window.__pwned=7\">x</details>",
        "[x](JaVaScRiPt:window.__pwned=8)",
        "<<script>script>window.__pwned = 9<</script>/script>",
        "` <style>body{display:none}</style>",
    ];

    private CommunitySeed _seed = null!;

    [OneTimeSetUp]
    public async Task SeedAsync() => _seed = await CommunitySeed.CreateAsync(App, World, Corpus);

    [Test]
    public async Task The_xss_corpus_executes_nothing_and_the_csp_reports_nothing()
    {
        var page = await NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) problems.Add(message.Text); };
        page.Dialog += (_, dialog) => problems.Add("dialog: " + dialog.Message);
        page.Request += (_, request) => { if (!request.Url.StartsWith(BaseUrl, StringComparison.Ordinal)) problems.Add("request: " + request.Url); };
        await SignInAsync(page, World.MemberA.Email!, Web.Tests.Support.World.Password);
        await page.GotoAsync($"/c/{World.A.Slug}/spaces/{_seed.Space}");
        await page.GotoAsync($"/c/{World.A.Slug}/feed");
        // Every link that survived rendering points somewhere harmless.
        var hrefs = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('main a')].map(a => a.getAttribute('href') || '')");
        Assert.That(hrefs.Where(h => h.Contains("javascript", StringComparison.OrdinalIgnoreCase) || h.StartsWith("data:", StringComparison.OrdinalIgnoreCase)), Is.Empty);
        Assert.That(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"), Is.True);
        Assert.That(await page.Locator("main script, main iframe, main svg, main img, main style").CountAsync(), Is.Zero);
        Assert.That(problems, Is.Empty);
        await Assertions.Expect(page.GetByText("<script>window.__pwned = 1</script>").First).ToBeVisibleAsync();
    }
}
