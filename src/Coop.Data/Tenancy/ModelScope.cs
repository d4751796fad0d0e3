namespace Coop.Data.Tenancy;

/// <summary>Model annotation recording whether an entity type is tenant-owned or platform-level.</summary>
public static class ModelScope
{
    public const string Annotation = "Coop:Scope";
    public const string Tenant = "Tenant";
    public const string Platform = "Platform";
    public const string TenantFilter = "Tenant";
}
