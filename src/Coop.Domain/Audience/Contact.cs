using System.Net.Mail;
using Coop.Domain.Tenancy;

namespace Coop.Domain.Audience;

/// <summary>
/// A person of the cooperative's public (not necessarily a member): who they are, where they came from, and when
/// they were last in touch. Whether they may be e-mailed is not here but in their consents, per purpose.
/// </summary>
public sealed class Contact : ITenantOwned
{
    public const int NameMax = 200;
    public const int EmailMax = 254;
    public const int PhoneMax = 30;
    public const int PostalCodeMax = 12;
    public const int TagsMax = 500;
    public const int SourceMax = 200;

    private Contact() => Name = Email = EmailNormalized = Tags = Source = string.Empty;

    public Contact(string name, string email, string? phone, string? postalCode, IEnumerable<string> tags, string source, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        Email = email.Trim();
        EmailNormalized = NormalizeEmail(email) ?? throw new ArgumentException("Not an e-mail address.", nameof(email));
        Name = name.Trim();
        Phone = Blank(phone);
        PostalCode = NormalizePostalCode(postalCode);
        Tags = JoinTags(tags);
        Source = source.Trim();
        CreatedAt = LastActiveAt = now;
    }

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string Email { get; private set; }
    /// <summary>Trimmed and lower-cased: the key that makes "Ana@X.org " and "ana@x.org" one contact (unique per cooperative).</summary>
    public string EmailNormalized { get; private set; }
    public string? Phone { get; private set; }
    public string? PostalCode { get; private set; }
    /// <summary>Tags between bars, "|vélo|bénévole|", so "has tag t" is one <c>LIKE '%|t|%'</c> on both databases.</summary>
    public string Tags { get; private set; }
    /// <summary>Where the contact came from: "Formulaire", "Import salon 2026"...</summary>
    public string Source { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Their last act (subscribing, confirming, changing preferences, being entered by hand): the start of the retention period.</summary>
    public DateTimeOffset LastActiveAt { get; private set; }
    /// <summary>When the retention job asked them to confirm they still want to hear from us.</summary>
    public DateTimeOffset? ReconsentRequestedAt { get; private set; }
    public Guid? MemberId { get; private set; }

    public IReadOnlyList<string> TagList => Tags.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public void Rectify(string name, string? phone, string? postalCode)
    {
        Name = name.Trim();
        Phone = Blank(phone);
        PostalCode = NormalizePostalCode(postalCode);
    }

    public void Retag(IEnumerable<string> tags) => Tags = JoinTags(tags);

    public void AddTags(IEnumerable<string> tags) => Tags = JoinTags(TagList.Concat(tags));

    public void ChangeEmail(string email)
    {
        Email = email.Trim();
        EmailNormalized = NormalizeEmail(email) ?? throw new ArgumentException("Not an e-mail address.", nameof(email));
    }

    public void LinkMember(Guid? memberId) => MemberId = memberId;

    /// <summary>The person did something: the retention clock starts again and any re-consent request is answered.</summary>
    public void Touch(DateTimeOffset now)
    {
        LastActiveAt = now;
        ReconsentRequestedAt = null;
    }

    public void AskedToReconsent(DateTimeOffset now) => ReconsentRequestedAt = now;

    /// <summary>The comparable form of an address, or null when it is not one.</summary>
    public static string? NormalizeEmail(string? email)
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > EmailMax || trimmed.Contains(' ', StringComparison.Ordinal)) return null;
        if (!MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed || !address.Host.Contains('.', StringComparison.Ordinal)) return null;
        return trimmed.ToLowerInvariant();
    }

    public static string? NormalizePostalCode(string? postalCode)
    {
        var value = Blank(postalCode)?.ToUpperInvariant();
        return value is null ? null : string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public static IReadOnlyList<string> ParseTags(string? text) =>
        (text ?? string.Empty).Split([',', ';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant()).Where(t => t.Length is > 0 and <= 40).Distinct().ToList();

    public static string JoinTags(IEnumerable<string> tags)
    {
        var list = tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0 && !t.Contains('|', StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList();
        var joined = list.Count == 0 ? string.Empty : "|" + string.Join('|', list) + "|";
        return joined.Length <= TagsMax ? joined : joined[..joined.LastIndexOf('|', TagsMax - 1)] + "|";
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
