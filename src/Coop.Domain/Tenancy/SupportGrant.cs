namespace Coop.Domain.Tenancy;

/// <summary>
/// A platform operator's time-limited, reasoned access to one cooperative's admin pages, read-only. Operators
/// see nothing of a cooperative's content without one, and each grant is written to the cooperative's audit log.
/// </summary>
public sealed class SupportGrant : ITenantOwned
{
    public static readonly TimeSpan MaximumDuration = TimeSpan.FromHours(72);

    private SupportGrant() => Reason = string.Empty;

    public SupportGrant(Guid operatorUserId, string reason, TimeSpan duration, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("A support access needs a reason.", nameof(reason));
        if (duration <= TimeSpan.Zero || duration > MaximumDuration) throw new ArgumentOutOfRangeException(nameof(duration));
        Id = Guid.CreateVersion7(now);
        OperatorUserId = operatorUserId;
        Reason = reason.Trim();
        StartsAt = now;
        ExpiresAt = now + duration;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid OperatorUserId { get; private set; }
    public string Reason { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && now >= StartsAt && now < ExpiresAt;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
