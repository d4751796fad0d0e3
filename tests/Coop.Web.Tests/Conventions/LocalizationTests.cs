using System.Text.RegularExpressions;
using System.Xml.Linq;
using Coop.Domain.Governance;
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
        foreach (var f in Enum.GetValues<LegalForm>()) yield return "Statutes.Intro." + f;
        foreach (var t in Enum.GetValues<TenantState>()) yield return "State." + t;
        foreach (var k in Enum.GetValues<CategoryKind>()) yield return "Kind." + k;
        foreach (var c in TenantLocale.All) yield return "Locale." + c;
        foreach (var a in new[] { "suspend", "reactivate", "archive" }) yield return "Platform.Action." + a;
        // Governance: every enum a page or a refusal turns into a key.
        foreach (var v in Enum.GetValues<DecisionType>()) yield return "DecisionType." + v;
        foreach (var v in Enum.GetValues<Convocation>()) yield return "Convocation." + v;
        foreach (var v in Enum.GetValues<AssemblyStatus>()) yield return "AssemblyStatus." + v;
        foreach (var v in Enum.GetValues<VoteStatus>()) yield return "VoteStatus." + v;
        foreach (var v in Enum.GetValues<VoteOutcome>()) yield return "Outcome." + v;
        foreach (var v in Enum.GetValues<VoteMethod>()) yield return "Method." + v;
        foreach (var v in Enum.GetValues<VoteMethod>().Where(Vote.NeedsOptions).Append(VoteMethod.Proposal)) yield return $"Method.{v}.Hint";
        foreach (var v in Enum.GetValues<Choice>().Where(c => c != Choice.Block)) yield return "Choice." + v;
        foreach (var v in Enum.GetValues<Choice>().Where(c => c != Choice.Blank)) yield return "Proposal." + v;
        foreach (var v in Enum.GetValues<MajorityBase>()) yield return "MajorityBase." + v;
        foreach (var v in Enum.GetValues<Weighting>()) yield return "Weighting." + v;
        foreach (var v in Enum.GetValues<ProxyCap>()) yield return "ProxyCap." + v;
        foreach (var v in Enum.GetValues<BlankProxyRule>()) yield return "BlankProxy." + v;
        foreach (var v in Enum.GetValues<Attendance>()) yield return "Attendance." + v;
        foreach (var v in Enum.GetValues<ProxyRefusal>().Where(r => r != ProxyRefusal.None)) yield return "Governance.Proxy." + v;
        foreach (var v in Enum.GetValues<BallotError>()) yield return "Governance.Ballot." + v;
        foreach (var v in Enum.GetValues<VoteStateError>()) yield return "Governance.State." + v;
        foreach (var v in Enum.GetValues<AssemblyStateError>()) yield return "Governance.State." + v;
        foreach (var v in new[] { "NotOpen", "Closed", "NoCorrespondence" }) yield return "Vote.Window." + v;
        for (var g = 0; g < MajorityJudgment.Grades; g++) yield return "Grade." + g;
        foreach (var v in Enum.GetValues<Coop.Domain.Community.SpaceVisibility>()) { yield return "Visibility." + v; yield return $"Visibility.{v}.Hint"; }
        foreach (var v in Enum.GetValues<Coop.Domain.Community.ReportReason>()) yield return "ReportReason." + v;
        foreach (var v in Enum.GetValues<Coop.Domain.Community.ModerationKind>()) yield return "ModerationKind." + v;
        foreach (var v in Enum.GetValues<Coop.Domain.Community.AppealStatus>()) yield return "AppealStatus." + v;
        foreach (var v in Enum.GetValues<Coop.Domain.Community.NotificationKind>()) yield return "Notification." + v;
        foreach (var v in Enum.GetValues<Coop.Domain.Community.DigestFrequency>()) yield return "Digest." + v;
        foreach (var v in Enum.GetValues<Coop.Domain.Treasury.DuesStatus>()) yield return "DuesStatus." + v;
        foreach (var v in Enum.GetValues<Coop.Domain.Treasury.DuesPeriod>()) yield return "DuesPeriod." + v;
        foreach (var v in Enum.GetValues<Coop.Domain.Treasury.TariffKind>()) yield return "TariffKind." + v;
        foreach (var v in Enum.GetValues<Coop.Domain.Treasury.PaymentPurpose>()) yield return "PaymentPurpose." + v;
        foreach (var v in Enum.GetValues<Coop.Domain.Treasury.PaymentStatus>()) yield return "PaymentStatus." + v;
        foreach (var v in Enum.GetValues<Coop.Domain.Treasury.PaymentMethod>()) yield return "PaymentMethod." + v;
        foreach (var v in Enum.GetValues<Coop.Domain.Treasury.TransferKind>()) yield return "TransferKind." + v;
        foreach (var v in Enum.GetValues<Coop.Domain.Treasury.Journal>()) yield return "Journal." + v;
        foreach (var v in Coop.Domain.Treasury.LedgerAccount.All) yield return "Account." + v;
        // Audience and privacy.
        foreach (var v in Enum.GetValues<Coop.Domain.Audience.ConsentChannel>()) yield return "ConsentChannel." + v;
        foreach (var v in Enum.GetValues<Coop.Domain.Audience.CampaignStatus>()) yield return "CampaignStatus." + v;
        foreach (var v in Enum.GetValues<Coop.Domain.Audience.PrivacyRequestKind>()) yield return "PrivacyRequestKind." + v;
        foreach (var v in Enum.GetValues<Coop.Domain.Audience.PrivacyRequestStatus>()) yield return "PrivacyRequestStatus." + v;
        foreach (var v in Enum.GetValues<Coop.Domain.Audience.PrivacySubject>()) yield return "PrivacySubject." + v;
        foreach (var v in Enum.GetValues<Coop.Web.Features.Audience.ImportEncoding>()) yield return "ImportEncoding." + v;
        foreach (var v in Enum.GetValues<Coop.Web.Features.Audience.LinkState>()) { yield return "Link." + v; yield return $"Link.{v}.Text"; }
        foreach (var v in new[] { "Email", "Name", "Phone", "PostalCode", "Tags", "ConsentDate", "ConsentSource" }) yield return "Import.Field." + v;
        foreach (var v in new[] { "Purposes", "LegalBasis", "DataCategories", "DataSubjects", "Recipients", "Retention", "Security" }) yield return "Register." + v;
        foreach (var key in Coop.Web.Features.Audience.ProcessingRegister.BuiltIn)
            foreach (var field in new[] { "Name", "Purposes", "Basis", "Data", "Subjects", "Recipients", "Retention" }) yield return $"Register.{key}.{field}";
        // Audit actions recorded anywhere in the code ("member.approved"...) and the statutes rules' codes.
        foreach (var file in Directory.EnumerateFiles(WebRoot, "*.cs", SearchOption.AllDirectories))
            foreach (Match m in AuditAction().Matches(File.ReadAllText(file))) yield return "Audit.Action." + m.Groups[1].Value;
        var domain = Path.Combine(WebRoot, "..", "Coop.Domain", "Membership", "StatutesRules.cs");
        foreach (Match m in StatutesCode().Matches(File.ReadAllText(domain))) yield return m.Groups[1].Value;
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
    [GeneratedRegex(""""(?:\b[Ll]\["|\blabel="|\bhint="|"(?=(?:Mail|Error|Problem|Api\.Token|Identity|Validation|Members|Statutes|Charter|Join|Applications|Directory|Platform\.[A-Z]|Invitation|Settings|Audit|Shares|Account|Governance|Vote|Assembly|Resolution|Minutes|Proxy|Attendance|Rules|Quorum|Box|Results|Community|Moderation|Notification|Treasury|Audience|Import|Privacy|Subscribe|Campaign|Preferences|Link|Register|Unsubscribe|Analytics)\.))(?<key>[A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9-]+)+)(?=")"""")]
    private static partial Regex Used();

    [GeneratedRegex("\"((?:tenant|member|charter|invitation|settings|statutes|shares|export|support|vote|assembly|rules|dues|payment|wallet|treasury|personal|privacy|audience)\\.(?!csv)[a-z]+)\"")]
    private static partial Regex AuditAction();

    [GeneratedRegex("new\\(\"(Statutes\\.[A-Za-z0-9.]+)\"")]
    private static partial Regex StatutesCode();
}
