using System.Text.RegularExpressions;

namespace Coop.Web.Tests.Conventions;

/// <summary>
/// No third-party tracker anywhere in the product: no page loads a script, style, font, image or frame from another
/// site (the CSP would block it anyway; this finds it before a browser does).
/// </summary>
public sealed partial class NoTrackerTests
{
    private static readonly string WebRoot = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "src", "Coop.Web"));

    [Test]
    public void No_page_or_asset_loads_anything_from_another_site()
    {
        var files = Directory.EnumerateFiles(WebRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(WebRoot, f).StartsWith("obj", StringComparison.Ordinal) && !Path.GetRelativePath(WebRoot, f).StartsWith("bin", StringComparison.Ordinal))
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".css", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
            .ToList();
        Assert.That(files, Has.Count.GreaterThan(50));
        var found = files.SelectMany(f => ExternalResource().Matches(File.ReadAllText(f)).Select(m => $"{Path.GetFileName(f)}: {m.Value}")).ToList();
        Assert.That(found, Is.Empty);
    }

    [Test]
    public void The_policy_allows_our_own_origin_only()
    {
        var policy = Web.Infrastructure.SecurityHeaders.ContentSecurityPolicy("https://checkout.stripe.com");
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'" })
            Assert.That(policy, Does.Contain(directive));
    }

    [GeneratedRegex("""<(?:script|link|img|iframe|source|video|audio)\b[^>]*\b(?:src|href)="(?:https?:)?//|url\(\s*['"]?(?:https?:)?//|@import\s+['"](?:https?:)?//""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalResource();
}
