namespace Coop.Data.Tenancy;

/// <summary>
/// A platform row that a cooperative may own (a mail it sends) or none (an account mail). It gets the tenant query
/// filter too: a context bound to a cooperative sees that cooperative's rows only, an unbound one the tenantless
/// rows only. Code that works across cooperatives (the mail sender) says so with
/// <c>IgnoreQueryFilters([ModelScope.TenantFilter])</c>, in the allow-list of the isolation convention test.
/// </summary>
public interface ITenantAttributed
{
    Guid? TenantId { get; }
}
