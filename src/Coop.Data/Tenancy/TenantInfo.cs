using Coop.Domain.Tenancy;

namespace Coop.Data.Tenancy;

/// <summary>An immutable snapshot of the resolved cooperative, safe to cache and to share across a request.</summary>
public sealed record TenantInfo(
    Guid Id, string Slug, string Name, TenantState State, string? StateReason, LegalForm LegalForm, string Locale,
    string TimeZoneId, string Currency)
{
    public static TenantInfo From(Tenant t) =>
        new(t.Id, t.Slug, t.Name, t.State, t.StateReason, t.LegalForm, t.Locale, t.TimeZoneId, t.Currency);
}
