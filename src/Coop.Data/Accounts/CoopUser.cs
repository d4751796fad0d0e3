using Coop.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Coop.Data.Accounts;

/// <summary>
/// A person's platform-level account. One account may hold memberships in several cooperatives; what they may do
/// inside each one lives on the tenant-owned <see cref="Domain.Membership.Member"/>, never in the cookie.
/// </summary>
public sealed class CoopUser : IdentityUser<Guid>, IPlatformEntity
{
    public CoopUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The interface language the person chose; null follows the cooperative or the browser.</summary>
    public string? PreferredLocale { get; set; }

    /// <summary>Platform operators onboard and suspend cooperatives; they do not read a cooperative's content.</summary>
    public bool IsPlatformOperator { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
