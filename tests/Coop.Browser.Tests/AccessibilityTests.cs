using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Tenancy;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Coop.Browser.Tests;

/// <summary>axe-core on every page that exists, in French and in English: no serious or critical violation.</summary>
public sealed class AccessibilityTests : BrowserFixture
{
    private string _suspendedSlug = null!;
    private GovernanceSeed _votes = null!;
    private CommunitySeed _community = null!;
    private TreasurySeed _treasury = null!;
    private AudienceSeed _audience = null!;

    [OneTimeSetUp]
    public async Task AddSuspendedCooperativeAsync()
    {
        var tenant = new Tenant($"suspendue-{Guid.NewGuid():N}"[..20], "Coop suspendue", LegalForm.Scop, Territory.Of("FR", "Bretagne", "Rennes"),
            TenantLocale.FrenchFrance, "Europe/Paris", TenantCurrency.Euro, DateTimeOffset.UtcNow);
        tenant.Suspend("Hébergement impayé");
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync();
        _suspendedSlug = tenant.Slug;

        // Two charter versions for A (history and diff pages), an application for A, and the admin as operator too.
        await using (var tenantScope = App.Services.GetRequiredService<TenantScopeFactory>().Begin(TenantInfo.From(World.A), "test"))
        {
            var tdb = tenantScope.ServiceProvider.GetRequiredService<CoopDbContext>();
            for (var n = 1; n <= 2; n++)
            {
                var version = new Domain.Charter.CharterVersion($"# Charte\n\nArticle {n}.\n\n- un\n- deux", World.AdminA.Id, DateTimeOffset.UtcNow);
                version.Publish(n, $"Version {n}", World.AdminA.Id, DateTimeOffset.UtcNow);
                tdb.CharterVersions.Add(version);
            }
            var applicant = await Web.Tests.Support.World.UserAsync(App.Services, $"cand-{Guid.NewGuid():N}@test.coop", "Candidate");
            tdb.Members.Add(Domain.Membership.Member.Apply(applicant.Id, "Candidate", null, "Je souhaite participer.", DateTimeOffset.UtcNow));
            await tdb.SaveChangesAsync();
        }
        var user = await db.Users.SingleAsync(u => u.Id == World.AdminA.Id);
        user.IsPlatformOperator = true;
        await db.SaveChangesAsync();
        _votes = await GovernanceSeed.CreateAsync(App, World);
        _community = await CommunitySeed.CreateAsync(App, World);
        _treasury = await TreasurySeed.CreateAsync(App, World);
        _audience = await AudienceSeed.CreateAsync(App, World);
    }

    private IEnumerable<string> AnonymousPages() =>
    [
        "/", $"/c/{World.A.Slug}", $"/c/{World.B.Slug}", "/account/login", "/account/register", "/account/register/check-mail",
        "/account/confirm?userId=x&code=y", "/account/forgot-password", "/account/reset-password?userId=x&code=y",
        "/c/nowhere-at-all", $"/c/{_suspendedSlug}", $"/c/{World.A.Slug}/charter", $"/c/{World.A.Slug}/charter/history",
        $"/c/{World.A.Slug}/charter/diff/2", $"/invitations/{Guid.NewGuid()}/nothing",
        $"/c/{World.A.Slug}/subscribe", $"/c/{World.A.Slug}/subscribe/embed", $"/c/{World.A.Slug}/privacy",
        $"/c/{World.A.Slug}/preferences?token={Uri.EscapeDataString(_audience.PreferencesToken)}", $"/c/{World.A.Slug}/preferences?token=forged",
        $"/c/{World.A.Slug}/unsubscribe?token=forged",
    ];

