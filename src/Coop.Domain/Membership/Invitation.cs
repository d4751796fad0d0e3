using System.Security.Cryptography;
using System.Text;
using Coop.Domain.Tenancy;

namespace Coop.Domain.Membership;

/// <summary>
/// An invitation by e-mail to join a cooperative with given roles (the first admin of a new territory, or a
/// member an admin invites). Only a hash of its secret is stored; it works once, before it expires.
/// </summary>
public sealed class Invitation : ITenantOwned
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private Invitation() => Email = SecretHash = string.Empty;

    private Invitation(string email, MemberRoles roles, Guid? invitedById, DateTimeOffset now, string secretHash)
    {
        Id = Guid.CreateVersion7(now);
        Email = email.Trim();
        Roles = roles | MemberRoles.Member;
        InvitedById = invitedById;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
        SecretHash = secretHash;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public string Email { get; private set; }
    public MemberRoles Roles { get; private set; }
    public Guid? InvitedById { get; private set; }
    public string SecretHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public Guid? AcceptedByUserId { get; private set; }

    /// <summary>Creates an invitation and returns the secret to put in the link (never stored).</summary>
    public static (Invitation Invitation, string Secret) Create(string email, MemberRoles roles, Guid? invitedById, DateTimeOffset now)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        return (new Invitation(email, roles, invitedById, now, Hash(secret)), secret);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool IsUsable(DateTimeOffset now) => AcceptedAt is null && now < ExpiresAt;

    public void Accept(Guid userId, DateTimeOffset now)
    {
        if (AcceptedAt is not null) throw new InvalidOperationException("This invitation was already used.");
        if (now >= ExpiresAt) throw new InvalidOperationException("This invitation has expired.");
        AcceptedAt = now;
        AcceptedByUserId = userId;
    }
}
