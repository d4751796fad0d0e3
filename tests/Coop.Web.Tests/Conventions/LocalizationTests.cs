using System.Text.RegularExpressions;
using System.Xml.Linq;
using Coop.Domain.Membership;
using Coop.Domain.Tenancy;

namespace Coop.Web.Tests.Conventions;

/// <summary>No untranslated string: every key the code or a view uses exists in French and in English.</summary>
public sealed partial class LocalizationTests
{
    private static readonly string WebRoot = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "src", "Coop.Web");

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(WebRoot, "Resources", file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    private static IEnumerable<string> UsedKeys()
    {
        var sources = Directory.EnumerateFiles(WebRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal));
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            foreach (Match m in Used().Matches(text)) yield return m.Groups["key"].Value;
        }
        // Keys built from enums and country codes in views.
        foreach (var r in Enum.GetValues<MemberRoles>()) yield return "Role." + r;
        foreach (var s in Enum.GetValues<MembershipStatus>()) yield return "Status." + s;
        foreach (var f in Enum.GetValues<LegalForm>()) yield return "LegalForm." + f;
    }

    [Test]
    public void French_and_English_have_the_same_keys()
    {
        var fr = Keys("SharedResource.resx");
        var en = Keys("SharedResource.en.resx");
        Assert.That(fr.Except(en), Is.Empty, "missing in English");
        Assert.That(en.Except(fr), Is.Empty, "missing in French");
    }

    [Test]
    public void Every_key_used_in_code_and_views_exists()
    {
        var fr = Keys("SharedResource.resx");
        var used = UsedKeys().Distinct().ToList();
        Assert.That(used, Has.Count.GreaterThan(100));
        Assert.That(used.Where(k => !fr.Contains(k)), Is.Empty);
    }

    // L["Key"], l["Key"], label="Key", hint="Key", resource-key string literals ("Mail.Confirm.Subject", "Error.NotFound.Title"...).
    [GeneratedRegex(""""(?:\b[Ll]\["|\blabel="|\bhint="|"(?=(?:Mail|Error|Problem|Api\.Token|Identity|Validation|Members)\.))(?<key>[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)"""")]
    private static partial Regex Used();
}
