namespace Coop.Data.Tenancy;

/// <summary>
/// The cooperative the current unit of work (a request or an explicit <see cref="TenantScopeFactory"/> scope) acts
/// for. It is bound at most once, and freezes as soon as a <see cref="CoopDbContext"/> reads it, so a context can
/// never be built for one tenant and then used for another.
/// </summary>
public sealed class TenantContext
{
    private bool _frozen;

    public TenantInfo? Current { get; private set; }

    public Guid? TenantId => Current?.Id;

    /// <summary>Set only by <see cref="UserMemberships"/>: the one person whose own memberships may be read across cooperatives.</summary>
    public Guid? MembershipReaderUserId { get; private set; }

    internal void BindMembershipReader(Guid userId)
    {
        if (_frozen || Current is not null) throw new InvalidOperationException("A membership reader scope must be fresh.");
        MembershipReaderUserId = userId;
    }

    public void Bind(TenantInfo tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (Current is not null) throw new InvalidOperationException("The tenant of this scope is already bound.");
        if (_frozen) throw new InvalidOperationException("A database context already exists in this scope without a tenant; bind the tenant first.");
        Current = tenant;
    }

    internal Guid? Freeze()
    {
        _frozen = true;
        return Current?.Id;
    }
}
