using System.Net;
using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Membership;
using Coop.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Web.Tests.Tenancy;

/// <summary>A cooperative never sees, nor changes, another cooperative's data: through pages, the API, or code.</summary>
[TestFixtureSource(typeof(AppFixture), nameof(AppFixture.Providers))]
public sealed class IsolationTests(DatabaseProvider provider) : AppFixture(provider)
{
    [Test]
    public async Task An_admin_sees_only_their_own_cooperatives_members()
    {
        var admin = App.Visitor();
        await admin.SignInAsync(World.AdminA.Email!, World.Password);
        var page = await admin.GetAsync($"/c/{World.A.Slug}/admin/members");
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Contains("Membre A"), Is.True);
        Assert.That(page.Contains("Membre B"), Is.False);
        Assert.That(page.Contains("Admin B"), Is.False);
    }

    [Test]
    public async Task Another_cooperatives_member_id_is_not_found_under_ones_own_slug()
    {
        var admin = App.Visitor();
        await admin.SignInAsync(World.AdminA.Email!, World.Password);
        var page = await admin.GetAsync($"/c/{World.A.Slug}/admin/members/{World.MemberBInB.Id}");
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(page.Contains("Membre B"), Is.False);

        var post = await admin.SubmitAsync($"/c/{World.A.Slug}/admin/members", $"/c/{World.A.Slug}/admin/members/{World.MemberBInB.Id}/roles",
            new Dictionary<string, string> { ["roles"] = "Admin" });
        Assert.That(post.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await RolesOfAsync(World.B.Id, World.MemberBInB.Id)), Is.EqualTo(MemberRoles.Member), "B's member was not promoted");
    }

    [Test]
    public async Task An_admin_of_one_cooperative_is_refused_in_another()
    {
        var admin = App.Visitor();
        await admin.SignInAsync(World.AdminA.Email!, World.Password);
        var page = await admin.GetAsync($"/c/{World.B.Slug}/admin/members");
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(page.Contains("Membre B"), Is.False);
        Assert.That((await admin.GetAsync($"/c/{World.B.Slug}/admin/members/{World.MemberBInB.Id}")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task A_plain_member_cannot_reach_admin_pages_and_a_visitor_is_sent_to_log_in()
    {
        var member = App.Visitor();
        await member.SignInAsync(World.MemberA.Email!, World.Password);
        Assert.That((await member.GetAsync($"/c/{World.A.Slug}/admin/members")).Status, Is.EqualTo(HttpStatusCode.Forbidden));

        var visitor = await App.Visitor().GetAsync($"/c/{World.A.Slug}/admin/members");
        Assert.That(visitor.Status, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(visitor.Location!.ToString(), Does.Contain("/account/login"));
    }

    [Test]
    public async Task Revoking_a_role_takes_effect_on_the_next_request()
    {
        var user = await World.UserAsync(App.Services, $"revoked-{Guid.NewGuid():N}@test.coop", "Révoqué");
        Guid memberId;
        await using (var scope = App.Services.GetRequiredService<TenantScopeFactory>().Begin(TenantInfo.From(World.A), "test"))
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            var member = new Member(user.Id, user.DisplayName, MemberRoles.Admin, DateTimeOffset.UtcNow);
            db.Members.Add(member);
            await db.SaveChangesAsync();
            memberId = member.Id;
        }
        var client = App.Visitor();
        await client.SignInAsync(user.Email!, World.Password);
        Assert.That((await client.GetAsync($"/c/{World.A.Slug}/admin/members")).Status, Is.EqualTo(HttpStatusCode.OK));

        await using (var scope = App.Services.GetRequiredService<TenantScopeFactory>().Begin(TenantInfo.From(World.A), "test"))
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            (await db.Members.SingleAsync(m => m.Id == memberId)).ChangeRoles(MemberRoles.Member);
            await db.SaveChangesAsync();
        }
        Assert.That((await client.GetAsync($"/c/{World.A.Slug}/admin/members")).Status, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Queries_in_a_tenant_scope_see_only_that_tenant_and_tenantless_ones_see_no_tenant_rows()
    {
        await using (var scope = App.Services.GetRequiredService<TenantScopeFactory>().Begin(TenantInfo.From(World.A), "test"))
        {
            var members = await scope.ServiceProvider.GetRequiredService<CoopDbContext>().Members.ToListAsync();
            Assert.That(members.Select(m => m.TenantId).Distinct(), Is.EqualTo(new[] { World.A.Id }));
            Assert.That(members.Select(m => m.DisplayName), Does.Contain("Membre A").And.Not.Contain("Membre B"));
        }
        await using (var scope = App.Services.CreateAsyncScope())
        {
            Assert.That(await scope.ServiceProvider.GetRequiredService<CoopDbContext>().Members.CountAsync(), Is.Zero);
        }
    }

    [Test]
    public async Task A_pooled_context_serves_each_scope_its_own_cooperative_and_forgets_it_when_returned()
    {
        var scopes = App.Services.GetRequiredService<TenantScopeFactory>();
        var contexts = new HashSet<CoopDbContext>(ReferenceEqualityComparer.Instance);
        for (var round = 0; round < 3; round++)
        {
            foreach (var (tenant, own, other) in new[] { (World.A, "Membre A", "Membre B"), (World.B, "Membre B", "Membre A") })
            {
                await using var scope = scopes.Begin(TenantInfo.From(tenant), "test");
                var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
                contexts.Add(db);
                var names = await db.Members.Select(m => m.DisplayName).ToListAsync();
                Assert.That(names, Does.Contain(own).And.Not.Contain(other), $"round {round}, {tenant.Slug}");
            }
            // Leased straight from the pool, with no scope to bind it: no cooperative's rows.
            await using var unbound = await App.Services.GetRequiredService<IDbContextFactory<CoopDbContext>>().CreateDbContextAsync();
            contexts.Add(unbound);
            Assert.That(await unbound.Members.CountAsync(), Is.Zero, $"round {round}, unbound");
        }
        Assert.That(contexts, Has.Count.LessThan(9), "contexts were reused from the pool");
    }

    [Test]
    public async Task Writes_to_another_tenant_or_without_a_tenant_throw_and_change_nothing()
    {
        await using (var scope = App.Services.GetRequiredService<TenantScopeFactory>().Begin(TenantInfo.From(World.A), "test"))
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            var intruder = new Member(World.MemberA.Id, "Intrus", MemberRoles.Admin, DateTimeOffset.UtcNow);
            db.Entry(intruder).Property(nameof(Member.TenantId)).CurrentValue = World.B.Id;
            db.Members.Add(intruder);
            Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
        }
        await using (var scope = App.Services.GetRequiredService<TenantScopeFactory>().Begin(TenantInfo.From(World.A), "test"))
        {
            // An entity of B, obtained some other way and attached to A's context, cannot be modified or deleted.
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            var bMember = await LoadAsync(World.B.Id, World.MemberBInB.Id);
            db.Attach(bMember);
            bMember.ChangeRoles(MemberRoles.Admin);
            Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();
            db.Remove(bMember);
            Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
        }
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            db.Members.Add(new Member(World.MemberA.Id, "Sans coopérative", MemberRoles.Member, DateTimeOffset.UtcNow));
            Assert.ThrowsAsync<CrossTenantWriteException>(() => db.SaveChangesAsync());
        }
        Assert.That(await RolesOfAsync(World.B.Id, World.MemberBInB.Id), Is.EqualTo(MemberRoles.Member));
    }

    [TestCase("admin/settings")]
    [TestCase("admin/settings/statutes")]
    [TestCase("admin/charter")]
    [TestCase("admin/applications")]
    [TestCase("admin/audit")]
    [TestCase("members")]
    [TestCase("audience")]
    [TestCase("audience/purposes")]
    [TestCase("audience/import")]
    [TestCase("audience/campaigns")]
    [TestCase("analytics")]
    [TestCase("privacy/admin")]
    [TestCase("privacy/admin/register")]
    [TestCase("privacy/admin/access")]
    public async Task Registry_pages_of_another_cooperative_are_refused(string page)
    {
        var admin = App.Visitor();
        await admin.SignInAsync(World.AdminA.Email!, World.Password);
        Assert.That((await admin.GetAsync($"/c/{World.A.Slug}/{page}")).Status, Is.EqualTo(HttpStatusCode.OK), "own cooperative");
        var other = await admin.GetAsync($"/c/{World.B.Slug}/{page}");
        Assert.That(other.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(other.Contains("Membre B"), Is.False);
    }

    [Test]
    public async Task Deciding_on_another_cooperatives_application_through_ones_own_slug_is_not_found()
    {
        var applicantUser = await World.UserAsync(App.Services, $"applicant-{Guid.NewGuid():N}@test.coop", "Candidat B");
        Guid applicationId;
        await using (var scope = App.Services.GetRequiredService<TenantScopeFactory>().Begin(TenantInfo.From(World.B), "test"))
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
            var application = Member.Apply(applicantUser.Id, applicantUser.DisplayName, null, "Bonjour", DateTimeOffset.UtcNow);
            db.Members.Add(application);
            await db.SaveChangesAsync();
            applicationId = application.Id;
        }
        var admin = App.Visitor();
        await admin.SignInAsync(World.AdminA.Email!, World.Password);
        var page = await admin.SubmitAsync($"/c/{World.A.Slug}/admin/applications", $"/c/{World.A.Slug}/admin/applications/{applicationId}/approve", new Dictionary<string, string>());
        Assert.That(page.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await LoadAsync(World.B.Id, applicationId)).Status, Is.EqualTo(MembershipStatus.Applicant));
    }

    [Test]
    public async Task One_cooperatives_charter_is_not_anothers()
    {
        var admin = App.Visitor();
        await admin.SignInAsync(World.AdminA.Email!, World.Password);
        await admin.SubmitAsync($"/c/{World.A.Slug}/admin/charter", $"/c/{World.A.Slug}/admin/charter",
            new Dictionary<string, string> { ["Markdown"] = "Charte secrète de A", ["ChangeSummary"] = "v1", ["publish"] = "1" });
        Assert.That((await App.Visitor().GetAsync($"/c/{World.A.Slug}/charter")).Contains("Charte secrète de A"), Is.True);
        var b = await App.Visitor().GetAsync($"/c/{World.B.Slug}/charter");
        Assert.That(b.Contains("Charte secrète de A"), Is.False);
        Assert.That((await App.Visitor().GetAsync($"/c/{World.B.Slug}/charter/v/1")).Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public void A_scope_cannot_be_bound_after_its_context_was_built()
    {
        using var scope = App.Services.CreateScope();
        _ = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        Assert.Throws<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<TenantContext>().Bind(TenantInfo.From(World.A)));
    }

    private async Task<Member> LoadAsync(Guid tenantId, Guid memberId)
    {
        var tenant = tenantId == World.A.Id ? World.A : World.B;
        await using var scope = App.Services.GetRequiredService<TenantScopeFactory>().Begin(TenantInfo.From(tenant), "test");
        return await scope.ServiceProvider.GetRequiredService<CoopDbContext>().Members.AsNoTracking().SingleAsync(m => m.Id == memberId);
    }

    private async Task<MemberRoles> RolesOfAsync(Guid tenantId, Guid memberId) => (await LoadAsync(tenantId, memberId)).Roles;
}
