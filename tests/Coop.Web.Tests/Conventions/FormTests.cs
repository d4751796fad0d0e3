using System.Text.RegularExpressions;

namespace Coop.Web.Tests.Conventions;

/// <summary>Every form that posts carries its antiforgery token; without it the browser gets a 400 instead of the action.</summary>
public sealed partial class FormTests
{
    private static readonly string WebRoot = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "src", "Coop.Web");

    [Test]
    public void Every_posting_form_asks_for_an_antiforgery_token()
    {
        var missing = Directory.EnumerateFiles(WebRoot, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => PostForm().Matches(File.ReadAllText(file)).Select(m => (file, m.Value)))
            .Where(x => !x.Value.Contains("asp-antiforgery=\"true\"", StringComparison.Ordinal))
            .Select(x => $"{Path.GetFileName(x.file)}: {x.Value}").ToList();
        Assert.That(missing, Is.Empty);
    }

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();
}
