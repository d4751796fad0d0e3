using System.Text.RegularExpressions;

namespace Coop.Web.Tests.Conventions;

/// <summary>
/// Isolation by construction: the few APIs that can step around the tenant filter, the save interceptor or the
/// connection's tenant setting are used only where this list says, each with its reason. A new use fails here until
/// someone writes down why it is safe; an entry no longer used fails too, so the list stays true.
/// </summary>
public sealed partial class IsolationBypassTests
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", ".."));

    private sealed record Allowed(string File, string Api, string Reason);

    private static readonly Allowed[] AllowList =
    [
        new("src/Coop.Data/Tenancy/UserMemberships.cs", "IgnoreQueryFilters",
            "a person's memberships across cooperatives (account pages, the membership check); the query is pinned to that person's user id"),
        new("src/Coop.Data/Outbox/OutboxClaims.cs", "IgnoreQueryFilters",
            "the sender claims due mail of every cooperative; it only sends, never shows, them"),
        new("src/Coop.Data/Outbox/OutboxClaims.cs", "FromSql",
            "the claim is one UPDATE … FOR UPDATE SKIP LOCKED statement so that several nodes never send the same mail"),
        new("src/Coop.Web/Features/Mail/DevMailboxController.cs", "IgnoreQueryFilters",
            "the development mailbox lists every mail written; it does not exist outside Development"),
        new("src/Coop.Data/Tenancy/PostgresTenantSessionInterceptor.cs", "GetDbConnection",
            "it is what sets the tenant on every connection the app opens"),
        new("src/Coop.Data/Membership/MemberChangeListener.cs", "new NpgsqlConnection",
            "LISTEN needs a dedicated, unpooled connection; it reads notifications only (member ids), no rows"),
        new("src/Coop.Web/Features/Governance/VoteLock.cs", "ExecuteSql",
            "a row lock on one vote (SELECT … FOR UPDATE), interpolated parameters, tenant_id in the statement"),
        new("src/Coop.Web/Features/Audience/ContactImporter.cs", "ExecuteSql",
            "SET LOCAL jit = off and the set-based merge of the import, interpolated parameters, on the tenant-bound connection (RLS applies)"),
        new("src/Coop.Web/Features/Audience/ContactImporter.cs", "GetDbConnection",
            "binary COPY of the import into a temporary table, on the tenant-bound connection (RLS applies)"),
        new("src/Coop.Web/Features/Tenancy/TenantResolutionMiddleware.cs", "TenantContext.Bind",
            "binds each request to the cooperative it resolved, before anything reads the database"),
        new("src/Coop.Data/Tenancy/TenantScopeFactory.cs", "TenantContext.Bind",
            "the one logged way for work outside a request (jobs, operator actions) to act for a cooperative"),
    ];

    private static readonly (string Api, Regex Pattern)[] Apis =
    [
        ("IgnoreQueryFilters", IgnoreQueryFilters()),
        ("GetDbConnection", GetDbConnection()),
        ("FromSql", FromSql()),
        ("ExecuteSql", ExecuteSql()),
        ("SqlQuery", SqlQuery()),
        ("new NpgsqlConnection", NewNpgsqlConnection()),
        ("TenantContext.Bind", TenantContextBind()),
    ];

    private static IEnumerable<(string File, string Api, int Line)> Uses()
    {
        var files = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var code = lines[i].TrimStart();
                if (code.StartsWith("//", StringComparison.Ordinal) || code.StartsWith("///", StringComparison.Ordinal)) continue;
                foreach (var (api, pattern) in Apis)
                    if (pattern.IsMatch(lines[i])) yield return (relative, api, i + 1);
            }
        }
    }

    [Test]
    public void Tenant_bypasses_appear_only_where_the_allow_list_gives_a_reason()
    {
        var uses = Uses().ToList();
        Assert.That(uses, Is.Not.Empty, "the scan found the source tree");
        var unexplained = uses.Where(u => !AllowList.Any(a => a.File == u.File && a.Api == u.Api))
            .Select(u => $"{u.File}:{u.Line} uses {u.Api}").ToList();
        Assert.That(unexplained, Is.Empty,
            "each use of these APIs steps around tenant isolation: avoid it, or add it to the allow-list with its reason");
    }

    [Test]
    public void Every_allow_list_entry_is_still_needed()
    {
        var uses = Uses().ToList();
        var stale = AllowList.Where(a => !uses.Any(u => u.File == a.File && u.Api == a.Api)).Select(a => $"{a.File}: {a.Api}").ToList();
        Assert.That(stale, Is.Empty, "remove entries whose use is gone");
    }

    [GeneratedRegex(@"\.IgnoreQueryFilters\s*\(")]
    private static partial Regex IgnoreQueryFilters();

    [GeneratedRegex(@"\.GetDbConnection\s*\(")]
    private static partial Regex GetDbConnection();

    [GeneratedRegex(@"\.FromSql\w*\s*\(")]
    private static partial Regex FromSql();

    [GeneratedRegex(@"\.ExecuteSql\w*\s*\(")]
    private static partial Regex ExecuteSql();

    [GeneratedRegex(@"\.SqlQuery\w*\s*(<[^>]*>)?\s*\(")]
    private static partial Regex SqlQuery();

    [GeneratedRegex(@"new\s+NpgsqlConnection\s*\(")]
    private static partial Regex NewNpgsqlConnection();

    [GeneratedRegex(@"(?i)tenantcontext\w*(>\(\))?\s*\.\s*Bind\s*\(")]
    private static partial Regex TenantContextBind();
}
