using Coop.Domain.Tenancy;

namespace Coop.Domain.Community;

/// <summary>
/// A private "thank you" from one member to a post's author, in place of a public like counter: only the author
/// learns of it (by a notification), nobody sees a count, and each member thanks a post at most once.
/// </summary>
public sealed class Thanks : ITenantOwned
{
    private Thanks() { }

    public Thanks(Guid postId, Guid fromMemberId, Guid toMemberId, DateTimeOffset now)
    {
        if (fromMemberId == toMemberId) throw new ArgumentException("One does not thank oneself.", nameof(fromMemberId));
        Id = Guid.CreateVersion7(now);
        PostId = postId;
        FromMemberId = fromMemberId;
        ToMemberId = toMemberId;
        CreatedAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid PostId { get; private set; }
    public Guid FromMemberId { get; private set; }
    public Guid ToMemberId { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
