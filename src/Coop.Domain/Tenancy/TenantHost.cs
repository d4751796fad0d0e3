using Coop.Domain.Common;

namespace Coop.Domain.Tenancy;

/// <summary>A custom host name (e.g. <c>coop.example.org</c>) that serves one cooperative. Unique platform-wide.</summary>
public sealed class TenantHost : IPlatformEntity
{
    private TenantHost() => HostName = string.Empty;

    internal TenantHost(Guid tenantId, string hostName)
    {
        Id = Guid.CreateVersion7();
        TenantId = tenantId;
        HostName = Normalize(hostName);
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string HostName { get; private set; }

    public static string Normalize(string hostName) => hostName.Trim().TrimEnd('.').ToLowerInvariant();
}