    private IEnumerable<string> MemberPages() =>
    [
        "/account", "/account/two-factor", $"/c/{World.A.Slug}", $"/c/{World.A.Slug}/admin/members",
        $"/c/{World.A.Slug}/admin/members/{World.MemberAInA.Id}", $"/c/{World.A.Slug}/admin/settings",
        $"/c/{World.A.Slug}/admin/settings/statutes", $"/c/{World.A.Slug}/admin/charter", $"/c/{World.A.Slug}/admin/applications",
        $"/c/{World.A.Slug}/admin/audit", $"/c/{World.A.Slug}/members", $"/c/{World.A.Slug}/charter/accept", $"/c/{World.B.Slug}/join",
        "/platform", "/platform/onboard", $"/c/{World.A.Slug}/admin/shares", "/account/cooperatives",
        $"/c/{World.A.Slug}/votes", $"/c/{World.A.Slug}/votes/new", $"/c/{World.A.Slug}/votes/{_votes.OpenProposal}",
        $"/c/{World.A.Slug}/votes/{_votes.OpenJudgment}", $"/c/{World.A.Slug}/votes/{_votes.ClosedPoll}", $"/c/{World.A.Slug}/votes/{_votes.ClosedPoll}/box",
        $"/c/{World.A.Slug}/votes/{_votes.OpenResolution}", $"/c/{World.A.Slug}/assemblies", $"/c/{World.A.Slug}/assemblies/{_votes.ConvenedAssembly}",
        $"/c/{World.A.Slug}/assemblies/{_votes.ClosedAssembly}", $"/c/{World.A.Slug}/assemblies/{_votes.ClosedAssembly}/minutes",
        $"/c/{World.A.Slug}/admin/assemblies/new", $"/c/{World.A.Slug}/admin/assemblies/{_votes.ConvenedAssembly}",
        $"/c/{World.A.Slug}/admin/assemblies/{_votes.ClosedAssembly}", $"/c/{World.A.Slug}/admin/decision-rules",
        $"/c/{World.A.Slug}/spaces", $"/c/{World.A.Slug}/spaces/new", $"/c/{World.A.Slug}/spaces/{_community.Space}", $"/c/{World.A.Slug}/feed",
        $"/c/{World.A.Slug}/posts/{_community.Post}", $"/c/{World.A.Slug}/posts/{_community.Post}/history", $"/c/{World.A.Slug}/moderation",
        $"/c/{World.A.Slug}/moderation/mine", $"/c/{World.A.Slug}/moderation/log", $"/c/{World.A.Slug}/community/transparency",
        $"/c/{World.A.Slug}/notifications",
        $"/c/{World.A.Slug}/dues", $"/c/{World.A.Slug}/payments/{_treasury.ChequePayment}/receipt", $"/c/{World.A.Slug}/payments/{_treasury.ChequePayment}/return",
        $"/c/{World.A.Slug}/treasury", $"/c/{World.A.Slug}/treasury/calls", $"/c/{World.A.Slug}/treasury/payments", $"/c/{World.A.Slug}/treasury/payments/new",
        $"/c/{World.A.Slug}/treasury/plans", $"/c/{World.A.Slug}/treasury/ledger", $"/c/{World.A.Slug}/treasury/settings",
        $"/c/{World.A.Slug}/public/spaces/{_community.Space}",
        $"/c/{World.A.Slug}/audience", $"/c/{World.A.Slug}/audience/contacts/new", $"/c/{World.A.Slug}/audience/contacts/{_audience.Contact}",
        $"/c/{World.A.Slug}/audience/purposes", $"/c/{World.A.Slug}/audience/import", $"/c/{World.A.Slug}/audience/import/{_audience.Import}",
        $"/c/{World.A.Slug}/audience/campaigns", $"/c/{World.A.Slug}/audience/campaigns/{_audience.Campaign}", $"/c/{World.A.Slug}/analytics",
        $"/c/{World.A.Slug}/privacy/me", $"/c/{World.A.Slug}/privacy/admin", $"/c/{World.A.Slug}/privacy/admin/register",
        $"/c/{World.A.Slug}/privacy/admin/retention", $"/c/{World.A.Slug}/privacy/admin/access", $"/c/{World.A.Slug}/privacy/admin/settings",
    ];

    [TestCase("fr-FR")]
    [TestCase("en-US")]
    public async Task Every_page_has_no_serious_or_critical_violation(string locale)
    {
        var page = await NewPageAsync(locale);
        var problems = new List<string>();
        foreach (var path in AnonymousPages()) problems.AddRange(await AuditAsync(page, path));

        // A form showing its errors.
        await page.GotoAsync("/account/register");
        await page.Locator("form.form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        problems.AddRange(await AuditAsync(page, null));

        await SignInAsync(page, World.AdminA.Email!, Web.Tests.Support.World.Password);
        foreach (var path in MemberPages()) problems.AddRange(await AuditAsync(page, path));
        Assert.That(problems, Is.Empty);
    }

    private static async Task<IEnumerable<string>> AuditAsync(IPage page, string? path)
    {
        if (path is not null)
        {
            var response = await page.GotoAsync(path);
            Assert.That(response!.Status, Is.LessThan(500), $"{path} answered {response.Status}");
        }
        var result = await page.RunAxe();
        Assert.That(result.Passes, Is.Not.Empty, $"axe did not run on {path}");
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{path ?? page.Url}: {v.Id} ({v.Impact}) {string.Join(" | ", v.Nodes.Select(n => n.Html).Take(3))}");
    }
}
