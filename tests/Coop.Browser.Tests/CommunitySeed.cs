using Coop.Data;
using Coop.Data.Tenancy;
using Coop.Domain.Community;
using Coop.Domain.Membership;
using Coop.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coop.Browser.Tests;

/// <summary>A space in cooperative A with a post, an edit, a comment and a report, so every community page has content.</summary>
public sealed record CommunitySeed(Guid Space, Guid Post)
{
    public static async Task<CommunitySeed> CreateAsync(CoopApp app, World world, params string[] bodies)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(world);
        await using var scope = app.Services.GetRequiredService<TenantScopeFactory>().Begin(TenantInfo.From(world.A), "browser test");
        var db = scope.ServiceProvider.GetRequiredService<CoopDbContext>();
        var admin = await db.Members.SingleAsync(m => m.UserId == world.AdminA.Id);
        admin.ChangeRoles(admin.Roles | MemberRoles.Admin | MemberRoles.Moderator);
        var member = await db.Members.SingleAsync(m => m.UserId == world.MemberA.Id);
        var now = DateTimeOffset.UtcNow;
        var space = new Space($"Atelier {Guid.NewGuid():N}"[..20], "Réparations et entraide.", SpaceVisibility.Members, admin.Id, now);
        db.Spaces.Add(space);
        db.SpaceMemberships.Add(new SpaceMembership(space.Id, admin.Id, true, now));
        var post = new Post(space.Id, member.Id, "Samedi vélo", "On répare **ensemble** samedi.", now.AddMinutes(-10));
        db.Posts.Add(post);
        db.PostRevisions.Add(post.Edit("Samedi vélo", "On répare **ensemble** samedi à 10 h.", now.AddMinutes(-5)));
        db.Comments.Add(new Comment(post.Id, null, admin.Id, "J'apporte des rustines.", now.AddMinutes(-4)));
        foreach (var body in bodies) db.Posts.Add(new Post(space.Id, member.Id, body.Length > 150 ? body[..150] : body, body, now));
        db.Reports.Add(new Report(ContentKind.Post, post.Id, member.Id, admin.Id, ReportReason.Spam, "3", "Test", now));
        await db.SaveChangesAsync();
        return new CommunitySeed(space.Id, post.Id);
    }
}
