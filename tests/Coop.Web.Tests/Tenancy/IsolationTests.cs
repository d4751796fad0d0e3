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
