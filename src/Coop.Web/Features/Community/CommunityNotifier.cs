using Coop.Data;
using Coop.Domain.Community;
using Coop.Domain.Membership;
using Microsoft.EntityFrameworkCore;

namespace Coop.Web.Features.Community;

/// <summary>
/// Turns a new post or comment into notifications, in the caller's unit of work: mentions of members who can read
/// the space, and replies to the post's or the comment's author. Nobody is notified of their own writing.
/// </summary>
public sealed class CommunityNotifier(CoopDbContext db, TimeProvider clock)
{
    public async Task OnWrittenAsync(Space space, Post post, Guid actorId, string text, IEnumerable<Guid> repliedTo, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(repliedTo);
        var now = clock.GetUtcNow();
        var notified = new HashSet<Guid> { actorId };
        if (text.Contains('@', StringComparison.Ordinal))
        {
            var members = await db.Members.AsNoTracking().Where(m => m.Status == MembershipStatus.Active)
                .Select(m => new { m.Id, m.DisplayName, m.Roles }).ToListAsync(ct);
            var insiders = space.Visibility == SpaceVisibility.InviteOnly
                ? (await db.SpaceMemberships.AsNoTracking().Where(m => m.SpaceId == space.Id).Select(m => m.MemberId).ToListAsync(ct)).ToHashSet()
                : null;
            foreach (var id in Mentions.Find(text, members.Select(m => (m.Id, m.DisplayName)).ToList()))
            {
                var member = members.Single(m => m.Id == id);
                var reads = insiders is null || insiders.Contains(id) || (member.Roles & (MemberRoles.Admin | MemberRoles.Moderator)) != 0;
                if (reads && notified.Add(id)) db.Notifications.Add(new Notification(id, NotificationKind.Mention, actorId, post.Id, now));
            }
        }
        foreach (var id in repliedTo.Where(notified.Add)) db.Notifications.Add(new Notification(id, NotificationKind.Reply, actorId, post.Id, now));
    }
}
