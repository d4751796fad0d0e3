namespace Coop.Domain.Tenancy;

/// <summary>
/// An entity that belongs to exactly one cooperative. The data layer keys it by (TenantId, Id), filters every
/// query by the current tenant, stamps TenantId on insert and refuses writes that target another tenant.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
