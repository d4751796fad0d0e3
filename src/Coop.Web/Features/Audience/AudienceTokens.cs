using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Coop.Web.Features.Audience;

/// <summary>What a double opt-in link carries: nothing is stored before the person confirms.</summary>
public sealed record SubscriptionRequest(string Email, string Name, string? PostalCode, IReadOnlyList<PurposeVersion> Purposes, DateTimeOffset RequestedAt);

public sealed record PurposeVersion(Guid PurposeId, int Version);

public enum LinkState { Valid, Expired, Invalid }

/// <summary>
/// The signed links sent to contacts: confirm a subscription (7 days), open one's preferences (60 days),
/// unsubscribe from one purpose (no end: it must work in an old message). Each names its cooperative, so a link of
/// one never works at another, and carries its own expiry, so an expired link and a tampered one get different
/// messages.
/// </summary>
public sealed class AudienceTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan ConfirmFor = TimeSpan.FromDays(7);
    public static readonly TimeSpan PreferencesFor = TimeSpan.FromDays(60);

    private readonly IDataProtector _confirm = protection.CreateProtector("Coop.Audience.Confirm");
    private readonly IDataProtector _preferences = protection.CreateProtector("Coop.Audience.Preferences");
    private readonly IDataProtector _unsubscribe = protection.CreateProtector("Coop.Audience.Unsubscribe");

    private sealed record Envelope<T>(Guid Tenant, DateTimeOffset? Expires, T Body);

    private sealed record Unsubscription(Guid Contact, Guid Purpose);

    public string Confirmation(Guid tenantId, SubscriptionRequest request) => Seal(_confirm, tenantId, ConfirmFor, request);

    public LinkState ReadConfirmation(string? token, Guid tenantId, out SubscriptionRequest? request) => Open(_confirm, token, tenantId, out request);

    public string Preferences(Guid tenantId, Guid contactId) => Seal(_preferences, tenantId, PreferencesFor, contactId);

    public LinkState ReadPreferences(string? token, Guid tenantId, out Guid contactId) => Open(_preferences, token, tenantId, out contactId);

    public string Unsubscribe(Guid tenantId, Guid contactId, Guid purposeId) => Seal(_unsubscribe, tenantId, null, new Unsubscription(contactId, purposeId));

    public LinkState ReadUnsubscribe(string? token, Guid tenantId, out Guid contactId, out Guid purposeId)
    {
        var state = Open(_unsubscribe, token, tenantId, out Unsubscription? body);
        contactId = body?.Contact ?? Guid.Empty;
        purposeId = body?.Purpose ?? Guid.Empty;
        return state;
    }

    private string Seal<T>(IDataProtector protector, Guid tenantId, TimeSpan? lifetime, T body) =>
        protector.Protect(JsonSerializer.Serialize(new Envelope<T>(tenantId, clock.GetUtcNow() + lifetime, body)));

    private LinkState Open<T>(IDataProtector protector, string? token, Guid tenantId, out T? body)
    {
        body = default;
        if (string.IsNullOrWhiteSpace(token) || token.Length > 4000) return LinkState.Invalid;
        Envelope<T>? envelope;
        try { envelope = JsonSerializer.Deserialize<Envelope<T>>(protector.Unprotect(token)); }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException) { return LinkState.Invalid; }
        if (envelope is null || envelope.Tenant != tenantId) return LinkState.Invalid;
        if (envelope.Expires is { } expires && expires < clock.GetUtcNow()) return LinkState.Expired;
        body = envelope.Body;
        return LinkState.Valid;
    }
}
